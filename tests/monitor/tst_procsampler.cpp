#include "monitor/ProcSampler.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSemaphore>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>

#include <ctime>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace bw;

namespace {

qint64 processCpuNs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// A pid no process has: the highest free one below pid_max.
qint64 unusedPid()
{
    QFile file(QStringLiteral("/proc/sys/kernel/pid_max"));
    qint64 pidMax = 32768;
    if (file.open(QIODevice::ReadOnly))
        pidMax = file.readAll().trimmed().toLongLong();
    for (qint64 pid = pidMax - 1; pid > 1; --pid) {
        if (!QFile::exists(QStringLiteral("/proc/%1").arg(pid)))
            return pid;
    }
    return -1;
}

bool hasThreadNamed(const QList<ThreadInfo> &threads, const QString &name)
{
    return std::any_of(threads.cbegin(), threads.cend(), [&](const ThreadInfo &t) { return t.name == name; });
}

} // namespace

class TestProcSampler : public QObject
{
    Q_OBJECT

private slots:
    void samplesItsOwnProcess()
    {
        ProcSampler sampler;
        QVERIFY2(sampler.attach(0), qPrintable(sampler.errorString()));
        QVERIFY(sampler.isSelf());
        ResourceSample sample;
        QVERIFY2(sampler.sample(sample, 1234), qPrintable(sampler.errorString()));
        QCOMPARE(sample.timeMs, 1234);
        QCOMPARE(sample.process.pid, qint64(::getpid()));
        QCOMPARE(sample.process.name, QStringLiteral("tst_procsampler"));
        QVERIFY(sample.process.rssBytes > 0);
        QVERIFY(sample.process.vmsBytes >= sample.process.rssBytes);
        QVERIFY(sample.process.pssBytes > 0);
        QVERIFY(sample.process.threads >= 1);
        QVERIFY(sample.process.openFiles >= 3);
        QVERIFY(sample.process.minorFaults > 0);
        QVERIFY(sample.system.memTotalBytes > 0);
        QVERIFY(sample.system.memPercent > 0 && sample.system.memPercent <= 100);
        QCOMPARE(sample.system.cpuCount, int(::sysconf(_SC_NPROCESSORS_CONF)));
        QCOMPARE(sample.system.coreCpuPercent.size(), sample.system.cpuCount);
        QCOMPARE(sample.allocator.available, ProcSampler::kAllocatorStatsAvailable);
        if (sample.allocator.available)
            QVERIFY(sample.allocator.inUseBytes > 0);
    }

    void threadCountRisesWhenAThreadStarts()
    {
        ProcSampler sampler;
        QVERIFY(sampler.attach(0));
        ProcessSample before;
        QVERIFY(sampler.sampleProcess(before));

        QThread worker;
        worker.setObjectName(QStringLiteral("bw-test-worker"));
        worker.start();
        const auto stopWorker = qScopeGuard([&] {
            worker.quit();
            worker.wait();
        });
        // The thread names itself once it runs; wait for that, not for a time.
        QTRY_VERIFY(hasThreadNamed(sampler.threads(), QStringLiteral("bw-test-worker")));
        ProcessSample during;
        QVERIFY(sampler.sampleProcess(during));
        QCOMPARE(during.threads, before.threads + 1);
        QCOMPARE(sampler.threads().size(), during.threads);

        worker.quit();
        worker.wait();
        QTRY_COMPARE_WITH_TIMEOUT(
            [&] {
                ProcessSample after;
                sampler.sampleProcess(after);
                return after.threads;
            }(),
            before.threads, 5000);
    }

    void descriptorCountRisesWhenFilesAndSocketsOpen()
    {
        ProcSampler::Options options;
        options.detailIntervalMs = 0; // sockets are a detail: re-read them every sample here
        ProcSampler sampler(options);
        QVERIFY(sampler.attach(0));
        ProcessSample before;
        QVERIFY(sampler.sampleProcess(before));

        std::vector<std::unique_ptr<QTemporaryFile>> files;
        for (int i = 0; i < 5; ++i) {
            files.push_back(std::make_unique<QTemporaryFile>());
            QVERIFY(files.back()->open());
        }
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        ProcessSample after;
        QVERIFY(sampler.sampleProcess(after));
        QCOMPARE(after.openFiles, before.openFiles + 6);
        QCOMPARE(after.sockets, before.sockets + 1);

        files.clear();
        server.close();
        ProcessSample closed;
        QVERIFY(sampler.sampleProcess(closed));
        QCOMPARE(closed.openFiles, before.openFiles);
    }

