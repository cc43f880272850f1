#include "engine/Engine.h"
#include "market/MarketService.h"
#include "market/ReplayFeed.h"
#include "market/SimulatedFeed.h"
#include "scanner/PresetLoader.h"
#include "support/TradingTestMarket.h"
#include "trading/Order.h"
#include "trading/PaperBroker.h"
#include "trading/PositionBook.h"

#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <optional>

using namespace bw;

namespace {

// Loose enough that a small seeded simulated market trades within a couple of simulated days.
Preset tradingPreset()
{
    return test::looseTradingPreset(6);
}

SimulatedFeedConfig marketConfig()
{
    return test::smallTradingMarket(30000); // a 5 m bar every 10 ms of wall time
}

// An engine on its own thread, as the composition root runs it.
struct Running {
    QThread thread;
    Engine *engine = nullptr;
    // Signals arrive queued on the test thread (a QSignalSpy would record them on the engine thread).
    QObject collector;
    QList<EngineEvent> events;
    QList<EngineStatus> statuses;
    int updates = 0;
    QList<Position> firstPositions; // the positions of the first trading update (a restore's, after a restart)
    int decisions = 0;
    QSet<QString> exits;                     // exit reasons of closed positions
    QList<QPair<QString, QString>> refusals; // command, reason
    QList<QPair<QString, QList<Candle>>> candles;

    Running(const EngineConfig &config, const SimulatedFeedConfig &market = marketConfig())
    {
        engine = new Engine(config, new SimulatedFeed(market));
        QObject::connect(engine, &Engine::commandRefused, &collector,
                         [this](const QString &command, const QString &reason) {
                             refusals.append({command, reason});
                         });
        QObject::connect(engine, &Engine::candlesReady, &collector,
                         [this](const QString &symbol, const QList<Candle> &bars) {
                             candles.append({symbol, bars});
                         });
        QObject::connect(engine, &Engine::stateChanged, &collector, [this](const EngineEvent &e) { events.append(e); });
        QObject::connect(engine, &Engine::statusChanged, &collector, [this](const EngineStatus &s) {
            if (statuses.size() < 100)
                statuses.append(s);
        });
        QObject::connect(engine, &Engine::tradingUpdated, &collector, [this](const TradingUpdate &u) {
            if (++updates == 1)
                firstPositions = u.positions;
            for (const Position &p : u.finished) {
                if (p.status == PositionStatus::Closed && p.exitReason)
                    exits.insert(toCode(*p.exitReason));
            }
        });
        QObject::connect(engine, &Engine::signalDecided, &collector, [this] { ++decisions; });
        engine->moveToThread(&thread);
        thread.setObjectName(QStringLiteral("bw-engine"));
        thread.start();
        QMetaObject::invokeMethod(engine, &Engine::start, Qt::QueuedConnection);
    }
    // Destroys the engine on its thread without stop() (what a crash leaves is the journal), after `last`
    // looked at it.
    template <typename F>
    void destroyAbruptly(F last)
    {
        QMetaObject::invokeMethod(
            engine, [&] { last(engine); }, Qt::BlockingQueuedConnection);
        finish();
    }
    // deleteLater then quit: the engine is deleted on its own thread when the thread finishes.
    void finish()
    {
        engine->deleteLater();
        engine = nullptr;
        thread.quit();
        thread.wait();
    }
    ~Running()
    {
        if (engine) {
            QMetaObject::invokeMethod(
                engine, [e = engine] { e->stop(); }, Qt::BlockingQueuedConnection);
            finish();
        }
    }
    EngineStatus status() const
    {
        EngineStatus s;
        QMetaObject::invokeMethod(
            engine, [&] { s = engine->status(); }, Qt::BlockingQueuedConnection);
        return s;
    }
    QList<EngineState> visited() const
    {
        QList<EngineState> out;
        for (const EngineEvent &e : events)
            out.append(e.to);
        return out;
    }
};

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT

private slots:
    void tradesOnASimulatedMarket();
    void pauseResumeHaltStop();
    void restartRestoresPositionsAndCash();
    void unusableJournalIsAnError();
    void scansFollowTheIntervalInMarketTime();
    void commandsBeforeStart();
    void scanNowPresetAndCandles();
};

