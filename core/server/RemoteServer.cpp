#include "server/RemoteServer.h"

#include "server/ServerLog.h"
#include "server/ServerToken.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QMetaMethod>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace bw {
namespace {

using protocol::ErrorCode;
using protocol::RequestType;
using protocol::Topic;
using Kind = OutgoingMessage::Kind;

QString tr(const char *text)
{
    return QCoreApplication::translate("bw::RemoteServer", text);
}

QByteArray readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    return file.readAll();
}

} // namespace

RemoteServer::RemoteServer(ServerConfig config, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_authLimiter(m_config.authFailureLimit, m_config.authFailureWindowMs, m_config.authBlockMs)
{}

RemoteServer::~RemoteServer()
{
    stop();
}

void RemoteServer::fail(const QString &reason)
{
    {
        QMutexLocker locker(&m_mutex);
        m_errorString = reason;
    }
    qCWarning(lcServer).noquote() << "remote server not started:" << reason;
    Q_EMIT startFailed(reason);
}

bool RemoteServer::setupTokens(QString *error)
{
    if (!m_config.tokens.isEmpty())
        return true;
    const QString token = ServerToken::generate();
    const QString path = m_config.tokenFilePath.isEmpty() ? ServerToken::defaultFilePath() : m_config.tokenFilePath;
    if (!ServerToken::writeFile(path, token, error))
        return false;
    m_config.tokens.insert(token, protocol::Role::Operator);
    QMutexLocker locker(&m_mutex);
    m_tokenFilePath = path;
    m_generatedToken = token;
    return true;
}

bool RemoteServer::start()
{
    if (m_server) {
        fail(tr("already started"));
        return false;
    }
    if (!m_config.bindAddress.isLoopback() && m_config.tokens.isEmpty()) {
        fail(tr("refusing to listen on %1 without configured tokens: set tokens or bind to a loopback address")
                 .arg(m_config.bindAddress.toString()));
        return false;
    }
    for (auto it = m_config.tokens.cbegin(); it != m_config.tokens.cend(); ++it) {
        if (it.key().size() < 16) {
            fail(tr("a configured token is shorter than 16 characters"));
            return false;
        }
    }
    const bool wantTls = !m_config.certificatePath.isEmpty() || !m_config.privateKeyPath.isEmpty();
    QSslConfiguration ssl;
    if (wantTls) {
        if (m_config.certificatePath.isEmpty() || m_config.privateKeyPath.isEmpty()) {
            fail(tr("TLS needs both a certificate and a private key"));
            return false;
        }
        if (!QSslSocket::supportsSsl()) {
            fail(tr("TLS requested but no TLS backend is available"));
            return false;
        }
        QString error;
        const QByteArray certPem = readFile(m_config.certificatePath, &error);
        if (!error.isEmpty()) {
            fail(error);
            return false;
        }
        const QByteArray keyPem = readFile(m_config.privateKeyPath, &error);
        if (!error.isEmpty()) {
            fail(error);
            return false;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
        if (chain.isEmpty() || chain.first().isNull()) {
            fail(tr("%1 holds no PEM certificate").arg(m_config.certificatePath));
            return false;
        }
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (key.isNull()) {
            fail(tr("%1 holds no unencrypted PEM RSA or EC private key").arg(m_config.privateKeyPath));
            return false;
        }
        ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificateChain(chain);
        ssl.setPrivateKey(key);
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    }

    QString tokenError;
    if (!setupTokens(&tokenError)) {
        fail(tokenError);
        return false;
    }

    m_server = new QWebSocketServer(m_config.serverName,
                                    wantTls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode, this);
    if (wantTls)
        m_server->setSslConfiguration(ssl);
    m_server->setHandshakeTimeout(m_config.handshakeTimeoutMs);
    m_server->setMaxPendingConnections(std::max(1, m_config.maxClients));
    connect(m_server, &QWebSocketServer::newConnection, this, &RemoteServer::onNewConnection);
    connect(m_server, &QWebSocketServer::serverError, this, [](QWebSocketProtocol::CloseCode code) {
        qCInfo(lcServer) << "handshake refused, close code" << static_cast<int>(code);
    });
    connect(m_server, &QWebSocketServer::sslErrors, this, [](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            qCInfo(lcServer).noquote() << "TLS error:" << error.errorString();
    });
    if (!m_server->listen(m_config.bindAddress, m_config.port)) {
        const QString reason =
            tr("cannot listen on %1:%2: %3")
                .arg(m_config.bindAddress.toString(), QString::number(m_config.port), m_server->errorString());
        delete m_server;
        m_server = nullptr;
        fail(reason);
        return false;
    }
    m_port.store(m_server->serverPort(), std::memory_order_release);
    m_listening.store(true, std::memory_order_release);

    m_housekeeping = new QTimer(this);
    m_housekeeping->setInterval(std::max(10, m_config.housekeepingIntervalMs));
    connect(m_housekeeping, &QTimer::timeout, this, &RemoteServer::housekeeping);
    m_housekeeping->start();
    m_lastStatsMs = m_clock.nowMs();

    const QString where = QStringLiteral("%1://%2:%3")
                              .arg(wantTls ? QStringLiteral("wss") : QStringLiteral("ws"),
                                   m_config.bindAddress.toString(), QString::number(port()));
    if (tokenFilePath().isEmpty())
        qCInfo(lcServer).noquote() << "remote server listening on" << where << "with" << m_config.tokens.size()
                                   << "configured tokens";
    else
        qCInfo(lcServer).noquote() << "remote server listening on" << where << "- operator token in" << tokenFilePath();
    Q_EMIT started(port());
    return true;
}

void RemoteServer::stop()
{
    if (!m_server)
        return;
    if (m_housekeeping) {
        m_housekeeping->stop();
        delete m_housekeeping;
        m_housekeeping = nullptr;
    }
    for (auto &[id, session] : m_sessions) {
        QWebSocket *socket = session->socket();
        socket->disconnect(this);
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, tr("server shutting down"));
        socket->abort();
        socket->deleteLater();
    }
    m_sessions.clear();
    m_clientCount.store(0, std::memory_order_release);
    m_server->close();
    delete m_server;
    m_server = nullptr;
    m_listening.store(false, std::memory_order_release);
    qCInfo(lcServer) << "remote server stopped";
}

bool RemoteServer::isSecure() const
{
    return !m_config.certificatePath.isEmpty() && !m_config.privateKeyPath.isEmpty();
}

QString RemoteServer::tokenFilePath() const
{
    QMutexLocker locker(&m_mutex);
    return m_tokenFilePath;
}

QString RemoteServer::generatedToken() const
{
    QMutexLocker locker(&m_mutex);
    return m_generatedToken;
}

QString RemoteServer::errorString() const
{
    QMutexLocker locker(&m_mutex);
    return m_errorString;
}

QList<ClientStats> RemoteServer::clientStats() const
{
    if (QThread::currentThread() == thread()) {
        QList<ClientStats> stats;
        const qint64 now = m_clock.nowMs();
        for (const auto &[id, session] : m_sessions)
            stats.append(session->stats(now));
        return stats;
    }
    QMutexLocker locker(&m_mutex);
    return m_statsCopy;
}

ClientSession *RemoteServer::session(quint64 clientId)
{
    const auto it = m_sessions.find(clientId);
    return it == m_sessions.end() ? nullptr : it->second.get();
}

void RemoteServer::refuse(QWebSocket *socket, QWebSocketProtocol::CloseCode code, const QString &reason)
{
    socket->setParent(this);
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    socket->close(code, reason);
    QTimer::singleShot(m_config.closeLingerMs, socket, &QWebSocket::abort);
}

void RemoteServer::onNewConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QWebSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        const qint64 now = m_clock.nowMs();
        const QString peer = socket->peerAddress().toString();
        if (m_authLimiter.isBlocked(peer, now)) {
            qCInfo(lcServer).noquote() << "refusing" << peer << "after repeated failed authentications";
            refuse(socket, QWebSocketProtocol::CloseCodePolicyViolated, tr("too many failed authentications"));
            continue;
        }
        if (static_cast<int>(m_sessions.size()) >= m_config.maxClients) {
            qCInfo(lcServer).noquote() << "refusing" << peer << "- server full," << m_config.maxClients << "clients";
            refuse(socket, QWebSocketProtocol::CloseCodePolicyViolated,
                   tr("server full (%1 clients)").arg(m_config.maxClients));
            continue;
        }
        socket->setParent(this);
        socket->setMaxAllowedIncomingFrameSize(static_cast<quint64>(m_config.maxIncomingFrameBytes));
        socket->setMaxAllowedIncomingMessageSize(static_cast<quint64>(m_config.maxIncomingMessageBytes));

        const quint64 id = m_nextClientId++;
        auto owned =
            std::make_unique<ClientSession>(id, socket, now, m_config.requestsPerSecond, m_config.requestBurst);
        ClientSession &newSession = *owned;
        m_sessions.emplace(id, std::move(owned));
        m_clientCount.store(static_cast<int>(m_sessions.size()), std::memory_order_release);

        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, id](const QString &message) { onTextMessage(id, message); });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, id](const QByteArray &) { onBinaryMessage(id); });
        connect(socket, &QWebSocket::disconnected, this, [this, id] { onDisconnected(id); });
        connect(socket, &QWebSocket::bytesWritten, this, [this, id](qint64) {
            if (ClientSession *client = session(id); client && !client->isClosing()) {
                client->pump(m_config.socketWatermarkBytes);
                client->updateCaughtUp();
            }
        });
        connect(socket, &QWebSocket::pong, this, [this, id](quint64, const QByteArray &) {
            if (ClientSession *client = session(id))
                client->touch(m_clock.nowMs());
        });
        QTimer::singleShot(m_config.authTimeoutMs, socket, [this, id] {
            ClientSession *client = session(id);
            if (client && !client->isAuthenticated() && !client->isClosing()) {
                qCInfo(lcServer).noquote() << "client" << id << client->peer() << "did not authenticate in time";
                closeSession(*client, QWebSocketProtocol::CloseCodePolicyViolated, tr("authentication timeout"));
            }
        });

        qCInfo(lcServer).noquote() << "client" << id << "connected from" << peer;
        QJsonObject hello;
        hello.insert(QStringLiteral("server"), m_config.serverName);
        hello.insert(QStringLiteral("protocol"), protocol::kVersion);
        hello.insert(QStringLiteral("authTimeoutMs"), m_config.authTimeoutMs);
        hello.insert(QStringLiteral("maxMessageBytes"), m_config.maxIncomingMessageBytes);
        QJsonArray topics;
        for (Topic topic : protocol::allTopics()) {
            topics.append(
                QJsonObject{{QStringLiteral("name"), protocol::topicName(topic)},
                            {QStringLiteral("kind"),
                             protocol::isStateTopic(topic) ? QStringLiteral("state") : QStringLiteral("event")}});
        }
        hello.insert(QStringLiteral("topics"), topics);
        sendControl(newSession, protocol::encodeControlMessage(protocol::type::hello, now, hello));
        Q_EMIT clientCountChanged(static_cast<int>(m_sessions.size()));
    }
}

