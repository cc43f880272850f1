#include "market/CandleResampler.h"

#include <algorithm>
#include <stdexcept>

namespace bw {

namespace {

qint64 floorTo(qint64 t, qint64 step)
{
    qint64 q = t / step;
    if (t % step != 0 && t < 0)
        --q;
    return q * step;
}

} // namespace

CandleResampler::CandleResampler(qint64 baseIntervalMs, qint64 targetIntervalMs)
    : m_baseMs(baseIntervalMs)
    , m_targetMs(targetIntervalMs)
{
    if (!canResample(baseIntervalMs, targetIntervalMs))
        throw std::invalid_argument("CandleResampler: target interval must be a positive multiple of the base");
}

bool CandleResampler::canResample(qint64 baseIntervalMs, qint64 targetIntervalMs)
{
    return baseIntervalMs > 0 && targetIntervalMs >= baseIntervalMs && targetIntervalMs % baseIntervalMs == 0;
}

void CandleResampler::reset()
{
    m_hasAcc = false;
    m_lastBaseOpenMs = -1;
}

int CandleResampler::add(const Candle &bar, CandleSeries &target)
{
    if (!bar.closed || bar.openTimeMs % m_baseMs != 0 || bar.openTimeMs <= m_lastBaseOpenMs)
        return 0;
    m_lastBaseOpenMs = bar.openTimeMs;

    int closedCount = 0;
    const qint64 period = floorTo(bar.openTimeMs, m_targetMs);
    if (m_hasAcc && m_acc.openTimeMs != period) {
        // The previous period ended without its last base bar (a gap): it is over, so close what it had.
        m_acc.closed = true;
        if (target.apply(m_acc) == CandleSeries::AppendResult::BarClosed)
            ++closedCount;
        m_hasAcc = false;
    }

    if (!m_hasAcc) {
        m_acc = bar;
        m_acc.openTimeMs = period;
        m_hasAcc = true;
    } else {
        m_acc.high = std::max(m_acc.high, bar.high);
        m_acc.low = std::min(m_acc.low, bar.low);
        m_acc.close = bar.close;
        m_acc.volume += bar.volume;
        m_acc.quoteVolume += bar.quoteVolume;
        m_acc.trades += bar.trades;
    }

    const bool lastOfPeriod = bar.openTimeMs + m_baseMs == period + m_targetMs;
    m_acc.closed = lastOfPeriod;
    if (target.apply(m_acc) == CandleSeries::AppendResult::BarClosed)
        ++closedCount;
    if (lastOfPeriod)
        m_hasAcc = false;
    return closedCount;
}

} // namespace bw
