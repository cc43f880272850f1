#pragma once

#include "scanner/ScanTypes.h"

#include <QList>

namespace bw {

// The scanner's filters (original §4.3, with §11 fixed), as pure functions of plain data. Each appends
// one FilterResult per filter to `out`; a stage passes when every applicable result passed.
class ScanFilters final
{
public:
    static void liquidity(const SymbolMetrics &m, const LiquiditySection &c, QList<FilterResult> &out);
    static void volatility(const SymbolMetrics &m, const VolatilitySection &c, QList<FilterResult> &out);
    // |corr of log returns with the reference| <= the raw risk.correlation_limit.
    static void correlation(const SymbolMetrics &m, const RiskSection &c, QList<FilterResult> &out);
    static void dataHealth(const SymbolMetrics &m, const LiquiditySection &c, QList<FilterResult> &out);

    // True when every applicable result from index `from` on passed.
    static bool passed(const QList<FilterResult> &results, qsizetype from = 0);
    // "volume 24 h 1.2M < 5M; spread 45 bps > 30 bps" for the failed results from index `from` on.
    static QString failureReason(const QList<FilterResult> &results, qsizetype from = 0);

    // Minimum closed bars the bar-derived measurements need.
    static constexpr int kAtrPeriod = 14;
    static constexpr int kSurge1hBars = 12; // 12 base bars of 5 m = 1 h
    static constexpr int kSurge5mLookback = 20;
};

} // namespace bw
