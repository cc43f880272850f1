#include "common/Clock.h"
#include "trading/PaperBroker.h"

#include <QRandomGenerator>
#include <QTest>

using namespace bw;

namespace {

const QString kSym = QStringLiteral("TESTUSDT");

BookSummary makeBook(double bid, double ask, double depth = 1e9)
{
    BookSummary b;
    b.bestBid = bid;
    b.bestAsk = ask;
    b.spreadBps = (ask - bid) / ((ask + bid) / 2) * 1e4;
    b.bidDepth03 = depth;
    b.askDepth03 = depth;
    b.bidDepth05 = depth * 1.5;
    b.askDepth05 = depth * 1.5;
    return b;
}

OrderRequest market(OrderSide side, double qty, bool reduceOnly = false)
{
    OrderRequest r;
    r.symbol = kSym;
    r.side = side;
    r.type = OrderType::Market;
    r.qty = qty;
    r.reduceOnly = reduceOnly;
    return r;
}

OrderRequest limit(OrderSide side, double qty, double price)
{
    OrderRequest r = market(side, qty);
    r.type = OrderType::Limit;
    r.limitPrice = price;
    return r;
}

OrderRequest stopMarket(OrderSide side, double qty, double stop, bool triggered = false)
{
    OrderRequest r = market(side, qty, true);
    r.type = OrderType::StopMarket;
    r.stopPrice = stop;
    r.triggered = triggered;
    return r;
}

bool near(double a, double b, double tol = 1e-9)
{
    return std::abs(a - b) <= tol * std::max({1.0, std::abs(a), std::abs(b)});
}

} // namespace

class TestPaperBroker : public QObject
{
    Q_OBJECT

private slots:
    void marketBuyPaysAskPlusSlippageImpactAndTakerFee()
    {
        ManualClock clock(1'700'000'000'000);
        ExecutionConfig config; // 5 bps slippage, 6.5 bps taker
        PaperBroker broker(config, clock);
        broker.updateBook(kSym, makeBook(99.9, 100.1, 1e6));

        const BrokerResult r = broker.submit(market(OrderSide::Buy, 100));
        QCOMPARE(r.fills.size(), 1);
        const Fill &f = r.fills.first();
        // 100 units take 10 010 of 1 000 000 depth: impact 30 bps * (0 + 0.01001) / 2.
        const double bps = 5.0 + 30.0 * (10010.0 / 1e6) / 2.0;
        QVERIFY(near(f.price, 100.1 * (1 + bps / 1e4)));
        QVERIFY(f.price > 100.1);
        QCOMPARE(f.liquidity, Liquidity::Taker);
        QVERIFY(near(f.feeUsd, 100 * f.price * 6.5e-4));
        QCOMPARE(r.orders.last().status, OrderStatus::Filled);
        QCOMPARE(r.orders.last().filledQty, 100.0);
        // Opening costs only the fee; equity also marks the position at the mid.
        QVERIFY(near(broker.cash(), 100000 - f.feeUsd));
        QVERIFY(near(broker.equity(), broker.cash() + 100 * (100.0 - f.price)));
        QCOMPARE(broker.netPosition(kSym).qty, 100.0);

        // Selling it back at the bid realises the round trip.
        const BrokerResult s = broker.submit(market(OrderSide::Sell, 100, true));
        QCOMPARE(s.fills.size(), 1);
        const Fill &g = s.fills.first();
        QVERIFY(g.price < 99.9);
        QVERIFY(near(g.realisedPnlUsd, (g.price - f.price) * 100));
        QVERIFY(near(broker.cash(), 100000 + g.realisedPnlUsd - f.feeUsd - g.feeUsd));
        QVERIFY(broker.netPositions().isEmpty());
        QVERIFY(near(broker.equity(), broker.cash()));
    }

