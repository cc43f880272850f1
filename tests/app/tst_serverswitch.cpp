#include "app/AppContext.h"
#include "app/LocalSession.h"
#include "app/RemoteJson.h"
#include "app/RemoteSession.h"
#include "app/ServerHost.h"
#include "engine/Engine.h"
#include "server/RemoteClient.h"
#include "server/RemoteServer.h"
#include "support/SessionTestMarkets.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

#include <map>

using namespace bw;
using protocol::Topic;

namespace {

const QString kViewerToken = QStringLiteral("switch-viewer-token-0123456789");

using test::recordedSimSmall;
using test::slowSimulatedMarket;

// What a remote window would show, in the order it arrived; `switchedAt` marks where sourceChanged came.
struct ViewerRecord {
    QObject context;
    QList<EngineStatus> statuses;
    QList<ScanReportPtr> scans;
    QList<MarketOverview> overviews;
    QList<ResourceSample> samples;
    QList<ViewerStats> viewers;
    QList<WorkstationSession::ConnectionState> states;
    QStringList sources;
    int processChanges = 0;
    qsizetype scansAtSwitch = -1;
    qsizetype overviewsAtSwitch = -1;
    qsizetype samplesAtSwitch = -1;
    qsizetype viewersAtSwitch = -1;

    explicit ViewerRecord(RemoteSession &session)
    {
        using S = WorkstationSession;
        QObject::connect(&session, &S::engineStatusChanged, &context, [this](const EngineStatus &s) { statuses << s; });
        QObject::connect(&session, &S::scanFinished, &context, [this](ScanReportPtr r) { scans << r; });
        QObject::connect(&session, &S::overviewReady, &context, [this](const MarketOverview &o) { overviews << o; });
        QObject::connect(&session, &S::resourceSampled, &context, [this](const ResourceSample &s) { samples << s; });
        QObject::connect(&session, &S::viewersChanged, &context, [this](const ViewerStats &v) { viewers << v; });
        QObject::connect(&session, &S::connectionStateChanged, &context,
                         [this](S::ConnectionState state) { states << state; });
        QObject::connect(&session, &S::processChanged, &context, [this] { ++processChanges; });
        QObject::connect(&session, &S::sourceChanged, &context, [this](const QString &name) {
            sources << name;
            scansAtSwitch = scans.size();
            overviewsAtSwitch = overviews.size();
            samplesAtSwitch = samples.size();
            viewersAtSwitch = viewers.size();
        });
    }
};

} // namespace