void TestEngine::tradesOnASimulatedMarket()
{
    EngineConfig config;
    config.preset = tradingPreset();
    config.statusIntervalMs = 100;
    Running run(config);
    QTRY_VERIFY_WITH_TIMEOUT(run.status().scans >= 1, 120000);
    QTRY_VERIFY_WITH_TIMEOUT(run.status().entriesTotal >= 1, 300000);
    // Positions close through the position manager's own rules (stop, breakeven, targets, trail, hold time).
    QTRY_VERIFY_WITH_TIMEOUT(run.status().closedTrades >= 3, 300000);
    QTRY_VERIFY_WITH_TIMEOUT(!run.exits.isEmpty(), 30000);
    qInfo() << "exit reasons seen:" << run.exits.values();
    QVERIFY(!run.exits.contains(QStringLiteral("kill_switch")));
    const EngineStatus s = run.status();
    QCOMPARE(s.symbols, 30);
    QVERIFY(s.lastScanMs > 0);
    QVERIFY(s.equity > 0);
    QTRY_VERIFY(run.decisions > 0);
    QTRY_VERIFY(run.updates > 0);
    const QList<EngineState> states = run.visited();
    QVERIFY(states.contains(EngineState::Initializing));
    QVERIFY(states.contains(EngineState::Scanning));
    QVERIFY(states.contains(EngineState::Managing));
    // Every transition carries a reason.
    for (const EngineEvent &e : run.events)
        QVERIFY(!e.reason.isEmpty());
}

void TestEngine::pauseResumeHaltStop()
{
    EngineConfig config;
    config.preset = tradingPreset();
    Running run(config);
    QTRY_VERIFY_WITH_TIMEOUT(run.status().scans >= 1, 120000);
    QMetaObject::invokeMethod(run.engine, [e = run.engine] { e->pause(QStringLiteral("test pause")); });
    QTRY_COMPARE_WITH_TIMEOUT(run.status().state, EngineState::Paused, 30000);
    const int scans = run.status().scans;
    // Market time moves on, but no scan starts while paused: wait for a whole scan interval of market time.
    const qint64 t0 = run.status().marketTimeMs;
    QTRY_VERIFY_WITH_TIMEOUT(run.status().marketTimeMs > t0 + 3 * run.engine->scanIntervalMs(), 120000);
    QVERIFY(run.status().scans <= scans + 1); // a scan already running when pause came may still report
    QMetaObject::invokeMethod(run.engine, [e = run.engine] { e->resume(); });
    QTRY_VERIFY_WITH_TIMEOUT(run.status().scans > scans + 1, 120000);
    QMetaObject::invokeMethod(run.engine, [e = run.engine] { e->halt(QStringLiteral("operator kill switch")); });
    QTRY_COMPARE_WITH_TIMEOUT(run.status().state, EngineState::Emergency, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(run.status().openPositions, 0, 30000);
    QMetaObject::invokeMethod(run.engine, [e = run.engine] { e->resume(); }); // not from Emergency
    QTest::qWait(0);
    QCOMPARE(run.status().state, EngineState::Emergency);
    QMetaObject::invokeMethod(run.engine, [e = run.engine] { e->stop(); });
    QTRY_COMPARE_WITH_TIMEOUT(run.status().state, EngineState::Stopped, 30000);
    QTRY_COMPARE(run.visited().last(), EngineState::Stopped);
    const QList<EngineState> states = run.visited();
    QVERIFY(states.indexOf(EngineState::Paused) < states.indexOf(EngineState::Emergency));
}

void TestEngine::restartRestoresPositionsAndCash()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EngineConfig config;
    config.preset = tradingPreset();
    config.preset.position.maxHoldTimeHours = 48; // keep positions open long enough to catch one
    config.journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
    double cash = 0;
    QList<Position> open;
    // A position may stop out between the check and the crash: then the next run (restored from this one's
    // journal) trades on until another is open.
    for (int attempt = 0; attempt < 10 && open.isEmpty(); ++attempt) {
        Running run(config);
        // Latched: QTRY evaluates the condition more than once, and the count may drop in between.
        bool seenOpen = false;
        QTRY_VERIFY_WITH_TIMEOUT(seenOpen || (seenOpen = run.status().openPositions >= 1), 300000);
        run.destroyAbruptly([&](Engine *e) {
            cash = e->broker()->cash();
            open = e->positions()->openPositions();
        });
    }
    QVERIFY(!open.isEmpty());
    Running again(config);
    QTRY_VERIFY_WITH_TIMEOUT(again.visited().contains(EngineState::Initializing), 30000);
    // The status published with the Initializing transition is the restored state, before any market update.
    std::optional<EngineStatus> restored;
    for (const EngineStatus &st : again.statuses) {
        if (st.state == EngineState::Initializing) {
            restored = st;
            break;
        }
    }
    QVERIFY(restored.has_value());
    QCOMPARE(restored->openPositions, int(open.size()));
    QCOMPARE(restored->cash, cash);
    QCOMPARE(again.events.first().to, EngineState::Initializing);
    // The views see the restored positions at once, before anything about them changes.
    QTRY_VERIFY_WITH_TIMEOUT(again.updates >= 1, 30000);
    QCOMPARE(again.firstPositions.size(), open.size());
}

