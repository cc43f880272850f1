#include "market/ReplayBookEstimator.h"
#include "market/ReplayTickerWindow.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace bw;

class TestReplayTickerWindow : public QObject
{
    Q_OBJECT

private slots:
    void matchesABruteForceWindow()
    {
        constexpr qint64 interval = 300000; // 5 m: 288 bars in 24 h
        std::mt19937 random(3);
        std::uniform_real_distribution<double> step(-1, 1);
        ReplayTickerWindow window;
        QList<Candle> bars;
        double price = 100;
        for (int i = 0; i < 1000; ++i) {
            Candle c;
            // a 2 h hole in the data: the window is by time, not by count
            c.openTimeMs = 1704067200000 + i * interval + (i >= 500 ? 24 * interval : 0);
            c.open = price;
            c.close = price + step(random);
            c.high = std::max(c.open, c.close) + 0.5;
            c.low = std::min(c.open, c.close) - 0.5;
            c.volume = 1 + i % 7;
            c.quoteVolume = c.volume * c.close;
            price = c.close;
            bars.append(c);
            const Ticker24h t = window.add(c, interval);

            const qint64 closeMs = c.openTimeMs + interval;
            double high = 0, low = 1e300, volume = 0, quote = 0, open = 0;
            int count = 0;
            for (const Candle &b : std::as_const(bars)) {
                if (b.openTimeMs < closeMs - 24 * 3600 * 1000)
                    continue;
                if (count++ == 0)
                    open = b.open;
                high = std::max(high, b.high);
                low = std::min(low, b.low);
                volume += b.volume;
                quote += b.quoteVolume;
            }
            QCOMPARE(window.barCount(), count);
            QCOMPARE(t.high24h, high);
            QCOMPARE(t.low24h, low);
            QCOMPARE(t.openPrice24h, open);
            QVERIFY(std::abs(t.baseVolume24h - volume) <= 1e-9 * volume);
            QVERIFY(std::abs(t.quoteVolume24h - quote) <= 1e-9 * quote);
            QCOMPARE(t.lastPrice, c.close);
            QCOMPARE(t.changePct24h, (c.close / open - 1) * 100);
            QCOMPARE(t.updatedMs, closeMs);
            QCOMPARE(t.openInterestUsd, -1.0);
        }
        QCOMPARE(window.barCount(), 288);
    }

    void bookIsEstimatedFromTheBar()
    {
        Candle c{0, 100, 101, 99, 100, 10, 1000, 5, true};
        const BookSummary book =
            ReplayBookEstimator::estimate(c, 0.01, {.spreadBps = 2.0, .depthFraction05 = 0.25}, 42);
        QVERIFY(book.estimated);
        QVERIFY(book.isValid());
        QCOMPARE(book.mid(), 100.0);
        QCOMPARE(book.spreadBps, 2.0);
        QCOMPARE(book.bidDepth05, 250.0);
        QCOMPARE(book.askDepth03, 150.0);
        QCOMPARE(book.imbalance, 0.0);
        QCOMPARE(book.updatedMs, qint64(42));

        // A coarse tick cannot quote tighter than one tick.
        const BookSummary coarse = ReplayBookEstimator::estimate(c, 0.5, {}, 42);
        QCOMPARE(coarse.spreadBps, 50.0);
        QCOMPARE(coarse.bestAsk - coarse.bestBid, 0.5);
    }
};

QTEST_APPLESS_MAIN(TestReplayTickerWindow)
#include "tst_replaytickerwindow.moc"
