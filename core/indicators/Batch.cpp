#include "indicators/Batch.h"

#include "indicators/IndicatorMath.h"
#include "indicators/SessionVwap.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace bw::batch {

using namespace bw::indicators;

namespace {

void requireSameLength(const char *function, std::size_t a, std::size_t b)
{
    if (a != b)
        throw std::invalid_argument(std::string("batch::") + function + ": input series differ in length (" +
                                    std::to_string(a) + " and " + std::to_string(b) + ")");
}

using Indices = std::vector<std::size_t>;

// Indices i in [0, n) for which accept(i) holds: the bars a streaming indicator would take.
Indices acceptedIndices(std::size_t n, const std::function<bool(std::size_t)> &accept)
{
    Indices kept;
    for (std::size_t i = 0; i < n; ++i) {
        if (accept(i))
            kept.push_back(i);
    }
    return kept;
}

template <typename T>
std::vector<T> gather(std::span<const T> values, const Indices &kept)
{
    std::vector<T> out;
    out.reserve(kept.size());
    for (std::size_t i : kept)
        out.push_back(values[i]);
    return out;
}

// Back to full length: a skipped index repeats the previous output (NaN before the first).
std::vector<double> spread(const std::vector<double> &compact, const Indices &kept, std::size_t n)
{
    std::vector<double> out(n, kNaN);
    double last = kNaN;
    std::size_t k = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (k < kept.size() && kept[k] == i)
            last = compact[k++];
        out[i] = last;
    }
    return out;
}

bool finite(double x)
{
    return std::isfinite(x);
}

Indices finiteIndices(std::span<const double> values)
{
    return acceptedIndices(values.size(), [&](std::size_t i) { return finite(values[i]); });
}

Indices volumeIndices(std::span<const double> volume)
{
    return acceptedIndices(volume.size(), [&](std::size_t i) { return finite(volume[i]) && volume[i] >= 0.0; });
}

double medianOf(std::vector<double> window)
{
    std::sort(window.begin(), window.end());
    const std::size_t mid = window.size() / 2;
    if (window.size() % 2 == 1)
        return window[mid];
    return (window[mid - 1] + window[mid]) * 0.5;
}

std::vector<double> window(const std::vector<double> &values, std::size_t first, std::size_t count)
{
    return {values.begin() + static_cast<std::ptrdiff_t>(first),
            values.begin() + static_cast<std::ptrdiff_t>(first + count)};
}

// --- the plain computations over accepted values only ---

std::vector<double> smaCompact(const std::vector<double> &x, std::size_t p)
{
    std::vector<double> out(x.size(), kNaN);
    for (std::size_t i = p - 1; i < x.size(); ++i) {
        double sum = 0.0;
        for (std::size_t j = i + 1 - p; j <= i; ++j)
            sum += x[j];
        out[i] = sum / static_cast<double>(p);
    }
    return out;
}

std::vector<double> emaCompact(const std::vector<double> &x, int period)
{
    const std::size_t p = static_cast<std::size_t>(period);
    const double alpha = 2.0 / (period + 1.0);
    std::vector<double> out(x.size(), kNaN);
    if (x.size() < p)
        return out;
    double seed = 0.0;
    for (std::size_t j = 0; j < p; ++j)
        seed += x[j];
    double value = seed / period;
    out[p - 1] = value;
    for (std::size_t i = p; i < x.size(); ++i) {
        value += alpha * (x[i] - value);
        out[i] = value;
    }
    return out;
}

std::vector<double> trueRangeCompact(const std::vector<double> &h, const std::vector<double> &l,
                                     const std::vector<double> &c)
{
    std::vector<double> out(h.size(), kNaN);
    for (std::size_t i = 0; i < h.size(); ++i) {
        out[i] = h[i] - l[i];
        if (i > 0)
            out[i] = std::max({out[i], std::abs(h[i] - c[i - 1]), std::abs(l[i] - c[i - 1])});
    }
    return out;
}

} // namespace

std::vector<double> sma(std::span<const double> values, int period)
{
    requirePositive("batch::sma", "period", period);
    const Indices kept = finiteIndices(values);
    return spread(smaCompact(gather(values, kept), static_cast<std::size_t>(period)), kept, values.size());
}

std::vector<double> ema(std::span<const double> values, int period)
{
    requirePositive("batch::ema", "period", period);
    const Indices kept = finiteIndices(values);
    return spread(emaCompact(gather(values, kept), period), kept, values.size());
}

namespace {
Indices barIndices(std::span<const double> high, std::span<const double> low, std::span<const double> close)
{
    return acceptedIndices(high.size(),
                           [&](std::size_t i) { return finite(high[i]) && finite(low[i]) && finite(close[i]); });
}
} // namespace

