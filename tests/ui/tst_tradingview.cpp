#include "EngineSession.h"
#include "app/WorkstationSession.h"
#include "common/Theme.h"
#include "engine/Engine.h"
#include "market/SimulatedFeed.h"
#include "scanner/PresetLoader.h"
#include "support/TradingTestMarket.h"
#include "trading/ClosedPositionTableModel.h"
#include "trading/EquityCurve.h"
#include "trading/FillTableModel.h"
#include "trading/OrderTableModel.h"
#include "trading/PositionTableModel.h"
#include "trading/SignalTableModel.h"
#include "trading/TradingView.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace bw;
using namespace bw::ui;
using namespace Qt::StringLiterals;

namespace {

// Loose enough that a small seeded simulated market trades within a couple of simulated days (as in
// tst_engine).
Preset tradingPreset()
{
    return test::looseTradingPreset(6);
}

SimulatedFeedConfig marketConfig()
{
    return test::smallTradingMarket(30000); // a 5 m bar every 10 ms of wall time
}

QString labelText(const QWidget &view, const QString &name)
{
    const auto *label = view.findChild<QLabel *>(name);
    return label ? label->text() : QString();
}

} // namespace

// The trading page on a real engine trading a seeded simulated market.
class TestTradingView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCoreApplication::setOrganizationName(u"BreakoutWorkstationTests"_s);
        QSettings().clear();
        Theme::apply(ThemeMode::Dark);
    }

    void fillsFromARealEngine()
    {
        TradingView view;
        view.resize(1440, 900);
        // Every model under the tester for the whole run, and no model ever resets.
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        std::vector<std::unique_ptr<QSignalSpy>> resets;
        for (QAbstractItemModel *model : std::initializer_list<QAbstractItemModel *>{
                 view.signalModel(), view.positionModel(), view.closedModel(), view.orderModel(), view.fillModel()}) {
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::QtTest));
            resets.push_back(std::make_unique<QSignalSpy>(model, &QAbstractItemModel::modelReset));
        }
        auto *positionTable = view.findChild<QTableView *>(u"positionTable"_s);
        QVERIFY(positionTable);
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            positionTable->model(), QAbstractItemModelTester::FailureReportingMode::QtTest));

        test::EngineSession session(tradingPreset(), marketConfig());
        view.setSession(&session);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        session.startEngine();

        // Trades close through the position manager's rules, and new ones open.
        QTRY_VERIFY_WITH_TIMEOUT(view.closedModel()->rowCount() >= 2, 600'000);
        QTRY_VERIFY_WITH_TIMEOUT(view.positionModel()->openCount() >= 1, 600'000);
        session.stopEngine();
        QCoreApplication::processEvents(); // what the engine queued before it stopped
        const EngineStatus status = session.status();

        // Every signal the engine generated is listed with a decision; entries match the engine's count.
        QVERIFY(view.signalModel()->rowCount() > 0);
        int entered = 0;
        for (int row = 0; row < view.signalModel()->rowCount(); ++row) {
            const SignalRow &s = view.signalModel()->rowAt(row);
            QVERIFY(s.decision != SignalRow::Decision::Pending);
            if (s.decision == SignalRow::Decision::Entered)
                ++entered;
            else
                QVERIFY(!s.reason.isEmpty());
        }
        QCOMPARE(view.signalModel()->rowCount(), status.signalsTotal);
        QCOMPARE(entered, status.entriesTotal);

        // Open positions: PnL in $ and R at the row's mark, as the trading core defines them.
        const PositionTableModel *positions = view.positionModel();
        QCOMPARE(positions->openCount(), status.openPositions);
        for (int row = 0; row < positions->rowCount(); ++row) {
            const Position &p = positions->positionAt(row);
            const double mark = positions->markAt(row);
            QVERIFY(mark > 0);
            const double usd =
                positions->index(row, PositionTableModel::PnlUsd).data(PositionTableModel::SortRole).toDouble();
            const double r =
                positions->index(row, PositionTableModel::PnlR).data(PositionTableModel::SortRole).toDouble();
            QCOMPARE(usd, (mark - p.avgEntry) * p.qty * (p.side == TradeSide::Long ? 1 : -1));
            QCOMPARE(r, (p.realisedPnlUsd + usd) / p.initialRiskUsd);
            QVERIFY(p.initialRiskUsd > 0);
        }
        // Closed trades: net PnL and R.
        const ClosedPositionTableModel *closed = view.closedModel();
        QCOMPARE(closed->rowCount(), status.closedTrades);
        for (int row = 0; row < closed->rowCount(); ++row) {
            const Position &p = closed->rowAt(row);
            QCOMPARE(p.status, PositionStatus::Closed);
            QCOMPARE(
                closed->index(row, ClosedPositionTableModel::NetR).data(ClosedPositionTableModel::SortRole).toDouble(),
                (p.realisedPnlUsd - p.feesUsd) / p.initialRiskUsd);
        }
        // Orders and fills: every fill belongs to an order shown; every entry fill's order is filled or was
        // partly filled.
        QVERIFY(view.orderModel()->rowCount() > 0);
        QVERIFY(view.fillModel()->rowCount() > 0);
        for (int row = 0; row < view.fillModel()->rowCount(); ++row)
            QVERIFY(view.orderModel()->rowOf(view.fillModel()->rowAt(row).orderId) >= 0);

        // The equity curve and the summary strip follow the account.
        QVERIFY(view.equityCurve()->pointCount() > 1);
        QVERIFY(std::abs(view.equityCurve()->currentEquity() - status.equity) < 1e-6 * status.equity);
        QVERIFY(labelText(view, u"tradingEquity"_s).contains(u'.'));
        QVERIFY(labelText(view, u"tradingKillSwitch"_s).contains(u"Armed"_s));
        QVERIFY(!labelText(view, u"tradingOpenPositions"_s).isEmpty());
        QVERIFY(labelText(view, u"equityReturn"_s).endsWith(u'%'));
        auto *tabs = view.findChild<QTabWidget *>(u"tradingTabs"_s);
        QTRY_VERIFY(tabs->tabText(0).contains(QString::number(view.signalModel()->rowCount())));

        for (const auto &spy : resets)
            QCOMPARE(spy->count(), 0);

        if (const QString dir = qEnvironmentVariable("BW_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QDir().mkpath(dir);
            tabs->setCurrentIndex(0); // the signals and their fate
            QTest::qWait(250);        // the queued replot
            QVERIFY(view.grab().save(QDir(dir).filePath(u"trading.png"_s)));
            Theme::apply(ThemeMode::Light);
            tabs->setCurrentIndex(3); // the closed trades with their PnL
            QTest::qWait(250);
            QVERIFY(view.grab().save(QDir(dir).filePath(u"trading-light.png"_s)));
            Theme::apply(ThemeMode::Dark);
        }

        // A new data source clears the page, without a reset.
        emit session.sourceChanged(u"another market"_s);
        QCOMPARE(view.signalModel()->rowCount(), 0);
        QCOMPARE(view.positionModel()->rowCount(), 0);
        QCOMPARE(view.closedModel()->rowCount(), 0);
        QCOMPARE(view.orderModel()->rowCount(), 0);
        QCOMPARE(view.fillModel()->rowCount(), 0);
        QCOMPARE(view.equityCurve()->pointCount(), 0);
        QCOMPARE(labelText(view, u"tradingEquity"_s), u"–"_s);
        for (const auto &spy : resets)
            QCOMPARE(spy->count(), 0);
        view.setSession(nullptr);
    }

    void worksWithoutASession()
    {
        TradingView view;
        Signal s;
        s.id = u"BTCUSDT:momentum:1"_s;
        s.symbol = u"BTCUSDT"_s;
        s.entry = 100;
        s.stop = 98;
        s.createdMs = 1'700'000'000'000;
        s.setTargetsFromR(1.5, 2.8);
        view.showSignals({s});
        view.showDecision(s, false, u"kill_switch"_s, u"drawdown 12 % from the peak"_s);
        QCOMPARE(view.signalModel()->rowCount(), 1);
        QCOMPARE(view.signalModel()->index(0, SignalTableModel::Decision).data().toString(),
                 u"Rejected: Kill switch"_s);
        view.showAccount(AccountSnapshot{1'700'000'000'000, 100'000, 0, 100'000});
        view.showAccount(AccountSnapshot{1'700'000'060'000, 99'000, 250, 99'250});
        QCOMPARE(view.equityCurve()->pointCount(), 2);
        QCOMPARE(labelText(view, u"tradingEquity"_s), u"99,250.00"_s);
        QCOMPARE(labelText(view, u"tradingCash"_s), u"99,000.00"_s);
        EngineStatus status;
        status.state = EngineState::Emergency;
        status.killSwitch = true;
        status.lastReason = u"kill switch: drawdown 12 %"_s;
        view.showStatus(status);
        QVERIFY(labelText(view, u"tradingKillSwitch"_s).contains(u"Tripped"_s));

        // Realised PnL today counts the fills of the current UTC day only, net of fees.
        TradingUpdate update;
        Fill yesterday;
        yesterday.id = 1;
        yesterday.purpose = OrderPurpose::StopLoss;
        yesterday.realisedPnlUsd = -500;
        yesterday.feeUsd = 1;
        yesterday.timeMs = 1'700'000'000'000; // 2023-11-14 22:13 UTC
        Fill today = yesterday;
        today.id = 2;
        today.purpose = OrderPurpose::TakeProfit1;
        today.realisedPnlUsd = 300;
        today.feeUsd = 2;
        today.timeMs = 1'700'000'000'000 + 2 * 3600 * 1000; // 00:13 the next day
        update.fills = {yesterday, today};
        view.showTradingUpdate(update);
        QCOMPARE(view.realisedToday(), 298.0);
        QCOMPARE(labelText(view, u"tradingRealisedToday"_s), u"+298.00"_s);
        QCOMPARE(view.fillModel()->rowCount(), 2);
    }

    // The orders table gained its note column in the middle: a header state saved for the old columns is
    // not applied to the new ones (each width would land one column off).
    void ignoresAnOrdersLayoutFromBeforeTheNote()
    {
        QByteArray oldState;
        {
            QStandardItemModel oldColumns(0, OrderTableModel::Count - 1);
            QTableView oldTable;
            oldTable.setModel(&oldColumns);
            oldTable.setColumnWidth(OrderTableModel::Purpose + 1, 400); // the old Side column
            oldState = oldTable.horizontalHeader()->saveState();
        }
        {
            // The hazard is real: Qt applies such a state to a header with one more column.
            QStandardItemModel newColumns(0, OrderTableModel::Count);
            QTableView newTable;
            newTable.setModel(&newColumns);
            QVERIFY(newTable.horizontalHeader()->restoreState(oldState));
            QCOMPARE(newTable.columnWidth(OrderTableModel::Note), 400);
        }
        QSettings().setValue(u"tradingView/ordersHeader"_s, oldState);
        TradingView view;
        auto *orders = view.findChild<QTableView *>(u"orderTable"_s);
        QVERIFY(orders->columnWidth(OrderTableModel::Side) < 400);
        QVERIFY(orders->columnWidth(OrderTableModel::Note) < 400);
        QSettings().remove(u"tradingView/ordersHeader"_s);
    }

    void remembersColumnWidths()
    {
        {
            TradingView view;
            view.findChild<QTableView *>(u"positionTable"_s)->setColumnWidth(PositionTableModel::Symbol, 211);
            view.findChild<QTableView *>(u"fillTable"_s)->setColumnWidth(FillTableModel::Price, 133);
            view.findChild<QTableView *>(u"orderTable"_s)->setColumnWidth(OrderTableModel::Note, 301);
        }
        TradingView again;
        QCOMPARE(again.findChild<QTableView *>(u"positionTable"_s)->columnWidth(PositionTableModel::Symbol), 211);
        QCOMPARE(again.findChild<QTableView *>(u"fillTable"_s)->columnWidth(FillTableModel::Price), 133);
        QCOMPARE(again.findChild<QTableView *>(u"orderTable"_s)->columnWidth(OrderTableModel::Note), 301);
        QVERIFY(QSettings().childGroups().contains(u"tradingView"_s));
    }
};

QTEST_MAIN(TestTradingView)
#include "tst_tradingview.moc"
