#pragma once

// Shared by the indicator tests: deterministic synthetic bars and a series comparison that names the
// first index where a streaming indicator and its batch reference disagree.

#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace bw::test {

struct Bars {
    std::vector<std::int64_t> openTimeMs;
    std::vector<double> open, high, low, close, volume;
    std::size_t size() const { return close.size(); }
};

// A geometric random walk with volatility clustering and occasional volume bursts; 5 minute bars.
inline Bars randomBars(std::size_t n, std::uint64_t seed, double startPrice = 100.0, double volatility = 0.004)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> gauss(0.0, 1.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    Bars bars;
    double price = startPrice;
    double vol = volatility;
    const std::int64_t start = 1'700'000'000'000 - (1'700'000'000'000 % 300'000);
    for (std::size_t i = 0; i < n; ++i) {
        vol = std::clamp(vol * std::exp(0.1 * gauss(rng)), volatility * 0.3, volatility * 3.0);
        const double open = price;
        const double close = open * std::exp(vol * gauss(rng));
        const double high = std::max(open, close) * (1.0 + vol * unit(rng));
        const double low = std::min(open, close) * (1.0 - vol * unit(rng));
        double volume = 1000.0 * std::exp(0.5 * gauss(rng));
        if (unit(rng) < 0.03)
            volume *= 5.0;
        bars.openTimeMs.push_back(start + static_cast<std::int64_t>(i) * 300'000);
        bars.open.push_back(open);
        bars.high.push_back(high);
        bars.low.push_back(low);
        bars.close.push_back(close);
        bars.volume.push_back(volume);
        price = close;
    }
    return bars;
}

// Empty when equal: both NaN, or |a - b| <= tolerance x max(|a|, |b|, scale). `scale` sets an absolute
// floor for series that cross zero (correlations, returns).
inline QString firstMismatch(const std::vector<double> &streaming, const std::vector<double> &reference,
                             double tolerance, double scale = 0.0)
{
    if (streaming.size() != reference.size())
        return QStringLiteral("lengths differ: %1 vs %2").arg(streaming.size()).arg(reference.size());
    for (std::size_t i = 0; i < streaming.size(); ++i) {
        const double a = streaming[i];
        const double b = reference[i];
        if (std::isnan(a) && std::isnan(b))
            continue;
        const double bound = tolerance * std::max({std::abs(a), std::abs(b), scale});
        if (std::isnan(a) || std::isnan(b) || !(std::abs(a - b) <= bound))
            return QStringLiteral("index %1: streaming %2, reference %3").arg(i).arg(a, 0, 'g', 17).arg(b, 0, 'g', 17);
    }
    return {};
}

inline std::size_t countNaN(const std::vector<double> &values)
{
    return static_cast<std::size_t>(
        std::count_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }));
}

} // namespace bw::test