void RemoteServer::onDisconnected(quint64 clientId)
{
    const auto it = m_sessions.find(clientId);
    if (it == m_sessions.end())
        return;
    QWebSocket *socket = it->second->socket();
    qCInfo(lcServer).noquote() << "client" << clientId << "disconnected, close code"
                               << static_cast<int>(socket->closeCode());
    // disconnected() can be emitted from inside close() or abort() while a caller up the stack still holds
    // the session: it is destroyed from the event loop, not here.
    std::shared_ptr<ClientSession> gone(it->second.release());
    m_sessions.erase(it);
    QMetaObject::invokeMethod(
        this, [gone] { Q_UNUSED(gone); }, Qt::QueuedConnection);
    socket->disconnect(this);
    socket->deleteLater();
    m_clientCount.store(static_cast<int>(m_sessions.size()), std::memory_order_release);
    Q_EMIT clientCountChanged(static_cast<int>(m_sessions.size()));
}

void RemoteServer::closeSession(ClientSession &session, QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (session.isClosing())
        return;
    session.markClosing();
    QWebSocket *socket = session.socket();
    socket->close(code, reason);
    // A peer that never completes the closing handshake (it stopped reading) is cut off.
    QTimer::singleShot(m_config.closeLingerMs, socket, &QWebSocket::abort);
}

