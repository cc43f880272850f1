#pragma once

#include "monitor/PressureGovernor.h"
#include "monitor/ResourceLimits.h"

#include <QMetaType>

namespace bw {

// The settings a running workstation takes without a restart: the engine's scan cadence and scanner
// concurrency (Engine::applyTuning), the memory budget and pressure thresholds (PressureGovernor), and the
// alert limits (ResourceMonitor::setLimits). A plain value, copied across threads.
struct RuntimeTuning {
    int scanIntervalSeconds = 0;  // market-time seconds between scans; <= 0: the preset's scan_interval_seconds
    int scannerThreads = 0;       // worker threads of the scanner pool; <= 0: one per core
    int maxConcurrentBatches = 2; // batches in flight at once, >= 1
    qint64 memoryBudgetBytes = 1024LL * 1024 * 1024;
    double pressureHigh = 0.70; // share of the budget / of system RAM
    double pressureCritical = 0.85;
    Limit cpuPercent{70, 80};
    Limit memoryPercent{75, 85};
    Limit diskPercent{80, 90};

    // `base` with the budget and thresholds replaced (hysteresis, trim and cache factors kept).
    PressureThresholds pressureThresholds(PressureThresholds base = {}) const
    {
        base.rssBudgetBytes = memoryBudgetBytes;
        base.high = pressureHigh;
        base.critical = pressureCritical;
        return base;
    }
    // `base` with the CPU, memory and disk limits and the RSS budget replaced.
    ResourceLimits resourceLimits(ResourceLimits base = {}) const
    {
        base.cpuPercent = cpuPercent;
        base.memoryPercent = memoryPercent;
        base.diskPercent = diskPercent;
        base.setRssBudget(memoryBudgetBytes);
        return base;
    }

    bool operator==(const RuntimeTuning &other) const
    {
        return scanIntervalSeconds == other.scanIntervalSeconds && scannerThreads == other.scannerThreads &&
               maxConcurrentBatches == other.maxConcurrentBatches && memoryBudgetBytes == other.memoryBudgetBytes &&
               pressureHigh == other.pressureHigh && pressureCritical == other.pressureCritical &&
               cpuPercent.warning == other.cpuPercent.warning && cpuPercent.critical == other.cpuPercent.critical &&
               memoryPercent.warning == other.memoryPercent.warning &&
               memoryPercent.critical == other.memoryPercent.critical &&
               diskPercent.warning == other.diskPercent.warning && diskPercent.critical == other.diskPercent.critical;
    }
};

} // namespace bw

Q_DECLARE_METATYPE(bw::RuntimeTuning)
