#include "SeriesSupport.h"
#include "indicators/Batch.h"
#include "indicators/Sma.h"

#include <QTest>

#include <limits>

using namespace bw;

class TestSma : public QObject
{
    Q_OBJECT

private slots:
    void periodThreeOnOneToTen()
    {
        Sma sma(3);
        std::vector<double> out;
        for (int i = 1; i <= 10; ++i) {
            sma.update(i);
            out.push_back(sma.value());
        }
        QVERIFY(std::isnan(out[0]));
        QVERIFY(std::isnan(out[1]));
        for (int i = 2; i < 10; ++i)
            QCOMPARE(out[i], double(i)); // mean of i-1, i, i+1 (1-based values)
        QVERIFY(sma.isReady());
        QCOMPARE(sma.period(), 3);
    }

    void streamingEqualsBatch_data()
    {
        QTest::addColumn<double>("startPrice");
        QTest::addColumn<int>("period");
        QTest::newRow("price 100, period 20") << 100.0 << 20;
        QTest::newRow("price 100000, period 50") << 100000.0 << 50;
        QTest::newRow("price 0.0001, period 7") << 0.0001 << 7;
        QTest::newRow("period 1") << 42.0 << 1;
    }

    void streamingEqualsBatch()
    {
        QFETCH(double, startPrice);
        QFETCH(int, period);
        const test::Bars bars = test::randomBars(20000, 11, startPrice);
        Sma sma(period);
        std::vector<double> streaming;
        for (double c : bars.close) {
            sma.update(c);
            streaming.push_back(sma.value());
        }
        const std::vector<double> reference = batch::sma(bars.close, period);
        QCOMPARE(test::countNaN(reference), std::size_t(period - 1));
        const QString mismatch = test::firstMismatch(streaming, reference, 1e-12);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void nonFiniteInputIsIgnored()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        const std::vector<double> values{1, 2, nan, 3, inf, 4, 5};
        Sma sma(3);
        std::vector<double> streaming;
        for (double v : values) {
            sma.update(v);
            streaming.push_back(sma.value());
        }
        // The window skips the bad inputs: mean(1,2,3) = 2 at index 3, and index 4 repeats it.
        QCOMPARE(streaming[3], 2.0);
        QCOMPARE(streaming[4], 2.0);
        QCOMPARE(streaming[5], 3.0);
        QCOMPARE(streaming[6], 4.0);
        const QString mismatch = test::firstMismatch(streaming, batch::sma(values, 3), 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void resetStartsOver()
    {
        Sma sma(2);
        sma.update(10);
        sma.update(20);
        QCOMPARE(sma.value(), 15.0);
        sma.reset();
        QVERIFY(!sma.isReady());
        QVERIFY(std::isnan(sma.value()));
        sma.update(1);
        sma.update(3);
        QCOMPARE(sma.value(), 2.0);
    }

    void invalidPeriodIsNamed()
    {
        try {
            Sma sma(0);
            QFAIL("a period of 0 was accepted");
        } catch (const std::invalid_argument &e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(QLatin1String("Sma")) && message.contains(QLatin1String("period")),
                     qPrintable(message));
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, batch::sma(std::vector<double>{1.0}, -3));
    }
};

QTEST_APPLESS_MAIN(TestSma)
#include "tst_sma.moc"
