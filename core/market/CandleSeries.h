#pragma once

#include "market/Candle.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace bw {

// The candle history of one symbol at one interval: a fixed-capacity ring of closed bars plus the one bar
// still forming. Struct-of-arrays so that indicators and the scanner walk one field contiguously; all
// storage is allocated in the constructor and apply() never allocates.
//
// Index 0 is the oldest closed bar, size() - 1 the newest. Open times are aligned to the interval (epoch
// based) and strictly increase; gaps (missing bars) are allowed and visible through openTime().
class CandleSeries final
{
public:
    enum class AppendResult { FormingUpdated, BarClosed, Rejected };

    explicit CandleSeries(qint64 intervalMs = 300000, int capacity = 500);

    // closed == false replaces the forming bar (a newer open time starts a new forming bar); closed == true
    // appends a closed bar, evicting the oldest one when full, and ends the forming bar of the same or an
    // earlier open time. Rejected: open time not aligned to the interval, not newer than the newest closed
    // bar (or older than the forming bar for a forming update), or prices that are not finite and positive
    // with low <= high.
    AppendResult apply(const Candle &c);

    void clear();

    int size() const { return m_size; }
    int capacity() const { return m_capacity; }
    bool isEmpty() const { return m_size == 0; }
    bool isFull() const { return m_size == m_capacity; }
    qint64 intervalMs() const { return m_intervalMs; }

    Candle at(int i) const;
    Candle last() const; // newest closed bar; requires !isEmpty()
    std::optional<Candle> forming() const;
    // Open time of the newest closed bar, or -1 when there is none.
    qint64 lastOpenTimeMs() const { return m_size > 0 ? openTime(m_size - 1) : -1; }

    qint64 openTime(int i) const { return m_openTime[slot(i)]; }
    double open(int i) const { return m_open[slot(i)]; }
    double high(int i) const { return m_high[slot(i)]; }
    double low(int i) const { return m_low[slot(i)]; }
    double close(int i) const { return m_close[slot(i)]; }
    double volume(int i) const { return m_volume[slot(i)]; }
    double quoteVolume(int i) const { return m_quoteVolume[slot(i)]; }
    qint64 trades(int i) const { return m_trades[slot(i)]; }

    // Heap bytes this series holds (its fixed arrays), plus the object itself.
    std::size_t bytesHeld() const;
    // What a series of this capacity holds, without building one.
    static std::size_t bytesForCapacity(int capacity);

private:
    std::size_t slot(int i) const
    {
        std::size_t s = m_head + static_cast<std::size_t>(i);
        return s >= static_cast<std::size_t>(m_capacity) ? s - static_cast<std::size_t>(m_capacity) : s;
    }
    static bool isSane(const Candle &c);

    qint64 m_intervalMs;
    int m_capacity;
    std::size_t m_head = 0;
    int m_size = 0;

    std::vector<qint64> m_openTime;
    std::vector<double> m_open;
    std::vector<double> m_high;
    std::vector<double> m_low;
    std::vector<double> m_close;
    std::vector<double> m_volume;
    std::vector<double> m_quoteVolume;
    std::vector<qint64> m_trades;

    Candle m_forming;
    bool m_hasForming = false;
};

} // namespace bw
