// The remote server end to end on loopback: real QWebSocket viewers, and raw TCP clients for the
// misbehaving ones (stalled readers, broken frames). The server runs on the test thread here;
// tst_remoteserverthread covers the server on its own thread.

#include "ServerTestSupport.h"
#include "server/RemoteServer.h"
#include "server/ServerToken.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace bw;
using bw::test::RawClient;
using bw::test::TestClient;
using protocol::Role;
using protocol::Topic;

namespace {

const QString kOperatorToken = QStringLiteral("operator-token-0123456789abcdef");
const QString kViewerToken = QStringLiteral("viewer-token-0123456789abcdef");

ServerConfig baseConfig()
{
    ServerConfig config;
    config.port = 0;
    config.tokens.insert(kOperatorToken, Role::Operator);
    config.tokens.insert(kViewerToken, Role::Viewer);
    config.housekeepingIntervalMs = 20;
    config.closeLingerMs = 300;
    return config;
}

QJsonObject payload(int value, int padBytes = 0)
{
    return {{QStringLiteral("value"), value}, {QStringLiteral("pad"), QString(padBytes, QLatin1Char('x'))}};
}

} // namespace

class TstRemoteServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RemoteServer> startServer(const ServerConfig &config)
    {
        auto server = std::make_unique<RemoteServer>(config);
        if (!server->start())
            qWarning() << server->errorString();
        return server;
    }
    static QString url(const RemoteServer &server) { return QStringLiteral("ws://127.0.0.1:%1").arg(server.port()); }
    // A viewer connected, authenticated and subscribed.
    static std::unique_ptr<TestClient> connectedClient(const RemoteServer &server, const QString &token,
                                                       const QStringList &topics = {})
    {
        auto client = std::make_unique<TestClient>();
        client->open(url(server));
        if (!QTest::qWaitFor([&] { return client->has(protocol::type::hello); }))
            return nullptr;
        client->auth(token);
        if (!QTest::qWaitFor([&] { return client->has(protocol::type::authOk); }))
            return nullptr;
        if (!topics.isEmpty()) {
            client->subscribe(topics);
            if (!QTest::qWaitFor([&] { return client->count(protocol::type::snapshot) >= topics.size(); }))
                return nullptr;
        }
        return client;
    }
    static bool rawConnect(RawClient &raw, const RemoteServer &server, const QStringList &topics)
    {
        if (!raw.connectTo(server.port()))
            return false;
        if (!QTest::qWaitFor([&] { return raw.handshakeDone(); }))
            return false;
        raw.sendJson({{QStringLiteral("type"), QStringLiteral("auth")},
                      {QStringLiteral("id"), 1},
                      {QStringLiteral("token"), kViewerToken}});
        raw.sendJson({{QStringLiteral("type"), QStringLiteral("subscribe")},
                      {QStringLiteral("id"), 2},
                      {QStringLiteral("topics"), QJsonArray::fromStringList(topics)}});
        return QTest::qWaitFor([&] {
            raw.drain();
            for (const QJsonObject &message : std::as_const(raw.messages)) {
                if (message.value(u"type").toString() == u"ack")
                    return true;
            }
            return false;
        });
    }