// The desktop workstation switches its data source while remote viewers watch it: the WebSocket server is
// the process's, so the viewers stay connected to the same port and learn of the new source, while the old
// engine's values are neither shown after the switch nor served to a viewer that subscribes afterwards.
class TestServerSwitch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<WorkstationSession::ConnectionState>(); }

    void viewersStayConnectedThroughASourceSwitch()
    {
        LocalSessionConfig config;
        config.resourceIntervalMs = 200;
        ServerConfig server;
        server.port = 0;
        server.tokens.insert(kViewerToken, protocol::Role::Viewer);
        config.server = server;
        QSemaphore gate; // holds the new engine (below); outlives the session's engine thread
        LocalSession session(slowSimulatedMarket(), config);
        QSignalSpy serverStarted(&session, &LocalSession::serverStarted);
        QSignalSpy serverFailed(&session, &LocalSession::serverFailed);
        QList<ViewerStats> localViewers;
        connect(&session, &WorkstationSession::viewersChanged, this,
                [&localViewers](const ViewerStats &v) { localViewers << v; });
        QString error;
        QVERIFY2(session.start(&error), qPrintable(error));
        QVERIFY(serverStarted.wait(10000));
        const quint16 port = serverStarted.constFirst().at(0).value<quint16>();
        const QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(port));

        // A viewer watches the simulated market until it has seen a scan, the account and resources.
        RemoteSession viewer(url, kViewerToken);
        ViewerRecord seen(viewer);
        QSignalSpy dropped(viewer.client(), &RemoteClient::disconnected);
        // The sequence number of the last value of each engine topic the viewer got from the old engine: every
        // one it got before it learnt of the switch (the server sends the old engine's values first).
        std::map<Topic, quint64> oldSeq;
        const auto noteOld = [&](Topic topic, const QJsonObject &data, quint64 seq) {
            if (seen.sources.isEmpty() && !data.isEmpty())
                oldSeq[topic] = seq;
        };
        connect(viewer.client(), &RemoteClient::snapshotReceived, this, noteOld);
        connect(viewer.client(), &RemoteClient::deltaReceived, this, noteOld);
        viewer.open();
        QTRY_COMPARE_WITH_TIMEOUT(viewer.connectionState(), WorkstationSession::ConnectionState::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!seen.scans.isEmpty(), 60000);
        QCOMPARE(seen.scans.constLast()->symbolsTotal, 20);
        QTRY_VERIFY_WITH_TIMEOUT(oldSeq[Topic::Positions] > 0 && oldSeq[Topic::Market] > 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(seen.samples.size() >= 3, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!seen.viewers.isEmpty() && seen.viewers.constLast().clients == 1, 30000);
        QVERIFY(seen.statuses.constLast().source.contains(QStringLiteral("Simulated")));
        const qint64 firstSampleMs = seen.samples.constFirst().timeMs;
        const qsizetype statesBefore = seen.states.size();

        // The new engine is held before its start until the test has looked at the server in between: the old
        // engine is gone, the new one has published nothing yet. (Its thread runs the gate first, then start.)
        const auto releaseGate = qScopeGuard([&gate] { gate.release(); });
        connect(&session, &LocalSession::contextChanged, this, [&gate](AppContext *context) {
            QMetaObject::invokeMethod(
                context->engine(), [&gate] { gate.acquire(); }, Qt::QueuedConnection);
        });
        session.selectSource(recordedSimSmall());
        QVERIFY(session.sourceName().contains(QStringLiteral("Replay")));

        // A viewer subscribing in between is served none of the old engine's values: the engine topics are
        // empty, with the sequence numbers going on.
        RemoteClient between;
        std::map<Topic, QPair<QJsonObject, quint64>> betweenSnapshots;
        connect(&between, &RemoteClient::snapshotReceived, this,
                [&betweenSnapshots](Topic topic, const QJsonObject &data, quint64 seq) {
                    betweenSnapshots[topic] = {data, seq};
                });
        const QList<Topic> engineTopics{Topic::Engine, Topic::Scan,    Topic::Positions,
                                        Topic::Market, Topic::Signals, Topic::Orders};
        between.open(url, kViewerToken, engineTopics);
        QTRY_COMPARE_WITH_TIMEOUT(betweenSnapshots.size(), std::size_t(engineTopics.size()), 10000);
        for (Topic topic : {Topic::Engine, Topic::Scan, Topic::Positions, Topic::Market}) {
            const auto &[data, seq] = betweenSnapshots[topic];
            QVERIFY2(data.isEmpty(), qPrintable(protocol::topicName(topic)));
            QVERIFY(seq >= oldSeq[topic]); // the numbering goes on
        }
        for (Topic topic : {Topic::Signals, Topic::Orders})
            QVERIFY2(betweenSnapshots[topic].first.value(u"recent").toArray().isEmpty(),
                     qPrintable(protocol::topicName(topic)));
        QVERIFY(seen.sources.isEmpty()); // nothing of the new engine yet
        between.close();
        gate.release();

        // The viewer learns of the new source from the engine topic, on the same connection.
        QTRY_COMPARE_WITH_TIMEOUT(seen.sources.size(), 1, 30000);
        QCOMPARE(seen.processChanges, 0);
        QTRY_VERIFY_WITH_TIMEOUT(seen.statuses.constLast().source.contains(QStringLiteral("Replay")), 30000);
        // Everything after the switch is the new engine's: its scans (ten symbols) and its market.
        QTRY_VERIFY_WITH_TIMEOUT(seen.scans.size() > seen.scansAtSwitch, 60000);
        for (qsizetype i = seen.scansAtSwitch; i < seen.scans.size(); ++i)
            QCOMPARE(seen.scans.at(i)->symbolsTotal, 10);
        QTRY_VERIFY_WITH_TIMEOUT(seen.overviews.size() > seen.overviewsAtSwitch, 30000);
        for (qsizetype i = seen.overviewsAtSwitch; i < seen.overviews.size(); ++i)
            QVERIFY2(seen.overviews.at(i).sourceName.contains(QStringLiteral("Replay")),
                     qPrintable(seen.overviews.at(i).sourceName));

        // A viewer subscribing now is served the new engine's values, never the old one's.
        RemoteClient late;
        std::map<Topic, QList<QPair<QJsonObject, quint64>>> lateValues; // snapshots and deltas, per topic
        const auto keep = [&lateValues](Topic topic, const QJsonObject &data, quint64 seq) {
            if (!data.isEmpty()) // {}: the topic holds nothing (the new engine has not published it yet)
                lateValues[topic].append({data, seq});
        };
        connect(&late, &RemoteClient::snapshotReceived, this, keep);
        connect(&late, &RemoteClient::deltaReceived, this, keep);
        late.open(url, kViewerToken, {Topic::Engine, Topic::Scan, Topic::Positions, Topic::Market});
        QTRY_VERIFY_WITH_TIMEOUT(!lateValues[Topic::Scan].isEmpty(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!lateValues[Topic::Positions].isEmpty(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!lateValues[Topic::Market].isEmpty(), 30000);
        for (Topic topic : {Topic::Engine, Topic::Scan, Topic::Positions, Topic::Market}) {
            QVERIFY(oldSeq[topic] > 0);
            // Published after the old engine's last value on the topic: the new engine's. (The positions and
            // account of two fresh paper accounts look alike; the sequence tells which engine sent them.)
            for (const auto &[data, seq] : std::as_const(lateValues[topic]))
                QVERIFY2(seq > oldSeq[topic], qPrintable(protocol::topicName(topic)));
        }
        for (const auto &[scan, seq] : std::as_const(lateValues[Topic::Scan]))
            QCOMPARE(scan.value(u"symbols_total").toInt(), 10);
        for (const auto &[status, seq] : std::as_const(lateValues[Topic::Engine]))
            QVERIFY2(status.value(u"source").toString().contains(QStringLiteral("Replay")),
                     qPrintable(status.value(u"source").toString()));
        for (const auto &[market, seq] : std::as_const(lateValues[Topic::Market]))
            QVERIFY(market.value(u"source").toString().contains(QStringLiteral("Replay")));

        // The connection went on: no drop, no reconnect, the same server on the same port, started once.
        QCOMPARE(dropped.size(), 0);
        QCOMPARE(seen.states.size(), statesBefore);
        QCOMPARE(viewer.connectionState(), WorkstationSession::ConnectionState::Connected);
        QCOMPARE(viewer.reconnectAttempts(), 0);
        QCOMPARE(serverStarted.size(), 1);
        QCOMPARE(serverFailed.size(), 0);
        QCOMPARE(session.serverHost()->server()->port(), port);

        // The resources are the same process's: the history the viewer got goes on, and the server's
        // statistics count both viewers, on the viewer's side and on the workstation's.
        QTRY_VERIFY_WITH_TIMEOUT(seen.samples.size() >= seen.samplesAtSwitch + 3, 30000);
        QCOMPARE(seen.samples.constFirst().timeMs, firstSampleMs);
        for (qsizetype i = 1; i < seen.samples.size(); ++i)
            QVERIFY(seen.samples.at(i).timeMs > seen.samples.at(i - 1).timeMs);
        QCOMPARE(seen.samples.constLast().process.pid, QCoreApplication::applicationPid());
        QTRY_VERIFY_WITH_TIMEOUT(seen.viewers.size() > seen.viewersAtSwitch && seen.viewers.constLast().clients == 2,
                                 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!localViewers.isEmpty() && localViewers.constLast().clients == 2, 30000);

        late.close();
        viewer.close();
        session.stop();
        QVERIFY(!session.serverHost()->isRunning());
    }
};

QTEST_GUILESS_MAIN(TestServerSwitch)
#include "tst_serverswitch.moc"
