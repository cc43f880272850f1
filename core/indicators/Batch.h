#pragma once

#include "indicators/Atr.h"

#include <cstdint>
#include <span>
#include <vector>

// Batch references of the streaming indicators: whole series in, a series of equal length out, NaN where
// the indicator is not ready. Written plainly (every window recomputed from scratch, two passes for
// moments) so that tests can trust them as references, not for speed.
//
// The streaming classes ignore non-finite inputs (and negative volumes); the references mirror that:
// such an index is left out of every window and its output repeats the previous output (NaN before
// the first value). Swings are the exception: a skipped bar is never a swing.
//
// Mismatched input lengths throw std::invalid_argument.
namespace bw::batch {

std::vector<double> sma(std::span<const double> values, int period);
std::vector<double> ema(std::span<const double> values, int period);
std::vector<double> trueRange(std::span<const double> high, std::span<const double> low, std::span<const double> close);
std::vector<double> atr(std::span<const double> high, std::span<const double> low, std::span<const double> close,
                        int period = 14, AtrSmoothing smoothing = AtrSmoothing::Wilder);

struct BollingerSeries {
    std::vector<double> middle;
    std::vector<double> upper;
    std::vector<double> lower;
    std::vector<double> variance;
    std::vector<double> bandWidthPct;
};
BollingerSeries bollinger(std::span<const double> values, int period = 20, double k = 2.0);

std::vector<double> bandWidthPercentile(std::span<const double> widths, int lookback = 100);
std::vector<double> rsi(std::span<const double> values, int period = 14);
std::vector<double> sessionVwap(std::span<const std::int64_t> openTimeMs, std::span<const double> typicalPrice,
                                std::span<const double> volume);
std::vector<double> rollingMedian(std::span<const double> values, int window);
std::vector<double> volumeSurge(std::span<const double> volume, int lookback = 20);
std::vector<double> volumeMedianRatio(std::span<const double> volume, int recent = 12, int base = 12);

// log(p[i] / p[i-1]); NaN at 0 and wherever either price is non-positive or non-finite.
std::vector<double> logReturns(std::span<const double> prices);

struct CorrelationSeries {
    std::vector<double> correlation;
    std::vector<double> beta;
};
// Over returns already computed (x of the series, y of the reference).
CorrelationSeries rollingCorrelation(std::span<const double> seriesReturns, std::span<const double> referenceReturns,
                                     int window = 100);

struct DonchianSeries {
    std::vector<double> upper;
    std::vector<double> lower;
    std::vector<double> middle;
};
DonchianSeries donchian(std::span<const double> high, std::span<const double> low, int period = 20);

// The swing's price at the swing bar's index, NaN elsewhere (as the original's swing_highs_lows).
struct SwingSeries {
    std::vector<double> highs;
    std::vector<double> lows;
};
SwingSeries swings(std::span<const double> high, std::span<const double> low, int left = 2, int right = 2);

} // namespace bw::batch
