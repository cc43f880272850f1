#pragma once

#include "scanner/Preset.h"
#include "scanner/ScanTypes.h"

#include <QtGlobal>

#include <span>
#include <vector>

namespace bw {

// A proposed level before merging and validation.
struct LevelSeed {
    double price = 0;
    LevelType type = LevelType::Support;
    std::uint8_t methods = 0;
};

// Closed bars, oldest first, as parallel arrays (the scanner copies them out of the candle ring).
struct BarView {
    std::span<const qint64> openTimeMs;
    std::span<const double> high;
    std::span<const double> low;
    std::span<const double> close;
    std::span<const double> volume;

    std::size_t size() const { return close.size(); }
};

// Support and resistance (original §3.3, fixed): candidates from Donchian channels (10/15/20/30 bars),
// swing points and high-volume bars; merged; validated by touches over the history; weighted by
// touches, time span (relative to the history held, not a week), touch volume and piercing; thinned by
// separation. O(n log n) in the bars, no allocation once the scratch is warm.
class LevelDetector final
{
public:
    // Reusable buffers; one per worker thread.
    struct Scratch {
        std::vector<LevelSeed> candidates;
        std::vector<Level> levels;
        std::vector<double> sorted;
    };

    static constexpr std::size_t kMinBars = 20;

    // atr: the base-interval ATR in price units. When it is not usable the fallback is the mean bar
    // range, and failing that 0.1 % of the last close: always on the price's own scale.
    // seeds: Donchian and swing candidates kept incrementally (SymbolScanState); when null they are
    // computed from the bars here (the batch path, used by tests and as the reference).
    static std::vector<Level> detect(const BarView &bars, double atr, const LevelsSection &config, Scratch &scratch,
                                     const std::vector<LevelSeed> *seeds = nullptr);

    static double effectiveAtr(const BarView &bars, double atr);
};

} // namespace bw
