#pragma once

#include "indicators/MonotonicDeque.h"

#include <cstdint>
#include <functional>

namespace bw {

// Donchian channel: highest high and lowest low of the last `period` bars, the newest included,
// through monotonic deques (amortised O(1), no allocation). Ready after `period` bars.
class Donchian final
{
public:
    explicit Donchian(int period = 20);

    // A bar with a non-finite input is ignored.
    void update(double high, double low);
    // The middle of the channel.
    double value() const { return middle(); }
    bool isReady() const { return m_count >= m_period; }
    void reset();

    double upper() const;
    double lower() const;
    double middle() const;
    int period() const { return m_period; }
    // Bars accepted so far, and the (0-based) bar index of the current upper and lower extremes.
    std::int64_t barCount() const { return m_count; }
    std::int64_t upperIndex() const { return m_highs.extremeIndex(); }
    std::int64_t lowerIndex() const { return m_lows.extremeIndex(); }

private:
    int m_period;
    std::int64_t m_count = 0;
    MonotonicDeque<std::greater<double>> m_highs;
    MonotonicDeque<std::less<double>> m_lows;
};

} // namespace bw
