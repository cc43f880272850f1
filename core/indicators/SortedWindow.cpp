#include "indicators/SortedWindow.h"

#include "indicators/IndicatorMath.h"

#include <algorithm>

namespace bw {

using namespace indicators;

SortedWindow::SortedWindow(int window)
    : m_ring(static_cast<std::size_t>(requirePositive("SortedWindow", "window", window)))
    , m_sorted(m_ring.size())
{}

void SortedWindow::reset()
{
    m_head = 0;
    m_size = 0;
}

namespace {

// lower_bound without data-dependent branches (the comparison becomes a conditional move): in a window
// of 20 random volumes a branching binary search mispredicts about half its steps. Requires n >= 1.
std::size_t lowerBound(const double *values, std::size_t n, double x)
{
    const double *base = values;
    while (n > 1) {
        const std::size_t half = n / 2;
        base = base[half] < x ? base + half : base;
        n -= half;
    }
    return static_cast<std::size_t>(base - values) + (*base < x ? 1 : 0);
}

} // namespace

void SortedWindow::push(double x)
{
    double *const sorted = m_sorted.data();
    const std::size_t capacity = m_ring.size();
    std::size_t j = 0;
    if (m_size < capacity) {
        std::size_t slot = m_head + m_size;
        if (slot >= capacity)
            slot -= capacity;
        m_ring[slot] = x;
        // Insertion from the top end.
        j = m_size++;
        while (j > 0 && sorted[j - 1] > x) {
            sorted[j] = sorted[j - 1];
            --j;
        }
        sorted[j] = x;
        return;
    }

    const double old = m_ring[m_head];
    m_ring[m_head] = x;
    if (++m_head == capacity)
        m_head = 0;
    // The new value takes the removed value's slot and moves to its place: one pass over the values
    // between the two positions.
    j = lowerBound(sorted, m_size, old);
    if (x >= old) {
        while (j + 1 < m_size && sorted[j + 1] < x) {
            sorted[j] = sorted[j + 1];
            ++j;
        }
    } else {
        while (j > 0 && sorted[j - 1] > x) {
            sorted[j] = sorted[j - 1];
            --j;
        }
    }
    sorted[j] = x;
}

double SortedWindow::median() const
{
    if (m_size == 0)
        return kNaN;
    const std::size_t mid = m_size / 2;
    if (m_size % 2 == 1)
        return m_sorted[mid];
    return (m_sorted[mid - 1] + m_sorted[mid]) * 0.5;
}

std::size_t SortedWindow::countBelow(double x) const
{
    const double *const begin = m_sorted.data();
    return static_cast<std::size_t>(std::lower_bound(begin, begin + m_size, x) - begin);
}

std::size_t SortedWindow::countEqual(double x) const
{
    const double *const begin = m_sorted.data();
    const auto range = std::equal_range(begin, begin + m_size, x);
    return static_cast<std::size_t>(range.second - range.first);
}

} // namespace bw
