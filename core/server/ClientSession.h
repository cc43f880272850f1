#pragma once

#include "server/Protocol.h"
#include "server/TokenBucket.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QString>

#include <array>
#include <deque>
#include <optional>

class QWebSocket;

namespace bw {

// What the server knows about one client, for the dashboard, the memory snapshot and the stats signal.
struct ClientStats {
    quint64 id = 0;
    QString peer;
    bool authenticated = false;
    QString role;
    QStringList topics;
    qint64 queuedBytes = 0; // socket's unsent bytes + pending messages
    int queuedMessages = 0; // pending messages not yet handed to the socket
    qint64 lagMs = 0;       // age of the oldest pending message
    quint64 messagesSent = 0;
    quint64 bytesSent = 0;
    quint64 dropped = 0;   // messages dropped on overflow
    quint64 coalesced = 0; // state messages replaced by a newer one before being sent
    quint64 resyncs = 0;
    qint64 connectedAtMs = 0;
    qint64 overLimitSinceMs = 0; // 0 when the client is keeping up

    QJsonObject toJson() const;
};

// One outgoing message. `text` is built once per message and shared (implicitly) by every client queue.
struct OutgoingMessage {
    enum class Kind { Control, Snapshot, Delta, Event, Resync };
    QString text;
    qint64 bytes = 0; // UTF-8 size on the wire (payload)
    Kind kind = Kind::Control;
    protocol::Topic topic = protocol::Topic::Engine; // meaningless for Control
    qint64 enqueuedMs = 0;

    static OutgoingMessage make(const QByteArray &utf8, Kind kind, protocol::Topic topic, qint64 nowMs);
};

// The per-client outbound queue and session state. Owned and driven by RemoteServer on its thread;
// it writes to the socket only what keeps the socket's buffer under the watermark, never blocks.
class ClientSession final
{
public:
    enum class EnqueueResult { Queued, Coalesced, Overflow };

    ClientSession(quint64 id, QWebSocket *socket, qint64 nowMs, double requestsPerSecond, int requestBurst);

    quint64 id() const { return m_id; }
    QWebSocket *socket() const { return m_socket; }
    QString peer() const { return m_peer; }

    bool isAuthenticated() const { return m_role.has_value(); }
    std::optional<protocol::Role> role() const { return m_role; }
    void setRole(protocol::Role role) { m_role = role; }

    bool isClosing() const { return m_closing; }
    void markClosing();

    bool isSubscribed(protocol::Topic topic) const { return m_subscribed[protocolIndex(topic)]; }
    void setSubscribed(protocol::Topic topic, bool subscribed) { m_subscribed[protocolIndex(topic)] = subscribed; }
    QList<protocol::Topic> subscribedTopics() const;

    // Topic messages beyond maxQueueBytes are refused (Overflow) and the caller resyncs the client;
    // a Delta replaces the pending Delta of the same topic. Control, Snapshot and Resync messages are
    // always queued (`force`), they are bounded by the request rate and the overflow grace period.
    EnqueueResult enqueue(const OutgoingMessage &message, qint64 maxQueueBytes, bool force = false);
    // The pending Delta of `topic` (if any) is no longer replaced by a later one, which queues behind it:
    // for a topic whose values change hands (another engine), so they reach the client in publishing order.
    void sealPendingDelta(protocol::Topic topic) { m_pendingDeltaSerial[protocolIndex(topic)] = 0; }
    // Drops every pending topic message (control replies stay); returns how many were dropped.
    int dropTopicMessages();
    // Hands pending messages to the socket while it holds less than `watermarkBytes`.
    void pump(qint64 watermarkBytes);

    qint64 queuedBytes() const;
    int queuedMessages() const { return static_cast<int>(m_queue.size()); }

    // Overflow bookkeeping: set at the first overflow, cleared once everything queued since reached the kernel.
    void noteOverflow(qint64 nowMs, int dropped);
    void updateCaughtUp();
    qint64 overLimitSinceMs() const { return m_overLimitSinceMs; }

    bool takeRequestToken(qint64 nowMs) { return m_requests.tryTake(nowMs); }
    // Returns the number of rate violations within the window ending now.
    int recordRateViolation(qint64 nowMs, qint64 windowMs);

    qint64 lastActivityMs() const { return m_lastActivityMs; }
    void touch(qint64 nowMs) { m_lastActivityMs = nowMs; }
    qint64 lastPingMs() const { return m_lastPingMs; }
    void setLastPingMs(qint64 nowMs) { m_lastPingMs = nowMs; }

    ClientStats stats(qint64 nowMs) const;

private:
    static std::size_t protocolIndex(protocol::Topic topic) { return static_cast<std::size_t>(topic); }

    struct Queued {
        OutgoingMessage message;
        quint64 serial;
    };

    quint64 m_id;
    QWebSocket *m_socket;
    QString m_peer;
    std::optional<protocol::Role> m_role;
    bool m_closing = false;
    std::array<bool, protocol::kTopicCount> m_subscribed{};

    std::deque<Queued> m_queue;
    qint64 m_pendingBytes = 0;
    quint64 m_nextSerial = 1;
    // Serial of the pending Delta of each state topic (0: none), so coalescing is O(1).
    std::array<quint64, protocol::kTopicCount> m_pendingDeltaSerial{};

    TokenBucket m_requests;
    int m_violations = 0;
    qint64 m_violationWindowStartMs = 0;

    qint64 m_connectedAtMs;
    qint64 m_lastActivityMs;
    qint64 m_lastPingMs;
    qint64 m_overLimitSinceMs = 0;

    quint64 m_messagesSent = 0;
    quint64 m_bytesSent = 0;
    quint64 m_dropped = 0;
    quint64 m_coalesced = 0;
    quint64 m_resyncs = 0;
};

} // namespace bw
