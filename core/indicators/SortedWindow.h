#pragma once

#include <cstddef>
#include <vector>

namespace bw {

// The last `window` values kept both in arrival order (a ring) and sorted, in two arrays sized once.
// Replacing the oldest value by a new one is one binary search for the old value and one pass moving the
// values between the old and the new position: O(log n + distance) with no allocation, which for the
// windows used here (10-200) is far cheaper than selecting from a copy of the window.
// Inputs must not be NaN.
class SortedWindow final
{
public:
    explicit SortedWindow(int window);

    void push(double x);
    void reset();

    std::size_t capacity() const { return m_ring.size(); }
    std::size_t size() const { return m_size; }
    bool isFull() const { return m_size == m_ring.size(); }

    // The value that the next push into a full window evicts. Requires size() > 0.
    double oldest() const { return m_ring[m_head]; }
    // i-th smallest, 0-based. Requires i < size().
    double sorted(std::size_t i) const { return m_sorted[i]; }
    // Median of the values held (mean of the two middle ones for an even count); NaN when empty.
    double median() const;
    // Number of values strictly below x and number equal to x.
    std::size_t countBelow(double x) const;
    std::size_t countEqual(double x) const;

private:
    std::vector<double> m_ring;
    std::vector<double> m_sorted;
    std::size_t m_head = 0;
    std::size_t m_size = 0;
};

} // namespace bw
