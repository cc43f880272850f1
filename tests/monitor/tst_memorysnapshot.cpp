#include "common/BoundedCache.h"
#include "monitor/MemorySnapshot.h"
#include "monitor/ProcSampler.h"
#include "monitor/SnapshotContributor.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace bw;

namespace {

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject{};
}

QJsonObject findByName(const QJsonValue &list, const QString &name)
{
    const QJsonArray array = list.toArray();
    for (const QJsonValue &v : array) {
        if (v[QStringLiteral("name")].toString() == name)
            return v.toObject();
    }
    return {};
}

struct HundredsSlot {
    int operator()(int key) const noexcept { return key / 100; }
};

} // namespace

class TestMemorySnapshot : public QObject
{
    Q_OBJECT

private slots:
    void writesTheDocumentedSchema()
    {
        QTemporaryDir dir;
        BoundedCache<int, int> cache({QStringLiteral("test.snapshot.cache"), 50});
        for (int i = 0; i < 10; ++i)
            cache.put(i, i);
        // Keys of one slot (key / 100): each new key supersedes the previous one.
        BoundedCache<int, int, std::hash<int>, HundredsSlot> slotted({QStringLiteral("test.snapshot.slotted"), 50});
        for (int i = 0; i < 4; ++i)
            slotted.put(i, i);
        ScopedSnapshotProvider store(QStringLiteral("market_store"), [] {
            return QVariantMap{{QStringLiteral("bytes"), 123456}, {QStringLiteral("symbols"), 42}};
        });

        MemorySnapshot snapshot;
        snapshot.setFolder(dir.path());
        const MemorySnapshot::Result result = snapshot.write();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(QFileInfo(result.path).absolutePath(), QFileInfo(dir.path()).absoluteFilePath());
        QVERIFY(QRegularExpression(QStringLiteral("^memory_snapshot_\\d{8}_\\d{6}_\\d{3}\\.json$"))
                    .match(QFileInfo(result.path).fileName())
                    .hasMatch());

        const QJsonObject doc = readJson(result.path);
        QVERIFY(!doc.isEmpty());
        for (const char *key : {"schema", "schema_version", "timestamp", "timestamp_ms", "host", "application",
                                "system", "process", "allocator", "caches", "caches_total_bytes", "market_store_bytes",
                                "subsystems", "threads", "open_files", "diff"})
            QVERIFY2(doc.contains(QLatin1String(key)), key);
        QCOMPARE(doc[QStringLiteral("schema_version")].toInt(), MemorySnapshot::kSchemaVersion);
        QVERIFY(doc[QStringLiteral("diff")].isNull());

        const QJsonObject process = doc[QStringLiteral("process")].toObject();
        QCOMPARE(process[QStringLiteral("pid")].toInteger(), qint64(::getpid()));
        QVERIFY(process[QStringLiteral("rss_bytes")].toInteger() > 0);
        QVERIFY(process[QStringLiteral("vms_bytes")].toInteger() > 0);
        QVERIFY(process[QStringLiteral("pss_bytes")].toInteger() > 0);
        QVERIFY(process.contains(QStringLiteral("swap_bytes")));
        QVERIFY(doc[QStringLiteral("system")][QStringLiteral("total_bytes")].toInteger() > 0);
        if (ProcSampler::kAllocatorStatsAvailable)
            QVERIFY(doc[QStringLiteral("allocator")][QStringLiteral("in_use_bytes")].toInteger() > 0);
        else
            QVERIFY(doc[QStringLiteral("allocator")].isNull()); // a sanitizer's allocator: no glibc figures
        QVERIFY(!doc[QStringLiteral("host")][QStringLiteral("hostname")].toString().isEmpty());

        const QJsonObject cacheJson = findByName(doc[QStringLiteral("caches")], QStringLiteral("test.snapshot.cache"));
        QCOMPARE(cacheJson[QStringLiteral("size")].toInt(), 10);
        QCOMPARE(cacheJson[QStringLiteral("capacity")].toInt(), 50);
        QVERIFY(cacheJson[QStringLiteral("estimated_bytes")].toInteger() > 0);
        for (const char *key : {"hits", "misses", "evictions", "expirations", "replacements"})
            QVERIFY2(cacheJson.contains(QLatin1String(key)), key);
        const QJsonObject slottedJson =
            findByName(doc[QStringLiteral("caches")], QStringLiteral("test.snapshot.slotted"));
        QCOMPARE(slottedJson[QStringLiteral("replacements")].toInt(), 3);
        QCOMPARE(slottedJson[QStringLiteral("evictions")].toInt(), 0);
        QCOMPARE(slottedJson[QStringLiteral("size")].toInt(), 1);

        QCOMPARE(doc[QStringLiteral("market_store_bytes")].toInteger(), 123456);
        const QJsonObject storeJson = findByName(doc[QStringLiteral("subsystems")], QStringLiteral("market_store"));
        QCOMPARE(storeJson[QStringLiteral("counters")][QStringLiteral("symbols")].toInt(), 42);

        const QJsonArray threads = doc[QStringLiteral("threads")].toArray();
        QCOMPARE(threads.size(), process[QStringLiteral("thread_count")].toInt());
        QCOMPARE(threads.first()[QStringLiteral("tid")].toInteger(), qint64(::getpid()));
        QCOMPARE(threads.first()[QStringLiteral("name")].toString(), QStringLiteral("tst_memorysnaps"));
        const QJsonObject files = doc[QStringLiteral("open_files")].toObject();
        QVERIFY(files[QStringLiteral("count")].toInt() >= 3);
        QCOMPARE(files[QStringLiteral("entries")].toArray().size(), files[QStringLiteral("count")].toInt());

        // Atomic write: nothing but the snapshot in the folder (no temporary left behind).
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void diffAgainstThePreviousSnapshot()
    {
        QTemporaryDir dir;
        BoundedCache<int, int> cache({QStringLiteral("test.snapshot.diff"), 50});
        for (int i = 0; i < 10; ++i)
            cache.put(i, i);
        ManualClock clock(1'800'000'000'000);
        MemorySnapshot snapshot(clock);
        snapshot.setFolder(dir.path());
        const auto first = snapshot.write();
        QVERIFY2(first.ok, qPrintable(first.error));

        for (int i = 10; i < 15; ++i)
            cache.put(i, i);
        clock.advanceMs(2500);
        const auto second = snapshot.write();
        QVERIFY2(second.ok, qPrintable(second.error));
        const QJsonObject diff = readJson(second.path)[QStringLiteral("diff")].toObject();
        QCOMPARE(diff[QStringLiteral("previous_file")].toString(), first.path);
        QCOMPARE(diff[QStringLiteral("elapsed_ms")].toInteger(), 2500);
        const QJsonObject cacheDiff = diff[QStringLiteral("caches")][QStringLiteral("test.snapshot.diff")].toObject();
        QCOMPARE(cacheDiff[QStringLiteral("status")].toString(), QStringLiteral("changed"));
        QCOMPARE(cacheDiff[QStringLiteral("size")].toInt(), 5);
        QVERIFY(diff[QStringLiteral("process")].toObject().contains(QStringLiteral("rss_bytes")));

        // A fresh writer (e.g. the next `snapshot` run) finds the previous one in the folder.
        clock.advanceMs(1000);
        MemorySnapshot other(clock);
        other.setFolder(dir.path());
        const auto third = other.write();
        QVERIFY(third.ok);
        QCOMPARE(readJson(third.path)[QStringLiteral("diff")][QStringLiteral("previous_file")].toString(), second.path);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 3);
    }

