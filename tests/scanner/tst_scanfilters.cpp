#include "scanner/ScanFilters.h"
#include "scanner/ScoreModel.h"

#include <QTest>

#include <cmath>

using namespace bw;

namespace {

// A healthy, liquid symbol that passes breakout_v1-like thresholds.
SymbolMetrics healthy()
{
    SymbolMetrics m;
    m.symbol = QStringLiteral("ETHUSDT");
    m.price = 2000;
    m.quoteVolume24h = 50e6;
    m.openInterestUsd = 20e6;
    m.hasBook = true;
    m.spreadBps = 2;
    m.depthUsd03 = 200e3;
    m.depthUsd05 = 400e3;
    m.tradesPerMinute = 40;
    m.atr15m = 20; // 1 %
    m.closed15mBars = 100;
    m.bbWidthPercentile = 40;
    m.volumeSurge1h = 1.5;
    m.volumeSurge5m = 2.0;
    m.btcCorrelation = 0.3;
    m.closedBars = 300;
    m.staleAfterMs = 900000;
    return m;
}

LiquiditySection liquidityConfig()
{
    LiquiditySection c;
    c.min24hVolumeUsd = 5e6;
    c.minOiUsd = 2e6;
    c.maxSpreadBps = 30;
    c.minDepthUsd05 = 8000;
    c.minDepthUsd03 = 5000;
    c.minTradesPerMinute = 3;
    return c;
}

VolatilitySection volatilityConfig()
{
    VolatilitySection c;
    c.atrRangeMin = 0.005;
    c.atrRangeMax = 0.12;
    c.bbWidthPercentileMax = 82;
    c.volumeSurge1hMin = 1.15;
    c.volumeSurge5mMin = 1.4;
    c.oiDeltaThreshold = 0.018;
    return c;
}

const FilterResult *find(const QList<FilterResult> &results, const QString &key)
{
    for (const FilterResult &r : results) {
        if (r.key == key)
            return &r;
    }
    return nullptr;
}

using Mutator = std::function<void(SymbolMetrics &)>;

} // namespace

Q_DECLARE_METATYPE(Mutator)