std::vector<double> trueRange(std::span<const double> high, std::span<const double> low, std::span<const double> close)
{
    requireSameLength("trueRange", high.size(), low.size());
    requireSameLength("trueRange", high.size(), close.size());
    const Indices kept = barIndices(high, low, close);
    return spread(trueRangeCompact(gather(high, kept), gather(low, kept), gather(close, kept)), kept, high.size());
}

std::vector<double> atr(std::span<const double> high, std::span<const double> low, std::span<const double> close,
                        int period, AtrSmoothing smoothing)
{
    requirePositive("batch::atr", "period", period);
    requireSameLength("atr", high.size(), low.size());
    requireSameLength("atr", high.size(), close.size());
    const Indices kept = barIndices(high, low, close);
    const std::vector<double> tr = trueRangeCompact(gather(high, kept), gather(low, kept), gather(close, kept));
    const std::size_t p = static_cast<std::size_t>(period);
    std::vector<double> out(tr.size(), kNaN);
    if (tr.size() >= p) {
        if (smoothing == AtrSmoothing::Ema) {
            const double alpha = 2.0 / (period + 1.0);
            double value = tr[0];
            if (p == 1)
                out[0] = value;
            for (std::size_t i = 1; i < tr.size(); ++i) {
                value += alpha * (tr[i] - value);
                if (i >= p - 1)
                    out[i] = value;
            }
        } else {
            double value = 0.0;
            for (std::size_t j = 0; j < p; ++j)
                value += tr[j];
            value /= period;
            out[p - 1] = value;
            for (std::size_t i = p; i < tr.size(); ++i) {
                value = (value * (period - 1) + tr[i]) / period;
                out[i] = value;
            }
        }
    }
    return spread(out, kept, high.size());
}

BollingerSeries bollinger(std::span<const double> values, int period, double k)
{
    requirePositive("batch::bollinger", "period", period);
    const Indices kept = finiteIndices(values);
    const std::vector<double> x = gather(values, kept);
    const std::size_t p = static_cast<std::size_t>(period);
    std::vector<double> middle(x.size(), kNaN);
    std::vector<double> upper(x.size(), kNaN);
    std::vector<double> lower(x.size(), kNaN);
    std::vector<double> variance(x.size(), kNaN);
    std::vector<double> width(x.size(), kNaN);
    for (std::size_t i = p - 1; i < x.size(); ++i) {
        double sum = 0.0;
        for (std::size_t j = i + 1 - p; j <= i; ++j)
            sum += x[j];
        const double mean = sum / period;
        double squares = 0.0;
        for (std::size_t j = i + 1 - p; j <= i; ++j)
            squares += (x[j] - mean) * (x[j] - mean);
        const double var = squares / period;
        const double sd = std::sqrt(var);
        middle[i] = mean;
        variance[i] = var;
        upper[i] = mean + k * sd;
        lower[i] = mean - k * sd;
        width[i] = mean == 0.0 ? kNaN : 2.0 * k * sd / mean * 100.0;
    }
    const std::size_t n = values.size();
    return {spread(middle, kept, n), spread(upper, kept, n), spread(lower, kept, n), spread(variance, kept, n),
            spread(width, kept, n)};
}

std::vector<double> bandWidthPercentile(std::span<const double> widths, int lookback)
{
    requireAtLeast("batch::bandWidthPercentile", "lookback", lookback, 2);
    const Indices kept = finiteIndices(widths);
    const std::vector<double> w = gather(widths, kept);
    const std::size_t n = static_cast<std::size_t>(lookback);
    std::vector<double> out(w.size(), kNaN);
    for (std::size_t i = n - 1; i < w.size(); ++i) {
        std::size_t below = 0;
        std::size_t equalOthers = 0;
        for (std::size_t j = i + 1 - n; j < i; ++j) {
            if (w[j] < w[i])
                ++below;
            else if (w[j] == w[i])
                ++equalOthers;
        }
        out[i] =
            (static_cast<double>(below) + 0.5 * static_cast<double>(equalOthers)) / static_cast<double>(n - 1) * 100.0;
    }
    return spread(out, kept, widths.size());
}

