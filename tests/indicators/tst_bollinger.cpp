#include "SeriesSupport.h"
#include "indicators/Batch.h"
#include "indicators/Bollinger.h"

#include <QTest>

#include <limits>
#include <random>

using namespace bw;

namespace {

// Population variance of the window ending at `end` (exclusive), two passes in long double.
long double referenceVariance(const std::vector<double> &window)
{
    long double sum = 0.0L;
    for (double x : window)
        sum += x;
    const long double mean = sum / static_cast<long double>(window.size());
    long double squares = 0.0L;
    for (double x : window)
        squares += (x - mean) * (x - mean);
    return squares / static_cast<long double>(window.size());
}

} // namespace

class TestBollinger : public QObject
{
    Q_OBJECT

private slots:
    void handMadeWindow()
    {
        Bollinger bands(3, 2.0);
        bands.update(1);
        bands.update(2);
        QVERIFY(!bands.isReady());
        QVERIFY(std::isnan(bands.middle()));
        QVERIFY(std::isnan(bands.bandWidthPct()));
        bands.update(3);
        const double sd = std::sqrt(2.0 / 3.0); // population deviation of 1, 2, 3
        QCOMPARE(bands.middle(), 2.0);
        QCOMPARE(bands.value(), 2.0);
        QCOMPARE(bands.stdDev(), sd);
        QCOMPARE(bands.upper(), 2.0 + 2.0 * sd);
        QCOMPARE(bands.lower(), 2.0 - 2.0 * sd);
        QCOMPARE(bands.bandWidthPct(), 4.0 * sd / 2.0 * 100.0);
    }

    void constantSeriesHasZeroWidth()
    {
        Bollinger bands(20);
        for (int i = 0; i < 1000; ++i) {
            bands.update(0.1);
            if (bands.isReady()) {
                QCOMPARE(bands.variance(), 0.0);
                QCOMPARE(bands.bandWidthPct(), 0.0);
            }
        }
    }

    void streamingEqualsBatch_data()
    {
        QTest::addColumn<double>("startPrice");
        QTest::addColumn<double>("volatility");
        QTest::addColumn<int>("period");
        QTest::newRow("price 100") << 100.0 << 0.004 << 20;
        QTest::newRow("price 100000") << 100000.0 << 0.004 << 20;
        QTest::newRow("quiet stablecoin") << 1.0 << 0.00002 << 20;
        QTest::newRow("penny, period 5") << 0.0001 << 0.01 << 5;
        QTest::newRow("period 200") << 60.0 << 0.004 << 200;
    }

    void streamingEqualsBatch()
    {
        QFETCH(double, startPrice);
        QFETCH(double, volatility);
        QFETCH(int, period);
        const test::Bars bars = test::randomBars(50000, 31, startPrice, volatility);
        Bollinger bands(period, 2.0);
        std::vector<double> middle, upper, lower, variance, width;
        for (double c : bars.close) {
            bands.update(c);
            middle.push_back(bands.middle());
            upper.push_back(bands.upper());
            lower.push_back(bands.lower());
            variance.push_back(bands.variance());
            width.push_back(bands.bandWidthPct());
        }
        const batch::BollingerSeries reference = batch::bollinger(bars.close, period, 2.0);
        QCOMPARE(test::countNaN(reference.middle), std::size_t(period - 1));
        for (const auto &[name, streaming, expected] :
             {std::tuple{"middle", &middle, &reference.middle}, std::tuple{"upper", &upper, &reference.upper},
              std::tuple{"lower", &lower, &reference.lower}, std::tuple{"variance", &variance, &reference.variance},
              std::tuple{"bandWidthPct", &width, &reference.bandWidthPct}}) {
            const QString mismatch = test::firstMismatch(*streaming, *expected, 1e-12);
            QVERIFY2(mismatch.isEmpty(), qPrintable(QLatin1String(name) + QLatin1String(": ") + mismatch));
        }
    }

    // A million updates: the variance stays within 1e-9 relative of a long-double two-pass reference
    // and never goes negative, at a high price level and for a stablecoin.
    void varianceStaysAccurateOverLongRuns_data()
    {
        QTest::addColumn<double>("level");
        QTest::addColumn<double>("noise");
        QTest::addColumn<double>("drift");
        QTest::newRow("100,000 with 1e-3 noise") << 100000.0 << 1e-3 << 0.0;
        QTest::newRow("stablecoin 1.0 with 1e-5 noise") << 1.0 << 1e-5 << 0.0;
        QTest::newRow("100,000 trending, 1e-3 noise") << 100000.0 << 1e-3 << 2e-4;
    }

    void varianceStaysAccurateOverLongRuns()
    {
        QFETCH(double, level);
        QFETCH(double, noise);
        QFETCH(double, drift);
        constexpr int period = 20;
        constexpr int updates = 1'000'000;
        std::mt19937_64 rng(7);
        std::uniform_real_distribution<double> uniform(-1.0, 1.0);
        Bollinger bands(period);
        std::vector<double> window(period);
        double worst = 0.0;
        for (int i = 0; i < updates; ++i) {
            const double price = level + drift * i + noise * uniform(rng);
            window[static_cast<std::size_t>(i % period)] = price;
            bands.update(price);
            if (!bands.isReady())
                continue;
            const double variance = bands.variance();
            QVERIFY2(variance >= 0.0, qPrintable(QStringLiteral("negative variance at update %1").arg(i)));
            const long double expected = referenceVariance(window);
            const double relative = static_cast<double>(std::abs(variance - expected) / expected);
            worst = std::max(worst, relative);
            if (relative > 1e-9)
                QFAIL(qPrintable(QStringLiteral("update %1: variance %2, reference %3")
                                     .arg(i)
                                     .arg(variance, 0, 'g', 17)
                                     .arg(static_cast<double>(expected), 0, 'g', 17)));
        }
        qInfo("worst relative error of the variance: %.3g", worst);
    }

    void nonFiniteInputIsIgnored()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const std::vector<double> values{1, 2, nan, 3, 4};
        Bollinger bands(3);
        std::vector<double> streaming;
        for (double v : values) {
            bands.update(v);
            streaming.push_back(bands.upper());
        }
        const QString mismatch = test::firstMismatch(streaming, batch::bollinger(values, 3).upper, 1e-12);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QVERIFY(!std::isnan(streaming[3]));
    }

    void badParameters()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Bollinger(0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Bollinger(20, -1.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Bollinger(20, std::numeric_limits<double>::quiet_NaN()));
    }
};

QTEST_APPLESS_MAIN(TestBollinger)
#include "tst_bollinger.moc"
