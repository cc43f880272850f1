#include "market/CandleResampler.h"

#include <QTest>

using namespace bw;

namespace {

constexpr qint64 k5m = 5 * 60 * 1000;
constexpr qint64 k15m = 15 * 60 * 1000;
constexpr qint64 kT0 = 1767225600000; // 2026-01-01 00:00 UTC, aligned to 1 h

Candle bar(int index, double o, double h, double l, double c, double vol, qint64 trades)
{
    Candle b;
    b.openTimeMs = kT0 + index * k5m;
    b.open = o;
    b.high = h;
    b.low = l;
    b.close = c;
    b.volume = vol;
    b.quoteVolume = vol * c;
    b.trades = trades;
    b.closed = true;
    return b;
}

} // namespace

class TestCandleResampler : public QObject
{
    Q_OBJECT

private slots:
    void aggregatesAFullPeriodAndClosesOnItsLastSubBar()
    {
        CandleResampler r(k5m, k15m);
        CandleSeries out(k15m, 10);
        QCOMPARE(r.add(bar(0, 10, 12, 9, 11, 1, 3), out), 0);
        QCOMPARE(out.size(), 0);
        QVERIFY(out.forming().has_value());
        QCOMPARE(out.forming()->close, 11.0);
        QCOMPARE(r.add(bar(1, 11, 15, 10, 14, 2, 4), out), 0);
        QCOMPARE(out.forming()->high, 15.0);
        QCOMPARE(out.size(), 0);
        QCOMPARE(r.add(bar(2, 14, 14.5, 8, 13, 3, 5), out), 1);
        QCOMPARE(out.size(), 1);
        QVERIFY(!out.forming().has_value());
        const Candle c = out.last();
        QCOMPARE(c.openTimeMs, kT0);
        QCOMPARE(c.open, 10.0);
        QCOMPARE(c.high, 15.0);
        QCOMPARE(c.low, 8.0);
        QCOMPARE(c.close, 13.0);
        QCOMPARE(c.volume, 6.0);
        QCOMPARE(c.quoteVolume, 1 * 11.0 + 2 * 14.0 + 3 * 13.0);
        QCOMPARE(c.trades, qint64(12));
        QVERIFY(c.closed);
    }

    void gapClosesTheUnfinishedPeriodWithWhatItHad()
    {
        // Period 0: bars 0 and 1, bar 2 missing. Period 1: bar 3 missing, bars 4 and 5. Period 2: nothing.
        // Period 3: bar 9 only (its first sub-bar), then bar 11 (its last).
        CandleResampler r(k5m, k15m);
        CandleSeries out(k15m, 10);
        r.add(bar(0, 10, 12, 9, 11, 1, 3), out);
        r.add(bar(1, 11, 15, 10, 14, 2, 4), out);
        QCOMPARE(out.size(), 0); // the period is not over yet as far as anyone knows
        QCOMPARE(r.add(bar(4, 20, 21, 19, 20.5, 5, 7), out), 1);
        QCOMPARE(out.size(), 1);
        Candle p0 = out.at(0);
        QCOMPARE(p0.openTimeMs, kT0);
        QCOMPARE(p0.open, 10.0);
        QCOMPARE(p0.high, 15.0);
        QCOMPARE(p0.low, 9.0);
        QCOMPARE(p0.close, 14.0);
        QCOMPARE(p0.volume, 3.0);
        QCOMPARE(p0.trades, qint64(7));
        // Period 1 starts at its second sub-bar: its open is that bar's open.
        QCOMPARE(out.forming()->openTimeMs, kT0 + k15m);
        QCOMPARE(r.add(bar(5, 20.5, 23, 20, 22, 6, 8), out), 1);
        Candle p1 = out.last();
        QCOMPARE(p1.openTimeMs, kT0 + k15m);
        QCOMPARE(p1.open, 20.0);
        QCOMPARE(p1.high, 23.0);
        QCOMPARE(p1.low, 19.0);
        QCOMPARE(p1.close, 22.0);
        QCOMPARE(p1.volume, 11.0);
        QCOMPARE(p1.quoteVolume, 5 * 20.5 + 6 * 22.0);
        QCOMPARE(p1.trades, qint64(15));
        // Period 2 has no bar at all; period 3 closes on its last sub-bar.
        QCOMPARE(r.add(bar(9, 30, 31, 29, 30, 1, 1), out), 0);
        QCOMPARE(r.add(bar(11, 30, 35, 28, 34, 2, 2), out), 1);
        QCOMPARE(out.size(), 3);
        QCOMPARE(out.last().openTimeMs, kT0 + 3 * k15m);
        QCOMPARE(out.last().high, 35.0);
        QCOMPARE(out.last().low, 28.0);
        QCOMPARE(out.last().close, 34.0);
        QCOMPARE(out.openTime(2) - out.openTime(1), 2 * k15m);
    }

    void gapThatSkipsTheLastSubBarAndTheNextPeriodStartClosesTwice()
    {
        // Bar 1 of period 0, then bar 5 (the last of period 1): period 0 closes from the gap, period 1 from
        // its last sub-bar, in one call.
        CandleResampler r(k5m, k15m);
        CandleSeries out(k15m, 10);
        r.add(bar(1, 10, 11, 9, 10, 1, 1), out);
        QCOMPARE(r.add(bar(5, 12, 13, 11, 12, 1, 1), out), 2);
        QCOMPARE(out.size(), 2);
        QVERIFY(!out.forming().has_value());
    }

    void hourlyFromTwelveBars()
    {
        CandleResampler r(k5m, 12 * k5m);
        CandleSeries out(12 * k5m, 10);
        double high = 0;
        for (int i = 0; i < 12; ++i) {
            const double p = 100 + ((i * 7) % 5);
            high = std::max(high, p + 1);
            QCOMPARE(r.add(bar(i, p, p + 1, p - 1, p, 1, 1), out), i == 11 ? 1 : 0);
        }
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.last().high, high);
        QCOMPARE(out.last().trades, qint64(12));
    }

    void ignoresOldFormingAndMisalignedBars()
    {
        CandleResampler r(k5m, k15m);
        CandleSeries out(k15m, 10);
        r.add(bar(1, 10, 11, 9, 10, 1, 1), out);
        QCOMPARE(r.add(bar(0, 10, 11, 9, 10, 1, 1), out), 0); // older
        Candle forming = bar(2, 10, 11, 9, 10, 1, 1);
        forming.closed = false;
        QCOMPARE(r.add(forming, out), 0);
        QCOMPARE(out.forming()->volume, 1.0);
        QVERIFY(!CandleResampler::canResample(k15m, k5m));
        QVERIFY(!CandleResampler::canResample(7 * 60000, k15m));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CandleResampler(7 * 60000, k15m));
    }
};

QTEST_APPLESS_MAIN(TestCandleResampler)
#include "tst_candleresampler.moc"
