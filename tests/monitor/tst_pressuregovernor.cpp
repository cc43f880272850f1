#include "common/BoundedCache.h"
#include "monitor/PressureGovernor.h"
#include "monitor/ProcSampler.h"
#include "monitor/ResourceMonitor.h"

#include <QSignalSpy>
#include <QTest>

#include <cstring>
#include <vector>

using namespace bw;

namespace {

constexpr qint64 MiB = 1024 * 1024;

ResourceSample sampleWithRss(qint64 rssBytes, double systemMemPercent = 10)
{
    ResourceSample s;
    s.process.rssBytes = rssBytes;
    s.system.memPercent = systemMemPercent;
    return s;
}

PressureThresholds budgetOf(qint64 bytes)
{
    PressureThresholds t;
    t.rssBudgetBytes = bytes;
    t.watchSystemMemory = false;
    return t;
}

QList<GovernorActionKind> kinds(const QSignalSpy &spy)
{
    QList<GovernorActionKind> result;
    for (const QList<QVariant> &args : spy)
        result.append(args.at(0).value<GovernorAction>().kind);
    return result;
}

} // namespace

class TestPressureGovernor : public QObject
{
    Q_OBJECT

private slots:
    void levelsFollowTheBudgetWithHysteresis()
    {
        ManualClock clock(1000);
        PressureGovernor governor(budgetOf(1000 * MiB), clock);
        QSignalSpy levels(&governor, &PressureGovernor::levelChanged);
        QSignalSpy batches(&governor, &PressureGovernor::batchSizeChanged);
        QSignalSpy actions(&governor, &PressureGovernor::actionTaken);

        governor.evaluate(sampleWithRss(500 * MiB));
        QCOMPARE(governor.pressureLevel(), PressureLevel::Normal);
        QCOMPARE(governor.recommendedBatchSize(), 20);
        QCOMPARE(levels.count(), 0);

        governor.evaluate(sampleWithRss(720 * MiB)); // 72 % >= 70 %
        QCOMPARE(governor.pressureLevel(), PressureLevel::High);
        QCOMPARE(governor.recommendedBatchSize(), 15);
        QCOMPARE(batches.count(), 1);
        QCOMPARE(batches.takeFirst().at(0).toInt(), 15);
        const auto first = actions.first().at(0).value<GovernorAction>();
        QCOMPARE(first.kind, GovernorActionKind::LevelChanged);
        QCOMPARE(first.level, PressureLevel::High);
        QCOMPARE(first.timeMs, 1000);
        QVERIFY2(first.reason.contains(QStringLiteral("720.0 MiB")), qPrintable(first.reason));
        QVERIFY(kinds(actions).contains(GovernorActionKind::BatchSize));

        governor.evaluate(sampleWithRss(690 * MiB)); // above 65 %: stays High
        QCOMPARE(governor.pressureLevel(), PressureLevel::High);

        governor.evaluate(sampleWithRss(860 * MiB));
        QCOMPARE(governor.pressureLevel(), PressureLevel::Critical);
        QCOMPARE(governor.recommendedBatchSize(), 10);
        governor.evaluate(sampleWithRss(820 * MiB)); // above 80 %: stays Critical
        QCOMPARE(governor.pressureLevel(), PressureLevel::Critical);
        governor.evaluate(sampleWithRss(790 * MiB));
        QCOMPARE(governor.pressureLevel(), PressureLevel::High);
        QCOMPARE(governor.recommendedBatchSize(), 15);
        governor.evaluate(sampleWithRss(640 * MiB));
        QCOMPARE(governor.pressureLevel(), PressureLevel::Normal);
        QCOMPARE(governor.recommendedBatchSize(), 20);
        QCOMPARE(levels.count(), 4);
        QCOMPARE(batches.count(), 3);
        for (const QList<QVariant> &args : std::as_const(actions)) {
            const auto action = args.at(0).value<GovernorAction>();
            QVERIFY(!action.reason.isEmpty());
            QVERIFY(!action.detail.isEmpty());
        }
    }

