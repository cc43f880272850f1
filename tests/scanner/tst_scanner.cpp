#include "TableScanSource.h"
#include "common/CacheRegistry.h"
#include "scanner/PresetLoader.h"
#include "scanner/Scanner.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>

using namespace bw;
using namespace Qt::StringLiterals;

namespace {

class TestPressure final : public PressureSource
{
public:
    PressureLevel pressureLevel() const override { return level.load(); }
    std::atomic<PressureLevel> level{PressureLevel::Normal};
};

Preset testPreset()
{
    PresetLoadResult r = PresetLoader::load(QStringLiteral("breakout_v1"));
    Preset p = *r.preset;
    p.scanner.topNByVolume.reset();
    p.scanner.symbolBlacklist.clear();
    p.scanner.maxCandidates = 10;
    p.liquidity.minOiUsd.reset();
    p.volatility.volumeSurge5mMin = 1.0;
    p.volatility.volumeSurge1hMin = 1.0;
    p.volatility.bbWidthPercentileMax = 90;
    p.risk.correlationLimit = 0.8;
    return p;
}

ScanReportPtr runScan(Scanner &scanner)
{
    QSignalSpy spy(&scanner, &Scanner::scanFinished);
    if (!scanner.requestScan())
        return {};
    if (!spy.wait(30000))
        return {};
    return spy.takeFirst().at(0).value<ScanReportPtr>();
}

CacheStats scannerCache(const QString &name)
{
    for (const CacheStats &s : CacheRegistry::instance().stats()) {
        if (s.name == name)
            return s;
    }
    return {};
}

QStringList ranking(const ScanReport &report)
{
    QStringList out;
    for (const Candidate &c : report.candidates)
        out.append(c.symbol + u':' + QString::number(c.score, 'g', 17));
    return out;
}

} // namespace

class TestScanner : public QObject
{
    Q_OBJECT

private slots:
    void reportExplainsEverySymbol()
    {
        TableScanSource source(200);
        ScannerSettings settings;
        settings.threads = 2;
        Scanner scanner(settings);
        scanner.setPreset(testPreset());
        scanner.setSource(&source);
        const ScanReportPtr report = runScan(scanner);
        QVERIFY(report);
        QVERIFY(!report->cancelled);
        QCOMPARE(report->symbolsTotal, 200);
        QCOMPARE(report->funnel.size(), kScanStageCount);
        // Every symbol is either a candidate or rejected with a reason; those that passed every filter but
        // ranked beyond max_candidates are rejected by the scoring stage.
        QCOMPARE(report->candidates.size() + report->rejections.size(), 200);
        QVERIFY(report->candidates.size() <= 10);
        QVERIFY(report->candidatesBeyondLimit > 0);
        QCOMPARE(std::count_if(report->rejections.cbegin(), report->rejections.cend(),
                               [](const Rejection &r) { return r.stage == ScanStage::Scoring; }),
                 report->candidatesBeyondLimit);
        for (const Rejection &r : report->rejections) {
            QVERIFY2(!r.reason.isEmpty(), qPrintable(r.symbol));
            QVERIFY(!r.filters.isEmpty());
        }
        // Ranked by score, ranks from 1, each candidate carries every filter and its components.
        for (int i = 0; i < report->candidates.size(); ++i) {
            const Candidate &c = report->candidates[i];
            QCOMPARE(c.rank, i + 1);
            if (i > 0)
                QVERIFY(report->candidates[i - 1].score >= c.score);
            QVERIFY(c.filters.size() >= 10);
            for (const FilterResult &f : c.filters)
                QVERIFY(f.passed || !f.applicable);
            QVERIFY(c.scoreBreakdown.weighted[std::size_t(ScoreComponent::AtrQuality)].has_value());
            QVERIFY(!c.levels.isEmpty());
        }
        // The funnel adds up.
        for (int s = 1; s < kScanStageCount; ++s)
            QCOMPARE(report->funnel[s].symbolsIn, report->funnel[s - 1].symbolsOut);
        QCOMPARE(report->funnel.last().symbolsOut, report->candidates.size() + report->candidatesBeyondLimit);
        QCOMPARE(report->batchSize, 20);
        QCOMPARE(report->batches, 10);
        QCOMPARE(report->threads, 2);
    }

