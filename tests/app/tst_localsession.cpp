#include "app/AppContext.h"
#include "app/LocalSession.h"
#include "app/RemoteSession.h"
#include "common/CacheRegistry.h"
#include "monitor/PressureGovernor.h"
#include "monitor/ProcessMonitor.h"
#include "monitor/ResourceMonitor.h"
#include "support/SessionTestMarkets.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QWebSocket>

using namespace bw;

namespace {

using test::recordedSimSmall;
using test::slowSimulatedMarket;

// Everything the session publishes, as a view would see it; counts signals that arrive on another thread
// than the test's (the GUI thread).
struct Recorder {
    QObject context;
    int offThread = 0;
    QList<EngineStatus> statuses;
    QList<MarketOverview> overviews;
    QList<ScanReportPtr> scans;
    QList<QPair<QString, QString>> failures;
    QList<QPair<QString, QList<Candle>>> candles;
    QStringList snapshots;
    QStringList sources;
    QList<ViewerStats> viewers;
    int samples = 0;
    int caches = 0;
    int logLines = 0;
    int events = 0;
    QStringList eventReasons;

    explicit Recorder(LocalSession &session)
    {
        const auto here = [this] {
            if (QThread::currentThread() != context.thread())
                ++offThread;
        };
        QObject::connect(&session, &WorkstationSession::engineStatusChanged, &context,
                         [=, this](const EngineStatus &s) {
                             here();
                             statuses.append(s);
                         });
        QObject::connect(&session, &WorkstationSession::engineEvent, &context, [=, this](const EngineEvent &e) {
            here();
            ++events;
            eventReasons.append(e.reason);
        });
        QObject::connect(&session, &WorkstationSession::overviewReady, &context, [=, this](const MarketOverview &o) {
            here();
            overviews.append(o);
        });
        QObject::connect(&session, &WorkstationSession::scanFinished, &context, [=, this](ScanReportPtr r) {
            here();
            scans.append(r);
        });
        QObject::connect(&session, &WorkstationSession::commandFailed, &context,
                         [=, this](const QString &command, const QString &reason) {
                             here();
                             failures.append({command, reason});
                         });
        QObject::connect(&session, &WorkstationSession::candlesReady, &context,
                         [=, this](const QString &symbol, const QList<Candle> &bars) {
                             here();
                             candles.append({symbol, bars});
                         });
        QObject::connect(&session, &WorkstationSession::snapshotExported, &context, [=, this](const QString &path) {
            here();
            snapshots.append(path);
        });
        QObject::connect(&session, &WorkstationSession::sourceChanged, &context, [=, this](const QString &name) {
            here();
            sources.append(name);
        });
        QObject::connect(&session, &WorkstationSession::viewersChanged, &context, [=, this](const ViewerStats &v) {
            here();
            viewers.append(v);
        });
        QObject::connect(&session, &WorkstationSession::accountUpdated, &context,
                         [=, this](const AccountSnapshot &account) {
                             if (accounts.size() < 100)
                                 accounts.append(account);
                         });
        QObject::connect(&session, &WorkstationSession::resourceSampled, &context,
                         [=, this](const ResourceSample &sample) {
                             here();
                             ++samples;
                             if (sampleTimes.size() < 100'000)
                                 sampleTimes.append(sample.timeMs);
                         });
        QObject::connect(&session, &WorkstationSession::alertRaised, &context, [=, this](const AlertEvent &alert) {
            here();
            alerts.append(alert);
        });
        QObject::connect(&session, &WorkstationSession::governorActed, &context,
                         [=, this](const GovernorAction &action) {
                             here();
                             actions.append(action);
                         });
        QObject::connect(&session, &WorkstationSession::cachesUpdated, &context,
                         [=, this](const QList<CacheStats> &list) {
                             here();
                             if (!list.isEmpty())
                                 ++caches;
                         });
        QObject::connect(&session, &WorkstationSession::logged, &context, [=, this](const LogLine &line) {
            here();
            if (!line.message.isEmpty() && line.timeMs > 0)
                ++logLines;
        });
    }
    EngineStatus last() const { return statuses.isEmpty() ? EngineStatus{} : statuses.constLast(); }
    QList<qint64> sampleTimes; // every sample relayed, in order (bounded by the test's length)
    QList<AlertEvent> alerts;
    QList<GovernorAction> actions;
    int scanCount() const { return int(scans.size()); }
    QList<AccountSnapshot> accounts;
};

// Runs `fn` on `object`'s thread and returns its result: the monitor's state is read where it lives.
template <typename Fn>
auto onThreadOf(QObject *object, Fn fn)
{
    decltype(fn()) result{};
    QMetaObject::invokeMethod(object, fn, Qt::BlockingQueuedConnection, &result);
    return result;
}

struct MonitorState {
    QList<HistoryPoint> history;
    QList<AlertEvent> alerts;
    AlertLevel threads = AlertLevel::Normal;
    qint64 pid = 0;
};

MonitorState stateOf(ResourceMonitor *monitor)
{
    return onThreadOf(monitor, [monitor] {
        return MonitorState{monitor->history(), monitor->alerts(), monitor->alertLevel(Metric::Threads),
                            monitor->pid()};
    });
}

int count(const QList<GovernorAction> &actions, GovernorActionKind kind)
{
    return int(
        std::count_if(actions.cbegin(), actions.cend(), [kind](const GovernorAction &a) { return a.kind == kind; }));
}

} // namespace

// The workstation of this process behind the WorkstationSession interface: a real AppContext (engine thread,
// resource monitor, governor, WebSocket server on loopback) on a small seeded simulated market.
class TestLocalSession : public QObject
{
    Q_OBJECT

private slots:
    void relaysEverythingOnTheGuiThread();
    void commandsReachTheEngine();
    void switchesToARecordedMarket();
    void stoppedEngineStartsAgain();
    void resourceHistorySurvivesASourceSwitch();
};

void TestLocalSession::relaysEverythingOnTheGuiThread()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    LocalSessionConfig config;
    ServerConfig server;
    server.port = 0;
    server.tokenFilePath = dir.filePath(QStringLiteral("token"));
    config.server = server;
    config.startingCash = 25'000; // the settings' paper balance, for a run without a journal
    LocalSession session(slowSimulatedMarket(), config);
    Recorder r(session);
    QSignalSpy started(&session, &LocalSession::serverStarted);
    QString error;
    QVERIFY2(session.start(&error), qPrintable(error));
    QVERIFY(!session.isRemote());
    QVERIFY(session.canControl());
    QVERIFY(session.presetNames().contains(QStringLiteral("breakout_v1")));
    QCOMPARE(session.activePreset(), QStringLiteral("breakout_v1"));
    QVERIFY(session.sourceName().contains(QStringLiteral("20")));