    void namesAreUniqueWithinOneMillisecond()
    {
        QTemporaryDir dir;
        ManualClock clock(1'800'000'000'123);
        MemorySnapshot snapshot(clock);
        snapshot.setFolder(dir.path());
        const auto a = snapshot.write();
        const auto b = snapshot.write();
        QVERIFY(a.ok && b.ok);
        QVERIFY(a.path != b.path);
        QCOMPARE(QFileInfo(a.path).fileName(), MemorySnapshot::fileNameFor(clock.nowMs()));
        QCOMPARE(QFileInfo(a.path).fileName(), QStringLiteral("memory_snapshot_20270115_080000_123.json"));
    }

    void explicitPathReplacesAtomically()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.json"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old content");
        }
        MemorySnapshot snapshot;
        const auto result = snapshot.write(0, path);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.path, path);
        QCOMPARE(readJson(path)[QStringLiteral("schema_version")].toInt(), 1);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("mine.json")});
    }

    void badPathsAreClearErrors()
    {
        MemorySnapshot snapshot;
        QTemporaryDir dir;
        const auto missingFolder = snapshot.write(0, dir.filePath(QStringLiteral("no/such/folder/x.json")));
        QVERIFY(!missingFolder.ok);
        QVERIFY2(missingFolder.error.contains(QStringLiteral("does not exist")), qPrintable(missingFolder.error));

        const auto folder = snapshot.write(0, dir.path());
        QVERIFY(!folder.ok);
        QVERIFY(folder.error.contains(QStringLiteral("is a folder")));

        const auto unwritable = snapshot.write(0, QStringLiteral("/proc/bw_snapshot.json"));
        QVERIFY(!unwritable.ok);
        QVERIFY2(unwritable.error.startsWith(QStringLiteral("cannot write the snapshot to /proc/bw_snapshot.json")),
                 qPrintable(unwritable.error));
    }

    void snapshotOfAnotherProcess()
    {
        QProcess child;
        child.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(child.waitForStarted());
        QTemporaryDir dir;
        MemorySnapshot snapshot;
        snapshot.setFolder(dir.path());
        const auto result = snapshot.write(child.processId());
        child.kill();
        child.waitForFinished();
        QVERIFY2(result.ok, qPrintable(result.error));
        const QJsonObject doc = readJson(result.path);
        QCOMPARE(doc[QStringLiteral("process")][QStringLiteral("name")].toString(), QStringLiteral("sleep"));
        QCOMPARE(doc[QStringLiteral("application")][QStringLiteral("snapshot_of_self")].toBool(), false);
        // Its heap, caches and subsystems live in its own memory: not ours to report.
        QVERIFY(doc[QStringLiteral("allocator")].isNull());
        QVERIFY(doc[QStringLiteral("caches")].isNull());
        QCOMPARE(doc[QStringLiteral("threads")].toArray().size(), 1);
    }

    void unknownPidIsAnError()
    {
        QTemporaryDir dir;
        MemorySnapshot snapshot;
        snapshot.setFolder(dir.path());
        const auto result = snapshot.write(-7);
        QVERIFY(!result.ok);
        QVERIFY(result.error.contains(QStringLiteral("-7")));
        QVERIFY(QDir(dir.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMemorySnapshot)
#include "tst_memorysnapshot.moc"
