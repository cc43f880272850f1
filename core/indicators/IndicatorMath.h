#pragma once

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

// Small helpers shared by the indicator classes and their batch references (a namespace of their own so
// that generic names such as kNaN cannot clash with other modules).
namespace bw::indicators {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Throws std::invalid_argument naming the indicator and the parameter when value < minimum.
inline int requireAtLeast(const char *indicator, const char *parameter, int value, int minimum)
{
    if (value < minimum)
        throw std::invalid_argument(std::string(indicator) + ": " + parameter + " must be at least " +
                                    std::to_string(minimum) + ", got " + std::to_string(value));
    return value;
}

inline int requirePositive(const char *indicator, const char *parameter, int value)
{
    return requireAtLeast(indicator, parameter, value, 1);
}

// E[d^2] - E[d]^2 for deviations d from an anchor near the mean. A result at the level of the rounding
// noise of the second moment (a few ulps) cannot be told from zero, so it is reported as exactly zero;
// this also keeps a constant series at a variance of 0 and never lets it go negative.
// Works in the precision of its arguments (WindowMoments passes extended-precision sums).
template <typename Real>
double varianceFromMoments(Real secondMoment, Real squaredMean)
{
    const double variance = static_cast<double>(secondMoment - squaredMean);
    if (!(variance > 8.0 * std::numeric_limits<double>::epsilon() * static_cast<double>(secondMoment)))
        return 0.0;
    return variance;
}

} // namespace bw::indicators
