#include "monitor/EventLoopLagProbe.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace bw {

EventLoopLagProbe::EventLoopLagProbe(int intervalMs, int windowMs, QObject *parent)
    : QObject(parent)
    , m_intervalMs(std::max(1, intervalMs))
    , m_lags(static_cast<std::size_t>(std::max(1, windowMs / std::max(1, intervalMs))))
{
    m_timer.setParent(this); // moves with the probe
    // A coarse timer may legitimately fire 5 % late; that slack would read as lag.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(m_intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopLagProbe::onTimeout);
}

void EventLoopLagProbe::start()
{
    m_elapsed.start();
    m_timer.start();
}

void EventLoopLagProbe::stop()
{
    m_timer.stop();
}

void EventLoopLagProbe::onTimeout()
{
    const qint64 elapsed = m_elapsed.restart();
    const double lag = std::max<double>(0.0, static_cast<double>(elapsed - m_intervalMs));
    m_lags.push(lag);
    emit tick(lag);
}

double EventLoopLagProbe::percentile(double p) const
{
    if (m_lags.isEmpty())
        return 0;
    std::vector<double> values;
    values.reserve(m_lags.size());
    for (std::size_t i = 0; i < m_lags.size(); ++i)
        values.push_back(m_lags[i]);
    // Nearest rank: the smallest value with at least p of the ticks at or below it.
    const double rank = std::ceil(std::clamp(p, 0.0, 1.0) * static_cast<double>(values.size()));
    const std::size_t index = static_cast<std::size_t>(std::max(1.0, rank)) - 1;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
    return values[index];
}

double EventLoopLagProbe::maxLagMs() const
{
    double result = 0;
    for (std::size_t i = 0; i < m_lags.size(); ++i)
        result = std::max(result, m_lags[i]);
    return result;
}

} // namespace bw
