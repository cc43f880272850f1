#pragma once

#include "market/CandleResampler.h"
#include "market/CandleSeries.h"
#include "market/MarketTypes.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace bw {

// Everything the store knows about one symbol. Read-only to everyone but the MarketStore.
struct SymbolMarket {
    CandleSeries bars;    // base interval (the feed's, 5 m by default)
    CandleSeries bars15m; // resampled from closed base bars; empty when the base does not divide 15 m
    CandleSeries bars1h;  // resampled from closed base bars; empty when the base does not divide 1 h
    Ticker24h ticker;
    BookSummary book;
    double tradesPerMinute = 0; // real trade counts of the last closed base bars, per minute
    qint64 lastUpdateMs = 0;    // market time of the last update of any kind; 0 = never
};

// The market state of all symbols: candle rings, 24 h statistics, book summaries. A plain class that lives
// on one thread (the engine's): apply() mutates it, and readers on other threads (scanner workers) may read
// it only while the owner guarantees no apply() runs (MarketService::holdUpdates()).
class MarketStore final
{
public:
    static constexpr int kDefaultCapacity = 500;
    static constexpr qint64 k15mMs = 15 * 60 * 1000;
    static constexpr qint64 k1hMs = 60 * 60 * 1000;
    // Trades per minute average the trades of this many most recent closed base bars.
    static constexpr int kTradesPerMinuteBars = 5;
    // A symbol is stale when nothing about it arrived for longer than this many base intervals.
    static constexpr int kStaleBars = 3;

    explicit MarketStore(qint64 baseIntervalMs = 300000, int capacity = kDefaultCapacity);

    // Replaces the symbol list and drops all market state.
    void setSymbols(const QList<SymbolInfo> &symbols);

    int symbolCount() const { return static_cast<int>(m_infos.size()); }
    int indexOf(const QString &name) const { return m_index.value(name, -1); }
    const SymbolInfo &info(int i) const { return m_infos[static_cast<std::size_t>(i)]; }
    const SymbolMarket &market(int i) const { return m_markets[static_cast<std::size_t>(i)]; }

    qint64 baseIntervalMs() const { return m_baseMs; }
    int capacity() const { return m_capacity; }
    int capacity15m() const { return m_capacity15m; }
    int capacity1h() const { return m_capacity1h; }
    // The newest market time any batch carried; 0 before the first batch.
    qint64 marketTimeMs() const { return m_marketTimeMs; }
    // Candles refused since setSymbols (unknown symbol, out of order, misaligned, insane prices).
    qint64 rejectedCandles() const { return m_rejected; }

    // Applies one batch and returns the indices (ascending, unique) of symbols whose base bar closed.
    QList<int> apply(const MarketUpdateBatch &batch);

    // Bytes the store holds, from the capacities of everything it allocated (not from what is filled).
    qint64 bytesHeld() const;

    bool isStale(int i) const;

    // One row per symbol, in store order. The caller fills in the feed-related fields it knows about
    // (backfill progress); storeBytes, marketTimeMs, barIntervalMs and formingBarOpenMs are set here.
    MarketOverview overview(const QString &sourceName = {}) const;

private:
    void updateTradesPerMinute(SymbolMarket &m) const;

    qint64 m_baseMs;
    int m_capacity;
    int m_capacity15m;
    int m_capacity1h;
    bool m_has15m;
    bool m_has1h;
    std::vector<SymbolInfo> m_infos;
    std::vector<SymbolMarket> m_markets;
    std::vector<CandleResampler> m_resamplers15m;
    std::vector<CandleResampler> m_resamplers1h;
    QHash<QString, int> m_index;
    std::vector<unsigned char> m_closedMark; // scratch for apply(), sized with the symbols
    qint64 m_marketTimeMs = 0;
    qint64 m_rejected = 0;
};

} // namespace bw