    void rejectionsCarryWhatWasMeasured()
    {
        TableScanSource source(60);
        // Symbol 7 has no order book and its volume indicators are not warm: rejected at liquidity, with
        // the price, volume and ATR it had, and nothing for the book or the surges.
        SymbolMetrics &cold = source.metrics(7);
        cold.hasBook = false;
        cold.volumeSurge1h.reset();
        cold.volumeSurge5m.reset();
        Preset p = testPreset();
        p.scanner.symbolBlacklist = QStringList{QStringLiteral("S0001USDT")};
        p.scanner.topNByVolume = 40;
        p.scanner.maxCandidates = 3;
        Scanner scanner(ScannerSettings{1});
        scanner.setPreset(p);
        scanner.setSource(&source);
        const ScanReportPtr report = runScan(scanner);
        QVERIFY(report);
        QHash<QString, const Rejection *> bySymbol;
        for (const Rejection &r : report->rejections)
            bySymbol.insert(r.symbol, &r);

        // Blacklisted: the scanner measured nothing.
        const Rejection *listed = bySymbol.value(QStringLiteral("S0001USDT"));
        QVERIFY(listed);
        QCOMPARE(listed->stage, ScanStage::SymbolLists);
        QVERIFY(!listed->measured.any());
        QVERIFY(std::isnan(listed->measured.quoteVolume24h));
        QVERIFY(!listed->scoreBreakdown);
        QVERIFY(listed->levels.isEmpty());

        // Cut by the top-volume stage: its 24 h volume and nothing else.
        int outsideTop = 0;
        for (const Rejection &r : report->rejections) {
            if (r.stage != ScanStage::TopVolume)
                continue;
            ++outsideTop;
            const int i = r.symbol.mid(1, 4).toInt();
            QCOMPARE(r.measured.quoteVolume24h, source.metrics(i).quoteVolume24h);
            QVERIFY(std::isnan(r.measured.price));
            QVERIFY(std::isnan(r.measured.atr15m));
            QVERIFY(std::isnan(r.measured.spreadBps));
            QVERIFY(!r.scoreBreakdown);
        }
        QCOMPARE(outsideTop, 59 - 40);

        // Rejected by a filter stage: every metric the source had, NaN where it had none; no score or levels.
        int filtered = 0;
        for (const Rejection &r : report->rejections) {
            if (r.stage < ScanStage::Liquidity || r.stage > ScanStage::DataHealth)
                continue;
            ++filtered;
            const SymbolMetrics &m = source.metrics(r.symbol.mid(1, 4).toInt());
            QCOMPARE(r.measured.price, m.price);
            QCOMPARE(r.measured.quoteVolume24h, m.quoteVolume24h);
            QCOMPARE(r.measured.atr15m, *m.atr15m);
            QCOMPARE(r.measured.atrPercent(), *m.atr15m / m.price * 100.0);
            QCOMPARE(r.measured.bbWidthPercentile, *m.bbWidthPercentile);
            QCOMPARE(r.measured.btcCorrelation, *m.btcCorrelation);
            QCOMPARE(r.measured.tradesPerMinute, m.tradesPerMinute);
            QVERIFY(std::isnan(r.measured.openInterestUsd)); // the table source has none
            QVERIFY(!r.scoreBreakdown);
            QVERIFY(r.levels.isEmpty());
            QVERIFY(std::isnan(r.atr));
            if (m.hasBook) {
                QCOMPARE(r.measured.spreadBps, m.spreadBps);
                QCOMPARE(r.measured.depthUsd05, m.depthUsd05);
                QCOMPARE(r.measured.volumeSurge1h, *m.volumeSurge1h);
                QCOMPARE(r.measured.volumeSurge5m, *m.volumeSurge5m);
            }
        }
        QVERIFY(filtered > 0);
        const Rejection *noBook = bySymbol.value(QStringLiteral("S0007USDT"));
        QVERIFY(noBook);
        QCOMPARE(noBook->stage, ScanStage::Liquidity);
        QCOMPARE(noBook->measured.price, 8.0);
        QVERIFY(!std::isnan(noBook->measured.atr15m));
        QVERIFY(std::isnan(noBook->measured.spreadBps));
        QVERIFY(std::isnan(noBook->measured.depthUsd05));
        QVERIFY(std::isnan(noBook->measured.volumeSurge1h));
        QVERIFY(std::isnan(noBook->measured.volumeSurge5m));

        // Passed every filter but ranked beyond max_candidates: score and levels as the candidates have.
        QVERIFY(report->candidatesBeyondLimit > 0);
        int beyond = 0;
        for (const Rejection &r : report->rejections) {
            if (r.stage != ScanStage::Scoring)
                continue;
            ++beyond;
            QVERIFY2(r.reason.contains(QStringLiteral("max_candidates 3")), qPrintable(r.reason));
            QVERIFY(r.scoreBreakdown);
            QVERIFY(r.scoreBreakdown->total <= report->candidates.last().score);
            QVERIFY(!r.levels.isEmpty());
            QVERIFY(r.atr > 0);
            QVERIFY(r.measured.price > 0);
        }
        QCOMPARE(beyond, report->candidatesBeyondLimit);
    }