    void systemMemoryCountsToo()
    {
        ManualClock clock;
        PressureThresholds thresholds = budgetOf(1000 * MiB);
        thresholds.watchSystemMemory = true;
        PressureGovernor governor(thresholds, clock);
        governor.evaluate(sampleWithRss(10 * MiB, 88));
        QCOMPARE(governor.pressureLevel(), PressureLevel::Critical);
        governor.evaluate(sampleWithRss(10 * MiB, 40));
        QCOMPARE(governor.pressureLevel(), PressureLevel::Normal);
    }

    void batchSizesOfTheOriginal()
    {
        QCOMPARE(PressureGovernor::batchSizeFor(PressureLevel::Normal), 20);
        QCOMPARE(PressureGovernor::batchSizeFor(PressureLevel::High), 15);
        QCOMPARE(PressureGovernor::batchSizeFor(PressureLevel::Critical), 10);
    }

    void cachesShrinkEmptyAndRestore()
    {
        ManualClock clock;
        BoundedCache<int, int> evictable({QStringLiteral("test.governor.evictable"), 100});
        BoundedCache<int, int> needed({QStringLiteral("test.governor.needed"), 100, 0, false});
        for (int i = 0; i < 100; ++i) {
            evictable.put(i, i);
            needed.put(i, i);
        }
        PressureGovernor governor(budgetOf(1000 * MiB), clock);
        QSignalSpy actions(&governor, &PressureGovernor::actionTaken);

        governor.evaluate(sampleWithRss(750 * MiB));
        QCOMPARE(evictable.size(), 50);
        QCOMPARE(evictable.capacity(), 50);
        QCOMPARE(needed.size(), 50);
        QVERIFY(kinds(actions).contains(GovernorActionKind::CacheShrink));

        governor.evaluate(sampleWithRss(900 * MiB));
        QCOMPARE(evictable.size(), 0);
        evictable.put(1000, 1); // stays empty while Critical
        QCOMPARE(evictable.size(), 0);
        QCOMPARE(needed.size(), 50);
        QVERIFY(kinds(actions).contains(GovernorActionKind::CacheClear));
        QVERIFY(kinds(actions).contains(GovernorActionKind::HeapTrim));

        governor.evaluate(sampleWithRss(100 * MiB));
        QCOMPARE(governor.pressureLevel(), PressureLevel::Normal);
        QCOMPARE(evictable.capacity(), 100);
        QCOMPARE(needed.capacity(), 100);
        QVERIFY(kinds(actions).contains(GovernorActionKind::CacheRestore));
    }

    // A cache created while pressure holds (the scanner of an engine rebuilt on a new data source) starts at
    // the limits in force, not at full capacity until the next level change.
    void cachesCreatedUnderPressureStartLimited()
    {
        ManualClock clock;
        {
            PressureGovernor governor(budgetOf(1000 * MiB), clock);
            governor.evaluate(sampleWithRss(750 * MiB));
            QCOMPARE(governor.pressureLevel(), PressureLevel::High);
            BoundedCache<int, int> atHigh({QStringLiteral("test.governor.late.high"), 100});
            QCOMPARE(atHigh.capacity(), 50);

            governor.evaluate(sampleWithRss(900 * MiB));
            BoundedCache<int, int> evictable({QStringLiteral("test.governor.late.evictable"), 100});
            BoundedCache<int, int> needed({QStringLiteral("test.governor.late.needed"), 100, 0, false});
            QCOMPARE(evictable.capacity(), 0);
            evictable.put(1, 1);
            QCOMPARE(evictable.size(), 0);
            QCOMPARE(needed.capacity(), 50);

            // Back to Normal: every cache, early or late, gets its full capacity back, and new ones start full.
            governor.evaluate(sampleWithRss(100 * MiB));
            QCOMPARE(evictable.capacity(), 100);
            QCOMPARE(needed.capacity(), 100);
            BoundedCache<int, int> atNormal({QStringLiteral("test.governor.late.normal"), 100});
            QCOMPARE(atNormal.capacity(), 100);

            governor.evaluate(sampleWithRss(750 * MiB));
            QCOMPARE(governor.pressureLevel(), PressureLevel::High);
        }
        // The governor that imposed the limits is gone: later caches are not under them.
        BoundedCache<int, int> afterwards({QStringLiteral("test.governor.late.afterwards"), 100});
        QCOMPARE(afterwards.capacity(), 100);
    }

