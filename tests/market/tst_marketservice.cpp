#include "market/MarketService.h"
#include "market/SimulatedFeed.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace bw;

namespace {

constexpr qint64 kStart = 1767225600000;
constexpr qint64 k5m = 300000;

SimulatedFeedConfig fastConfig(int symbols, int backfill)
{
    SimulatedFeedConfig c;
    c.symbols = symbols;
    c.backfillBars = backfill;
    c.ticksPerBar = 4;
    c.speedUp = 1e9;
    c.startTimeMs = kStart;
    return c;
}

// A feed the test drives by hand, to control exactly what arrives when.
class ManualFeed final : public MarketFeed
{
public:
    QString sourceName() const override { return QStringLiteral("manual"); }
    qint64 barIntervalMs() const override { return k5m; }
    void start() override {}
    void stop() override {}

    void sendSymbols(int n)
    {
        QList<SymbolInfo> list;
        for (int i = 0; i < n; ++i) {
            SymbolInfo s;
            s.name = QStringLiteral("S%1USDT").arg(i);
            list << s;
        }
        emit symbolsReady(list);
    }
    void sendBar(int symbol, int index, bool closed, double close = 10)
    {
        MarketUpdateBatch b;
        b.marketTimeMs = kStart + (index + (closed ? 1 : 0)) * k5m;
        CandleUpdate u;
        u.symbol = symbol;
        u.candle.openTimeMs = kStart + index * k5m;
        u.candle.open = u.candle.high = u.candle.low = u.candle.close = close;
        u.candle.volume = 1;
        u.candle.trades = 1;
        u.candle.closed = closed;
        b.candles << u;
        emit updatesReady(b);
    }
};

} // namespace

class TestMarketService : public QObject
{
    Q_OBJECT

private slots:
    void overviewArrivesWithAllSymbolsAfterBackfill()
    {
        MarketService service(new SimulatedFeed(fastConfig(120, 80)));
        service.setOverviewIntervalMs(20);
        QSignalSpy overviews(&service, &MarketService::overviewReady);
        QSignalSpy closes(&service, &MarketService::barsClosed);
        QSignalSpy finished(&service, &MarketService::backfillFinished);
        service.start();
        QVERIFY(finished.wait(10000));
        QVERIFY(!service.isBackfilling());
        QTRY_VERIFY(overviews.size() >= 2);

        const auto o = overviews.last().at(0).value<MarketOverview>();
        QCOMPARE(o.symbols.size(), 120);
        QVERIFY(o.sourceName.contains(QStringLiteral("120")));
        QCOMPARE(o.barIntervalMs, k5m);
        QVERIFY(o.marketTimeMs >= kStart);
        QVERIFY(!o.backfilling);
        QCOMPARE(o.backfillDone, 80);
        QCOMPARE(o.backfillTotal, 80);
        QCOMPARE(o.storeBytes, service.store().bytesHeld());
        QCOMPARE(o.symbols[0].symbol, QStringLiteral("BTCUSDT"));
        for (const SymbolOverview &row : o.symbols) {
            QVERIFY(row.lastPrice > 0);
            QVERIFY(row.quoteVolume24h > 0);
            QVERIFY(row.spreadBps > 0);
            QVERIFY(row.tradesPerMinute > 0);
            QVERIFY(!row.stale);
            QVERIFY(row.lastClosedBarOpenMs >= kStart - k5m);
        }

        // Backfill closes reached the store and were announced.
        QVERIFY(!closes.isEmpty());
        QCOMPARE(closes.first().at(0).value<QList<int>>().size(), 120);
        QVERIFY(service.store().market(5).bars.size() >= 80);
        QVERIFY(service.store().market(5).bars15m.size() >= 25);
        // Live bars keep closing.
        const qint64 before = service.store().market(0).bars.lastOpenTimeMs();
        QTRY_VERIFY(service.store().market(0).bars.lastOpenTimeMs() > before);
        service.stop();
    }

    void holdDefersUpdatesAndReleaseAppliesThem()
    {
        auto *feed = new ManualFeed;
        MarketService service(feed);
        QSignalSpy closes(&service, &MarketService::barsClosed);
        feed->sendSymbols(3);
        QCOMPARE(service.store().symbolCount(), 3);
        feed->sendBar(0, 0, true);
        QCOMPARE(closes.size(), 1);
        QCOMPARE(closes.takeFirst().at(0).value<QList<int>>(), QList<int>{0});

        service.holdUpdates();
        service.holdUpdates(); // nested
        feed->sendBar(0, 1, true);
        feed->sendBar(2, 1, true);
        feed->sendBar(0, 2, false);
        QCOMPARE(service.store().market(0).bars.size(), 1); // readers see a still store
        QVERIFY(!service.store().market(0).bars.forming().has_value());
        QCOMPARE(service.pendingBatchCount(), 3);
        QVERIFY(closes.isEmpty());
        service.releaseUpdates();
        QCOMPARE(service.store().market(0).bars.size(), 1);
        service.releaseUpdates();
        QCOMPARE(service.pendingBatchCount(), 0);
        QCOMPARE(service.store().market(0).bars.size(), 2);
        QCOMPARE(service.store().market(2).bars.size(), 1);
        QVERIFY(service.store().market(0).bars.forming().has_value());
        QCOMPARE(closes.size(), 1);
        QCOMPARE(closes.first().at(0).value<QList<int>>(), (QList<int>{0, 2}));
    }

