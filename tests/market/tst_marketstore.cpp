#include "market/MarketStore.h"

#include <QTest>

using namespace bw;

namespace {

constexpr qint64 k5m = 5 * 60 * 1000;
constexpr qint64 kT0 = 1767225600000; // aligned to 1 h

QList<SymbolInfo> symbols(int n)
{
    QList<SymbolInfo> list;
    for (int i = 0; i < n; ++i) {
        SymbolInfo s;
        s.name = QStringLiteral("SYM%1USDT").arg(i);
        s.baseAsset = QStringLiteral("SYM%1").arg(i);
        s.quoteAsset = QStringLiteral("USDT");
        s.tickSize = 0.01;
        s.lotSize = 0.1;
        list.append(s);
    }
    return list;
}

CandleUpdate candle(int symbol, int index, double close, qint64 trades, bool closed = true)
{
    CandleUpdate u;
    u.symbol = symbol;
    u.candle.openTimeMs = kT0 + index * k5m;
    u.candle.open = close;
    u.candle.high = close + 1;
    u.candle.low = close - 1;
    u.candle.close = close;
    u.candle.volume = 2;
    u.candle.quoteVolume = 2 * close;
    u.candle.trades = trades;
    u.candle.closed = closed;
    return u;
}

} // namespace

class TestMarketStore : public QObject
{
    Q_OBJECT

private slots:
    void looksUpSymbols()
    {
        MarketStore store(k5m);
        store.setSymbols(symbols(3));
        QCOMPARE(store.symbolCount(), 3);
        QCOMPARE(store.indexOf(QStringLiteral("SYM2USDT")), 2);
        QCOMPARE(store.indexOf(QStringLiteral("NOPE")), -1);
        QCOMPARE(store.info(1).name, QStringLiteral("SYM1USDT"));
        QCOMPARE(store.market(0).bars.capacity(), 500);
        QCOMPARE(store.market(0).bars.intervalMs(), k5m);
        QCOMPARE(store.market(0).bars15m.intervalMs(), MarketStore::k15mMs);
        QCOMPARE(store.market(0).bars1h.intervalMs(), MarketStore::k1hMs);
    }

    void applyReportsClosedSymbolsAndResamples()
    {
        MarketStore store(k5m);
        store.setSymbols(symbols(3));
        MarketUpdateBatch b;
        b.marketTimeMs = kT0 + 3 * k5m;
        for (int i = 0; i < 3; ++i) {
            b.candles.append(candle(0, i, 100 + i, 10));
            b.candles.append(candle(2, i, 50 + i, 10));
        }
        b.candles.append(candle(1, 2, 7, 1, false)); // forming only
        b.candles.append(candle(7, 0, 1, 1));        // unknown symbol
        QCOMPARE(store.apply(b), (QList<int>{0, 2}));
        QCOMPARE(store.rejectedCandles(), qint64(1));
        QCOMPARE(store.market(0).bars.size(), 3);
        QCOMPARE(store.market(1).bars.size(), 0);
        QVERIFY(store.market(1).bars.forming().has_value());
        QCOMPARE(store.market(0).bars15m.size(), 1);
        QCOMPARE(store.market(0).bars15m.last().close, 102.0);
        QCOMPARE(store.market(0).bars15m.last().high, 103.0);
        QCOMPARE(store.market(0).bars15m.last().trades, qint64(30));
        QCOMPARE(store.market(0).bars1h.size(), 0);
        QVERIFY(store.market(0).bars1h.forming().has_value());
        QCOMPARE(store.market(0).bars1h.forming()->volume, 6.0);
        QCOMPARE(store.market(0).lastUpdateMs, kT0 + 3 * k5m);
        QCOMPARE(store.market(0).ticker.lastPrice, 102.0);
        QCOMPARE(store.marketTimeMs(), kT0 + 3 * k5m);

        MarketUpdateBatch forming;
        forming.marketTimeMs = kT0 + 3 * k5m + 1000;
        forming.candles.append(candle(0, 3, 105, 2, false));
        QVERIFY(store.apply(forming).isEmpty());
    }

    void tradesPerMinuteComesFromTheLastClosedBars()
    {
        MarketStore store(k5m);
        store.setSymbols(symbols(1));
        MarketUpdateBatch b;
        b.marketTimeMs = kT0;
        // 10 bars: the first five carry 1000 trades each, the last five 10, 20, 30, 40, 50.
        for (int i = 0; i < 10; ++i)
            b.candles.append(candle(0, i, 100, i < 5 ? 1000 : (i - 4) * 10));
        store.apply(b);
        // (10 + 20 + 30 + 40 + 50) trades over 5 bars of 5 minutes.
        QCOMPARE(store.market(0).tradesPerMinute, 150.0 / 25.0);
        // A forming bar's trades do not count: it is not a complete bar.
        MarketUpdateBatch f;
        f.marketTimeMs = kT0 + 10 * k5m;
        f.candles.append(candle(0, 10, 100, 99999, false));
        store.apply(f);
        QCOMPARE(store.market(0).tradesPerMinute, 6.0);
    }

