#include "indicators/RollingCorrelation.h"

#include "indicators/IndicatorMath.h"

#include <algorithm>

namespace bw {

RollingCorrelation::RollingCorrelation(int window)
    : m_moments(requireAtLeast("RollingCorrelation", "window", window, 2))
{}

void RollingCorrelation::reset()
{
    m_moments.reset();
    m_lastPrice = 0.0;
    m_lastReferencePrice = 0.0;
    m_hasPrices = false;
}

void RollingCorrelation::update(double seriesReturn, double referenceReturn)
{
    if (std::isfinite(seriesReturn) && std::isfinite(referenceReturn))
        m_moments.push(seriesReturn, referenceReturn);
}

void RollingCorrelation::updatePrices(double price, double referencePrice)
{
    if (!(std::isfinite(price) && price > 0.0 && std::isfinite(referencePrice) && referencePrice > 0.0))
        return;
    if (m_hasPrices)
        m_moments.push(std::log(price / m_lastPrice), std::log(referencePrice / m_lastReferencePrice));
    m_lastPrice = price;
    m_lastReferencePrice = referencePrice;
    m_hasPrices = true;
}

double RollingCorrelation::correlation() const
{
    if (!isReady())
        return kNaN;
    const double vx = m_moments.varianceX();
    const double vy = m_moments.varianceY();
    if (vx <= 0.0 || vy <= 0.0)
        return kNaN;
    return std::clamp(m_moments.covariance() / (std::sqrt(vx) * std::sqrt(vy)), -1.0, 1.0);
}

double RollingCorrelation::beta() const
{
    if (!isReady())
        return kNaN;
    const double vy = m_moments.varianceY();
    if (vy <= 0.0)
        return kNaN;
    return m_moments.covariance() / vy;
}

} // namespace bw