    void partialFillsAgainstThinDepth()
    {
        ManualClock clock(1'700'000'000'000);
        PaperBroker broker(ExecutionConfig{}, clock);
        broker.updateBook(kSym, makeBook(99.99, 100.0, 5000)); // 5 000 USDT within 0.3 %: 50 units

        BrokerResult r = broker.submit(market(OrderSide::Buy, 120));
        QCOMPARE(r.fills.size(), 1);
        QCOMPARE(r.fills.first().qty, 50.0);
        // The whole band walked: 30 bps * (0 + 1) / 2 = 15 bps on top of 5 bps slippage.
        QVERIFY(near(r.fills.first().price, 100.0 * (1 + 20e-4)));
        Order o = r.orders.last();
        QCOMPARE(o.status, OrderStatus::PartiallyFilled);
        QCOMPARE(o.remainingQty(), 70.0);
        QCOMPARE(broker.activeOrders().size(), 1);

        // The same snapshot has nothing left for anybody.
        r = broker.submit(market(OrderSide::Buy, 1));
        QVERIFY(r.fills.isEmpty());
        QCOMPARE(r.orders.last().status, OrderStatus::Open);
        broker.cancel(r.orders.last().id, QStringLiteral("test"));

        // Fresh depth: the remainder fills over the next snapshots, oldest order first.
        r = broker.updateBook(kSym, makeBook(100.09, 100.1, 5000));
        QCOMPARE(r.fills.size(), 1);
        QVERIFY(near(r.fills.first().qty, 5000 / 100.1));
        r = broker.updateBook(kSym, makeBook(100.09, 100.1, 1e6));
        QCOMPARE(r.fills.size(), 1);
        QCOMPARE(r.orders.last().status, OrderStatus::Filled);
        QVERIFY(near(r.orders.last().filledQty, 120));
        QVERIFY(broker.activeOrders().isEmpty());
        QVERIFY(near(broker.netPosition(kSym).qty, 120));
    }

    void partialFillsRespectTheLotSize()
    {
        ManualClock clock(1'700'000'000'000);
        PaperBroker broker(ExecutionConfig{}, clock);
        SymbolInfo info;
        info.name = kSym;
        info.lotSize = 1;
        broker.setSymbolInfo(info);
        broker.updateBook(kSym, makeBook(99.99, 100.0, 5050)); // 50.5 units of depth
        const BrokerResult r = broker.submit(market(OrderSide::Buy, 120));
        QCOMPARE(r.fills.first().qty, 50.0);
    }

    void limitFillsOnlyWhenCrossedAndNeverBetterThanMarket()
    {
        ManualClock clock(1'700'000'000'000);
        ExecutionConfig config;
        PaperBroker broker(config, clock);
        broker.updateBook(kSym, makeBook(99.9, 100.1));

        // A passive buy below the market rests: the reference filled it at once, at a better price.
        BrokerResult r = broker.submit(limit(OrderSide::Buy, 10, 99.0));
        QVERIFY(r.fills.isEmpty());
        QCOMPARE(r.orders.last().status, OrderStatus::Open);
        r = broker.updateBook(kSym, makeBook(99.1, 99.3)); // close, not crossed
        QVERIFY(r.fills.isEmpty());
        r = broker.updateBook(kSym, makeBook(98.6, 98.8)); // the ask fell through the limit
        QCOMPARE(r.fills.size(), 1);
        const Fill f = r.fills.first();
        QCOMPARE(f.price, 99.0); // the limit price, which is above the ask: not better than the market
        QCOMPARE(f.liquidity, Liquidity::Maker);
        QVERIFY(near(f.feeUsd, 10 * 99.0 * 1.5e-4));

        // A passive sell above the market rests until the bid reaches it.
        r = broker.submit(limit(OrderSide::Sell, 10, 101.0));
        QVERIFY(r.fills.isEmpty());
        r = broker.updateBook(kSym, makeBook(100.95, 101.05));
        QVERIFY(r.fills.isEmpty());
        r = broker.updateBook(kSym, makeBook(101.0, 101.2));
        QCOMPARE(r.fills.size(), 1);
        QCOMPARE(r.fills.first().price, 101.0);
        QVERIFY(near(r.fills.first().realisedPnlUsd, 20.0));
    }

    void marketableLimitTakesLiquidityWithinItsPrice()
    {
        ManualClock clock(1'700'000'000'000);
        PaperBroker broker(ExecutionConfig{}, clock);
        broker.updateBook(kSym, makeBook(99.9, 100.0, 10000)); // 100 units of depth
        // Limit 100.1 leaves 10 bps: 5 for slippage, 5 for impact -> at most a third of the band.
        BrokerResult r = broker.submit(limit(OrderSide::Buy, 80, 100.1));
        QCOMPARE(r.fills.size(), 1);
        const Fill f = r.fills.first();
        QCOMPARE(f.liquidity, Liquidity::Taker);
        QVERIFY(f.price >= 100.0 && f.price <= 100.1);
        QVERIFY2(near(f.qty, 100.0 / 3.0, 1e-6), qPrintable(QString::number(f.qty)));
        QCOMPARE(r.orders.last().status, OrderStatus::PartiallyFilled);
        // The rest rests at its limit and fills as a maker once the ask comes down to it.
        r = broker.updateBook(kSym, makeBook(100.05, 100.15, 10000));
        QVERIFY(r.fills.isEmpty());
        r = broker.updateBook(kSym, makeBook(100.0, 100.1, 10000));
        QCOMPARE(r.fills.size(), 1);
        QCOMPARE(r.fills.first().price, 100.1);
        QCOMPARE(r.fills.first().liquidity, Liquidity::Maker);
    }

