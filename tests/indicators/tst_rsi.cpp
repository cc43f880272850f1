#include "SeriesSupport.h"
#include "indicators/Batch.h"
#include "indicators/Rsi.h"

#include <QTest>

#include <limits>

using namespace bw;

class TestRsi : public QObject
{
    Q_OBJECT

private slots:
    // The 33 closes of the classic 14-period RSI worksheet (StockCharts "cs-rsi"), with Wilder's
    // smoothing in exact arithmetic. The first value comes with the 15th close (index 14).
    void textbookSeries()
    {
        const std::vector<double> closes{44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08, 45.89,
                                         46.03, 45.61, 46.28, 46.28, 46.00, 46.03, 46.41, 46.22, 45.64, 46.21, 46.25,
                                         45.71, 46.45, 45.78, 45.35, 44.03, 44.18, 44.22, 44.57, 43.42, 42.66, 43.13};
        const std::vector<double> expected{70.46, 66.25, 66.48, 69.35, 66.29, 57.92, 62.88, 63.21, 56.01, 62.34,
                                           54.67, 50.39, 40.02, 41.49, 41.90, 45.50, 37.32, 33.09, 37.79};
        Rsi rsi(14);
        for (std::size_t i = 0; i < closes.size(); ++i) {
            rsi.update(closes[i]);
            if (i < 14) {
                QVERIFY2(!rsi.isReady(), qPrintable(QStringLiteral("ready too early at %1").arg(i)));
                QVERIFY(std::isnan(rsi.value()));
                continue;
            }
            QVERIFY(rsi.isReady());
            const double want = expected[i - 14];
            QVERIFY2(std::abs(rsi.value() - want) < 0.005,
                     qPrintable(QStringLiteral("index %1: %2, expected %3").arg(i).arg(rsi.value()).arg(want)));
        }
        // First averages are the plain means of the first 14 gains and losses.
        Rsi first(14);
        for (std::size_t i = 0; i <= 14; ++i)
            first.update(closes[i]);
        double gains = 0.0;
        double losses = 0.0;
        for (std::size_t i = 1; i <= 14; ++i) {
            const double change = closes[i] - closes[i - 1];
            (change > 0 ? gains : losses) += std::abs(change);
        }
        QCOMPARE(first.averageGain(), gains / 14.0);
        QCOMPARE(first.averageLoss(), losses / 14.0);
    }

    void oneSidedAndFlatWindows()
    {
        Rsi up(3);
        Rsi down(3);
        Rsi flat(3);
        for (int i = 0; i < 10; ++i) {
            up.update(10 + i);
            down.update(10 - i);
            flat.update(10);
        }
        QCOMPARE(up.value(), 100.0);
        QCOMPARE(down.value(), 0.0);
        QCOMPARE(flat.value(), 50.0);
    }

    void streamingEqualsBatchBitExact_data()
    {
        QTest::addColumn<int>("period");
        QTest::newRow("period 14") << 14;
        QTest::newRow("period 2") << 2;
        QTest::newRow("period 1") << 1;
    }

    void streamingEqualsBatchBitExact()
    {
        QFETCH(int, period);
        const test::Bars bars = test::randomBars(20000, 51, 7.5);
        Rsi rsi(period);
        std::vector<double> streaming;
        for (double c : bars.close) {
            rsi.update(c);
            streaming.push_back(rsi.value());
        }
        const std::vector<double> reference = batch::rsi(bars.close, period);
        QCOMPARE(test::countNaN(reference), std::size_t(period));
        const QString mismatch = test::firstMismatch(streaming, reference, 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void nonFiniteCloseIsIgnored()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const std::vector<double> closes{1, 2, nan, 1, 3, nan, 2};
        Rsi rsi(2);
        std::vector<double> streaming;
        for (double c : closes) {
            rsi.update(c);
            streaming.push_back(rsi.value());
        }
        QCOMPARE(streaming[3], 50.0); // changes +1, -1
        const QString mismatch = test::firstMismatch(streaming, batch::rsi(closes, 2), 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        rsi.reset();
        QVERIFY(!rsi.isReady());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Rsi(0));
    }
};

QTEST_APPLESS_MAIN(TestRsi)
#include "tst_rsi.moc"
