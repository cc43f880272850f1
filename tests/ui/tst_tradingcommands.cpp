#include "EngineSession.h"
#include "app/WorkstationSession.h"
#include "common/Theme.h"
#include "engine/Engine.h"
#include "market/SimulatedFeed.h"
#include "scanner/PresetLoader.h"
#include "support/TradingTestMarket.h"
#include "trading/ClosedPositionTableModel.h"
#include "trading/OrderTableModel.h"
#include "trading/PositionTableModel.h"
#include "trading/TradingView.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QThread>
#include <QToolButton>
#include <QtTest>

#include <optional>

using namespace bw;
using namespace bw::ui;
using namespace Qt::StringLiterals;

namespace {

// Loose enough that a small seeded simulated market trades within seconds (as in tst_engine); positions are
// held long enough to be closed by hand.
Preset tradingPreset()
{
    return test::looseTradingPreset(48);
}

SimulatedFeedConfig marketConfig()
{
    return test::smallTradingMarket(6000); // a 5 m bar every 50 ms of wall time
}

// Selects the position table's row showing position `id`; false when it is not shown.
bool selectPosition(TradingView &view, qint64 id)
{
    auto *table = view.findChild<QTableView *>(u"positionTable"_s);
    const auto *proxy = qobject_cast<QSortFilterProxyModel *>(table->model());
    const int sourceRow = view.positionModel()->rowOf(id);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = proxy->mapFromSource(view.positionModel()->index(sourceRow, 0));
    table->selectRow(index.row());
    return view.closePositionAction()->isEnabled();
}

std::optional<Position> openPosition(const TradingView &view)
{
    const PositionTableModel *model = view.positionModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->positionAt(row).status == PositionStatus::Open && model->markAt(row) > 0)
            return model->positionAt(row);
    }
    return std::nullopt;
}

bool closedWith(const TradingView &view, qint64 id, OrderPurpose reason)
{
    const ClosedPositionTableModel *closed = view.closedModel();
    for (int row = 0; row < closed->rowCount(); ++row) {
        const Position &p = closed->rowAt(row);
        if (p.id == id)
            return p.status == PositionStatus::Closed && p.exitReason == reason;
    }
    return false;
}

bool hasClosed(const TradingView &view, qint64 id)
{
    const ClosedPositionTableModel *closed = view.closedModel();
    for (int row = 0; row < closed->rowCount(); ++row) {
        if (closed->rowAt(row).id == id)
            return true;
    }
    return false;
}

void click(QDialog *box, const QString &button)
{
    QVERIFY(box);
    auto *b = box->findChild<QPushButton *>(button);
    QVERIFY(b);
    QTest::mouseClick(b, Qt::LeftButton);
}

QString labelText(const QWidget &view, const QString &name)
{
    const auto *label = view.findChild<QLabel *>(name);
    return label ? label->text() : QString();
}

} // namespace

