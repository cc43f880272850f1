#include "SeriesSupport.h"
#include "indicators/Batch.h"
#include "indicators/Donchian.h"

#include <QTest>

#include <limits>

using namespace bw;

class TestDonchian : public QObject
{
    Q_OBJECT

private slots:
    void highestHighAndLowestLow()
    {
        const std::vector<double> high{1, 3, 2, 5, 4, 1, 1};
        const std::vector<double> low{0.5, 2, 1, 4, 3, 0.8, 0.9};
        Donchian channel(3);
        std::vector<double> upper;
        std::vector<double> lower;
        for (std::size_t i = 0; i < high.size(); ++i) {
            channel.update(high[i], low[i]);
            upper.push_back(channel.upper());
            lower.push_back(channel.lower());
        }
        QVERIFY(std::isnan(upper[1]));
        QCOMPARE(upper[2], 3.0);
        QCOMPARE(lower[2], 0.5);
        QCOMPARE(upper[3], 5.0);
        QCOMPARE(lower[3], 1.0);
        QCOMPARE(upper[5], 5.0);
        QCOMPARE(upper[6], 4.0); // the 5 left the window
        QCOMPARE(lower[6], 0.8);
        QCOMPARE(channel.middle(), (4.0 + 0.8) / 2.0);
        QCOMPARE(channel.upperIndex(), std::int64_t(4));
        QCOMPARE(channel.lowerIndex(), std::int64_t(5));
    }

    void streamingEqualsBatch_data()
    {
        QTest::addColumn<int>("period");
        QTest::newRow("period 20") << 20;
        QTest::newRow("period 1") << 1;
        QTest::newRow("period 55") << 55;
    }

    void streamingEqualsBatch()
    {
        QFETCH(int, period);
        test::Bars bars = test::randomBars(20000, 101, 12.0);
        for (std::size_t i = 0; i < bars.size(); i += 7)
            bars.high[i] = bars.high[i - (i > 0)]; // repeated highs exercise ties in the deque
        Donchian channel(period);
        std::vector<double> upper, lower, middle;
        for (std::size_t i = 0; i < bars.size(); ++i) {
            channel.update(bars.high[i], bars.low[i]);
            upper.push_back(channel.upper());
            lower.push_back(channel.lower());
            middle.push_back(channel.value());
        }
        const batch::DonchianSeries reference = batch::donchian(bars.high, bars.low, period);
        QCOMPARE(test::countNaN(reference.upper), std::size_t(period - 1));
        QString mismatch = test::firstMismatch(upper, reference.upper, 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        mismatch = test::firstMismatch(lower, reference.lower, 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        mismatch = test::firstMismatch(middle, reference.middle, 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void badBarIsIgnoredAndResetWorks()
    {
        Donchian channel(2);
        channel.update(5, 1);
        channel.update(std::numeric_limits<double>::quiet_NaN(), 0);
        QVERIFY(!channel.isReady());
        channel.update(3, 2);
        QCOMPARE(channel.upper(), 5.0);
        QCOMPARE(channel.barCount(), std::int64_t(2));
        channel.reset();
        QVERIFY(!channel.isReady());
        QVERIFY(std::isnan(channel.value()));
        channel.update(7, 6);
        channel.update(8, 5);
        QCOMPARE(channel.upper(), 8.0);
        QCOMPARE(channel.lower(), 5.0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Donchian(0));
    }
};

QTEST_APPLESS_MAIN(TestDonchian)
#include "tst_donchian.moc"
