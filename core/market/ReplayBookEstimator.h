#pragma once

#include "market/MarketTypes.h"

namespace bw {

// Recorded candles carry no order book. A replay still has to give the engine a BookSummary (the risk and
// signal stages read spread and depth), so one is estimated from the bar and flagged `estimated`:
// - spread: a configured default, never less than one tick at the close;
// - best bid / ask: the close minus / plus half the spread;
// - depth within 0.5 % per side: a configured fraction of the bar's quote volume; within 0.3 %: 0.3 / 0.5
//   of that (a book of even density);
// - imbalance: 0, since nothing in a candle tells which side is heavier.
// docs/data-format.md states the same.
struct ReplayBookModel {
    double spreadBps = 2.0;
    double depthFraction05 = 0.25;
};

class ReplayBookEstimator final
{
public:
    static BookSummary estimate(const Candle &bar, double tickSize, const ReplayBookModel &model, qint64 updatedMs);
};

} // namespace bw
