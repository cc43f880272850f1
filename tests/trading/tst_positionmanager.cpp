#include "common/Clock.h"
#include "common/NumberFormat.h"
#include "market/Candle.h"
#include "trading/PositionManager.h"

#include <QDateTime>
#include <QTest>

#include <memory>

using namespace bw;

namespace {

const QString kSym = QStringLiteral("TESTUSDT");

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

BookSummary bookAt(double mid, double depth = 1e9)
{
    BookSummary b;
    b.bestBid = mid * (1 - 0.5e-4);
    b.bestAsk = mid * (1 + 0.5e-4);
    b.spreadBps = 1;
    b.bidDepth03 = depth;
    b.askDepth03 = depth;
    return b;
}

Signal signal(TradeSide side, const QString &symbol = kSym)
{
    Signal s;
    s.id = symbol + QStringLiteral(":momentum:1");
    s.symbol = symbol;
    s.side = side;
    s.entry = 100;
    s.stop = side == TradeSide::Long ? 98 : 102;
    s.level = 99.8;
    s.confidence = 0.6;
    s.atr = 1.0;
    s.setTargetsFromR(1.5, 2.8);
    return s;
}

// A triggered stop met on a bar's path fills as a taker from the stop: the default 5 bps of paper slippage
// against us (the test books are deep, so there is no depth impact).
double stopFill(double stop, OrderSide side)
{
    return stop * (side == OrderSide::Sell ? 1 - 5e-4 : 1 + 5e-4);
}

bool near(double a, double b, double tol = 1e-9)
{
    return std::abs(a - b) <= tol * std::max({1.0, std::abs(a), std::abs(b)});
}

// A broker, a book and a manager on a manual clock, recording everything they report.
struct Rig {
    explicit Rig(const PositionConfig &positionConfig = {}, const ExecutionConfig &execution = {})
        : clock(utc("2026-11-27T10:00:00.000Z"))
        , broker(execution, clock)
        , manager(broker, book, positionConfig, clock)
    {
        SymbolInfo info;
        info.name = kSym;
        info.lotSize = 0.001;
        broker.setSymbolInfo(info);
    }

    void record(const TradingUpdate &u)
    {
        orders += u.orders;
        fills += u.fills;
        finished += u.finished;
        last = u;
    }

    qint64 open(const Signal &s, double qty, double depth = 1e9)
    {
        record(manager.onMarket(s.symbol, bookAt(s.entry, depth), MarkUpdate::tick(s.entry)));
        lastClose[s.symbol] = s.entry;
        QString error;
        const TradingUpdate u = manager.open(s, qty, &error);
        record(u);
        return u.positions.isEmpty() ? 0 : u.positions.constFirst().id;
    }