void RemoteServer::sendControl(ClientSession &session, const QByteArray &utf8)
{
    if (session.isClosing())
        return;
    session.enqueue(OutgoingMessage::make(utf8, Kind::Control, Topic::Engine, m_clock.nowMs()), m_config.maxQueueBytes);
    session.pump(m_config.socketWatermarkBytes);
}

void RemoteServer::onBinaryMessage(quint64 clientId)
{
    ClientSession *client = session(clientId);
    if (!client || client->isClosing())
        return;
    const qint64 now = m_clock.nowMs();
    client->touch(now);
    if (!client->isAuthenticated()) {
        sendControl(*client, protocol::encodeError(now, {}, ErrorCode::AuthRequired,
                                                   tr("the first message must be an auth request (JSON text)")));
        m_authLimiter.recordFailure(client->peer(), now);
        closeSession(*client, QWebSocketProtocol::CloseCodePolicyViolated, tr("authentication required"));
        return;
    }
    sendControl(*client, protocol::encodeError(now, {}, ErrorCode::UnsupportedFrame,
                                               tr("binary frames are not part of the protocol; send JSON text")));
}

void RemoteServer::onTextMessage(quint64 clientId, const QString &message)
{
    ClientSession *client = session(clientId);
    if (!client || client->isClosing())
        return;
    const qint64 now = m_clock.nowMs();
    client->touch(now);
    const QByteArray utf8 = message.toUtf8();
    if (!client->isAuthenticated()) {
        handleAuth(*client, utf8);
        return;
    }
    if (!client->takeRequestToken(now)) {
        const int violations = client->recordRateViolation(now, m_config.rateViolationWindowMs);
        if (violations > m_config.maxRateViolations) {
            qCWarning(lcServer).noquote() << "client" << clientId << client->peer() << "closed for request flooding";
            closeSession(*client, QWebSocketProtocol::CloseCodePolicyViolated, tr("request rate abuse"));
            return;
        }
        // Echo the id when it is cheap to find; parsing is what the limit protects, so it is skipped.
        sendControl(*client, protocol::encodeError(
                                 now, {}, ErrorCode::RateLimited,
                                 tr("more than %1 requests per second; slow down").arg(m_config.requestsPerSecond)));
        return;
    }
    const auto parsed = protocol::parseRequest(utf8);
    if (const auto *error = std::get_if<protocol::RequestError>(&parsed)) {
        sendControl(*client, protocol::encodeError(now, error->id, error->code, error->message));
        return;
    }
    handleRequest(*client, std::get<protocol::Request>(parsed));
}

