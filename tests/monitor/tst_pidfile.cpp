#include "monitor/PidFile.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace bw;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

} // namespace

class TestPidFile : public QObject
{
    Q_OBJECT

private slots:
    void defaultPathIsInTheRuntimeFolder()
    {
        QVERIFY(PidFile::defaultPath().endsWith(QStringLiteral("/breakout-workstation.pid")));
    }

    void acquireWritesAndDestructorRemoves()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bw.pid"));
        {
            PidFile pidFile(path);
            QString error;
            QVERIFY2(pidFile.acquire(&error), qPrintable(error));
            QVERIFY(QFile::exists(path));
            const auto owner = PidFile::readLive(path);
            QVERIFY(owner.has_value());
            QCOMPARE(owner->pid, qint64(::getpid()));
            QCOMPARE(owner->startTimeTicks, PidFile::processStartTime(::getpid()));
        }
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    void aLiveOwnerKeepsIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bw.pid"));
        PidFile first(path);
        QVERIFY(first.acquire());
        PidFile second(path);
        QString error;
        QVERIFY(!second.acquire(&error));
        QVERIFY2(error.contains(QString::number(::getpid())), qPrintable(error));
        second.release(); // must not remove the first one's file
        QVERIFY(QFile::exists(path));
    }

    void anotherLiveProcessIsFound()
    {
        QProcess child;
        child.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(child.waitForStarted());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bw.pid"));
        writeFile(path, QByteArray::number(child.processId()) + ' ' +
                            QByteArray::number(PidFile::processStartTime(child.processId())) + '\n');
        const auto owner = PidFile::readLive(path);
        QVERIFY(owner.has_value());
        QCOMPARE(owner->pid, child.processId());
        child.kill();
        child.waitForFinished();
        QVERIFY(!PidFile::readLive(path).has_value()); // it exited: the file is stale now
    }

    void staleFilesAreTakenOver_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("process gone") << QByteArray("4194000 12345\n");
        QTest::newRow("pid reused by another process") << QByteArray::number(::getpid()) + " 1\n";
        QTest::newRow("malformed") << QByteArray("not a pid\n");
        QTest::newRow("empty") << QByteArray();
    }

    void staleFilesAreTakenOver()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bw.pid"));
        writeFile(path, content);
        QVERIFY(!PidFile::readLive(path).has_value());
        PidFile pidFile(path);
        QString error;
        QVERIFY2(pidFile.acquire(&error), qPrintable(error));
        QCOMPARE(PidFile::readLive(path)->pid, qint64(::getpid()));
    }

    void unwritableFolderIsAnError()
    {
        PidFile pidFile(QStringLiteral("/proc/bw-test/bw.pid"));
        QString error;
        QVERIFY(!pidFile.acquire(&error));
        QVERIFY(error.contains(QStringLiteral("/proc/bw-test")));
    }
};

QTEST_GUILESS_MAIN(TestPidFile)
#include "tst_pidfile.moc"