    void listsAndTopNComeFirst()
    {
        TableScanSource source(100);
        Preset p = testPreset();
        p.scanner.symbolWhitelist = QStringList{QStringLiteral("S0001USDT"), QStringLiteral("S0002USDT"),
                                                QStringLiteral("S0003USDT"), QStringLiteral("S0004USDT")};
        p.scanner.symbolBlacklist = QStringList{QStringLiteral("S0002USDT")};
        p.scanner.topNByVolume = 2;
        Scanner scanner(ScannerSettings{1});
        scanner.setPreset(p);
        scanner.setSource(&source);
        const ScanReportPtr report = runScan(scanner);
        QVERIFY(report);
        QCOMPARE(report->funnel[int(ScanStage::SymbolLists)].symbolsIn, 100);
        QCOMPARE(report->funnel[int(ScanStage::SymbolLists)].symbolsOut, 3);
        QCOMPARE(report->funnel[int(ScanStage::TopVolume)].symbolsOut, 2);
        int blacklisted = 0;
        int outsideTop = 0;
        for (const Rejection &r : report->rejections) {
            if (r.stage == ScanStage::SymbolLists && r.symbol == u"S0002USDT")
                ++blacklisted;
            if (r.stage == ScanStage::TopVolume) {
                ++outsideTop;
                QVERIFY2(r.reason.contains(QStringLiteral("outside the top 2")), qPrintable(r.reason));
            }
        }
        QCOMPARE(blacklisted, 1);
        QCOMPARE(outsideTop, 1);
    }

    void oneThreadAndFourRankIdentically()
    {
        TableScanSource source(500);
        ScannerSettings one;
        one.threads = 1;
        ScannerSettings four;
        four.threads = 4;
        four.maxConcurrentBatches = 4;
        Scanner a(one);
        Scanner b(four);
        a.setPreset(testPreset());
        b.setPreset(testPreset());
        a.setSource(&source);
        b.setSource(&source);
        const ScanReportPtr ra = runScan(a);
        const ScanReportPtr rb = runScan(b);
        QVERIFY(ra && rb);
        QCOMPARE(rb->threads, 4);
        QCOMPARE(ranking(*ra), ranking(*rb));
        QCOMPARE(ra->rejections.size(), rb->rejections.size());
        QVERIFY(!ranking(*ra).isEmpty());
    }

    void cancellationStopsTheScan()
    {
        TableScanSource source(100);
        source.blockAt = 0;
        ScannerSettings settings;
        settings.threads = 1;
        settings.maxConcurrentBatches = 1;
        Scanner scanner(settings);
        scanner.setPreset(testPreset());
        scanner.setSource(&source);
        QSignalSpy spy(&scanner, &Scanner::scanFinished);
        QVERIFY(scanner.requestScan());
        source.reached.acquire(); // the worker is inside symbol 0
        QVERIFY(scanner.isBusy());
        scanner.cancel();
        source.release.release();
        QVERIFY(spy.wait(30000));
        const auto report = spy.at(0).at(0).value<ScanReportPtr>();
        QVERIFY(report->cancelled);
        QVERIFY(report->candidates.isEmpty());
        // Only the symbol in flight was evaluated; nothing after the flag was set.
        QCOMPARE(report->funnel[int(ScanStage::Liquidity)].symbolsIn, 1);
        QVERIFY(!scanner.isBusy());
    }

