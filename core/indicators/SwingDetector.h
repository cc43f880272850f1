#pragma once

#include "common/RingBuffer.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace bw {

// A confirmed swing point: the bar index (0-based count of bars accepted by the detector), that bar's
// open time and its high (swing high) or low (swing low).
struct Swing {
    std::int64_t index = 0;
    std::int64_t openTimeMs = 0;
    double price = 0.0;
};

// Swing highs and lows over closed bars: bar i is a swing high when its high is strictly greater than
// the highs of the `left` bars before and the `right` bars after it (a swing low mirrors this with
// lows). A swing at bar i is therefore confirmed by the update of bar i + right. Equal neighbours do
// not make a swing. The most recent `historyCapacity` swings of each kind are kept.
class SwingDetector final
{
public:
    explicit SwingDetector(int left = 2, int right = 2, int historyCapacity = 32);

    // A bar with a non-finite high or low is ignored (it gets no index).
    void update(std::int64_t openTimeMs, double high, double low);
    // Price of the most recent confirmed swing high (NaN before there is one).
    double value() const;
    // True once left + right + 1 bars were seen, i.e. the detector can confirm swings.
    bool isReady() const { return m_count >= static_cast<std::int64_t>(m_span); }
    void reset();

    // Whether the last update confirmed a swing high / low.
    bool confirmedSwingHigh() const { return m_newHigh; }
    bool confirmedSwingLow() const { return m_newLow; }
    std::optional<Swing> lastSwingHigh() const;
    std::optional<Swing> lastSwingLow() const;
    // Recent swings, oldest first.
    const RingBuffer<Swing> &swingHighs() const { return m_swingHighs; }
    const RingBuffer<Swing> &swingLows() const { return m_swingLows; }

    int left() const { return m_left; }
    int right() const { return m_right; }
    std::int64_t barCount() const { return m_count; }

private:
    int m_left;
    int m_right;
    std::size_t m_span;          // left + right + 1
    std::vector<double> m_highs; // rings of the last m_span bars, oldest at m_head once full
    std::vector<double> m_lows;
    std::vector<std::int64_t> m_times;
    std::size_t m_head = 0;
    std::int64_t m_count = 0;
    bool m_newHigh = false;
    bool m_newLow = false;
    RingBuffer<Swing> m_swingHighs;
    RingBuffer<Swing> m_swingLows;
};

} // namespace bw
