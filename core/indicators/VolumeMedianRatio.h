#pragma once

#include "indicators/SortedWindow.h"

namespace bw {

// Median volume of the last `recent` closed bars divided by the median volume of the `base` closed bars
// before them (the scanner's 1 h surge: 12 and 12 five-minute bars). Ready once recent + base bars were
// seen. NaN when the base median is 0. A non-finite or negative volume is ignored.
class VolumeMedianRatio final
{
public:
    explicit VolumeMedianRatio(int recent = 12, int base = 12);

    void update(double volume);
    double value() const;
    bool isReady() const { return m_base.isFull(); }
    void reset();

    int recentWindow() const { return static_cast<int>(m_recent.capacity()); }
    int baseWindow() const { return static_cast<int>(m_base.capacity()); }
    double recentMedian() const;
    double baseMedian() const;

private:
    SortedWindow m_recent;
    SortedWindow m_base; // the bars that left the recent window, newest last
};

} // namespace bw
