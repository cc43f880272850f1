#pragma once

#include "common/Clock.h"
#include "common/RingBuffer.h"
#include "monitor/ProcSampler.h"
#include "monitor/ResourceLimits.h"
#include "monitor/ResourceSample.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <array>
#include <memory>
#include <mutex>
#include <optional>

namespace bw {

// One point of the history: the figures the dashboard plots, without the per-core list or names, so an
// hour at 1 s is a few hundred KiB allocated once.
struct HistoryPoint {
    qint64 timeMs = 0;
    double processCpu = 0;
    qint64 rssBytes = 0;
    qint64 pssBytes = -1;
    qint64 vmsBytes = 0;
    qint64 threads = 0;
    qint64 openFiles = -1;
    double systemCpu = 0;
    double memoryPercent = 0;
    double swapPercent = 0;
    double diskPercent = 0;
    double load1 = 0;
    qint64 heapInUseBytes = 0;
    qint64 heapFreeBytes = 0;
};

struct MetricSummary {
    double avg = 0;
    double min = 0;
    double max = 0;
};

struct ResourceSummary {
    qint64 windowMs = 0;
    int sampleCount = 0;
    MetricSummary processCpu;
    MetricSummary rssBytes;
    MetricSummary threads;
    MetricSummary openFiles;
    MetricSummary systemCpu;
    MetricSummary memoryPercent;
    MetricSummary diskPercent;
};

// Samples a process (by default this one) and the system on a timer, keeps bounded histories, and raises
// alerts against limits with hysteresis and a cooldown. A sample costs microseconds (kept-open /proc
// files, no blocking call), so it runs in the timer slot on the owner's thread without stalling its
// event loop. In the workstation it lives on the monitor thread (ProcessMonitor), for the whole process;
// readers on other threads get values through the signals.
class ResourceMonitor final : public QObject
{
    Q_OBJECT

public:
    struct Options {
        int intervalMs = 1000;
        int historyCapacity = 3600;     // 1 h at 1 s
        int longHistoryCapacity = 1440; // 24 h at one point a minute
        qint64 longBucketMs = 60'000;   // one averaged point per bucket
        int maxAlerts = 256;            // alert events kept for queries
        QString diskPath;               // file system whose use is watched (the data folder)
        int detailIntervalMs = 10'000;  // ProcSampler::Options::detailIntervalMs
        ResourceLimits limits;
    };

    explicit ResourceMonitor(const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    ResourceMonitor(Options options, const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    ~ResourceMonitor() override;

    // Watches pid (0: this process). False and a message naming the problem when it cannot.
    bool attach(qint64 pid = 0, QString *errorMessage = nullptr);
    qint64 pid() const;
    ProcSampler *sampler() const { return m_sampler.get(); }

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    int intervalMs() const { return m_options.intervalMs; }
    void setIntervalMs(int ms);

    // Takes one sample now (attaching to this process first if nothing is attached).
    bool sampleNow();
    // Feeds a sample as if it had been taken: history, limits, signals. Tests inject samples here.
    void ingest(const ResourceSample &sample);

    std::optional<ResourceSample> latest() const { return m_latest; }
    // Points of the last windowMs (all of them when windowMs <= 0), oldest first.
    QList<HistoryPoint> history(qint64 windowMs = 0) const;
    QList<HistoryPoint> longHistory() const;
    std::size_t historyCapacity() const { return m_history.capacity(); }
    std::size_t historySize() const { return m_history.size(); }
    std::size_t longHistorySize() const { return m_longHistory.size(); }
    ResourceSummary summary(qint64 windowMs) const;

    const ResourceLimits &limits() const { return m_options.limits; }
    void setLimits(const ResourceLimits &limits);
    AlertLevel alertLevel(Metric metric) const;
    // Oldest first, at most Options::maxAlerts. May be called from any thread: a reader built after an alert
    // (the server of an engine rebuilt on a new source) learns of an episode still going on.
    QList<AlertEvent> alerts() const;

    // Shrinks the history rings to factor x their configured capacity (the newest points stay); 1.0
    // restores the full capacity. The pressure governor uses it at Critical.
    void setRetentionFactor(double factor);
    double retentionFactor() const { return m_retentionFactor; }

    static HistoryPoint toHistoryPoint(const ResourceSample &sample);

signals:
    void sampled(const bw::ResourceSample &sample);
    void alertRaised(const bw::AlertEvent &alert);
    void samplingFailed(const QString &message);

private:
    static constexpr std::size_t kMetricCount = 6;
    struct AlertState {
        AlertLevel level = AlertLevel::Normal;
        bool announced = false; // an alert was emitted during the current episode
        std::array<qint64, 3> lastRaisedMs{};
        std::array<bool, 3> everRaised{};
    };

    void onTimer();
    void addToLongHistory(const HistoryPoint &point);
    void evaluate(Metric metric, double value, qint64 nowMs);

    Options m_options;
    const Clock &m_clock;
    std::unique_ptr<ProcSampler> m_sampler;
    QTimer m_timer;
    std::optional<ResourceSample> m_latest;
    RingBuffer<HistoryPoint> m_history;
    RingBuffer<HistoryPoint> m_longHistory;
    HistoryPoint m_bucketSum;
    int m_bucketCount = 0;
    qint64 m_bucket = -1;
    mutable std::mutex m_alertsMutex; // guards m_alerts, the one member other threads read
    RingBuffer<AlertEvent> m_alerts;
    std::array<AlertState, kMetricCount> m_alertStates{};
    double m_retentionFactor = 1.0;
};

} // namespace bw
