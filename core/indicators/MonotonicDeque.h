#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bw {

// Sliding-window maximum (or minimum) by a monotonic deque in a fixed circular array: each value is
// pushed and popped at most once, so a push is amortised O(1), and nothing is allocated after
// construction. Values carry the index of their bar so expired ones leave from the front.
template <typename Compare>
class MonotonicDeque
{
public:
    explicit MonotonicDeque(std::size_t window)
        : m_window(window)
        , m_slots(window)
    {}

    // Adds the value of bar `index` (indices increase by one per push) and drops values older than the
    // window.
    void push(std::int64_t index, double value)
    {
        // Expire first, so that at most `window` values are ever held.
        while (m_size > 0 && front().index <= index - static_cast<std::int64_t>(m_window)) {
            m_head = physical(1);
            --m_size;
        }
        // Later values that are at least as extreme make earlier ones useless.
        while (m_size > 0 && !m_compare(back().value, value))
            --m_size;
        m_slots[physical(m_size)] = {index, value};
        ++m_size;
    }

    void clear()
    {
        m_head = 0;
        m_size = 0;
    }

    bool isEmpty() const { return m_size == 0; }
    // The extreme of the window. Requires !isEmpty().
    double extreme() const { return front().value; }
    std::int64_t extremeIndex() const { return front().index; }

private:
    struct Slot {
        std::int64_t index = 0;
        double value = 0.0;
    };

    std::size_t physical(std::size_t i) const
    {
        const std::size_t p = m_head + i;
        return p >= m_window ? p - m_window : p;
    }
    const Slot &front() const { return m_slots[m_head]; }
    const Slot &back() const { return m_slots[physical(m_size - 1)]; }

    std::size_t m_window;
    std::vector<Slot> m_slots;
    std::size_t m_head = 0;
    std::size_t m_size = 0;
    Compare m_compare;
};

} // namespace bw
