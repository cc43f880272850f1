#pragma once

#include <cstddef>
#include <vector>

namespace bw {

// Means, population variances and covariance of the last `window` pairs (x, y), O(1) per pair and no
// allocation after construction. Like WindowMoments: sums of deviations from anchors near the means,
// rebuilt every `window` pairs by an add-only accumulator, so the error is bounded by the window length
// and never grows with the run. Unlike WindowMoments the sums are plain (not compensated): this serves
// log returns, whose deviations from the anchors are of the order of their spread, so there is no
// cancellation to protect against and the five sums stay cheap (about 1e-15 relative for a window of
// 100 against a two-pass reference).
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

    // n^2 x (covariance, variance of x, variance of y), from the sums without a division; the variances
    // are floored at the rounding noise like variance(). For callers that only need ratios of these
    // (correlation, beta). Requires size() > 0.
    struct Scaled {
        double covariance;
        double varianceX;
        double varianceY;
    };
    Scaled scaledMoments() const;

private:
    struct Sums {
        double anchorX = 0.0;
        double anchorY = 0.0;
        double sx = 0.0;
        double sy = 0.0;
        double sxx = 0.0;
        double syy = 0.0;
        double sxy = 0.0;

        void add(double x, double y)
        {
            const double dx = x - anchorX;
            const double dy = y - anchorY;
            sx += dx;
            sy += dy;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        void remove(double x, double y)
        {
            const double dx = x - anchorX;
            const double dy = y - anchorY;
            sx -= dx;
            sy -= dy;
            sxx -= dx * dx;
            syy -= dy * dy;
            sxy -= dx * dy;
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
