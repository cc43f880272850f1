#include "common/Clock.h"
#include "market/SimulatedFeed.h"

#include <QSignalSpy>
#include <QTest>

using namespace bw;

namespace {

constexpr qint64 kStart = 1767225600000 + 123; // not aligned on purpose
constexpr qint64 k5m = 300000;

SimulatedFeedConfig fastConfig(int symbols, int backfill, quint64 seed = 42)
{
    SimulatedFeedConfig c;
    c.seed = seed;
    c.symbols = symbols;
    c.backfillBars = backfill;
    c.ticksPerBar = 5;
    c.speedUp = 1e9; // no waiting between ticks
    c.startTimeMs = kStart;
    return c;
}

// Records everything a feed says, in order.
class Recorder : public QObject
{
public:
    explicit Recorder(MarketFeed *feed)
    {
        connect(feed, &MarketFeed::symbolsReady, this, [this](const QList<SymbolInfo> &s) {
            events << QStringLiteral("symbols");
            symbols = s;
        });
        connect(feed, &MarketFeed::updatesReady, this, [this](const MarketUpdateBatch &b) {
            events << (finished ? QStringLiteral("live") : QStringLiteral("batch"));
            batches << b;
        });
        connect(feed, &MarketFeed::backfillProgress, this, [this](int done, int total) {
            events << QStringLiteral("progress");
            progress << qMakePair(done, total);
        });
        connect(feed, &MarketFeed::backfillFinished, this, [this] {
            events << QStringLiteral("finished");
            finished = true;
        });
    }
    QStringList events;
    QList<SymbolInfo> symbols;
    QList<MarketUpdateBatch> batches;
    QList<QPair<int, int>> progress;
    bool finished = false;
};

bool sameBatch(const MarketUpdateBatch &a, const MarketUpdateBatch &b)
{
    if (a.marketTimeMs != b.marketTimeMs || a.candles.size() != b.candles.size() ||
        a.tickers.size() != b.tickers.size() || a.books.size() != b.books.size())
        return false;
    for (qsizetype i = 0; i < a.candles.size(); ++i) {
        const Candle &x = a.candles[i].candle;
        const Candle &y = b.candles[i].candle;
        if (a.candles[i].symbol != b.candles[i].symbol || x.openTimeMs != y.openTimeMs || x.open != y.open ||
            x.high != y.high || x.low != y.low || x.close != y.close || x.volume != y.volume ||
            x.quoteVolume != y.quoteVolume || x.trades != y.trades || x.closed != y.closed)
            return false;
    }
    for (qsizetype i = 0; i < a.tickers.size(); ++i)
        if (a.tickers[i].ticker.quoteVolume24h != b.tickers[i].ticker.quoteVolume24h ||
            a.tickers[i].ticker.lastPrice != b.tickers[i].ticker.lastPrice)
            return false;
    for (qsizetype i = 0; i < a.books.size(); ++i)
        if (a.books[i].book.bestBid != b.books[i].book.bestBid ||
            a.books[i].book.bidDepth05 != b.books[i].book.bidDepth05)
            return false;
    return true;
}

} // namespace

class TestSimulatedFeed : public QObject
{
    Q_OBJECT

private slots:
    void startReturnsAtOnceAndReportsInOrder()
    {
        SimulatedFeed feed(fastConfig(1000, 60));
        Recorder rec(&feed);
        feed.start();
        QVERIFY(rec.events.isEmpty()); // start() only schedules
        QTRY_VERIFY(rec.finished);
        QTRY_VERIFY(rec.events.count(QStringLiteral("live")) >= 3);
        feed.stop();

        QCOMPARE(rec.events.first(), QStringLiteral("symbols"));
        QCOMPARE(rec.symbols.size(), 1000);
        // 20 000 candles per batch: 20 bars of 1000 symbols, three batches, each followed by progress.
        const QStringList expected{QStringLiteral("symbols"),  QStringLiteral("batch"),    QStringLiteral("progress"),
                                   QStringLiteral("batch"),    QStringLiteral("progress"), QStringLiteral("batch"),
                                   QStringLiteral("progress"), QStringLiteral("finished")};
        QCOMPARE(rec.events.mid(0, expected.size()), expected);
        QCOMPARE(rec.progress, (QList<QPair<int, int>>{{20, 60}, {40, 60}, {60, 60}}));
    }

    void backfillDeliversTheConfiguredClosedBarsPerSymbol()
    {
        SimulatedFeed feed(fastConfig(37, 123));
        Recorder rec(&feed);
        feed.start();
        QTRY_VERIFY(rec.finished);
        feed.stop();

        const qint64 liveStart = kStart - kStart % k5m;
        QList<QList<Candle>> perSymbol(37);
        for (const MarketUpdateBatch &b : std::as_const(rec.batches)) {
            if (b.marketTimeMs > liveStart)
                break; // live
            for (const CandleUpdate &u : b.candles) {
                QVERIFY(u.candle.closed);
                perSymbol[u.symbol] << u.candle;
            }
            QCOMPARE(b.tickers.size(), 37);
            QCOMPARE(b.books.size(), 37);
        }
        for (const QList<Candle> &bars : std::as_const(perSymbol)) {
            QCOMPARE(bars.size(), 123);
            for (qsizetype i = 0; i < bars.size(); ++i)
                QCOMPARE(bars[i].openTimeMs, liveStart - (123 - i) * k5m);
        }
        // History ends where the live clock starts.
        QCOMPARE(rec.batches.last().marketTimeMs >= liveStart, true);
    }