void TestEngine::unusableJournalIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("foreign.sqlite"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not a database, and must not be overwritten");
    f.close();
    EngineConfig config;
    config.preset = tradingPreset();
    config.journalPath = path;
    Running run(config);
    QTRY_COMPARE_WITH_TIMEOUT(run.status().state, EngineState::Error, 30000);
    QVERIFY(run.status().lastReason.contains(QStringLiteral("journal")));
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), QByteArray("this is not a database, and must not be overwritten"));
}

void TestEngine::scansFollowTheIntervalInMarketTime()
{
    // A replay in lockstep on this thread: 1,000 recorded 5 m bars, 200 of them history, a scan every 15 min.
    EngineConfig config;
    config.preset = tradingPreset();
    config.preset.scanner.scanIntervalSeconds = 900;
    config.lockstep = true;
    ReplayConfig replay;
    replay.path = QStringLiteral(BW_TEST_DATA_DIR "/../data/sim-small");
    replay.backfillBars = 200;
    replay.maxBatchesInFlight = 1;
    Engine engine(config, new ReplayFeed(replay));
    QSignalSpy finished(&engine, &Engine::marketFinished);
    QList<qint64> scanStarts;
    connect(&engine, &Engine::stateChanged, this, [&scanStarts](const EngineEvent &e) {
        if (e.to == EngineState::Scanning)
            scanStarts.append(e.marketTimeMs);
    });
    engine.start();
    QVERIFY(finished.wait(120000));
    QVERIFY2(scanStarts.size() >= 260 && scanStarts.size() <= 268, qPrintable(QString::number(scanStarts.size())));
    for (qsizetype i = 1; i < scanStarts.size(); ++i)
        QCOMPARE(scanStarts[i] - scanStarts[i - 1], qint64(900000));
    engine.stop();
    QCOMPARE(engine.state(), EngineState::Stopped);
}

void TestEngine::commandsBeforeStart()
{
    EngineConfig config;
    config.preset = tradingPreset();
    Engine engine(config, new SimulatedFeed(marketConfig()));
    QSignalSpy refused(&engine, &Engine::commandRefused);
    QSignalSpy candles(&engine, &Engine::candlesReady);

    engine.scanNow();
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.at(0).at(0).toString(), QStringLiteral("engine.scan_now"));
    QVERIFY2(refused.at(0).at(1).toString().contains(QStringLiteral("idle")),
             qPrintable(refused.at(0).at(1).toString()));

    engine.selectPreset(QStringLiteral("no_such_preset"));
    QCOMPARE(refused.size(), 2);
    QCOMPARE(refused.at(1).at(0).toString(), QStringLiteral("engine.preset"));
    QVERIFY(refused.at(1).at(1).toString().contains(QStringLiteral("no_such_preset")));
    engine.selectPreset(QStringLiteral("../../etc/passwd"));
    QCOMPARE(refused.size(), 3);
    QCOMPARE(engine.status().presetName, config.preset.name);

    // Accepted before start: the engine starts on it.
    engine.selectPreset(QStringLiteral("swing_trading_pro"));
    QCOMPARE(refused.size(), 3);
    QCOMPARE(engine.status().presetName, QStringLiteral("swing_trading_pro"));

    engine.requestCandles(QStringLiteral("BTCUSDT"), 10);
    QCOMPARE(candles.size(), 1);
    QCOMPARE(candles.at(0).at(0).toString(), QStringLiteral("BTCUSDT"));
    QVERIFY(candles.at(0).at(1).value<QList<Candle>>().isEmpty());
}

