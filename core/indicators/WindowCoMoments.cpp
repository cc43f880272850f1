#include "indicators/WindowCoMoments.h"

#include "indicators/IndicatorMath.h"

namespace bw {

using namespace indicators;

WindowCoMoments::WindowCoMoments(int window)
    : m_x(static_cast<std::size_t>(requirePositive("WindowCoMoments", "window", window)))
    , m_y(m_x.size())
{}

void WindowCoMoments::reset()
{
    m_head = 0;
    m_size = 0;
    m_active = {};
    m_pending = {};
    m_pendingCount = 0;
}

void WindowCoMoments::push(double x, double y)
{
    const std::size_t capacity = m_x.size();
    if (m_size == 0 && m_pendingCount == 0) {
        m_active.anchorX = m_pending.anchorX = x;
        m_active.anchorY = m_pending.anchorY = y;
    }
    if (m_size == capacity) {
        m_active.remove(m_x[m_head], m_y[m_head]);
        m_x[m_head] = x;
        m_y[m_head] = y;
        if (++m_head == capacity)
            m_head = 0;
    } else {
        std::size_t slot = m_head + m_size;
        if (slot >= capacity)
            slot -= capacity;
        m_x[slot] = x;
        m_y[slot] = y;
        ++m_size;
    }
    m_active.add(x, y);
    m_pending.add(x, y);
    if (++m_pendingCount == capacity) {
        m_active = m_pending;
        m_pending = Sums{};
        m_pending.anchorX = meanX();
        m_pending.anchorY = meanY();
        m_pendingCount = 0;
    }
}

double WindowCoMoments::meanX() const
{
    if (m_size == 0)
        return kNaN;
    return m_active.anchorX + m_active.sx / static_cast<double>(m_size);
}

double WindowCoMoments::meanY() const
{
    if (m_size == 0)
        return kNaN;
    return m_active.anchorY + m_active.sy / static_cast<double>(m_size);
}

double WindowCoMoments::varianceX() const
{
    if (m_size == 0)
        return kNaN;
    const double n = static_cast<double>(m_size);
    const double mx = m_active.sx / n;
    return varianceFromMoments(m_active.sxx / n, mx * mx);
}

double WindowCoMoments::varianceY() const
{
    if (m_size == 0)
        return kNaN;
    const double n = static_cast<double>(m_size);
    const double my = m_active.sy / n;
    return varianceFromMoments(m_active.syy / n, my * my);
}

double WindowCoMoments::covariance() const
{
    if (m_size == 0)
        return kNaN;
    const double n = static_cast<double>(m_size);
    return m_active.sxy / n - (m_active.sx / n) * (m_active.sy / n);
}

WindowCoMoments::Scaled WindowCoMoments::scaledMoments() const
{
    const double n = static_cast<double>(m_size);
    const Sums &a = m_active;
    return {n * a.sxy - a.sx * a.sy, varianceFromMoments(n * a.sxx, a.sx * a.sx),
            varianceFromMoments(n * a.syy, a.sy * a.sy)};
}

} // namespace bw
