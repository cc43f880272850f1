#include "indicators/Ema.h"

#include "indicators/IndicatorMath.h"

namespace bw {

using namespace indicators;

Ema::Ema(int period)
    : m_period(requirePositive("Ema", "period", period))
    , m_alpha(2.0 / (period + 1.0))
    , m_value(kNaN)
{}

void Ema::reset()
{
    m_count = 0;
    m_seedSum = 0.0;
    m_value = kNaN;
}

void Ema::update(double value)
{
    if (!std::isfinite(value))
        return;
    if (m_count < m_period) {
        m_seedSum += value;
        if (++m_count == m_period)
            m_value = m_seedSum / m_period;
        return;
    }
    m_value += m_alpha * (value - m_value);
}

} // namespace bw