    void liveTicksMoveTheFormingBarThenCloseIt()
    {
        SimulatedFeed feed(fastConfig(3, 2));
        Recorder rec(&feed);
        feed.start();
        QTRY_VERIFY(rec.batches.size() >= 1 + 11);
        feed.stop();
        const qint64 liveStart = kStart - kStart % k5m;
        // Batch 0 is the backfill; then five ticks per bar: four forming updates and the close.
        for (int t = 1; t <= 10; ++t) {
            const MarketUpdateBatch &b = rec.batches[t];
            const int inBar = (t - 1) % 5 + 1;
            const qint64 open = liveStart + ((t - 1) / 5) * k5m;
            QCOMPARE(b.marketTimeMs, open + inBar * k5m / 5);
            QCOMPARE(b.candles.size(), 3);
            QCOMPARE(b.tickers.size(), 3);
            QCOMPARE(b.books.size(), 3);
            QCOMPARE(b.candles[0].candle.openTimeMs, open);
            QCOMPARE(b.candles[0].candle.closed, inBar == 5);
        }
        // Volume accumulates through the bar.
        QVERIFY(rec.batches[4].candles[1].candle.volume > rec.batches[1].candles[1].candle.volume);
    }

    void sameSeedGivesIdenticalBatches()
    {
        SimulatedFeed a(fastConfig(40, 30));
        SimulatedFeed b(fastConfig(40, 30));
        SimulatedFeed c(fastConfig(40, 30, 4242));
        Recorder ra(&a), rb(&b), rc(&c);
        a.start();
        b.start();
        c.start();
        QTRY_VERIFY(ra.batches.size() >= 25 && rb.batches.size() >= 25 && rc.batches.size() >= 25);
        a.stop();
        b.stop();
        c.stop();
        for (int i = 0; i < 25; ++i)
            QVERIFY2(sameBatch(ra.batches[i], rb.batches[i]), qPrintable(QString::number(i)));
        QCOMPARE(ra.symbols[17].name, rb.symbols[17].name);
        QVERIFY(!sameBatch(ra.batches[0], rc.batches[0]));
        QVERIFY(ra.symbols[17].name != rc.symbols[17].name);
    }

    void startTimeFromTheClockWhenNotGiven()
    {
        SimulatedFeedConfig c = fastConfig(2, 0);
        c.startTimeMs = 0;
        ManualClock clock(1767225600000 + 7 * k5m + 4242);
        SimulatedFeed feed(c, clock);
        QCOMPARE(feed.market().marketTimeMs(), 1767225600000 + 7 * k5m);
        QVERIFY(feed.sourceName().contains(QStringLiteral("2")));
        QCOMPARE(feed.barIntervalMs(), k5m);
    }

    void noBackfillStillFinishesBackfill()
    {
        SimulatedFeed feed(fastConfig(2, 0));
        Recorder rec(&feed);
        feed.start();
        QTRY_VERIFY(rec.events.count(QStringLiteral("live")) >= 2);
        feed.stop();
        QCOMPARE(rec.events.mid(0, 2), (QStringList{QStringLiteral("symbols"), QStringLiteral("finished")}));
    }

    void stopHaltsAndStartResumes()
    {
        SimulatedFeed feed(fastConfig(2, 5));
        Recorder rec(&feed);
        feed.start();
        QTRY_VERIFY(rec.events.count(QStringLiteral("live")) >= 2);
        feed.stop();
        QVERIFY(!feed.isRunning());
        const qsizetype n = rec.batches.size();
        // Nothing may arrive while stopped, however often the event loop turns (live ticks are 0 ms timers).
        for (int i = 0; i < 100; ++i)
            QCoreApplication::processEvents();
        QCOMPARE(rec.batches.size(), n);
        const qint64 lastTime = rec.batches.last().marketTimeMs;
        feed.start();
        QTRY_VERIFY(rec.batches.size() > n + 2);
        feed.stop();
        QCOMPARE(rec.events.count(QStringLiteral("symbols")), 1);
        QCOMPARE(rec.events.count(QStringLiteral("finished")), 1);
        QVERIFY(rec.batches[n].marketTimeMs > lastTime);
    }

    void defaultSpeedShowsABarEveryFewSeconds()
    {
        const SimulatedFeedConfig c;
        QCOMPARE(c.symbols, 300);
        QCOMPARE(c.barIntervalMs, k5m);
        // A 5 m bar in about two seconds of wall time, in several visible steps.
        QCOMPARE(c.tickIntervalMs() * c.ticksPerBar, 2000);
        QVERIFY(c.ticksPerBar >= 5);
    }

    void badConfigurationIsRefusedWithTheFieldNamed()
    {
        SimulatedFeedConfig c = fastConfig(2, 0);
        c.backfillBars = -1;
        try {
            SimulatedFeed feed(c);
            QFAIL("accepted a negative backfill");
        } catch (const std::invalid_argument &e) {
            QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("backfillBars")));
        }
    }
};

QTEST_GUILESS_MAIN(TestSimulatedFeed)
#include "tst_simulatedfeed.moc"