class TestScanFilters : public QObject
{
    Q_OBJECT

private:
    void filterTable()
    {
        QTest::addColumn<Mutator>("mutate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("applicable");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<QString>("reasonPart");
    }

private slots:
    void liquidity_data()
    {
        filterTable();
        QTest::newRow("volume ok") << Mutator([](SymbolMetrics &) {}) << QStringLiteral("min_24h_volume") << true
                                   << true << QStringLiteral("");
        QTest::newRow("volume at threshold") << Mutator([](SymbolMetrics &m) { m.quoteVolume24h = 5e6; })
                                             << QStringLiteral("min_24h_volume") << true << true << QStringLiteral("");
        QTest::newRow("volume low") << Mutator([](SymbolMetrics &m) { m.quoteVolume24h = 1.2e6; })
                                    << QStringLiteral("min_24h_volume") << true << false
                                    << QStringLiteral("24 h volume 1.20M below the minimum 5.00M");
        QTest::newRow("oi ok") << Mutator([](SymbolMetrics &) {}) << QStringLiteral("min_oi") << true << true
                               << QStringLiteral("");
        QTest::newRow("oi low") << Mutator([](SymbolMetrics &m) { m.openInterestUsd = 1e6; })
                                << QStringLiteral("min_oi") << true << false << QStringLiteral("open interest");
        QTest::newRow("oi absent is not applicable")
            << Mutator([](SymbolMetrics &m) { m.openInterestUsd.reset(); }) << QStringLiteral("min_oi") << false << true
            << QStringLiteral("no open interest");
        QTest::newRow("spread ok") << Mutator([](SymbolMetrics &) {}) << QStringLiteral("max_spread") << true << true
                                   << QStringLiteral("");
        QTest::newRow("spread wide") << Mutator([](SymbolMetrics &m) { m.spreadBps = 45; })
                                     << QStringLiteral("max_spread") << true << false
                                     << QStringLiteral("spread (bps) 45 above the maximum 30");
        QTest::newRow("no book fails spread")
            << Mutator([](SymbolMetrics &m) { m.hasBook = false; }) << QStringLiteral("max_spread") << true << false
            << QStringLiteral("no order book");
        QTest::newRow("depth 0.5 low") << Mutator([](SymbolMetrics &m) { m.depthUsd05 = 7000; })
                                       << QStringLiteral("min_depth_0_5pct") << true << false
                                       << QStringLiteral("depth within 0.5 %");
        QTest::newRow("depth 0.3 low") << Mutator([](SymbolMetrics &m) { m.depthUsd03 = 4999; })
                                       << QStringLiteral("min_depth_0_3pct") << true << false
                                       << QStringLiteral("depth within 0.3 %");
        QTest::newRow("tpm low") << Mutator([](SymbolMetrics &m) { m.tradesPerMinute = 2.5; })
                                 << QStringLiteral("min_trades_per_minute") << true << false
                                 << QStringLiteral("trades per minute 2.5");
        QTest::newRow("tpm zero") << Mutator([](SymbolMetrics &m) { m.tradesPerMinute = 0; })
                                  << QStringLiteral("min_trades_per_minute") << true << false
                                  << QStringLiteral("below the minimum 3");
    }

    void liquidity()
    {
        QFETCH(Mutator, mutate);
        QFETCH(QString, key);
        QFETCH(bool, applicable);
        QFETCH(bool, passed);
        QFETCH(QString, reasonPart);
        SymbolMetrics m = healthy();
        mutate(m);
        QList<FilterResult> results;
        ScanFilters::liquidity(m, liquidityConfig(), results);
        const FilterResult *r = find(results, key);
        QVERIFY(r);
        QCOMPARE(r->applicable, applicable);
        QCOMPARE(r->passed, passed);
        QVERIFY2(r->reason.contains(reasonPart), qPrintable(r->reason));
        QVERIFY(!r->thresholdText().isEmpty());
        QCOMPARE(r->reason.isEmpty(), passed && applicable);
        QCOMPARE(ScanFilters::passed(results), passed || !applicable);
        if (!passed)
            QVERIFY(ScanFilters::failureReason(results).contains(r->reason));
    }

    void volatility_data()
    {
        filterTable();
        QTest::newRow("atr ok") << Mutator([](SymbolMetrics &) {}) << QStringLiteral("atr_range") << true << true
                                << QString();
        QTest::newRow("atr low") << Mutator([](SymbolMetrics &m) { m.atr15m = 4; }) << QStringLiteral("atr_range")
                                 << true << false << QStringLiteral("ATR/price 0.002 outside 0.005-0.12");
        QTest::newRow("atr high") << Mutator([](SymbolMetrics &m) { m.atr15m = 300; }) << QStringLiteral("atr_range")
                                  << true << false << QStringLiteral("outside");
        QTest::newRow("atr not warm") << Mutator([](SymbolMetrics &m) {
            m.atr15m.reset();
            m.closed15mBars = 6;
        }) << QStringLiteral("atr_range")
                                      << true << false << QStringLiteral("needs 15 closed 15 m bars, have 6");
        QTest::newRow("bb ok") << Mutator([](SymbolMetrics &) {}) << QStringLiteral("bb_width_percentile") << true
                               << true << QStringLiteral("");
        QTest::newRow("bb high") << Mutator([](SymbolMetrics &m) { m.bbWidthPercentile = 90; })
                                 << QStringLiteral("bb_width_percentile") << true << false
                                 << QStringLiteral("band-width percentile 90 above");
        QTest::newRow("surge 1h low") << Mutator([](SymbolMetrics &m) { m.volumeSurge1h = 1.1; })
                                      << QStringLiteral("volume_surge_1h") << true << false
                                      << QStringLiteral("1 h volume surge 1.1 below the minimum 1.15");
        QTest::newRow("surge 5m low") << Mutator([](SymbolMetrics &m) { m.volumeSurge5m = 1.39; })
                                      << QStringLiteral("volume_surge_5m") << true << false
                                      << QStringLiteral("5 m volume surge 1.39");
        QTest::newRow("surge 5m at threshold")
            << Mutator([](SymbolMetrics &m) { m.volumeSurge5m = 1.4; }) << QStringLiteral("volume_surge_5m") << true
            << true << QStringLiteral("");
        QTest::newRow("oi delta without history") << Mutator([](SymbolMetrics &) {}) << QStringLiteral("oi_delta")
                                                  << false << true << QStringLiteral("not applicable");
        QTest::newRow("oi delta big") << Mutator([](SymbolMetrics &m) { m.oiChange24h = -0.03; })
                                      << QStringLiteral("oi_delta") << true << true << QStringLiteral("");
        QTest::newRow("oi delta small") << Mutator([](SymbolMetrics &m) { m.oiChange24h = 0.01; })
                                        << QStringLiteral("oi_delta") << true << false << QStringLiteral("below");
    }

    void volatility()
    {
        QFETCH(Mutator, mutate);
        QFETCH(QString, key);
        QFETCH(bool, applicable);
        QFETCH(bool, passed);
        QFETCH(QString, reasonPart);
        SymbolMetrics m = healthy();
        mutate(m);
        QList<FilterResult> results;
        ScanFilters::volatility(m, volatilityConfig(), results);
        const FilterResult *r = find(results, key);
        QVERIFY(r);
        QCOMPARE(r->applicable, applicable);
        QCOMPARE(r->passed, passed);
        QVERIFY2(r->reason.contains(reasonPart), qPrintable(r->reason));
    }

    void correlationUsesTheRawLimit_data()
    {
        QTest::addColumn<double>("corr");
        QTest::addColumn<double>("limit");
        QTest::addColumn<bool>("passed");
        QTest::newRow("0.3 under 0.4") << 0.3 << 0.4 << true;
        QTest::newRow("0.5 over 0.4 (the original let this pass via 0.85)") << 0.5 << 0.4 << false;
        QTest::newRow("negative uses abs") << -0.5 << 0.4 << false;
        QTest::newRow("at the limit") << 0.4 << 0.4 << true;
        QTest::newRow("0.9 over 0.85") << 0.9 << 0.85 << false;
    }

    void correlationUsesTheRawLimit()
    {
        QFETCH(double, corr);
        QFETCH(double, limit);
        QFETCH(bool, passed);
        SymbolMetrics m = healthy();
        m.btcCorrelation = corr;
        RiskSection risk;
        risk.correlationLimit = limit;
        QList<FilterResult> results;
        ScanFilters::correlation(m, risk, results);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0].passed, passed);
        QCOMPARE(results[0].value, corr);
        QVERIFY(results[0].thresholdText().contains(QString::number(limit)));
    }

    void correlationNotReadyIsARejectionNotADefault()
    {
        SymbolMetrics m = healthy();
        m.btcCorrelation.reset();
        QList<FilterResult> results;
        ScanFilters::correlation(m, RiskSection{}, results);
        QVERIFY(!results[0].passed);
        QVERIFY(std::isnan(results[0].value));
    }

    void dataHealth_data()
    {
        QTest::addColumn<Mutator>("mutate");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("healthy") << Mutator([](SymbolMetrics &) {}) << true << QString();
        QTest::newRow("gaps") << Mutator([](SymbolMetrics &m) { m.gaps = 2; }) << false
                              << QStringLiteral("2 missing bars");
        QTest::newRow("duplicates") << Mutator([](SymbolMetrics &m) { m.duplicates = 1; }) << false
                                    << QStringLiteral("1 duplicate bars");
        QTest::newRow("stale") << Mutator([](SymbolMetrics &m) { m.dataAgeMs = 1200000; }) << false
                               << QStringLiteral("stale: last update 1200 s ago");
        QTest::newRow("short history") << Mutator([](SymbolMetrics &m) { m.closedBars = 10; }) << false
                                       << QStringLiteral("only 10 closed bars");
        QTest::newRow("no book") << Mutator([](SymbolMetrics &m) { m.hasBook = false; }) << false
                                 << QStringLiteral("no order book");
        QTest::newRow("implausible spread")
            << Mutator([](SymbolMetrics &m) { m.spreadBps = 61; }) << false << QStringLiteral("implausible");
        QTest::newRow("no trades") << Mutator([](SymbolMetrics &m) { m.tradesPerMinute = 0; }) << false
                                   << QStringLiteral("no trades");
        QTest::newRow("two issues") << Mutator([](SymbolMetrics &m) {
            m.gaps = 1;
            m.duplicates = 3;
        }) << false << QStringLiteral("1 missing bars; 3 duplicate bars");
    }

    void dataHealth()
    {
        QFETCH(Mutator, mutate);
        QFETCH(bool, passed);
        QFETCH(QString, reasonPart);
        SymbolMetrics m = healthy();
        mutate(m);
        QList<FilterResult> results;
        ScanFilters::dataHealth(m, liquidityConfig(), results);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0].passed, passed);
        QVERIFY2(results[0].reason.contains(reasonPart), qPrintable(results[0].reason));
    }

    void scoreComponents_data()
    {
        QTest::addColumn<QString>("component");
        QTest::addColumn<double>("input1");
        QTest::addColumn<double>("input2");
        QTest::addColumn<double>("expected");
        QTest::newRow("vol_surge neutral") << QStringLiteral("vol_surge") << 1.5 << 1.5 << 0.0;
        QTest::newRow("vol_surge mixed") << QStringLiteral("vol_surge") << 2.0 << 3.0 << 0.9; // 0.6*2 + 0.4*3 - 1.5
        QTest::newRow("vol_surge clipped high") << QStringLiteral("vol_surge") << 10.0 << 10.0 << 3.0;
        QTest::newRow("vol_surge zero") << QStringLiteral("vol_surge") << 0.0 << 0.0 << -1.5;
        QTest::newRow("oi_delta") << QStringLiteral("oi_delta") << -0.025 << 0.0 << 0.5;
        QTest::newRow("oi_delta clipped") << QStringLiteral("oi_delta") << 0.5 << 0.0 << 3.0;
        QTest::newRow("atr_quality at 2.5 %") << QStringLiteral("atr_quality") << 0.025 << 0.0 << 1.0;
        QTest::newRow("atr_quality band edge 1.5 %") << QStringLiteral("atr_quality") << 0.015 << 0.0 << 0.5;
        QTest::newRow("atr_quality band edge 3.5 %") << QStringLiteral("atr_quality") << 0.035 << 0.0 << 0.5;
        QTest::newRow("atr_quality below 0.75 %") << QStringLiteral("atr_quality") << 0.0075 << 0.0 << 0.5;
        QTest::newRow("atr_quality far above") << QStringLiteral("atr_quality") << 0.08 << 0.0 << 0.0;
        QTest::newRow("atr_quality zero") << QStringLiteral("atr_quality") << 0.0 << 0.0 << 0.0;
        QTest::newRow("correlation 0") << QStringLiteral("correlation") << 0.0 << 0.0 << 1.0;
        QTest::newRow("correlation 0.3") << QStringLiteral("correlation") << 0.3 << 0.0 << 0.5;
        QTest::newRow("correlation 0.5") << QStringLiteral("correlation") << 0.5 << 0.0 << 1.0;
        QTest::newRow("correlation -1") << QStringLiteral("correlation") << -1.0 << 0.0 << -0.5;
        QTest::newRow("correlation 0.85") << QStringLiteral("correlation") << 0.85 << 0.0 << 0.25;
        QTest::newRow("tpm e^2 is neutral") << QStringLiteral("trades_per_minute") << std::exp(2.0) << 0.0 << 0.0;
        QTest::newRow("tpm 1") << QStringLiteral("trades_per_minute") << 1.0 << 0.0 << -2.0;
        QTest::newRow("tpm 0") << QStringLiteral("trades_per_minute") << 0.0 << 0.0 << -3.0;
        QTest::newRow("tpm huge clipped") << QStringLiteral("trades_per_minute") << 1e6 << 0.0 << 3.0;
        QTest::newRow("gainers clipped") << QStringLiteral("gainers_momentum") << 7.0 << 0.0 << 3.0;
        QTest::newRow("gainers") << QStringLiteral("gainers_momentum") << -1.25 << 0.0 << -1.25;
    }

    void scoreComponents()
    {
        QFETCH(QString, component);
        QFETCH(double, input1);
        QFETCH(double, input2);
        QFETCH(double, expected);
        double actual = 0;
        if (component == u"vol_surge")
            actual = ScoreModel::normVolSurge(input1, input2);
        else if (component == u"oi_delta")
            actual = ScoreModel::normOiDelta(input1);
        else if (component == u"atr_quality")
            actual = ScoreModel::atrQuality(input1);
        else if (component == u"correlation")
            actual = ScoreModel::normCorrelation(input1);
        else if (component == u"trades_per_minute")
            actual = ScoreModel::normTradesPerMinute(input1);
        else if (component == u"gainers_momentum")
            actual = ScoreModel::normGainersMomentum(input1);
        QVERIFY2(std::abs(actual - expected) < 1e-9, qPrintable(QString::number(actual, 'g', 12)));
    }

    void weightedScoreHasAtrQualityAndOnlyWeightedComponents()
    {
        SymbolMetrics m = healthy();
        m.atr15m = 0.025 * m.price; // perfect quality
        m.volumeSurge1h = 1.5;
        m.volumeSurge5m = 1.5;
        m.btcCorrelation = 0.5;
        m.tradesPerMinute = std::exp(2.0);
        ScoreWeights w{};
        w[std::size_t(ScoreComponent::VolSurge)] = 0.3;
        w[std::size_t(ScoreComponent::OiDelta)] = 0.15;
        w[std::size_t(ScoreComponent::AtrQuality)] = 0.2;
        w[std::size_t(ScoreComponent::Correlation)] = 0.15;
        w[std::size_t(ScoreComponent::TradesPerMinute)] = 0.2;
        const ScoreBreakdown b = ScoreModel::score(m, w);
        QCOMPARE(b.atrQuality, 1.0);
        // atr term: 0.2 * (1 - 0.5)/0.2 = 0.5 (the original was stuck at -0.5); corr term 0.15 * 1.
        QVERIFY(std::abs(*b.weighted[std::size_t(ScoreComponent::AtrQuality)] - 0.5) < 1e-12);
        QVERIFY(std::abs(*b.weighted[std::size_t(ScoreComponent::Correlation)] - 0.15) < 1e-12);
        QCOMPARE(*b.weighted[std::size_t(ScoreComponent::OiDelta)], 0.0);
        QVERIFY(!b.weighted[std::size_t(ScoreComponent::GainersMomentum)].has_value());
        QVERIFY(std::abs(b.total - 0.65) < 1e-12);
    }
};

QTEST_APPLESS_MAIN(TestScanFilters)
#include "tst_scanfilters.moc"