    void stopMarketFillsAtTheStopOrWorse()
    {
        ManualClock clock(1'700'000'000'000);
        PaperBroker broker(ExecutionConfig{}, clock);
        broker.updateBook(kSym, makeBook(99.9, 100.1));
        broker.submit(market(OrderSide::Buy, 30));

        // Untriggered: waits for the bid to cross 95.
        BrokerResult r = broker.submit(stopMarket(OrderSide::Sell, 10, 95.0));
        QVERIFY(r.fills.isEmpty());
        r = broker.updateBook(kSym, makeBook(95.5, 95.7));
        QVERIFY(r.fills.isEmpty());
        r = broker.updateBook(kSym, makeBook(94.0, 94.2)); // gapped through
        QCOMPARE(r.fills.size(), 1);
        QVERIFY(r.fills.first().price < 94.0); // worse than the stop: the market was there
        QCOMPARE(r.orders.last().status, OrderStatus::Filled);

        // Triggered by a bar the book no longer shows: filled at the stop, not at the better bid.
        broker.updateBook(kSym, makeBook(96.0, 96.2));
        r = broker.submit(stopMarket(OrderSide::Sell, 10, 95.0, true));
        QCOMPARE(r.fills.size(), 1);
        QCOMPARE(r.fills.first().price, 95.0);
        QCOMPARE(r.fills.first().liquidity, Liquidity::Taker);
    }

    void pathPriceFillsWhereTheBarMetTheOrder()
    {
        ManualClock clock(1'700'000'000'000);
        ExecutionConfig config;
        PaperBroker broker(config, clock);
        broker.updateBook(kSym, makeBook(99.9, 100.1));
        broker.submit(market(OrderSide::Buy, 30));

        // The bar went through the stop at 95 and closed at 90: the book shows the close, the stop fills
        // where the path met it, as a taker: the stop less slippage, not the close.
        broker.updateBook(kSym, makeBook(89.9, 90.1));
        OrderRequest stop = stopMarket(OrderSide::Sell, 5, 95.0, true);
        stop.pathPrice = 95.0;
        BrokerResult r = broker.submit(stop);
        QCOMPARE(r.fills.size(), 1);
        QVERIFY(near(r.fills.first().price, 95.0 * (1 - config.paperSlippageBps / 1e4), 1e-9));
        QCOMPARE(r.fills.first().liquidity, Liquidity::Taker);
        // A bar that opened at 93, below the stop: the open, less slippage.
        stop.pathPrice = 93.0;
        r = broker.submit(stop);
        QCOMPARE(r.fills.size(), 1);
        QVERIFY(near(r.fills.first().price, 93.0 * (1 - config.paperSlippageBps / 1e4), 1e-6));

        // A target reached on the path while the close is below it: a maker fill at the limit.
        OrderRequest target = limit(OrderSide::Sell, 10, 104.0);
        target.reduceOnly = true;
        target.pathPrice = 104.0;
        r = broker.submit(target);
        QCOMPARE(r.fills.size(), 1);
        QCOMPARE(r.fills.first().price, 104.0);
        QCOMPARE(r.fills.first().liquidity, Liquidity::Maker);

        // A bar that opened above the target: the better open.
        target.pathPrice = 106.0;
        r = broker.submit(target);
        QCOMPARE(r.fills.size(), 1);
        QCOMPARE(r.fills.first().price, 106.0);
        QVERIFY(near(broker.cash() - config.startingCash, broker.totalRealisedPnl() - broker.totalFees()));
    }

