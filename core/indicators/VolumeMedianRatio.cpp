#include "indicators/VolumeMedianRatio.h"

#include "indicators/IndicatorMath.h"

namespace bw {

using namespace indicators;

VolumeMedianRatio::VolumeMedianRatio(int recent, int base)
    : m_recent(requirePositive("VolumeMedianRatio", "recent", recent))
    , m_base(requirePositive("VolumeMedianRatio", "base", base))
{}

void VolumeMedianRatio::reset()
{
    m_recent.reset();
    m_base.reset();
}

void VolumeMedianRatio::update(double volume)
{
    if (!std::isfinite(volume) || volume < 0.0)
        return;
    if (m_recent.isFull())
        m_base.push(m_recent.oldest());
    m_recent.push(volume);
}

double VolumeMedianRatio::recentMedian() const
{
    return isReady() ? m_recent.median() : kNaN;
}

double VolumeMedianRatio::baseMedian() const
{
    return isReady() ? m_base.median() : kNaN;
}

double VolumeMedianRatio::value() const
{
    if (!isReady())
        return kNaN;
    const double base = m_base.median();
    return base > 0.0 ? m_recent.median() / base : kNaN;
}

} // namespace bw