    // One bar that opens where the last one closed (the engine's MarkUpdate::bar): the book sits at
    // `close`, the bar spans [low, high] and is walked as a path.
    void bar(double close, double high, double low, double atr = 0, double depth = 1e9, const QString &symbol = kSym)
    {
        barFrom(lastClose.value(symbol, close), close, high, low, atr, depth, symbol);
    }
    void barFrom(double open, double close, double high, double low, double atr = 0, double depth = 1e9,
                 const QString &symbol = kSym)
    {
        clock.advanceMs(60'000);
        Candle candle;
        candle.open = open;
        candle.high = high;
        candle.low = low;
        candle.close = close;
        record(manager.onMarket(symbol, bookAt(close, depth), MarkUpdate::bar(candle, atr)));
        lastClose[symbol] = close;
    }
    // A range with no open (no path): exits are judged on the extremes and fill against the book.
    void range(double close, double high, double low, double atr = 0)
    {
        clock.advanceMs(60'000);
        record(manager.onMarket(kSym, bookAt(close), MarkUpdate{close, high, low, atr}));
        lastClose[kSym] = close;
    }

    const Position &position(qint64 id) const { return *book.find(id); }

    QList<Fill> fillsFor(OrderPurpose purpose) const
    {
        QList<Fill> list;
        for (const Fill &f : fills) {
            if (f.purpose == purpose)
                list.append(f);
        }
        return list;
    }

    QList<qint64> exitOrderIds() const
    {
        QList<qint64> ids;
        for (const Order &o : orders) {
            if (o.purpose != OrderPurpose::Entry && !ids.contains(o.id))
                ids.append(o.id);
        }
        return ids;
    }

    // Cash moved by exactly realised PnL minus fees, and each closed trade accounts for its share.
    void checkAccounting() const
    {
        double realised = 0, fees = 0;
        for (const Fill &f : fills) {
            realised += f.realisedPnlUsd;
            fees += f.feeUsd;
        }
        QVERIFY(near(broker.cash() - broker.config().startingCash, realised - fees));
        if (book.livePositions().isEmpty()) {
            double net = 0;
            for (const Position &p : book.recentHistory())
                net += p.netRealisedUsd();
            QVERIFY(near(net, broker.cash() - broker.config().startingCash));
            QVERIFY(broker.netPositions().isEmpty());
        }
    }

    ManualClock clock;
    PaperBroker broker;
    PositionBook book;
    PositionManager manager;
    QList<Order> orders;
    QList<Fill> fills;
    QList<Position> finished;
    TradingUpdate last;
    QHash<QString, double> lastClose;
};

} // namespace

class TestPositionManager : public QObject
{
    Q_OBJECT

private slots:
    void entryFreezesInitialRisk()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        QVERIFY(id > 0);
        const Position &p = rig.position(id);
        QCOMPARE(p.status, PositionStatus::Open);
        QCOMPARE(p.qty, 10.0);
        QCOMPARE(rig.fills.size(), 1);
        QVERIFY(p.avgEntry > 100.0); // the ask plus slippage, not the signal's price
        QVERIFY(near(p.initialRiskPerUnit, p.avgEntry - 98.0));
        QVERIFY(near(p.initialRiskUsd, 10 * (p.avgEntry - 98.0)));
        QVERIFY(near(p.tp1Price, p.avgEntry + 1.5 * p.initialRiskPerUnit));
        QVERIFY(near(p.tp2Price, p.avgEntry + 2.8 * p.initialRiskPerUnit));

        QString error;
        QVERIFY(rig.manager.open(signal(TradeSide::Long), 5, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("already live")), qPrintable(error));
        Signal bad = signal(TradeSide::Long, QStringLiteral("OTHERUSDT"));
        bad.stop = 101;
        QVERIFY(rig.manager.open(bad, 5, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("not below")), qPrintable(error));
    }

    void stopLossExitsThroughTheBroker()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        rig.bar(99.0, 99.5, 98.5);
        QCOMPARE(rig.position(id).status, PositionStatus::Open);
        rig.bar(97.8, 98.6, 97.7); // through the stop at 98

        const Position &p = rig.position(id);
        QCOMPARE(p.status, PositionStatus::Closed);
        QCOMPARE(p.exitReason, OrderPurpose::StopLoss);
        QCOMPARE(p.qty, 0.0);
        const QList<Fill> exits = rig.fillsFor(OrderPurpose::StopLoss);
        QCOMPARE(exits.size(), 1);
        QCOMPARE(exits.first().side, OrderSide::Sell);
        QCOMPARE(exits.first().qty, 10.0);
        // Met at 98 on the way down from the open at 99: filled from the stop, not at the close of 97.8.
        QVERIFY(near(exits.first().price, stopFill(98.0, OrderSide::Sell), 1e-6));
        QCOMPARE(rig.exitOrderIds().size(), 1);
        const Order exitOrder = rig.orders.last();
        QVERIFY(exitOrder.reduceOnly);
        QCOMPARE(exitOrder.type, OrderType::StopMarket);
        QCOMPARE(exitOrder.status, OrderStatus::Filled);
        // The frozen R plus the slippage (fees aside).
        QVERIFY(near(p.pnlR(exits.first().price), -1.0 - 98.0 * 5e-4 / p.initialRiskPerUnit, 1e-6));
        QVERIFY(p.netRealisedUsd() < 0);
        QCOMPARE(rig.finished.size(), 1);
        rig.checkAccounting();
    }

