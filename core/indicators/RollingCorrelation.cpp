#include "indicators/RollingCorrelation.h"

#include "indicators/IndicatorMath.h"

#include <algorithm>

namespace bw {

using namespace indicators;

RollingCorrelation::RollingCorrelation(int window)
    : m_moments(requireAtLeast("RollingCorrelation", "window", window, 2))
    , m_correlation(kNaN)
    , m_beta(kNaN)
{}

void RollingCorrelation::reset()
{
    m_moments.reset();
    m_lastPrice = 0.0;
    m_lastReferencePrice = 0.0;
    m_hasPrices = false;
    m_correlation = kNaN;
    m_beta = kNaN;
}

void RollingCorrelation::update(double seriesReturn, double referenceReturn)
{
    if (std::isfinite(seriesReturn) && std::isfinite(referenceReturn))
        push(seriesReturn, referenceReturn);
}

void RollingCorrelation::updatePrices(double price, double referencePrice)
{
    if (!(std::isfinite(price) && price > 0.0 && std::isfinite(referencePrice) && referencePrice > 0.0))
        return;
    if (m_hasPrices)
        push(std::log(price / m_lastPrice), std::log(referencePrice / m_lastReferencePrice));
    m_lastPrice = price;
    m_lastReferencePrice = referencePrice;
    m_hasPrices = true;
}

void RollingCorrelation::push(double seriesReturn, double referenceReturn)
{
    m_moments.push(seriesReturn, referenceReturn);
    if (!m_moments.isFull())
        return;
    // Both ratios from the n^2-scaled moments: two divisions and two roots per bar.
    const WindowCoMoments::Scaled m = m_moments.scaledMoments();
    m_beta = m.varianceY > 0.0 ? m.covariance / m.varianceY : kNaN;
    m_correlation = m.varianceX > 0.0 && m.varianceY > 0.0
                        ? std::clamp(m.covariance / (std::sqrt(m.varianceX) * std::sqrt(m.varianceY)), -1.0, 1.0)
                        : kNaN;
}

} // namespace bw
