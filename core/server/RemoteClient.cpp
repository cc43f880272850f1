#include "server/RemoteClient.h"

#include "server/ServerLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QWebSocket>

namespace bw {
namespace {

constexpr int kPingIntervalMs = 5000;

QJsonArray topicNames(const QList<protocol::Topic> &topics)
{
    QJsonArray names;
    for (protocol::Topic topic : topics)
        names.append(protocol::topicName(topic));
    return names;
}

QString idText(const QJsonValue &id)
{
    return id.isString() ? id.toString() : QString::number(id.toInteger());
}

} // namespace

RemoteClient::RemoteClient(QObject *parent)
    : QObject(parent)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
    , m_pingTimer(new QTimer(this))
{
    m_pingTimer->setInterval(kPingIntervalMs);
    connect(m_pingTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Ready && m_pingId.isEmpty()) {
            m_pingSentMs = QDateTime::currentMSecsSinceEpoch();
            m_pingId = send(QStringLiteral("ping"), {});
        }
    });
    connect(m_socket, &QWebSocket::connected, this, [this] { setState(State::Authenticating); });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &RemoteClient::onText);
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        m_pingTimer->stop();
        const int code = static_cast<int>(m_socket->closeCode());
        const QString reason = m_socket->closeReason();
        if (m_errorString.isEmpty() && code != QWebSocketProtocol::CloseCodeNormal)
            m_errorString = reason.isEmpty() ? m_socket->errorString() : reason;
        setState(State::Disconnected);
        Q_EMIT disconnected(code, reason);
    });
}

RemoteClient::~RemoteClient()
{
    m_socket->disconnect(this);
    m_socket->abort();
}

void RemoteClient::open(const QUrl &url, const QString &token, const QList<protocol::Topic> &topics,
                        bool acceptAnyCertificate)
{
    m_socket->abort();
    m_token = token;
    m_topics = topics;
    m_role.reset();
    m_errorString.clear();
    m_seq.fill(0);
    m_awaitingSnapshot.fill(false);
    m_gaps = 0;
    m_pingId.clear();
    if (acceptAnyCertificate) {
        connect(
            m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &) { m_socket->ignoreSslErrors(); },
            Qt::UniqueConnection);
    }
    setState(State::Connecting);
    // The URL carries no credentials: anything in userinfo or the query is dropped.
    QUrl clean = url;
    clean.setUserInfo(QString());
    clean.setQuery(QString());
    m_socket->open(clean);
}

void RemoteClient::close()
{
    m_socket->close();
}

void RemoteClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QString RemoteClient::send(const QString &type, QJsonObject fields)
{
    const QString id = QStringLiteral("c%1").arg(m_nextId++);
    fields.insert(QStringLiteral("type"), type);
    fields.insert(QStringLiteral("id"), id);
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
    return id;
}

QString RemoteClient::sendCommand(protocol::RequestType command, const QJsonObject &args)
{
    return send(protocol::requestTypeName(command), {{QStringLiteral("args"), args}});
}

QString RemoteClient::requestSnapshot(const QList<protocol::Topic> &topics)
{
    for (protocol::Topic topic : topics)
        m_awaitingSnapshot[static_cast<std::size_t>(topic)] = true;
    return send(QStringLiteral("snapshot"), {{QStringLiteral("topics"), topicNames(topics)}});
}

QString RemoteClient::requestCandles(const QString &symbol, int count)
{
    return send(protocol::requestTypeName(protocol::RequestType::Candles),
                {{QStringLiteral("symbol"), symbol}, {QStringLiteral("count"), count}});
}

void RemoteClient::onText(const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(u"type").toString();
    const QJsonObject data = message.value(u"data").toObject();
    if (message.value(u"v").toInt() != protocol::kVersion) {
        qCWarning(lcServer) << "remote: ignoring a message of protocol version" << message.value(u"v").toInt();
        return;
    }
    if (type == protocol::type::hello) {
        send(QStringLiteral("auth"), {{QStringLiteral("token"), m_token}});
    } else if (type == protocol::type::authOk) {
        m_role = protocol::roleFromName(data.value(u"role").toString());
        setState(State::Ready);
        Q_EMIT ready(m_role.value_or(protocol::Role::Viewer));
        if (!m_topics.isEmpty()) {
            for (protocol::Topic topic : std::as_const(m_topics))
                m_awaitingSnapshot[static_cast<std::size_t>(topic)] = true;
            send(QStringLiteral("subscribe"), {{QStringLiteral("topics"), topicNames(m_topics)}});
        }
        m_pingTimer->start();
    } else if (type == protocol::type::ack) {
        Q_EMIT requestAcked(idText(data.value(u"id")), data);
    } else if (type == protocol::type::error) {
        const QString code = data.value(u"code").toString();
        const QString text = data.value(u"message").toString();
        if (m_state != State::Ready)
            m_errorString = text;
        Q_EMIT requestFailed(idText(data.value(u"id")), code, text);
    } else if (type == protocol::type::pong) {
        if (idText(data.value(u"id")) == m_pingId) {
            m_pingId.clear();
            Q_EMIT roundTripMeasured(QDateTime::currentMSecsSinceEpoch() - m_pingSentMs);
        }
    } else if (const auto topic = protocol::topicFromName(message.value(u"topic").toString())) {
        handleTopicMessage(type, *topic, static_cast<quint64>(message.value(u"seq").toInteger()), data);
    }
}

void RemoteClient::handleTopicMessage(const QString &type, protocol::Topic topic, quint64 seq, const QJsonObject &data)
{
    const auto index = static_cast<std::size_t>(topic);
    if (type == protocol::type::snapshot) {
        m_seq[index] = seq;
        m_awaitingSnapshot[index] = false;
        Q_EMIT snapshotReceived(topic, data, seq);
    } else if (type == protocol::type::resync) {
        m_awaitingSnapshot[index] = true;
        Q_EMIT resynced(topic, data.value(u"reason").toString());
    } else if (type == protocol::type::delta) {
        // Full values: an older one than what is shown is stale, a jump forward is coalescing.
        if (seq <= m_seq[index] && !m_awaitingSnapshot[index])
            return;
        m_seq[index] = seq;
        Q_EMIT deltaReceived(topic, data, seq);
    } else if (type == protocol::type::event) {
        if (m_awaitingSnapshot[index] || seq <= m_seq[index])
            return; // the snapshot on its way includes it, or it was already applied
        if (seq != m_seq[index] + 1) {
            ++m_gaps;
            qCInfo(lcServer) << "remote: gap on" << protocol::topicName(topic) << "expected" << m_seq[index] + 1
                             << "got" << seq << "- requesting a snapshot";
            requestSnapshot({topic});
            return;
        }
        m_seq[index] = seq;
        Q_EMIT eventReceived(topic, data, seq);
    }
}

} // namespace bw