    void rejectsWhatCannotBeFilled()
    {
        ManualClock clock(1'700'000'000'000);
        PaperBroker broker(ExecutionConfig{}, clock);
        BrokerResult r = broker.submit(market(OrderSide::Buy, 1));
        QCOMPARE(r.orders.last().status, OrderStatus::Rejected);
        QVERIFY2(r.orders.last().reason.contains(QStringLiteral("no order book")), qPrintable(r.orders.last().reason));

        broker.updateBook(kSym, makeBook(99.9, 100.1));
        r = broker.submit(market(OrderSide::Sell, 1, true));
        QCOMPARE(r.orders.last().status, OrderStatus::Rejected);
        QVERIFY(r.orders.last().reason.contains(QStringLiteral("reduce-only")));
        r = broker.submit(market(OrderSide::Buy, -1));
        QCOMPARE(r.orders.last().status, OrderStatus::Rejected);
        r = broker.submit(limit(OrderSide::Buy, 1, 0));
        QCOMPARE(r.orders.last().status, OrderStatus::Rejected);

        // Reduce-only never flips the position.
        broker.submit(market(OrderSide::Buy, 5));
        r = broker.submit(market(OrderSide::Sell, 8, true));
        QCOMPARE(r.fills.first().qty, 5.0);
        QCOMPARE(r.orders.last().status, OrderStatus::Filled);
        QVERIFY(broker.netPositions().isEmpty());
    }

    // The note travels with the order through its fills; whatever the caller (ultimately a remote operator)
    // wrote, it stays one bounded line.
    void noteIsKeptAndBounded_data()
    {
        QTest::addColumn<QString>("note");
        QTest::addColumn<QString>("expected");
        const QString longWord = QString(300, u'x');
        QTest::newRow("plain") << QStringLiteral("closed by remote operator #3: news")
                               << QStringLiteral("closed by remote operator #3: news");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("line breaks and tabs") << QStringLiteral("closed by x:\nfake row\r\n\tmore  words ")
                                              << QStringLiteral("closed by x: fake row more words");
        QTest::newRow("exactly the limit") << QString(kMaxOrderNoteLength, u'y') << QString(kMaxOrderNoteLength, u'y');
        QTest::newRow("one over") << QString(kMaxOrderNoteLength + 1, u'y')
                                  << QString(kMaxOrderNoteLength - 1, u'y') + QChar(0x2026);
        QTest::newRow("a megabyte") << QString(1 << 20, u'z') << QString(kMaxOrderNoteLength - 1, u'z') + QChar(0x2026);
        // Spaces that collapse do not hide that the rest was cut.
        QTest::newRow("spaces then text") << QString(2 * kMaxOrderNoteLength, u' ') + longWord << QStringLiteral("…");
        // An emoji (two UTF-16 units) straddling the cut is dropped whole, not halved.
        QTest::newRow("surrogate at the cut")
            << QString(kMaxOrderNoteLength - 2, u'a') + QString::fromUtf8("\xF0\x9F\x98\x80") + QStringLiteral("bc")
            << QString(kMaxOrderNoteLength - 2, u'a') + QChar(0x2026);
    }

    void noteIsKeptAndBounded()
    {
        QFETCH(QString, note);
        QFETCH(QString, expected);
        ManualClock clock(1'700'000'000'000);
        PaperBroker broker(ExecutionConfig{}, clock);
        broker.updateBook(kSym, makeBook(99.9, 100.1, 200.0)); // about 2 units within 0.3 %: a partial fill
        OrderRequest request = market(OrderSide::Buy, 5);
        request.note = note;
        BrokerResult r = broker.submit(request);
        QCOMPARE(r.orders.last().status, OrderStatus::PartiallyFilled);
        QCOMPARE(r.orders.last().note, expected);
        QVERIFY(r.orders.last().note.size() <= kMaxOrderNoteLength);
        r = broker.updateBook(kSym, makeBook(99.9, 100.1));
        QCOMPARE(r.orders.last().status, OrderStatus::Filled);
        QCOMPARE(r.orders.last().note, expected);

        // A refused order keeps its note as well: it says what was attempted, the reason why it failed.
        request.reduceOnly = true;
        request.side = OrderSide::Sell;
        request.qty = 100;
        broker.submit(market(OrderSide::Sell, 5, true));
        r = broker.submit(request);
        QCOMPARE(r.orders.last().status, OrderStatus::Rejected);
        QCOMPARE(r.orders.last().note, expected);
        QVERIFY(!r.orders.last().reason.isEmpty());
    }

