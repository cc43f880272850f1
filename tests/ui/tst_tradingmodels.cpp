#include "common/Clock.h"
#include "common/NumberFormat.h"
#include "common/SortFilterProxyModel.h"
#include "common/Theme.h"
#include "trading/ClosedPositionTableModel.h"
#include "trading/EquityCurve.h"
#include "trading/FillTableModel.h"
#include "trading/OrderTableModel.h"
#include "trading/PositionBook.h"
#include "trading/PositionManager.h"
#include "trading/PositionTableModel.h"
#include "trading/SignalTableModel.h"
#include "trading/TradingText.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace bw;
using namespace bw::ui;
using namespace Qt::StringLiterals;

namespace {

constexpr double kTolerance = 1e-9;

BookSummary bookAt(double mid)
{
    BookSummary b;
    b.bestBid = mid * (1 - 0.5e-4);
    b.bestAsk = mid * (1 + 0.5e-4);
    b.spreadBps = 1;
    b.bidDepth03 = 1e9;
    b.askDepth03 = 1e9;
    return b;
}

Signal makeSignal(const QString &symbol, TradeSide side, double entry, double stop, qint64 timeMs)
{
    Signal s;
    s.id = symbol + u":momentum:"_s + QString::number(timeMs);
    s.symbol = symbol;
    s.side = side;
    s.entry = entry;
    s.stop = stop;
    s.level = entry;
    s.confidence = 0.72;
    s.atr = std::abs(entry - stop) * 3; // wide: the chandelier trail stays behind the breakeven stop
    s.createdMs = timeMs;
    s.reason = u"closed above the level on 2.1x volume"_s;
    s.setTargetsFromR(1.5, 2.8);
    return s;
}

// The real trading core on a manual clock: what the engine runs, without the engine around it.
struct Trading {
    ManualClock clock{QDateTime::fromString(u"2026-11-27T10:00:00Z"_s, Qt::ISODate).toMSecsSinceEpoch()};
    PaperBroker broker{ExecutionConfig{}, clock};
    PositionBook book;
    PositionManager manager{broker, book, PositionConfig{}, clock};

