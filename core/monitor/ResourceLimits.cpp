#include "monitor/ResourceLimits.h"

#include <QCoreApplication>

namespace bw {

QString metricName(Metric metric)
{
    switch (metric) {
    case Metric::SystemCpu:
        return QStringLiteral("system_cpu");
    case Metric::SystemMemory:
        return QStringLiteral("system_memory");
    case Metric::Disk:
        return QStringLiteral("disk");
    case Metric::Threads:
        return QStringLiteral("threads");
    case Metric::OpenFiles:
        return QStringLiteral("open_files");
    case Metric::ProcessMemory:
        return QStringLiteral("process_rss");
    }
    return QStringLiteral("unknown");
}

QString alertLevelName(AlertLevel level)
{
    switch (level) {
    case AlertLevel::Normal:
        return QStringLiteral("normal");
    case AlertLevel::Warning:
        return QStringLiteral("warning");
    case AlertLevel::Critical:
        return QStringLiteral("critical");
    }
    return QStringLiteral("normal");
}

const Limit &ResourceLimits::limitFor(Metric metric) const
{
    switch (metric) {
    case Metric::SystemCpu:
        return cpuPercent;
    case Metric::SystemMemory:
        return memoryPercent;
    case Metric::Disk:
        return diskPercent;
    case Metric::Threads:
        return threads;
    case Metric::OpenFiles:
        return openFiles;
    case Metric::ProcessMemory:
        return rssBytes;
    }
    return cpuPercent;
}

QString AlertEvent::describe() const
{
    const bool bytes = metric == Metric::ProcessMemory;
    const auto format = [bytes](double v) {
        return bytes ? QStringLiteral("%1 MiB").arg(v / (1024.0 * 1024.0), 0, 'f', 1) : QString::number(v, 'f', 1);
    };
    if (level == AlertLevel::Normal)
        return QCoreApplication::translate("bw::AlertEvent", "%1 back to normal: %2 (below %3)")
            .arg(metricName(metric), format(value), format(threshold));
    return QCoreApplication::translate("bw::AlertEvent", "%1 %2: %3 (threshold %4)")
        .arg(metricName(metric), alertLevelName(level), format(value), format(threshold));
}

} // namespace bw
