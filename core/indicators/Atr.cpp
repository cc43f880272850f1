#include "indicators/Atr.h"

#include "indicators/IndicatorMath.h"

#include <algorithm>

namespace bw {

using namespace indicators;

Atr::Atr(int period, AtrSmoothing smoothing)
    : m_period(requirePositive("Atr", "period", period))
    , m_smoothing(smoothing)
    , m_alpha(2.0 / (period + 1.0))
    , m_prevClose(kNaN)
    , m_trueRange(kNaN)
{}

void Atr::reset()
{
    m_count = 0;
    m_prevClose = kNaN;
    m_trueRange = kNaN;
    m_value = 0.0;
}

void Atr::update(double high, double low, double close)
{
    if (!std::isfinite(high) || !std::isfinite(low) || !std::isfinite(close))
        return;
    double tr = high - low;
    if (m_count > 0)
        tr = std::max({tr, std::abs(high - m_prevClose), std::abs(low - m_prevClose)});
    m_prevClose = close;
    m_trueRange = tr;

    if (m_smoothing == AtrSmoothing::Ema) {
        m_value = m_count == 0 ? tr : m_value + m_alpha * (tr - m_value);
    } else if (m_count < m_period) {
        m_value += tr; // seed sum
        if (m_count + 1 == m_period)
            m_value /= m_period;
    } else {
        m_value = (m_value * (m_period - 1) + tr) / m_period;
    }
    if (m_count < m_period)
        ++m_count;
}

} // namespace bw
