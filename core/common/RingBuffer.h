#pragma once

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <vector>

namespace bw {

// Fixed-capacity FIFO that overwrites its oldest element when full. Storage is allocated once, in the
// constructor (or setCapacity); push never allocates. Index 0 is the oldest element.
template <typename T>
class RingBuffer
{
public:
    explicit RingBuffer(std::size_t capacity = 0)
        : m_data(capacity)
    {}

    std::size_t capacity() const { return m_data.size(); }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    bool isFull() const { return m_size == m_data.size(); }

    // Drops the contents. Keeps the newest min(size, capacity) elements when shrinking.
    void setCapacity(std::size_t capacity)
    {
        std::vector<T> data(capacity);
        const std::size_t keep = std::min(m_size, capacity);
        for (std::size_t i = 0; i < keep; ++i)
            data[i] = std::move((*this)[m_size - keep + i]);
        m_data = std::move(data);
        m_head = 0;
        m_size = keep;
    }

    void push(const T &value) { slotForPush() = value; }
    void push(T &&value) { slotForPush() = std::move(value); }

    void clear()
    {
        m_head = 0;
        m_size = 0;
    }

    // Removes the oldest n elements (all of them if n >= size).
    void dropOldest(std::size_t n)
    {
        n = std::min(n, m_size);
        m_head = (m_head + n) % std::max<std::size_t>(m_data.size(), 1);
        m_size -= n;
    }

    const T &operator[](std::size_t i) const { return m_data[physical(i)]; }
    T &operator[](std::size_t i) { return m_data[physical(i)]; }

    const T &at(std::size_t i) const
    {
        if (i >= m_size)
            throw std::out_of_range("RingBuffer::at");
        return (*this)[i];
    }

    const T &front() const { return (*this)[0]; }
    const T &back() const { return (*this)[m_size - 1]; }
    T &back() { return (*this)[m_size - 1]; }

    std::size_t bytesHeld() const { return m_data.capacity() * sizeof(T); }

private:
    std::size_t physical(std::size_t i) const { return (m_head + i) % m_data.size(); }

    T &slotForPush()
    {
        if (m_data.empty())
            throw std::logic_error("RingBuffer has zero capacity");
        if (m_size < m_data.size())
            return m_data[physical(m_size++)];
        T &slot = m_data[m_head];
        m_head = (m_head + 1) % m_data.size();
        return slot;
    }

    std::vector<T> m_data;
    std::size_t m_head = 0;
    std::size_t m_size = 0;
};

} // namespace bw