    void requestsWhileBusyAreCoalesced()
    {
        TableScanSource source(60);
        source.blockAt = 0;
        ScannerSettings settings;
        settings.threads = 1;
        Scanner scanner(settings);
        scanner.setPreset(testPreset());
        scanner.setSource(&source);
        QSignalSpy started(&scanner, &Scanner::scanStarted);
        QSignalSpy finished(&scanner, &Scanner::scanFinished);
        QVERIFY(scanner.requestScan());
        source.reached.acquire();
        for (int i = 0; i < 5; ++i)
            QVERIFY(!scanner.requestScan());
        QVERIFY(scanner.hasPendingScan());
        source.blockAt = -1; // the follow-up scan runs freely
        source.release.release();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QVERIFY(!scanner.isBusy());
        QVERIFY(!scanner.hasPendingScan());
        QCoreApplication::processEvents();
        QCOMPARE(started.size(), 2);
        QCOMPARE(finished.size(), 2);
        const auto first = finished.at(0).at(0).value<ScanReportPtr>();
        const auto second = finished.at(1).at(0).value<ScanReportPtr>();
        QCOMPARE(second->scanId, first->scanId + 1);
        QVERIFY(!second->cancelled);
    }

    void batchSizeFollowsPressureDownAndBackUp()
    {
        TableScanSource source(60);
        TestPressure pressure;
        Scanner scanner(ScannerSettings{2});
        scanner.setPreset(testPreset());
        scanner.setSource(&source);
        scanner.setPressureSource(&pressure);
        const std::array<std::pair<PressureLevel, int>, 5> steps{{{PressureLevel::Normal, 20},
                                                                  {PressureLevel::High, 15},
                                                                  {PressureLevel::Critical, 10},
                                                                  {PressureLevel::High, 15},
                                                                  {PressureLevel::Normal, 20}}};
        for (const auto &[level, size] : steps) {
            pressure.level = level;
            const ScanReportPtr report = runScan(scanner);
            QVERIFY(report);
            QCOMPARE(report->pressure, level);
            QCOMPARE(report->batchSize, size);
            QCOMPARE(report->batches, (60 + size - 1) / size);
        }
    }

    void updateGateBracketsTheScan()
    {
        TableScanSource source(30);
        Scanner scanner(ScannerSettings{2});
        scanner.setPreset(testPreset());
        scanner.setSource(&source);
        QList<bool> calls;
        bool busyAtRelease = true;
        scanner.setUpdateGate([&](bool hold) {
            calls.append(hold);
            if (!hold)
                busyAtRelease = false;
        });
        QVERIFY(runScan(scanner));
        QCOMPARE(calls, QList<bool>({true, false}));
        QVERIFY(!busyAtRelease);
    }