void RemoteServer::handleAuth(ClientSession &session, const QByteArray &utf8)
{
    const qint64 now = m_clock.nowMs();
    const auto parsed = protocol::parseRequest(utf8);
    const auto *request = std::get_if<protocol::Request>(&parsed);
    const auto reject = [&](ErrorCode code, const QString &message, const QJsonValue &id) {
        sendControl(session, protocol::encodeError(now, id, code, message));
        const bool blocked = m_authLimiter.recordFailure(session.peer(), now);
        qCInfo(lcServer).noquote() << "client" << session.id() << session.peer() << "failed to authenticate"
                                   << (blocked ? "(address now blocked)" : "");
        closeSession(session, QWebSocketProtocol::CloseCodePolicyViolated,
                     code == ErrorCode::AuthFailed ? tr("authentication failed") : tr("authentication required"));
    };
    if (!request) {
        const auto &error = std::get<protocol::RequestError>(parsed);
        reject(ErrorCode::AuthRequired, tr("the first message must be an auth request: %1").arg(error.message),
               error.id);
        return;
    }
    if (request->type != RequestType::Auth) {
        reject(ErrorCode::AuthRequired, tr("the first message must be an auth request"), request->id);
        return;
    }
    std::optional<protocol::Role> role;
    // Compare with every token so the time taken does not tell which one nearly matched.
    for (auto it = m_config.tokens.cbegin(); it != m_config.tokens.cend(); ++it) {
        if (ServerToken::equalConstantTime(it.key(), request->token))
            role = it.value();
    }
    if (!role) {
        reject(ErrorCode::AuthFailed, tr("unknown token"), request->id);
        return;
    }
    session.setRole(*role);
    m_authLimiter.recordSuccess(session.peer());
    qCInfo(lcServer).noquote() << "client" << session.id() << session.peer() << "authenticated as"
                               << protocol::roleName(*role);
    QJsonObject data;
    data.insert(QStringLiteral("id"), request->id);
    data.insert(QStringLiteral("role"), protocol::roleName(*role));
    data.insert(QStringLiteral("clientId"), static_cast<qint64>(session.id()));
    sendControl(session, protocol::encodeControlMessage(protocol::type::authOk, now, data));
}

