#include "app/AppContext.h"
#include "app/RemoteJson.h"
#include "app/RemoteSession.h"
#include "server/RemoteServer.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace bw;

namespace {
const QString kViewerToken = QStringLiteral("viewer-token-0123456789abcdef");
const QString kOperatorToken = QStringLiteral("operator-token-0123456789abcdef");

using State = WorkstationSession::ConnectionState;

QList<State> states(const QSignalSpy &spy)
{
    QList<State> result;
    for (const QList<QVariant> &arguments : spy)
        result.append(arguments.at(0).value<State>());
    return result;
}

QJsonObject probeStatus()
{
    EngineStatus status;
    status.state = EngineState::Managing;
    status.presetName = QStringLiteral("breakout_v1");
    return RemoteJson::engineStatusToJson(status);
}
} // namespace

// A remote viewer's session against the real workstation: an AppContext running the engine on a seeded
// simulated market, its WebSocket server on loopback (port 0) with a viewer and an operator token, and
// RemoteSessions that see what a local window would see.
class TestRemoteSession : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<AppContext> m_context;
    QUrl m_url;

private slots:
    void initTestCase()
    {
        qRegisterMetaType<WorkstationSession::ConnectionState>();
        SimulatedFeedConfig feed;
        feed.symbols = 20;
        feed.backfillBars = 120;
        feed.speedUp = 3000;
        m_context = std::make_unique<AppContext>(feed);
        ServerConfig config;
        config.port = 0;
        config.tokens.insert(kViewerToken, protocol::Role::Viewer);
        config.tokens.insert(kOperatorToken, protocol::Role::Operator);
        m_context->enableServer(config);
        QSignalSpy started(m_context.get(), &AppContext::serverStarted);
        m_context->start();
        QVERIFY(started.wait(10000));
        m_url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(started.constFirst().at(0).value<quint16>()));
    }

    void cleanupTestCase() { m_context.reset(); }

    void viewerSeesTheWorkstation()
    {
        auto session = std::make_unique<RemoteSession>(m_url, kViewerToken);
        QSignalSpy statuses(session.get(), &WorkstationSession::engineStatusChanged);
        QSignalSpy scans(session.get(), &WorkstationSession::scanFinished);
        QSignalSpy overviews(session.get(), &WorkstationSession::overviewReady);
        QSignalSpy samples(session.get(), &WorkstationSession::resourceSampled);
        QSignalSpy caches(session.get(), &WorkstationSession::cachesUpdated);
        QSignalSpy control(session.get(), &WorkstationSession::controlChanged);
        session->open();
        QTRY_COMPARE_WITH_TIMEOUT(session->connectionState(), State::Connected, 10000);
        QVERIFY(session->isRemote());
        QVERIFY(!session->canControl());
        QCOMPARE(control.count(), 0);

        // The engine's status, its scans with ranked candidates and the market overview arrive typed.
        QTRY_VERIFY_WITH_TIMEOUT(!statuses.isEmpty() && statuses.constLast().at(0).value<EngineStatus>().scans > 0,
                                 30000);
        QCOMPARE(statuses.constLast().at(0).value<EngineStatus>().symbols, 20);
        QCOMPARE(session->activePreset(), QStringLiteral("breakout_v1"));
        QVERIFY(session->presetNames().contains(QStringLiteral("breakout_v1")));
        QTRY_VERIFY_WITH_TIMEOUT(!scans.isEmpty(), 30000);
        const ScanReportPtr report = scans.constLast().at(0).value<ScanReportPtr>();
        QVERIFY(report);
        QCOMPARE(report->symbolsTotal, 20);
        QCOMPARE(report->funnel.size(), kScanStageCount);
        for (const Candidate &candidate : report->candidates)
            QVERIFY(!candidate.filters.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!overviews.isEmpty(), 10000);
        const MarketOverview overview = overviews.constLast().at(0).value<MarketOverview>();
        QCOMPARE(overview.symbols.size(), 20);
        QVERIFY(overview.symbols.constFirst().lastPrice > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!samples.isEmpty(), 10000);
        QVERIFY(samples.constLast().at(0).value<ResourceSample>().process.rssBytes > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!caches.isEmpty(), 10000);

        // Candles of a symbol: closed bars, oldest first, as many as asked.
        QSignalSpy candles(session.get(), &WorkstationSession::candlesReady);
        const QString symbol = overview.symbols.constFirst().symbol;
        session->requestCandles(symbol, 50);
        QVERIFY(candles.wait(10000));
        QCOMPARE(candles.constFirst().at(0).toString(), symbol);
        const auto bars = candles.constFirst().at(1).value<QList<Candle>>();
        QCOMPARE(bars.size(), 50);
        for (int i = 1; i < bars.size(); ++i) {
            QVERIFY(bars.at(i).closed);
            QVERIFY(bars.at(i).openTimeMs > bars.at(i - 1).openTimeMs);
            QVERIFY(bars.at(i).high >= bars.at(i).low);
        }
        // An unknown symbol gives no bars (not an error the user has to dismiss).
        session->requestCandles(QStringLiteral("NOSUCHUSDT"), 50);
        QVERIFY(candles.wait(10000));
        QCOMPARE(candles.constLast().at(0).toString(), QStringLiteral("NOSUCHUSDT"));
        QVERIFY(candles.constLast().at(1).value<QList<Candle>>().isEmpty());

        // A viewer token cannot drive the engine: the server refuses, the session reports it.
        QSignalSpy failed(session.get(), &WorkstationSession::commandFailed);
        session->pauseEngine();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.constFirst().at(0).toString(), QStringLiteral("engine.pause"));
        QVERIFY2(failed.constFirst().at(1).toString().contains(u"operator"),
                 qPrintable(failed.constFirst().at(1).toString()));
        // Not available remotely at all.
        session->selectSource(FeedOptions{});
        QCOMPARE(failed.constLast().at(0).toString(), QStringLiteral("source.select"));
    }

    void operatorPausesAndResumes()
    {
        auto session = std::make_unique<RemoteSession>(m_url, kOperatorToken);
        QSignalSpy control(session.get(), &WorkstationSession::controlChanged);
        QSignalSpy statuses(session.get(), &WorkstationSession::engineStatusChanged);
        QSignalSpy events(session.get(), &WorkstationSession::engineEvent);
        QSignalSpy failed(session.get(), &WorkstationSession::commandFailed);
        session->open();
        QTRY_COMPARE_WITH_TIMEOUT(session->connectionState(), State::Connected, 10000);
        QVERIFY(session->canControl());
        QCOMPARE(control.count(), 1);
        QVERIFY(control.constFirst().at(0).toBool());
        const auto lastState = [&statuses] {
            return statuses.isEmpty() ? EngineState::Idle : statuses.constLast().at(0).value<EngineStatus>().state;
        };
        QTRY_VERIFY_WITH_TIMEOUT(lastState() == EngineState::Managing || lastState() == EngineState::Scanning, 30000);

        session->pauseEngine();
        QTRY_COMPARE_WITH_TIMEOUT(lastState(), EngineState::Paused, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            !events.isEmpty() && events.constLast().at(0).value<EngineEvent>().to == EngineState::Paused, 10000);
        QVERIFY(events.constLast().at(0).value<EngineEvent>().reason.contains(u"remote operator"));
        session->resumeEngine();
        QTRY_VERIFY_WITH_TIMEOUT(lastState() != EngineState::Paused, 10000);
        QVERIFY(failed.isEmpty());
    }

    void reconnectsAfterTheServerComesBack()
    {
        ServerConfig config;
        config.port = 0;
        config.tokens.insert(kViewerToken, protocol::Role::Viewer);
        auto server = std::make_unique<RemoteServer>(config);
        QVERIFY(server->start());
        const quint16 port = server->port();
        server->publish(protocol::Topic::Engine, probeStatus());

        RemoteSession session(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port)), kViewerToken);
        QSignalSpy stateSpy(&session, &WorkstationSession::connectionStateChanged);
        QSignalSpy statuses(&session, &WorkstationSession::engineStatusChanged);
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.connectionState(), State::Connected, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(statuses.count(), 1, 10000);

        // The server goes away: the session says so and keeps trying.
        server.reset();
        QTRY_COMPARE_WITH_TIMEOUT(session.connectionState(), State::Reconnecting, 10000);
        QVERIFY(session.isReconnectScheduled());

        // It comes back on the same port: the session reconnects by itself and gets the state again.
        config.port = port;
        server = std::make_unique<RemoteServer>(config);
        QVERIFY(server->start());
        server->publish(protocol::Topic::Engine, probeStatus());
        QTRY_COMPARE_WITH_TIMEOUT(session.connectionState(), State::Connected, 40000);
        QTRY_COMPARE_WITH_TIMEOUT(statuses.count(), 2, 10000);
        const QList<State> seen = states(stateSpy);
        QCOMPARE(seen.constFirst(), State::Connecting);
        QVERIFY(seen.contains(State::Reconnecting));
        QCOMPARE(seen.constLast(), State::Connected);
        QVERIFY(!seen.contains(State::Disconnected));
        QCOMPARE(session.reconnectAttempts(), 0);
    }

    void badTokenEndsWithoutRetrying()
    {
        RemoteSession session(m_url, QStringLiteral("not-a-valid-token-at-all"));
        QSignalSpy stateSpy(&session, &WorkstationSession::connectionStateChanged);
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.connectionState(), State::Disconnected, 10000);
        QVERIFY2(session.lastError().contains(u"authentication"), qPrintable(session.lastError()));
        QVERIFY2(stateSpy.constLast().at(1).toString().contains(u"authentication"),
                 qPrintable(stateSpy.constLast().at(1).toString()));
        // No reconnect storm: nothing is scheduled and no attempt was made.
        QVERIFY(!session.isReconnectScheduled());
        QCOMPARE(session.reconnectAttempts(), 0);
        QCOMPARE(states(stateSpy), (QList<State>{State::Connecting, State::Disconnected}));
        QVERIFY(!session.canControl());
    }

    void backoffIsCappedAndJittered()
    {
        QCOMPARE(RemoteSession::reconnectDelayMs(1, 0.0), 1000);
        QCOMPARE(RemoteSession::reconnectDelayMs(1, 1.0), 1000);
        QCOMPARE(RemoteSession::reconnectDelayMs(2, 0.0), 1000);
        QCOMPARE(RemoteSession::reconnectDelayMs(2, 1.0), 2000);
        QCOMPARE(RemoteSession::reconnectDelayMs(4, 1.0), 8000);
        QCOMPARE(RemoteSession::reconnectDelayMs(6, 1.0), 30000);
        QCOMPARE(RemoteSession::reconnectDelayMs(50, 1.0), 30000);
        QCOMPARE(RemoteSession::reconnectDelayMs(50, 0.0), 15000);
        QVERIFY(RemoteSession::reconnectDelayMs(5, 0.5) > RemoteSession::reconnectDelayMs(5, 0.0));
    }

    void rejectsUnusableUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("http") << QStringLiteral("http://127.0.0.1:8765") << QStringLiteral("ws://");
        QTest::newRow("no host") << QStringLiteral("ws://:8765") << QStringLiteral("host");
        QTest::newRow("token in query") << QStringLiteral("ws://127.0.0.1:8765/?token=abc")
                                        << QStringLiteral("credentials");
        QTest::newRow("user info") << QStringLiteral("ws://me:secret@127.0.0.1:8765") << QStringLiteral("credentials");
    }

    void rejectsUnusableUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, mentions);
        const QString problem = RemoteSession::validateUrl(QUrl(url));
        QVERIFY2(problem.contains(mentions), qPrintable(problem));
        QVERIFY(!problem.contains(u"secret"));
        QVERIFY(RemoteSession::validateUrl(QUrl(QStringLiteral("ws://127.0.0.1:8765"))).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRemoteSession)
#include "tst_remotesession.moc"
