#include "SeriesSupport.h"
#include "indicators/Batch.h"
#include "indicators/SessionVwap.h"

#include <QTest>

#include <limits>

using namespace bw;

namespace {
constexpr std::int64_t kMinute = 60'000;
// 2024-03-01 00:00:00 UTC
constexpr std::int64_t kMidnight = 1'709'251'200'000;
} // namespace

class TestSessionVwap : public QObject
{
    Q_OBJECT

private slots:
    void weightsByVolume()
    {
        SessionVwap vwap;
        vwap.update(kMidnight, 10.0, 1.0);
        vwap.update(kMidnight + 5 * kMinute, 20.0, 3.0);
        QVERIFY(vwap.isReady());
        QCOMPARE(vwap.value(), 17.5); // (10 + 60) / 4
        QCOMPARE(vwap.cumulativeVolume(), 4.0);
        QCOMPARE(vwap.sessionStartMs(), kMidnight);
    }

    void resetsAtUtcMidnight()
    {
        SessionVwap vwap;
        vwap.update(kMidnight - 10 * kMinute, 100.0, 5.0);
        vwap.update(kMidnight - 5 * kMinute, 110.0, 5.0);
        QCOMPARE(vwap.value(), 105.0);
        QCOMPARE(vwap.sessionStartMs(), kMidnight - SessionVwap::kDayMs);
        vwap.update(kMidnight, 200.0, 1.0); // the first bar of the new UTC day
        QCOMPARE(vwap.sessionStartMs(), kMidnight);
        QCOMPARE(vwap.value(), 200.0);
        QCOMPARE(vwap.cumulativeVolume(), 1.0);
        vwap.update(kMidnight + 5 * kMinute, 100.0, 1.0);
        QCOMPARE(vwap.value(), 150.0);
        // A gap over a whole day still starts a new session.
        vwap.update(kMidnight + 2 * SessionVwap::kDayMs + kMinute, 42.0, 2.0);
        QCOMPARE(vwap.value(), 42.0);
        QCOMPARE(vwap.sessionStartMs(), kMidnight + 2 * SessionVwap::kDayMs);
    }

    void zeroVolumeHasNoValue()
    {
        SessionVwap vwap;
        vwap.update(kMidnight, 10.0, 0.0);
        QVERIFY(!vwap.isReady());
        QVERIFY(std::isnan(vwap.value()));
        vwap.update(kMidnight + kMinute, 12.0, 2.0);
        QCOMPARE(vwap.value(), 12.0);
        vwap.update(kMidnight + 2 * kMinute, 1000.0, 0.0); // no weight
        QCOMPARE(vwap.value(), 12.0);
        // After midnight with only zero volume so far there is no value yet.
        vwap.update(kMidnight + SessionVwap::kDayMs, 13.0, 0.0);
        QVERIFY(std::isnan(vwap.value()));
    }

    void badBarsAreIgnored()
    {
        SessionVwap vwap;
        vwap.update(kMidnight + 10 * kMinute, 10.0, 1.0);
        vwap.update(kMidnight + 5 * kMinute, 99.0, 1.0); // older than the last bar
        vwap.update(kMidnight + 15 * kMinute, std::numeric_limits<double>::quiet_NaN(), 1.0);
        vwap.update(kMidnight + 20 * kMinute, 99.0, -1.0);
        QCOMPARE(vwap.value(), 10.0);
        QCOMPARE(vwap.cumulativeVolume(), 1.0);
        vwap.reset();
        QVERIFY(!vwap.isReady());
        vwap.update(kMidnight - kMinute, 5.0, 1.0); // after a reset older times are fine
        QCOMPARE(vwap.value(), 5.0);
    }

    void dayStartBeforeTheEpoch()
    {
        QCOMPARE(SessionVwap::utcDayStart(0), std::int64_t(0));
        QCOMPARE(SessionVwap::utcDayStart(-1), -SessionVwap::kDayMs);
        QCOMPARE(SessionVwap::utcDayStart(kMidnight + SessionVwap::kDayMs - 1), kMidnight);
    }

    void streamingEqualsBatchOverSeveralDays()
    {
        const test::Bars bars = test::randomBars(3 * 288 + 50, 61, 2.0);
        std::vector<double> typical;
        std::vector<double> volume = bars.volume;
        for (std::size_t i = 0; i < bars.size(); ++i) {
            typical.push_back((bars.high[i] + bars.low[i] + bars.close[i]) / 3.0);
            if (i % 97 == 0)
                volume[i] = 0.0;
        }
        SessionVwap vwap;
        std::vector<double> streaming;
        int resets = 0;
        for (std::size_t i = 0; i < bars.size(); ++i) {
            const std::int64_t before = vwap.sessionStartMs();
            vwap.update(bars.openTimeMs[i], typical[i], volume[i]);
            resets += i > 0 && vwap.sessionStartMs() != before;
            streaming.push_back(vwap.value());
        }
        // The bars start at 22:10 UTC and cover 3.2 days: four midnights.
        QCOMPARE(resets, 4);
        const QString mismatch =
            test::firstMismatch(streaming, batch::sessionVwap(bars.openTimeMs, typical, volume), 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }
};

QTEST_APPLESS_MAIN(TestSessionVwap)
#include "tst_sessionvwap.moc"
