#include "FakeBybitExchange.h"
#include "common/Clock.h"
#include "market/FeedFactory.h"
#include "market/MarketService.h"
#include "market/bybit/BybitFeed.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace bw;
using bw::test::FakeBybitExchange;

namespace {

constexpr qint64 kInterval = 5 * 60 * 1000;
constexpr qint64 kNow = 1700000000000LL + 123456; // not on a bar boundary
constexpr qint64 kFormingOpen = kNow / kInterval * kInterval;
constexpr qint64 kLastClosed = kFormingOpen - kInterval;

// Everything the feed emitted, per symbol.
struct Recorder {
    QList<SymbolInfo> symbols;
    QHash<int, QList<Candle>> candles;
    QHash<int, Ticker24h> tickers;
    QHash<int, BookSummary> books;
    QList<std::pair<int, int>> progress;
    int finishedCount = 0;
    int batches = 0;

    void attach(BybitFeed &feed, QObject *ctx)
    {
        QObject::connect(&feed, &MarketFeed::symbolsReady, ctx, [this](const QList<SymbolInfo> &s) { symbols = s; });
        QObject::connect(&feed, &MarketFeed::updatesReady, ctx, [this](const MarketUpdateBatch &b) {
            ++batches;
            for (const CandleUpdate &c : b.candles)
                candles[c.symbol].append(c.candle);
            for (const TickerUpdate &t : b.tickers)
                tickers[t.symbol] = t.ticker;
            for (const BookUpdate &u : b.books)
                books[u.symbol] = u.book;
        });
        QObject::connect(&feed, &MarketFeed::backfillProgress, ctx, [this](int d, int t) { progress.append({d, t}); });
        QObject::connect(&feed, &MarketFeed::backfillFinished, ctx, [this] { ++finishedCount; });
    }
};

} // namespace

class TestBybitFeed : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeBybitExchange> m_fake;
    ManualClock m_clock{kNow};

    BybitFeedConfig config() const
    {
        BybitFeedConfig c;
        c.restBaseUrl = m_fake->restUrl();
        c.wsBaseUrl = m_fake->wsUrl();
        c.backfillBars = 20;
        c.klinePageLimit = 1000;
        c.retryBaseMs = 10;
        c.retryMaxMs = 40;
        c.reconnectBaseMs = 10;
        c.reconnectMaxMs = 50;
        c.batchIntervalMs = 10;
        c.staleCheckIntervalMs = 10;
        c.marketRequestsPerWindow = 600;
        c.minRequestSpacingMs = 0;
        return c;
    }

    static QList<FakeBybitExchange::Instrument> instruments(int n)
    {
        QList<FakeBybitExchange::Instrument> list;
        for (int i = 0; i < n; ++i) {
            FakeBybitExchange::Instrument in;
            in.symbol = QStringLiteral("S%1USDT").arg(i);
            in.turnover24h = 1e6 * (i + 1);
            list.append(in);
        }
        return list;
    }

    // Waits until the feed is live and the fake has every topic of every symbol subscribed.
    static bool waitLive(BybitFeed &feed, FakeBybitExchange &fake)
    {
        if (!QTest::qWaitFor([&] { return feed.isLive(); }, 10000))
            return false;
        const int expected = static_cast<int>(feed.symbols().size()) * 4;
        return QTest::qWaitFor([&] { return static_cast<int>(fake.subscribedTopics().size()) == expected; }, 10000);
    }

