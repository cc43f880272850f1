#include "monitor/PidFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace bw;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the real executable with a private runtime folder, so no developer's workstation is picked up.
Run runApp(const QStringList &arguments, const QString &runtimeDir)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(BW_APP_PATH), arguments);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

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

} // namespace

class TestMonitorCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_runtime;

private slots:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        QFile::setPermissions(m_runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void snapshotWritesTheFileItNames()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("snap.json"));
        const Run run = runApp({QStringLiteral("snapshot"), QStringLiteral("-o"), path}, m_runtime.path());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(doc[QStringLiteral("schema_version")].toInt(), 1);
        // No workstation running: the command snapshots itself.
        QCOMPARE(doc[QStringLiteral("process")][QStringLiteral("name")].toString(), QStringLiteral("breakout-workst"));
    }

    void badInputExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString unused = QString::number(unusedPid());
        QTest::newRow("snapshot: unknown pid")
            << QStringList{QStringLiteral("snapshot"), QStringLiteral("--pid"), unused}
            << QStringLiteral("no process with id %1").arg(unused);
        QTest::newRow("snapshot: pid not a number")
            << QStringList{QStringLiteral("snapshot"), QStringLiteral("--pid"), QStringLiteral("abc")}
            << QStringLiteral("--pid: 'abc' is not a process id");
        QTest::newRow("snapshot: negative pid")
            << QStringList{QStringLiteral("snapshot"), QStringLiteral("--pid"), QStringLiteral("-4")}
            << QStringLiteral("--pid: '-4' is not a process id");
        QTest::newRow("snapshot: unwritable path")
            << QStringList{QStringLiteral("snapshot"), QStringLiteral("-o"), QStringLiteral("/proc/bw.json")}
            << QStringLiteral("cannot write the snapshot to /proc/bw.json");
        QTest::newRow("snapshot: missing folder")
            << QStringList{QStringLiteral("snapshot"), QStringLiteral("-o"), QStringLiteral("/nonexistent-bw/x.json")}
            << QStringLiteral("the folder /nonexistent-bw does not exist");
        QTest::newRow("monitor: unknown pid") << QStringList{QStringLiteral("monitor"), QStringLiteral("--pid"), unused,
                                                             QStringLiteral("--count"), QStringLiteral("1")}
                                              << QStringLiteral("no process with id %1").arg(unused);
        QTest::newRow("monitor: interval not a number")
            << QStringList{QStringLiteral("monitor"), QStringLiteral("--interval"), QStringLiteral("fast")}
            << QStringLiteral("--interval: 'fast' is not a number of seconds");
        QTest::newRow("monitor: interval zero")
            << QStringList{QStringLiteral("monitor"), QStringLiteral("--interval"), QStringLiteral("0")}
            << QStringLiteral("--interval: '0'");
        QTest::newRow("monitor: negative count")
            << QStringList{QStringLiteral("monitor"), QStringLiteral("--count"), QStringLiteral("-3")}
            << QStringLiteral("--count: '-3' is not a number of samples");
        QTest::newRow("monitor: unknown option")
            << QStringList{QStringLiteral("monitor"), QStringLiteral("--bogus")} << QStringLiteral("bogus");
    }

    void badInputExitsWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = runApp(arguments, m_runtime.path());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void unreadablePidExitsWithTwo()
    {
        QFile probe(QStringLiteral("/proc/1/smaps_rollup"));
        if (probe.open(QIODevice::ReadOnly) && probe.read(16).size() > 0)
            QSKIP("this user may read every process");
        const Run snapshot =
            runApp({QStringLiteral("snapshot"), QStringLiteral("--pid"), QStringLiteral("1")}, m_runtime.path());
        QCOMPARE(snapshot.exitCode, 2);
        QVERIFY2(snapshot.err.contains(QStringLiteral("permission denied")), qPrintable(snapshot.err));
        const Run monitor = runApp({QStringLiteral("monitor"), QStringLiteral("--pid"), QStringLiteral("1"),
                                    QStringLiteral("--count"), QStringLiteral("1")},
                                   m_runtime.path());
        QCOMPARE(monitor.exitCode, 2);
        QVERIFY2(monitor.err.contains(QStringLiteral("permission denied")), qPrintable(monitor.err));
    }

    void monitorPrintsCountSamplesWithoutColoursWhenPiped()
    {
        const Run run = runApp({QStringLiteral("monitor"), QStringLiteral("--interval"), QStringLiteral("0.1"),
                                QStringLiteral("--count"), QStringLiteral("2")},
                               m_runtime.path());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.count(QStringLiteral("Breakout Workstation monitor")), 2);
        QVERIFY(run.out.contains(QStringLiteral("System memory:")));
        QVERIFY(run.out.contains(QStringLiteral("Process memory: RSS")));
        QVERIFY(run.out.contains(QStringLiteral("no running workstation")));
        QVERIFY(!run.out.contains(QChar(0x1b))); // stdout is a pipe: no ANSI colours
    }

    void monitorFindsTheWorkstationThroughItsPidFile()
    {
        QProcess child; // stands in for a running workstation
        child.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(child.waitForStarted());
        const qint64 childPid = child.processId();
        QTemporaryDir runtime;
        QFile::setPermissions(runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        {
            QFile pidFile(runtime.filePath(QStringLiteral("breakout-workstation.pid")));
            QVERIFY(pidFile.open(QIODevice::WriteOnly));
            pidFile.write(QByteArray::number(child.processId()) + ' ' +
                          QByteArray::number(PidFile::processStartTime(child.processId())) + '\n');
        }
        const Run run = runApp({QStringLiteral("monitor"), QStringLiteral("--interval"), QStringLiteral("0.1"),
                                QStringLiteral("--count"), QStringLiteral("1")},
                               runtime.path());
        const Run snap =
            runApp({QStringLiteral("snapshot"), QStringLiteral("-o"), runtime.filePath(QStringLiteral("s.json"))},
                   runtime.path());
        child.kill();
        child.waitForFinished();
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("pid %1 (sleep)").arg(childPid)), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("running workstation from")));
        QCOMPARE(snap.exitCode, 0);
    }

    void monitorOfAProcessThatExitsFailsWithOne()
    {
        QProcess child;
        child.start(QStringLiteral("sleep"), {QStringLiteral("0.3")});
        QVERIFY(child.waitForStarted());
        const Run run = runApp({QStringLiteral("monitor"), QStringLiteral("--pid"), QString::number(child.processId()),
                                QStringLiteral("--interval"), QStringLiteral("0.1")},
                               m_runtime.path());
        child.waitForFinished();
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("has exited")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestMonitorCommands)
#include "tst_monitorcommands.moc"
