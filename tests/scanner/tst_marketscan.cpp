#include "market/MarketStore.h"
#include "market/SimulatedMarket.h"
#include "scanner/MarketScanSource.h"
#include "scanner/PresetLoader.h"
#include "scanner/ScanFilters.h"
#include "scanner/Scanner.h"
#include "support/TradingTestMarket.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace bw;

namespace {

// A seeded simulated market driven bar by bar into a real MarketStore.
struct SimulatedSetup {
    explicit SimulatedSetup(int symbols, quint64 seed = 11, int capacity = 300)
        : market(config(symbols, seed))
        , store(300000, capacity)
    {
        store.setSymbols(market.symbols());
    }

    static SimulatedFeedConfig config(int symbols, quint64 seed)
    {
        SimulatedFeedConfig c;
        c.seed = seed;
        c.symbols = symbols;
        c.backfillBars = 0;
        c.startTimeMs = 1'700'000'000'000;
        return c;
    }

    QList<int> bar(bool withQuotes = true)
    {
        market.stepBar();
        MarketUpdateBatch batch;
        market.appendCandles(batch);
        if (withQuotes) {
            market.appendTickers(batch);
            market.appendBooks(batch);
        }
        batch.marketTimeMs = market.marketTimeMs();
        return store.apply(batch);
    }