private Q_SLOTS:
    void helloThenAuthGivesRole_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("role");
        QTest::newRow("operator") << kOperatorToken << QStringLiteral("operator");
        QTest::newRow("viewer") << kViewerToken << QStringLiteral("viewer");
    }
    void helloThenAuthGivesRole()
    {
        QFETCH(QString, token);
        QFETCH(QString, role);
        auto server = startServer(baseConfig());
        QVERIFY(server->isListening());
        TestClient client;
        client.open(url(*server));
        QTRY_VERIFY(client.has(protocol::type::hello));
        const QJsonObject hello = client.first(protocol::type::hello);
        QCOMPARE(hello.value(u"v").toInt(), protocol::kVersion);
        QCOMPARE(hello.value(u"data").toObject().value(u"authTimeoutMs").toInt(), 5000);
        QCOMPARE(hello.value(u"data").toObject().value(u"topics").toArray().size(), protocol::kTopicCount);
        client.auth(token, 7);
        QTRY_VERIFY(client.has(protocol::type::authOk));
        const QJsonObject data = client.first(protocol::type::authOk).value(u"data").toObject();
        QCOMPARE(data.value(u"role").toString(), role);
        QCOMPARE(data.value(u"id").toInt(), 7);
        QTRY_COMPARE(server->clientCount(), 1);
    }

    void wrongTokenClosesWithPolicyViolation()
    {
        auto server = startServer(baseConfig());
        TestClient client;
        client.open(url(*server));
        QTRY_VERIFY(client.has(protocol::type::hello));
        client.auth(QStringLiteral("not-the-token-at-all-000000"));
        QTRY_VERIFY(client.disconnected);
        QCOMPARE(client.socket()->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(client.first(protocol::type::error).value(u"data").toObject().value(u"code").toString(),
                 QStringLiteral("auth_failed"));
        QTRY_COMPARE(server->clientCount(), 0);
    }

    void firstMessageMustBeAuth()
    {
        auto server = startServer(baseConfig());
        TestClient client;
        client.open(url(*server));
        QTRY_VERIFY(client.has(protocol::type::hello));
        client.subscribe({QStringLiteral("engine")});
        QTRY_VERIFY(client.disconnected);
        QCOMPARE(client.socket()->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(client.first(protocol::type::error).value(u"data").toObject().value(u"code").toString(),
                 QStringLiteral("auth_required"));
    }

    void repeatedFailuresBlockTheAddress()
    {
        ServerConfig config = baseConfig();
        config.authFailureLimit = 3;
        auto server = startServer(config);
        for (int attempt = 0; attempt < 3; ++attempt) {
            TestClient client;
            client.open(url(*server));
            QTRY_VERIFY(client.has(protocol::type::hello));
            client.auth(QStringLiteral("wrong-token-%1-xxxxxxxxxxxx").arg(attempt));
            QTRY_VERIFY(client.disconnected);
        }
        // Even the right token is refused now: the address is blocked before any message is read.
        TestClient blocked;
        blocked.open(url(*server));
        QTRY_VERIFY(blocked.disconnected);
        QCOMPARE(blocked.socket()->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(blocked.socket()->closeReason(), QStringLiteral("too many failed authentications"));
        QVERIFY(!blocked.has(protocol::type::hello));
    }

    void silentTcpConnectionIsDroppedAfterHandshakeTimeout()
    {
        ServerConfig config = baseConfig();
        config.handshakeTimeoutMs = 150;
        auto server = startServer(config);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server->port());
        QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
        socket.write("GET / HTTP/1.1\r\n"); // and never the rest
        QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(server->clientCount(), 0);
    }

    void authTimeoutCloses()
    {
        ServerConfig config = baseConfig();
        config.authTimeoutMs = 150;
        auto server = startServer(config);
        TestClient client;
        client.open(url(*server));
        QTRY_VERIFY(client.has(protocol::type::hello));
        QTRY_VERIFY(client.disconnected);
        QCOMPARE(client.socket()->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(client.socket()->closeReason(), QStringLiteral("authentication timeout"));
    }

    void viewerCannotCommandOperatorCan()
    {
        auto server = startServer(baseConfig());
        QSignalSpy commands(server.get(), &RemoteServer::commandReceived);
        auto viewer = connectedClient(*server, kViewerToken);
        QVERIFY(viewer);
        viewer->send(
            {{QStringLiteral("type"), QStringLiteral("engine.stop")}, {QStringLiteral("id"), QStringLiteral("s1")}});
        QTRY_VERIFY(viewer->has(protocol::type::error));
        const QJsonObject error = viewer->first(protocol::type::error).value(u"data").toObject();
        QCOMPARE(error.value(u"code").toString(), QStringLiteral("forbidden"));
        QCOMPARE(error.value(u"id").toString(), QStringLiteral("s1"));
        QCOMPARE(commands.count(), 0);
        QVERIFY(viewer->isConnected());

        auto op = connectedClient(*server, kOperatorToken);
        QVERIFY(op);
        op->send({{QStringLiteral("type"), QStringLiteral("engine.pause")},
                  {QStringLiteral("id"), 42},
                  {QStringLiteral("args"), QJsonObject{{QStringLiteral("reason"), QStringLiteral("lunch")}}}});
        QTRY_COMPARE(commands.count(), 1);
        QCOMPARE(commands.at(0).at(0).toString(), QStringLiteral("engine.pause"));
        QCOMPARE(commands.at(0).at(1).toJsonObject().value(u"reason").toString(), QStringLiteral("lunch"));
        QCOMPARE(commands.at(0).at(3).toJsonValue().toInt(), 42);
        QTRY_VERIFY(op->has(protocol::type::ack));
        QCOMPARE(op->first(protocol::type::ack).value(u"data").toObject().value(u"id").toInt(), 42);
    }

    void commandWithoutEngineIsUnavailable()
    {
        auto server = startServer(baseConfig());
        auto op = connectedClient(*server, kOperatorToken);
        QVERIFY(op);
        op->send({{QStringLiteral("type"), QStringLiteral("snapshot.export")}, {QStringLiteral("id"), 3}});
        QTRY_VERIFY(op->has(protocol::type::error));
        QCOMPARE(op->first(protocol::type::error).value(u"data").toObject().value(u"code").toString(),
                 QStringLiteral("unavailable"));
    }

    void commandTheEngineLacksIsUnavailable()
    {
        auto server = startServer(baseConfig());
        QSignalSpy commands(server.get(), &RemoteServer::commandReceived);
        server->setAvailableCommands({QStringLiteral("engine.pause")});
        auto op = connectedClient(*server, kOperatorToken);
        QVERIFY(op);
        op->send({{QStringLiteral("type"), QStringLiteral("engine.scan_now")}, {QStringLiteral("id"), 4}});
        QTRY_VERIFY(op->has(protocol::type::error));
        const QJsonObject error = op->first(protocol::type::error).value(u"data").toObject();
        QCOMPARE(error.value(u"code").toString(), QStringLiteral("unavailable"));
        QVERIFY2(error.value(u"message").toString().contains(u"engine.scan_now"),
                 qPrintable(error.value(u"message").toString()));
        op->send({{QStringLiteral("type"), QStringLiteral("engine.pause")}, {QStringLiteral("id"), 5}});
        QTRY_COMPARE(commands.count(), 1);
        QCOMPARE(commands.at(0).at(0).toString(), QStringLiteral("engine.pause"));
    }

    void candlesAreAnsweredByTheApplication()
    {
        auto server = startServer(baseConfig());
        auto viewer = connectedClient(*server, kViewerToken);
        QVERIFY(viewer);
        // Nobody to read candles: refused, not silence.
        viewer->send({{QStringLiteral("type"), QStringLiteral("candles")},
                      {QStringLiteral("id"), 6},
                      {QStringLiteral("symbol"), QStringLiteral("BTCUSDT")}});
        QTRY_VERIFY(viewer->has(protocol::type::error));
        QCOMPARE(viewer->first(protocol::type::error).value(u"data").toObject().value(u"code").toString(),
                 QStringLiteral("unavailable"));

        // With a handler (a viewer may ask): the reply is an ack carrying what the application gave.
        connect(server.get(), &RemoteServer::candlesRequested, server.get(),
                [srv = server.get()](const QString &symbol, int count, quint64 clientId, const QJsonValue &id) {
                    if (symbol == u"BTCUSDT")
                        srv->replyToRequest(clientId, id,
                                            {{QStringLiteral("symbol"), symbol}, {QStringLiteral("n"), count}});
                    else
                        srv->failRequest(clientId, id, protocol::ErrorCode::NotFound, QStringLiteral("unknown"));
                });
        viewer->send({{QStringLiteral("type"), QStringLiteral("candles")},
                      {QStringLiteral("id"), 7},
                      {QStringLiteral("symbol"), QStringLiteral("BTCUSDT")},
                      {QStringLiteral("count"), 3}});
        QTRY_VERIFY(viewer->has(protocol::type::ack));
        const QJsonObject ack = viewer->first(protocol::type::ack).value(u"data").toObject();
        QCOMPARE(ack.value(u"id").toInt(), 7);
        QCOMPARE(ack.value(u"n").toInt(), 3);
        viewer->send({{QStringLiteral("type"), QStringLiteral("candles")},
                      {QStringLiteral("id"), 8},
                      {QStringLiteral("symbol"), QStringLiteral("NOPE")}});
        QTRY_COMPARE(viewer->count(protocol::type::error), 2);
        QCOMPARE(viewer->messages.constLast().value(u"data").toObject().value(u"code").toString(),
                 QStringLiteral("not_found"));
    }

    void subscribeUnsubscribeSnapshot()
    {
        auto server = startServer(baseConfig());
        server->publish(Topic::Engine, {{QStringLiteral("state"), QStringLiteral("scanning")}});
        server->publish(Topic::Log, {{QStringLiteral("line"), QStringLiteral("first")}});
        auto client = connectedClient(*server, kViewerToken);
        QVERIFY(client);
        client->subscribe({QStringLiteral("engine"), QStringLiteral("log")}, 5);
        QTRY_COMPARE(client->count(protocol::type::snapshot), 2);
        const QJsonObject ack = client->first(protocol::type::ack);
        QCOMPARE(ack.value(u"data").toObject().value(u"id").toInt(), 5);
        const QJsonObject engine = client->first(protocol::type::snapshot, QStringLiteral("engine"));
        QCOMPARE(engine.value(u"seq").toInt(), 1);
        QCOMPARE(engine.value(u"data").toObject().value(u"state").toString(), QStringLiteral("scanning"));
        const QJsonObject log = client->first(protocol::type::snapshot, QStringLiteral("log"));
        const QJsonArray recent = log.value(u"data").toObject().value(u"recent").toArray();
        QCOMPARE(recent.size(), 1);
        QCOMPARE(recent.at(0).toObject().value(u"data").toObject().value(u"line").toString(), QStringLiteral("first"));

        server->publish(Topic::Engine, {{QStringLiteral("state"), QStringLiteral("paused")}});
        QTRY_VERIFY(client->has(protocol::type::delta, QStringLiteral("engine")));
        const QJsonObject delta = client->first(protocol::type::delta, QStringLiteral("engine"));
        QCOMPARE(delta.value(u"seq").toInt(), 2);
        QCOMPARE(delta.value(u"data").toObject().value(u"state").toString(), QStringLiteral("paused"));
        QVERIFY(!client->has(protocol::type::delta, QStringLiteral("scan")));

        client->send({{QStringLiteral("type"), QStringLiteral("unsubscribe")},
                      {QStringLiteral("id"), 6},
                      {QStringLiteral("topics"), QJsonArray{QStringLiteral("engine")}}});
        QTRY_COMPARE(client->count(protocol::type::ack), 2);
        server->publish(Topic::Engine, {{QStringLiteral("state"), QStringLiteral("running")}});
        client->send({{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("id"), 7}});
        QTRY_VERIFY(client->has(protocol::type::pong));
        QCOMPARE(client->count(protocol::type::delta, QStringLiteral("engine")), 1); // nothing after unsubscribe

        client->send({{QStringLiteral("type"), QStringLiteral("snapshot")},
                      {QStringLiteral("id"), 8},
                      {QStringLiteral("topics"), QJsonArray{QStringLiteral("engine")}}});
        QTRY_COMPARE(client->count(protocol::type::snapshot, QStringLiteral("engine")), 2);
        const QJsonObject again = client->messages.at(
            client->indexOf(protocol::type::snapshot, QStringLiteral("engine"),
                            client->indexOf(protocol::type::snapshot, QStringLiteral("engine")) + 1));
        QCOMPARE(again.value(u"seq").toInt(), 3);
        QCOMPARE(again.value(u"data").toObject().value(u"state").toString(), QStringLiteral("running"));
    }

    void sequenceNumbersAreContiguous()
    {
        auto server = startServer(baseConfig());
        for (int i = 0; i < 3; ++i)
            server->publish(Topic::Orders, payload(i));
        auto client = connectedClient(*server, kViewerToken, {QStringLiteral("orders")});
        QVERIFY(client);
        const int base = client->first(protocol::type::snapshot, QStringLiteral("orders")).value(u"seq").toInt();
        QCOMPARE(base, 3);
        for (int i = 0; i < 300; ++i)
            server->publish(Topic::Orders, payload(i));
        QTRY_COMPARE(client->count(protocol::type::event, QStringLiteral("orders")), 300);
        int expected = base + 1;
        for (const QJsonObject &message : std::as_const(client->messages)) {
            if (message.value(u"type").toString() != u"event")
                continue;
            QCOMPARE(message.value(u"seq").toInt(), expected);
            ++expected;
        }
    }

    void badRequestsGetErrorsAndTheConnectionSurvives_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<QString>("code");
        QTest::newRow("not json") << QStringLiteral("{nope") << QStringLiteral("bad_json");
        QTest::newRow("array") << QStringLiteral("[1,2]") << QStringLiteral("bad_json");
        QTest::newRow("no id") << QStringLiteral(R"({"type":"ping"})") << QStringLiteral("bad_request");
        QTest::newRow("id is object") << QStringLiteral(R"({"type":"ping","id":{}})") << QStringLiteral("bad_request");
        QTest::newRow("unknown type") << QStringLiteral(R"({"type":"fly","id":1})") << QStringLiteral("unknown_type");
        QTest::newRow("type not string") << QStringLiteral(R"({"type":3,"id":1})") << QStringLiteral("bad_request");
        QTest::newRow("topics not array")
            << QStringLiteral(R"({"type":"subscribe","id":1,"topics":"engine"})") << QStringLiteral("bad_request");
        QTest::newRow("topic not string")
            << QStringLiteral(R"({"type":"subscribe","id":1,"topics":[1]})") << QStringLiteral("bad_request");
        QTest::newRow("unknown topic") << QStringLiteral(R"({"type":"subscribe","id":1,"topics":["weather"]})")
                                       << QStringLiteral("unknown_topic");
        QTest::newRow("args not object") << QStringLiteral(R"({"type":"engine.start","id":1,"args":[]})")
                                         << QStringLiteral("bad_request");
        QTest::newRow("wrong version") << QStringLiteral(R"({"type":"ping","id":1,"v":9})")
                                       << QStringLiteral("unsupported_version");
        QTest::newRow("second auth") << QStringLiteral(R"({"type":"auth","id":1,"token":"x"})")
                                     << QStringLiteral("already_authenticated");
    }
    void badRequestsGetErrorsAndTheConnectionSurvives()
    {
        QFETCH(QString, request);
        QFETCH(QString, code);
        auto server = startServer(baseConfig());
        auto client = connectedClient(*server, kOperatorToken);
        QVERIFY(client);
        client->sendRaw(request);
        QTRY_VERIFY(client->has(protocol::type::error));
        const QJsonObject error = client->first(protocol::type::error).value(u"data").toObject();
        QCOMPARE(error.value(u"code").toString(), code);
        QVERIFY(!error.value(u"message").toString().isEmpty());
        client->send({{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("id"), 99}});
        QTRY_VERIFY(client->has(protocol::type::pong));
        QCOMPARE(client->first(protocol::type::pong).value(u"data").toObject().value(u"id").toInt(), 99);
        QVERIFY(client->isConnected());
    }

    void binaryFrameIsAnError()
    {
        auto server = startServer(baseConfig());
        auto client = connectedClient(*server, kViewerToken);
        QVERIFY(client);
        client->socket()->sendBinaryMessage(QByteArrayLiteral("\x01\x02"));
        QTRY_VERIFY(client->has(protocol::type::error));
        QCOMPARE(client->first(protocol::type::error).value(u"data").toObject().value(u"code").toString(),
                 QStringLiteral("unsupported_frame"));
        QVERIFY(client->isConnected());
    }

    void requestFloodIsRateLimitedThenClosed()
    {
        ServerConfig config = baseConfig();
        config.requestsPerSecond = 0.001;
        config.requestBurst = 3;
        config.maxRateViolations = 5;
        auto server = startServer(config);
        auto client = connectedClient(*server, kViewerToken);
        QVERIFY(client);
        for (int i = 0; i < 5; ++i)
            client->send({{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("id"), i}});
        QTRY_COMPARE(client->count(protocol::type::pong) + client->count(protocol::type::error), 5);
        QCOMPARE(client->count(protocol::type::pong), 3);
        QCOMPARE(client->first(protocol::type::error).value(u"data").toObject().value(u"code").toString(),
                 QStringLiteral("rate_limited"));
        QVERIFY(client->isConnected());
        for (int i = 0; i < 10; ++i)
            client->send({{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("id"), i}});
        QTRY_VERIFY(client->disconnected);
        QCOMPARE(client->socket()->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(client->socket()->closeReason(), QStringLiteral("request rate abuse"));
    }

    void oversizeMessageAndFrameAreRefused()
    {
        ServerConfig config = baseConfig();
        config.maxIncomingMessageBytes = 4096;
        config.maxIncomingFrameBytes = 4096;
        auto server = startServer(config);
        auto big = connectedClient(*server, kViewerToken);
        auto bystander = connectedClient(*server, kViewerToken, {QStringLiteral("engine")});
        QVERIFY(big && bystander);
        big->sendRaw(QString(8192, QLatin1Char('a')));
        QTRY_VERIFY(big->disconnected);
        QCOMPARE(big->socket()->closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);

        // A message made of small frames that adds up to more than the limit.
        RawClient fragmented;
        QVERIFY(rawConnect(fragmented, *server, {QStringLiteral("engine")}));
        QByteArray first = wswire::clientFrame(QByteArray(3000, 'b'));
        first[0] = static_cast<char>(0x01); // text, not final
        QByteArray second = wswire::clientFrame(QByteArray(3000, 'b'));
        second[0] = static_cast<char>(0x00); // continuation, not final
        fragmented.socket->write(first + second);
        QTRY_VERIFY(fragmented.socket->state() == QAbstractSocket::UnconnectedState ||
                    (fragmented.drain(), fragmented.closeReceived));

        server->publish(Topic::Engine, payload(1));
        QTRY_VERIFY(bystander->has(protocol::type::delta, QStringLiteral("engine")));
        QTRY_COMPARE(server->clientCount(), 1);
    }

    void maxClientsRefusesExtraConnections()
    {
        ServerConfig config = baseConfig();
        config.maxClients = 2;
        auto server = startServer(config);
        auto a = connectedClient(*server, kViewerToken);
        auto b = connectedClient(*server, kViewerToken);
        QVERIFY(a && b);
        TestClient extra;
        extra.open(url(*server));
        QTRY_VERIFY(extra.disconnected);
        QCOMPARE(extra.socket()->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QVERIFY(extra.socket()->closeReason().startsWith(QStringLiteral("server full")));
        QCOMPARE(server->clientCount(), 2);
        a->socket()->close();
        QTRY_COMPARE(server->clientCount(), 1);
        auto c = connectedClient(*server, kViewerToken);
        QVERIFY(c);
    }

    void stateTopicCoalescesForAClientThatDoesNotRead()
    {
        ServerConfig config = baseConfig();
        config.socketWatermarkBytes = 4096;
        auto server = startServer(config);
        RawClient raw;
        QVERIFY(rawConnect(raw, *server, {QStringLiteral("positions")}));
        raw.stall();
        const int published = 3000;
        for (int i = 1; i <= published; ++i)
            server->publish(Topic::Positions, payload(i, 1000));
        const ClientStats stats = server->clientStats().first();
        QVERIFY2(stats.coalesced > 0, "a stalled client's state updates must be coalesced");
        QVERIFY(stats.queuedMessages <= 1);
        QCOMPARE(stats.dropped, 0u);
        QCOMPARE(stats.resyncs, 0u);

        raw.resume();
        QTRY_VERIFY([&] {
            raw.drain();
            return !raw.messages.isEmpty() &&
                   raw.messages.last().value(u"data").toObject().value(u"value").toInt() == published;
        }());
        int deltas = 0;
        for (const QJsonObject &message : std::as_const(raw.messages))
            deltas += message.value(u"type").toString() == u"delta" ? 1 : 0;
        QVERIFY2(deltas < published, qPrintable(QStringLiteral("%1 deltas").arg(deltas)));
        QCOMPARE(raw.messages.last().value(u"seq").toInt(), published);
    }

    // The workstation replaced its engine: what the old one published is forgotten for later subscribers, and
    // a client still catching up gets the old values before the new one (no coalescing across the switch).
    void clearedTopicsServeNothingAndKeepTheOrder()
    {
        ServerConfig config = baseConfig();
        config.socketWatermarkBytes = 4096;
        auto server = startServer(config);
        RawClient raw;
        QVERIFY(rawConnect(raw, *server, {QStringLiteral("engine"), QStringLiteral("orders")}));
        raw.stall();
        const int published = 3000;
        for (int i = 1; i <= published; ++i)
            server->publish(Topic::Engine, payload(i, 1000));
        server->publish(Topic::Orders, payload(-1)); // queued behind the pending engine delta
        QVERIFY(server->clientStats().first().queuedMessages >= 2);
        // The switch, then the new engine's first value, with no event loop in between: the old value is
        // still pending when the new one comes.
        server->clearTopics({Topic::Engine, Topic::Orders});
        server->publish(Topic::Engine, payload(published + 1));

        raw.resume();
        const auto indexOf = [&raw](const QString &type, int value) {
            for (int i = 0; i < raw.messages.size(); ++i) {
                const QJsonObject &message = raw.messages.at(i);
                if (message.value(u"type").toString() == type &&
                    message.value(u"data").toObject().value(u"value").toInt() == value)
                    return i;
            }
            return -1;
        };
        QTRY_VERIFY([&] {
            raw.drain();
            return indexOf(QStringLiteral("delta"), published + 1) >= 0;
        }());
        const int lastOld = indexOf(QStringLiteral("delta"), published);
        const int event = indexOf(QStringLiteral("event"), -1);
        const int firstNew = indexOf(QStringLiteral("delta"), published + 1);
        QVERIFY2(lastOld >= 0 && lastOld < event, "the old engine's last value comes, before its last event");
        QVERIFY2(event < firstNew, "the new engine's value comes after everything the old one published");

        // A client subscribing after a switch, before anything new was published, gets nothing of the old.
        server->clearTopics({Topic::Engine, Topic::Orders});
        auto later = connectedClient(*server, kViewerToken, {QStringLiteral("engine"), QStringLiteral("orders")});
        QVERIFY(later);
        const QJsonObject engine = later->first(protocol::type::snapshot, QStringLiteral("engine"));
        QVERIFY(engine.value(u"data").toObject().isEmpty());
        QCOMPARE(engine.value(u"seq").toInt(), published + 1); // sequence numbers go on
        const QJsonObject orders = later->first(protocol::type::snapshot, QStringLiteral("orders"));
        QVERIFY(orders.value(u"data").toObject().value(u"recent").toArray().isEmpty());
        QCOMPARE(orders.value(u"seq").toInt(), 1);
        server->publish(Topic::Engine, payload(published + 2));
        QTRY_VERIFY(later->has(protocol::type::delta, QStringLiteral("engine")));
        QCOMPARE(later->first(protocol::type::delta, QStringLiteral("engine")).value(u"seq").toInt(), published + 2);
    }

    void overflowDropsAndResyncs()
    {
        ServerConfig config = baseConfig();
        config.maxQueueBytes = 32 * 1024;
        config.socketWatermarkBytes = 4096;
        config.overflowGraceMs = 60'000;
        config.eventHistory = 4; // the resync's snapshots come on top of the limit
        auto server = startServer(config);
        auto healthy = connectedClient(*server, kViewerToken, {QStringLiteral("log")});
        QVERIFY(healthy);
        RawClient raw;
        QVERIFY(rawConnect(raw, *server, {QStringLiteral("log"), QStringLiteral("engine")}));
        server->publish(Topic::Engine, payload(7));
        raw.stall();
        int published = 0;
        while (published < 20000) {
            server->publish(Topic::Log, payload(++published, 1000));
            QCoreApplication::processEvents(); // the healthy client lives on this thread
            const QList<ClientStats> stats = server->clientStats();
            if (std::any_of(stats.cbegin(), stats.cend(), [](const ClientStats &s) { return s.resyncs > 0; }))
                break;
        }
        QVERIFY2(published < 20000, "the stalled client never overflowed");
        for (const ClientStats &stats : server->clientStats())
            QVERIFY(stats.queuedBytes <= config.maxQueueBytes + config.socketWatermarkBytes + 8 * 1024);

        raw.resume();
        QTRY_VERIFY([&] {
            raw.drain();
            return raw.messages.size() > 2 && raw.messages.last().value(u"seq").toInt() >= published - 0 &&
                   raw.messages.last().value(u"topic").toString() == u"log";
        }());
        const auto isType = [](const QJsonObject &m, const char16_t *type, const char16_t *topic) {
            return m.value(u"type").toString() == QStringView(type) &&
                   m.value(u"topic").toString() == QStringView(topic);
        };
        int resyncAt = -1;
        for (int i = 0; i < raw.messages.size(); ++i) {
            if (raw.messages[i].value(u"type").toString() == u"resync") {
                resyncAt = i;
                break;
            }
        }
        QVERIFY(resyncAt >= 0);
        // Topics resync in protocol order: engine first, then log.
        QCOMPARE(raw.messages[resyncAt].value(u"topic").toString(), QStringLiteral("engine"));
        QCOMPARE(raw.messages[resyncAt].value(u"data").toObject().value(u"reason").toString(),
                 QStringLiteral("queue_overflow"));
        // A fresh snapshot follows, then contiguous sequence numbers from the snapshot's.
        int snapshotAt = -1;
        for (int i = resyncAt; i < raw.messages.size(); ++i) {
            if (isType(raw.messages[i], u"snapshot", u"log")) {
                snapshotAt = i;
                break;
            }
        }
        QVERIFY(snapshotAt > resyncAt);
        int expected = raw.messages[snapshotAt].value(u"seq").toInt() + 1;
        for (int i = snapshotAt + 1; i < raw.messages.size(); ++i) {
            const QJsonObject &m = raw.messages[i];
            if (isType(m, u"event", u"log")) {
                QCOMPARE(m.value(u"seq").toInt(), expected);
                ++expected;
            }
        }
        // The engine state came back too (it was dropped with the queue).
        bool engineSnapshot = false;
        for (int i = resyncAt; i < raw.messages.size(); ++i)
            engineSnapshot |= isType(raw.messages[i], u"snapshot", u"engine");
        QVERIFY(engineSnapshot);

        // The healthy client was never resynced and saw every event.
        QTRY_COMPARE(healthy->count(protocol::type::event, QStringLiteral("log")), published);
        QVERIFY(!healthy->has(protocol::type::resync));
    }

    void slowClientIsDisconnectedAfterGrace()
    {
        ServerConfig config = baseConfig();
        config.maxQueueBytes = 16 * 1024;
        config.socketWatermarkBytes = 4096;
        config.overflowGraceMs = 200;
        auto server = startServer(config);
        auto healthy = connectedClient(*server, kViewerToken, {QStringLiteral("log")});
        RawClient raw;
        QVERIFY(healthy);
        QVERIFY(rawConnect(raw, *server, {QStringLiteral("log")}));
        raw.stall();
        QSignalSpy count(server.get(), &RemoteServer::clientCountChanged);
        int published = 0;
        while (server->clientCount() == 2 && published < 100000) {
            server->publish(Topic::Log, payload(++published, 1000));
            // Let the healthy client read (it lives on this thread) and the housekeeping timer run.
            QCoreApplication::processEvents();
        }
        QTRY_COMPARE(server->clientCount(), 1);
        QVERIFY(healthy->isConnected());
        QTRY_COMPARE(healthy->count(protocol::type::event, QStringLiteral("log")), published);
    }

    void clientVanishingMidFrameIsForgotten()
    {
        auto server = startServer(baseConfig());
        RawClient raw;
        QVERIFY(rawConnect(raw, *server, {QStringLiteral("engine")}));
        QTRY_COMPARE(server->clientCount(), 1);
        // A frame header announcing 1000 bytes, 10 of them sent, then the client is gone.
        raw.socket->write(wswire::clientFrame(QByteArray(10, 'x'), 1, 1000));
        raw.socket->flush();
        raw.socket->abort();
        QTRY_COMPARE(server->clientCount(), 0);
        auto client = connectedClient(*server, kViewerToken, {QStringLiteral("engine")});
        QVERIFY(client);
        server->publish(Topic::Engine, payload(1));
        QTRY_VERIFY(client->has(protocol::type::delta, QStringLiteral("engine")));
    }

    void generatedTokenFileIsPrivateAndWorks()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ServerConfig config = baseConfig();
        config.tokens.clear();
        config.tokenFilePath = dir.filePath(QStringLiteral("sub/remote-token"));
        auto server = startServer(config);
        QVERIFY(server->isListening());
        QCOMPARE(server->tokenFilePath(), config.tokenFilePath);
        QFile file(config.tokenFilePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString token = QString::fromLatin1(file.readAll()).trimmed();
        QCOMPARE(token.size(), 64);
        QCOMPARE(token, server->generatedToken());
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                                       QFileDevice::WriteOther | QFileDevice::ReadUser | QFileDevice::ReadOwner),
                 QFileDevice::ReadOwner | QFileDevice::ReadUser);
        auto client = connectedClient(*server, token);
        QVERIFY(client);
        QCOMPARE(client->first(protocol::type::authOk).value(u"data").toObject().value(u"role").toString(),
                 QStringLiteral("operator"));
    }

    void defaultTokenFileIsUnderTheConfigFolder()
    {
        QVERIFY(ServerToken::defaultFilePath().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)));
    }

    void nonLoopbackBindNeedsTokens()
    {
        ServerConfig config = baseConfig();
        config.tokens.clear();
        config.bindAddress = QHostAddress(QHostAddress::AnyIPv4);
        RemoteServer server(config);
        QSignalSpy failed(&server, &RemoteServer::startFailed);
        QVERIFY(!server.start());
        QCOMPARE(failed.count(), 1);
        QVERIFY(server.errorString().contains(QStringLiteral("without configured tokens")));
        QVERIFY(!server.isListening());
    }

    void tlsWithGeneratedCertificate()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl is not installed");
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess process;
        process.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                                QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                                QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);

        ServerConfig config = baseConfig();
        config.certificatePath = cert;
        config.privateKeyPath = key;
        auto server = startServer(config);
        QVERIFY(server->isListening());
        QVERIFY(server->isSecure());
        server->publish(Topic::Engine, {{QStringLiteral("state"), QStringLiteral("idle")}});

        TestClient client;
        QObject::connect(client.socket(), &QWebSocket::sslErrors, client.socket(),
                         [&client](const QList<QSslError> &) { client.socket()->ignoreSslErrors(); });
        client.open(QStringLiteral("wss://127.0.0.1:%1").arg(server->port()));
        QTRY_VERIFY_WITH_TIMEOUT(client.has(protocol::type::hello), 10000);
        client.auth(kViewerToken);
        client.subscribe({QStringLiteral("engine")});
        QTRY_VERIFY(client.has(protocol::type::snapshot, QStringLiteral("engine")));
        QCOMPARE(client.first(protocol::type::snapshot).value(u"data").toObject().value(u"state").toString(),
                 QStringLiteral("idle"));

        // A plain ws:// client cannot talk to the wss server.
        TestClient plain;
        plain.open(url(*server));
        QTRY_VERIFY_WITH_TIMEOUT(plain.disconnected || plain.socket()->state() == QAbstractSocket::UnconnectedState,
                                 10000);
        QVERIFY(!plain.has(protocol::type::hello));
    }

    void tlsConfigurationErrorsNameTheFile()
    {
        ServerConfig config = baseConfig();
        config.certificatePath = QStringLiteral("/nonexistent/cert.pem");
        config.privateKeyPath = QStringLiteral("/nonexistent/key.pem");
        RemoteServer server(config);
        QVERIFY(!server.start());
        QVERIFY(server.errorString().contains(QStringLiteral("/nonexistent/cert.pem")));
    }

    void idleClientIsClosed()
    {
        ServerConfig config = baseConfig();
        config.pingIntervalMs = 100;
        config.idleTimeoutMs = 1000;
        auto server = startServer(config);
        // A QWebSocket answers pings and stays; a raw client that never answers is closed.
        auto alive = connectedClient(*server, kViewerToken);
        RawClient silent;
        QVERIFY(alive);
        QVERIFY(rawConnect(silent, *server, {QStringLiteral("engine")}));
        QTRY_COMPARE(server->clientCount(), 1);
        QVERIFY(alive->isConnected());
        silent.drain();
        QVERIFY(silent.closeReceived);
    }

    void statsSignalReportsClients()
    {
        ServerConfig config = baseConfig();
        config.statsIntervalMs = 50;
        auto server = startServer(config);
        auto client = connectedClient(*server, kViewerToken, {QStringLiteral("engine")});
        QVERIFY(client);
        QSignalSpy stats(server.get(), &RemoteServer::statsUpdated);
        QVERIFY(stats.wait());
        const QJsonObject report = stats.last().at(0).toJsonObject();
        QCOMPARE(report.value(u"totals").toObject().value(u"clients").toInt(), 1);
        const QJsonObject first = report.value(u"clients").toArray().at(0).toObject();
        QCOMPARE(first.value(u"role").toString(), QStringLiteral("viewer"));
        QCOMPARE(first.value(u"topics").toArray().at(0).toString(), QStringLiteral("engine"));
        QVERIFY(first.value(u"messagesSent").toInt() >= 3); // hello, auth_ok, ack, snapshot
    }
};

QTEST_GUILESS_MAIN(TstRemoteServer)
#include "tst_remoteserver.moc"
