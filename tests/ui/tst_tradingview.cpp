#include "app/WorkstationSession.h"
#include "common/Theme.h"
#include "engine/Engine.h"
#include "market/SimulatedFeed.h"
#include "scanner/PresetLoader.h"
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
    p.position.maxHoldTimeHours = 6;
    return p;
}

SimulatedFeedConfig marketConfig()
{
    SimulatedFeedConfig c;
    c.seed = 7;
    c.symbols = 30;
    c.speedUp = 30000; // a 5 m bar every 10 ms of wall time
    c.backfillBars = 300;
    c.ticksPerBar = 4;
    c.startTimeMs = 1700000000000;
    return c;
}

// A test double of the session interface: a real Engine on its own thread on a seeded simulated market,
// its signals relayed as a LocalSession would relay them. Commands the page never gives are refused.
class EngineSession final : public WorkstationSession
{
public:
    EngineSession()
    {
        EngineConfig config;
        config.preset = tradingPreset();
        config.statusIntervalMs = 200;
        m_engine = new Engine(config, new SimulatedFeed(marketConfig()));
        connect(m_engine, &Engine::signalsGenerated, this, &WorkstationSession::signalsGenerated);
        connect(m_engine, &Engine::signalDecided, this, &WorkstationSession::signalDecided);
        connect(m_engine, &Engine::tradingUpdated, this, &WorkstationSession::tradingUpdated);
        connect(m_engine, &Engine::accountUpdated, this, &WorkstationSession::accountUpdated);
        connect(m_engine, &Engine::statusChanged, this, &WorkstationSession::engineStatusChanged);
        connect(m_engine, &Engine::overviewReady, this, &WorkstationSession::overviewReady);
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
    bool canControl() const override { return true; }
    QStringList presetNames() const override { return {tradingPreset().name}; }
    QString activePreset() const override { return tradingPreset().name; }

    void startEngine() override { QMetaObject::invokeMethod(m_engine, &Engine::start, Qt::QueuedConnection); }
    void pauseEngine() override
    {
        QMetaObject::invokeMethod(
            m_engine, [e = m_engine] { e->pause(); }, Qt::QueuedConnection);
    }
    void resumeEngine() override
    {
        QMetaObject::invokeMethod(
            m_engine, [e = m_engine] { e->resume(); }, Qt::QueuedConnection);
    }
    // Blocks until the engine has stopped, so that nothing arrives after it returns but what is queued.
    void stopEngine() override
    {
        QMetaObject::invokeMethod(
            m_engine, [e = m_engine] { e->stop(); }, Qt::BlockingQueuedConnection);
    }
    void scanNow() override { emit commandFailed(u"engine.scan"_s, u"not offered by this test session"_s); }
    void selectPreset(const QString &) override
    {
        emit commandFailed(u"preset.select"_s, u"not offered by this test session"_s);
    }
    void exportSnapshot() override { emit commandFailed(u"snapshot.export"_s, u"not offered by this test session"_s); }
    void requestCandles(const QString &symbol, int) override { emit candlesReady(symbol, {}); }
    void selectSource(const FeedOptions &) override { emit sourceChanged(sourceName()); }

    EngineStatus status() const
    {
        EngineStatus s;
        QMetaObject::invokeMethod(
            m_engine, [&] { s = m_engine->status(); }, Qt::BlockingQueuedConnection);
        return s;
    }

private:
    QThread m_thread;
    Engine *m_engine = nullptr;
};

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

        EngineSession session;
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

    void remembersColumnWidths()
    {
        {
            TradingView view;
            view.findChild<QTableView *>(u"positionTable"_s)->setColumnWidth(PositionTableModel::Symbol, 211);
            view.findChild<QTableView *>(u"fillTable"_s)->setColumnWidth(FillTableModel::Price, 133);
        }
        TradingView again;
        QCOMPARE(again.findChild<QTableView *>(u"positionTable"_s)->columnWidth(PositionTableModel::Symbol), 211);
        QCOMPARE(again.findChild<QTableView *>(u"fillTable"_s)->columnWidth(FillTableModel::Price), 133);
        QVERIFY(QSettings().childGroups().contains(u"tradingView"_s));
    }
};

QTEST_MAIN(TestTradingView)
#include "tst_tradingview.moc"
