#include "indicators/WindowMoments.h"

#include "indicators/IndicatorMath.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace bw {

using namespace indicators;

WindowMoments::WindowMoments(int window)
    : m_values(static_cast<std::size_t>(requirePositive("WindowMoments", "window", window)))
{}

void WindowMoments::reset()
{
    m_head = 0;
    m_size = 0;
    m_active = {};
    m_pending = {};
    m_pendingCount = 0;
}

void WindowMoments::push(double x)
{
    const std::size_t capacity = m_values.size();
    if (m_size == 0 && m_pendingCount == 0) {
        m_active.anchor = x;
        m_pending.anchor = x;
    }
    if (m_size == capacity) {
        const double oldest = m_values[m_head];
        m_values[m_head] = x;
        if (++m_head == capacity)
            m_head = 0;
        m_active.remove(oldest);
    } else {
        std::size_t slot = m_head + m_size;
        if (slot >= capacity)
            slot -= capacity;
        m_values[slot] = x;
        ++m_size;
    }
    m_active.add(x);
    m_pending.add(x);
    if (++m_pendingCount == capacity) {
        // The pending sums now cover exactly the window: they take over, and the next generation is
        // anchored at the current mean so its deviations stay small.
        m_active = m_pending;
        m_pending = Sums{};
        m_pending.anchor = mean();
        m_pendingCount = 0;
    }
}

double WindowMoments::mean() const
{
    if (m_size == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return m_active.anchor + m_active.sum.value() / static_cast<double>(m_size);
}

double WindowMoments::variance() const
{
    if (m_size == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const long double n = static_cast<long double>(m_size);
    const long double meanDeviation = m_active.sum.precise() / n;
    const long double secondMoment = m_active.sumSquares.precise() / n;
    return varianceFromMoments(secondMoment, meanDeviation * meanDeviation);
}

} // namespace bw