    void stopFillsAtTheStopWhenTheBarRecovered()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        rig.bar(98.6, 99.0, 97.9); // the low pierced 98, the close (and book) did not stay there
        const Position &p = rig.position(id);
        QCOMPARE(p.status, PositionStatus::Closed);
        QVERIFY(near(rig.fillsFor(OrderPurpose::StopLoss).first().price, stopFill(98.0, OrderSide::Sell), 1e-6));
        rig.checkAccounting();
    }

    void takeProfitOneThenBreakeven()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        const double tp2Before = rig.position(id).tp2Price;
        const double avg = rig.position(id).avgEntry;

        rig.bar(103.5, 103.6, 102.9, 3.0); // above TP1 (about 103.1); a wide ATR keeps the trail below breakeven
        Position p = rig.position(id);
        const QList<Fill> tp1 = rig.fillsFor(OrderPurpose::TakeProfit1);
        QCOMPARE(tp1.size(), 1);
        QCOMPARE(tp1.first().qty, 4.0); // 40 % of the entry
        QVERIFY(tp1.first().price >= p.tp1Price);
        QVERIFY(p.tp1Done);
        QCOMPARE(p.qty, 6.0);
        QCOMPARE(p.stopKind, StopKind::Breakeven);
        QVERIFY(near(p.stop, rig.manager.breakevenPrice(TradeSide::Long, avg)));
        QVERIFY(p.stop > avg);
        // R stays the initial one: the reference recomputed it from the moved stop and TP2 collapsed.
        QCOMPARE(p.tp2Price, tp2Before);
        QVERIFY(near(p.initialRiskPerUnit, avg - 98.0));

        rig.bar(100.5, 101.0, 100.2, 3.0); // back down through the breakeven stop
        p = rig.position(id);
        QCOMPARE(p.status, PositionStatus::Closed);
        QCOMPARE(p.exitReason, OrderPurpose::Breakeven);
        const QList<Fill> be = rig.fillsFor(OrderPurpose::Breakeven);
        QCOMPARE(be.size(), 1);
        QCOMPARE(be.first().qty, 6.0);
        // The breakeven leg pays its own exit fee and its share of the entry fee.
        const double entryFeeShare = rig.fillsFor(OrderPurpose::Entry).first().feeUsd * 0.6;
        QVERIFY(be.first().realisedPnlUsd - be.first().feeUsd - entryFeeShare >= 0);
        QVERIFY(p.netRealisedUsd() > 0);
        rig.checkAccounting();
    }

    void restingTakeProfitGivesWayToTheStop()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        const double tp1 = rig.position(id).tp1Price;
        // A range (no path) whose high touched TP1 while the book closed below it: the target rests as a
        // limit order.
        rig.range(102.0, tp1 + 0.1, 101.5, 3.0);
        Position p = rig.position(id);
        QVERIFY(rig.fillsFor(OrderPurpose::TakeProfit1).isEmpty());
        QVERIFY(p.exitOrderId != 0);
        QCOMPARE(rig.broker.order(p.exitOrderId)->type, OrderType::Limit);
        QVERIFY(!p.tp1Done);

        // The market turns and crosses the stop: the resting target is cancelled, the stop takes everything.
        rig.bar(97.9, 100.0, 97.8, 3.0);
        p = rig.position(id);
        QCOMPARE(p.status, PositionStatus::Closed);
        QCOMPARE(p.exitReason, OrderPurpose::StopLoss);
        QCOMPARE(rig.fillsFor(OrderPurpose::StopLoss).first().qty, 10.0);
        bool cancelledTarget = false;
        for (const Order &o : rig.orders)
            cancelledTarget |= o.purpose == OrderPurpose::TakeProfit1 && o.status == OrderStatus::Cancelled;
        QVERIFY(cancelledTarget);
        QVERIFY(rig.broker.activeOrders().isEmpty());
        rig.checkAccounting();
    }

    void restingTakeProfitFillsWhenTheMarketComesBack()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        const double tp1 = rig.position(id).tp1Price;
        rig.range(102.0, tp1 + 0.1, 101.5, 3.0);
        QVERIFY(rig.fillsFor(OrderPurpose::TakeProfit1).isEmpty());
        rig.range(tp1 + 0.5, tp1 + 0.6, 102.5, 3.0); // the bid crosses the resting limit
        const QList<Fill> tp = rig.fillsFor(OrderPurpose::TakeProfit1);
        QCOMPARE(tp.size(), 1);
        QCOMPARE(tp.first().price, tp1); // a maker fill at its own price
        QCOMPARE(tp.first().liquidity, Liquidity::Maker);
        QVERIFY(rig.position(id).tp1Done);
        QCOMPARE(rig.position(id).stopKind, StopKind::Breakeven);
        rig.checkAccounting();
    }

    void stopInsideABarFillsAtTheStop()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        // Opens at 99.5, falls through the stop at 98 to 96, closes at 96.5: the stop was met at 98.
        rig.barFrom(99.5, 96.5, 99.6, 96.0);
        const Position &p = rig.position(id);
        QCOMPARE(p.status, PositionStatus::Closed);
        QCOMPARE(p.exitReason, OrderPurpose::StopLoss);
        const QList<Fill> exits = rig.fillsFor(OrderPurpose::StopLoss);
        QCOMPARE(exits.size(), 1);
        QCOMPARE(exits.first().qty, 10.0);
        QCOMPARE(exits.first().liquidity, Liquidity::Taker);
        QVERIFY(near(exits.first().price, stopFill(98.0, OrderSide::Sell), 1e-6));
        // One R and the slippage lost (the close would have cost 1.75 R).
        QVERIFY(near(p.pnlR(exits.first().price), -1.0 - 98.0 * 5e-4 / p.initialRiskPerUnit, 1e-6));
        rig.checkAccounting();
    }

    void gapThroughTheStopFillsAtTheOpen()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        rig.barFrom(95.0, 96.8, 97.0, 94.0); // opened below the stop at 98: no trade happened there
        const Position &p = rig.position(id);
        QCOMPARE(p.status, PositionStatus::Closed);
        QCOMPARE(p.exitReason, OrderPurpose::StopLoss);
        const QList<Fill> exits = rig.fillsFor(OrderPurpose::StopLoss);
        QCOMPARE(exits.size(), 1);
        // The open less 5 bps of slippage: not the stop, not the close.
        QVERIFY(near(exits.first().price, 95.0 * (1 - 5e-4), 1e-6));
        QVERIFY(p.pnlR(exits.first().price) < -2.4);
        rig.checkAccounting();
    }

    void shortStopInsideABarAndThroughAGap()
    {
        Rig rig;
        qint64 id = rig.open(signal(TradeSide::Short), 10);
        rig.barFrom(100.5, 103.0, 103.5, 100.2); // up through the stop at 102 to 103.5
        QCOMPARE(rig.position(id).exitReason, OrderPurpose::StopLoss);
        QVERIFY(near(rig.fillsFor(OrderPurpose::StopLoss).first().price, stopFill(102.0, OrderSide::Buy), 1e-6));

        id = rig.open(signal(TradeSide::Short), 10);
        rig.barFrom(104.0, 103.0, 104.5, 102.5); // gapped above the stop
        QCOMPARE(rig.position(id).exitReason, OrderPurpose::StopLoss);
        QVERIFY(near(rig.fillsFor(OrderPurpose::StopLoss).last().price, 104.0 * (1 + 5e-4), 1e-6));
        rig.checkAccounting();
    }

    void targetInsideABarFillsAtTheTarget()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        const double tp1 = rig.position(id).tp1Price;
        // Up through TP1 and back below it by the close: the resting target was filled on the way.
        rig.barFrom(100.5, 101.5, tp1 + 0.5, 100.2, 3.0);
        const QList<Fill> tp = rig.fillsFor(OrderPurpose::TakeProfit1);
        QCOMPARE(tp.size(), 1);
        QCOMPARE(tp.first().price, tp1);
        QCOMPARE(tp.first().liquidity, Liquidity::Maker);
        QCOMPARE(tp.first().qty, 4.0);
        QVERIFY(rig.position(id).tp1Done);
        QCOMPARE(rig.position(id).stopKind, StopKind::Breakeven);
        // The close at 101.5 is above the breakeven stop (about 100.2): still open.
        QCOMPARE(rig.position(id).status, PositionStatus::Open);
        rig.checkAccounting();
    }

    void gapThroughTheTargetFillsAtTheOpen()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        const double tp1 = rig.position(id).tp1Price;
        rig.barFrom(tp1 + 1.0, tp1 + 1.2, tp1 + 1.5, tp1 + 0.8, 3.0);
        const QList<Fill> tp = rig.fillsFor(OrderPurpose::TakeProfit1);
        QCOMPARE(tp.size(), 1);
        QCOMPARE(tp.first().price, tp1 + 1.0); // the better open
        rig.checkAccounting();
    }

    void barSpanningStopAndTargetStopsOut()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        // Both 98 and TP1 lie inside the bar; which came first is unknown, so the adverse side is walked
        // first (low before high for a long).
        rig.barFrom(100.0, 103.0, 105.0, 97.0, 3.0);
        QCOMPARE(rig.position(id).exitReason, OrderPurpose::StopLoss);
        QVERIFY(rig.fillsFor(OrderPurpose::TakeProfit1).isEmpty());
        QVERIFY(near(rig.fillsFor(OrderPurpose::StopLoss).first().price, stopFill(98.0, OrderSide::Sell), 1e-6));
        rig.checkAccounting();
    }

    void breakevenAfterTargetIsHitLaterInTheSameBar()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        const double tp1 = rig.position(id).tp1Price;
        // Open 100.5, low 100.4, high past TP1 (TP1 fills, the stop moves to breakeven), close 99.5 below
        // breakeven: the rest exits at the breakeven stop on the way down to the close.
        rig.barFrom(100.5, 99.5, tp1 + 0.3, 99.4, 3.0);
        const Position &p = rig.position(id);
        QCOMPARE(p.status, PositionStatus::Closed);
        QCOMPARE(p.exitReason, OrderPurpose::Breakeven);
        const QList<Fill> be = rig.fillsFor(OrderPurpose::Breakeven);
        QCOMPARE(be.size(), 1);
        QCOMPARE(be.first().qty, 6.0);
        QVERIFY(near(be.first().price, stopFill(p.stop, OrderSide::Sell), 1e-6));
        // Fees and slippage included, the breakeven leg does not lose money.
        QVERIFY(be.first().price >= p.avgEntry * (1 + 2 * 6.5e-4));
        rig.checkAccounting();
    }

    void chandelierTrailOnlyTightens()
    {
        PositionConfig config;
        config.tp2R = 10; // keep TP2 out of the way
        Rig rig(config);
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        rig.bar(103.5, 103.6, 102.9, 1.0); // TP1; trail from 103.6 - 2.3
        QVERIFY(rig.position(id).tp1Done);
        QCOMPARE(rig.position(id).stopKind, StopKind::Trailing);
        QVERIFY(near(rig.position(id).stop, 103.6 - 2.3));

        QList<double> stops;
        for (const auto &[close, high, low] : {std::tuple{106.0, 106.2, 105.0}, std::tuple{105.0, 105.5, 104.5},
                                               std::tuple{107.0, 107.4, 104.6}, std::tuple{105.5, 106.0, 105.2}}) {
            rig.bar(close, high, low, 1.0);
            stops.append(rig.position(id).stop);
        }
        QVERIFY(near(stops.last(), 107.4 - 2.3));
        for (int i = 1; i < stops.size(); ++i)
            QVERIFY2(stops[i] >= stops[i - 1], "the trail never loosens");
        QCOMPARE(rig.position(id).status, PositionStatus::Open);

        rig.bar(104.8, 105.4, 104.7, 1.0); // through 105.1
        const Position &p = rig.position(id);
        QCOMPARE(p.status, PositionStatus::Closed);
        QCOMPARE(p.exitReason, OrderPurpose::TrailingStop);
        const QList<Fill> trail = rig.fillsFor(OrderPurpose::TrailingStop);
        QCOMPARE(trail.size(), 1);
        QCOMPARE(trail.first().qty, 6.0);
        QVERIFY(trail.first().price <= 107.4 - 2.3);
        QVERIFY(p.netRealisedUsd() > 0);
        QVERIFY(p.pnlR(trail.first().price) > 1.0);
        rig.checkAccounting();
    }

    void takeProfitTwoAtTheInitialR()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        rig.bar(103.5, 103.6, 102.9, 3.0); // TP1
        const double tp2 = rig.position(id).tp2Price;
        rig.bar(tp2 - 0.3, tp2 - 0.1, tp2 - 1.0, 3.0); // close, but not there
        QVERIFY(rig.fillsFor(OrderPurpose::TakeProfit2).isEmpty());
        rig.bar(tp2 + 0.2, tp2 + 0.3, tp2 - 0.5, 3.0);
        const QList<Fill> tp2Fills = rig.fillsFor(OrderPurpose::TakeProfit2);
        QCOMPARE(tp2Fills.size(), 1);
        QCOMPARE(tp2Fills.first().qty, 3.5); // 35 % of the entry
        QVERIFY(tp2Fills.first().price >= tp2);
        QVERIFY(rig.position(id).tp2Done);
        QCOMPARE(rig.position(id).qty, 2.5);

        // The runner leaves on the maximum hold time.
        rig.clock.advanceMs(qint64(20 * 3600 * 1000));
        rig.record(rig.manager.onTimer());
        const Position &p = rig.position(id);
        QCOMPARE(p.status, PositionStatus::Closed);
        QCOMPARE(p.exitReason, OrderPurpose::MaxHold);
        QCOMPARE(rig.fillsFor(OrderPurpose::MaxHold).first().qty, 2.5);
        rig.checkAccounting();
    }

    void maximumHoldTime()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        const qint64 opened = rig.position(id).openedMs;
        rig.bar(100.5, 100.8, 100.2);
        rig.clock.setNowMs(opened + qint64(20 * 3600 * 1000) - 1);
        rig.record(rig.manager.onTimer());
        QCOMPARE(rig.position(id).status, PositionStatus::Open);
        rig.clock.advanceMs(1);
        rig.record(rig.manager.onTimer());
        const Position &p = rig.position(id);
        QCOMPARE(p.status, PositionStatus::Closed);
        QCOMPARE(p.exitReason, OrderPurpose::MaxHold);
        const QList<Fill> exits = rig.fillsFor(OrderPurpose::MaxHold);
        QCOMPARE(exits.size(), 1);
        QCOMPARE(exits.first().qty, 10.0);
        QCOMPARE(rig.orders.last().type, OrderType::Market);
        QVERIFY(rig.orders.last().reduceOnly);
        rig.checkAccounting();
    }

    void shortSideMirrors()
    {
        Rig rig;
        qint64 id = rig.open(signal(TradeSide::Short), 10);
        QVERIFY(rig.position(id).avgEntry < 100.0); // sold at the bid minus slippage
        rig.bar(101.0, 101.5, 100.5);
        QCOMPARE(rig.position(id).status, PositionStatus::Open);
        rig.bar(102.3, 102.4, 101.0); // high through the stop at 102
        QCOMPARE(rig.position(id).status, PositionStatus::Closed);
        QCOMPARE(rig.position(id).exitReason, OrderPurpose::StopLoss);
        QCOMPARE(rig.fillsFor(OrderPurpose::StopLoss).first().side, OrderSide::Buy);
        QVERIFY(rig.fillsFor(OrderPurpose::StopLoss).first().price >= 102.0);
        QVERIFY(rig.position(id).netRealisedUsd() < 0);

        id = rig.open(signal(TradeSide::Short), 10);
        const double tp1 = rig.position(id).tp1Price;
        QVERIFY(tp1 < 97.0);
        rig.bar(tp1 - 0.4, tp1 + 0.5, tp1 - 0.5, 3.0);
        QVERIFY(rig.position(id).tp1Done);
        QCOMPARE(rig.position(id).qty, 6.0);
        QVERIFY(rig.position(id).stop < rig.position(id).avgEntry); // breakeven below a short's entry
        QVERIFY(rig.fillsFor(OrderPurpose::TakeProfit1).first().price <= tp1);
        rig.record(rig.manager.close(id));
        QCOMPARE(rig.position(id).exitReason, OrderPurpose::Manual);
        rig.checkAccounting();
    }

    void stopExitFillsPartiallyAgainstThinDepth()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10);
        rig.bar(97.5, 98.5, 97.4, 0, 300.0); // bids within 0.3 %: 300 USDT, about 3 units
        Position p = rig.position(id);
        QCOMPARE(p.status, PositionStatus::Open);
        QVERIFY(p.qty > 6.5 && p.qty < 7.5);
        QVERIFY(p.exitOrderId != 0);
        rig.bar(97.4, 97.6, 97.3, 0, 300.0); // still below: the same order keeps working
        QCOMPARE(rig.exitOrderIds().size(), 1);
        rig.bar(97.6, 97.8, 97.5, 0, 1e9);
        p = rig.position(id);
        QCOMPARE(p.status, PositionStatus::Closed);
        QCOMPARE(p.exitReason, OrderPurpose::StopLoss);
        QCOMPARE(rig.exitOrderIds().size(), 1);
        const QList<Fill> exits = rig.fillsFor(OrderPurpose::StopLoss);
        QCOMPARE(exits.size(), 3);
        double total = 0;
        for (const Fill &f : exits) {
            total += f.qty;
            QVERIFY(f.price <= 98.0);
        }
        QVERIFY(near(total, 10.0));
        rig.checkAccounting();
    }

    void entryRemainderIsCancelledAfterTheTimeout()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10, 500.0); // about 5 units available
        Position p = rig.position(id);
        QCOMPARE(p.status, PositionStatus::Open);
        QVERIFY(!p.entryComplete);
        QVERIFY(p.qty > 4.5 && p.qty < 5.5);
        rig.clock.advanceMs(rig.broker.config().entryTimeoutMs);
        rig.record(rig.manager.onTimer());
        p = rig.position(id);
        QVERIFY(p.entryComplete);
        QCOMPARE(rig.orders.last().status, OrderStatus::Cancelled);
        QVERIFY(p.qty < 5.5);
        QVERIFY(near(p.initialRiskUsd, p.entryQty * (p.avgEntry - 98.0)));
        // Targets work on what was filled.
        rig.bar(104.0, 104.2, 103.5, 3.0);
        QVERIFY(near(rig.fillsFor(OrderPurpose::TakeProfit1).first().qty,
                     PositionSizer::roundDownToLot(p.entryQty * 0.4, 0.001)));
        rig.checkAccounting();
    }

    void unfilledEntryEndsCancelled()
    {
        Rig rig;
        const qint64 id = rig.open(signal(TradeSide::Long), 10, 0.0); // no depth at all
        QCOMPARE(rig.position(id).status, PositionStatus::Pending);
        QCOMPARE(rig.book.portfolio(100000, 0.4).entriesInFlight, 1);
        rig.clock.advanceMs(rig.broker.config().entryTimeoutMs);
        rig.record(rig.manager.onTimer());
        QCOMPARE(rig.position(id).status, PositionStatus::Cancelled);
        QVERIFY(rig.book.livePositions().isEmpty());
        QCOMPARE(rig.broker.cash(), rig.broker.config().startingCash);
    }

    // Every order says why it was placed: the entry names its signal (and preset), each exit the rule that
    // fired with its level, a manual exit who asked.
    void everyOrderSaysWhy()
    {
        const auto noteOf = [](const Rig &rig, OrderPurpose purpose) {
            for (auto it = rig.orders.crbegin(); it != rig.orders.crend(); ++it) {
                if (it->purpose == purpose)
                    return it->note;
            }
            return QString();
        };
        const auto price = [](double v) { return NumberFormat::price(v, QLocale::c()); };

        // Entry, TP1 (40 % of it), then the chandelier trail.
        PositionConfig config;
        config.tp2R = 10; // keep TP2 out of the way
        Rig rig(config);
        rig.record(rig.manager.onMarket(kSym, bookAt(100), MarkUpdate::tick(100)));
        const TradingUpdate opened = rig.manager.open(signal(TradeSide::Long), 10, nullptr, QStringLiteral("v1"));
        rig.record(opened);
        const qint64 id = opened.positions.constFirst().id;
        QCOMPARE(noteOf(rig, OrderPurpose::Entry),
                 QStringLiteral("momentum entry, preset v1, signal TESTUSDT:momentum:1"));
        const double tp1 = rig.position(id).tp1Price;
        rig.bar(103.5, 103.6, 102.9, 1.0);
        QCOMPARE(noteOf(rig, OrderPurpose::TakeProfit1),
                 QStringLiteral("TP1 at %1 (1.5 R): 40 % of the entry").arg(price(tp1)));
        const double trail = rig.position(id).stop;
        QCOMPARE(rig.position(id).stopKind, StopKind::Trailing);
        rig.bar(100.5, 103.0, 100.4, 1.0);
        QCOMPARE(rig.position(id).exitReason, OrderPurpose::TrailingStop);
        QCOMPARE(noteOf(rig, OrderPurpose::TrailingStop),
                 QStringLiteral("trailing stop at %1 hit (2.3 ATR of %2 from the extreme since entry)")
                     .arg(price(trail), price(1.0)));

        // The initial stop, and an entry without a preset.
        Rig stopped;
        const qint64 s = stopped.open(signal(TradeSide::Long), 10);
        QCOMPARE(noteOf(stopped, OrderPurpose::Entry), QStringLiteral("momentum entry, signal TESTUSDT:momentum:1"));
        stopped.bar(97.8, 98.6, 97.7);
        QCOMPARE(stopped.position(s).exitReason, OrderPurpose::StopLoss);
        QCOMPARE(noteOf(stopped, OrderPurpose::StopLoss), QStringLiteral("initial stop at %1 hit").arg(price(98.0)));

        // TP1, then back through the breakeven stop; a TP that takes all that is left says so.
        Rig be;
        const qint64 b = be.open(signal(TradeSide::Long), 10);
        be.bar(103.5, 103.6, 102.9, 3.0);
        const double breakeven = be.position(b).stop;
        QCOMPARE(be.position(b).stopKind, StopKind::Breakeven);
        be.bar(100.5, 101.0, 100.2, 3.0);
        QCOMPARE(be.position(b).exitReason, OrderPurpose::Breakeven);
        QCOMPARE(noteOf(be, OrderPurpose::Breakeven),
                 QStringLiteral("breakeven stop at %1 hit (moved there after TP1)").arg(price(breakeven)));

        // The maximum hold time.
        Rig held;
        const qint64 h = held.open(signal(TradeSide::Long), 10);
        held.clock.advanceMs(qint64(20 * 3600 * 1000));
        held.record(held.manager.onTimer());
        QCOMPARE(held.position(h).exitReason, OrderPurpose::MaxHold);
        QCOMPARE(noteOf(held, OrderPurpose::MaxHold), QStringLiteral("open longer than the maximum hold time of 20 h"));

        // By hand: the caller's words, or a default; the kill switch's flatten with its reason.
        Rig manual;
        SymbolInfo other;
        other.name = QStringLiteral("OTHERUSDT");
        other.lotSize = 0.001;
        manual.broker.setSymbolInfo(other);
        const qint64 m1 = manual.open(signal(TradeSide::Long), 10);
        const qint64 m2 = manual.open(signal(TradeSide::Short, QStringLiteral("OTHERUSDT")), 7);
        manual.record(
            manual.manager.close(m1, OrderPurpose::Manual, QStringLiteral("closed by remote operator #3: news")));
        QCOMPARE(manual.position(m1).exitReason, OrderPurpose::Manual);
        QCOMPARE(noteOf(manual, OrderPurpose::Manual), QStringLiteral("closed by remote operator #3: news"));
        manual.record(manual.manager.flattenAll(OrderPurpose::KillSwitch, QStringLiteral("kill switch: drawdown")));
        QCOMPARE(manual.position(m2).exitReason, OrderPurpose::KillSwitch);
        QCOMPARE(noteOf(manual, OrderPurpose::KillSwitch), QStringLiteral("kill switch: drawdown"));
        const qint64 m3 = manual.open(signal(TradeSide::Long), 10);
        manual.record(manual.manager.close(m3));
        QCOMPARE(noteOf(manual, OrderPurpose::Manual), QStringLiteral("closed by hand"));

        for (const Rig *r : {&rig, &stopped, &be, &held, &manual}) {
            for (const Order &o : r->orders)
                QVERIFY2(!o.note.isEmpty(), qPrintable(toCode(o.purpose)));
        }
    }

    void flattenAllForTheKillSwitch()
    {
        Rig rig;
        SymbolInfo other;
        other.name = QStringLiteral("OTHERUSDT");
        other.lotSize = 0.001;
        rig.broker.setSymbolInfo(other);
        const qint64 a = rig.open(signal(TradeSide::Long), 10);
        const qint64 b = rig.open(signal(TradeSide::Short, QStringLiteral("OTHERUSDT")), 7);
        QCOMPARE(rig.book.openCount(), 2);
        rig.record(rig.manager.flattenAll(OrderPurpose::KillSwitch));
        QCOMPARE(rig.position(a).exitReason, OrderPurpose::KillSwitch);
        QCOMPARE(rig.position(b).exitReason, OrderPurpose::KillSwitch);
        QCOMPARE(rig.fillsFor(OrderPurpose::KillSwitch).size(), 2);
        QVERIFY(rig.book.livePositions().isEmpty());
        rig.checkAccounting();
    }
};

QTEST_APPLESS_MAIN(TestPositionManager)
#include "tst_positionmanager.moc"