    QTRY_VERIFY_WITH_TIMEOUT(r.scanCount() >= 1, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!r.overviews.isEmpty() && !r.overviews.constLast().symbols.isEmpty(), 30000);
    QCOMPARE(r.overviews.constLast().symbols.size(), 20);
    // The account is shown from the start, with the configured balance.
    QVERIFY(!r.accounts.isEmpty());
    QCOMPARE(r.accounts.constFirst().cash, 25'000.0);
    QTRY_VERIFY(r.last().scans >= 1);
    QVERIFY(r.events > 0);
    QTRY_VERIFY_WITH_TIMEOUT(r.samples > 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(r.caches > 0, 30000);
    QTRY_VERIFY(r.logLines > 0);

    // A viewer connects: the server's statistics count it.
    QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!r.viewers.isEmpty(), 30000);
    QCOMPARE(r.viewers.constLast().clients, 0);
    QFile tokenFile(started.constFirst().at(1).toString());
    QVERIFY(tokenFile.open(QIODevice::ReadOnly));
    const QString token = QString::fromUtf8(tokenFile.readAll()).trimmed();
    QWebSocket client;
    bool greeted = false;
    connect(&client, &QWebSocket::textMessageReceived, this, [&greeted] { greeted = true; });
    client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(started.constFirst().at(0).value<quint16>())));
    QTRY_VERIFY_WITH_TIMEOUT(greeted, 10000);
    client.sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("auth")},
                                                                       {QStringLiteral("id"), 1},
                                                                       {QStringLiteral("token"), token}})
                                                 .toJson(QJsonDocument::Compact)));
    QTRY_VERIFY_WITH_TIMEOUT(r.viewers.constLast().clients == 1, 30000);
    client.close();

    QCOMPARE(r.offThread, 0);
}

