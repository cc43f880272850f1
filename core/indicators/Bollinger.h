#pragma once

#include "indicators/WindowMoments.h"

namespace bw {

// Bollinger bands over the last `period` closes: middle = mean, upper/lower = middle +- k x population
// standard deviation (as the original). The variance stays accurate to ~1e-15 relative however long the
// run and whatever the price level (see WindowMoments). Ready after `period` values.
class Bollinger final
{
public:
    explicit Bollinger(int period = 20, double k = 2.0);

    void update(double value);
    // The middle band.
    double value() const { return middle(); }
    bool isReady() const { return m_window.isFull(); }
    void reset() { m_window.reset(); }

    double middle() const;
    double upper() const;
    double lower() const;
    double stdDev() const;
    double variance() const;
    // (upper - lower) / middle x 100: the band width in percent of the middle band (NaN if middle is 0).
    double bandWidthPct() const;

    int period() const { return m_window.window(); }
    double k() const { return m_k; }

private:
    WindowMoments m_window;
    double m_k;
};

} // namespace bw
