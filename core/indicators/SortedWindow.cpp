#include "indicators/SortedWindow.h"

#include "indicators/IndicatorMath.h"

#include <algorithm>

namespace bw {

SortedWindow::SortedWindow(int window)
    : m_ring(static_cast<std::size_t>(requirePositive("SortedWindow", "window", window)))
    , m_sorted(m_ring.size())
{}

void SortedWindow::reset()
{
    m_head = 0;
    m_size = 0;
}

void SortedWindow::push(double x)
{
    double *const begin = m_sorted.data();
    const std::size_t capacity = m_ring.size();
    if (m_size < capacity) {
        std::size_t slot = m_head + m_size;
        if (slot >= capacity)
            slot -= capacity;
        m_ring[slot] = x;
        double *const end = begin + m_size;
        double *const at = std::upper_bound(begin, end, x);
        std::copy_backward(at, end, end + 1);
        *at = x;
        ++m_size;
        return;
    }

    const double old = m_ring[m_head];
    m_ring[m_head] = x;
    if (++m_head == capacity)
        m_head = 0;
    double *const end = begin + m_size;
    double *const removed = std::lower_bound(begin, end, old);
    if (x >= old) {
        // Slide the values in (removed, insertion point) one step down over the removed slot.
        double *const at = std::upper_bound(removed + 1, end, x);
        std::copy(removed + 1, at, removed);
        *(at - 1) = x;
    } else {
        double *const at = std::upper_bound(begin, removed, x);
        std::copy_backward(at, removed, removed + 1);
        *at = x;
    }
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
