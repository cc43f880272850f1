// The remote server on its own QThread, as the application runs it: publishing from another thread,
// commands delivered across threads, many clients, clean shutdown. Labelled `concurrency` (TSan in CI).

#include "ServerTestSupport.h"
#include "server/RemoteServer.h"

#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace bw;
using bw::test::TestClient;
using protocol::Topic;

namespace {
const QString kToken = QStringLiteral("operator-token-0123456789abcdef");
}

class TstRemoteServerThread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void publishFromAnotherThreadReachesEveryClient()
    {
        ServerConfig config;
        config.port = 0;
        config.tokens.insert(kToken, protocol::Role::Operator);
        config.housekeepingIntervalMs = 20;
        config.statsIntervalMs = 50;

        QThread thread;
        thread.setObjectName(QStringLiteral("server"));
        auto *server = new RemoteServer(config);
        server->moveToThread(&thread);
        connect(&thread, &QThread::finished, server, &QObject::deleteLater);
        // The server emits on its own thread: record on this one through queued connections (QSignalSpy
        // would record on the emitting thread).
        QObject receiver;
        bool started = false;
        QList<QString> commands;
        int statsReports = 0;
        connect(server, &RemoteServer::started, &receiver, [&](quint16) { started = true; });
        connect(server, &RemoteServer::commandReceived, &receiver,
                [&](const QString &command, const QJsonObject &, quint64, const QJsonValue &) {
                    commands.append(command);
                });
        connect(server, &RemoteServer::statsUpdated, &receiver, [&](const QJsonObject &) { ++statsReports; });
        // Started from the thread's own start signal, as the application does.
        connect(&thread, &QThread::started, server, &RemoteServer::start);
        thread.start();
        QTRY_VERIFY(started);
        const quint16 port = server->port();
        QVERIFY(port != 0);

        constexpr int kClients = 8;
        std::vector<std::unique_ptr<TestClient>> clients;
        for (int i = 0; i < kClients; ++i) {
            auto client = std::make_unique<TestClient>();
            client->open(QStringLiteral("ws://127.0.0.1:%1").arg(port));
            clients.push_back(std::move(client));
        }
        for (auto &client : clients) {
            QTRY_VERIFY(client->has(protocol::type::hello));
            client->auth(kToken);
            client->subscribe({QStringLiteral("signals"), QStringLiteral("engine")});
        }
        for (auto &client : clients)
            QTRY_COMPARE(client->count(protocol::type::snapshot), 2);

        constexpr int kEvents = 500;
        for (int i = 1; i <= kEvents; ++i) {
            server->publish(Topic::Signals, {{QStringLiteral("n"), i}});
            server->publish(Topic::Engine, {{QStringLiteral("tick"), i}});
        }
        for (auto &client : clients) {
            QTRY_COMPARE(client->count(protocol::type::event, QStringLiteral("signals")), kEvents);
            int expected = 1;
            for (const QJsonObject &message : std::as_const(client->messages)) {
                if (message.value(u"type").toString() == u"event") {
                    QCOMPARE(message.value(u"seq").toInt(), expected);
                    QCOMPARE(message.value(u"data").toObject().value(u"n").toInt(), expected);
                    ++expected;
                }
            }
            // State publishes may be coalesced on the way, but the last value always arrives.
            QTRY_VERIFY(!client->messages.isEmpty() && [&] {
                for (auto it = client->messages.crbegin(); it != client->messages.crend(); ++it) {
                    if (it->value(u"topic").toString() == u"engine")
                        return it->value(u"data").toObject().value(u"tick").toInt() == kEvents;
                }
                return false;
            }());
        }

        clients.front()->send({{QStringLiteral("type"), QStringLiteral("engine.stop")}, {QStringLiteral("id"), 1}});
        QTRY_COMPARE(commands.size(), 1);
        QCOMPARE(commands.first(), QStringLiteral("engine.stop"));

        QTRY_VERIFY(statsReports > 0);
        QTRY_COMPARE(server->clientStats().size(), kClients); // the cross-thread copy

        // Shutting the thread down destroys the server there (deleteLater on finished), which closes every
        // client with 1001 going away.
        thread.quit();
        QVERIFY(thread.wait(10000));
        for (auto &client : clients)
            QTRY_VERIFY(client->disconnected);
        QCOMPARE(clients.front()->socket()->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }
};

QTEST_GUILESS_MAIN(TstRemoteServerThread)
#include "tst_remoteserverthread.moc"
