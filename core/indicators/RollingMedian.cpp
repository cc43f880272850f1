#include "indicators/RollingMedian.h"

#include "indicators/IndicatorMath.h"

namespace bw {

using namespace indicators;

RollingMedian::RollingMedian(int window)
    : m_window(requirePositive("RollingMedian", "window", window))
{}

double RollingMedian::value() const
{
    return isReady() ? m_window.median() : kNaN;
}

void RollingMedian::update(double value)
{
    if (std::isfinite(value))
        m_window.push(value);
}

} // namespace bw
