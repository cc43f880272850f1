#pragma once

#include "indicators/SortedWindow.h"

#include <limits>

namespace bw {

// Volume of the last closed bar divided by the median volume of the `lookback` closed bars before it
// (the scanner's 5 m surge with lookback 20; the original wrongly used the still-forming bar).
// Ready once lookback + 1 bars were seen. NaN when that median is 0 (no meaningful ratio).
// A non-finite or negative volume is ignored.
class VolumeSurge final
{
public:
    explicit VolumeSurge(int lookback = 20);

    void update(double volume);
    double value() const { return m_value; }
    bool isReady() const { return m_ready; }
    void reset();

    int lookback() const { return static_cast<int>(m_previous.capacity()); }
    // Median of the `lookback` bars before the last one (NaN until ready).
    double baselineMedian() const { return m_ready ? m_baseline : std::numeric_limits<double>::quiet_NaN(); }

private:
    SortedWindow m_previous; // the lookback bars before the latest one
    double m_last;
    double m_baseline;
    double m_value;
    bool m_hasLast = false;
    bool m_ready = false;
};

} // namespace bw