    void historyShortensAtCriticalOnly()
    {
        ManualClock clock;
        ResourceMonitor monitor(clock);
        PressureGovernor governor(budgetOf(1000 * MiB), clock);
        governor.attachMonitor(&monitor);
        QCOMPARE(monitor.historyCapacity(), 3600u);
        monitor.ingest(sampleWithRss(750 * MiB)); // through the sampled signal
        QCOMPARE(governor.pressureLevel(), PressureLevel::High);
        QCOMPARE(monitor.historyCapacity(), 3600u);
        monitor.ingest(sampleWithRss(950 * MiB));
        QCOMPARE(governor.pressureLevel(), PressureLevel::Critical);
        QCOMPARE(monitor.historyCapacity(), 900u);
        monitor.ingest(sampleWithRss(10 * MiB));
        QCOMPARE(governor.pressureLevel(), PressureLevel::Normal);
        QCOMPARE(monitor.historyCapacity(), 3600u);
    }

    void realMemoryRaisesAndLowersThePressure()
    {
#if defined(BW_SANITIZER_ALLOCATOR)
        QSKIP("a sanitizer's allocator keeps freed memory (quarantine); RSS cannot fall after free()");
#endif
        ResourceMonitor::Options options;
        options.intervalMs = 20;
        ResourceMonitor monitor(options);
        QVERIFY(monitor.attach(0));
        QVERIFY(monitor.sampleNow());
        const qint64 baseline = monitor.latest()->process.rssBytes;

        constexpr qint64 allocation = 96 * MiB;
        PressureThresholds thresholds = budgetOf(qint64(double(baseline + allocation) / 0.92));
        thresholds.heapTrimIntervalMs = 0;
        thresholds.heapTrimMinFreeBytes = 8 * MiB;
        PressureGovernor governor(thresholds);
        governor.attachMonitor(&monitor);
        QSignalSpy actions(&governor, &PressureGovernor::actionTaken);

        BoundedCache<int, int> cache({QStringLiteral("test.governor.real"), 1000});
        for (int i = 0; i < 1000; ++i)
            cache.put(i, i);

        monitor.start();
        QTRY_VERIFY(monitor.historySize() >= 2);
        QCOMPARE(governor.pressureLevel(), PressureLevel::Normal);
        QCOMPARE(governor.recommendedBatchSize(), 20);

        // Many small blocks from the main heap, every page touched, so they count in RSS.
        constexpr std::size_t blockSize = 4000;
        std::vector<char *> blocks(std::size_t(allocation) / blockSize);
        for (char *&block : blocks) {
            block = static_cast<char *>(std::malloc(blockSize));
            QVERIFY(block);
            std::memset(block, 0x5a, blockSize);
        }
        QTRY_COMPARE_WITH_TIMEOUT(governor.pressureLevel(), PressureLevel::Critical, 10000);
        QCOMPARE(governor.recommendedBatchSize(), 10);
        QCOMPARE(cache.size(), 0);
        const qint64 peak = monitor.latest()->process.rssBytes;
        QVERIFY(peak > baseline + allocation / 2);

        // Free all but one block in 64 (the last one included): the heap cannot shrink from its top, so
        // RSS stays up until malloc_trim gives the free pages in the middle back.
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            if (i % 64 != 63 && i != blocks.size() - 1) {
                std::free(blocks[i]);
                blocks[i] = nullptr;
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(governor.pressureLevel(), PressureLevel::Normal, 10000);
        QCOMPARE(governor.recommendedBatchSize(), 20);
        QCOMPARE(cache.capacity(), 1000);
        const qint64 after = monitor.latest()->process.rssBytes;
        QVERIFY2(after < peak - allocation / 2, qPrintable(QStringLiteral("%1 -> %2").arg(peak).arg(after)));
        QVERIFY(kinds(actions).contains(GovernorActionKind::HeapTrim));
        monitor.stop();
        for (char *block : blocks)
            std::free(block);
    }
};

QTEST_GUILESS_MAIN(TestPressureGovernor)
#include "tst_pressuregovernor.moc"
