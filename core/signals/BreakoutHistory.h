#pragma once

#include "common/RingBuffer.h"
#include "trading/TradeSide.h"

#include <QHash>
#include <QString>

#include <optional>

namespace bw {

// One closed bar that closed beyond a level: what a later retest trade needs to know.
struct Breakout {
    double level = 0;
    TradeSide side = TradeSide::Long; // Long: a resistance broken upwards; Short: a support broken downwards
    qint64 barOpenMs = 0;             // the breaking bar
    qint64 barCloseMs = 0;            // when it closed (market time)
    bool retested = false;            // a retest signal already used it
};

// Recorded breakouts per symbol (the original declared such a history but never filled it, §11 item 20).
// Bounded twice: at most kPerSymbol breakouts per symbol (oldest dropped) and at most maxSymbols symbols
// (prune() drops symbols whose newest breakout is older than maxAgeMs, then the stalest ones).
class BreakoutHistory final
{
public:
    static constexpr std::size_t kPerSymbol = 8;

    explicit BreakoutHistory(int maxSymbols = 2000);

    // Records a breakout unless the same level (within tolerance, price units) and side is already
    // recorded for a bar at or after this one.
    void record(const QString &symbol, const Breakout &breakout, double tolerance);

    // The newest un-retested breakout of `side` within `tolerance` of `level`, closed in
    // [nowMs - maxAgeMs, nowMs - minAgeMs].
    std::optional<Breakout> find(const QString &symbol, double level, TradeSide side, double tolerance, qint64 nowMs,
                                 qint64 minAgeMs, qint64 maxAgeMs) const;

    // Marks the breakout of that symbol and bar as used by a retest.
    void markRetested(const QString &symbol, qint64 barOpenMs, double level);

    // Bar open time of the newest bar already examined for breakouts, -1 when none.
    qint64 lastCheckedBar(const QString &symbol) const { return m_lastChecked.value(symbol, -1); }
    void setLastCheckedBar(const QString &symbol, qint64 barOpenMs);

    void prune(qint64 nowMs, qint64 maxAgeMs);
    int symbolCount() const { return int(m_bySymbol.size()); }
    int breakoutCount(const QString &symbol) const;

private:
    QHash<QString, RingBuffer<Breakout>> m_bySymbol;
    QHash<QString, qint64> m_lastChecked;
    int m_maxSymbols;
};

} // namespace bw
