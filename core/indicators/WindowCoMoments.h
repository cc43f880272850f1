#pragma once

#include "indicators/CompensatedSum.h"

#include <cstddef>
#include <vector>

namespace bw {

// Means, population variances and covariance of the last `window` pairs (x, y), O(1) per pair and no
// allocation after construction. Same numerics as WindowMoments: sums of deviations from anchors near
// the means, rebuilt every `window` pairs by an add-only accumulator, so the error is bounded by the
// window length and never grows with the run.
class WindowCoMoments final
{
public:
    explicit WindowCoMoments(int window);

    void push(double x, double y);
    void reset();

    int window() const { return static_cast<int>(m_x.size()); }
    std::size_t size() const { return m_size; }
    bool isFull() const { return m_size == m_x.size(); }

    // All NaN when empty; variances never negative.
    double meanX() const;
    double meanY() const;
    double varianceX() const;
    double varianceY() const;
    double covariance() const;

private:
    struct Sums {
        double anchorX = 0.0;
        double anchorY = 0.0;
        CompensatedSum sx;
        CompensatedSum sy;
        CompensatedSum sxx;
        CompensatedSum syy;
        CompensatedSum sxy;

        void add(double x, double y)
        {
            const double dx = x - anchorX;
            const double dy = y - anchorY;
            sx.add(dx);
            sy.add(dy);
            sxx.add(dx * dx);
            syy.add(dy * dy);
            sxy.add(dx * dy);
        }
        void remove(double x, double y)
        {
            const double dx = x - anchorX;
            const double dy = y - anchorY;
            sx.subtract(dx);
            sy.subtract(dy);
            sxx.subtract(dx * dx);
            syy.subtract(dy * dy);
            sxy.subtract(dx * dy);
        }
    };

    std::vector<double> m_x; // rings, oldest at m_head once full
    std::vector<double> m_y;
    std::size_t m_head = 0;
    std::size_t m_size = 0;
    Sums m_active;
    Sums m_pending;
    std::size_t m_pendingCount = 0;
};

} // namespace bw
