#include "engine/Engine.h"
#include "market/SimulatedFeed.h"
#include "monitor/PressureGovernor.h"
#include "scanner/PresetLoader.h"

#include <QSignalSpy>
#include <QTest>

using namespace bw;

namespace {

SimulatedFeedConfig marketConfig()
{
    SimulatedFeedConfig c;
    c.seed = 11;
    c.symbols = 40;
    c.speedUp = 30000; // a 5 m bar every 10 ms of wall time
    c.backfillBars = 200;
    c.ticksPerBar = 2;
    c.startTimeMs = 1700000000000;
    return c;
}

ResourceSample sampleWithRss(qint64 rssBytes)
{
    ResourceSample s;
    s.process.rssBytes = rssBytes;
    return s;
}

} // namespace

// Settings applied to a running engine: what the next scan reports and when it starts.
class TestEngineTuning : public QObject
{
    Q_OBJECT

private slots:
    void scannerTakesNewConcurrencyAndInterval()
    {
        EngineConfig config;
        config.preset = *PresetLoader::load(QStringLiteral("breakout_v1")).preset;
        config.preset.scanner.scanIntervalSeconds = 300;
        config.scanner.threads = 2;
        config.scanner.maxConcurrentBatches = 2;
        Engine engine(config, new SimulatedFeed(marketConfig()));
        QCOMPARE(engine.scanIntervalMs(), 300'000);

        QSignalSpy scans(&engine, &Engine::scanFinished);
        engine.start();
        QVERIFY(scans.wait(60000));
        const auto first = scans.constFirst().constFirst().value<ScanReportPtr>();
        QCOMPARE(first->threads, 2);
        QCOMPARE(first->maxConcurrentBatches, 2);

        RuntimeTuning tuning;
        tuning.scanIntervalSeconds = 900;
        tuning.scannerThreads = 1;
        tuning.maxConcurrentBatches = 1;
        engine.applyTuning(tuning);
        QCOMPARE(engine.scanIntervalMs(), 900'000);

        const int before = int(scans.count());
        QTRY_VERIFY_WITH_TIMEOUT(scans.count() >= before + 2, 60000);
        const auto a = scans.at(before + 0).constFirst().value<ScanReportPtr>();
        const auto b = scans.at(before + 1).constFirst().value<ScanReportPtr>();
        QCOMPARE(b->threads, 1);
        QCOMPARE(b->maxConcurrentBatches, 1);
        // Market time between two scan starts follows the new interval.
        QVERIFY(b->startedAtMs - a->startedAtMs >= 900'000);

        // Back to the preset's interval.
        tuning.scanIntervalSeconds = 0;
        engine.applyTuning(tuning);
        QCOMPARE(engine.scanIntervalMs(), 300'000);
        engine.stop();
    }

    void governorTakesNewThresholds()
    {
        PressureGovernor governor;
        const qint64 mib = 1024 * 1024;
        governor.evaluate(sampleWithRss(600 * mib)); // 59 % of the default 1 GiB budget
        QCOMPARE(governor.pressureLevel(), PressureLevel::Normal);

        RuntimeTuning tuning;
        tuning.memoryBudgetBytes = 700 * mib;
        tuning.pressureHigh = 0.60;
        tuning.pressureCritical = 0.80;
        QVERIFY(governor.setMemoryThresholds(tuning.memoryBudgetBytes, tuning.pressureHigh, tuning.pressureCritical));
        governor.evaluate(sampleWithRss(600 * mib)); // 86 % of 700 MiB
        QCOMPARE(governor.pressureLevel(), PressureLevel::Critical);
        QCOMPARE(governor.thresholds().rssBudgetBytes, 700 * mib);

        // Unusable thresholds are refused and change nothing.
        QVERIFY(!governor.setMemoryThresholds(700 * mib, 0.9, 0.8));
        QVERIFY(!governor.setMemoryThresholds(0, 0.6, 0.8));
        QCOMPARE(governor.thresholds().high, 0.60);
    }
};

QTEST_GUILESS_MAIN(TestEngineTuning)
#include "tst_enginetuning.moc"
