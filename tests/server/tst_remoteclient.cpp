// RemoteClient against the real RemoteServer on loopback, and against a scripted server for the cases a
// healthy server never produces (sequence gaps).

#include "server/RemoteClient.h"
#include "server/RemoteServer.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

using namespace bw;
using protocol::Topic;

namespace {
const QString kOperator = QStringLiteral("operator-token-0123456789abcdef");
const QString kViewer = QStringLiteral("viewer-token-0123456789abcdef");

QByteArray envelope(const QString &type, const QJsonObject &data, const QString &topic = {}, int seq = 0)
{
    QJsonObject object{{QStringLiteral("v"), 1},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("ts"), 1},
                       {QStringLiteral("data"), data}};
    if (!topic.isEmpty()) {
        object.insert(QStringLiteral("topic"), topic);
        object.insert(QStringLiteral("seq"), seq);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

class TstRemoteClient : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<RemoteServer> server()
    {
        ServerConfig config;
        config.port = 0;
        config.tokens.insert(kOperator, protocol::Role::Operator);
        config.tokens.insert(kViewer, protocol::Role::Viewer);
        auto result = std::make_unique<RemoteServer>(config);
        result->start();
        return result;
    }

private Q_SLOTS:
    void receivesSnapshotsDeltasAndEvents()
    {
        auto srv = server();
        srv->publish(Topic::Engine, {{QStringLiteral("state"), QStringLiteral("idle")}});
        RemoteClient client;
        QSignalSpy ready(&client, &RemoteClient::ready);
        QSignalSpy snapshots(&client, &RemoteClient::snapshotReceived);
        QSignalSpy deltas(&client, &RemoteClient::deltaReceived);
        QSignalSpy events(&client, &RemoteClient::eventReceived);
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(srv->port())), kViewer,
                    {Topic::Engine, Topic::Orders});
        QVERIFY(ready.wait());
        QCOMPARE(client.role(), std::optional<protocol::Role>(protocol::Role::Viewer));
        QCOMPARE(client.state(), RemoteClient::State::Ready);
        QTRY_COMPARE(snapshots.count(), 2);
        QCOMPARE(snapshots.first().at(1).toJsonObject().value(u"state").toString(), QStringLiteral("idle"));

