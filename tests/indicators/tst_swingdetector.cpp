#include "SeriesSupport.h"
#include "indicators/Batch.h"
#include "indicators/SwingDetector.h"

#include <QTest>

#include <limits>

using namespace bw;

class TestSwingDetector : public QObject
{
    Q_OBJECT

private slots:
    void oneOneSwingsAreStrictAndConfirmedLater()
    {
        //                          0  1  2  3  4  5  6
        const std::vector<double> high{1, 3, 2, 4, 4, 1, 5};
        const std::vector<double> low{1, 2, 0.5, 3, 3, 0.2, 4};
        SwingDetector swings(1, 1);
        std::vector<int> confirmedHighAt;
        std::vector<int> confirmedLowAt;
        for (int i = 0; i < 7; ++i) {
            swings.update(1000 * i, high[i], low[i]);
            if (swings.confirmedSwingHigh())
                confirmedHighAt.push_back(i);
            if (swings.confirmedSwingLow())
                confirmedLowAt.push_back(i);
        }
        // Bar 1 (3 > 1 and 2) is the only swing high: the equal highs of bars 3 and 4 are not swings.
        QCOMPARE(confirmedHighAt, std::vector<int>{2});
        QCOMPARE(swings.swingHighs().size(), std::size_t(1));
        const Swing high1 = *swings.lastSwingHigh();
        QCOMPARE(high1.index, std::int64_t(1));
        QCOMPARE(high1.openTimeMs, std::int64_t(1000));
        QCOMPARE(high1.price, 3.0);
        QCOMPARE(swings.value(), 3.0);
        // Swing lows at bars 2 (0.5) and 5 (0.2), each confirmed one bar later.
        QCOMPARE(confirmedLowAt, (std::vector<int>{3, 6}));
        QCOMPARE(swings.swingLows()[0].index, std::int64_t(2));
        QCOMPARE(swings.swingLows()[1].price, 0.2);
        QCOMPARE(swings.lastSwingLow()->openTimeMs, std::int64_t(5000));
    }

    void streamingEqualsBatch_data()
    {
        QTest::addColumn<int>("left");
        QTest::addColumn<int>("right");
        QTest::newRow("2, 2") << 2 << 2;
        QTest::newRow("1, 1") << 1 << 1;
        QTest::newRow("3, 5") << 3 << 5;
        QTest::newRow("0, 2") << 0 << 2;
    }

    void streamingEqualsBatch()
    {
        QFETCH(int, left);
        QFETCH(int, right);
        test::Bars bars = test::randomBars(20000, 111, 3.0);
        for (std::size_t i = 5; i < bars.size(); i += 11)
            bars.high[i] = bars.high[i - 1]; // ties are not swings
        bars.low[777] = std::numeric_limits<double>::quiet_NaN();
        const int history = 100000;
        SwingDetector swings(left, right, history);
        std::vector<std::int64_t> barOfIndex; // accepted bar index -> position in the series
        for (std::size_t i = 0; i < bars.size(); ++i) {
            swings.update(bars.openTimeMs[i], bars.high[i], bars.low[i]);
            if (std::isfinite(bars.low[i]))
                barOfIndex.push_back(std::int64_t(i));
        }
        std::vector<double> highs(bars.size(), std::numeric_limits<double>::quiet_NaN());
        std::vector<double> lows(bars.size(), std::numeric_limits<double>::quiet_NaN());
        for (std::size_t k = 0; k < swings.swingHighs().size(); ++k) {
            const Swing &s = swings.swingHighs()[k];
            const std::size_t at = std::size_t(barOfIndex[std::size_t(s.index)]);
            QCOMPARE(s.openTimeMs, bars.openTimeMs[at]);
            highs[at] = s.price;
        }
        for (std::size_t k = 0; k < swings.swingLows().size(); ++k) {
            const Swing &s = swings.swingLows()[k];
            lows[std::size_t(barOfIndex[std::size_t(s.index)])] = s.price;
        }
        const batch::SwingSeries reference = batch::swings(bars.high, bars.low, left, right);
        QVERIFY(test::countNaN(reference.highs) < bars.size() - 1000); // plenty of swings to compare
        QString mismatch = test::firstMismatch(highs, reference.highs, 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(QLatin1String("highs: ") + mismatch));
        mismatch = test::firstMismatch(lows, reference.lows, 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(QLatin1String("lows: ") + mismatch));
    }

    void historyIsBounded()
    {
        SwingDetector swings(1, 1, 4);
        for (int i = 0; i < 100; ++i)
            swings.update(i, i % 2 == 0 ? 2.0 : 1.0, i % 2 == 0 ? 1.0 : 0.5); // a swing every other bar
        QCOMPARE(swings.swingHighs().size(), std::size_t(4));
        QCOMPARE(swings.swingHighs().back().index, std::int64_t(98));
        QVERIFY(swings.isReady());
        swings.reset();
        QVERIFY(!swings.isReady());
        QVERIFY(!swings.lastSwingHigh().has_value());
        QVERIFY(std::isnan(swings.value()));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SwingDetector(-1, 2));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SwingDetector(2, 2, 0));
    }
};

QTEST_APPLESS_MAIN(TestSwingDetector)
#include "tst_swingdetector.moc"
