#include "monitor/PressureGovernor.h"

#include "common/CacheRegistry.h"
#include "monitor/MonitorLog.h"
#include "monitor/ResourceMonitor.h"

#include <QCoreApplication>

#include <algorithm>
#include <malloc.h>

namespace bw {
namespace {

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MiB");
}

} // namespace

QString governorActionKindName(GovernorActionKind kind)
{
    switch (kind) {
    case GovernorActionKind::LevelChanged:
        return QStringLiteral("level_changed");
    case GovernorActionKind::BatchSize:
        return QStringLiteral("batch_size");
    case GovernorActionKind::CacheShrink:
        return QStringLiteral("cache_shrink");
    case GovernorActionKind::CacheClear:
        return QStringLiteral("cache_clear");
    case GovernorActionKind::CacheRestore:
        return QStringLiteral("cache_restore");
    case GovernorActionKind::HeapTrim:
        return QStringLiteral("heap_trim");
    case GovernorActionKind::HistoryRetention:
        return QStringLiteral("history_retention");
    }
    return QStringLiteral("unknown");
}

PressureGovernor::PressureGovernor(const Clock &clock, QObject *parent)
    : PressureGovernor(PressureThresholds{}, clock, parent)
{}

PressureGovernor::PressureGovernor(PressureThresholds thresholds, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_thresholds(thresholds)
    , m_clock(clock)
{
    qRegisterMetaType<bw::GovernorAction>();
    qRegisterMetaType<bw::PressureLevel>();
    qRegisterMetaType<bw::ResourceSample>();
}

PressureGovernor::~PressureGovernor()
{
    // Caches created after this governor is gone are not under its pressure.
    if (pressureLevel() != PressureLevel::Normal)
        CacheRegistry::instance().setPressureFactors(1.0, 1.0);
}

int PressureGovernor::batchSizeFor(PressureLevel level)
{
    switch (level) {
    case PressureLevel::Normal:
        return 20;
    case PressureLevel::High:
        return 15;
    case PressureLevel::Critical:
        return 10;
    }
    return 20;
}

void PressureGovernor::setThresholds(const PressureThresholds &thresholds)
{
    m_thresholds = thresholds;
}

bool PressureGovernor::setMemoryThresholds(qint64 rssBudgetBytes, double high, double critical)
{
    if (rssBudgetBytes <= 0 || !(high > 0) || !(critical > high) || critical > 1.0) {
        qCWarning(lcMonitor).noquote() << "pressure thresholds refused: budget" << mib(rssBudgetBytes) << "high" << high
                                       << "critical" << critical;
        return false;
    }
    m_thresholds.rssBudgetBytes = rssBudgetBytes;
    m_thresholds.high = high;
    m_thresholds.critical = critical;
    qCInfo(lcMonitor).noquote() << "pressure thresholds: budget" << mib(rssBudgetBytes) << "- high at"
                                << qRound(high * 100) << "%, critical at" << qRound(critical * 100) << "%";
    return true;
}

void PressureGovernor::attachMonitor(ResourceMonitor *monitor)
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = monitor;
    if (monitor)
        connect(monitor, &ResourceMonitor::sampled, this, &PressureGovernor::evaluate);
}

double PressureGovernor::pressureOf(const ResourceSample &sample) const
{
    double pressure = 0;
    if (m_thresholds.rssBudgetBytes > 0)
        pressure = double(sample.process.rssBytes) / double(m_thresholds.rssBudgetBytes);
    if (m_thresholds.watchSystemMemory)
        pressure = std::max(pressure, sample.system.memPercent / 100.0);
    return pressure;
}

void PressureGovernor::evaluate(const ResourceSample &sample)
{
    const qint64 now = m_clock.nowMs();
    const PressureLevel current = pressureLevel();
    const double rssShare =
        m_thresholds.rssBudgetBytes > 0 ? double(sample.process.rssBytes) / double(m_thresholds.rssBudgetBytes) : 0.0;
    const double pressure = pressureOf(sample);

    // Up as soon as a threshold is reached; down only once below it by the hysteresis margin.
    PressureLevel target = PressureLevel::Normal;
    const auto holds = [&](double threshold, PressureLevel level) {
        return pressure >= threshold || (current >= level && pressure > threshold - m_thresholds.hysteresis);
    };
    if (holds(m_thresholds.critical, PressureLevel::Critical))
        target = PressureLevel::Critical;
    else if (holds(m_thresholds.high, PressureLevel::High))
        target = PressureLevel::High;

    const QString reason = tr("process RSS %1 of budget %2 (%3 %), system memory %4 %")
                               .arg(mib(sample.process.rssBytes), mib(m_thresholds.rssBudgetBytes))
                               .arg(rssShare * 100.0, 0, 'f', 1)
                               .arg(sample.system.memPercent, 0, 'f', 1);
    if (target != current) {
        m_level.store(target, std::memory_order_release);
        applyLevel(current, target, reason, now);
    }
    if (target != PressureLevel::Normal)
        maybeTrimHeap(sample, reason, false);
}

