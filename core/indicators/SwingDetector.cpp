#include "indicators/SwingDetector.h"

#include "indicators/IndicatorMath.h"

namespace bw {

using namespace indicators;

SwingDetector::SwingDetector(int left, int right, int historyCapacity)
    : m_left(requireAtLeast("SwingDetector", "left", left, 0))
    , m_right(requireAtLeast("SwingDetector", "right", right, 0))
    , m_span(static_cast<std::size_t>(left) + static_cast<std::size_t>(right) + 1)
    , m_highs(m_span)
    , m_lows(m_span)
    , m_times(m_span)
    , m_swingHighs(static_cast<std::size_t>(requirePositive("SwingDetector", "historyCapacity", historyCapacity)))
    , m_swingLows(static_cast<std::size_t>(historyCapacity))
{}

void SwingDetector::reset()
{
    m_head = 0;
    m_count = 0;
    m_newHigh = false;
    m_newLow = false;
    m_swingHighs.clear();
    m_swingLows.clear();
}

void SwingDetector::update(std::int64_t openTimeMs, double high, double low)
{
    m_newHigh = false;
    m_newLow = false;
    if (!std::isfinite(high) || !std::isfinite(low))
        return;

    // Until the ring is full m_head stays 0 and slot = count; afterwards the newest replaces the oldest.
    std::size_t slot = m_head;
    if (m_count < static_cast<std::int64_t>(m_span)) {
        slot = static_cast<std::size_t>(m_count);
    } else if (++m_head == m_span) {
        m_head = 0;
    }
    m_highs[slot] = high;
    m_lows[slot] = low;
    m_times[slot] = openTimeMs;
    ++m_count;
    if (!isReady())
        return;

    // The candidate is the bar `right` bars before the newest, i.e. position `left` from the oldest.
    std::size_t candidate = m_head + static_cast<std::size_t>(m_left);
    if (candidate >= m_span)
        candidate -= m_span;
    const double candidateHigh = m_highs[candidate];
    const double candidateLow = m_lows[candidate];
    bool isHigh = true;
    bool isLow = true;
    for (std::size_t i = 0; i < m_span; ++i) {
        if (i == candidate)
            continue;
        isHigh = isHigh && candidateHigh > m_highs[i];
        isLow = isLow && candidateLow < m_lows[i];
    }
    const std::int64_t index = m_count - 1 - m_right;
    if (isHigh) {
        m_swingHighs.push(Swing{index, m_times[candidate], candidateHigh});
        m_newHigh = true;
    }
    if (isLow) {
        m_swingLows.push(Swing{index, m_times[candidate], candidateLow});
        m_newLow = true;
    }
}

double SwingDetector::value() const
{
    return m_swingHighs.isEmpty() ? kNaN : m_swingHighs.back().price;
}

std::optional<Swing> SwingDetector::lastSwingHigh() const
{
    if (m_swingHighs.isEmpty())
        return std::nullopt;
    return m_swingHighs.back();
}

std::optional<Swing> SwingDetector::lastSwingLow() const
{
    if (m_swingLows.isEmpty())
        return std::nullopt;
    return m_swingLows.back();
}

} // namespace bw