    void overviewShowsEveryRowAndFlagsStaleSymbols()
    {
        MarketStore store(k5m);
        store.setSymbols(symbols(3));
        MarketUpdateBatch b;
        b.marketTimeMs = kT0 + k5m;
        b.candles.append(candle(0, 0, 100, 10));
        b.candles.append(candle(1, 0, 200, 10));
        TickerUpdate t;
        t.symbol = 1;
        t.ticker.lastPrice = 201;
        t.ticker.changePct24h = 4.5;
        t.ticker.quoteVolume24h = 1.5e6;
        b.tickers.append(t);
        BookUpdate book;
        book.symbol = 1;
        book.book.bestBid = 200.9;
        book.book.bestAsk = 201.1;
        book.book.spreadBps = 9.95;
        b.books.append(book);
        store.apply(b);

        MarketOverview o = store.overview(QStringLiteral("test feed"));
        QCOMPARE(o.sourceName, QStringLiteral("test feed"));
        QCOMPARE(o.symbols.size(), 3);
        QCOMPARE(o.barIntervalMs, k5m);
        QCOMPARE(o.marketTimeMs, kT0 + k5m);
        QCOMPARE(o.formingBarOpenMs, kT0 + k5m);
        QCOMPARE(o.storeBytes, store.bytesHeld());
        QCOMPARE(o.symbols[0].lastPrice, 100.0);
        QCOMPARE(o.symbols[0].lastClosedBarOpenMs, kT0);
        QCOMPARE(o.symbols[1].symbol, QStringLiteral("SYM1USDT"));
        QCOMPARE(o.symbols[1].lastPrice, 201.0);
        QCOMPARE(o.symbols[1].changePct24h, 4.5);
        QCOMPARE(o.symbols[1].quoteVolume24h, 1.5e6);
        QCOMPARE(o.symbols[1].spreadBps, 9.95);
        QCOMPARE(o.symbols[1].tradesPerMinute, 2.0);
        QVERIFY(!o.symbols[0].stale);
        QVERIFY(o.symbols[2].stale); // never heard of

        // Symbol 0 keeps updating; symbol 1 goes quiet for more than three bar intervals of market time.
        MarketUpdateBatch later;
        later.marketTimeMs = kT0 + 4 * k5m + 1;
        later.candles.append(candle(0, 4, 101, 10, false));
        store.apply(later);
        o = store.overview();
        QVERIFY(!o.symbols[0].stale);
        QVERIFY(o.symbols[1].stale);
        QCOMPARE(o.symbols[0].lastPrice, 101.0);
        QCOMPARE(o.formingBarOpenMs, kT0 + 4 * k5m);
    }

    void bytesHeldFollowsCapacityNotFill()
    {
        MarketStore store(k5m, 500);
        store.setSymbols(symbols(100));
        const qint64 empty = store.bytesHeld();
        // At least the base rings: 100 symbols x 500 bars x 64 bytes.
        QVERIFY(empty >= 100LL * 500 * 64);
        // The resampled rings hold about as much time as the base ring.
        QCOMPARE(store.capacity15m(), 168);
        QCOMPARE(store.capacity1h(), 50);
        MarketUpdateBatch b;
        for (int i = 0; i < 600; ++i)
            b.candles.append(candle(5, i, 100, 1));
        b.marketTimeMs = kT0 + 600 * k5m;
        store.apply(b);
        QCOMPARE(store.market(5).bars.size(), 500);
        QCOMPARE(store.bytesHeld(), empty);

        MarketStore bigger(k5m, 500);
        bigger.setSymbols(symbols(200));
        QVERIFY(bigger.bytesHeld() > 2 * empty - 4096);
    }

    void baseIntervalThatDoesNotDivideLeavesResampledSeriesEmpty()
    {
        MarketStore store(7 * 60000, 50);
        store.setSymbols(symbols(1));
        MarketUpdateBatch b;
        CandleUpdate u = candle(0, 0, 10, 1);
        u.candle.openTimeMs = 7 * 60000 * 1000LL;
        b.candles.append(u);
        QCOMPARE(store.apply(b), QList<int>{0});
        QCOMPARE(store.market(0).bars15m.size(), 0);
        QVERIFY(!store.market(0).bars15m.forming().has_value());
    }
};

QTEST_APPLESS_MAIN(TestMarketStore)
#include "tst_marketstore.moc"