private slots:
    void init()
    {
        m_fake = std::make_unique<FakeBybitExchange>(kInterval);
        QVERIFY(m_fake->listen());
        m_fake->setNowMs(kNow);
        m_clock.setNowMs(kNow);
    }
    void cleanup() { m_fake.reset(); }

    void configRejectsBadValues()
    {
        BybitFeedConfig c;
        c.intervalMinutes = 7;
        QVERIFY(c.validate().contains(QLatin1String("intervalMinutes")));
        c = {};
        c.maxTopicsPerRequest = 11;
        QVERIFY(c.validate().contains(QLatin1String("maxTopicsPerRequest")));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, BybitFeed{c});
        BybitSymbolSelection sel;
        QVERIFY(BybitSymbolSelection::parse(QStringLiteral("top:25"), sel));
        QCOMPARE(sel.topN, 25);
        QString error;
        QVERIFY(!BybitSymbolSelection::parse(QStringLiteral("top:x"), sel, &error));
        QVERIFY(error.contains(QLatin1String("top:x")));
    }

    void factoryBuildsTheChosenFeed()
    {
        FeedOptions o;
        QCOMPARE(o.source, FeedOptions::Source::Simulated); // the default needs no network
        QVERIFY(FeedOptions::parseSource(QStringLiteral("bybit"), o.source));
        QVERIFY(BybitSymbolSelection::parse(QStringLiteral("top:5"), o.bybit.symbols));
        QString error;
        auto feed = createFeed(o, &error);
        QVERIFY(dynamic_cast<BybitFeed *>(feed.get()));
        QVERIFY(feed->sourceName().contains(QLatin1String("top:5")));
        QCOMPARE(feed->barIntervalMs(), kInterval);
        o.bybit.wsBaseUrl = QUrl(QStringLiteral("http://example.invalid"));
        QVERIFY(!createFeed(o, &error));
        QVERIFY(error.contains(QLatin1String("wsBaseUrl")));
        QVERIFY(!FeedOptions::parseSource(QStringLiteral("binance"), o.source, &error));
        QVERIFY(error.contains(QLatin1String("binance")));
    }

    void backfillPagesAndMatchesExchange()
    {
        auto list = instruments(4);
        list[1].status = QStringLiteral("PreLaunch");   // not tradable: left out
        list[2].listedMs = kLastClosed - 6 * kInterval; // only 7 bars of history
        m_fake->setInstruments(list);
        m_fake->setInstrumentsPageSize(2); // instruments come in two pages
        BybitFeedConfig c = config();
        c.backfillBars = 250;
        c.klinePageLimit = 100;
        BybitFeed feed(c, m_clock);
        Recorder rec;
        rec.attach(feed, this);
        feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, 10000);

        QCOMPARE(rec.symbols.size(), 3);
        QCOMPARE(rec.symbols[0].name, QStringLiteral("S0USDT"));
        QCOMPARE(rec.symbols[1].name, QStringLiteral("S2USDT"));
        QCOMPARE(rec.symbols[0].tickSize, 0.1);
        QCOMPARE(rec.symbols[0].lotSize, 0.001);
        QCOMPARE(m_fake->requestCount(QStringLiteral("/v5/market/instruments-info")), 2);
        // 250 bars in pages of 100: three requests per full symbol, one for the young one.
        QCOMPARE(m_fake->requestCount(QStringLiteral("/v5/market/kline")), 3 + 1 + 3);
        for (int s : {0, 2}) {
            const QList<Candle> &got = rec.candles[s];
            QCOMPARE(got.size(), 250);
            for (int i = 0; i < got.size(); ++i) {
                const qint64 t = kLastClosed - qint64(249 - i) * kInterval;
                const Candle want = FakeBybitExchange::klineAt(rec.symbols[s].name, t, kInterval);
                QCOMPARE(got[i].openTimeMs, t);
                QCOMPARE(got[i].open, want.open);
                QCOMPARE(got[i].high, want.high);
                QCOMPARE(got[i].low, want.low);
                QCOMPARE(got[i].close, want.close);
                QCOMPARE(got[i].volume, want.volume);
                QVERIFY(got[i].closed);
            }
        }
        QCOMPARE(rec.candles[1].size(), 7);
        QCOMPARE(rec.candles[1].last().openTimeMs, kLastClosed);
        // Progress only grows and ends at the total.
        QVERIFY(rec.progress.size() > 3);
        for (int i = 1; i < rec.progress.size(); ++i)
            QVERIFY(rec.progress[i].first >= rec.progress[i - 1].first);
        QCOMPARE(rec.progress.last(), std::make_pair(750, 750));
        // Tickers from REST: turnover, open interest, change in percent.
        QCOMPARE(rec.tickers[0].quoteVolume24h, 1e6);
        QCOMPARE(rec.tickers[0].openInterestUsd, 777000.0);
        QCOMPARE(rec.tickers[0].changePct24h, 1.5);
    }

    void topNByTurnover()
    {
        m_fake->setInstruments(instruments(6));
        BybitFeedConfig c = config();
        c.symbols.topN = 2;
        BybitFeed feed(c, m_clock);
        Recorder rec;
        rec.attach(feed, this);
        feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, 10000);
        QCOMPARE(rec.symbols.size(), 2);
        QCOMPARE(rec.symbols[0].name, QStringLiteral("S5USDT"));
        QCOMPARE(rec.symbols[1].name, QStringLiteral("S4USDT"));
        QCOMPARE(m_fake->requestCount(QStringLiteral("/v5/market/kline")), 2);
    }

    void liveUpdatesReachTheStore()
    {
        m_fake->setInstruments(instruments(2));
        m_fake->setBook(QStringLiteral("S1USDT"), {{100.0, 5.0}}, {{100.2, 4.0}});
        auto *feed = new BybitFeed(config(), m_clock);
        MarketService service(feed);
        service.setOverviewIntervalMs(10);
        service.start();
        QVERIFY(waitLive(*feed, *m_fake));
        QTRY_COMPARE(service.store().market(1).bars.size(), 20);

        // Trades in the bar now forming, then the bar closes: its trade count is the number of prints.
        // The bar forming when the stream connected had trades before we listened: no count for it. The next
        // bar is covered from its open, so its trade count is the number of prints.
        const QString s1 = QStringLiteral("S1USDT");
        const qint64 next = kFormingOpen + kInterval;
        m_fake->sendTrades(s1, {kFormingOpen + 1000});
        m_fake->sendKline(s1, FakeBybitExchange::klineAt(s1, kFormingOpen, kInterval), true);
        m_fake->sendTrades(s1, {next + 1000, next + 2000, next + 3000});
        m_fake->sendTrades(s1, {next + 4000});
        Candle bar = FakeBybitExchange::klineAt(s1, next, kInterval);
        m_fake->sendKline(s1, bar, true);
        m_fake->sendTicker(s1,
                           {{QStringLiteral("lastPrice"), QStringLiteral("123.4")},
                            {QStringLiteral("turnover24h"), QStringLiteral("5000000")}},
                           false);
        const SymbolMarket &m = service.store().market(1);
        QTRY_COMPARE(m.bars.size(), 22);
        QCOMPARE(m.bars.at(20).trades, 0);
        QCOMPARE(m.bars.last().openTimeMs, next);
        QCOMPARE(m.bars.last().close, bar.close);
        QCOMPARE(m.bars.last().trades, 4);
        QTRY_COMPARE(m.ticker.lastPrice, 123.4);
        QCOMPARE(m.ticker.quoteVolume24h, 5e6);
        QCOMPARE(m.ticker.openInterestUsd, 777000.0); // a delta keeps the fields it does not carry
        QTRY_COMPARE(m.book.bestBid, 100.0);
        QCOMPARE(m.book.bestAsk, 100.2);
        QVERIFY(!m.book.estimated);
    }

    void barsMissedBetweenBackfillAndStreamAreFetched()
    {
        m_fake->setInstruments(instruments(1));
        BybitFeed feed(config(), m_clock);
        Recorder rec;
        rec.attach(feed, this);
        feed.start();
        QVERIFY(waitLive(feed, *m_fake));
        QCOMPARE(rec.candles[0].size(), 20);
        // Two bars closed before the stream's first kline: the feed asks REST for them and delivers them first.
        const QString s = QStringLiteral("S0USDT");
        const qint64 live = kFormingOpen + 2 * kInterval;
        m_fake->setNowMs(live + 1000);
        Candle forming = FakeBybitExchange::klineAt(s, live, kInterval);
        m_fake->sendKline(s, forming, false);
        QTRY_COMPARE(rec.candles[0].size(), 23);
        const QList<Candle> &c = rec.candles[0];
        QCOMPARE(c[20].openTimeMs, kFormingOpen);
        QCOMPARE(c[20].close, FakeBybitExchange::klineAt(s, kFormingOpen, kInterval).close);
        QVERIFY(c[20].closed);
        QCOMPARE(c[21].openTimeMs, kFormingOpen + kInterval);
        QCOMPARE(c[22].openTimeMs, live);
        QVERIFY(!c[22].closed);
        QCOMPARE(m_fake->requestCount(QStringLiteral("/v5/market/kline")), 2);
    }

    void runsOnTheEngineThread()
    {
        // The composition moves the service with its feed to the engine thread: sockets and timers go along.
        m_fake->setInstruments(instruments(1));
        QThread engine;
        auto *service = new MarketService(new BybitFeed(config(), m_clock));
        service->moveToThread(&engine);
        connect(&engine, &QThread::finished, service, &QObject::deleteLater);
        QSignalSpy done(service, &MarketService::backfillFinished);
        engine.start();
        QMetaObject::invokeMethod(service, &MarketService::start, Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(static_cast<int>(m_fake->subscribedTopics().size()), 4, 10000);
        QMetaObject::invokeMethod(service, &MarketService::stop, Qt::BlockingQueuedConnection);
        engine.quit();
        QVERIFY(engine.wait());
    }

    void bookMergesSnapshotAndDeltas()
    {
        m_fake->setInstruments(instruments(1));
        const QString s = QStringLiteral("S0USDT");
        m_fake->setBook(s, {{100.0, 1.0}, {99.9, 2.0}, {99.6, 3.0}, {99.0, 50.0}},
                        {{100.1, 1.0}, {100.3, 2.0}, {100.5, 4.0}, {101.0, 50.0}});
        BybitFeed feed(config(), m_clock);
        Recorder rec;
        rec.attach(feed, this);
        feed.start();
        QVERIFY(waitLive(feed, *m_fake));
        QTRY_VERIFY(rec.books[0].isValid());
        // New best bid, a bid level removed (size 0), an ask level changed.
        m_fake->sendBookDelta(s, {{100.05, 2.0}, {99.9, 0.0}}, {{100.3, 6.0}});
        m_fake->sendBookDelta(s, {}, {{100.1, 0.0}});
        QTRY_COMPARE(rec.books[0].bestBid, 100.05);
        QTRY_COMPARE(rec.books[0].bestAsk, 100.3);
        const BookSummary b = rec.books[0];
        // Bids within 0.3 % of 100.05 (>= 99.74985): 100.05 x2, 100 x1. Within 0.5 % (>= 99.54975): + 99.6 x3.
        QCOMPARE(b.bidDepth03, 100.05 * 2 + 100.0 * 1);
        QCOMPARE(b.bidDepth05, 100.05 * 2 + 100.0 * 1 + 99.6 * 3);
        // Asks within 0.3 % of 100.3 (<= 100.6009): 100.3 x6, 100.5 x4; 0.5 % (<= 100.8015): the same.
        QCOMPARE(b.askDepth03, 100.3 * 6 + 100.5 * 4);
        QCOMPARE(b.askDepth05, b.askDepth03);
        QVERIFY(std::abs(b.spreadBps - (100.3 - 100.05) / ((100.3 + 100.05) / 2) * 1e4) < 1e-9);
        QVERIFY(std::abs(b.imbalance - (b.bidDepth05 - b.askDepth05) / (b.bidDepth05 + b.askDepth05)) < 1e-12);
        QCOMPARE(feed.book(s)->bidLevels(), 4);
        QCOMPARE(feed.book(s)->askLevels(), 3);
    }

    void gapResubscribesAndResyncs()
    {
        m_fake->setInstruments(instruments(1));
        const QString s = QStringLiteral("S0USDT");
        m_fake->setBook(s, {{50.0, 1.0}}, {{50.1, 1.0}});
        BybitFeed feed(config(), m_clock);
        Recorder rec;
        rec.attach(feed, this);
        QSignalSpy resynced(&feed, &BybitFeed::bookResynced);
        feed.start();
        QVERIFY(waitLive(feed, *m_fake));
        QTRY_VERIFY(feed.book(s)->isValid());
        // One delta lost: the fake's book moved on (bid 49.9 added, then 50.0 gone), the feed saw only the second.
        m_fake->sendBookDelta(s, {{49.95, 3.0}}, {}, /*skipIds=*/1);
        QTRY_COMPARE(feed.stats().bookGaps, 1);
        QTRY_COMPARE(m_fake->unsubscribeCount(), 1);
        // The new snapshot rebuilds the book with the level the feed never saw as a delta.
        QTRY_VERIFY(feed.book(s)->isValid());
        QTRY_COMPARE(rec.books[0].bestBid, 50.0);
        QCOMPARE(feed.book(s)->bidLevels(), 2);
        QVERIFY(resynced.size() >= 1);
        QCOMPARE(feed.stats().bookResyncs, 1);
        // Deltas continue from the snapshot's id.
        m_fake->sendBookDelta(s, {{50.0, 0.0}}, {});
        QTRY_COMPARE(rec.books[0].bestBid, 49.95);
        QCOMPARE(feed.stats().bookGaps, 1);
    }

    void reconnectsAfterServerDrop()
    {
        m_fake->setInstruments(instruments(2));
        BybitFeed feed(config(), m_clock);
        Recorder rec;
        rec.attach(feed, this);
        feed.start();
        QVERIFY(waitLive(feed, *m_fake));
        QTRY_COMPARE(feed.connectedCount(), 1);
        m_fake->dropClients();
        QTRY_VERIFY(feed.stats().reconnects >= 1);
        QVERIFY(waitLive(feed, *m_fake));
        QTRY_COMPARE(feed.connectedCount(), 1);
        m_fake->sendTicker(QStringLiteral("S0USDT"), {{QStringLiteral("lastPrice"), QStringLiteral("77")}}, false);
        QTRY_COMPARE(rec.tickers[0].lastPrice, 77.0);
    }

    void rateLimitErrorsAreRetried()
    {
        m_fake->setInstruments(instruments(1));
        m_fake->injectFaults({FakeBybitExchange::Fault::RetCode10006, FakeBybitExchange::Fault::Http429,
                              FakeBybitExchange::Fault::Http403});
        BybitFeed feed(config(), m_clock);
        Recorder rec;
        rec.attach(feed, this);
        QSignalSpy errors(&feed, &MarketFeed::feedError);
        feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, 10000);
        QCOMPARE(feed.stats().rateLimitRetries, 3);
        QCOMPARE(m_fake->requestCount(QStringLiteral("/v5/market/instruments-info")), 4);
        QCOMPARE(rec.candles[0].size(), 20);
        QCOMPARE(errors.size(), 0);
    }

    void slowAnswerTimesOutAndIsRetried()
    {
        m_fake->setInstruments(instruments(1));
        m_fake->setSlowDelayMs(30000);
        m_fake->injectFaults({FakeBybitExchange::Fault::Slow});
        BybitFeedConfig c = config();
        c.requestTimeoutMs = 200;
        BybitFeed feed(c, m_clock);
        Recorder rec;
        rec.attach(feed, this);
        feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, 10000);
        QCOMPARE(feed.stats().requestRetries, 1);
        QCOMPARE(rec.symbols.size(), 1);
    }

    void fatalRestErrorEndsTheFeed()
    {
        m_fake->setInstruments(instruments(1));
        m_fake->injectFaults({FakeBybitExchange::Fault::RetCodeError});
        BybitFeed feed(config(), m_clock);
        QSignalSpy errors(&feed, &MarketFeed::feedError);
        QSignalSpy finished(&feed, &MarketFeed::finished);
        feed.start();
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(errors.at(0).at(0).toString().contains(QLatin1String("10001")));
    }

    void badMessagesAreSkippedAndCounted()
    {
        m_fake->setInstruments(instruments(1));
        BybitFeed feed(config(), m_clock);
        Recorder rec;
        rec.attach(feed, this);
        feed.start();
        QVERIFY(waitLive(feed, *m_fake));
        m_fake->sendRaw(QStringLiteral("this is not json"));
        m_fake->sendRaw(QStringLiteral("[1,2,3]"));
        m_fake->sendRaw(QStringLiteral("{\"topic\":\"kline.5.S0USDT\",\"data\":\"oops\"}"));
        m_fake->sendRaw(
            QStringLiteral("{\"topic\":\"orderbook.50.S0USDT\",\"type\":\"delta\",\"data\":{\"u\":\"x\"}}"));
        m_fake->sendRaw(
            QStringLiteral("{\"topic\":\"tickers.S0USDT\",\"type\":\"delta\",\"data\":{\"lastPrice\":[]}}"));
        m_fake->sendRaw(QStringLiteral("{\"topic\":\"liquidation.S0USDT\",\"data\":{}}"));
        m_fake->sendRaw(QStringLiteral("{\"topic\":\"tickers.NOPEUSDT\",\"data\":{}}"));
        m_fake->sendTicker(QStringLiteral("S0USDT"), {{QStringLiteral("lastPrice"), QStringLiteral("55.5")}}, false);
        QTRY_COMPARE(rec.tickers[0].lastPrice, 55.5);
        QCOMPARE(feed.stats().malformedMessages, 5);
        QCOMPARE(feed.stats().unknownTopics, 2);
        QCOMPARE(feed.stats().skippedMessages(), 7);
        QVERIFY(feed.isLive());
    }

    void subscriptionsAreBatchedOverConnections()
    {
        m_fake->setInstruments(instruments(10));
        BybitFeedConfig c = config();
        c.maxTopicsPerConnection = 8; // two symbols per connection
        c.maxTopicsPerRequest = 3;
        c.backfillBars = 0;
        BybitFeed feed(c, m_clock);
        feed.start();
        QVERIFY(waitLive(feed, *m_fake));
        QCOMPARE(feed.connectionCount(), 5);
        QTRY_COMPARE(m_fake->clientCount(), 5);
        const QList<int> sizes = m_fake->subscribeRequestSizes();
        QCOMPARE(sizes.size(), 5 * 3); // 8 topics in requests of 3, 3, 2
        for (int n : sizes)
            QVERIFY(n <= 3);
    }

    void keepalivePingIsSent()
    {
        m_fake->setInstruments(instruments(1));
        BybitFeedConfig c = config();
        c.pingIntervalMs = 20;
        c.backfillBars = 0;
        BybitFeed feed(c, m_clock);
        feed.start();
        QVERIFY(waitLive(feed, *m_fake));
        QTRY_VERIFY(m_fake->pingCount() >= 2);
    }

    void staleSymbolsAreReported()
    {
        m_fake->setInstruments(instruments(2));
        BybitFeedConfig c = config();
        c.staleAfterMs = 1000;
        c.backfillBars = 0;
        BybitFeed feed(c, m_clock);
        QSignalSpy stale(&feed, &BybitFeed::symbolStaleChanged);
        feed.start();
        QVERIFY(waitLive(feed, *m_fake));
        QTRY_VERIFY(feed.book(QStringLiteral("S0USDT"))->isValid() && feed.book(QStringLiteral("S1USDT"))->isValid());
        m_clock.advanceMs(2000);
        QTRY_COMPARE(feed.staleCount(), 2);
        QVERIFY(feed.isStale(QStringLiteral("S1USDT")));
        m_fake->sendTicker(QStringLiteral("S1USDT"), {{QStringLiteral("lastPrice"), QStringLiteral("9")}}, false);
        QTRY_COMPARE(feed.staleCount(), 1);
        QVERIFY(!feed.isStale(QStringLiteral("S1USDT")));
        QCOMPARE(stale.last().at(0).toString(), QStringLiteral("S1USDT"));
        QCOMPARE(stale.last().at(1).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestBybitFeed)
#include "tst_bybitfeed.moc"
