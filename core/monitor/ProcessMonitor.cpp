#include "monitor/ProcessMonitor.h"

#include "monitor/MonitorLog.h"

namespace bw {

ProcessMonitor::ProcessMonitor(const Clock &clock)
    : ProcessMonitor(ResourceMonitor::Options{}, PressureThresholds{}, clock)
{}

ProcessMonitor::ProcessMonitor(const ResourceMonitor::Options &options, const PressureThresholds &thresholds,
                               const Clock &clock)
{
    m_thread.setObjectName(QStringLiteral("monitor"));
    m_monitor = new ResourceMonitor(options, clock);
    m_governor = new PressureGovernor(thresholds, clock);
    // Same thread: the governor evaluates each sample directly, in the monitor's timer slot.
    m_governor->attachMonitor(m_monitor);
    m_monitor->moveToThread(&m_thread);
    m_governor->moveToThread(&m_thread);
    // The sampling timer stops on its own thread, in the thread's last moments, so that a later start()
    // (or the destructor) finds it inactive.
    QObject::connect(
        &m_thread, &QThread::finished, m_monitor, [monitor = m_monitor] { monitor->stop(); }, Qt::DirectConnection);
}

ProcessMonitor::~ProcessMonitor()
{
    stop();
    // The thread has finished (or never ran): nothing runs on it any more, so both go from here. The
    // governor first: it refers to the monitor.
    delete m_governor;
    delete m_monitor;
}

void ProcessMonitor::start()
{
    if (m_thread.isRunning())
        return;
    m_thread.start();
    QMetaObject::invokeMethod(
        m_monitor,
        [monitor = m_monitor] {
            if (monitor->pid() == 0) {
                QString error;
                if (!monitor->attach(0, &error))
                    qCWarning(lcMonitor).noquote() << "resource monitor:" << error;
            }
            monitor->start();
        },
        Qt::QueuedConnection);
}

void ProcessMonitor::stop()
{
    if (!m_thread.isRunning())
        return;
    m_thread.quit();
    m_thread.wait();
}

} // namespace bw