    void periodicScanningFollowsThePresetInterval()
    {
        TableScanSource source(20);
        Preset p = testPreset();
        p.scanner.scanIntervalSeconds = 1;
        Scanner scanner(ScannerSettings{1});
        scanner.setPreset(p);
        scanner.setSource(&source);
        QSignalSpy finished(&scanner, &Scanner::scanFinished);
        scanner.setPeriodicScanning(true);
        QVERIFY(scanner.isPeriodicScanning());
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 2, 20000);
        scanner.setPeriodicScanning(false);
        QVERIFY(!scanner.isPeriodicScanning());
    }

    void cachesAreBoundedRegisteredAndHitOnTheSameBar()
    {
        TableScanSource source(300);
        ScannerSettings settings;
        settings.threads = 2;
        Scanner scanner(settings);
        scanner.setPreset(testPreset());
        scanner.setSource(&source);
        QVERIFY(runScan(scanner));
        QVERIFY(runScan(scanner));
        bool found = false;
        for (const CacheStats &s : CacheRegistry::instance().stats()) {
            if (!s.name.startsWith(QStringLiteral("scanner.")))
                continue;
            found = true;
            // Sized to the 300 symbols a scan evaluates (more than the 200 minimum): an LRU smaller than
            // one scan would evict every entry before the next scan could read it.
            QCOMPARE(s.capacity, 300);
            QVERIFY(s.size <= 300);
            QCOMPARE(s.evictions, 0);
            if (s.name == u"scanner.levels" || s.name == u"scanner.filters")
                QVERIFY(s.hits > 0); // the second scan saw the same closed bar
        }
        QVERIFY(found);
        // A new closed bar is a new key: the levels are recomputed, the result is the same.
        source.advanceBar();
        const ScanReportPtr report = runScan(scanner);
        QVERIFY(report && !report->candidates.isEmpty());
    }

    void newBarsReplaceTheirSymbolsEntriesInsteadOfEvicting()
    {
        // The live cadence: every new closed bar is a new key per symbol. Without slots the previous bar's
        // entries stayed until the LRU pushed them out, shown as thousands of "evictions" of a full cache.
        constexpr int kSymbols = 250;
        TableScanSource source(kSymbols);
        ScannerSettings settings;
        settings.threads = 2;
        Scanner scanner(settings);
        scanner.setPreset(testPreset());
        scanner.setSource(&source);
        QVERIFY(runScan(scanner));
        const CacheStats first = scannerCache(u"scanner.filters"_s);
        QVERIFY(first.size > 0);
        QCOMPARE(first.replacements, 0);

        qint64 previousReplacements = 0;
        for (int bar = 0; bar < 4; ++bar) {
            source.advanceBar();
            QVERIFY(runScan(scanner));
            QVERIFY(runScan(scanner)); // the same bar again: served from the caches
            const CacheStats filters = scannerCache(u"scanner.filters"_s);
            QVERIFY2(filters.size <= kSymbols, qPrintable(QString::number(filters.size)));
            QCOMPARE(filters.size, first.size); // one entry per symbol through the filters, old bars gone
            QCOMPARE(filters.evictions, 0);
            // Every symbol through the filters had its previous bar's entry replaced.
            QCOMPARE(filters.replacements, previousReplacements + first.size);
            QCOMPARE(filters.hits, (bar + 1) * first.size);
            previousReplacements = filters.replacements;

            const CacheStats levels = scannerCache(u"scanner.levels"_s);
            QVERIFY(levels.size <= kSymbols);
            QCOMPARE(levels.evictions, 0);
            QCOMPARE(levels.replacements, (bar + 1) * levels.size);
            QCOMPARE(scannerCache(u"scanner.scores"_s).evictions, 0);
        }

        // A new preset: nothing of the old generation is read again, so it all goes at the next scan,
        // counted as replaced (not evicted), and the caches refill for the new preset.
        Preset tighter = testPreset();
        tighter.scanner.topNByVolume = 50;
        scanner.setPreset(tighter);
        QVERIFY(runScan(scanner));
        const CacheStats filters = scannerCache(u"scanner.filters"_s);
        QCOMPARE(filters.evictions, 0);
        QCOMPARE(filters.replacements, previousReplacements + first.size);
        QVERIFY(filters.size > 0 && filters.size <= 50);
    }

    void symbolsLeavingTheTopNFreeTheirEntries()
    {
        // The top N by 24 h volume moves with the market: symbols drop out and others come in. Entries of
        // those that left would fill the caches (sized to the N) until every newcomer pushed one out.
        constexpr int kSymbols = 300;
        constexpr int kTop = 200;
        TableScanSource source(kSymbols);
        Preset preset = testPreset();
        preset.scanner.topNByVolume = kTop;
        ScannerSettings settings;
        settings.threads = 2;
        Scanner scanner(settings);
        scanner.setPreset(preset);
        scanner.setSource(&source);
        QVERIFY(runScan(scanner));
        const CacheStats first = scannerCache(u"scanner.filters"_s);
        QCOMPARE(first.capacity, kTop);
        QVERIFY(first.size > 0 && first.size <= kTop);

        for (int round = 1; round <= 3; ++round) {
            // Rotate the volumes: a different third of the symbols falls out of the top 200 each time.
            for (int i = 0; i < kSymbols; ++i)
                source.metrics(i).quoteVolume24h = 1e6 * (1 + (i + round * 100) % kSymbols);
            const ScanReportPtr report = runScan(scanner); // same bar: the symbols that stayed hit
            QVERIFY(report);
            const CacheStats filters = scannerCache(u"scanner.filters"_s);
            QCOMPARE(filters.evictions, 0);
            QVERIFY(filters.size <= kTop);
            QVERIFY(filters.replacements > 0);
        }
        QVERIFY(scannerCache(u"scanner.filters"_s).hits > 0);
        QCOMPARE(scannerCache(u"scanner.levels"_s).evictions, 0);
        QCOMPARE(scannerCache(u"scanner.scores"_s).evictions, 0);
    }
};

QTEST_GUILESS_MAIN(TestScanner)
#include "tst_scanner.moc"
