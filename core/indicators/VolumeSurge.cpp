#include "indicators/VolumeSurge.h"

#include "indicators/IndicatorMath.h"

namespace bw {

using namespace indicators;

VolumeSurge::VolumeSurge(int lookback)
    : m_previous(requirePositive("VolumeSurge", "lookback", lookback))
    , m_last(kNaN)
    , m_baseline(kNaN)
    , m_value(kNaN)
{}

void VolumeSurge::reset()
{
    m_previous.reset();
    m_last = kNaN;
    m_baseline = kNaN;
    m_value = kNaN;
    m_hasLast = false;
    m_ready = false;
}

void VolumeSurge::update(double volume)
{
    if (!std::isfinite(volume) || volume < 0.0)
        return;
    if (m_hasLast)
        m_previous.push(m_last);
    m_last = volume;
    m_hasLast = true;
    m_ready = m_previous.isFull();
    if (!m_ready)
        return;
    m_baseline = m_previous.median();
    m_value = m_baseline > 0.0 ? volume / m_baseline : kNaN;
}

} // namespace bw