    void aLongHoldStaysBoundedAndLosesNoClosedBar()
    {
        auto *feed = new ManualFeed;
        MarketService service(feed, 100);
        feed->sendSymbols(2);
        service.holdUpdates();
        // 1000 bars of symbol 0 (forming tick then close) and a forming-only symbol 1.
        for (int i = 0; i < 1000; ++i) {
            feed->sendBar(0, i, false, 10 + i);
            feed->sendBar(0, i, true, 10 + i);
            feed->sendBar(1, i, false, 5);
            QVERIFY(service.pendingBatchCount() <= MarketService::kMaxPendingBatches + 1);
        }
        QVERIFY(service.mergeCount() > 0);
        service.releaseUpdates();
        // The ring holds the newest 100 closed bars, exactly as if nothing had been held.
        const CandleSeries &bars = service.store().market(0).bars;
        QCOMPARE(bars.size(), 100);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(bars.openTime(i), kStart + (900 + i) * k5m);
        QCOMPARE(bars.last().close, 1009.0);
        QCOMPARE(service.store().market(1).bars.forming()->openTimeMs, kStart + 999 * k5m);
    }

    void mergeKeepsOrderAndNewestState()
    {
        MarketUpdateBatch a, b;
        a.marketTimeMs = 1;
        b.marketTimeMs = 2;
        const auto candle = [](int symbol, int index, bool closed) {
            CandleUpdate u;
            u.symbol = symbol;
            u.candle.openTimeMs = index * k5m;
            u.candle.close = index;
            u.candle.closed = closed;
            return u;
        };
        a.candles << candle(0, 1, true) << candle(0, 2, false) << candle(1, 1, false) << candle(9, 1, true);
        b.candles << candle(0, 2, true) << candle(1, 1, false);
        TickerUpdate t;
        t.symbol = 1;
        t.ticker.lastPrice = 1;
        a.tickers << t;
        t.ticker.lastPrice = 2;
        b.tickers << t;
        const MarketUpdateBatch m = MarketService::mergeBatches({a, b}, 2, 10);
        QCOMPARE(m.marketTimeMs, qint64(2));
        QCOMPARE(m.candles.size(), 3);
        QCOMPARE(m.candles[0].candle.openTimeMs, 1 * k5m);
        QCOMPARE(m.candles[1].candle.openTimeMs, 2 * k5m);
        QVERIFY(m.candles[1].candle.closed); // the forming tick of bar 2 is superseded by its close
        QCOMPARE(m.candles[2].symbol, 1);
        QCOMPARE(m.tickers.size(), 1);
        QCOMPARE(m.tickers[0].ticker.lastPrice, 2.0);
    }

    void runsOnItsOwnThread()
    {
        QThread engine;
        engine.setObjectName(QStringLiteral("engine"));
        auto *service = new MarketService(new SimulatedFeed(fastConfig(50, 30)));
        service->setOverviewIntervalMs(10);
        service->moveToThread(&engine);
        QVERIFY(service->feed()->thread() == &engine);
        connect(&engine, &QThread::finished, service, &QObject::deleteLater);

        MarketOverview received;
        std::atomic<int> closedBatches{0};
        QObject receiver; // destroyed before the captured locals, so no late queued call can reach them
        connect(
            service, &MarketService::overviewReady, &receiver, [&received](const MarketOverview &o) { received = o; },
            Qt::QueuedConnection);
        connect(
            service, &MarketService::barsClosed, &receiver, [&closedBatches](const QList<int> &) { ++closedBatches; },
            Qt::QueuedConnection);
        engine.start();
        QMetaObject::invokeMethod(service, &MarketService::start, Qt::QueuedConnection);
        QTRY_VERIFY(!received.symbols.isEmpty() && !received.backfilling && received.backfillTotal == 30);
        QCOMPARE(received.symbols.size(), 50);
        QTRY_VERIFY(closedBatches.load() > 2);
        QMetaObject::invokeMethod(service, &MarketService::stop, Qt::BlockingQueuedConnection);
        engine.quit();
        QVERIFY(engine.wait(5000));
    }
};

QTEST_GUILESS_MAIN(TestMarketService)
#include "tst_marketservice.moc"
