#pragma once

#include "indicators/SortedWindow.h"

namespace bw {

// Percentile rank (0-100) of the newest band width among the last `lookback` widths, itself included:
// 100 x (number of the other widths below it + half the number equal to it) / (lookback - 1).
// 0 means the narrowest of the lookback, 100 the widest. This is what the original's "bb_width_pct"
// filter claimed to be (it compared the raw width). Feed it Bollinger::bandWidthPct() on each closed
// bar once the bands are ready; non-finite widths are ignored. Ready after `lookback` widths.
class BandWidthPercentile final
{
public:
    explicit BandWidthPercentile(int lookback = 100);

    void update(double width);
    double value() const { return m_value; }
    bool isReady() const { return m_window.isFull(); }
    void reset();

    int lookback() const { return static_cast<int>(m_window.capacity()); }

private:
    SortedWindow m_window;
    double m_value;
};

} // namespace bw
