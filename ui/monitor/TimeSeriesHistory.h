#pragma once

#include "common/RingBuffer.h"

#include <QList>
#include <QtGlobal>

#include <algorithm>
#include <cstddef>
#include <limits>

namespace bw::ui {

// What the dashboard keeps of one stream of points for its time ranges: the recent points as they came
// (1 min / 15 min / 1 h) and one aggregated point per minute (24 h), both in fixed rings, so a viewer
// connected for a day holds a few hundred KiB whatever the sample rate.
//
// Point needs a `qint64 timeMs`; Traits provides
//   static void accumulate(Point &sum, const Point &p);   // fold p into the minute's running sum
//   static Point finish(const Point &sum, int count);    // the minute's point from its sum
// A point in the same minSpacingMs slot as the previous one replaces it (through Traits::merge(previous,
// p)), so a source that reports faster than the plots can show does not shorten the recent window.
template <typename Point, typename Traits>
class TimeSeriesHistory
{
public:
    TimeSeriesHistory(std::size_t recentCapacity, std::size_t longCapacity, qint64 bucketMs = 60'000,
                      qint64 minSpacingMs = 0)
        : m_recent(recentCapacity)
        , m_long(longCapacity)
        , m_bucketMs(std::max<qint64>(bucketMs, 1))
        , m_minSpacingMs(minSpacingMs)
    {}

    enum class Added { New, Merged, Rejected };

    // Adds a point. Merged: it replaced the newest one (same time, or same minSpacingMs slot); Rejected:
    // it is older than the newest one (already known, or out of order).
    Added add(const Point &point)
    {
        if (!m_recent.isEmpty()) {
            Point &last = m_recent.back();
            if (point.timeMs < last.timeMs)
                return Added::Rejected;
            if (point.timeMs == last.timeMs) {
                last = Traits::merge(last, point); // the same report twice: counted once in its minute
                return Added::Merged;
            }
            // Same slot of minSpacingMs (not "closer than" the previous point, which would chain a steady
            // stream of close points into one forever).
            if (m_minSpacingMs > 0 && point.timeMs / m_minSpacingMs == last.timeMs / m_minSpacingMs) {
                last = Traits::merge(last, point);
                addToBucket(point);
                return Added::Merged;
            }
        }
        m_recent.push(point);
        addToBucket(point);
        return Added::New;
    }

    // Replaces everything with a history kept elsewhere (the local resource monitor's). Points of `recent`
    // newer than the last of `longer` start the current, not yet finished minute.
    void assign(const QList<Point> &recent, const QList<Point> &longer)
    {
        clear();
        for (const Point &p : longer)
            m_long.push(p);
        const qint64 after = longer.isEmpty() ? -1 : longer.constLast().timeMs + m_bucketMs - 1;
        for (const Point &p : recent) {
            m_recent.push(p);
            if (p.timeMs > after)
                addToBucket(p);
        }
    }

    void clear()
    {
        m_recent.clear();
        m_long.clear();
        m_bucketCount = 0;
        m_bucket = -1;
    }

    bool isEmpty() const { return m_recent.isEmpty() && m_long.isEmpty(); }
    const RingBuffer<Point> &recent() const { return m_recent; }
    const RingBuffer<Point> &minutes() const { return m_long; }
    qint64 bucketMs() const { return m_bucketMs; }

    // The oldest time covered: the first minute when the minutes reach further back than the recent ring.
    qint64 firstTimeMs() const
    {
        qint64 first = m_recent.isEmpty() ? -1 : m_recent.front().timeMs;
        if (!m_long.isEmpty() && (first < 0 || m_long.front().timeMs < first))
            first = m_long.front().timeMs;
        return first;
    }
    qint64 lastTimeMs() const { return m_recent.isEmpty() ? -1 : m_recent.back().timeMs; }

    // Calls fn(point) oldest first for every point at or after fromMs: the minutes where the recent ring
    // does not reach back that far, then the recent points.
    template <typename Fn>
    void forEachSince(qint64 fromMs, Fn &&fn) const
    {
        const qint64 recentStart = m_recent.isEmpty() ? std::numeric_limits<qint64>::max() : m_recent.front().timeMs;
        if (fromMs < recentStart) {
            for (std::size_t i = 0; i < m_long.size(); ++i) {
                const Point &p = m_long[i];
                if (p.timeMs >= fromMs && p.timeMs + m_bucketMs <= recentStart)
                    fn(p);
            }
        }
        for (std::size_t i = 0; i < m_recent.size(); ++i) {
            if (m_recent[i].timeMs >= fromMs)
                fn(m_recent[i]);
        }
    }

private:
    void addToBucket(const Point &p)
    {
        const qint64 bucket = p.timeMs / m_bucketMs;
        if (m_bucketCount > 0 && bucket != m_bucket) {
            Point finished = Traits::finish(m_bucketSum, m_bucketCount);
            finished.timeMs = m_bucket * m_bucketMs; // as the resource monitor's minutes: the bucket's start
            m_long.push(finished);
            m_bucketCount = 0;
        }
        if (m_bucketCount == 0) {
            m_bucket = bucket;
            m_bucketSum = p;
            m_bucketCount = 1;
            return;
        }
        Traits::accumulate(m_bucketSum, p);
        ++m_bucketCount;
    }

    RingBuffer<Point> m_recent;
    RingBuffer<Point> m_long;
    qint64 m_bucketMs;
    qint64 m_minSpacingMs;
    Point m_bucketSum{};
    int m_bucketCount = 0;
    qint64 m_bucket = -1;
};

} // namespace bw::ui