    Trading()
    {
        for (const char *name : {"BTCUSDT", "ETHUSDT"}) {
            SymbolInfo info;
            info.name = QString::fromLatin1(name);
            info.lotSize = 0.001;
            broker.setSymbolInfo(info);
        }
    }
    TradingUpdate open(const Signal &s, double qty)
    {
        TradingUpdate u = manager.onMarket(s.symbol, bookAt(s.entry), MarkUpdate::tick(s.entry));
        QString error;
        u.append(manager.open(s, qty, &error));
        return u;
    }
    TradingUpdate bar(const QString &symbol, double close, double high, double low)
    {
        clock.advanceMs(60'000);
        return manager.onMarket(symbol, bookAt(close), MarkUpdate{close, high, low, 0});
    }
};

double sortValue(const QAbstractItemModel &model, int row, int column)
{
    return model.data(model.index(row, column), PositionTableModel::SortRole).toDouble();
}

QString text(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

} // namespace

class TestTradingModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void positionsCarryLivePnlInDollarsAndR()
    {
        Trading t;
        PositionTableModel positions;
        ClosedPositionTableModel closed;
        QAbstractItemModelTester tester(&positions, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester closedTester(&closed, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&positions, &QAbstractItemModel::modelReset);

        const auto apply = [&](const TradingUpdate &u) {
            positions.applyUpdate(u);
            closed.addFinished(u.finished);
        };
        const Signal btc = makeSignal(u"BTCUSDT"_s, TradeSide::Long, 100, 98, t.clock.nowMs());
        const Signal eth = makeSignal(u"ETHUSDT"_s, TradeSide::Short, 50, 51, t.clock.nowMs());
        apply(t.open(btc, 10));
        apply(t.open(eth, 20));
        QCOMPARE(positions.rowCount(), 2);
        QCOMPARE(positions.openCount(), 2);

        // The price moves up without a new extreme beyond what the row knows: the overview's mark moves PnL.
        apply(t.bar(u"BTCUSDT"_s, 101, 101.2, 100.5));
        const int row = positions.rowOf(t.book.liveForSymbol(u"BTCUSDT"_s)->id);
        QVERIFY(row >= 0);
        const Position p = positions.positionAt(row);
        // The entry filled above 100 (ask plus slippage); R is frozen from that fill and the stop.
        QVERIFY(p.avgEntry > 100 && p.avgEntry < 100.2);
        const double riskUsd = (p.avgEntry - 98) * p.entryQty;
        QVERIFY(std::abs(p.initialRiskUsd - riskUsd) < kTolerance * riskUsd);

        QSignalSpy changes(&positions, &QAbstractItemModel::dataChanged);
        positions.setMarks({SymbolOverview{u"BTCUSDT"_s, 101.5, 0, 0, 0, 0, 0, false},
                            SymbolOverview{u"SOLUSDT"_s, 200, 0, 0, 0, 0, 0, false}});
        QCOMPARE(changes.count(), 1); // one row, its mark and PnL cells
        QCOMPARE(changes.first().at(0).toModelIndex().column(), int(PositionTableModel::Mark));
        QCOMPARE(positions.markAt(row), 101.5);
        const double expectedUsd = (101.5 - p.avgEntry) * 10;
        QVERIFY(std::abs(sortValue(positions, row, PositionTableModel::PnlUsd) - expectedUsd) < 1e-9);
        QVERIFY(std::abs(sortValue(positions, row, PositionTableModel::PnlR) - expectedUsd / riskUsd) < 1e-9);
        QCOMPARE(text(positions, row, PositionTableModel::PnlUsd),
                 NumberFormat::signedMoney(expectedUsd, QLocale::c()));
        QVERIFY(text(positions, row, PositionTableModel::PnlR).endsWith(u" R"_s));
        QCOMPARE(positions.data(positions.index(row, PositionTableModel::PnlUsd), Qt::ForegroundRole).value<QColor>(),
                 Theme::up());
        // A short that moved against us is red.
        positions.setMarks({SymbolOverview{u"ETHUSDT"_s, 50.6, 0, 0, 0, 0, 0, false}});
        const int ethRow = positions.rowOf(t.book.liveForSymbol(u"ETHUSDT"_s)->id);
        QVERIFY(sortValue(positions, ethRow, PositionTableModel::PnlUsd) < 0);
        QCOMPARE(
            positions.data(positions.index(ethRow, PositionTableModel::PnlUsd), Qt::ForegroundRole).value<QColor>(),
            Theme::down());
        QVERIFY(std::abs(positions.unrealisedTotal() -
                         (expectedUsd + (positions.positionAt(ethRow).avgEntry - 50.6) * 20)) < 1e-9);

        // TP1 (at 1.5 R) fills, the stop moves to breakeven; the row shows both.
        const double tp1 = p.tp1Price;
        apply(t.bar(u"BTCUSDT"_s, tp1 + 0.1, tp1 + 0.2, tp1 - 0.5));
        const Position afterTp1 = positions.positionAt(positions.rowOf(p.id));
        QVERIFY(afterTp1.tp1Done);
        QVERIFY(afterTp1.qty < 10);
        QVERIFY(text(positions, positions.rowOf(p.id), PositionTableModel::Tp1).contains(u"✓"_s));
        QVERIFY(text(positions, positions.rowOf(p.id), PositionTableModel::Stop).contains(u"BE"_s));

        // The breakeven stop is hit: the position leaves the open table and appears among the closed.
        const double be = afterTp1.stop;
        apply(t.bar(u"BTCUSDT"_s, be - 0.5, be + 0.1, be - 0.6));
        QCOMPARE(positions.rowCount(), 1);
        QCOMPARE(positions.rowOf(p.id), -1);
        QCOMPARE(closed.rowCount(), 1);
        const Position done = closed.rowAt(0);
        QCOMPARE(done.status, PositionStatus::Closed);
        QCOMPARE(done.exitReason, std::optional<OrderPurpose>(OrderPurpose::Breakeven));
        QVERIFY(std::abs(sortValue(closed, 0, ClosedPositionTableModel::NetPnl) - done.netRealisedUsd()) < 1e-9);
        QVERIFY(done.netRealisedUsd() > 0); // TP1 profit outweighs the fees and a breakeven exit
        QVERIFY(std::abs(sortValue(closed, 0, ClosedPositionTableModel::NetR) -
                         done.netRealisedUsd() / done.initialRiskUsd) < 1e-9);
        QCOMPARE(text(closed, 0, ClosedPositionTableModel::ExitReason), u"Breakeven stop"_s);
        QCOMPARE(text(closed, 0, ClosedPositionTableModel::Held), u"3m"_s); // three one-minute bars after the entry
        QCOMPARE(resets.count(), 0);
    }

