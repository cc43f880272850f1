#include "indicators/SessionVwap.h"

#include "indicators/IndicatorMath.h"

namespace bw {

using namespace indicators;

std::int64_t SessionVwap::utcDayStart(std::int64_t timeMs)
{
    std::int64_t day = timeMs / kDayMs;
    if (timeMs % kDayMs < 0)
        --day;
    return day * kDayMs;
}

void SessionVwap::reset()
{
    m_started = false;
    m_sessionStartMs = 0;
    m_lastOpenTimeMs = 0;
    m_priceVolume = 0.0;
    m_volume = 0.0;
}

void SessionVwap::update(std::int64_t openTimeMs, double typicalPrice, double volume)
{
    if (!std::isfinite(typicalPrice) || !std::isfinite(volume) || volume < 0.0)
        return;
    if (m_started && openTimeMs < m_lastOpenTimeMs)
        return;
    const std::int64_t dayStart = utcDayStart(openTimeMs);
    if (!m_started || dayStart != m_sessionStartMs) {
        m_sessionStartMs = dayStart;
        m_priceVolume = 0.0;
        m_volume = 0.0;
        m_started = true;
    }
    m_lastOpenTimeMs = openTimeMs;
    m_priceVolume += typicalPrice * volume;
    m_volume += volume;
}

double SessionVwap::value() const
{
    return isReady() ? m_priceVolume / m_volume : kNaN;
}

} // namespace bw
