// VolumeSurge (last bar against the median of the bars before it) and VolumeMedianRatio (median of
// recent bars against the median of the bars before them): the scanner's two volume surge ratios.

#include "SeriesSupport.h"
#include "indicators/Batch.h"
#include "indicators/VolumeMedianRatio.h"
#include "indicators/VolumeSurge.h"

#include <QTest>

#include <limits>

using namespace bw;

class TestVolumeSurge : public QObject
{
    Q_OBJECT

private slots:
    void lastBarAgainstThePreviousMedian()
    {
        VolumeSurge surge(3);
        for (double v : {1.0, 2.0, 3.0}) {
            surge.update(v);
            QVERIFY(!surge.isReady());
            QVERIFY(std::isnan(surge.value()));
        }
        surge.update(6.0); // median(1, 2, 3) = 2
        QVERIFY(surge.isReady());
        QCOMPARE(surge.value(), 3.0);
        QCOMPARE(surge.baselineMedian(), 2.0);
        surge.update(1.5); // median(2, 3, 6) = 3
        QCOMPARE(surge.value(), 0.5);
    }

    void zeroMedianHasNoRatio()
    {
        VolumeSurge surge(3);
        for (double v : {0.0, 0.0, 5.0, 7.0})
            surge.update(v);
        QVERIFY(surge.isReady());
        QVERIFY(std::isnan(surge.value())); // median(0, 0, 5) = 0
        surge.update(10.0);                 // median(0, 5, 7) = 5
        QCOMPARE(surge.value(), 2.0);
    }

    void recentMedianAgainstBaseMedian()
    {
        VolumeMedianRatio ratio(2, 2);
        for (double v : {1.0, 3.0, 4.0}) {
            ratio.update(v);
            QVERIFY(!ratio.isReady());
        }
        ratio.update(8.0); // base 1, 3 -> 2; recent 4, 8 -> 6
        QVERIFY(ratio.isReady());
        QCOMPARE(ratio.baseMedian(), 2.0);
        QCOMPARE(ratio.recentMedian(), 6.0);
        QCOMPARE(ratio.value(), 3.0);
        ratio.update(0.0); // base 3, 4 -> 3.5; recent 8, 0 -> 4
        QCOMPARE(ratio.value(), 4.0 / 3.5);

        VolumeMedianRatio dead(1, 2);
        for (double v : {0.0, 0.0, 9.0})
            dead.update(v);
        QVERIFY(std::isnan(dead.value()));
    }

    void badVolumesAreIgnored()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const std::vector<double> volumes{1, 2, nan, 3, -4, 6, 1.5};
        VolumeSurge surge(3);
        VolumeMedianRatio ratio(2, 2);
        std::vector<double> surges;
        std::vector<double> ratios;
        for (double v : volumes) {
            surge.update(v);
            ratio.update(v);
            surges.push_back(surge.value());
            ratios.push_back(ratio.value());
        }
        QCOMPARE(surges[5], 3.0);
        QString mismatch = test::firstMismatch(surges, batch::volumeSurge(volumes, 3), 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        mismatch = test::firstMismatch(ratios, batch::volumeMedianRatio(volumes, 2, 2), 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void streamingEqualsBatch()
    {
        const test::Bars bars = test::randomBars(20000, 81);
        std::vector<double> volume = bars.volume;
        for (std::size_t i = 0; i < volume.size(); i += 13)
            volume[i] = 0.0; // zero-volume bars occur on quiet symbols
        VolumeSurge surge(20);
        VolumeMedianRatio ratio(12, 12);
        std::vector<double> surges;
        std::vector<double> ratios;
        for (double v : volume) {
            surge.update(v);
            ratio.update(v);
            surges.push_back(surge.value());
            ratios.push_back(ratio.value());
        }
        const std::vector<double> referenceSurge = batch::volumeSurge(volume, 20);
        QCOMPARE(test::countNaN(referenceSurge), std::size_t(20));
        QString mismatch = test::firstMismatch(surges, referenceSurge, 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        const std::vector<double> referenceRatio = batch::volumeMedianRatio(volume, 12, 12);
        QCOMPARE(test::countNaN(referenceRatio), std::size_t(23));
        mismatch = test::firstMismatch(ratios, referenceRatio, 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void resetAndBadParameters()
    {
        VolumeSurge surge(1);
        surge.update(1);
        surge.update(2);
        QCOMPARE(surge.value(), 2.0);
        surge.reset();
        surge.update(4);
        QVERIFY(!surge.isReady()); // no stale previous bar
        VolumeMedianRatio ratio(1, 1);
        ratio.update(1);
        ratio.update(2);
        QCOMPARE(ratio.value(), 2.0);
        ratio.reset();
        QVERIFY(!ratio.isReady());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, VolumeSurge(0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, VolumeMedianRatio(12, 0));
    }
};

QTEST_APPLESS_MAIN(TestVolumeSurge)
#include "tst_volumesurge.moc"