void TestLocalSession::commandsReachTheEngine()
{
    LocalSession session(slowSimulatedMarket());
    Recorder r(session);
    QVERIFY(session.start());
    QTRY_VERIFY_WITH_TIMEOUT(r.scanCount() >= 1, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(r.last().state, EngineState::Managing, 30000);

    // Scan now: one more scan at once (the next periodic one is minutes of market time away).
    const int scans = r.scanCount();
    session.scanNow();
    QTRY_COMPARE_WITH_TIMEOUT(r.scanCount(), scans + 1, 60000);
    QVERIFY(r.failures.isEmpty());

    // Presets: the status names the new one; an unknown one is refused with the reason.
    session.selectPreset(QStringLiteral("swing_trading_pro"));
    QTRY_COMPARE(r.last().presetName, QStringLiteral("swing_trading_pro"));
    QCOMPARE(session.activePreset(), QStringLiteral("swing_trading_pro"));
    session.selectPreset(QStringLiteral("no_such_preset"));
    QTRY_COMPARE(r.failures.size(), 1);
    QCOMPARE(r.failures.at(0).first, QStringLiteral("engine.preset"));
    QVERIFY(r.failures.at(0).second.contains(QStringLiteral("no_such_preset")));
    QCOMPARE(session.activePreset(), QStringLiteral("swing_trading_pro"));

    // Candles of a symbol the overview lists; none for an unknown one.
    QTRY_VERIFY(!r.overviews.isEmpty() && !r.overviews.constLast().symbols.isEmpty());
    const QString symbol = r.overviews.constLast().symbols.constFirst().symbol;
    session.requestCandles(symbol, 40);
    session.requestCandles(QStringLiteral("NOSUCHUSDT"), 40);
    QTRY_COMPARE(r.candles.size(), 2);
    QCOMPARE(r.candles.at(0).first, symbol);
    QCOMPARE(r.candles.at(0).second.size(), 40);
    for (const Candle &c : r.candles.at(0).second)
        QVERIFY(c.closed && c.high >= c.low && c.low > 0);
    QVERIFY(r.candles.at(1).second.isEmpty());

    // The snapshot button: a valid memory snapshot file.
    session.exportSnapshot();
    QTRY_COMPARE_WITH_TIMEOUT(r.snapshots.size(), 1, 30000);
    QFile file(r.snapshots.constFirst());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value(QStringLiteral("schema")).toString(),
             QStringLiteral("breakout-workstation.memory-snapshot"));
    QVERIFY(file.remove());

    // Another scan now while the engine is paused: refused with the reason.
    session.pauseEngine();
    QTRY_COMPARE(r.last().state, EngineState::Paused);
    session.scanNow();
    QTRY_COMPARE(r.failures.size(), 2);
    QCOMPARE(r.failures.at(1).first, QStringLiteral("engine.scan_now"));
    QVERIFY(r.failures.at(1).second.contains(QStringLiteral("paused")));

    // The trading commands say who asked, and the operator's words when there are any.
    session.resumeEngine();
    QTRY_VERIFY(r.last().state == EngineState::Managing || r.last().state == EngineState::Scanning);
    session.haltTrading(QStringLiteral("  exchange outage "));
    QTRY_COMPARE(r.last().state, EngineState::Emergency);
    QTRY_VERIFY(!r.eventReasons.filter(QStringLiteral("halted: the desktop operator: exchange outage")).isEmpty());
    session.flattenAll(QStringLiteral("nothing left"));
    QTRY_COMPARE(r.failures.size(), 3);
    QCOMPARE(r.failures.at(2).first, QStringLiteral("positions.flatten"));
    session.resetKillSwitch();
    QTRY_VERIFY(r.last().state == EngineState::Managing || r.last().state == EngineState::Scanning);
    QTRY_VERIFY(!r.eventReasons.filter(QStringLiteral("kill switch reset: the desktop operator")).isEmpty());
    QCOMPARE(r.offThread, 0);
}