// The trading page's operator actions on a real engine trading a seeded simulated market.
class TestTradingCommands : public QObject
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

    void disabledWithoutControl()
    {
        TradingView view;
        QVERIFY(!view.closePositionAction()->isEnabled());
        QVERIFY(!view.flattenAllAction()->isEnabled());
        QVERIFY(!view.killSwitchAction()->isEnabled());
        view.closePositionAction()->trigger();
        view.flattenAllAction()->trigger();
        QVERIFY(!view.pendingConfirmation());

        test::EngineSession session(tradingPreset(), marketConfig());
        session.setControl(false);
        view.setSession(&session);
        session.startEngine();
        QTRY_VERIFY_WITH_TIMEOUT(view.positionModel()->rowCount() > 0, 600'000);
        // A viewer's session: nothing to press.
        QVERIFY(!view.flattenAllAction()->isEnabled());
        QVERIFY(!view.killSwitchAction()->isEnabled());
        // Operator rights arrive: the actions follow.
        session.setControl(true);
        QVERIFY(view.killSwitchAction()->isEnabled());
        QTRY_VERIFY(view.positionModel()->rowCount() == 0 || view.flattenAllAction()->isEnabled());
        session.setControl(false);
        QVERIFY(!view.killSwitchAction()->isEnabled());
        QCOMPARE(session.commands, 0);
        view.setSession(nullptr);
        QVERIFY(!view.killSwitchAction()->isEnabled());
    }

    void closeFlattenHaltReset()
    {
        TradingView view;
        view.resize(1440, 900);
        test::EngineSession session(tradingPreset(), marketConfig());
        QSignalSpy failed(&session, &WorkstationSession::commandFailed);
        view.setSession(&session);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        session.startEngine();

        // Cancelled: nothing is sent. Enter backs out, as the cancel button does. (A position may stop out
        // while the events run: select one again each time.)
        for (const bool byKey : {true, false}) {
            QTRY_VERIFY_WITH_TIMEOUT(openPosition(view).has_value() && selectPosition(view, openPosition(view)->id) &&
                                         view.closePositionAction()->isEnabled(),
                                     600'000);
            view.closePositionAction()->trigger();
            QVERIFY(view.pendingConfirmation());
            if (byKey)
                QTest::keyClick(view.pendingConfirmation(), Qt::Key_Return);
            else
                click(view.pendingConfirmation(), u"cancelButton"_s);
            QTRY_VERIFY(!view.pendingConfirmation());
            QCOMPARE(session.commands, 0);
        }

        // Confirmed: the row leaves the open positions and the trade appears among the closed ones, closed by a
        // manual order. A position may stop out between the click and the command (then refused as closed):
        // try another.
        std::optional<Position> closed;
        for (int attempt = 0; attempt < 20 && !closed; ++attempt) {
            QTRY_VERIFY_WITH_TIMEOUT(openPosition(view).has_value(), 600'000);
            const Position target = *openPosition(view);
            if (!selectPosition(view, target.id))
                continue;
            auto *button = view.findChild<QToolButton *>(u"closePositionButton"_s);
            QVERIFY(button && button->isEnabled());
            QTest::mouseClick(button, Qt::LeftButton);
            TradingConfirmation *box = view.pendingConfirmation();
            QVERIFY(box);
            // The confirmation names what will happen.
            QVERIFY2(box->text().contains(target.symbol), qPrintable(box->text()));
            QVERIFY(box->informativeText().contains(u"Current mark"_s));
            QVERIFY(box->informativeText().contains(u"Estimated PnL"_s));
            QVERIFY(box->informativeText().contains(u"Quantity"_s));
            // The operator's reason; Enter in it moves to the action's button and does not confirm by itself.
            QVERIFY(box->reasonEdit());
            const int commandsBefore = session.commands;
            box->reasonEdit()->setFocus();
            QTest::keyClicks(box->reasonEdit(), u"  news at 14:00 "_s);
            QTest::keyClick(box->reasonEdit(), Qt::Key_Return);
            QCOMPARE(view.pendingConfirmation(), box);
            QCOMPARE(session.commands, commandsBefore);
            QCOMPARE(box->reason(), u"news at 14:00"_s);
            QCOMPARE(box->focusWidget(), box->findChild<QPushButton *>(u"confirmButton"_s));
            // Not a check: with BW_SCREENSHOT_DIR set, the dialog as the operator sees it.
            if (const QString dir = qEnvironmentVariable("BW_SCREENSHOT_DIR"); !dir.isEmpty())
                box->grab().save(dir + u"/trading-close-confirmation.png"_s);
            const qsizetype failuresBefore = failed.size();
            click(box, u"confirmButton"_s);
            QTRY_VERIFY_WITH_TIMEOUT(failed.size() > failuresBefore || hasClosed(view, target.id), 30'000);
            if (closedWith(view, target.id, OrderPurpose::Manual))
                closed = target;
        }
        QVERIFY(closed.has_value());
        QCOMPARE(view.positionModel()->rowOf(closed->id), -1);
        qint64 manualOrder = 0;
        for (int row = 0; row < view.orderModel()->rowCount(); ++row) {
            const Order &o = view.orderModel()->rowAt(row);
            if (o.positionId == closed->id && o.purpose == OrderPurpose::Manual)
                manualOrder = o.id;
        }
        QVERIFY(manualOrder > 0);
        // The orders table says why, beside the purpose: a narrow column that elides, the whole note as tooltip.
        auto *orderTable = view.findChild<QTableView *>(u"orderTable"_s);
        QVERIFY(orderTable);
        const QAbstractItemModel *shown = orderTable->model();
        QCOMPARE(shown->headerData(OrderTableModel::Note, Qt::Horizontal).toString(), u"Note"_s);
        QVERIFY(!orderTable->isColumnHidden(OrderTableModel::Note));
        QCOMPARE(orderTable->textElideMode(), Qt::ElideRight);
        QVERIFY(!orderTable->wordWrap());
        bool noteShown = false;
        for (int row = 0; row < shown->rowCount(); ++row) {
            if (shown->index(row, OrderTableModel::Id).data(OrderTableModel::SortRole).toLongLong() != manualOrder)
                continue;
            QCOMPARE(shown->index(row, OrderTableModel::Note).data().toString(), u"closed by news at 14:00"_s);
            QCOMPARE(shown->index(row, OrderTableModel::Note).data(Qt::ToolTipRole).toString(),
                     u"closed by news at 14:00"_s);
            noteShown = true;
        }
        QVERIFY(noteShown);

        // Halt: the kill switch tile turns to "Halted", every position goes, and the action offers the reset.
        QTRY_VERIFY(view.killSwitchAction()->isEnabled());
        QVERIFY(view.killSwitchAction()->text().contains(u"Halt"_s));
        view.killSwitchAction()->trigger();
        QVERIFY(view.pendingConfirmation());
        QVERIFY(view.pendingConfirmation()->informativeText().contains(u"no new entries"_s));
        QTest::keyClicks(view.pendingConfirmation()->reasonEdit(), u"exchange outage"_s);
        click(view.pendingConfirmation(), u"confirmButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(view, u"tradingKillSwitch"_s).contains(u"Halted"_s), 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(view.positionModel()->rowCount(), 0, 30'000);
        // What the halt closed carries the operator's words.
        for (int row = 0; row < view.orderModel()->rowCount(); ++row) {
            const Order &o = view.orderModel()->rowAt(row);
            if (o.purpose == OrderPurpose::KillSwitch)
                QVERIFY2(o.note.contains(u"exchange outage"_s), qPrintable(o.note));
        }
        // The reset asks for no reason.
        QVERIFY(view.killSwitchAction()->text().contains(u"Reset"_s));
        view.killSwitchAction()->trigger();
        QVERIFY(!view.pendingConfirmation()->reasonEdit());
        click(view.pendingConfirmation(), u"cancelButton"_s);
        QVERIFY(!view.flattenAllAction()->isEnabled()); // nothing left to flatten
        QVERIFY(view.killSwitchAction()->text().contains(u"Reset"_s));
        view.killSwitchAction()->trigger();
        click(view.pendingConfirmation(), u"confirmButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(view, u"tradingKillSwitch"_s).contains(u"Armed"_s), 30'000);
        QVERIFY(view.killSwitchAction()->text().contains(u"Halt"_s));

        // Flatten: entries resume after the reset; once some are open, one click closes them all.
        QTRY_VERIFY_WITH_TIMEOUT(view.flattenAllAction()->isEnabled(), 600'000);
        session.pauseEngine(); // no new entries while the page flattens
        QTRY_VERIFY_WITH_TIMEOUT(labelText(view, u"tradingKillSwitch"_s).contains(u"Armed"_s), 30'000);
        if (view.positionModel()->rowCount() > 0 && view.flattenAllAction()->isEnabled()) {
            view.flattenAllAction()->trigger();
            QVERIFY(view.pendingConfirmation());
            QVERIFY(view.pendingConfirmation()->informativeText().contains(u"Estimated PnL in total"_s));
            click(view.pendingConfirmation(), u"confirmButton"_s);
            QTRY_COMPARE_WITH_TIMEOUT(view.positionModel()->rowCount(), 0, 30'000);
        }
        QVERIFY(!view.flattenAllAction()->isEnabled());
        view.setSession(nullptr);
    }
};

QTEST_MAIN(TestTradingCommands)
#include "tst_tradingcommands.moc"