std::vector<double> rsi(std::span<const double> values, int period)
{
    requirePositive("batch::rsi", "period", period);
    const Indices kept = finiteIndices(values);
    const std::vector<double> x = gather(values, kept);
    const std::size_t p = static_cast<std::size_t>(period);
    std::vector<double> out(x.size(), kNaN);
    const auto rsiFrom = [](double gain, double loss) {
        if (loss == 0.0)
            return gain == 0.0 ? 50.0 : 100.0;
        return 100.0 - 100.0 / (1.0 + gain / loss);
    };
    if (x.size() > p) {
        double gain = 0.0;
        double loss = 0.0;
        for (std::size_t i = 1; i <= p; ++i) {
            const double change = x[i] - x[i - 1];
            gain += change > 0.0 ? change : 0.0;
            loss += change < 0.0 ? -change : 0.0;
        }
        gain /= period;
        loss /= period;
        out[p] = rsiFrom(gain, loss);
        for (std::size_t i = p + 1; i < x.size(); ++i) {
            const double change = x[i] - x[i - 1];
            gain = (gain * (period - 1) + (change > 0.0 ? change : 0.0)) / period;
            loss = (loss * (period - 1) + (change < 0.0 ? -change : 0.0)) / period;
            out[i] = rsiFrom(gain, loss);
        }
    }
    return spread(out, kept, values.size());
}

std::vector<double> sessionVwap(std::span<const std::int64_t> openTimeMs, std::span<const double> typicalPrice,
                                std::span<const double> volume)
{
    requireSameLength("sessionVwap", openTimeMs.size(), typicalPrice.size());
    requireSameLength("sessionVwap", openTimeMs.size(), volume.size());
    // Valid bars that are not older than the last accepted one.
    Indices kept;
    for (std::size_t i = 0; i < openTimeMs.size(); ++i) {
        if (!finite(typicalPrice[i]) || !finite(volume[i]) || volume[i] < 0.0)
            continue;
        if (!kept.empty() && openTimeMs[i] < openTimeMs[kept.back()])
            continue;
        kept.push_back(i);
    }
    std::vector<double> out(kept.size(), kNaN);
    for (std::size_t k = 0; k < kept.size(); ++k) {
        // Sum from the first accepted bar of the same UTC day.
        const std::int64_t day = SessionVwap::utcDayStart(openTimeMs[kept[k]]);
        std::size_t first = k;
        while (first > 0 && SessionVwap::utcDayStart(openTimeMs[kept[first - 1]]) == day)
            --first;
        double priceVolume = 0.0;
        double vol = 0.0;
        for (std::size_t j = first; j <= k; ++j) {
            priceVolume += typicalPrice[kept[j]] * volume[kept[j]];
            vol += volume[kept[j]];
        }
        out[k] = vol > 0.0 ? priceVolume / vol : kNaN;
    }
    return spread(out, kept, openTimeMs.size());
}

std::vector<double> rollingMedian(std::span<const double> values, int windowLength)
{
    requirePositive("batch::rollingMedian", "window", windowLength);
    const Indices kept = finiteIndices(values);
    const std::vector<double> x = gather(values, kept);
    const std::size_t n = static_cast<std::size_t>(windowLength);
    std::vector<double> out(x.size(), kNaN);
    for (std::size_t i = n - 1; i < x.size(); ++i)
        out[i] = medianOf(window(x, i + 1 - n, n));
    return spread(out, kept, values.size());
}

std::vector<double> volumeSurge(std::span<const double> volume, int lookback)
{
    requirePositive("batch::volumeSurge", "lookback", lookback);
    const Indices kept = volumeIndices(volume);
    const std::vector<double> v = gather(volume, kept);
    const std::size_t n = static_cast<std::size_t>(lookback);
    std::vector<double> out(v.size(), kNaN);
    for (std::size_t i = n; i < v.size(); ++i) {
        const double median = medianOf(window(v, i - n, n));
        out[i] = median > 0.0 ? v[i] / median : kNaN;
    }
    return spread(out, kept, volume.size());
}

std::vector<double> volumeMedianRatio(std::span<const double> volume, int recent, int base)
{
    requirePositive("batch::volumeMedianRatio", "recent", recent);
    requirePositive("batch::volumeMedianRatio", "base", base);
    const Indices kept = volumeIndices(volume);
    const std::vector<double> v = gather(volume, kept);
    const std::size_t r = static_cast<std::size_t>(recent);
    const std::size_t b = static_cast<std::size_t>(base);
    std::vector<double> out(v.size(), kNaN);
    for (std::size_t i = r + b - 1; i < v.size(); ++i) {
        const double baseMedian = medianOf(window(v, i + 1 - r - b, b));
        out[i] = baseMedian > 0.0 ? medianOf(window(v, i + 1 - r, r)) / baseMedian : kNaN;
    }
    return spread(out, kept, volume.size());
}

std::vector<double> logReturns(std::span<const double> prices)
{
    std::vector<double> out(prices.size(), kNaN);
    double previous = kNaN;
    for (std::size_t i = 0; i < prices.size(); ++i) {
        if (!(finite(prices[i]) && prices[i] > 0.0))
            continue;
        if (!std::isnan(previous))
            out[i] = std::log(prices[i] / previous);
        previous = prices[i];
    }
    return out;
}