void TestLocalSession::switchesToARecordedMarket()
{
    LocalSession session(slowSimulatedMarket());
    Recorder r(session);
    QVERIFY(session.start());
    QTRY_VERIFY_WITH_TIMEOUT(!r.overviews.isEmpty() && !r.overviews.constLast().symbols.isEmpty(), 60000);
    session.selectPreset(QStringLiteral("breakout_v1_relaxed"));
    QTRY_COMPARE(r.last().presetName, QStringLiteral("breakout_v1_relaxed"));

    // An unusable source is refused and the running one stays.
    const QString before = session.sourceName();
    FeedOptions broken;
    broken.source = FeedOptions::Source::Replay;
    session.selectSource(broken);
    QCOMPARE(r.failures.size(), 1);
    QCOMPARE(r.failures.at(0).first, QStringLiteral("source.select"));
    QVERIFY(!r.failures.at(0).second.isEmpty());
    QCOMPARE(session.sourceName(), before);
    QVERIFY(r.sources.isEmpty());

    session.selectSource(recordedSimSmall());
    QCOMPARE(r.sources.size(), 1);
    QVERIFY2(r.sources.constFirst().contains(QStringLiteral("Replay")), qPrintable(r.sources.constFirst()));
    QCOMPARE(session.feedOptions().source, FeedOptions::Source::Replay);
    // From here on only the replay's values arrive: nothing the old engine had queued.
    const qsizetype statusMark = r.statuses.size();
    const qsizetype overviewMark = r.overviews.size();
    QTRY_VERIFY_WITH_TIMEOUT(r.overviews.size() > overviewMark && !r.overviews.constLast().symbols.isEmpty(), 60000);
    const int recorded = int(QDir(QStringLiteral(BW_TEST_DATA_DIR "/../data/sim-small"))
                                 .entryList({QStringLiteral("*.csv")}, QDir::Files)
                                 .size());
    QCOMPARE(r.overviews.constLast().symbols.size(), recorded);
    QTRY_VERIFY_WITH_TIMEOUT(r.last().scans >= 1, 60000);
    // After the history, the replay goes on bar by bar at its pace.
    const qint64 t0 = r.last().marketTimeMs;
    QTRY_VERIFY_WITH_TIMEOUT(r.last().marketTimeMs > t0, 60000);
    for (qsizetype i = statusMark; i < r.statuses.size(); ++i)
        QVERIFY2(r.statuses.at(i).source.contains(QStringLiteral("Replay")), qPrintable(r.statuses.at(i).source));
    for (qsizetype i = overviewMark; i < r.overviews.size(); ++i)
        QVERIFY(r.overviews.at(i).sourceName.contains(QStringLiteral("Replay")));
    // The chosen preset came along.
    QCOMPARE(r.last().presetName, QStringLiteral("breakout_v1_relaxed"));
    QCOMPARE(r.offThread, 0);
}

void TestLocalSession::stoppedEngineStartsAgain()
{
    LocalSession session(slowSimulatedMarket());
    Recorder r(session);
    QVERIFY(session.start());
    QTRY_COMPARE_WITH_TIMEOUT(r.last().state, EngineState::Managing, 60000);
    session.startEngine(); // already running
    QTRY_COMPARE(r.failures.size(), 1);
    QCOMPARE(r.failures.at(0).first, QStringLiteral("engine.start"));
    session.stopEngine();
    QTRY_COMPARE(r.last().state, EngineState::Stopped);
    const qsizetype mark = r.statuses.size();
    session.startEngine();
    QTRY_VERIFY_WITH_TIMEOUT(r.statuses.size() > mark && r.last().state == EngineState::Managing, 60000);
}

