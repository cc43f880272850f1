#include "SeriesSupport.h"
#include "indicators/Batch.h"
#include "indicators/RollingCorrelation.h"

#include <QTest>

#include <limits>
#include <random>

using namespace bw;

namespace {

struct Pair {
    std::vector<double> series;
    std::vector<double> reference;
};

// Reference returns with clustered volatility; series = beta x reference + idiosyncratic noise.
Pair correlatedReturns(std::size_t n, double beta, double noise, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> gauss(0.0, 1.0);
    Pair out;
    double vol = 0.003;
    for (std::size_t i = 0; i < n; ++i) {
        vol = std::clamp(vol * std::exp(0.1 * gauss(rng)), 0.001, 0.01);
        const double r = vol * gauss(rng);
        out.reference.push_back(r);
        out.series.push_back(beta * r + noise * gauss(rng));
    }
    return out;
}

} // namespace

class TestRollingCorrelation : public QObject
{
    Q_OBJECT

private slots:
    void exactRelations()
    {
        const Pair base = correlatedReturns(300, 0.0, 0.0, 1);
        RollingCorrelation doubled(50);
        RollingCorrelation inverse(50);
        for (std::size_t i = 0; i < base.reference.size(); ++i) {
            doubled.update(2.0 * base.reference[i], base.reference[i]);
            inverse.update(-base.reference[i], base.reference[i]);
        }
        QVERIFY(std::abs(doubled.correlation() - 1.0) < 1e-12);
        QVERIFY(std::abs(doubled.beta() - 2.0) < 1e-12);
        QVERIFY(std::abs(inverse.correlation() + 1.0) < 1e-12);
        QVERIFY(std::abs(inverse.beta() + 1.0) < 1e-12);
    }

    void pricesGiveLogReturns()
    {
        // A series that is the square of the reference price has exactly twice its log returns.
        RollingCorrelation correlation(20);
        std::mt19937_64 rng(2);
        std::normal_distribution<double> gauss(0.0, 0.01);
        double reference = 30000.0;
        for (int i = 0; i < 20; ++i) {
            correlation.updatePrices(reference * reference / 1e4, reference);
            reference *= std::exp(gauss(rng));
        }
        QVERIFY(!correlation.isReady()); // 20 prices are 19 returns
        correlation.updatePrices(reference * reference / 1e4, reference);
        QVERIFY(correlation.isReady());
        QVERIFY(std::abs(correlation.beta() - 2.0) < 1e-9);
        QVERIFY(std::abs(correlation.value() - 1.0) < 1e-9);
    }

    // The original correlated price levels: two independent trending walks then look strongly
    // correlated. Returns do not.
    void independentTrendsAreNotCorrelated()
    {
        std::mt19937_64 rng(3);
        std::normal_distribution<double> gauss(0.0, 0.002);
        double a = 100.0;
        double b = 50.0;
        std::vector<double> pa;
        std::vector<double> pb;
        RollingCorrelation returns(100);
        for (int i = 0; i < 101; ++i) {
            a *= std::exp(0.003 + gauss(rng));
            b *= std::exp(0.003 + gauss(rng));
            pa.push_back(a);
            pb.push_back(b);
            returns.updatePrices(a, b);
        }
        const double levels = batch::rollingCorrelation(pa, pb, 100).correlation.back();
        QVERIFY2(levels > 0.9, qPrintable(QString::number(levels)));
        QVERIFY2(std::abs(returns.value()) < 0.3, qPrintable(QString::number(returns.value())));
    }

    void streamingEqualsBatch_data()
    {
        QTest::addColumn<double>("beta");
        QTest::addColumn<double>("noise");
        QTest::addColumn<int>("window");
        QTest::newRow("beta 0.8, window 100") << 0.8 << 0.002 << 100;
        QTest::newRow("beta 1.5, window 20") << 1.5 << 0.004 << 20;
        QTest::newRow("independent, window 100") << 0.0 << 0.003 << 100;
        QTest::newRow("window 5") << -0.5 << 0.001 << 5;
    }

    void streamingEqualsBatch()
    {
        QFETCH(double, beta);
        QFETCH(double, noise);
        QFETCH(int, window);
        const Pair returns = correlatedReturns(100000, beta, noise, 91);
        RollingCorrelation correlation(window);
        std::vector<double> corr;
        std::vector<double> betas;
        for (std::size_t i = 0; i < returns.series.size(); ++i) {
            correlation.update(returns.series[i], returns.reference[i]);
            corr.push_back(correlation.correlation());
            betas.push_back(correlation.beta());
        }
        const batch::CorrelationSeries reference = batch::rollingCorrelation(returns.series, returns.reference, window);
        QCOMPARE(test::countNaN(reference.correlation), std::size_t(window - 1));
        // Correlation and beta are O(1) quantities that cross zero: compare with an absolute floor.
        QString mismatch = test::firstMismatch(corr, reference.correlation, 1e-12, 1.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(QLatin1String("correlation: ") + mismatch));
        mismatch = test::firstMismatch(betas, reference.beta, 1e-12, 1.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(QLatin1String("beta: ") + mismatch));
    }

    void streamingPricesEqualBatchOverLogReturns()
    {
        const test::Bars symbol = test::randomBars(5000, 92, 0.35);
        const test::Bars btc = test::randomBars(5000, 93, 65000.0);
        std::vector<double> series = symbol.close;
        series[1000] = std::numeric_limits<double>::quiet_NaN(); // a missing close
        series[2000] = -1.0;                                     // and a broken one
        RollingCorrelation correlation(100);
        std::vector<double> streaming;
        for (std::size_t i = 0; i < series.size(); ++i) {
            correlation.updatePrices(series[i], btc.close[i]);
            streaming.push_back(correlation.value());
        }
        // Mirror of updatePrices: drop the bars with a bad price from both series, then take returns.
        std::vector<double> cleanSeries;
        std::vector<double> cleanReference;
        std::vector<std::size_t> kept;
        for (std::size_t i = 0; i < series.size(); ++i) {
            if (std::isfinite(series[i]) && series[i] > 0.0) {
                cleanSeries.push_back(series[i]);
                cleanReference.push_back(btc.close[i]);
                kept.push_back(i);
            }
        }
        const std::vector<double> reference =
            batch::rollingCorrelation(batch::logReturns(cleanSeries), batch::logReturns(cleanReference), 100)
                .correlation;
        for (std::size_t k = 0; k < kept.size(); ++k) {
            const double a = streaming[kept[k]];
            const double b = reference[k];
            QVERIFY2((std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= 1e-12,
                     qPrintable(QStringLiteral("bar %1: %2 vs %3").arg(kept[k]).arg(a).arg(b)));
        }
        QCOMPARE(streaming[1000], streaming[999]);
    }

    void flatReferenceHasNoValue()
    {
        RollingCorrelation correlation(5);
        for (int i = 0; i < 10; ++i)
            correlation.update(0.001 * i, 0.0);
        QVERIFY(correlation.isReady());
        QVERIFY(std::isnan(correlation.value()));
        QVERIFY(std::isnan(correlation.beta()));
        correlation.reset();
        QVERIFY(!correlation.isReady());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, RollingCorrelation(1));
    }
};

QTEST_APPLESS_MAIN(TestRollingCorrelation)
#include "tst_rollingcorrelation.moc"
