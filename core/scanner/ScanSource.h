#pragma once

#include "scanner/LevelDetector.h"
#include "scanner/ScanTypes.h"

#include <QString>

#include <vector>

namespace bw {

// Closed bars copied out of a candle ring for level detection (one per worker thread, reused).
struct BarBuffer {
    std::vector<qint64> openTimeMs;
    std::vector<double> high;
    std::vector<double> low;
    std::vector<double> close;
    std::vector<double> volume;

    void resize(std::size_t n)
    {
        openTimeMs.resize(n);
        high.resize(n);
        low.resize(n);
        close.resize(n);
        volume.resize(n);
    }
};

// What a scan reads. MarketScanSource implements it over the MarketStore and the per-symbol incremental
// scan state; tests implement it over tables. Every method is const and is called from scanner workers
// concurrently: an implementation must not change while a scan runs (the Scanner's update gate is
// closed for the whole scan).
class ScanSource
{
public:
    virtual ~ScanSource() = default;

    virtual int symbolCount() const = 0;
    virtual QString symbolName(int i) const = 0;
    virtual double quoteVolume24h(int i) const = 0;
    // Open time of the newest closed base bar (-1 without one): the key of every per-bar cache.
    virtual qint64 closedBarOpenMs(int i) const = 0;
    // Everything the filters and the score need, from incremental state: O(1).
    virtual void fillMetrics(int i, SymbolMetrics &out) const = 0;
    // Base-interval ATR for level detection (NaN when not warm; the detector then falls back).
    virtual double baseAtr(int i) const = 0;
    // The closed base bars, oldest first.
    virtual void copyBars(int i, BarBuffer &out) const = 0;
    // Donchian and swing level candidates kept incrementally; false: let the detector find them in the bars.
    virtual bool levelSeeds(int i, std::vector<LevelSeed> &out) const
    {
        Q_UNUSED(i);
        Q_UNUSED(out);
        return false;
    }
};

} // namespace bw
