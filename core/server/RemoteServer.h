#pragma once

#include "common/Clock.h"
#include "server/AuthRateLimiter.h"
#include "server/ClientSession.h"
#include "server/Protocol.h"
#include "server/ServerConfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QWebSocketProtocol>

#include <array>
#include <atomic>
#include <deque>
#include <map>
#include <memory>

class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace bw {

// The WebSocket server for remote viewers (docs/protocol.md). It publishes whatever the application hands
// it through publish() and knows nothing of the engine, scanner or trading.
//
// Threading: construct it, move it to its own QThread, then call start() on that thread
// (QMetaObject::invokeMethod(server, &RemoteServer::start)). publish(), port(), tokenFilePath() and
// clientStats() are safe from any thread; signals are emitted on the server thread.
class RemoteServer final : public QObject
{
    Q_OBJECT

public:
    explicit RemoteServer(ServerConfig config, const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    ~RemoteServer() override;

    // Listens; on success emits started() and returns true, otherwise emits startFailed() with a reason
    // naming what is wrong (port in use, non-loopback bind without tokens, unreadable certificate...).
    Q_INVOKABLE bool start();
    // Closes every client (1001 going away) and stops listening.
    Q_INVOKABLE void stop();

    // Thread-safe. State topics keep the latest value (served as the snapshot on subscribe, and a
    // burst of state publishes from another thread reaches the server thread as one); event topics
    // keep the last ServerConfig::eventHistory messages for snapshots.
    void publish(protocol::Topic topic, const QJsonObject &data);

    // Forgets what the application published on `topics` because its source went away (the workstation
    // replaced its engine on a source switch): a state topic's snapshot carries `{}` and an event topic's no
    // history until something is published again. Sequence numbers go on, so no client sees one go back.
    // A delta published afterwards queues behind what a client still has pending instead of taking its
    // place, so every client gets the old values, then the new ones, in the order they were published.
    // Call on the server thread (or while it does not run).
    void clearTopics(const QList<protocol::Topic> &topics);

    // Thread-safe; valid after started().
    quint16 port() const { return m_port.load(std::memory_order_acquire); }
    bool isListening() const { return m_listening.load(std::memory_order_acquire); }
    bool isSecure() const;
    // Path of the generated token file; empty when tokens are configured.
    QString tokenFilePath() const;
    // The generated operator token (empty when tokens are configured); for the GUI's copy button.
    QString generatedToken() const;
    QString errorString() const;
    int clientCount() const { return m_clientCount.load(std::memory_order_acquire); }
    // Live on the server thread; from another thread, the copy refreshed at every housekeeping tick.
    QList<ClientStats> clientStats() const;

    const ServerConfig &config() const { return m_config; }

    // Thread-safe. The operator commands the attached application carries out (protocol names, e.g.
    // "engine.scan_now"); any other command is refused with `unavailable`. Until it is called, every
    // command is passed on as long as something is connected to commandReceived.
    void setAvailableCommands(const QStringList &commands);

    // Thread-safe. Answers a request the application handles itself (`candles`): an `ack` whose data is
    // `data` plus the echoed id, or an `error`. Nothing is sent when the client has gone meanwhile.
    void replyToRequest(quint64 clientId, const QJsonValue &requestId, const QJsonObject &data);
    void failRequest(quint64 clientId, const QJsonValue &requestId, bw::protocol::ErrorCode code,
                     const QString &message);

Q_SIGNALS:
    void started(quint16 port);
    void startFailed(const QString &reason);
    // An operator command (engine.start, engine.stop, engine.pause, engine.resume, snapshot.export) that
    // passed the role and rate checks. It has already been acknowledged; its outcome reaches clients
    // through the topics the application publishes (engine state, log events). `requestId` is the
    // client's request id, to quote in such log events.
    void commandReceived(const QString &command, const QJsonObject &args, quint64 clientId,
                         const QJsonValue &requestId);
    // A `candles` request (any role). The application answers it with replyToRequest or failRequest.
    void candlesRequested(const QString &symbol, int count, quint64 clientId, const QJsonValue &requestId);
    void clientCountChanged(int clients);
    // Every ServerConfig::statsIntervalMs: {"clients":[ClientStats...],"totals":{...}}; the application
    // forwards it into the resources topic and the memory snapshot.
    void statsUpdated(const QJsonObject &stats);

private:
    struct TopicState {
        quint64 seq = 0;
        qint64 lastTsMs = 0;
        QJsonObject latest;             // state topics
        std::deque<QJsonObject> recent; // event topics: {seq, ts, data}
        QByteArray snapshotCache;       // serialised snapshot for `seq`
        quint64 snapshotCacheSeq = ~quint64(0);
    };

    void onNewConnection();
    void refuse(QWebSocket *socket, QWebSocketProtocol::CloseCode code, const QString &reason);
    void onTextMessage(quint64 clientId, const QString &message);
    void onBinaryMessage(quint64 clientId);
    void onDisconnected(quint64 clientId);
    void handleAuth(ClientSession &session, const QByteArray &utf8);
    void handleRequest(ClientSession &session, const protocol::Request &request);
    void publishNow(protocol::Topic topic, const QJsonObject &data);
    void flushPendingState(protocol::Topic topic);
    void sendControl(ClientSession &session, const QByteArray &utf8);
    void sendSnapshot(ClientSession &session, protocol::Topic topic);
    void resync(ClientSession &session);
    void closeSession(ClientSession &session, QWebSocketProtocol::CloseCode code, const QString &reason);
    void housekeeping();
    void refreshStats(bool emitSignal);
    QByteArray snapshotBytes(protocol::Topic topic);
    ClientSession *session(quint64 clientId);
    bool setupTokens(QString *error);
    void fail(const QString &reason);

    ServerConfig m_config;
    const Clock &m_clock;
    QWebSocketServer *m_server = nullptr;
    QTimer *m_housekeeping = nullptr;
    AuthRateLimiter m_authLimiter;
    std::map<quint64, std::unique_ptr<ClientSession>> m_sessions;
    quint64 m_nextClientId = 1;
    std::array<TopicState, protocol::kTopicCount> m_topics;
    qint64 m_lastStatsMs = 0;

    std::atomic<quint16> m_port{0};
    std::atomic<bool> m_listening{false};
    std::atomic<int> m_clientCount{0};

    mutable QMutex m_mutex; // guards the members below, shared with other threads
    QString m_tokenFilePath;
    QString m_generatedToken;
    QString m_errorString;
    QList<ClientStats> m_statsCopy;
    std::array<std::optional<QJsonObject>, protocol::kTopicCount> m_pendingState;
    std::optional<QStringList> m_availableCommands;
};

} // namespace bw
