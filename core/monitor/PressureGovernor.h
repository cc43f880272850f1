#pragma once

#include "common/Clock.h"
#include "common/MemoryPressure.h"
#include "monitor/ResourceSample.h"

#include <QObject>
#include <QPointer>

#include <atomic>

namespace bw {

class ResourceMonitor;

enum class GovernorActionKind {
    LevelChanged,     // the pressure level moved
    BatchSize,        // the recommended scanner batch size changed
    CacheShrink,      // registered caches limited to a fraction of their capacity
    CacheClear,       // evictable caches emptied (and kept empty) at Critical
    CacheRestore,     // caches back to their configured capacity
    HeapTrim,         // malloc_trim(0) gave free heap back to the OS
    HistoryRetention, // the resource monitor's history shortened or restored
};

QString governorActionKindName(GovernorActionKind kind);

struct GovernorAction {
    qint64 timeMs = 0;
    PressureLevel level = PressureLevel::Normal;
    GovernorActionKind kind = GovernorActionKind::LevelChanged;
    QString reason; // why (the measurement that triggered it)
    QString detail; // what was done, with figures
};

struct PressureThresholds {
    qint64 rssBudgetBytes = 1024LL * 1024 * 1024; // the process's RSS budget (1 GiB)
    double high = 0.70;                           // share of the budget / of system RAM
    double critical = 0.85;
    double hysteresis = 0.05; // a level is left only below its threshold minus this
    bool watchSystemMemory = true;
    // While at High or Critical, free heap above this is returned to the OS, at most once per interval.
    qint64 heapTrimMinFreeBytes = 8LL * 1024 * 1024;
    qint64 heapTrimIntervalMs = 10'000;
    double highCacheFactor = 0.5;    // caches keep half their capacity at High
    double criticalRetention = 0.25; // history keeps a quarter (15 of 60 minutes) at Critical
};

// Turns resource samples into a memory pressure level and acts on it: the scanner's batch size, the
// registered caches, the allocator's free heap and the monitor's history. Every action is logged with its
// reason and published through actionTaken. Lives on the monitor's thread; pressureLevel() may be read
// from any thread (the scanner reads it at the start of each scan).
class PressureGovernor final : public QObject, public PressureSource
{
    Q_OBJECT

public:
    explicit PressureGovernor(const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    PressureGovernor(PressureThresholds thresholds, const Clock &clock = SystemClock::instance(),
                     QObject *parent = nullptr);
    ~PressureGovernor() override;

    PressureLevel pressureLevel() const override { return m_level.load(std::memory_order_acquire); }
    int recommendedBatchSize() const { return batchSizeFor(pressureLevel()); }
    // The original's batch sizes: 20 normally, 15 at High, 10 at Critical.
    static int batchSizeFor(PressureLevel level);

    const PressureThresholds &thresholds() const { return m_thresholds; }
    void setThresholds(const PressureThresholds &thresholds);

    // Follows monitor's samples and shortens its history at Critical. The governor does not own it.
    void attachMonitor(ResourceMonitor *monitor);

    // The pressure a sample represents, 0..: max(RSS / budget, system memory share).
    double pressureOf(const ResourceSample &sample) const;

public slots:
    void evaluate(const bw::ResourceSample &sample);
    // The settings' budget and levels, applied live from the next sample on (other fields kept). Refuses,
    // with a warning, a budget <= 0 or thresholds outside 0 < high < critical <= 1.
    bool setMemoryThresholds(qint64 rssBudgetBytes, double high, double critical);

signals:
    void levelChanged(bw::PressureLevel level, const QString &reason);
    void batchSizeChanged(int batchSize);
    void actionTaken(const bw::GovernorAction &action);

private:
    void act(const GovernorAction &action);
    void applyLevel(PressureLevel from, PressureLevel to, const QString &reason, qint64 nowMs);
    void maybeTrimHeap(const ResourceSample &sample, const QString &reason, bool force);

    PressureThresholds m_thresholds;
    const Clock &m_clock;
    std::atomic<PressureLevel> m_level{PressureLevel::Normal};
    QPointer<ResourceMonitor> m_monitor;
    qint64 m_lastTrimMs = 0;
    bool m_trimmedOnce = false;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::GovernorAction)
Q_DECLARE_METATYPE(bw::PressureLevel)