        srv->publish(Topic::Engine, {{QStringLiteral("state"), QStringLiteral("scanning")}});
        for (int i = 1; i <= 5; ++i)
            srv->publish(Topic::Orders, {{QStringLiteral("n"), i}});
        QTRY_COMPARE(events.count(), 5);
        QTRY_COMPARE(deltas.count(), 1);
        QCOMPARE(deltas.first().at(1).toJsonObject().value(u"state").toString(), QStringLiteral("scanning"));
        QCOMPARE(client.lastSeq(Topic::Orders), 5u);
        QCOMPARE(client.gaps(), 0);
    }

    void commandsAreAckedForOperatorsOnly()
    {
        auto srv = server();
        QSignalSpy commands(srv.get(), &RemoteServer::commandReceived);
        RemoteClient op;
        QSignalSpy opReady(&op, &RemoteClient::ready);
        QSignalSpy acked(&op, &RemoteClient::requestAcked);
        op.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(srv->port())), kOperator, {});
        QVERIFY(opReady.wait());
        const QString id = op.sendCommand(protocol::RequestType::EngineStart);
        QTRY_COMPARE(acked.count(), 1);
        QCOMPARE(acked.first().at(0).toString(), id);
        QCOMPARE(commands.count(), 1);

        RemoteClient viewer;
        QSignalSpy viewerReady(&viewer, &RemoteClient::ready);
        QSignalSpy failed(&viewer, &RemoteClient::requestFailed);
        viewer.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(srv->port())), kViewer, {});
        QVERIFY(viewerReady.wait());
        viewer.sendCommand(protocol::RequestType::EngineStop);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("forbidden"));
        QCOMPARE(commands.count(), 1);
    }

    void wrongTokenReportsTheReason()
    {
        auto srv = server();
        RemoteClient client;
        QSignalSpy disconnected(&client, &RemoteClient::disconnected);
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(srv->port())), QStringLiteral("nope-nope-nope-nope"),
                    {Topic::Engine});
        QVERIFY(disconnected.wait());
        QCOMPARE(disconnected.first().at(0).toInt(), 1008);
        QCOMPARE(client.state(), RemoteClient::State::Disconnected);
        QCOMPARE(client.errorString(), QStringLiteral("unknown token"));
    }

    void gapOnAnEventTopicRequestsASnapshotAndResyncIsReported()
    {
        // A scripted server: it sends what the test says and records what the client sends.
        QWebSocketServer scripted(QStringLiteral("scripted"), QWebSocketServer::NonSecureMode);
        QVERIFY(scripted.listen(QHostAddress::LocalHost, 0));
        QWebSocket *peer = nullptr;
        QList<QJsonObject> received;
        connect(&scripted, &QWebSocketServer::newConnection, this, [&] {
            peer = scripted.nextPendingConnection();
            connect(peer, &QWebSocket::textMessageReceived, this,
                    [&](const QString &text) { received.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
            peer->sendTextMessage(QString::fromUtf8(envelope(QStringLiteral("hello"), {})));
        });
        RemoteClient client;
        QSignalSpy events(&client, &RemoteClient::eventReceived);
        QSignalSpy resynced(&client, &RemoteClient::resynced);
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(scripted.serverPort())), kViewer, {Topic::Log});
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(received.first().value(u"type").toString(), QStringLiteral("auth"));
        QCOMPARE(received.first().value(u"token").toString(), kViewer);
        const auto send = [&](const QByteArray &bytes) { peer->sendTextMessage(QString::fromUtf8(bytes)); };
        send(envelope(QStringLiteral("auth_ok"), {{QStringLiteral("role"), QStringLiteral("viewer")}}));
        QTRY_COMPARE(received.size(), 2);
        QCOMPARE(received.last().value(u"type").toString(), QStringLiteral("subscribe"));
        send(
            envelope(QStringLiteral("snapshot"), {{QStringLiteral("recent"), QJsonArray()}}, QStringLiteral("log"), 5));
        send(envelope(QStringLiteral("event"), {}, QStringLiteral("log"), 6));
        send(envelope(QStringLiteral("event"), {}, QStringLiteral("log"), 8)); // 7 is missing
        QTRY_COMPARE(received.size(), 3);
        QCOMPARE(received.last().value(u"type").toString(), QStringLiteral("snapshot"));
        QCOMPARE(received.last().value(u"topics").toArray().at(0).toString(), QStringLiteral("log"));
        QCOMPARE(events.count(), 1);
        QCOMPARE(client.gaps(), 1);

        send(
            envelope(QStringLiteral("snapshot"), {{QStringLiteral("recent"), QJsonArray()}}, QStringLiteral("log"), 8));
        send(envelope(QStringLiteral("event"), {}, QStringLiteral("log"), 9));
        QTRY_COMPARE(events.count(), 2);
        QCOMPARE(client.lastSeq(Topic::Log), 9u);

        send(envelope(QStringLiteral("resync"), {{QStringLiteral("reason"), QStringLiteral("queue_overflow")}},
                      QStringLiteral("log"), 20));
        send(envelope(QStringLiteral("event"), {}, QStringLiteral("log"), 21)); // ignored until the snapshot
        send(envelope(QStringLiteral("snapshot"), {{QStringLiteral("recent"), QJsonArray()}}, QStringLiteral("log"),
                      21));
        send(envelope(QStringLiteral("event"), {}, QStringLiteral("log"), 22));
        QTRY_COMPARE(events.count(), 3);
        QCOMPARE(resynced.count(), 1);
        QCOMPARE(resynced.first().at(1).toString(), QStringLiteral("queue_overflow"));
        QCOMPARE(client.lastSeq(Topic::Log), 22u);
        QCOMPARE(client.gaps(), 1);
    }
};

QTEST_GUILESS_MAIN(TstRemoteClient)
#include "tst_remoteclient.moc"
