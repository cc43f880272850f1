#pragma once

#include "server/Protocol.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <array>
#include <optional>

class QTimer;
class QWebSocket;

namespace bw {

// The viewer side of docs/protocol.md, for the remote viewer mode and tools: connects, authenticates,
// subscribes, and turns the server's messages into signals per topic. It checks sequence numbers: a gap on
// an event topic (a message the client never saw) makes it ask for a fresh snapshot by itself, and a
// `resync` is reported before its snapshot. It measures the round trip with protocol pings.
class RemoteClient final : public QObject
{
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Authenticating, Ready };
    Q_ENUM(State)

    explicit RemoteClient(QObject *parent = nullptr);
    ~RemoteClient() override;

    // `token` is sent in the first message, never in the URL. For wss:// with a self-signed certificate,
    // `acceptAnyCertificate` skips verification (the user pinned the server some other way).
    void open(const QUrl &url, const QString &token, const QList<protocol::Topic> &topics,
              bool acceptAnyCertificate = false);
    void close();

    State state() const { return m_state; }
    std::optional<protocol::Role> role() const { return m_role; }
    QString errorString() const { return m_errorString; }
    // Sequence number of the last message applied on `topic` (0 before its snapshot).
    quint64 lastSeq(protocol::Topic topic) const { return m_seq[static_cast<std::size_t>(topic)]; }
    // Gaps seen on event topics since open() (each answered with a snapshot request).
    int gaps() const { return m_gaps; }

    // Operator commands (engine.start ... snapshot.export); returns the request id, answered by
    // requestAcked or requestFailed.
    QString sendCommand(protocol::RequestType command, const QJsonObject &args = {});
    QString requestSnapshot(const QList<protocol::Topic> &topics);
    // The last `count` closed bars of `symbol` (any role); requestAcked carries them (data.bars).
    QString requestCandles(const QString &symbol, int count);

Q_SIGNALS:
    void stateChanged(bw::RemoteClient::State state);
    void ready(bw::protocol::Role role);
    // State topics: `data` is the topic's full value. Event topics: {"recent":[{seq, ts, data}...]}.
    void snapshotReceived(bw::protocol::Topic topic, const QJsonObject &data, quint64 seq);
    // A new full value of a state topic.
    void deltaReceived(bw::protocol::Topic topic, const QJsonObject &data, quint64 seq);
    void eventReceived(bw::protocol::Topic topic, const QJsonObject &data, quint64 seq);
    // The server dropped queued messages for this client; a snapshot of `topic` follows.
    void resynced(bw::protocol::Topic topic, const QString &reason);
    void requestAcked(const QString &id, const QJsonObject &data);
    void requestFailed(const QString &id, const QString &code, const QString &message);
    void roundTripMeasured(qint64 milliseconds);
    void disconnected(int closeCode, const QString &reason);

private:
    void setState(State state);
    void onText(const QString &text);
    void handleTopicMessage(const QString &type, protocol::Topic topic, quint64 seq, const QJsonObject &data);
    QString send(const QString &type, QJsonObject fields);

    QWebSocket *m_socket = nullptr;
    QTimer *m_pingTimer = nullptr;
    State m_state = State::Disconnected;
    std::optional<protocol::Role> m_role;
    QString m_token;
    QList<protocol::Topic> m_topics;
    QString m_errorString;
    std::array<quint64, protocol::kTopicCount> m_seq{};
    std::array<bool, protocol::kTopicCount> m_awaitingSnapshot{};
    int m_gaps = 0;
    quint64 m_nextId = 1;
    QString m_pingId;
    qint64 m_pingSentMs = 0;
};

} // namespace bw