    void realisedMinusFeesEqualsCashChangeOverRandomTrades()
    {
        ManualClock clock(1'700'000'000'000);
        ExecutionConfig config;
        PaperBroker broker(config, clock);
        QRandomGenerator rng(20261127);
        const QStringList symbols{QStringLiteral("AAAUSDT"), QStringLiteral("BBBUSDT"), QStringLiteral("CCCUSDT")};
        QHash<QString, double> mid{{symbols[0], 100.0}, {symbols[1], 2.5}, {symbols[2], 40000.0}};

        double realised = 0, fees = 0, buyNotional = 0, sellNotional = 0;
        int fillCount = 0, partial = 0, makers = 0;
        const auto account = [&](const BrokerResult &r) {
            for (const Fill &f : r.fills) {
                realised += f.realisedPnlUsd;
                fees += f.feeUsd;
                (f.side == OrderSide::Buy ? buyNotional : sellNotional) += f.qty * f.price;
                const double bps = f.liquidity == Liquidity::Taker ? config.fees.takerBps : config.fees.makerBps;
                QVERIFY(near(f.feeUsd, f.qty * f.price * bps / 1e4));
                ++fillCount;
                makers += f.liquidity == Liquidity::Maker ? 1 : 0;
            }
            for (const Order &o : r.orders)
                partial += o.status == OrderStatus::PartiallyFilled ? 1 : 0;
        };

        for (int step = 0; step < 3000; ++step) {
            clock.advanceMs(1000);
            const QString &sym = symbols[rng.bounded(symbols.size())];
            double &m = mid[sym];
            m *= 1.0 + (rng.generateDouble() - 0.5) * 0.01;
            const double half = m * (1 + rng.bounded(10)) * 1e-4;
            const double depth = 2000.0 + rng.generateDouble() * 200000.0;
            account(broker.updateBook(sym, makeBook(m - half, m + half, depth)));

            OrderRequest req;
            req.symbol = sym;
            req.side = rng.bounded(2) ? OrderSide::Buy : OrderSide::Sell;
            req.qty = (500.0 + rng.generateDouble() * 20000.0) / m;
            switch (rng.bounded(4)) {
            case 0:
            case 1:
                req.type = OrderType::Market;
                break;
            case 2:
                req.type = OrderType::Limit;
                req.limitPrice = m * (1.0 + (rng.generateDouble() - 0.5) * 0.004);
                break;
            default:
                req.type = OrderType::StopMarket;
                req.stopPrice = m * (1.0 + (req.side == OrderSide::Buy ? 1 : -1) * rng.generateDouble() * 0.003);
                break;
            }
            req.reduceOnly = rng.bounded(5) == 0;
            account(broker.submit(req));
            if (rng.bounded(10) == 0 && !broker.activeOrders().isEmpty())
                account(broker.cancel(broker.activeOrders().first().id, QStringLiteral("random cancel")));

            // The invariant holds after every step, not only at the end.
            QVERIFY2(near(realised - fees, broker.cash() - config.startingCash, 1e-9),
                     qPrintable(QStringLiteral("step %1: realised-fees %2, cash change %3")
                                    .arg(step)
                                    .arg(realised - fees, 0, 'f', 6)
                                    .arg(broker.cash() - config.startingCash, 0, 'f', 6)));
            QVERIFY(near(broker.equity(), broker.cash() + broker.unrealisedPnl()));
        }
        QVERIFY(fillCount > 1000);
        QVERIFY2(partial > 50, "thin books produced partial fills");
        QVERIFY2(makers > 20, "resting limits produced maker fills");

        // Flatten: cancel everything, close every holding with deep books.
        for (const Order &o : broker.activeOrders())
            account(broker.cancel(o.id, QStringLiteral("flatten")));
        for (const QString &sym : symbols) {
            account(broker.updateBook(sym, makeBook(mid[sym] * 0.9999, mid[sym] * 1.0001, 1e12)));
            const double net = broker.netPosition(sym).qty;
            if (net != 0) {
                OrderRequest close = market(net > 0 ? OrderSide::Sell : OrderSide::Buy, std::abs(net), true);
                close.symbol = sym;
                account(broker.submit(close));
            }
        }
        QVERIFY(broker.netPositions().isEmpty());
        QVERIFY(near(broker.unrealisedPnl(), 0));
        // Flat everywhere: the cash change is the money that went through the fills, independent of how
        // the broker averaged its entries.
        QVERIFY(near(broker.cash() - config.startingCash, sellNotional - buyNotional - fees, 1e-9));
        QVERIFY(near(realised - fees, broker.cash() - config.startingCash, 1e-9));
        QVERIFY(near(broker.totalFees(), fees));
        QVERIFY(near(broker.totalRealisedPnl(), realised));
    }
};

QTEST_APPLESS_MAIN(TestPaperBroker)
#include "tst_paperbroker.moc"