    void closedTradesReportNetPnlFromTheirFills()
    {
        Trading t;
        ClosedPositionTableModel closed;
        FillTableModel fills;
        QAbstractItemModelTester tester(&closed, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Signal s = makeSignal(u"ETHUSDT"_s, TradeSide::Short, 50, 51, t.clock.nowMs());
        QList<Fill> seen;
        const auto apply = [&](const TradingUpdate &u) {
            closed.addFinished(u.finished);
            fills.addFills(u.fills);
            seen += u.fills;
        };
        apply(t.open(s, 20));
        // The stop is crossed at once: a full loss of about 1 R plus fees.
        apply(t.bar(u"ETHUSDT"_s, 51.3, 51.4, 50.0));
        QCOMPARE(closed.rowCount(), 1);
        double realised = 0;
        double fees = 0;
        for (const Fill &f : std::as_const(seen)) {
            realised += f.realisedPnlUsd;
            fees += f.feeUsd;
        }
        QVERIFY(std::abs(sortValue(closed, 0, ClosedPositionTableModel::NetPnl) - (realised - fees)) < 1e-9);
        // Cash moved by exactly that.
        QVERIFY(std::abs(t.broker.cash() - ExecutionConfig{}.startingCash - (realised - fees)) < 1e-9);
        const double r = sortValue(closed, 0, ClosedPositionTableModel::NetR);
        QVERIFY2(r < -1.0 && r > -1.5, qPrintable(QString::number(r)));
        QCOMPARE(closed.data(closed.index(0, ClosedPositionTableModel::NetPnl), Qt::ForegroundRole).value<QColor>(),
                 Theme::down());
        // Average exit sits above the stop for a short stopped out "at the stop or worse".
        QVERIFY(ClosedPositionTableModel::averageExit(closed.rowAt(0)) >= 51.0);
        // The fills table: the exit fill realised the loss; the entry realised nothing and shows a dash.
        QCOMPARE(fills.rowCount(), int(seen.size()));
        QCOMPARE(text(fills, fills.rowCount() - 1, FillTableModel::RealisedPnl), u"–"_s);
        QVERIFY(sortValue(fills, 0, FillTableModel::RealisedPnl) < 0);
    }

    void ordersUpdateInPlaceAndStayBounded()
    {
        Trading t;
        OrderTableModel orders(5);
        SortFilterProxyModel proxy;
        proxy.setSourceModel(&orders);
        proxy.sort(OrderTableModel::Time, Qt::DescendingOrder);
        QAbstractItemModelTester tester(&orders, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&orders, &QAbstractItemModel::modelReset);

        // A resting limit: its state changes from open to filled, in the same row.
        const TradingUpdate opened = t.open(makeSignal(u"BTCUSDT"_s, TradeSide::Long, 100, 98, 1), 10);
        orders.addOrders(opened.orders);
        QCOMPARE(orders.rowCount(), 1); // the entry's states collapse into one row
        QCOMPARE(orders.rowAt(0).status, OrderStatus::Filled);
        QCOMPARE(text(orders, 0, OrderTableModel::Status), u"Filled"_s);
        QCOMPARE(text(orders, 0, OrderTableModel::Purpose), u"Entry"_s);

        Order resting = orders.rowAt(0);
        resting.id = 900;
        resting.status = OrderStatus::Open;
        resting.type = OrderType::Limit;
        resting.limitPrice = 103.25;
        resting.filledQty = 0;
        orders.addOrders({resting});
        QCOMPARE(orders.rowCount(), 2);
        QCOMPARE(orders.rowOf(900), 0); // newest first
        QSignalSpy changes(&orders, &QAbstractItemModel::dataChanged);
        resting.status = OrderStatus::Filled;
        resting.filledQty = resting.qty;
        orders.addOrders({resting});
        QCOMPARE(orders.rowCount(), 2);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(text(orders, 0, OrderTableModel::Price), u"103.250"_s);

        // Beyond the capacity the oldest orders leave; the newest stay on top.
        QList<Order> many;
        for (int i = 0; i < 12; ++i) {
            Order o = resting;
            o.id = 1000 + i;
            o.createdMs = 2000 + i;
            many.append(o);
        }
        orders.addOrders(many.mid(0, 4));
        QCOMPARE(orders.rowCount(), 5);
        orders.addOrders(many.mid(4));
        QCOMPARE(orders.rowCount(), 5);
        QCOMPARE(orders.rowAt(0).id, qint64(1011));
        QCOMPARE(orders.rowAt(4).id, qint64(1007));
        QCOMPARE(orders.rowOf(1000), -1);
        QCOMPARE(proxy.rowCount(), 5);
        QCOMPARE(proxy.data(proxy.index(0, OrderTableModel::Id), OrderTableModel::SortRole).toLongLong(), 1011);
        QCOMPARE(resets.count(), 0);

        orders.clear();
        QCOMPARE(orders.rowCount(), 0);
        QCOMPARE(resets.count(), 0);
    }

    // The note says why an order was placed, beside its purpose: shown as it is (the view elides it), the
    // whole of it as the tooltip, sorted as text.
    void ordersShowTheirNote()
    {
        Trading t;
        OrderTableModel orders;
        QAbstractItemModelTester tester(&orders, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(OrderTableModel::Note, OrderTableModel::Purpose + 1);
        QCOMPARE(orders.headerData(OrderTableModel::Note, Qt::Horizontal).toString(), u"Note"_s);
        QVERIFY(!orders.headerData(OrderTableModel::Note, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());

        const TradingUpdate opened = t.open(makeSignal(u"BTCUSDT"_s, TradeSide::Long, 100, 98, 1), 10);
        orders.addOrders(opened.orders);
        const qint64 positionId = opened.positions.constFirst().id;
        const QString words = u"closed by remote operator #3: "_s + QString(180, u'w');
        orders.addOrders(t.manager.close(positionId, OrderPurpose::Manual, words).orders);
        QCOMPARE(orders.rowCount(), 2);
        QCOMPARE(text(orders, 0, OrderTableModel::Purpose), u"Manual"_s);
        QCOMPARE(text(orders, 0, OrderTableModel::Note), words);
        QCOMPARE(text(orders, 0, OrderTableModel::Note, Qt::ToolTipRole), words);
        QCOMPARE(orders.data(orders.index(0, OrderTableModel::Note), OrderTableModel::SortRole).toString(), words);
        QCOMPARE(text(orders, 1, OrderTableModel::Note), u"momentum entry, signal BTCUSDT:momentum:1"_s);

        // An order from a server older than the note: an empty cell, no tooltip.
        Order old = orders.rowAt(0);
        old.id = 77;
        old.note.clear();
        orders.addOrders({old});
        QCOMPARE(text(orders, 0, OrderTableModel::Note), QString());
        QVERIFY(!orders.data(orders.index(0, OrderTableModel::Note), Qt::ToolTipRole).isValid());
    }

    void signalsShowTheirFate()
    {
        SignalTableModel signalModel(3);
        QAbstractItemModelTester tester(&signalModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&signalModel, &QAbstractItemModel::modelReset);
        const Signal a = makeSignal(u"BTCUSDT"_s, TradeSide::Long, 100, 98, 1'700'000'000'000);
        const Signal b = makeSignal(u"ETHUSDT"_s, TradeSide::Short, 50, 51, 1'700'000'060'000);
        signalModel.addSignals({a, b});
        QCOMPARE(signalModel.rowCount(), 2);
        QCOMPARE(signalModel.rowAt(0).signal.id, b.id);
        QCOMPARE(text(signalModel, 0, SignalTableModel::Decision), u"Pending"_s);
        QCOMPARE(text(signalModel, 1, SignalTableModel::Targets), u"103.000 / 105.600"_s);
        QCOMPARE(text(signalModel, 1, SignalTableModel::Confidence), u"72 %"_s);
        QCOMPARE(text(signalModel, 1, SignalTableModel::Time), u"11-14 22:13:20"_s);

        signalModel.setDecision(a, true, u"none"_s, {});
        signalModel.setDecision(b, false, u"max_positions"_s, u"5 positions open or entering, the maximum is 5"_s);
        QCOMPARE(signalModel.rowCount(), 2);
        QCOMPARE(text(signalModel, 1, SignalTableModel::Decision), u"Entered"_s);
        QCOMPARE(text(signalModel, 0, SignalTableModel::Decision), u"Rejected: Max positions"_s);
        QCOMPARE(text(signalModel, 0, SignalTableModel::Reason), u"5 positions open or entering, the maximum is 5"_s);
        QVERIFY(text(signalModel, 0, SignalTableModel::Decision, Qt::ToolTipRole).contains(u"max_positions"_s));

        // A decision for a signal never listed adds it; past the capacity the oldest leaves.
        const Signal c = makeSignal(u"SOLUSDT"_s, TradeSide::Long, 20, 19.5, 1'700'000'120'000);
        const Signal d = makeSignal(u"XRPUSDT"_s, TradeSide::Long, 0.5, 0.49, 1'700'000'180'000);
        signalModel.setDecision(c, false, u"cooldown"_s, u"3 losses in a row"_s);
        signalModel.addSignals({d});
        QCOMPARE(signalModel.rowCount(), 3);
        QCOMPARE(signalModel.rowOf(a.id), -1);
        QCOMPARE(signalModel.rowAt(0).signal.id, d.id);
        QCOMPARE(resets.count(), 0);
    }

    void formatsForPeople()
    {
        QCOMPARE(TradingText::holdTime(45'000), u"45s"_s);
        QCOMPARE(TradingText::holdTime(16 * 60'000 + 15'000), u"16m"_s);
        QCOMPARE(TradingText::holdTime(2 * 3'600'000 + 5 * 60'000), u"2h 05m"_s);
        QCOMPARE(TradingText::holdTime(3 * 86'400'000LL + 4 * 3'600'000), u"3d 04h"_s);
        QCOMPARE(TradingText::quantity(0.0123), u"0.0123"_s);
        QCOMPARE(TradingText::quantity(1250), u"1250"_s);
        QCOMPARE(TradingText::quantity(12.5), u"12.5"_s);
        QCOMPARE(TradingText::rMultiple(1.254), u"+1.25 R"_s);
        QCOMPARE(TradingText::rMultiple(-0.001), u"0.00 R"_s);
        QCOMPARE(TradingText::rejection(u"daily_loss_limit"_s), u"Daily loss limit"_s);
        QCOMPARE(TradingText::rejection(u"something_new"_s), u"something_new"_s);
    }

    void equityCurveIsBoundedAndMeasuresDrawdown()
    {
        EquityCurve curve(100);
        QCOMPARE(curve.pointCount(), 0);
        const qint64 t0 = 1'700'000'000'000;
        // Up 2 %, down to 1 % below the start, back up: the worst fall is from 102,000 to 99,000.
        const QList<double> equity{100'000, 101'000, 102'000, 100'500, 99'000, 100'000, 101'500};
        for (int i = 0; i < equity.size(); ++i)
            curve.addPoint(t0 + i * 60'000, equity.at(i), 100'000);
        QCOMPARE(curve.pointCount(), int(equity.size()));
        QCOMPARE(curve.startingEquity(), 100'000.0);
        QCOMPARE(curve.currentEquity(), 101'500.0);
        QVERIFY(std::abs(curve.returnPercent() - 1.5) < 1e-9);
        QVERIFY(std::abs(curve.maxDrawdownPercent() - 3000.0 / 102'000.0 * 100.0) < 1e-9);
        // Same time: replaces; older: ignored.
        curve.addPoint(t0 + 6 * 60'000, 101'600, 100'000);
        curve.addPoint(t0, 1, 1);
        QCOMPARE(curve.pointCount(), int(equity.size()));
        QCOMPARE(curve.currentEquity(), 101'600.0);

        for (int i = 0; i < 500; ++i)
            curve.addPoint(t0 + (10 + i) * 60'000, 101'600 + i, 100'000);
        QCOMPARE(curve.pointCount(), 100);
        QCOMPARE(curve.capacity(), 100);
        // The statistics still cover the points no longer plotted.
        QCOMPARE(curve.startingEquity(), 100'000.0);
        QVERIFY(std::abs(curve.maxDrawdownPercent() - 3000.0 / 102'000.0 * 100.0) < 1e-9);

        curve.clear();
        QCOMPARE(curve.pointCount(), 0);
        QVERIFY(curve.isEmpty());
    }
};

QTEST_MAIN(TestTradingModels)
#include "tst_tradingmodels.moc"
