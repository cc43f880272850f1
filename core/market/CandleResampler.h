#pragma once

#include "market/CandleSeries.h"

namespace bw {

// Builds a longer-interval series (15 m, 1 h) from the closed bars of a base series (5 m). The target bar
// is closed only when the last base bar of its period has closed; until then it is the forming bar of the
// target series, made of the base bars closed so far. Gaps: missing base bars inside a period are simply
// absent from the aggregate; when the last base bar of a period never arrives, the period's bar is
// closed as soon as a base bar of a later period arrives; a period with no base bar at all has no bar.
class CandleResampler final
{
public:
    // targetIntervalMs must be a positive multiple of baseIntervalMs.
    CandleResampler(qint64 baseIntervalMs, qint64 targetIntervalMs);

    static bool canResample(qint64 baseIntervalMs, qint64 targetIntervalMs);

    qint64 baseIntervalMs() const { return m_baseMs; }
    qint64 targetIntervalMs() const { return m_targetMs; }

    // Feeds one closed base bar and applies the result to target (whose interval must be the target
    // interval). Returns how many target bars closed (0, 1, or 2 when a gap ends an unfinished period).
    // Base bars not newer than the last one fed, not closed, or not aligned are ignored (returns 0).
    int add(const Candle &baseBar, CandleSeries &target);

    void reset();

private:
    qint64 m_baseMs;
    qint64 m_targetMs;
    Candle m_acc;
    bool m_hasAcc = false;
    qint64 m_lastBaseOpenMs = -1;
};

} // namespace bw
