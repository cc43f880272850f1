#include "indicators/Bollinger.h"

#include "indicators/IndicatorMath.h"

namespace bw {

using namespace indicators;

Bollinger::Bollinger(int period, double k)
    : m_window(requirePositive("Bollinger", "period", period))
    , m_k(k)
{
    if (!std::isfinite(k) || k < 0.0)
        throw std::invalid_argument("Bollinger: k must be a finite number >= 0, got " + std::to_string(k));
}

void Bollinger::update(double value)
{
    if (std::isfinite(value))
        m_window.push(value);
}

double Bollinger::middle() const
{
    return isReady() ? m_window.mean() : kNaN;
}

double Bollinger::variance() const
{
    return isReady() ? m_window.variance() : kNaN;
}

double Bollinger::stdDev() const
{
    return std::sqrt(variance());
}

double Bollinger::upper() const
{
    return middle() + m_k * stdDev();
}

double Bollinger::lower() const
{
    return middle() - m_k * stdDev();
}

double Bollinger::bandWidthPct() const
{
    const double m = middle();
    if (m == 0.0)
        return kNaN;
    // (upper - lower) / middle, written without subtracting the two bands: near a price of 1 their
    // difference would lose a quarter of its digits to the rounding of each band.
    return 2.0 * m_k * stdDev() / m * 100.0;
}

} // namespace bw