void PressureGovernor::act(const GovernorAction &action)
{
    qCInfo(lcMonitor).noquote() << "pressure" << pressureLevelName(action.level) << governorActionKindName(action.kind)
                                << "-" << action.detail << "- because" << action.reason;
    emit actionTaken(action);
}

void PressureGovernor::applyLevel(PressureLevel from, PressureLevel to, const QString &reason, qint64 now)
{
    act({now, to, GovernorActionKind::LevelChanged, reason,
         tr("level %1 -> %2").arg(pressureLevelName(from), pressureLevelName(to))});
    emit levelChanged(to, reason);

    if (batchSizeFor(from) != batchSizeFor(to)) {
        act({now, to, GovernorActionKind::BatchSize, reason,
             tr("scanner batch size %1 -> %2").arg(batchSizeFor(from)).arg(batchSizeFor(to))});
        emit batchSizeChanged(batchSizeFor(to));
    }

    // Caches: half capacity at High; at Critical the evictable ones hold nothing, the others keep half.
    int caches = 0;
    qint64 before = 0;
    qint64 after = 0;
    const double highFactor = std::clamp(m_thresholds.highCacheFactor, 0.0, 1.0);
    CacheRegistry &registry = CacheRegistry::instance();
    // Caches registered later (a new engine's scanner after a source switch) start at the same limits.
    if (to == PressureLevel::Normal)
        registry.setPressureFactors(1.0, 1.0);
    else if (to == PressureLevel::High)
        registry.setPressureFactors(highFactor, highFactor);
    else
        registry.setPressureFactors(0.0, highFactor);
    registry.forEach([&](RegisteredCache &cache) {
        const CacheStats stats = cache.cacheStats();
        before += stats.estimatedBytes;
        double factor = 1.0;
        if (to == PressureLevel::High)
            factor = highFactor;
        else if (to == PressureLevel::Critical)
            factor = stats.evictable ? 0.0 : highFactor;
        cache.setCapacityFactor(factor);
        after += cache.cacheStats().estimatedBytes;
        ++caches;
    });
    if (caches > 0) {
        const QString figures = tr("%1 caches, %2 -> %3").arg(caches).arg(mib(before), mib(after));
        if (to == PressureLevel::Normal)
            act({now, to, GovernorActionKind::CacheRestore, reason, tr("capacity restored: %1").arg(figures)});
        else if (to == PressureLevel::High)
            act({now, to, GovernorActionKind::CacheShrink, reason,
                 tr("capacity x%1: %2").arg(highFactor, 0, 'f', 2).arg(figures)});
        else
            act({now, to, GovernorActionKind::CacheClear, reason,
                 tr("evictable caches emptied, others x%1: %2").arg(highFactor, 0, 'f', 2).arg(figures)});
    }

    if (m_monitor) {
        const double retention =
            to == PressureLevel::Critical ? std::clamp(m_thresholds.criticalRetention, 0.01, 1.0) : 1.0;
        if (retention != m_monitor->retentionFactor()) {
            const std::size_t oldCapacity = m_monitor->historyCapacity();
            m_monitor->setRetentionFactor(retention);
            act({now, to, GovernorActionKind::HistoryRetention, reason,
                 tr("history capacity %1 -> %2 points").arg(oldCapacity).arg(m_monitor->historyCapacity())});
        }
    }

    // Entering a higher level: give the heap the caches just released back at once.
    if (to > from) {
        ResourceSample none;
        maybeTrimHeap(none, reason, true);
    }
}

void PressureGovernor::maybeTrimHeap(const ResourceSample &sample, const QString &reason, bool force)
{
    const qint64 now = m_clock.nowMs();
    if (!force) {
        if (m_trimmedOnce && now - m_lastTrimMs < m_thresholds.heapTrimIntervalMs)
            return;
        // Only the own process's allocator can be trimmed, and only when it holds enough free heap.
        if (!sample.allocator.available || sample.allocator.freeBytes < m_thresholds.heapTrimMinFreeBytes)
            return;
    }
    const AllocatorStats beforeStats = ProcSampler::allocatorStats();
    const qint64 rssBefore = ProcSampler::ownRssBytes();
    const int released = ::malloc_trim(0);
    const qint64 rssAfter = ProcSampler::ownRssBytes();
    m_trimmedOnce = true;
    m_lastTrimMs = now;
    act({now, pressureLevel(), GovernorActionKind::HeapTrim, reason,
         tr("malloc_trim(0) %1; allocator held %2 free, process RSS %3 -> %4")
             .arg(released ? tr("returned memory to the OS") : tr("found nothing to return"))
             .arg(mib(beforeStats.freeBytes))
             .arg(mib(rssBefore), mib(rssAfter))});
}

} // namespace bw
