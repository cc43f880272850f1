#include "SeriesSupport.h"
#include "indicators/Atr.h"
#include "indicators/Batch.h"

#include <QTest>

#include <limits>

using namespace bw;

class TestAtr : public QObject
{
    Q_OBJECT

private slots:
    void trueRangeUsesThePreviousClose()
    {
        // Bar 0: no previous close, TR = 10 - 8 = 2.
        // Bar 1 gaps up: max(12 - 9.5, |12 - 9|, |9.5 - 9|) = 3.
        // Bar 2 gaps down: max(0.5, |10.5 - 11|, |10 - 11|) = 1.
        const std::vector<double> high{10, 12, 10.5, 11};
        const std::vector<double> low{8, 9.5, 10, 10};
        const std::vector<double> close{9, 11, 10.2, 10.5};
        const std::vector<double> tr = batch::trueRange(high, low, close);
        QCOMPARE(tr[0], 2.0);
        QCOMPARE(tr[1], 3.0);
        QCOMPARE(tr[2], 1.0);
        QCOMPARE(tr[3], 1.0);

        Atr wilder(3, AtrSmoothing::Wilder);
        Atr ema(3, AtrSmoothing::Ema);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(!wilder.isReady());
            wilder.update(high[i], low[i], close[i]);
            ema.update(high[i], low[i], close[i]);
            QCOMPARE(wilder.trueRange(), tr[i]);
        }
        QCOMPARE(wilder.value(), 2.0); // mean(2, 3, 1)
        QCOMPARE(ema.value(), 1.75);   // alpha 0.5 from 2: 2.5, then 1.75
        wilder.update(high[3], low[3], close[3]);
        ema.update(high[3], low[3], close[3]);
        QCOMPARE(wilder.value(), 5.0 / 3.0); // (2 x 2 + 1) / 3
        QCOMPARE(ema.value(), 1.375);
    }

    void streamingEqualsBatchBitExact_data()
    {
        QTest::addColumn<int>("period");
        QTest::addColumn<AtrSmoothing>("smoothing");
        QTest::newRow("wilder 14") << 14 << AtrSmoothing::Wilder;
        QTest::newRow("ema 14") << 14 << AtrSmoothing::Ema;
        QTest::newRow("wilder 1") << 1 << AtrSmoothing::Wilder;
        QTest::newRow("ema 1") << 1 << AtrSmoothing::Ema;
        QTest::newRow("wilder 100") << 100 << AtrSmoothing::Wilder;
    }

    void streamingEqualsBatchBitExact()
    {
        QFETCH(int, period);
        QFETCH(AtrSmoothing, smoothing);
        const test::Bars bars = test::randomBars(20000, 21, 3000.0);
        Atr atr(period, smoothing);
        std::vector<double> streaming;
        for (std::size_t i = 0; i < bars.size(); ++i) {
            atr.update(bars.high[i], bars.low[i], bars.close[i]);
            streaming.push_back(atr.value());
        }
        const std::vector<double> reference = batch::atr(bars.high, bars.low, bars.close, period, smoothing);
        QCOMPARE(test::countNaN(reference), std::size_t(period - 1));
        const QString mismatch = test::firstMismatch(streaming, reference, 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void emaReactsFasterThanWilder()
    {
        Atr wilder(14, AtrSmoothing::Wilder);
        Atr ema(14, AtrSmoothing::Ema);
        for (int i = 0; i < 100; ++i) {
            wilder.update(101, 100, 100.5);
            ema.update(101, 100, 100.5);
        }
        QCOMPARE(wilder.value(), 1.0);
        QCOMPARE(ema.value(), 1.0);
        wilder.update(105, 100, 104); // a true range of 5
        ema.update(105, 100, 104);
        QCOMPARE(wilder.value(), 1.0 + 4.0 / 14.0);
        QCOMPARE(ema.value(), 1.0 + 4.0 * 2.0 / 15.0);
        QVERIFY(ema.value() > wilder.value());
    }

    void badBarIsIgnored()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const std::vector<double> high{10, nan, 12, 10.5};
        const std::vector<double> low{8, 9, 9.5, 10};
        const std::vector<double> close{9, 9, 11, 10.2};
        Atr atr(3);
        std::vector<double> streaming;
        for (std::size_t i = 0; i < high.size(); ++i) {
            atr.update(high[i], low[i], close[i]);
            streaming.push_back(atr.value());
        }
        QCOMPARE(streaming[3], 2.0); // as if the NaN bar never existed
        const QString mismatch = test::firstMismatch(streaming, batch::atr(high, low, close, 3), 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void resetAndBadPeriod()
    {
        Atr atr(1);
        atr.update(2, 1, 1.5);
        QCOMPARE(atr.value(), 1.0);
        atr.reset();
        QVERIFY(std::isnan(atr.value()));
        QVERIFY(std::isnan(atr.trueRange()));
        atr.update(5, 1, 2);
        QCOMPARE(atr.value(), 4.0); // no stale previous close after a reset
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Atr(0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, batch::atr(std::vector<double>{1, 2}, std::vector<double>{1},
                                                                   std::vector<double>{1, 2}));
    }
};

QTEST_APPLESS_MAIN(TestAtr)
#include "tst_atr.moc"
