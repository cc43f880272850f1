#include "SeriesSupport.h"
#include "indicators/Batch.h"
#include "indicators/Ema.h"

#include <QTest>

#include <limits>

using namespace bw;

class TestEma : public QObject
{
    Q_OBJECT

private slots:
    void seededWithTheSimpleMean()
    {
        // alpha = 2 / (3 + 1) = 0.5; seed = mean(2, 4, 6) = 4.
        Ema ema(3);
        QCOMPARE(ema.alpha(), 0.5);
        ema.update(2);
        ema.update(4);
        QVERIFY(!ema.isReady());
        QVERIFY(std::isnan(ema.value()));
        ema.update(6);
        QVERIFY(ema.isReady());
        QCOMPARE(ema.value(), 4.0);
        ema.update(8);
        QCOMPARE(ema.value(), 6.0);
        ema.update(4);
        QCOMPARE(ema.value(), 5.0);
    }

    void streamingEqualsBatchBitExact_data()
    {
        QTest::addColumn<int>("period");
        QTest::newRow("period 1") << 1;
        QTest::newRow("period 9") << 9;
        QTest::newRow("period 200") << 200;
    }

    void streamingEqualsBatchBitExact()
    {
        QFETCH(int, period);
        const test::Bars bars = test::randomBars(20000, 12, 25000.0);
        Ema ema(period);
        std::vector<double> streaming;
        for (double c : bars.close) {
            ema.update(c);
            streaming.push_back(ema.value());
        }
        const QString mismatch = test::firstMismatch(streaming, batch::ema(bars.close, period), 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void nonFiniteInputKeepsTheValue()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const std::vector<double> values{2, 4, 6, nan, 8, nan};
        Ema ema(3);
        std::vector<double> streaming;
        for (double v : values) {
            ema.update(v);
            streaming.push_back(ema.value());
        }
        QCOMPARE(streaming[3], 4.0);
        QCOMPARE(streaming[4], 6.0);
        QCOMPARE(streaming[5], 6.0);
        const QString mismatch = test::firstMismatch(streaming, batch::ema(values, 3), 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void resetAndBadPeriod()
    {
        Ema ema(2);
        ema.update(1);
        ema.update(3);
        QVERIFY(ema.isReady());
        ema.reset();
        QVERIFY(!ema.isReady());
        QVERIFY(std::isnan(ema.value()));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Ema(0));
    }
};

QTEST_APPLESS_MAIN(TestEma)
#include "tst_ema.moc"