void TestEngine::scanNowPresetAndCandles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EngineConfig config;
    config.preset = tradingPreset();
    config.preset.scanner.scanIntervalSeconds = 86400; // after the first scan, only scanNow() scans
    config.journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
    config.statusIntervalMs = 100;
    SimulatedFeedConfig market = marketConfig();
    market.speedUp = 1; // market time runs at wall speed: no periodic scan during the test
    {
        Running run(config, market);
        QTRY_VERIFY_WITH_TIMEOUT(run.status().scans >= 1, 120000);
        QTRY_COMPARE_WITH_TIMEOUT(run.status().state, EngineState::Managing, 30000);
        const int scans = run.status().scans;
        QMetaObject::invokeMethod(run.engine, &Engine::scanNow, Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(run.status().scans, scans + 1, 60000);
        QVERIFY(run.refusals.isEmpty());

        QMetaObject::invokeMethod(
            run.engine, [e = run.engine] { e->selectPreset(QStringLiteral("nope")); }, Qt::QueuedConnection);
        QTRY_COMPARE(run.refusals.size(), 1);
        QCOMPARE(run.refusals.at(0).first, QStringLiteral("engine.preset"));
        QMetaObject::invokeMethod(
            run.engine, [e = run.engine] { e->selectPreset(QStringLiteral("swing_trading_pro")); },
            Qt::QueuedConnection);
        QTRY_COMPARE(run.status().presetName, QStringLiteral("swing_trading_pro"));
        QTRY_COMPARE(run.statuses.isEmpty() ? QString() : run.statuses.last().presetName,
                     QStringLiteral("swing_trading_pro"));
        // The new preset scans too.
        QTRY_COMPARE_WITH_TIMEOUT(run.status().state, EngineState::Managing, 30000);
        QMetaObject::invokeMethod(run.engine, &Engine::scanNow, Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(run.status().scans, scans + 2, 60000);

        QString symbol;
        QMetaObject::invokeMethod(
            run.engine, [&] { symbol = run.engine->market()->store().info(0).name; }, Qt::BlockingQueuedConnection);
        QMetaObject::invokeMethod(
            run.engine, [e = run.engine, symbol] { e->requestCandles(symbol, 50); }, Qt::QueuedConnection);
        QMetaObject::invokeMethod(
            run.engine, [e = run.engine] { e->requestCandles(QStringLiteral("NOSUCHUSDT"), 50); },
            Qt::QueuedConnection);
        QTRY_COMPARE(run.candles.size(), 2);
        QCOMPARE(run.candles.at(0).first, symbol);
        const QList<Candle> bars = run.candles.at(0).second;
        QCOMPARE(bars.size(), 50);
        for (qsizetype i = 0; i < bars.size(); ++i) {
            QVERIFY(bars.at(i).closed);
            if (i > 0)
                QCOMPARE(bars.at(i).openTimeMs - bars.at(i - 1).openTimeMs, market.barIntervalMs);
        }
        QCOMPARE(run.candles.at(1).first, QStringLiteral("NOSUCHUSDT"));
        QVERIFY(run.candles.at(1).second.isEmpty());
    }
    // The switch is in the journal.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(config.journalPath);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT message FROM engine_events WHERE kind = 'preset'")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toString().contains(QStringLiteral("swing_trading_pro")));
        QVERIFY(!q.next());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
