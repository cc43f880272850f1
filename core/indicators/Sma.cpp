#include "indicators/Sma.h"

#include "indicators/IndicatorMath.h"

namespace bw {

using namespace indicators;

Sma::Sma(int period)
    : m_window(requirePositive("Sma", "period", period))
{}

void Sma::update(double value)
{
    if (std::isfinite(value))
        m_window.push(value);
}

double Sma::value() const
{
    return isReady() ? m_window.mean() : kNaN;
}

} // namespace bw
