#pragma once

#include "common/RingBuffer.h"

#include <QHash>

#include <algorithm>

namespace bw::ui {

// Storage of a bounded table shown newest first: a fixed-capacity ring in arrival order and an index from
// key to arrival number, so that finding a row, updating it in place and dropping the oldest are all O(1).
// Row 0 is the newest element, row size() - 1 the oldest.
template <typename Key, typename T>
class NewestFirstRows
{
public:
    explicit NewestFirstRows(int capacity)
        : m_ring(static_cast<std::size_t>(std::max(1, capacity)))
    {}

    int size() const { return static_cast<int>(m_ring.size()); }
    int capacity() const { return static_cast<int>(m_ring.capacity()); }
    bool isEmpty() const { return m_ring.isEmpty(); }

    const T &at(int row) const { return m_ring[ringIndex(row)].value; }
    T &at(int row) { return m_ring[ringIndex(row)].value; }
    const Key &keyAt(int row) const { return m_ring[ringIndex(row)].key; }

    // The row holding `key`, or -1.
    int rowOf(const Key &key) const
    {
        const auto it = m_index.constFind(key);
        if (it == m_index.cend())
            return -1;
        return size() - 1 - static_cast<int>(*it - m_firstSequence);
    }

    // Removes the `count` oldest rows (the last ones).
    void dropOldest(int count)
    {
        count = std::clamp(count, 0, size());
        for (int i = 0; i < count; ++i)
            m_index.remove(m_ring[static_cast<std::size_t>(i)].key);
        m_ring.dropOldest(static_cast<std::size_t>(count));
        m_firstSequence += count;
    }

    // Adds `value` as the new row 0; when full, the oldest row goes first.
    void prepend(const Key &key, const T &value)
    {
        if (m_ring.isFull())
            dropOldest(1);
        m_index.insert(key, m_nextSequence++);
        m_ring.push(Entry{key, value});
    }

    void clear()
    {
        m_ring.clear();
        m_index.clear();
        m_firstSequence = m_nextSequence;
    }

private:
    struct Entry {
        Key key{};
        T value{};
    };

    std::size_t ringIndex(int row) const { return m_ring.size() - 1 - static_cast<std::size_t>(row); }

    RingBuffer<Entry> m_ring;
    QHash<Key, qint64> m_index; // key -> arrival number
    qint64 m_firstSequence = 0; // arrival number of the oldest element held
    qint64 m_nextSequence = 0;
};

} // namespace bw::ui
