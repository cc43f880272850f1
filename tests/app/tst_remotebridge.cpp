#include "app/AppContext.h"
#include "server/RemoteServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace bw;

// The running workstation as a remote viewer sees it: the AppContext with its server enabled, a real
// QWebSocket client on loopback authenticating with the generated operator token.
class TestRemoteBridge : public QObject
{
    Q_OBJECT

private slots:
    void viewerSeesEngineStateAndOperatorControlsIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SimulatedFeedConfig feed;
        feed.symbols = 20;
        feed.backfillBars = 120;
        feed.speedUp = 3000;
        AppContext context(feed);
        ServerConfig config;
        config.port = 0; // any free port
        config.tokenFilePath = dir.filePath(QStringLiteral("token"));
        context.enableServer(config);
        QSignalSpy started(&context, &AppContext::serverStarted);
        context.start();
        QVERIFY(started.wait(10000));
        const auto port = started.constFirst().at(0).value<quint16>();
        QFile tokenFile(started.constFirst().at(1).toString());
        QVERIFY(tokenFile.open(QIODevice::ReadOnly));
        const QString token = QString::fromUtf8(tokenFile.readAll()).trimmed();
        QVERIFY(!token.isEmpty());

        QWebSocket client;
        QList<QJsonObject> received;
        connect(&client, &QWebSocket::textMessageReceived, this,
                [&received](const QString &text) { received.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port)));
        QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 10000); // hello
        const auto send = [&client](const QJsonObject &message) {
            client.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
        };
        send({{QStringLiteral("type"), QStringLiteral("auth")},
              {QStringLiteral("id"), 1},
              {QStringLiteral("token"), token}});
        send({{QStringLiteral("type"), QStringLiteral("subscribe")},
              {QStringLiteral("id"), 2},
              {QStringLiteral("topics"), QJsonArray{QStringLiteral("engine"), QStringLiteral("caches"),
                                                    QStringLiteral("resources"), QStringLiteral("log")}}});

        const auto latest = [&received](const QString &topic) {
            for (auto it = received.crbegin(); it != received.crend(); ++it) {
                if (it->value(QStringLiteral("topic")).toString() == topic)
                    return it->value(QStringLiteral("data")).toObject();
            }
            return QJsonObject();
        };
        // The engine runs and scans the simulated market; the viewer sees its state and scans.
        QTRY_VERIFY_WITH_TIMEOUT(latest(QStringLiteral("engine")).value(QStringLiteral("scans")).toInt() > 0, 30000);
        QCOMPARE(latest(QStringLiteral("engine")).value(QStringLiteral("symbols")).toInt(), 20);
        // Cache occupancy and process resources arrive on their topics.
        QTRY_VERIFY_WITH_TIMEOUT(!latest(QStringLiteral("caches")).value(QStringLiteral("caches")).toArray().isEmpty(),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(latest(QStringLiteral("resources")).value(QStringLiteral("rssBytes")).toDouble() > 0,
                                 10000);

        // An operator pauses the engine from afar.
        send({{QStringLiteral("type"), QStringLiteral("engine.pause")}, {QStringLiteral("id"), 3}});
        QTRY_COMPARE_WITH_TIMEOUT(latest(QStringLiteral("engine")).value(QStringLiteral("state")).toString(),
                                  QStringLiteral("paused"), 10000);
        // The workstation's log lines reach the viewer: the engine's own line about the pause, and the
        // outcome of an operator's snapshot naming the request.
        const auto logged = [&received](const QString &text) {
            for (const QJsonObject &m : received) {
                if (m.value(QStringLiteral("topic")).toString() != u"log" ||
                    m.value(QStringLiteral("type")).toString() == u"snapshot")
                    continue;
                const QJsonObject data = m.value(QStringLiteral("data")).toObject();
                if (data.value(QStringLiteral("message")).toString().contains(text) &&
                    !data.value(QStringLiteral("category")).toString().isEmpty() &&
                    !data.value(QStringLiteral("level")).toString().isEmpty())
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("paused")), 10000);
        send({{QStringLiteral("type"), QStringLiteral("snapshot.export")},
              {QStringLiteral("id"), QStringLiteral("op-9")}});
        QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("request op-9")), 30000);
        QVERIFY(logged(QStringLiteral("memory snapshot written to")));
        client.close();
        context.stop();
    }
};

QTEST_GUILESS_MAIN(TestRemoteBridge)
#include "tst_remotebridge.moc"