    SimulatedMarket market;
    MarketStore store;
};

using test::looseScannerPreset;

ScanReportPtr runScan(Scanner &scanner)
{
    QSignalSpy spy(&scanner, &Scanner::scanFinished);
    if (!scanner.requestScan() || !spy.wait(60000))
        return {};
    return spy.takeFirst().at(0).value<ScanReportPtr>();
}

bool same(double a, double b)
{
    if (std::isnan(a) && std::isnan(b))
        return true;
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

class TestMarketScan : public QObject
{
    Q_OBJECT

private slots:
    void incrementalStateEqualsRebuild()
    {
        SimulatedSetup sim(40);
        MarketScanSource incremental(sim.store);
        incremental.configure(looseScannerPreset());
        for (int b = 0; b < 260; ++b)
            incremental.onBarsClosed(sim.bar(b % 50 == 0));
        MarketScanSource rebuilt(sim.store);
        rebuilt.configure(looseScannerPreset());
        QVERIFY(incremental.referenceIndex() >= 0);
        for (int i = 0; i < sim.store.symbolCount(); ++i) {
            const SymbolScanState &a = incremental.state(i);
            const SymbolScanState &b = rebuilt.state(i);
            QCOMPARE(a.lastBaseOpenMs(), b.lastBaseOpenMs());
            QVERIFY(a.atr15m().isReady());
            QVERIFY(same(a.atr15m().value(), b.atr15m().value()));
            QVERIFY(same(a.atrBase().value(), b.atrBase().value()));
            QVERIFY(same(a.bandWidthPercentile().value(), b.bandWidthPercentile().value()));
            QVERIFY(same(a.surge1h().value(), b.surge1h().value()));
            QVERIFY(same(a.surge5m().value(), b.surge5m().value()));
            QVERIFY(same(a.correlation().value(), b.correlation().value()));
            QCOMPARE(a.recentGaps(), 0);
        }
        // The correlation is of log returns against the reference: BTC with itself is 1, others below.
        SymbolMetrics btc;
        incremental.fillMetrics(incremental.referenceIndex(), btc);
        QCOMPARE(btc.symbol, QStringLiteral("BTCUSDT"));
        QCOMPARE(btc.btcCorrelation.value_or(0), 1.0);
        int correlated = 0;
        for (int i = 0; i < sim.store.symbolCount(); ++i) {
            SymbolMetrics m;
            incremental.fillMetrics(i, m);
            QVERIFY(m.btcCorrelation.has_value());
            QVERIFY(std::abs(*m.btcCorrelation) <= 1.0 + 1e-12);
            if (i != incremental.referenceIndex() && *m.btcCorrelation > 0.2)
                ++correlated;
            QVERIFY(m.atr15m.has_value());
            QCOMPARE(m.closed15mBars, sim.store.market(i).bars15m.size());
        }
        QVERIFY(correlated > 0); // the simulated alts follow BTC with their own beta
    }

    void seededMarketRanksIdenticallyWithOneAndFourThreads()
    {
        SimulatedSetup sim(300);
        MarketScanSource source(sim.store);
        const Preset preset = looseScannerPreset();
        source.configure(preset);
        for (int b = 0; b < 200; ++b)
            source.onBarsClosed(sim.bar(b == 199));

        ScannerSettings one;
        one.threads = 1;
        ScannerSettings four;
        four.threads = 4;
        four.maxConcurrentBatches = 4;
        Scanner a(one);
        Scanner b(four);
        for (Scanner *s : {&a, &b}) {
            s->setPreset(preset);
            s->setSource(&source);
        }
        const ScanReportPtr ra = runScan(a);
        const ScanReportPtr rb = runScan(b);
        QVERIFY(ra && rb);
        QVERIFY2(ra->candidates.size() >= 10, qPrintable(QString::number(ra->candidates.size())));
        QCOMPARE(ra->candidates.size(), rb->candidates.size());
        for (int i = 0; i < ra->candidates.size(); ++i) {
            QCOMPARE(ra->candidates[i].symbol, rb->candidates[i].symbol);
            QCOMPARE(ra->candidates[i].score, rb->candidates[i].score);
            QCOMPARE(ra->candidates[i].levels.size(), rb->candidates[i].levels.size());
        }
        QCOMPARE(ra->rejections.size(), rb->rejections.size());
        // Levels on real candles: every candidate's levels lie within its held price range.
        for (const Candidate &c : ra->candidates) {
            for (const Level &l : c.levels) {
                QVERIFY(l.price > 0);
                QVERIFY(l.touches >= preset.levels.minTouches);
                QVERIFY(l.strength >= 0 && l.strength <= 1);
            }
        }
    }

    void breakoutPresetRejectsWithReasons()
    {
        SimulatedSetup sim(200);
        MarketScanSource source(sim.store);
        const Preset preset = *PresetLoader::load(QStringLiteral("breakout_v1")).preset;
        source.configure(preset);
        for (int b = 0; b < 150; ++b)
            source.onBarsClosed(sim.bar(b == 149));
        Scanner scanner(ScannerSettings{2});
        scanner.setPreset(preset);
        scanner.setSource(&source);
        const ScanReportPtr report = runScan(scanner);
        QVERIFY(report);
        QCOMPARE(report->funnel[int(ScanStage::TopVolume)].symbolsOut, 200); // fewer symbols than top-200
        QVERIFY(report->funnel[int(ScanStage::Liquidity)].symbolsOut < 200); // small caps fail liquidity
        for (const Rejection &r : report->rejections)
            QVERIFY2(!r.reason.isEmpty(), qPrintable(r.symbol));
        // The simulated source has no open interest: the filter is reported as not applicable.
        bool sawOi = false;
        for (const Rejection &r : report->rejections) {
            for (const FilterResult &f : r.filters) {
                if (f.key == u"min_oi") {
                    sawOi = true;
                    QVERIFY(!f.applicable);
                }
            }
        }
        QVERIFY(sawOi);
    }

    void seededLevelsEqualTheBatchDetector()
    {
        SimulatedSetup sim(30);
        MarketScanSource source(sim.store);
        const Preset preset = looseScannerPreset();
        source.configure(preset);
        for (int b = 0; b < 300; ++b)
            source.onBarsClosed(sim.bar(false));
        BarBuffer bars;
        LevelDetector::Scratch scratch;
        std::vector<LevelSeed> seeds;
        int compared = 0;
        for (int i = 0; i < sim.store.symbolCount(); ++i) {
            source.copyBars(i, bars);
            const BarView view{bars.openTimeMs, bars.high, bars.low, bars.close, bars.volume};
            seeds.clear();
            QVERIFY(source.levelSeeds(i, seeds));
            const auto batch = LevelDetector::detect(view, source.baseAtr(i), preset.levels, scratch);
            const auto seeded = LevelDetector::detect(view, source.baseAtr(i), preset.levels, scratch, &seeds);
            QCOMPARE(seeded.size(), batch.size());
            for (std::size_t k = 0; k < batch.size(); ++k) {
                QVERIFY(same(seeded[k].price, batch[k].price));
                QCOMPARE(seeded[k].touches, batch[k].touches);
                QCOMPARE(seeded[k].methods, batch[k].methods);
            }
            compared += int(batch.size());
        }
        QVERIFY(compared > 30);
    }

    void staleSymbolsFailDataHealth()
    {
        SimulatedSetup sim(20);
        MarketScanSource source(sim.store);
        Preset preset = looseScannerPreset();
        source.configure(preset);
        for (int b = 0; b < 120; ++b)
            source.onBarsClosed(sim.bar(b == 119));
        // Five more bars of candles for everyone but the first symbol... simulate by withholding quotes
        // and candles: apply only a batch carrying the market time.
        MarketUpdateBatch later;
        later.marketTimeMs = sim.market.marketTimeMs() + 5 * 300000;
        sim.store.apply(later);
        SymbolMetrics m;
        source.fillMetrics(0, m);
        QVERIFY(m.dataAgeMs > m.staleAfterMs);
        QList<FilterResult> results;
        ScanFilters::dataHealth(m, preset.liquidity, results);
        QVERIFY(!results[0].passed);
        QVERIFY(results[0].reason.contains(QStringLiteral("stale")));
    }
};

QTEST_GUILESS_MAIN(TestMarketScan)
#include "tst_marketscan.moc"
