#pragma once

#include "common/Clock.h"
#include "monitor/PressureGovernor.h"
#include "monitor/ResourceMonitor.h"

#include <QThread>

namespace bw {

// The workstation's process-level resource watch: the ResourceMonitor (1 s samples of this process, its
// hour and day histories, its alert states) and the PressureGovernor that turns the samples into a pressure
// level and acts on it, on a thread of their own named "monitor".
//
// It belongs to the process, not to an engine: an AppContext (engine thread, feed, market store, scanner,
// server) is rebuilt when the user switches the data source, but the process is the same one and its
// history must not restart. Every engine built meanwhile takes the governor as its scanner's pressure source
// (the batch size), and the caches it registers start under the governor's current limits
// (CacheRegistry::setPressureFactors).
//
// Why a thread of its own: the engine thread is joined and replaced at every source switch, and the GUI
// thread must not read /proc (smaps_rollup can take milliseconds for a large process). A sample costs
// microseconds, so the thread is idle almost all the time; as a bonus, a busy engine no longer delays the
// samples that would show it.
//
// Lifecycle: construct (the objects exist, nothing samples) -> connect to the monitor's and governor's
// signals (queued: they live on the monitor thread) -> start() -> ... -> stop() -> start() again resumes with
// the history kept. The destructor stops the thread and deletes both objects.
class ProcessMonitor final
{
public:
    explicit ProcessMonitor(const Clock &clock = SystemClock::instance());
    ProcessMonitor(const ResourceMonitor::Options &options, const PressureThresholds &thresholds,
                   const Clock &clock = SystemClock::instance());
    ~ProcessMonitor();
    ProcessMonitor(const ProcessMonitor &) = delete;
    ProcessMonitor &operator=(const ProcessMonitor &) = delete;

    // Starts the thread; there the monitor attaches to this process and samples every interval. Idempotent.
    void start();
    // Stops sampling on the monitor thread, quits it and joins it. The monitor and governor stay, with their
    // history and state. Idempotent.
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }

    // Both live on the monitor thread for as long as this object exists: connect to them, or invoke them
    // queued. PressureGovernor::pressureLevel() may be read from any thread.
    ResourceMonitor *resourceMonitor() const { return m_monitor; }
    PressureGovernor *pressureGovernor() const { return m_governor; }
    QThread *thread() { return &m_thread; }

private:
    QThread m_thread;
    ResourceMonitor *m_monitor = nullptr;
    PressureGovernor *m_governor = nullptr;
};

} // namespace bw