void RemoteServer::handleRequest(ClientSession &session, const protocol::Request &request)
{
    const qint64 now = m_clock.nowMs();
    const auto topicNames = [](const QList<Topic> &topics) {
        QJsonArray names;
        for (Topic topic : topics)
            names.append(protocol::topicName(topic));
        return names;
    };
    switch (request.type) {
    case RequestType::Auth:
        sendControl(session, protocol::encodeError(now, request.id, ErrorCode::AlreadyAuthenticated,
                                                   tr("this connection is already authenticated")));
        return;
    case RequestType::Subscribe:
        for (Topic topic : request.topics)
            session.setSubscribed(topic, true);
        sendControl(session, protocol::encodeAck(now, request.id,
                                                 {{QStringLiteral("topics"), topicNames(session.subscribedTopics())}}));
        for (Topic topic : request.topics)
            sendSnapshot(session, topic);
        return;
    case RequestType::Unsubscribe:
        for (Topic topic : request.topics)
            session.setSubscribed(topic, false);
        sendControl(session, protocol::encodeAck(now, request.id,
                                                 {{QStringLiteral("topics"), topicNames(session.subscribedTopics())}}));
        return;
    case RequestType::Snapshot:
        sendControl(session,
                    protocol::encodeAck(now, request.id, {{QStringLiteral("topics"), topicNames(request.topics)}}));
        for (Topic topic : request.topics)
            sendSnapshot(session, topic);
        return;
    case RequestType::Ping:
        sendControl(session,
                    protocol::encodeControlMessage(protocol::type::pong, now, {{QStringLiteral("id"), request.id}}));
        return;
    case RequestType::EngineStart:
    case RequestType::EngineStop:
    case RequestType::EnginePause:
    case RequestType::EngineResume:
    case RequestType::SnapshotExport:
    case RequestType::EngineScanNow:
    case RequestType::EnginePreset:
    case RequestType::PositionClose:
    case RequestType::PositionsFlatten:
    case RequestType::RiskHalt:
    case RequestType::RiskReset: {
        const QString command = protocol::requestTypeName(request.type);
        if (session.role() != protocol::Role::Operator) {
            sendControl(session, protocol::encodeError(now, request.id, ErrorCode::Forbidden,
                                                       tr("'%1' needs the operator role").arg(command)));
            return;
        }
        if (!isSignalConnected(QMetaMethod::fromSignal(&RemoteServer::commandReceived))) {
            sendControl(session, protocol::encodeError(now, request.id, ErrorCode::Unavailable,
                                                       tr("no engine is attached to this server")));
            return;
        }
        bool available = true;
        {
            QMutexLocker locker(&m_mutex);
            available = !m_availableCommands || m_availableCommands->contains(command);
        }
        if (!available) {
            sendControl(session,
                        protocol::encodeError(now, request.id, ErrorCode::Unavailable,
                                              tr("the engine of this server does not support '%1'").arg(command)));
            return;
        }
        qCInfo(lcServer).noquote() << "client" << session.id() << "command" << command;
        sendControl(session,
                    protocol::encodeAck(now, request.id,
                                        {{QStringLiteral("command"), command}, {QStringLiteral("accepted"), true}}));
        Q_EMIT commandReceived(command, request.args, session.id(), request.id);
        return;
    }
    case RequestType::Candles:
        if (!isSignalConnected(QMetaMethod::fromSignal(&RemoteServer::candlesRequested))) {
            sendControl(session, protocol::encodeError(now, request.id, ErrorCode::Unavailable,
                                                       tr("no engine is attached to this server")));
            return;
        }
        Q_EMIT candlesRequested(request.symbol, request.count, session.id(), request.id);
        return;
    }
}

