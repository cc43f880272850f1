#include "monitor/ResourceMonitor.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

using namespace bw;

namespace {

ResourceSample makeSample(qint64 timeMs, double systemCpu, double memPercent = 10, qint64 rss = 100 << 20,
                          qint64 threads = 8)
{
    ResourceSample s;
    s.timeMs = timeMs;
    s.system.cpuPercent = systemCpu;
    s.system.memPercent = memPercent;
    s.process.rssBytes = rss;
    s.process.threads = threads;
    s.process.openFiles = 20;
    s.process.cpuPercent = systemCpu / 2;
    return s;
}

} // namespace

class TestResourceMonitor : public QObject
{
    Q_OBJECT

private slots:
    void historiesAreBounded()
    {
        ManualClock clock(0);
        ResourceMonitor::Options options;
        options.historyCapacity = 100;
        options.longHistoryCapacity = 10;
        options.longBucketMs = 60'000;
        ResourceMonitor monitor(options, clock);
        for (int i = 0; i < 1000; ++i)
            monitor.ingest(makeSample(qint64(i) * 1000, 50));
        QCOMPARE(monitor.historySize(), 100u);
        const QList<HistoryPoint> history = monitor.history();
        QCOMPARE(history.size(), 100);
        QCOMPARE(history.front().timeMs, 900'000);
        QCOMPARE(history.back().timeMs, 999'000);
        // 1000 s = 16 full minutes closed, at most 10 kept: minutes 6..15.
        const QList<HistoryPoint> day = monitor.longHistory();
        QCOMPARE(day.size(), 10);
        QCOMPARE(day.front().timeMs, 6 * 60'000);
        QCOMPARE(day.back().timeMs, 15 * 60'000);
        QCOMPARE(day.back().systemCpu, 50.0);
    }

    void longHistoryAveragesRatesAndKeepsPeaks()
    {
        ManualClock clock(0);
        ResourceMonitor monitor(clock);
        // One minute: CPU 10 for 30 s and 30 for 30 s, RSS spiking once.
        for (int i = 0; i < 60; ++i)
            monitor.ingest(makeSample(qint64(i) * 1000, i < 30 ? 10 : 30, 10, i == 17 ? 900 << 20 : 100 << 20));
        QCOMPARE(monitor.longHistorySize(), 0u); // the minute is still open
        monitor.ingest(makeSample(60'000, 0));
        const QList<HistoryPoint> day = monitor.longHistory();
        QCOMPARE(day.size(), 1);
        QCOMPARE(day[0].timeMs, 0);
        QCOMPARE(day[0].systemCpu, 20.0);
        QCOMPARE(day[0].rssBytes, qint64(900) << 20);
    }

    void summaryOverAWindow()
    {
        ManualClock clock(0);
        ResourceMonitor monitor(clock);
        const double cpu[] = {90, 10, 20, 30, 60};
        for (int i = 0; i < 5; ++i)
            monitor.ingest(makeSample(qint64(i) * 1000, cpu[i]));
        const ResourceSummary last3 = monitor.summary(2500); // t = 2, 3, 4 s
        QCOMPARE(last3.sampleCount, 3);
        QCOMPARE(last3.systemCpu.avg, 110.0 / 3);
        QCOMPARE(last3.systemCpu.min, 20.0);
        QCOMPARE(last3.systemCpu.max, 60.0);
        const ResourceSummary all = monitor.summary(0);
        QCOMPARE(all.sampleCount, 5);
        QCOMPARE(all.systemCpu.max, 90.0);
        QCOMPARE(all.threads.avg, 8.0);
        QVERIFY(monitor.latest().has_value());
        QCOMPARE(monitor.latest()->system.cpuPercent, 60.0);
    }

    void alertsHaveHysteresisAndCooldown()
    {
        ManualClock clock(0);
        ResourceMonitor monitor(clock); // defaults: CPU 70/80 %, 5 % hysteresis, 300 s cooldown
        QSignalSpy spy(&monitor, &ResourceMonitor::alertRaised);
        qint64 t = 0;
        const auto feed = [&](double cpu) {
            t += 1000;
            monitor.ingest(makeSample(t, cpu));
        };

        feed(50);
        QCOMPARE(spy.count(), 0);
        feed(85); // critical
        QCOMPARE(spy.count(), 1);
        auto alert = spy.takeFirst().at(0).value<AlertEvent>();
        QCOMPARE(alert.metric, Metric::SystemCpu);
        QCOMPARE(alert.level, AlertLevel::Critical);
        QCOMPARE(alert.value, 85.0);
        QCOMPARE(alert.threshold, 80.0);
        QCOMPARE(alert.timeMs, t);

        feed(77); // below 80 but above 80 x 0.95 = 76: still critical, no new event
        feed(79);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(monitor.alertLevel(Metric::SystemCpu), AlertLevel::Critical);
        feed(75); // below 76: down to warning (70), silently
        QCOMPARE(monitor.alertLevel(Metric::SystemCpu), AlertLevel::Warning);
        feed(67); // above 70 x 0.95 = 66.5: still warning
        QCOMPARE(monitor.alertLevel(Metric::SystemCpu), AlertLevel::Warning);
        QCOMPARE(spy.count(), 0);
        feed(60); // cleared
        QCOMPARE(spy.count(), 1);
        alert = spy.takeFirst().at(0).value<AlertEvent>();
        QCOMPARE(alert.level, AlertLevel::Normal);

        feed(90); // again within the 300 s cooldown: level follows, no event
        QCOMPARE(monitor.alertLevel(Metric::SystemCpu), AlertLevel::Critical);
        QCOMPARE(spy.count(), 0);
        feed(10);
        QCOMPARE(spy.count(), 0); // nothing was announced, nothing to clear

        t += 300'000;
        feed(90); // cooldown over
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).value<AlertEvent>().level, AlertLevel::Critical);

        const QList<AlertEvent> kept = monitor.alerts();
        QCOMPARE(kept.size(), 3);
        QCOMPARE(kept.back().value, 90.0);
    }

    void warningThenCriticalAreSeparateAlerts()
    {
        ManualClock clock(0);
        ResourceMonitor monitor(clock);
        QSignalSpy spy(&monitor, &ResourceMonitor::alertRaised);
        monitor.ingest(makeSample(1000, 10, 76)); // memory warning (75)
        monitor.ingest(makeSample(2000, 10, 86)); // memory critical (85)
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(0).at(0).value<AlertEvent>().level, AlertLevel::Warning);
        QCOMPARE(spy.at(0).at(0).value<AlertEvent>().metric, Metric::SystemMemory);
        QCOMPARE(spy.at(1).at(0).value<AlertEvent>().level, AlertLevel::Critical);
    }

    void processMemoryAgainstItsBudgetThreadsAndFiles()
    {
        ManualClock clock(0);
        ResourceMonitor monitor(clock);
        ResourceLimits limits;
        limits.setRssBudget(200 << 20);
        monitor.setLimits(limits);
        QSignalSpy spy(&monitor, &ResourceMonitor::alertRaised);
        monitor.ingest(makeSample(1000, 10, 10, 160 << 20)); // 80 % of the budget: warning at 75 %
        QCOMPARE(spy.count(), 1);
        auto alert = spy.takeFirst().at(0).value<AlertEvent>();
        QCOMPARE(alert.metric, Metric::ProcessMemory);
        QCOMPARE(alert.level, AlertLevel::Warning);
        QCOMPARE(alert.threshold, 150.0 * 1024 * 1024);
        QVERIFY(alert.describe().contains(QStringLiteral("process_rss warning")));

        monitor.ingest(makeSample(2000, 10, 10, 100 << 20, 150)); // threads over 100
        QCOMPARE(monitor.alertLevel(Metric::Threads), AlertLevel::Critical);
        QCOMPARE(monitor.alertLevel(Metric::ProcessMemory), AlertLevel::Normal);
    }

    void alertListIsBounded()
    {
        ManualClock clock(0);
        ResourceMonitor::Options options;
        options.maxAlerts = 4;
        options.limits.cooldownMs = 0;
        ResourceMonitor monitor(options, clock);
        for (int i = 0; i < 20; ++i)
            monitor.ingest(makeSample(qint64(i) * 1000, i % 2 ? 95 : 5));
        QCOMPARE(monitor.alerts().size(), 4);
        QCOMPARE(monitor.alerts().back().timeMs, 19'000);
    }

    void retentionShrinksAndRestores()
    {
        ManualClock clock(0);
        ResourceMonitor::Options options;
        options.historyCapacity = 400;
        ResourceMonitor monitor(options, clock);
        for (int i = 0; i < 400; ++i)
            monitor.ingest(makeSample(qint64(i) * 1000, 1));
        monitor.setRetentionFactor(0.25);
        QCOMPARE(monitor.historyCapacity(), 100u);
        QCOMPARE(monitor.historySize(), 100u);
        QCOMPARE(monitor.history().back().timeMs, 399'000); // the newest points stay
        monitor.setRetentionFactor(1.0);
        QCOMPARE(monitor.historyCapacity(), 400u);
        QCOMPARE(monitor.historySize(), 100u);
    }

    void timerSamplesTheRealProcess()
    {
        ResourceMonitor::Options options;
        options.intervalMs = 20;
        ResourceMonitor monitor(options);
        QString error;
        QVERIFY2(monitor.attach(0, &error), qPrintable(error));
        QSignalSpy spy(&monitor, &ResourceMonitor::sampled);
        monitor.start();
        QVERIFY(monitor.isRunning());
        QTRY_VERIFY(spy.count() >= 3);
        monitor.stop();
        const ResourceSample last = spy.last().at(0).value<ResourceSample>();
        QCOMPARE(last.process.pid, qint64(::getpid()));
        QVERIFY(last.process.rssBytes > 0);
        QCOMPARE(last.allocator.available, ProcSampler::kAllocatorStatsAvailable);
        QCOMPARE(monitor.historySize(), std::size_t(spy.count()));
    }

    void stopsWhenTheWatchedProcessExits()
    {
        QProcess child;
        child.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(child.waitForStarted());
        ResourceMonitor::Options options;
        options.intervalMs = 20;
        ResourceMonitor monitor(options);
        QVERIFY(monitor.attach(child.processId()));
        QSignalSpy sampled(&monitor, &ResourceMonitor::sampled);
        QSignalSpy failed(&monitor, &ResourceMonitor::samplingFailed);
        monitor.start();
        QTRY_VERIFY(sampled.count() >= 1);
        const qint64 pid = child.processId();
        child.kill();
        QVERIFY(child.waitForFinished());
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("process %1 has exited").arg(pid));
        QVERIFY(!monitor.isRunning());
    }

    void attachToAnUnknownPidFails()
    {
        ResourceMonitor monitor;
        QString error;
        QVERIFY(!monitor.attach(-1, &error));
        QVERIFY(error.contains(QStringLiteral("-1")));
    }
};

QTEST_GUILESS_MAIN(TestResourceMonitor)
#include "tst_resourcemonitor.moc"
