// Streaming indicators against recomputing them: one closed bar's update against what a program
// without streaming state does for the same bar (recompute over the last 500 bars, select the median
// of each window, two passes over each correlation window).

#include "BenchRatios.h"
#include "indicators/Atr.h"
#include "indicators/Bollinger.h"
#include "indicators/RollingCorrelation.h"
#include "indicators/RollingMedian.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <span>
#include <vector>

namespace {

constexpr std::size_t kSeriesLength = 1 << 14; // bars cycled through by every benchmark
constexpr std::size_t kMask = kSeriesLength - 1;
constexpr std::size_t kRecomputeBars = 500;

struct Series {
    std::vector<double> high, low, close, volume, returns, referenceReturns;
};

const Series &series()
{
    static const Series s = [] {
        Series out;
        std::mt19937_64 rng(2024);
        std::normal_distribution<double> gauss(0.0, 1.0);
        double price = 100.0;
        for (std::size_t i = 0; i < kSeriesLength + kRecomputeBars; ++i) {
            const double open = price;
            price *= std::exp(0.004 * gauss(rng));
            out.high.push_back(std::max(open, price) * (1.0 + 0.002 * std::abs(gauss(rng))));
            out.low.push_back(std::min(open, price) * (1.0 - 0.002 * std::abs(gauss(rng))));
            out.close.push_back(price);
            out.volume.push_back(1000.0 * std::exp(0.5 * gauss(rng)));
            const double reference = 0.003 * gauss(rng);
            out.referenceReturns.push_back(reference);
            out.returns.push_back(0.8 * reference + 0.002 * gauss(rng));
        }
        return out;
    }();
    return s;
}

// --- ATR: one bar vs Wilder ATR recomputed over the last 500 bars ---

void BM_AtrUpdate(benchmark::State &state)
{
    const Series &s = series();
    bw::Atr atr(14);
    for (std::size_t i = 0; i < kRecomputeBars; ++i)
        atr.update(s.high[i], s.low[i], s.close[i]);
    std::size_t i = 0;
    for (auto _ : state) {
        atr.update(s.high[i], s.low[i], s.close[i]);
        benchmark::DoNotOptimize(atr.value());
        i = (i + 1) & kMask;
    }
}
BENCHMARK(BM_AtrUpdate);

// The plain full recompute: true ranges and Wilder smoothing over the whole window, no allocation.
double recomputeAtr(std::span<const double> high, std::span<const double> low, std::span<const double> close,
                    int period)
{
    double value = 0.0;
    for (std::size_t j = 0; j < high.size(); ++j) {
        double tr = high[j] - low[j];
        if (j > 0)
            tr = std::max({tr, std::abs(high[j] - close[j - 1]), std::abs(low[j] - close[j - 1])});
        if (j < static_cast<std::size_t>(period)) {
            value += tr; // seed: the mean of the first `period` true ranges
            if (j + 1 == static_cast<std::size_t>(period))
                value /= period;
        } else {
            value = (value * (period - 1) + tr) / period;
        }
    }
    return value;
}

void BM_AtrRecompute500(benchmark::State &state)
{
    const Series &s = series();
    std::size_t i = 0;
    for (auto _ : state) {
        const std::span<const double> h(s.high.data() + i, kRecomputeBars);
        const std::span<const double> l(s.low.data() + i, kRecomputeBars);
        const std::span<const double> c(s.close.data() + i, kRecomputeBars);
        benchmark::DoNotOptimize(recomputeAtr(h, l, c, 14));
        i = (i + 1) & kMask;
    }
}
BENCHMARK(BM_AtrRecompute500);

// --- Bollinger(20, 2): one bar vs the bands recomputed over the last 500 bars ---

void BM_BollingerUpdate(benchmark::State &state)
{
    const Series &s = series();
    bw::Bollinger bands(20, 2.0);
    for (std::size_t i = 0; i < kRecomputeBars; ++i)
        bands.update(s.close[i]);
    std::size_t i = 0;
    for (auto _ : state) {
        bands.update(s.close[i]);
        benchmark::DoNotOptimize(bands.upper());
        benchmark::DoNotOptimize(bands.lower());
        benchmark::DoNotOptimize(bands.bandWidthPct());
        i = (i + 1) & kMask;
    }
}
BENCHMARK(BM_BollingerUpdate);

// The plain full recompute: mean and two-pass deviation for every window of the last 500 bars, into
// buffers allocated once.
void BM_BollingerRecompute500(benchmark::State &state)
{
    const Series &s = series();
    constexpr std::size_t period = 20;
    std::vector<double> upper(kRecomputeBars);
    std::vector<double> lower(kRecomputeBars);
    std::size_t i = 0;
    for (auto _ : state) {
        const double *x = s.close.data() + i;
        for (std::size_t end = period; end <= kRecomputeBars; ++end) {
            double sum = 0.0;
            for (std::size_t j = end - period; j < end; ++j)
                sum += x[j];
            const double mean = sum / period;
            double squares = 0.0;
            for (std::size_t j = end - period; j < end; ++j)
                squares += (x[j] - mean) * (x[j] - mean);
            const double sd = std::sqrt(squares / period);
            upper[end - 1] = mean + 2.0 * sd;
            lower[end - 1] = mean - 2.0 * sd;
        }
        benchmark::DoNotOptimize(upper.data());
        benchmark::DoNotOptimize(lower.data());
        benchmark::ClobberMemory();
        i = (i + 1) & kMask;
    }
}
BENCHMARK(BM_BollingerRecompute500);

// --- Median of a window of 20 volumes: sorted-window update vs selection per window ---

void BM_RollingMedianUpdate(benchmark::State &state)
{
    const Series &s = series();
    bw::RollingMedian median(20);
    for (std::size_t i = 0; i < 20; ++i)
        median.update(s.volume[i]);
    std::size_t i = 0;
    for (auto _ : state) {
        median.update(s.volume[i]);
        benchmark::DoNotOptimize(median.value());
        i = (i + 1) & kMask;
    }
}
BENCHMARK(BM_RollingMedianUpdate);

void BM_MedianSelect(benchmark::State &state)
{
    const Series &s = series();
    std::array<double, 20> scratch{};
    std::size_t i = 0;
    for (auto _ : state) {
        std::copy_n(s.volume.data() + i, scratch.size(), scratch.begin());
        const auto mid = scratch.begin() + scratch.size() / 2;
        std::nth_element(scratch.begin(), mid, scratch.end());
        const double upperMiddle = *mid;
        const double lowerMiddle = *std::max_element(scratch.begin(), mid);
        benchmark::DoNotOptimize((lowerMiddle + upperMiddle) * 0.5);
        i = (i + 1) & kMask;
    }
}
BENCHMARK(BM_MedianSelect);

// --- Correlation and beta over 100 returns: streaming update vs two passes per window ---

void BM_RollingCorrelationUpdate(benchmark::State &state)
{
    const Series &s = series();
    bw::RollingCorrelation correlation(100);
    for (std::size_t i = 0; i < 100; ++i)
        correlation.update(s.returns[i], s.referenceReturns[i]);
    std::size_t i = 0;
    for (auto _ : state) {
        correlation.update(s.returns[i], s.referenceReturns[i]);
        benchmark::DoNotOptimize(correlation.correlation());
        benchmark::DoNotOptimize(correlation.beta());
        i = (i + 1) & kMask;
    }
}
BENCHMARK(BM_RollingCorrelationUpdate);

void BM_CorrelationTwoPass(benchmark::State &state)
{
    const Series &s = series();
    constexpr std::size_t window = 100;
    std::size_t i = 0;
    for (auto _ : state) {
        const double *x = s.returns.data() + i;
        const double *y = s.referenceReturns.data() + i;
        double sx = 0.0;
        double sy = 0.0;
        for (std::size_t j = 0; j < window; ++j) {
            sx += x[j];
            sy += y[j];
        }
        const double mx = sx / window;
        const double my = sy / window;
        double cxy = 0.0;
        double cxx = 0.0;
        double cyy = 0.0;
        for (std::size_t j = 0; j < window; ++j) {
            cxy += (x[j] - mx) * (y[j] - my);
            cxx += (x[j] - mx) * (x[j] - mx);
            cyy += (y[j] - my) * (y[j] - my);
        }
        benchmark::DoNotOptimize(cxy / (std::sqrt(cxx) * std::sqrt(cyy)));
        benchmark::DoNotOptimize(cxy / cyy);
        i = (i + 1) & kMask;
    }
}
BENCHMARK(BM_CorrelationTwoPass);

} // namespace

int main(int argc, char **argv)
{
    return bw::bench::runWithRatios(
        argc, argv,
        {
            {"atr_update_vs_recompute", "BM_AtrRecompute500", "BM_AtrUpdate", ">=", 50},
            {"bollinger_update_vs_recompute", "BM_BollingerRecompute500", "BM_BollingerUpdate", ">=", 50},
            {"rolling_median_vs_select", "BM_MedianSelect", "BM_RollingMedianUpdate", ">=", 4},
            {"rolling_correlation_vs_two_pass", "BM_CorrelationTwoPass", "BM_RollingCorrelationUpdate", ">=", 10},
        });
}