void RemoteServer::setAvailableCommands(const QStringList &commands)
{
    QMutexLocker locker(&m_mutex);
    m_availableCommands = commands;
}

void RemoteServer::replyToRequest(quint64 clientId, const QJsonValue &requestId, const QJsonObject &data)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this, [this, clientId, requestId, data] { replyToRequest(clientId, requestId, data); },
            Qt::QueuedConnection);
        return;
    }
    if (ClientSession *client = session(clientId))
        sendControl(*client, protocol::encodeAck(m_clock.nowMs(), requestId, data));
}

void RemoteServer::failRequest(quint64 clientId, const QJsonValue &requestId, protocol::ErrorCode code,
                               const QString &message)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this, [this, clientId, requestId, code, message] { failRequest(clientId, requestId, code, message); },
            Qt::QueuedConnection);
        return;
    }
    if (ClientSession *client = session(clientId))
        sendControl(*client, protocol::encodeError(m_clock.nowMs(), requestId, code, message));
}

QByteArray RemoteServer::snapshotBytes(Topic topic)
{
    TopicState &state = m_topics[static_cast<std::size_t>(protocol::topicIndex(topic))];
    if (state.snapshotCacheSeq != state.seq) {
        QJsonObject data;
        if (protocol::isStateTopic(topic)) {
            data = state.latest;
        } else {
            QJsonArray recent;
            for (const QJsonObject &event : state.recent)
                recent.append(event);
            data.insert(QStringLiteral("recent"), recent);
        }
        const qint64 ts = state.seq == 0 ? m_clock.nowMs() : state.lastTsMs;
        state.snapshotCache = protocol::encodeTopicMessage(protocol::type::snapshot, topic, state.seq, ts, data);
        state.snapshotCacheSeq = state.seq;
    }
    return state.snapshotCache;
}

void RemoteServer::sendSnapshot(ClientSession &session, Topic topic)
{
    if (session.isClosing())
        return;
    session.enqueue(OutgoingMessage::make(snapshotBytes(topic), Kind::Snapshot, topic, m_clock.nowMs()),
                    m_config.maxQueueBytes, true);
    session.pump(m_config.socketWatermarkBytes);
}

