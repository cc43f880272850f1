#pragma once

#include "indicators/SortedWindow.h"

namespace bw {

// Median of the last `window` values (mean of the two middle values for an even window), kept in a
// sorted window updated by insertion: no allocation, O(log n + n) moves of doubles per value.
// Ready once the window is full.
class RollingMedian final
{
public:
    explicit RollingMedian(int window);

    void update(double value);
    double value() const;
    bool isReady() const { return m_window.isFull(); }
    void reset() { m_window.reset(); }

    int window() const { return static_cast<int>(m_window.capacity()); }
    std::size_t size() const { return m_window.size(); }
    // Median of whatever is held, even before the window is full (NaN when empty).
    double partialMedian() const { return m_window.median(); }
    // The value the next update evicts from a full window. Requires size() > 0.
    double oldest() const { return m_window.oldest(); }

private:
    SortedWindow m_window;
};

} // namespace bw
