#include "market/CandleSeries.h"

#include <QTest>

Q_DECLARE_METATYPE(bw::Candle)

using namespace bw;

namespace {

constexpr qint64 kIv = 300000;

Candle bar(qint64 index, double close, bool closed = true)
{
    Candle c;
    c.openTimeMs = index * kIv;
    c.open = close - 1;
    c.high = close + 2;
    c.low = close - 2;
    c.close = close;
    c.volume = 10 + static_cast<double>(index);
    c.quoteVolume = c.volume * close;
    c.trades = 5 + index;
    c.closed = closed;
    return c;
}

} // namespace

class TestCandleSeries : public QObject
{
    Q_OBJECT

private slots:
    void startsEmpty()
    {
        CandleSeries s(kIv, 4);
        QCOMPARE(s.size(), 0);
        QCOMPARE(s.capacity(), 4);
        QCOMPARE(s.intervalMs(), kIv);
        QVERIFY(!s.forming().has_value());
        QCOMPARE(s.lastOpenTimeMs(), qint64(-1));
    }

    void keepsTheNewestClosedBarsUpToCapacity()
    {
        CandleSeries s(kIv, 3);
        const std::size_t bytes = s.bytesHeld();
        for (int i = 1; i <= 7; ++i)
            QCOMPARE(s.apply(bar(i, 100 + i)), CandleSeries::AppendResult::BarClosed);
        QCOMPARE(s.size(), 3);
        QCOMPARE(s.at(0).openTimeMs, 5 * kIv);
        QCOMPARE(s.close(0), 105.0);
        QCOMPARE(s.close(2), 107.0);
        QCOMPARE(s.last().close, 107.0);
        QCOMPARE(s.last().trades, qint64(12));
        QVERIFY(s.last().closed);
        QCOMPARE(s.volume(1), 16.0);
        QCOMPARE(s.quoteVolume(1), 16.0 * 106.0);
        QCOMPARE(s.high(1), 108.0);
        QCOMPARE(s.low(1), 104.0);
        QCOMPARE(s.open(1), 105.0);
        QCOMPARE(s.openTime(2), 7 * kIv);
        // The ring never grows, however many bars pass through it.
        for (int i = 8; i < 2000; ++i)
            s.apply(bar(i, 50));
        QCOMPARE(s.size(), 3);
        QCOMPARE(s.bytesHeld(), bytes);
        QCOMPARE(s.bytesHeld(), CandleSeries::bytesForCapacity(3));
    }

    void formingBarIsSeparateFromClosedBars()
    {
        CandleSeries s(kIv, 10);
        QCOMPARE(s.apply(bar(1, 100)), CandleSeries::AppendResult::BarClosed);
        QCOMPARE(s.apply(bar(2, 101, false)), CandleSeries::AppendResult::FormingUpdated);
        QCOMPARE(s.size(), 1);
        QVERIFY(s.forming().has_value());
        QCOMPARE(s.forming()->close, 101.0);
        QVERIFY(!s.forming()->closed);
        // A later tick of the same bar replaces it.
        QCOMPARE(s.apply(bar(2, 103, false)), CandleSeries::AppendResult::FormingUpdated);
        QCOMPARE(s.forming()->close, 103.0);
        QCOMPARE(s.size(), 1);
        // Closing it moves it into the ring and leaves no forming bar.
        QCOMPARE(s.apply(bar(2, 104, true)), CandleSeries::AppendResult::BarClosed);
        QCOMPARE(s.size(), 2);
        QVERIFY(!s.forming().has_value());
        QCOMPARE(s.last().close, 104.0);
    }

    void newerFormingBarReplacesAnOlderOne()
    {
        CandleSeries s(kIv, 10);
        s.apply(bar(3, 100, false));
        QCOMPARE(s.apply(bar(4, 101, false)), CandleSeries::AppendResult::FormingUpdated);
        QCOMPARE(s.forming()->openTimeMs, 4 * kIv);
        QCOMPARE(s.apply(bar(3, 99, false)), CandleSeries::AppendResult::Rejected);
        QCOMPARE(s.forming()->openTimeMs, 4 * kIv);
    }

    void closingAnEarlierBarKeepsANewerFormingBar()
    {
        CandleSeries s(kIv, 10);
        s.apply(bar(5, 100, false));
        QCOMPARE(s.apply(bar(4, 99, true)), CandleSeries::AppendResult::BarClosed);
        QVERIFY(s.forming().has_value());
        QCOMPARE(s.forming()->openTimeMs, 5 * kIv);
    }

    void rejectsOutOfOrderAndBadBars_data()
    {
        QTest::addColumn<Candle>("candle");
        Candle older = bar(9, 100);
        QTest::newRow("older than last closed") << older;
        QTest::newRow("same time as last closed") << bar(10, 100);
        QTest::newRow("forming older than last closed") << bar(8, 100, false);
        Candle misaligned = bar(11, 100);
        misaligned.openTimeMs += 1000;
        QTest::newRow("open time not aligned") << misaligned;
        Candle inverted = bar(11, 100);
        inverted.high = 90;
        QTest::newRow("high below low") << inverted;
        Candle nan = bar(11, 100);
        nan.close = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("NaN close") << nan;
        Candle zero = bar(11, 100);
        zero.low = 0;
        QTest::newRow("zero price") << zero;
        Candle negativeVolume = bar(11, 100);
        negativeVolume.volume = -1;
        QTest::newRow("negative volume") << negativeVolume;
    }

    void rejectsOutOfOrderAndBadBars()
    {
        QFETCH(Candle, candle);
        CandleSeries s(kIv, 10);
        s.apply(bar(9, 100));
        s.apply(bar(10, 100));
        QCOMPARE(s.apply(candle), CandleSeries::AppendResult::Rejected);
        QCOMPARE(s.size(), 2);
        QCOMPARE(s.last().openTimeMs, 10 * kIv);
        QVERIFY(!s.forming().has_value());
    }

    void gapsAreKeptVisible()
    {
        CandleSeries s(kIv, 10);
        s.apply(bar(1, 100));
        s.apply(bar(4, 100));
        QCOMPARE(s.size(), 2);
        QCOMPARE(s.openTime(1) - s.openTime(0), 3 * kIv);
    }

    void clearEmptiesButKeepsCapacity()
    {
        CandleSeries s(kIv, 5);
        s.apply(bar(1, 100));
        s.apply(bar(2, 100, false));
        s.clear();
        QCOMPARE(s.size(), 0);
        QVERIFY(!s.forming().has_value());
        QCOMPARE(s.capacity(), 5);
        QCOMPARE(s.apply(bar(1, 100)), CandleSeries::AppendResult::BarClosed);
    }

    void rejectsNonsenseConstruction()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CandleSeries(0, 10));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CandleSeries(kIv, 0));
        CandleSeries s(kIv, 2);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, s.at(0));
    }
};

QTEST_APPLESS_MAIN(TestCandleSeries)
#include "tst_candleseries.moc"
