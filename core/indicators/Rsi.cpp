#include "indicators/Rsi.h"

#include "indicators/IndicatorMath.h"

namespace bw {

using namespace indicators;

namespace {
double rsiFrom(double avgGain, double avgLoss)
{
    if (avgLoss == 0.0)
        return avgGain == 0.0 ? 50.0 : 100.0;
    return 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
}
} // namespace

Rsi::Rsi(int period)
    : m_period(requirePositive("Rsi", "period", period))
    , m_value(kNaN)
{}

void Rsi::reset()
{
    m_changes = 0;
    m_hasPrevious = false;
    m_previous = 0.0;
    m_avgGain = 0.0;
    m_avgLoss = 0.0;
    m_value = kNaN;
}

double Rsi::averageGain() const
{
    return isReady() ? m_avgGain : kNaN;
}

double Rsi::averageLoss() const
{
    return isReady() ? m_avgLoss : kNaN;
}

void Rsi::update(double close)
{
    if (!std::isfinite(close))
        return;
    if (!m_hasPrevious) {
        m_previous = close;
        m_hasPrevious = true;
        return;
    }
    const double change = close - m_previous;
    m_previous = close;
    const double gain = change > 0.0 ? change : 0.0;
    const double loss = change < 0.0 ? -change : 0.0;
    if (m_changes < m_period) {
        m_avgGain += gain;
        m_avgLoss += loss;
        if (++m_changes < m_period)
            return;
        m_avgGain /= m_period;
        m_avgLoss /= m_period;
    } else {
        m_avgGain = (m_avgGain * (m_period - 1) + gain) / m_period;
        m_avgLoss = (m_avgLoss * (m_period - 1) + loss) / m_period;
    }
    m_value = rsiFrom(m_avgGain, m_avgLoss);
}

} // namespace bw
