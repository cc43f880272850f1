#pragma once

#include <QMetaType>
#include <QString>

namespace bw {

enum class AlertLevel {
    Normal, // also the level of a "cleared" event
    Warning,
    Critical,
};

// What the resource monitor watches against limits.
enum class Metric {
    SystemCpu,     // % of all cores
    SystemMemory,  // % of RAM in use (total - available)
    Disk,          // % of the data folder's file system
    Threads,       // threads of the watched process
    OpenFiles,     // descriptors of the watched process
    ProcessMemory, // RSS of the watched process, bytes, against its budget
};

QString metricName(Metric metric);        // stable identifier: "system_cpu", "process_rss", ...
QString alertLevelName(AlertLevel level); // "normal", "warning", "critical"

// One limit. A threshold <= 0 disables that level.
struct Limit {
    double warning = 0;
    double critical = 0;
};

// Defaults are the original's (reference §7.1) plus a process RSS budget, which it lacked (it compared
// system memory instead, §11 item 23). Threads and open files had a single "alert" level there: here they
// are critical-only.
struct ResourceLimits {
    Limit cpuPercent{70, 80};
    Limit memoryPercent{75, 85};
    Limit diskPercent{80, 90};
    Limit threads{0, 100};
    Limit openFiles{0, 1000};
    Limit rssBytes{0.75 * 1024.0 * 1024.0 * 1024.0, 1024.0 * 1024.0 * 1024.0};
    // A level clears only once the value falls below threshold x (1 - hysteresis), so a value hovering
    // at the threshold does not flap.
    double hysteresisFraction = 0.05;
    // The same alert (metric and level) is not raised again within this time.
    qint64 cooldownMs = 300'000;

    // Warning at 75 % of the budget, critical at the budget.
    void setRssBudget(qint64 bytes)
    {
        rssBytes.warning = 0.75 * double(bytes);
        rssBytes.critical = double(bytes);
    }
    const Limit &limitFor(Metric metric) const;
};

struct AlertEvent {
    qint64 timeMs = 0;
    Metric metric = Metric::SystemCpu;
    double value = 0;
    double threshold = 0; // the threshold crossed (for a cleared event: the one it fell back under)
    AlertLevel level = AlertLevel::Normal;

    QString describe() const; // one line for logs and the terminal
};

} // namespace bw

Q_DECLARE_METATYPE(bw::AlertEvent)
