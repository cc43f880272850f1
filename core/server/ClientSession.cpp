#include "server/ClientSession.h"

#include <QJsonArray>
#include <QWebSocket>

namespace bw {

QJsonObject ClientStats::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), static_cast<qint64>(id));
    object.insert(QStringLiteral("peer"), peer);
    object.insert(QStringLiteral("authenticated"), authenticated);
    object.insert(QStringLiteral("role"), role);
    object.insert(QStringLiteral("topics"), QJsonArray::fromStringList(topics));
    object.insert(QStringLiteral("queuedBytes"), queuedBytes);
    object.insert(QStringLiteral("queuedMessages"), queuedMessages);
    object.insert(QStringLiteral("lagMs"), lagMs);
    object.insert(QStringLiteral("messagesSent"), static_cast<qint64>(messagesSent));
    object.insert(QStringLiteral("bytesSent"), static_cast<qint64>(bytesSent));
    object.insert(QStringLiteral("dropped"), static_cast<qint64>(dropped));
    object.insert(QStringLiteral("coalesced"), static_cast<qint64>(coalesced));
    object.insert(QStringLiteral("resyncs"), static_cast<qint64>(resyncs));
    object.insert(QStringLiteral("connectedAtMs"), connectedAtMs);
    object.insert(QStringLiteral("overLimitSinceMs"), overLimitSinceMs);
    return object;
}

OutgoingMessage OutgoingMessage::make(const QByteArray &utf8, Kind kind, protocol::Topic topic, qint64 nowMs)
{
    return OutgoingMessage{QString::fromUtf8(utf8), utf8.size(), kind, topic, nowMs};
}

ClientSession::ClientSession(quint64 id, QWebSocket *socket, qint64 nowMs, double requestsPerSecond, int requestBurst)
    : m_id(id)
    , m_socket(socket)
    , m_peer(socket->peerAddress().toString())
    , m_requests(requestsPerSecond, requestBurst, nowMs)
    , m_connectedAtMs(nowMs)
    , m_lastActivityMs(nowMs)
    , m_lastPingMs(nowMs)
{}

void ClientSession::markClosing()
{
    m_closing = true;
    m_queue.clear();
    m_pendingBytes = 0;
    m_pendingDeltaSerial.fill(0);
}

QList<protocol::Topic> ClientSession::subscribedTopics() const
{
    QList<protocol::Topic> topics;
    for (protocol::Topic topic : protocol::allTopics()) {
        if (isSubscribed(topic))
            topics.append(topic);
    }
    return topics;
}

ClientSession::EnqueueResult ClientSession::enqueue(const OutgoingMessage &message, qint64 maxQueueBytes, bool force)
{
    using Kind = OutgoingMessage::Kind;
    if (message.kind == Kind::Delta) {
        const quint64 serial = m_pendingDeltaSerial[protocolIndex(message.topic)];
        if (serial != 0 && !m_queue.empty()) {
            Queued &pending = m_queue[static_cast<std::size_t>(serial - m_queue.front().serial)];
            m_pendingBytes += message.bytes - pending.message.bytes;
            const qint64 firstQueuedMs = pending.message.enqueuedMs;
            pending.message = message;
            // Lag is about how long the client has been behind on this topic, not the age of this value.
            pending.message.enqueuedMs = firstQueuedMs;
            ++m_coalesced;
            return EnqueueResult::Coalesced;
        }
    }
    if (!force && message.kind != Kind::Control && queuedBytes() + message.bytes > maxQueueBytes)
        return EnqueueResult::Overflow;
    const quint64 serial = m_nextSerial++;
    m_queue.push_back(Queued{message, serial});
    m_pendingBytes += message.bytes;
    if (message.kind == Kind::Delta)
        m_pendingDeltaSerial[protocolIndex(message.topic)] = serial;
    return EnqueueResult::Queued;
}

int ClientSession::dropTopicMessages()
{
    std::deque<Queued> kept;
    int dropped = 0;
    for (Queued &queued : m_queue) {
        if (queued.message.kind == OutgoingMessage::Kind::Control)
            kept.push_back(std::move(queued));
        else
            ++dropped;
    }
    // Renumber so that serials stay contiguous from the front (the coalescing index relies on it).
    m_queue.clear();
    m_pendingBytes = 0;
    for (Queued &queued : kept) {
        queued.serial = m_nextSerial++;
        m_pendingBytes += queued.message.bytes;
        m_queue.push_back(std::move(queued));
    }
    m_pendingDeltaSerial.fill(0);
    return dropped;
}

void ClientSession::pump(qint64 watermarkBytes)
{
    using Kind = OutgoingMessage::Kind;
    while (!m_queue.empty() && m_socket->bytesToWrite() < watermarkBytes) {
        Queued queued = std::move(m_queue.front());
        m_queue.pop_front();
        m_pendingBytes -= queued.message.bytes;
        const std::size_t topic = protocolIndex(queued.message.topic);
        if (queued.message.kind == Kind::Delta && m_pendingDeltaSerial[topic] == queued.serial)
            m_pendingDeltaSerial[topic] = 0;
        // Updates for a topic unsubscribed since they were queued are of no use to the client.
        if ((queued.message.kind == Kind::Delta || queued.message.kind == Kind::Event) &&
            !isSubscribed(queued.message.topic))
            continue;
        m_socket->sendTextMessage(queued.message.text);
        ++m_messagesSent;
        m_bytesSent += static_cast<quint64>(queued.message.bytes);
    }
}

qint64 ClientSession::queuedBytes() const
{
    return m_socket->bytesToWrite() + m_pendingBytes;
}

void ClientSession::noteOverflow(qint64 nowMs, int dropped)
{
    if (m_overLimitSinceMs == 0)
        m_overLimitSinceMs = nowMs;
    m_dropped += static_cast<quint64>(dropped);
    ++m_resyncs;
}

void ClientSession::updateCaughtUp()
{
    if (m_overLimitSinceMs != 0 && m_queue.empty() && m_socket->bytesToWrite() == 0)
        m_overLimitSinceMs = 0;
}

int ClientSession::recordRateViolation(qint64 nowMs, qint64 windowMs)
{
    if (nowMs - m_violationWindowStartMs > windowMs) {
        m_violationWindowStartMs = nowMs;
        m_violations = 0;
    }
    return ++m_violations;
}

ClientStats ClientSession::stats(qint64 nowMs) const
{
    ClientStats stats;
    stats.id = m_id;
    stats.peer = m_peer;
    stats.authenticated = isAuthenticated();
    stats.role = m_role ? protocol::roleName(*m_role) : QString();
    for (protocol::Topic topic : subscribedTopics())
        stats.topics.append(protocol::topicName(topic));
    stats.queuedBytes = queuedBytes();
    stats.queuedMessages = queuedMessages();
    stats.lagMs = m_queue.empty() ? 0 : std::max<qint64>(0, nowMs - m_queue.front().message.enqueuedMs);
    stats.messagesSent = m_messagesSent;
    stats.bytesSent = m_bytesSent;
    stats.dropped = m_dropped;
    stats.coalesced = m_coalesced;
    stats.resyncs = m_resyncs;
    stats.connectedAtMs = m_connectedAtMs;
    stats.overLimitSinceMs = m_overLimitSinceMs;
    return stats;
}

} // namespace bw
