#pragma once

#include "market/MarketTypes.h"
#include "trading/RiskConfig.h"
#include "trading/RiskRejection.h"
#include "trading/TradeSide.h"

#include <QString>

namespace bw {

// Which cap bound the quantity (None: the risk budget did).
enum class SizeCap { None, MaxNotional, Depth };

struct PositionSize {
    RiskRejection rejection = RiskRejection::None;
    QString reason;          // readable; empty when the size is valid
    double qty = 0;          // rounded down to the lot size
    double notional = 0;     // qty * entry
    double riskUsd = 0;      // qty * stopDistance: what the stop would lose (before fees)
    double budgetUsd = 0;    // equity * riskPerTrade
    double stopDistance = 0; // |entry - stop|
    SizeCap cap = SizeCap::None;

    bool isValid() const { return rejection == RiskRejection::None; }
};

// Pure sizing rule (original-system.md §6.1, with real lot sizes and a depth cap the broker can fill):
//   qty = equity * riskPerTrade / |entry - stop|
//   qty <= maxPositionUsd / entry
//   qty <= maxDepthFraction * same-side depth within 0.3 % / entry  (asks for a long, bids for a short)
//   qty rounded DOWN to symbol.lotSize (no rounding when the lot size is unknown, i.e. 0)
//   qty * entry >= max(minNotionalUsd, symbol.minNotional)
class PositionSizer final
{
public:
    static PositionSize compute(const RiskConfig &config, double equity, TradeSide side, double entry, double stop,
                                const BookSummary &book, const SymbolInfo &symbol);

    // Largest multiple of lotSize not above qty (qty itself when lotSize <= 0).
    static double roundDownToLot(double qty, double lotSize);

    // Why a size came to less than one lot, naming the binding limit (size.cap) and its numbers, e.g.
    // "depth cap: 25 % of 1,234 USD ask depth within 0.3 % allows 0.4 lots of 100 XUSDT (...)".
    static QString zeroLotsReason(const RiskConfig &config, const PositionSize &size, TradeSide side, double entry,
                                  double depth, double unroundedQty, const SymbolInfo &symbol);
};

} // namespace bw
