#include "SeriesSupport.h"
#include "indicators/BandWidthPercentile.h"
#include "indicators/Batch.h"
#include "indicators/Bollinger.h"

#include <QTest>

using namespace bw;

class TestBandWidthPercentile : public QObject
{
    Q_OBJECT

private slots:
    void ranksTheNewestWidth()
    {
        BandWidthPercentile rank(5);
        for (double w : {1.0, 2.0, 3.0, 4.0}) {
            rank.update(w);
            QVERIFY(!rank.isReady());
            QVERIFY(std::isnan(rank.value()));
        }
        rank.update(5.0);
        QCOMPARE(rank.value(), 100.0); // the widest of 1..5
        rank.update(0.5);
        QCOMPARE(rank.value(), 0.0); // the narrowest of 2, 3, 4, 5, 0.5
        rank.update(3.0);
        // Among 3, 4, 5, 0.5 (the others): one below, one equal -> (1 + 0.5) / 4.
        QCOMPARE(rank.value(), 37.5);
    }

    void streamingEqualsBatchOnRealBandWidths()
    {
        const test::Bars bars = test::randomBars(20000, 41, 850.0);
        Bollinger bands(20);
        BandWidthPercentile rank(100);
        std::vector<double> widths;
        std::vector<double> streaming;
        for (double c : bars.close) {
            bands.update(c);
            widths.push_back(bands.bandWidthPct());
            rank.update(bands.bandWidthPct()); // NaN during the warm-up of the bands is ignored
            streaming.push_back(rank.value());
            if (rank.isReady())
                QVERIFY(rank.value() >= 0.0 && rank.value() <= 100.0);
        }
        const std::vector<double> reference = batch::bandWidthPercentile(widths, 100);
        QCOMPARE(test::countNaN(reference), std::size_t(19 + 99));
        const QString mismatch = test::firstMismatch(streaming, reference, 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void equalWidthsSitInTheMiddle()
    {
        BandWidthPercentile rank(10);
        for (int i = 0; i < 30; ++i)
            rank.update(2.5);
        QCOMPARE(rank.value(), 50.0);
        rank.reset();
        QVERIFY(!rank.isReady());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, BandWidthPercentile(1));
    }
};

QTEST_APPLESS_MAIN(TestBandWidthPercentile)
#include "tst_bandwidthpercentile.moc"
