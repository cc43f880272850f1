#include "scanner/LevelDetector.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace bw {

double LevelDetector::effectiveAtr(const BarView &bars, double atr)
{
    if (std::isfinite(atr) && atr > 0)
        return atr;
    const std::size_t n = bars.size();
    const std::size_t from = n > 14 ? n - 14 : 0;
    double sum = 0;
    for (std::size_t i = from; i < n; ++i)
        sum += bars.high[i] - bars.low[i];
    const double meanRange = n > from ? sum / double(n - from) : 0.0;
    if (std::isfinite(meanRange) && meanRange > 0)
        return meanRange;
    const double last = n > 0 ? std::abs(bars.close[n - 1]) : 0.0;
    return last > 0 ? last * 0.001 : 0.0;
}

std::vector<Level> LevelDetector::detect(const BarView &bars, double atrIn, const LevelsSection &config,
                                         Scratch &scratch, const std::vector<LevelSeed> *seeds)
{
    const std::size_t n = bars.size();
    if (n < kMinBars)
        return {};
    const double atr = effectiveAtr(bars, atrIn);
    if (!(atr > 0))
        return {};

    auto &cands = scratch.candidates;
    cands.clear();

    if (seeds)
        cands.assign(seeds->begin(), seeds->end());

    // Donchian channels at the last bar.
    for (const std::size_t period : std::array<std::size_t, 4>{10, 15, 20, 30}) {
        if (seeds || period > n)
            continue;
        double hi = bars.high[n - period];
        double lo = bars.low[n - period];
        for (std::size_t i = n - period + 1; i < n; ++i) {
            hi = std::max(hi, bars.high[i]);
            lo = std::min(lo, bars.low[i]);
        }
        cands.push_back({hi, LevelType::Resistance, LevelFromDonchian});
        cands.push_back({lo, LevelType::Support, LevelFromDonchian});
    }

    // Swing points: strictly above (below) every neighbour within swingBars on each side.
    const std::size_t k = std::size_t(config.swingBars);
    for (std::size_t i = k; !seeds && i + k < n; ++i) {
        bool isHigh = true;
        bool isLow = true;
        for (std::size_t j = i - k; j <= i + k && (isHigh || isLow); ++j) {
            if (j == i)
                continue;
            isHigh = isHigh && bars.high[i] > bars.high[j];
            isLow = isLow && bars.low[i] < bars.low[j];
        }
        if (isHigh)
            cands.push_back({bars.high[i], LevelType::Resistance, LevelFromSwing});
        if (isLow)
            cands.push_back({bars.low[i], LevelType::Support, LevelFromSwing});
    }

    // High-volume bars: at or above the configured volume quantile.
    auto &sorted = scratch.sorted;
    sorted.assign(bars.volume.begin(), bars.volume.end());
    const auto q = std::size_t(std::floor(config.volumePercentile * double(n - 1)));
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(q), sorted.end());
    const double volThreshold = sorted[q];
    double volumeSum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        volumeSum += bars.volume[i];
        if (volThreshold > 0 && bars.volume[i] >= volThreshold) {
            cands.push_back({bars.high[i], LevelType::Resistance, LevelFromVolume});
            cands.push_back({bars.low[i], LevelType::Support, LevelFromVolume});
        }
    }
    const double meanVolume = volumeSum / double(n);

    // Merge: sort by type then price; a candidate within mergeTol of the running cluster joins it.
    std::sort(cands.begin(), cands.end(),
              [](const auto &a, const auto &b) { return a.type != b.type ? a.type < b.type : a.price < b.price; });
    auto &levels = scratch.levels;
    levels.clear();
    const double mergeTol = config.mergeToleranceAtr * atr;
    {
        std::size_t i = 0;
        while (i < cands.size()) {
            double sum = cands[i].price;
            std::uint8_t methods = cands[i].methods;
            std::size_t count = 1;
            std::size_t j = i + 1;
            while (j < cands.size() && cands[j].type == cands[i].type &&
                   cands[j].price - sum / double(count) <= mergeTol) {
                sum += cands[j].price;
                methods |= cands[j].methods;
                ++count;
                ++j;
            }
            Level level;
            level.price = sum / double(count);
            level.type = cands[i].type;
            level.methods = methods;
            levels.push_back(level);
            i = j;
        }
    }

    // Validate by touches over the whole history, measure volume and piercing.
    const double touchTol = config.touchToleranceAtr * atr;
    const double historyHours = double(bars.openTimeMs[n - 1] - bars.openTimeMs[0]) / 3.6e6;
    std::size_t kept = 0;
    for (Level level : levels) {
        const bool res = level.type == LevelType::Resistance;
        int touches = 0;
        int pierces = 0;
        double touchVolume = 0;
        const double pierceBy = level.price * config.maxPiercePct;
        for (std::size_t i = 0; i < n; ++i) {
            const double extreme = res ? bars.high[i] : bars.low[i];
            if (std::abs(extreme - level.price) <= touchTol) {
                if (touches == 0)
                    level.firstTouchMs = bars.openTimeMs[i];
                level.lastTouchMs = bars.openTimeMs[i];
                ++touches;
                touchVolume += bars.volume[i];
            }
            if (res ? bars.close[i] > level.price + pierceBy : bars.close[i] < level.price - pierceBy)
                ++pierces;
        }
        if (touches < config.minTouches)
            continue;
        level.touches = touches;
        const double spanHours = double(level.lastTouchMs - level.firstTouchMs) / 3.6e6;
        const double timeTerm = historyHours > 0 ? std::min(1.0, spanHours / historyHours) : 0.0;
        const double volStrength = meanVolume > 0 ? std::min(1.0, (touchVolume / double(touches)) / meanVolume) : 0.5;
        const double piercePenalty = std::min(1.0, 5.0 * double(pierces) / double(n));
        level.strength = std::clamp(0.4 * std::min(1.0, touches / 5.0) + 0.2 * timeTerm + 0.2 * volStrength +
                                        0.2 * (1.0 - piercePenalty),
                                    0.0, 1.0);
        levels[kept++] = level;
    }
    levels.resize(kept);

    // Base height over the last 20 bars: how far the level sits from the opposite side of the base.
    const std::size_t baseFrom = n - 20;
    double baseLow = bars.low[baseFrom];
    double baseHigh = bars.high[baseFrom];
    for (std::size_t i = baseFrom + 1; i < n; ++i) {
        baseLow = std::min(baseLow, bars.low[i]);
        baseHigh = std::max(baseHigh, bars.high[i]);
    }
    for (Level &level : levels) {
        const double h = level.type == LevelType::Resistance ? level.price - baseLow : baseHigh - level.price;
        if (h > 0)
            level.baseHeight = h;
    }

    // Strongest first; drop a level of the same type too close to a stronger one.
    std::stable_sort(levels.begin(), levels.end(), [](const Level &a, const Level &b) {
        if (a.strength != b.strength)
            return a.strength > b.strength;
        return a.touches > b.touches;
    });
    const double separation = config.minLevelSeparationAtr * atr;
    std::vector<Level> out;
    out.reserve(std::size_t(config.maxLevels));
    for (const Level &level : levels) {
        const bool crowded = std::any_of(out.begin(), out.end(), [&](const Level &o) {
            return o.type == level.type && std::abs(o.price - level.price) < separation;
        });
        if (crowded)
            continue;
        out.push_back(level);
        if (int(out.size()) >= config.maxLevels)
            break;
    }
    return out;
}

} // namespace bw
