#pragma once

namespace bw {

// A running sum that also keeps the rounding error of every addition (Knuth's TwoSum, branch-free),
// so adding and later subtracting the same values returns to the exact starting point up to the error
// of the error term (~1e-32 relative) instead of drifting by one rounding per operation.
struct CompensatedSum {
    double sum = 0.0;
    double error = 0.0;

    void add(double x)
    {
        const double t = sum + x;
        const double z = t - sum;
        error += (sum - (t - z)) + (x - z);
        sum = t;
    }
    void subtract(double x) { add(-x); }
    double value() const { return sum + error; }
    // The sum in extended precision, for differences of nearly equal sums.
    long double precise() const { return static_cast<long double>(sum) + static_cast<long double>(error); }
};

} // namespace bw
