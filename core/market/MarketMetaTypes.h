#pragma once

namespace bw {

// Registers the market value types (SymbolInfo, its list, MarketUpdateBatch, MarketOverview) for queued
// connections between threads. Idempotent and thread-safe; feeds and the MarketService call it.
void registerMarketMetaTypes();

} // namespace bw
