#include "app/WorkstationSession.h"
#include "common/Theme.h"
#include "engine/Engine.h"
#include "market/SimulatedFeed.h"
#include "scanner/PresetLoader.h"
#include "trading/ClosedPositionTableModel.h"
#include "trading/OrderTableModel.h"
#include "trading/PositionTableModel.h"
#include "trading/TradingView.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
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
    Preset p = *PresetLoader::load(u"breakout_v1_relaxed"_s).preset;
    p.liquidity.min24hVolumeUsd = 1e5;
    p.liquidity.minDepthUsd03 = 100;
    p.liquidity.minDepthUsd05 = 100;
    p.liquidity.maxSpreadBps = 100;
    p.liquidity.minTradesPerMinute = 0.1;
    p.volatility.atrRangeMin = 0.0001;
    p.volatility.atrRangeMax = 0.5;
    p.volatility.bbWidthPercentileMax = 100;
    p.volatility.volumeSurge1hMin = 0;
    p.volatility.volumeSurge5mMin = 0;
    p.risk.correlationLimit = 1.0;
    p.risk.maxConcurrentPositions = 5;
    p.scanner.topNByVolume.reset();
    p.scanner.maxCandidates = 50;
    p.scanner.scanIntervalSeconds = 300;
    p.signal.momentumVolumeMultiplier = 1.0;
    p.signal.momentumBodyRatioMin = 0.2;
    p.signal.l2ImbalanceThreshold = 0.0;
    p.position.maxHoldTimeHours = 48;
    return p;
}

SimulatedFeedConfig marketConfig()
{
    SimulatedFeedConfig c;
    c.seed = 7;
    c.symbols = 30;
    c.speedUp = 6000; // a 5 m bar every 50 ms of wall time
    c.backfillBars = 300;
    c.ticksPerBar = 4;
    c.startTimeMs = 1700000000000;
    return c;
}

// A test double of the session interface: a real Engine on its own thread on a seeded simulated market, its
// signals relayed and the trading commands given as a LocalSession gives them. Control can be withdrawn as a
// remote session's would be.
class EngineSession final : public WorkstationSession
{
public:
    EngineSession()
    {
        EngineConfig config;
        config.preset = tradingPreset();
        config.statusIntervalMs = 100;
        m_engine = new Engine(config, new SimulatedFeed(marketConfig()));
        connect(m_engine, &Engine::tradingUpdated, this, &WorkstationSession::tradingUpdated);
        connect(m_engine, &Engine::accountUpdated, this, &WorkstationSession::accountUpdated);
        connect(m_engine, &Engine::statusChanged, this, &WorkstationSession::engineStatusChanged);
        connect(m_engine, &Engine::overviewReady, this, &WorkstationSession::overviewReady);
        connect(m_engine, &Engine::commandRefused, this, &WorkstationSession::commandFailed);
        m_engine->moveToThread(&m_thread);
        m_thread.setObjectName(u"bw-engine"_s);
        m_thread.start();
    }
    ~EngineSession() override
    {
        QMetaObject::invokeMethod(
            m_engine, [e = m_engine] { e->stop(); }, Qt::BlockingQueuedConnection);
        m_engine->deleteLater();
        m_thread.quit();
        m_thread.wait();
    }

    QString sourceName() const override { return u"Simulated market (30 symbols)"_s; }
    bool isRemote() const override { return false; }
    bool canControl() const override { return m_control; }
    QStringList presetNames() const override { return {tradingPreset().name}; }
    QString activePreset() const override { return tradingPreset().name; }

