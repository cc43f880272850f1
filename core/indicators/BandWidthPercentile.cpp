#include "indicators/BandWidthPercentile.h"

#include "indicators/IndicatorMath.h"

namespace bw {

using namespace indicators;

BandWidthPercentile::BandWidthPercentile(int lookback)
    : m_window(requireAtLeast("BandWidthPercentile", "lookback", lookback, 2))
    , m_value(kNaN)
{}

void BandWidthPercentile::reset()
{
    m_window.reset();
    m_value = kNaN;
}

void BandWidthPercentile::update(double width)
{
    if (!std::isfinite(width))
        return;
    m_window.push(width);
    if (!m_window.isFull())
        return;
    const double below = static_cast<double>(m_window.countBelow(width));
    const double equalOthers = static_cast<double>(m_window.countEqual(width) - 1);
    m_value = (below + 0.5 * equalOthers) / static_cast<double>(m_window.capacity() - 1) * 100.0;
}

} // namespace bw