void RemoteServer::resync(ClientSession &session)
{
    const qint64 now = m_clock.nowMs();
    const int dropped = session.dropTopicMessages();
    // Logged once per episode: a stalled client overflows again at every publish until it catches up or
    // is disconnected.
    if (session.overLimitSinceMs() == 0)
        qCInfo(lcServer).noquote() << "client" << session.id() << session.peer() << "queue over"
                                   << m_config.maxQueueBytes << "bytes: dropped" << dropped << "messages, resync";
    session.noteOverflow(now, dropped);
    for (Topic topic : session.subscribedTopics()) {
        const TopicState &state = m_topics[static_cast<std::size_t>(protocol::topicIndex(topic))];
        QJsonObject data;
        data.insert(QStringLiteral("reason"), QStringLiteral("queue_overflow"));
        data.insert(QStringLiteral("seq"), static_cast<qint64>(state.seq));
        session.enqueue(
            OutgoingMessage::make(protocol::encodeTopicMessage(protocol::type::resync, topic, state.seq, now, data),
                                  Kind::Resync, topic, now),
            m_config.maxQueueBytes, true);
        session.enqueue(OutgoingMessage::make(snapshotBytes(topic), Kind::Snapshot, topic, now), m_config.maxQueueBytes,
                        true);
    }
    session.pump(m_config.socketWatermarkBytes);
}

