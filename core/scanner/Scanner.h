#pragma once

#include "common/BoundedCache.h"
#include "common/Clock.h"
#include "common/MemoryPressure.h"
#include "scanner/Preset.h"
#include "scanner/ScanReport.h"
#include "scanner/ScanSource.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace bw {

struct ScannerSettings {
    int threads = 0;              // worker threads of the scanner pool; <= 0: one per core
    int maxConcurrentBatches = 2; // batches in flight at once
    int batchSizeNormal = 20;     // symbols per batch at each pressure level
    int batchSizeHigh = 15;
    int batchSizeCritical = 10;
    // Each of the three caches holds at least this many entries, and is sized at every scan to the number of
    // symbols the scan evaluates, up to cacheCapacityMax. Their keys are (symbol, closed bar), so an LRU
    // smaller than one scan's symbols evicts every entry before the next scan could read it. 0: no caches.
    qint64 cacheCapacity = 200;
    qint64 cacheCapacityMax = 20000;
    // Filters are keyed by the closed bar they were computed on, so they never go stale: no TTL (a TTL of
    // 60 s in market time, shorter than the 120 s scan interval, expired every entry before its first use).
    qint64 filterCacheTtlMs = 0;
    qint64 scoreCacheTtlMs = 300000;
    qint64 levelCacheTtlMs = 0; // keyed by closed bar: never stale, only evicted
};

// Key of the per-symbol caches: the symbol, the closed bar the value was computed on, and the
// generation of (source, preset) so that a new preset or a new market never reads old entries.
struct ScanCacheKey {
    int symbol = -1;
    qint64 barOpenMs = 0;
    quint64 generation = 0;
    quint64 extra = 0; // inputs beyond the bar that the value depends on (score: trades/min, OI)

    bool operator==(const ScanCacheKey &) const = default;
};

struct ScanCacheKeyHash {
    std::size_t operator()(const ScanCacheKey &k) const noexcept
    {
        std::size_t h = std::hash<qint64>()(k.barOpenMs);
        h ^= std::hash<int>()(k.symbol) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
        h ^= std::hash<quint64>()(k.generation) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
        h ^= std::hash<quint64>()(k.extra) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
        return h;
    }
};

// The slot of a scanner cache entry is its symbol: an entry computed on a newer bar, under a newer
// generation or (scores) with newer live inputs makes the symbol's previous one unreachable, since a scan
// only ever asks for the symbol's current key. Each symbol is evaluated once per scan, so one entry per
// symbol is all a scan can use; keeping one per symbol frees the stale entry at once and counts it as
// replaced, so the caches' evictions show capacity pressure only.
struct ScanCacheSlot {
    int operator()(const ScanCacheKey &k) const noexcept { return k.symbol; }
};

template <typename Value>
using ScanCache = BoundedCache<ScanCacheKey, Value, ScanCacheKeyHash, ScanCacheSlot>;

// Runs scans over a ScanSource on its own named thread pool ("bw-scanner") and publishes one immutable
// ScanReport per scan. Lives on the thread that owns the source (the engine's); never blocks it.
//
// Stages: symbol lists and top-N by volume on the calling thread (cheap), then batches of symbols on the
// pool: liquidity, volatility, correlation, data health, then score and levels for the survivors. At most
// maxConcurrentBatches batches run at once; the batch size follows memory pressure at the start of each
// scan (20 / 15 / 10, and back). Workers write only to their own preallocated result slots.
class Scanner final : public QObject
{
    Q_OBJECT

public:
    explicit Scanner(ScannerSettings settings = {}, const Clock &clock = SystemClock::instance(),
                     QObject *parent = nullptr);
    ~Scanner() override;

    // Takes effect at the next scan; caches of the previous preset are never read again.
    void setPreset(const Preset &preset);
    const Preset &preset() const { return *m_preset; }

    // The source must stay unchanged while a scan runs; the gate is called with true when a scan starts
    // and with false when it ends (MarketService::holdUpdates / releaseUpdates).
    void setSource(const ScanSource *source);
    void setUpdateGate(std::function<void(bool hold)> gate);
    void setPressureSource(const PressureSource *pressure);
    // Pool size (<= 0: one per core) and batches in flight (>= 1); a running scan keeps its own, the next
    // scan uses the new values.
    void setConcurrency(int threads, int maxConcurrentBatches);

    // Starts a scan, or, while one runs, remembers that another is wanted (at most one pending).
    // Returns true if a scan started now.
    bool requestScan();
    // Stops the running scan (it finishes with a cancelled report) and drops a pending request.
    void cancel();
    // Scans every preset scanner.scan_interval_seconds (the original never used it); requests that find a
    // scan running are coalesced like any other.
    void setPeriodicScanning(bool enabled);
    bool isPeriodicScanning() const { return m_timer.isActive(); }

    bool isBusy() const { return m_running != nullptr; }
    bool hasPendingScan() const { return m_pending; }
    int threadCount() const;
    int batchSizeFor(PressureLevel level) const;
    ScanReportPtr lastReport() const { return m_lastReport; }
    QThreadPool &pool() { return m_pool; }

signals:
    void scanStarted(quint64 scanId);
    void scanFinished(bw::ScanReportPtr report);

private:
    struct ScanJob;
    struct Outcome;
    void startScan();
    void finishScan(const std::shared_ptr<ScanJob> &job);
    void runWorker(const std::shared_ptr<ScanJob> &job, int worker);
    void evaluate(const ScanJob &job, int symbol, Outcome &out, double *stageNs);

    ScannerSettings m_settings;
    const Clock &m_clock;
    QThreadPool m_pool;
    std::shared_ptr<const Preset> m_preset;
    const ScanSource *m_source = nullptr;
    const PressureSource *m_pressure = nullptr;
    std::function<void(bool)> m_gate;
    quint64 m_generation = 1;
    quint64 m_nextScanId = 1;
    std::shared_ptr<ScanJob> m_running;
    bool m_pending = false;
    ScanReportPtr m_lastReport;
    QTimer m_timer;

    quint64 m_cachedGeneration = 0; // the generation the caches' entries were computed under
    ScanCache<QList<FilterResult>> m_filterCache;
    ScanCache<ScoreBreakdown> m_scoreCache;
    ScanCache<QList<Level>> m_levelCache;
};

} // namespace bw
