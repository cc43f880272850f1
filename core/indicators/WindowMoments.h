#pragma once

#include "indicators/CompensatedSum.h"

#include <cstddef>
#include <vector>

namespace bw {

// Mean and population variance of the last `window` values, O(1) per value and no allocation after
// construction.
//
// Why not plain running sums of x and x^2: near a price of 100,000 with noise of 1e-3 the variance
// (1e-6) is 1e-16 of the mean square, so sum(x^2)/n - mean^2 cancels to noise, and rolling
// add/subtract lets rounding error grow with the length of the run. Here the sums are of deviations
// d = x - anchor with the anchor set to the window mean, so nothing cancels, and a second accumulator
// (only ever adding) is rebuilt every `window` values and then replaces the active one. Each
// accumulator therefore lives for at most 2 x window additions and window subtractions, and its sums
// are compensated: the error is bounded by the window, never by the run length. The variance is formed
// in extended precision from the compensated sums, so the remaining cancellation costs nothing.
class WindowMoments final
{
public:
    explicit WindowMoments(int window);

    void push(double x);
    void reset();

    int window() const { return static_cast<int>(m_values.size()); }
    std::size_t size() const { return m_size; }
    bool isFull() const { return m_size == m_values.size(); }

    // NaN when empty.
    double mean() const;
    // Population variance (divides by the count), never negative; NaN when empty.
    double variance() const;

private:
    struct Sums {
        double anchor = 0.0;
        CompensatedSum sum;
        CompensatedSum sumSquares;

        void add(double x)
        {
            const double d = x - anchor;
            sum.add(d);
            sumSquares.add(d * d);
        }
        void remove(double x)
        {
            const double d = x - anchor;
            sum.subtract(d);
            sumSquares.subtract(d * d);
        }
    };

    std::vector<double> m_values; // ring, oldest at m_head once full
    std::size_t m_head = 0;
    std::size_t m_size = 0;
    Sums m_active;  // covers exactly the values in the ring
    Sums m_pending; // covers the values pushed since it was started
    std::size_t m_pendingCount = 0;
};

} // namespace bw