    void busyLoopShowsCpu()
    {
        ProcSampler sampler;
        QVERIFY(sampler.attach(0));
        ProcessSample first;
        QVERIFY(sampler.sampleProcess(first));
        QCOMPARE(first.cpuPercent, 0.0); // no delta yet

        // Burn CPU until the kernel has charged this process at least 5 ticks (50 ms at 100 Hz).
        const qint64 start = processCpuNs();
        volatile double sink = 0;
        while (processCpuNs() - start < 60'000'000)
            for (int i = 0; i < 10000; ++i)
                sink = sink + i * 0.5;

        ProcessSample second;
        QVERIFY(sampler.sampleProcess(second));
        QVERIFY2(second.cpuPercent > 0, qPrintable(QString::number(second.cpuPercent)));
        QVERIFY(second.cpuPercent <= 100.0 * double(::sysconf(_SC_NPROCESSORS_CONF)));
        QVERIFY(second.cpuTimeMs >= first.cpuTimeMs + 50);
    }

    void systemCpuPerCoreAfterTwoSamples()
    {
        ProcSampler sampler;
        QVERIFY(sampler.attach(0));
        SystemSample first;
        QVERIFY(sampler.sampleSystem(first));
        QCOMPARE(first.cpuPercent, 0.0);
        volatile double sink = 0;
        const qint64 start = processCpuNs();
        while (processCpuNs() - start < 30'000'000)
            sink = sink + 1;
        SystemSample second;
        QVERIFY(sampler.sampleSystem(second));
        QVERIFY(second.cpuPercent > 0 && second.cpuPercent <= 100);
        QCOMPARE(second.coreCpuPercent.size(), second.cpuCount);
        for (double core : std::as_const(second.coreCpuPercent))
            QVERIFY(core >= 0 && core <= 100);
        QVERIFY(second.load1 >= 0);
    }

    void diskUseOfTheDataFolder()
    {
        QTemporaryDir dir;
        ProcSampler::Options options;
        options.diskPath = dir.path();
        ProcSampler sampler(options);
        QVERIFY(sampler.attach(0));
        SystemSample sample;
        QVERIFY(sampler.sampleSystem(sample));
        QCOMPARE(sample.diskPath, dir.path());
        QVERIFY(sample.diskTotalBytes > 0);
        QVERIFY(sample.diskFreeBytes >= 0 && sample.diskFreeBytes <= sample.diskTotalBytes);
        QVERIFY(sample.diskPercent >= 0 && sample.diskPercent <= 100);
    }

    void samplesAnotherProcessAndNoticesItsExit()
    {
        QProcess child;
        child.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(child.waitForStarted());
        const qint64 childPid = child.processId();
        ProcSampler sampler;
        QVERIFY2(sampler.attach(childPid), qPrintable(sampler.errorString()));
        QVERIFY(!sampler.isSelf());
        ResourceSample sample;
        QVERIFY(sampler.sample(sample, 0));
        QCOMPARE(sample.process.name, QStringLiteral("sleep"));
        QCOMPARE(sample.process.threads, 1);
        QVERIFY(sample.process.rssBytes > 0);
        QVERIFY(!sample.allocator.available); // another process's heap is not ours to read

        child.kill();
        QVERIFY(child.waitForFinished());
        QVERIFY(!sampler.sample(sample, 0));
        QCOMPARE(sampler.error(), ProcSampler::Error::ProcessExited);
        QCOMPARE(sampler.errorString(), QStringLiteral("process %1 has exited").arg(childPid));
    }

    void unknownPidIsAClearError()
    {
        const qint64 pid = unusedPid();
        QVERIFY(pid > 0);
        ProcSampler sampler;
        QVERIFY(!sampler.attach(pid));
        QCOMPARE(sampler.error(), ProcSampler::Error::NoSuchProcess);
        QCOMPARE(sampler.errorString(), QStringLiteral("no process with id %1").arg(pid));
        QVERIFY(!sampler.attach(-5));
        QCOMPARE(sampler.error(), ProcSampler::Error::NoSuchProcess);
    }

    void unreadablePidIsAClearError()
    {
        // pid 1 belongs to a more privileged process in containers and on desktops alike; where this
        // user may read its maps (plain root), there is nothing to test.
        QFile probe(QStringLiteral("/proc/1/smaps_rollup"));
        if (probe.open(QIODevice::ReadOnly) && probe.read(16).size() > 0)
            QSKIP("this user may read every process");
        ProcSampler sampler;
        QVERIFY(!sampler.attach(1));
        QCOMPARE(sampler.error(), ProcSampler::Error::PermissionDenied);
        QVERIFY(sampler.errorString().contains(QStringLiteral("permission denied")));
        QVERIFY(sampler.errorString().startsWith(QStringLiteral("process 1 ")));
    }
};

QTEST_GUILESS_MAIN(TestProcSampler)
#include "tst_procsampler.moc"