    void startEngine() override { QMetaObject::invokeMethod(m_engine, &Engine::start, Qt::QueuedConnection); }
    void pauseEngine() override
    {
        run([](Engine *e) { e->pause(); });
    }
    void resumeEngine() override
    {
        run([](Engine *e) { e->resume(); });
    }
    void stopEngine() override
    {
        run([](Engine *e) { e->stop(); });
    }
    void scanNow() override { emit commandFailed(u"engine.scan_now"_s, u"not offered by this test session"_s); }
    void selectPreset(const QString &) override
    {
        emit commandFailed(u"engine.preset"_s, u"not offered by this test session"_s);
    }
    void exportSnapshot() override { emit commandFailed(u"snapshot.export"_s, u"not offered by this test session"_s); }
    void requestCandles(const QString &symbol, int) override { emit candlesReady(symbol, {}); }
    void selectSource(const FeedOptions &) override { emit sourceChanged(sourceName()); }

    void closePosition(qint64 positionId) override
    {
        ++commands;
        run([positionId](Engine *e) { e->closePosition(positionId); });
    }
    void flattenAll() override
    {
        ++commands;
        run([](Engine *e) { e->flattenAll(); });
    }
    void haltTrading(const QString &reason) override
    {
        ++commands;
        run([reason](Engine *e) { e->haltTrading(reason); });
    }
    void resetKillSwitch() override
    {
        ++commands;
        run([](Engine *e) { e->resetKillSwitch(); });
    }

    void setControl(bool control)
    {
        m_control = control;
        emit controlChanged(control);
    }

    int commands = 0; // trading commands received

private:
    template <typename F>
    void run(F f)
    {
        QMetaObject::invokeMethod(
            m_engine, [e = m_engine, f] { f(e); }, Qt::QueuedConnection);
    }

    QThread m_thread;
    Engine *m_engine = nullptr;
    bool m_control = true;
};

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

void click(QMessageBox *box, const QString &button)
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

        EngineSession session;
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
        EngineSession session;
        QSignalSpy failed(&session, &WorkstationSession::commandFailed);
        view.setSession(&session);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        session.startEngine();

        // Cancelled: nothing is sent.
        QTRY_VERIFY_WITH_TIMEOUT(openPosition(view).has_value(), 600'000);
        QVERIFY(selectPosition(view, openPosition(view)->id));
        view.closePositionAction()->trigger();
        QVERIFY(view.pendingConfirmation());
        click(view.pendingConfirmation(), u"cancelButton"_s);
        QTRY_VERIFY(!view.pendingConfirmation());
        QCOMPARE(session.commands, 0);

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
            QMessageBox *box = view.pendingConfirmation();
            QVERIFY(box);
            // The confirmation names what will happen.
            QVERIFY2(box->text().contains(target.symbol), qPrintable(box->text()));
            QVERIFY(box->informativeText().contains(u"Current mark"_s));
            QVERIFY(box->informativeText().contains(u"Estimated PnL"_s));
            QVERIFY(box->informativeText().contains(u"Quantity"_s));
            const qsizetype failuresBefore = failed.size();
            click(box, u"confirmButton"_s);
            QTRY_VERIFY_WITH_TIMEOUT(failed.size() > failuresBefore || hasClosed(view, target.id), 30'000);
            if (closedWith(view, target.id, OrderPurpose::Manual))
                closed = target;
        }
        QVERIFY(closed.has_value());
        QCOMPARE(view.positionModel()->rowOf(closed->id), -1);
        bool manualOrder = false;
        for (int row = 0; row < view.orderModel()->rowCount(); ++row) {
            const Order &o = view.orderModel()->rowAt(row);
            manualOrder |= o.positionId == closed->id && o.purpose == OrderPurpose::Manual;
        }
        QVERIFY(manualOrder);

        // Halt: the kill switch tile turns to "Halted", every position goes, and the action offers the reset.
        QTRY_VERIFY(view.killSwitchAction()->isEnabled());
        QVERIFY(view.killSwitchAction()->text().contains(u"Halt"_s));
        view.killSwitchAction()->trigger();
        QVERIFY(view.pendingConfirmation());
        QVERIFY(view.pendingConfirmation()->informativeText().contains(u"no new entries"_s));
        click(view.pendingConfirmation(), u"confirmButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(view, u"tradingKillSwitch"_s).contains(u"Halted"_s), 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(view.positionModel()->rowCount(), 0, 30'000);
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