void RemoteServer::publish(Topic topic, const QJsonObject &data)
{
    if (QThread::currentThread() == thread()) {
        publishNow(topic, data);
        return;
    }
    if (protocol::isStateTopic(topic)) {
        // Latest value wins: a burst of state publishes costs the server thread one message.
        bool schedule = false;
        {
            QMutexLocker locker(&m_mutex);
            auto &pending = m_pendingState[static_cast<std::size_t>(protocol::topicIndex(topic))];
            schedule = !pending.has_value();
            pending = data;
        }
        if (schedule)
            QMetaObject::invokeMethod(
                this, [this, topic] { flushPendingState(topic); }, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(
        this, [this, topic, data] { publishNow(topic, data); }, Qt::QueuedConnection);
}

void RemoteServer::flushPendingState(Topic topic)
{
    std::optional<QJsonObject> data;
    {
        QMutexLocker locker(&m_mutex);
        data.swap(m_pendingState[static_cast<std::size_t>(protocol::topicIndex(topic))]);
    }
    if (data)
        publishNow(topic, *data);
}

void RemoteServer::publishNow(Topic topic, const QJsonObject &data)
{
    TopicState &state = m_topics[static_cast<std::size_t>(protocol::topicIndex(topic))];
    const qint64 now = m_clock.nowMs();
    ++state.seq;
    state.lastTsMs = now;
    const bool isState = protocol::isStateTopic(topic);
    if (isState) {
        state.latest = data;
    } else {
        state.recent.push_back(QJsonObject{{QStringLiteral("seq"), static_cast<qint64>(state.seq)},
                                           {QStringLiteral("ts"), now},
                                           {QStringLiteral("data"), data}});
        while (static_cast<int>(state.recent.size()) > std::max(0, m_config.eventHistory))
            state.recent.pop_front();
    }
    if (m_sessions.empty())
        return;
    // Serialised once; every client queue shares the same implicitly shared text.
    const OutgoingMessage message =
        OutgoingMessage::make(protocol::encodeTopicMessage(isState ? protocol::type::delta : protocol::type::event,
                                                           topic, state.seq, now, data),
                              isState ? Kind::Delta : Kind::Event, topic, now);
    for (auto &[id, session] : m_sessions) {
        if (session->isClosing() || !session->isAuthenticated() || !session->isSubscribed(topic))
            continue;
        if (session->enqueue(message, m_config.maxQueueBytes) == ClientSession::EnqueueResult::Overflow)
            resync(*session);
        else
            session->pump(m_config.socketWatermarkBytes);
    }
}

void RemoteServer::clearTopics(const QList<Topic> &topics)
{
    {
        // A value another thread published just before is the old source's too.
        QMutexLocker locker(&m_mutex);
        for (Topic topic : topics)
            m_pendingState[static_cast<std::size_t>(protocol::topicIndex(topic))].reset();
    }
    for (Topic topic : topics) {
        TopicState &state = m_topics[static_cast<std::size_t>(protocol::topicIndex(topic))];
        state.latest = {};
        state.recent.clear();
        state.snapshotCache.clear();
        state.snapshotCacheSeq = ~quint64(0); // the cached snapshot (same seq) holds the old value
        for (auto &[id, session] : m_sessions)
            session->sealPendingDelta(topic);
    }
}

void RemoteServer::housekeeping()
{
    const qint64 now = m_clock.nowMs();
    std::vector<ClientSession *> toClose;
    std::vector<ClientSession *> idle;
    for (auto &[id, session] : m_sessions) {
        if (session->isClosing())
            continue;
        session->pump(m_config.socketWatermarkBytes);
        session->updateCaughtUp();
        if (session->overLimitSinceMs() != 0 && now - session->overLimitSinceMs() >= m_config.overflowGraceMs)
            toClose.push_back(session.get());
        else if (now - session->lastActivityMs() >= m_config.idleTimeoutMs)
            idle.push_back(session.get());
        else if (now - session->lastPingMs() >= m_config.pingIntervalMs) {
            session->socket()->ping();
            session->setLastPingMs(now);
        }
    }
    for (ClientSession *session : toClose) {
        qCWarning(lcServer).noquote() << "client" << session->id() << session->peer()
                                      << "disconnected: over its queue limit for" << m_config.overflowGraceMs << "ms";
        closeSession(*session, QWebSocketProtocol::CloseCodePolicyViolated,
                     tr("slow consumer: outbound queue over its limit for %1 ms").arg(m_config.overflowGraceMs));
    }
    for (ClientSession *session : idle) {
        qCInfo(lcServer).noquote() << "client" << session->id() << session->peer() << "idle, closing";
        closeSession(*session, QWebSocketProtocol::CloseCodeGoingAway,
                     tr("idle for %1 ms").arg(m_config.idleTimeoutMs));
    }
    refreshStats(now - m_lastStatsMs >= m_config.statsIntervalMs);
}

void RemoteServer::refreshStats(bool emitSignal)
{
    const qint64 now = m_clock.nowMs();
    QList<ClientStats> stats;
    stats.reserve(static_cast<qsizetype>(m_sessions.size()));
    for (const auto &[id, session] : m_sessions)
        stats.append(session->stats(now));
    if (emitSignal) {
        m_lastStatsMs = now;
        QJsonArray clients;
        qint64 queued = 0;
        quint64 dropped = 0;
        quint64 resyncs = 0;
        qint64 maxLag = 0;
        for (const ClientStats &client : stats) {
            clients.append(client.toJson());
            queued += client.queuedBytes;
            dropped += client.dropped;
            resyncs += client.resyncs;
            maxLag = std::max(maxLag, client.lagMs);
        }
        QJsonObject totals{{QStringLiteral("clients"), static_cast<qint64>(stats.size())},
                           {QStringLiteral("queuedBytes"), queued},
                           {QStringLiteral("dropped"), static_cast<qint64>(dropped)},
                           {QStringLiteral("resyncs"), static_cast<qint64>(resyncs)},
                           {QStringLiteral("maxLagMs"), maxLag},
                           {QStringLiteral("maxQueueBytes"), m_config.maxQueueBytes}};
        Q_EMIT statsUpdated(QJsonObject{{QStringLiteral("clients"), clients}, {QStringLiteral("totals"), totals}});
    }
    QMutexLocker locker(&m_mutex);
    m_statsCopy = std::move(stats);
}

} // namespace bw
