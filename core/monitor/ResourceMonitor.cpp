#include "monitor/ResourceMonitor.h"

#include "monitor/MonitorLog.h"

#include <algorithm>
#include <cmath>

namespace bw {
namespace {

std::size_t scaledCapacity(int capacity, double factor)
{
    // Never below a minute of points so the dashboard still has a curve.
    return std::max<std::size_t>(std::size_t(std::lround(double(std::max(capacity, 1)) * factor)),
                                 std::min<std::size_t>(60, std::size_t(std::max(capacity, 1))));
}

struct Accumulator {
    double sum = 0;
    double min = 0;
    double max = 0;
    int count = 0;
    void add(double v)
    {
        if (count == 0) {
            min = max = v;
        } else {
            min = std::min(min, v);
            max = std::max(max, v);
        }
        sum += v;
        ++count;
    }
    MetricSummary result() const { return {count > 0 ? sum / count : 0.0, min, max}; }
};

} // namespace

ResourceMonitor::ResourceMonitor(const Clock &clock, QObject *parent)
    : ResourceMonitor(Options{}, clock, parent)
{}

ResourceMonitor::ResourceMonitor(Options options, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(clock)
    , m_history(std::size_t(std::max(m_options.historyCapacity, 1)))
    , m_longHistory(std::size_t(std::max(m_options.longHistoryCapacity, 1)))
    , m_alerts(std::size_t(std::max(m_options.maxAlerts, 1)))
{
    qRegisterMetaType<bw::ResourceSample>();
    qRegisterMetaType<bw::AlertEvent>();
    // A child, so that moveToThread() (ProcessMonitor) takes the timer along.
    m_timer.setParent(this);
    m_timer.setInterval(std::max(m_options.intervalMs, 10));
    connect(&m_timer, &QTimer::timeout, this, &ResourceMonitor::onTimer);
}

ResourceMonitor::~ResourceMonitor() = default;

bool ResourceMonitor::attach(qint64 pid, QString *errorMessage)
{
    ProcSampler::Options samplerOptions;
    samplerOptions.diskPath = m_options.diskPath;
    samplerOptions.detailIntervalMs = m_options.detailIntervalMs;
    auto sampler = std::make_unique<ProcSampler>(samplerOptions);
    if (!sampler->attach(pid)) {
        if (errorMessage)
            *errorMessage = sampler->errorString();
        return false;
    }
    m_sampler = std::move(sampler);
    return true;
}

qint64 ResourceMonitor::pid() const
{
    return m_sampler ? m_sampler->pid() : 0;
}

void ResourceMonitor::start()
{
    if (!m_sampler)
        attach(0);
    m_timer.start();
}

void ResourceMonitor::stop()
{
    m_timer.stop();
}

void ResourceMonitor::setIntervalMs(int ms)
{
    m_options.intervalMs = std::max(ms, 10);
    m_timer.setInterval(m_options.intervalMs);
}

void ResourceMonitor::onTimer()
{
    sampleNow();
}

bool ResourceMonitor::sampleNow()
{
    if (!m_sampler && !attach(0))
        return false;
    ResourceSample sample;
    if (!m_sampler->sample(sample, m_clock.nowMs())) {
        qCWarning(lcMonitor).noquote() << "sampling failed:" << m_sampler->errorString();
        // A process that has exited will not come back under this pid: stop instead of failing every tick.
        if (m_sampler->error() == ProcSampler::Error::ProcessExited)
            m_timer.stop();
        emit samplingFailed(m_sampler->errorString());
        return false;
    }
    ingest(sample);
    return true;
}

HistoryPoint ResourceMonitor::toHistoryPoint(const ResourceSample &s)
{
    HistoryPoint p;
    p.timeMs = s.timeMs;
    p.processCpu = s.process.cpuPercent;
    p.rssBytes = s.process.rssBytes;
    p.pssBytes = s.process.pssBytes;
    p.vmsBytes = s.process.vmsBytes;
    p.threads = s.process.threads;
    p.openFiles = s.process.openFiles;
    p.systemCpu = s.system.cpuPercent;
    p.memoryPercent = s.system.memPercent;
    p.swapPercent = s.system.swapPercent;
    p.diskPercent = s.system.diskPercent;
    p.load1 = s.system.load1;
    p.heapInUseBytes = s.allocator.inUseBytes;
    p.heapFreeBytes = s.allocator.freeBytes;
    return p;
}

void ResourceMonitor::ingest(const ResourceSample &sample)
{
    m_latest = sample;
    const HistoryPoint point = toHistoryPoint(sample);
    m_history.push(point);
    addToLongHistory(point);

    const qint64 now = sample.timeMs;
    evaluate(Metric::SystemCpu, sample.system.cpuPercent, now);
    evaluate(Metric::SystemMemory, sample.system.memPercent, now);
    if (sample.system.diskTotalBytes > 0)
        evaluate(Metric::Disk, sample.system.diskPercent, now);
    evaluate(Metric::Threads, double(sample.process.threads), now);
    if (sample.process.openFiles >= 0)
        evaluate(Metric::OpenFiles, double(sample.process.openFiles), now);
    evaluate(Metric::ProcessMemory, double(sample.process.rssBytes), now);

    emit sampled(sample);
}

void ResourceMonitor::addToLongHistory(const HistoryPoint &p)
{
    const qint64 bucketMs = std::max<qint64>(m_options.longBucketMs, 1);
    const qint64 bucket = p.timeMs / bucketMs;
    if (m_bucketCount > 0 && bucket != m_bucket) {
        // Close the previous bucket: averages of rates and percentages, peaks of sizes (a memory spike
        // within the minute must stay visible in the day view).
        HistoryPoint avg = m_bucketSum;
        const double n = m_bucketCount;
        avg.timeMs = m_bucket * bucketMs;
        avg.processCpu /= n;
        avg.systemCpu /= n;
        avg.memoryPercent /= n;
        avg.swapPercent /= n;
        avg.diskPercent /= n;
        avg.load1 /= n;
        m_longHistory.push(avg);
        m_bucketCount = 0;
    }
    if (m_bucketCount == 0) {
        m_bucket = bucket;
        m_bucketSum = p;
        m_bucketCount = 1;
        return;
    }
    HistoryPoint &s = m_bucketSum;
    s.processCpu += p.processCpu;
    s.systemCpu += p.systemCpu;
    s.memoryPercent += p.memoryPercent;
    s.swapPercent += p.swapPercent;
    s.diskPercent += p.diskPercent;
    s.load1 += p.load1;
    s.rssBytes = std::max(s.rssBytes, p.rssBytes);
    s.pssBytes = std::max(s.pssBytes, p.pssBytes);
    s.vmsBytes = std::max(s.vmsBytes, p.vmsBytes);
    s.threads = std::max(s.threads, p.threads);
    s.openFiles = std::max(s.openFiles, p.openFiles);
    s.heapInUseBytes = std::max(s.heapInUseBytes, p.heapInUseBytes);
    s.heapFreeBytes = std::max(s.heapFreeBytes, p.heapFreeBytes);
    ++m_bucketCount;
}

QList<HistoryPoint> ResourceMonitor::history(qint64 windowMs) const
{
    QList<HistoryPoint> result;
    if (m_history.isEmpty())
        return result;
    const qint64 from = windowMs > 0 ? m_history.back().timeMs - windowMs : std::numeric_limits<qint64>::min();
    std::size_t first = m_history.size();
    while (first > 0 && m_history[first - 1].timeMs > from)
        --first;
    result.reserve(qsizetype(m_history.size() - first));
    for (std::size_t i = first; i < m_history.size(); ++i)
        result.append(m_history[i]);
    return result;
}

QList<HistoryPoint> ResourceMonitor::longHistory() const
{
    QList<HistoryPoint> result;
    result.reserve(qsizetype(m_longHistory.size()));
    for (std::size_t i = 0; i < m_longHistory.size(); ++i)
        result.append(m_longHistory[i]);
    return result;
}

ResourceSummary ResourceMonitor::summary(qint64 windowMs) const
{
    ResourceSummary summary;
    summary.windowMs = windowMs;
    Accumulator cpu, rss, threads, files, sysCpu, mem, disk;
    const QList<HistoryPoint> points = history(windowMs);
    for (const HistoryPoint &p : points) {
        cpu.add(p.processCpu);
        rss.add(double(p.rssBytes));
        threads.add(double(p.threads));
        if (p.openFiles >= 0)
            files.add(double(p.openFiles));
        sysCpu.add(p.systemCpu);
        mem.add(p.memoryPercent);
        disk.add(p.diskPercent);
    }
    summary.sampleCount = int(points.size());
    summary.processCpu = cpu.result();
    summary.rssBytes = rss.result();
    summary.threads = threads.result();
    summary.openFiles = files.result();
    summary.systemCpu = sysCpu.result();
    summary.memoryPercent = mem.result();
    summary.diskPercent = disk.result();
    return summary;
}

void ResourceMonitor::setLimits(const ResourceLimits &limits)
{
    m_options.limits = limits;
}

AlertLevel ResourceMonitor::alertLevel(Metric metric) const
{
    return m_alertStates[std::size_t(metric)].level;
}

QList<AlertEvent> ResourceMonitor::alerts() const
{
    std::lock_guard lock(m_alertsMutex);
    QList<AlertEvent> result;
    result.reserve(qsizetype(m_alerts.size()));
    for (std::size_t i = 0; i < m_alerts.size(); ++i)
        result.append(m_alerts[i]);
    return result;
}

void ResourceMonitor::evaluate(Metric metric, double value, qint64 nowMs)
{
    const ResourceLimits &limits = m_options.limits;
    const Limit &limit = limits.limitFor(metric);
    AlertState &state = m_alertStates[std::size_t(metric)];
    const double keep = 1.0 - std::clamp(limits.hysteresisFraction, 0.0, 0.9);

    // Entering a level needs the threshold; staying in it only needs to remain above threshold x keep.
    const auto holds = [&](double threshold, AlertLevel level) {
        if (threshold <= 0)
            return false;
        return value >= threshold || (state.level >= level && value > threshold * keep);
    };
    AlertLevel target = AlertLevel::Normal;
    if (holds(limit.critical, AlertLevel::Critical))
        target = AlertLevel::Critical;
    else if (holds(limit.warning, AlertLevel::Warning))
        target = AlertLevel::Warning;

    if (target == state.level)
        return;
    const AlertLevel previous = state.level;
    state.level = target;

    if (target > previous) {
        const auto index = std::size_t(target);
        if (state.everRaised[index] && nowMs - state.lastRaisedMs[index] < limits.cooldownMs) {
            qCDebug(lcMonitor) << metricName(metric) << alertLevelName(target) << "suppressed by the cooldown";
            return;
        }
        state.everRaised[index] = true;
        state.lastRaisedMs[index] = nowMs;
        state.announced = true;
        const AlertEvent event{nowMs, metric, value, target == AlertLevel::Critical ? limit.critical : limit.warning,
                               target};
        {
            std::lock_guard lock(m_alertsMutex);
            m_alerts.push(event);
        }
        qCWarning(lcMonitor).noquote() << event.describe();
        emit alertRaised(event);
        return;
    }
    if (target == AlertLevel::Normal && state.announced) {
        state.announced = false;
        const double threshold = limit.warning > 0 ? limit.warning : limit.critical;
        const AlertEvent event{nowMs, metric, value, threshold * keep, AlertLevel::Normal};
        {
            std::lock_guard lock(m_alertsMutex);
            m_alerts.push(event);
        }
        qCInfo(lcMonitor).noquote() << event.describe();
        emit alertRaised(event);
    }
}

void ResourceMonitor::setRetentionFactor(double factor)
{
    factor = std::clamp(factor, 0.01, 1.0);
    if (factor == m_retentionFactor)
        return;
    m_retentionFactor = factor;
    m_history.setCapacity(scaledCapacity(m_options.historyCapacity, factor));
    m_longHistory.setCapacity(scaledCapacity(m_options.longHistoryCapacity, factor));
}

} // namespace bw