// Switching the data source rebuilds the engine, not the process: the resource monitor (samples, history,
// alert states) and the pressure governor (level, actions) go on as they were, the new engine scans under the
// governor's pressure, and its caches start at the governor's limits.
void TestLocalSession::resourceHistorySurvivesASourceSwitch()
{
    LocalSessionConfig config;
    // Ten samples a second: at Critical the monitor keeps 900 points, a minute and a half of them.
    config.resourceIntervalMs = 100;
    ServerConfig server;
    server.port = 0;
    server.tokens.insert(QStringLiteral("history-viewer-token"), protocol::Role::Viewer);
    config.server = server;
    LocalSession session(slowSimulatedMarket(), config);
    QSignalSpy serverStarted(&session, &LocalSession::serverStarted);
    Recorder r(session);
    ProcessMonitor *process = session.processMonitor();
    QVERIFY(process);
    ResourceMonitor *monitor = process->resourceMonitor();
    PressureGovernor *governor = process->pressureGovernor();
    QVERIFY(monitor != nullptr && governor != nullptr);
    QCOMPARE(monitor->thread(), process->thread());
    QCOMPARE(process->thread()->objectName(), QStringLiteral("monitor"));
    // Limits this process is over from its first sample: a threads alert (critical at 1 thread) and Critical
    // memory pressure (a 1 MiB budget), as a user with tight settings would see them.
    QMetaObject::invokeMethod(
        monitor,
        [monitor] {
            // Only threads: a busy machine's CPU or memory must not add alerts of its own.
            ResourceLimits limits = monitor->limits();
            limits.cpuPercent = {};
            limits.memoryPercent = {};
            limits.diskPercent = {};
            limits.openFiles = {};
            limits.rssBytes = {};
            limits.threads = {0, 1};
            monitor->setLimits(limits);
        },
        Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        governor, [governor] { governor->setMemoryThresholds(1024 * 1024, 0.5, 0.9); }, Qt::QueuedConnection);
    QVERIFY(session.start());
    QVERIFY(session.context()->processMonitor() == process);

    // Before the switch: samples, one alert, the governor at Critical, and scans at its batch size.
    QTRY_VERIFY_WITH_TIMEOUT(r.samples >= 10, 30000);
    QTRY_COMPARE(governor->pressureLevel(), PressureLevel::Critical);
    QTRY_COMPARE_WITH_TIMEOUT(r.last().state, EngineState::Managing, 60000);
    // The first scan may have started before the first sample; one more, certainly under Critical.
    QTRY_VERIFY_WITH_TIMEOUT(r.scanCount() >= 1, 60000);
    const int scansAtCritical = r.scanCount();
    session.scanNow();
    QTRY_COMPARE_WITH_TIMEOUT(r.scanCount(), scansAtCritical + 1, 60000);
    QCOMPARE(r.scans.constLast()->pressure, PressureLevel::Critical);
    QCOMPARE(r.scans.constLast()->batchSize, PressureGovernor::batchSizeFor(PressureLevel::Critical));
    QCOMPARE(r.alerts.size(), 1);
    QCOMPARE(r.alerts.constFirst().metric, Metric::Threads);
    QCOMPARE(count(r.actions, GovernorActionKind::LevelChanged), 1);
    const MonitorState before = stateOf(monitor);
    QVERIFY(before.history.size() >= 10);
    QCOMPARE(before.threads, AlertLevel::Critical);
    const qint64 firstSampleMs = before.history.constFirst().timeMs;
    const qint64 lastBeforeMs = before.history.constLast().timeMs;
    const qsizetype scansBefore = r.scans.size();

    session.selectSource(recordedSimSmall());
    QCOMPARE(r.sources.size(), 1);
    // The same monitor and governor serve the new engine.
    QCOMPARE(session.processMonitor(), process);
    QCOMPARE(session.context()->resourceMonitor(), monitor);
    QCOMPARE(session.context()->pressureGovernor(), governor);

    // The history keeps what came before the switch and goes on growing.
    // (The session relays every sample, after the monitor has stored it: ten more relayed than the monitor
    // held before the switch means ten more stored.)
    QTRY_VERIFY_WITH_TIMEOUT(r.sampleTimes.size() >= before.history.size() + 10, 30000);
    const MonitorState after = stateOf(monitor);
    QCOMPARE(after.history.constFirst().timeMs, firstSampleMs);
    QVERIFY(after.history.size() >= before.history.size() + 10);
    QVERIFY(std::any_of(after.history.cbegin(), after.history.cend(),
                        [=](const HistoryPoint &p) { return p.timeMs == lastBeforeMs; }));
    QCOMPARE(after.pid, before.pid);
    // No sample was lost in the switch: the session relayed every one the history holds, in order.
    QCOMPARE(r.sampleTimes.constFirst(), firstSampleMs);
    for (const HistoryPoint &point : after.history) {
        if (point.timeMs <= r.sampleTimes.constLast())
            QVERIFY2(r.sampleTimes.contains(point.timeMs), qPrintable(QString::number(point.timeMs)));
    }
    QVERIFY(std::is_sorted(r.sampleTimes.cbegin(), r.sampleTimes.cend()));

    // Alert and governor states were not reset: no second alert for the same episode, no new level.
    QCOMPARE(after.threads, AlertLevel::Critical);
    QCOMPARE(after.alerts.size(), before.alerts.size());
    QCOMPARE(r.alerts.size(), 1);
    QCOMPARE(governor->pressureLevel(), PressureLevel::Critical);
    QCOMPARE(count(r.actions, GovernorActionKind::LevelChanged), 1);

    // The new engine scans the recording under the same pressure, and its caches start at the Critical
    // limits (the evictable ones hold nothing) although they were created after the level changed.
    QTRY_VERIFY_WITH_TIMEOUT(r.scans.size() > scansBefore && r.last().source.contains(QStringLiteral("Replay")), 60000);
    QCOMPARE(r.scans.constLast()->pressure, PressureLevel::Critical);
    QCOMPARE(r.scans.constLast()->batchSize, PressureGovernor::batchSizeFor(PressureLevel::Critical));
    const QList<CacheStats> caches = CacheRegistry::instance().stats();
    const auto filters = std::find_if(caches.cbegin(), caches.cend(),
                                      [](const CacheStats &c) { return c.name == QStringLiteral("scanner.filters"); });
    QVERIFY(filters != caches.cend());
    QCOMPARE(filters->capacity, 0);
    QCOMPARE(filters->size, 0);
    QCOMPARE(r.offThread, 0);

    // A remote viewer of the server (the same one: the switch kept it) gets this process's samples from the
    // same monitor, through the new engine's bridge.
    QCOMPARE(serverStarted.size(), 1);
    RemoteSession viewer(
        QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(serverStarted.constLast().at(0).value<quint16>())),
        QStringLiteral("history-viewer-token"));
    QList<ResourceSample> remoteSamples;
    connect(&viewer, &WorkstationSession::resourceSampled, this,
            [&remoteSamples](const ResourceSample &sample) { remoteSamples.append(sample); });
    QList<AlertEvent> remoteAlerts;
    connect(&viewer, &WorkstationSession::alertRaised, this,
            [&remoteAlerts](const AlertEvent &alert) { remoteAlerts.append(alert); });
    viewer.open();
    QTRY_VERIFY_WITH_TIMEOUT(remoteSamples.size() >= 2, 30000);
    QCOMPARE(remoteSamples.constLast().process.pid, QCoreApplication::applicationPid());
    QVERIFY(remoteSamples.constLast().timeMs > lastBeforeMs);
    // The threads episode began before this server existed and is not raised again; the viewer learns of it
    // all the same.
    QTRY_COMPARE_WITH_TIMEOUT(remoteAlerts.size(), 1, 10000);
    QCOMPARE(remoteAlerts.constFirst().metric, Metric::Threads);
    QCOMPARE(remoteAlerts.constFirst().timeMs, r.alerts.constFirst().timeMs);
    QCOMPARE(remoteAlerts.constFirst().level, AlertLevel::Critical);
    viewer.close();

    // Stopping the session stops the monitor thread; the history stays for a restart.
    session.stop();
    QVERIFY(!process->isRunning());
}

QTEST_GUILESS_MAIN(TestLocalSession)
#include "tst_localsession.moc"