CorrelationSeries rollingCorrelation(std::span<const double> seriesReturns, std::span<const double> referenceReturns,
                                     int windowLength)
{
    requireAtLeast("batch::rollingCorrelation", "window", windowLength, 2);
    requireSameLength("rollingCorrelation", seriesReturns.size(), referenceReturns.size());
    const Indices kept = acceptedIndices(
        seriesReturns.size(), [&](std::size_t i) { return finite(seriesReturns[i]) && finite(referenceReturns[i]); });
    const std::vector<double> x = gather(seriesReturns, kept);
    const std::vector<double> y = gather(referenceReturns, kept);
    const std::size_t n = static_cast<std::size_t>(windowLength);
    std::vector<double> correlation(x.size(), kNaN);
    std::vector<double> beta(x.size(), kNaN);
    for (std::size_t i = n - 1; i < x.size(); ++i) {
        const std::size_t first = i + 1 - n;
        double sx = 0.0;
        double sy = 0.0;
        for (std::size_t j = first; j <= i; ++j) {
            sx += x[j];
            sy += y[j];
        }
        const double mx = sx / windowLength;
        const double my = sy / windowLength;
        double cxy = 0.0;
        double cxx = 0.0;
        double cyy = 0.0;
        for (std::size_t j = first; j <= i; ++j) {
            cxy += (x[j] - mx) * (y[j] - my);
            cxx += (x[j] - mx) * (x[j] - mx);
            cyy += (y[j] - my) * (y[j] - my);
        }
        const double cov = cxy / windowLength;
        const double vx = cxx / windowLength;
        const double vy = cyy / windowLength;
        if (vy > 0.0) {
            beta[i] = cov / vy;
            if (vx > 0.0)
                correlation[i] = std::clamp(cov / (std::sqrt(vx) * std::sqrt(vy)), -1.0, 1.0);
        }
    }
    const std::size_t total = seriesReturns.size();
    return {spread(correlation, kept, total), spread(beta, kept, total)};
}

DonchianSeries donchian(std::span<const double> high, std::span<const double> low, int period)
{
    requirePositive("batch::donchian", "period", period);
    requireSameLength("donchian", high.size(), low.size());
    const Indices kept = acceptedIndices(high.size(), [&](std::size_t i) { return finite(high[i]) && finite(low[i]); });
    const std::vector<double> h = gather(high, kept);
    const std::vector<double> l = gather(low, kept);
    const std::size_t p = static_cast<std::size_t>(period);
    std::vector<double> upper(h.size(), kNaN);
    std::vector<double> lower(h.size(), kNaN);
    std::vector<double> middle(h.size(), kNaN);
    for (std::size_t i = p - 1; i < h.size(); ++i) {
        double hi = h[i + 1 - p];
        double lo = l[i + 1 - p];
        for (std::size_t j = i + 2 - p; j <= i; ++j) {
            hi = std::max(hi, h[j]);
            lo = std::min(lo, l[j]);
        }
        upper[i] = hi;
        lower[i] = lo;
        middle[i] = (hi + lo) * 0.5;
    }
    const std::size_t n = high.size();
    return {spread(upper, kept, n), spread(lower, kept, n), spread(middle, kept, n)};
}

SwingSeries swings(std::span<const double> high, std::span<const double> low, int left, int right)
{
    requireAtLeast("batch::swings", "left", left, 0);
    requireAtLeast("batch::swings", "right", right, 0);
    requireSameLength("swings", high.size(), low.size());
    const Indices kept = acceptedIndices(high.size(), [&](std::size_t i) { return finite(high[i]) && finite(low[i]); });
    const std::vector<double> h = gather(high, kept);
    const std::vector<double> l = gather(low, kept);
    SwingSeries out{std::vector<double>(high.size(), kNaN), std::vector<double>(high.size(), kNaN)};
    const std::size_t L = static_cast<std::size_t>(left);
    const std::size_t R = static_cast<std::size_t>(right);
    for (std::size_t i = L; i + R < h.size(); ++i) {
        bool isHigh = true;
        bool isLow = true;
        for (std::size_t j = i - L; j <= i + R; ++j) {
            if (j == i)
                continue;
            isHigh = isHigh && h[i] > h[j];
            isLow = isLow && l[i] < l[j];
        }
        if (isHigh)
            out.highs[kept[i]] = h[i];
        if (isLow)
            out.lows[kept[i]] = l[i];
    }
    return out;
}

} // namespace bw::batch
