#include "app/RemoteSession.h"

#include "app/AppLog.h"
#include "app/RemoteJson.h"
#include "scanner/ScanReportJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace bw {

using protocol::Topic;

namespace {

QList<Topic> everyTopic()
{
    const auto &all = protocol::allTopics();
    return QList<Topic>(all.begin(), all.end());
}

bool sameEvent(const EngineEvent &a, const EngineEvent &b)
{
    return a.from == b.from && a.to == b.to && a.reason == b.reason && a.marketTimeMs == b.marketTimeMs;
}

// The server closes with these reasons when the token is wrong: trying again cannot help.
bool isAuthRefusal(int closeCode, const QString &reason)
{
    return closeCode == 1008 &&
           (reason.startsWith(u"authentication") || reason.startsWith(u"too many failed authentications"));
}

} // namespace

RemoteSession::RemoteSession(const QUrl &url, const QString &token, QObject *parent)
    : RemoteSession(url, token, false, parent)
{}

RemoteSession::RemoteSession(const QUrl &url, const QString &token, bool acceptAnyCertificate, QObject *parent)
    : WorkstationSession(parent)
    , m_url(url)
    , m_token(token)
    , m_acceptAnyCertificate(acceptAnyCertificate)
    , m_client(new RemoteClient(this))
    , m_reconnectTimer(new QTimer(this))
{
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, [this] {
        setState(ConnectionState::Reconnecting, tr("connecting to %1 (attempt %2)").arg(sourceName()).arg(m_attempt));
        m_client->open(m_url, m_token, everyTopic(), m_acceptAnyCertificate);
    });
    connect(m_client, &RemoteClient::ready, this, &RemoteSession::onReady);
    connect(m_client, &RemoteClient::disconnected, this, &RemoteSession::onDisconnected);
    connect(m_client, &RemoteClient::requestAcked, this, &RemoteSession::onAcked);
    connect(m_client, &RemoteClient::requestFailed, this, &RemoteSession::onFailed);
    connect(m_client, &RemoteClient::snapshotReceived, this, &RemoteSession::onSnapshot);
    connect(m_client, &RemoteClient::deltaReceived, this,
            [this](Topic topic, const QJsonObject &data, quint64) { onState(topic, data); });
    connect(m_client, &RemoteClient::eventReceived, this, [this](Topic topic, const QJsonObject &data, quint64 seq) {
        m_applied[std::size_t(protocol::topicIndex(topic))] = seq;
        onEvent(topic, data);
    });
    connect(m_client, &RemoteClient::resynced, this,
            [this](Topic topic, const QString &reason) { Q_EMIT resynced(protocol::topicName(topic), reason); });
    connect(m_client, &RemoteClient::roundTripMeasured, this, &WorkstationSession::latencyMeasured);
}

RemoteSession::~RemoteSession()
{
    m_client->disconnect(this);
}

QString RemoteSession::validateUrl(const QUrl &url)
{
    if (!url.isValid())
        return tr("'%1' is not a valid URL: %2").arg(url.toString(), url.errorString());
    if (url.scheme() != u"ws" && url.scheme() != u"wss")
        return tr("'%1' must start with ws:// or wss://").arg(url.toString(QUrl::RemoveUserInfo));
    if (url.host().isEmpty())
        return tr("'%1' names no host").arg(url.toString(QUrl::RemoveUserInfo));
    if (!url.userInfo().isEmpty() || url.hasQuery())
        return tr("'%1': the URL must not carry credentials or a query; give the token with --token-file or "
                  "BW_TOKEN")
            .arg(url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
    return {};
}

qint64 RemoteSession::reconnectDelayMs(int attempt, double jitter)
{
    const int doublings = std::clamp(attempt - 1, 0, 16);
    const qint64 base = std::min(kMaxReconnectMs, kMinReconnectMs << doublings);
    const double j = std::clamp(jitter, 0.0, 1.0);
    return std::max(kMinReconnectMs, base / 2 + static_cast<qint64>(double(base / 2) * j));
}

QString RemoteSession::sourceName() const
{
    return m_url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}

bool RemoteSession::isReconnectScheduled() const
{
    return m_reconnectTimer->isActive();
}

void RemoteSession::open()
{
    m_closing = false;
    m_authFailed = false;
    m_attempt = 0;
    m_reconnectTimer->stop();
    setState(ConnectionState::Connecting, tr("connecting to %1").arg(sourceName()));
    m_client->open(m_url, m_token, everyTopic(), m_acceptAnyCertificate);
}

void RemoteSession::close()
{
    m_closing = true;
    m_reconnectTimer->stop();
    if (m_client->state() == RemoteClient::State::Disconnected)
        setState(ConnectionState::Disconnected, tr("closed"));
    else
        m_client->close();
}

void RemoteSession::setState(ConnectionState state, const QString &detail)
{
    m_state = state;
    Q_EMIT connectionStateChanged(state, detail);
}

void RemoteSession::setControl(bool canControl)
{
    if (m_canControl == canControl)
        return;
    m_canControl = canControl;
    Q_EMIT controlChanged(canControl);
}

void RemoteSession::onReady(protocol::Role role)
{
    m_attempt = 0;
    m_everConnected = true;
    m_lastError.clear();
    setState(ConnectionState::Connected, tr("connected to %1 as %2").arg(sourceName(), protocol::roleName(role)));
    setControl(role == protocol::Role::Operator);
}

void RemoteSession::onDisconnected(int closeCode, const QString &reason)
{
    const QString error = m_client->errorString();
    setControl(false);
    failPending(tr("the connection to %1 was lost").arg(sourceName()));
    if (m_closing) {
        setState(ConnectionState::Disconnected, tr("closed"));
        return;
    }
    if (m_authFailed || isAuthRefusal(closeCode, reason)) {
        m_lastError = tr("authentication failed: %1").arg(error.isEmpty() ? reason : error);
        setState(ConnectionState::Disconnected, m_lastError);
        return;
    }
    m_lastError =
        error.isEmpty() ? (reason.isEmpty() ? tr("connection closed (code %1)").arg(closeCode) : reason) : error;
    scheduleReconnect(m_lastError);
}

void RemoteSession::scheduleReconnect(const QString &why)
{
    ++m_attempt;
    const qint64 delay = reconnectDelayMs(m_attempt, QRandomGenerator::global()->generateDouble());
    m_reconnectTimer->start(static_cast<int>(delay));
    setState(ConnectionState::Reconnecting,
             tr("%1; reconnecting in %2 s").arg(why).arg(double(delay) / 1000.0, 0, 'f', 1));
}

void RemoteSession::failPending(const QString &reason)
{
    const auto pending = std::exchange(m_pending, {});
    for (auto it = pending.cbegin(); it != pending.cend(); ++it)
        Q_EMIT commandFailed(it->command, reason);
    const auto awaiting = std::exchange(m_awaitingResults, {});
    for (const QString &command : awaiting)
        Q_EMIT commandFailed(command, reason);
}

void RemoteSession::sendCommand(protocol::RequestType type, const QJsonObject &args)
{
    const QString command = protocol::requestTypeName(type);
    if (m_client->state() != RemoteClient::State::Ready) {
        Q_EMIT commandFailed(command, tr("not connected to %1").arg(sourceName()));
        return;
    }
    m_pending.insert(m_client->sendCommand(type, args), Pending{command, {}});
}

void RemoteSession::startEngine()
{
    sendCommand(protocol::RequestType::EngineStart);
}

void RemoteSession::pauseEngine()
{
    sendCommand(protocol::RequestType::EnginePause);
}

void RemoteSession::resumeEngine()
{
    sendCommand(protocol::RequestType::EngineResume);
}

void RemoteSession::stopEngine()
{
    sendCommand(protocol::RequestType::EngineStop);
}

void RemoteSession::scanNow()
{
    sendCommand(protocol::RequestType::EngineScanNow);
}

void RemoteSession::selectPreset(const QString &name)
{
    sendCommand(protocol::RequestType::EnginePreset, {{QStringLiteral("name"), name}});
}

void RemoteSession::exportSnapshot()
{
    sendCommand(protocol::RequestType::SnapshotExport);
}

namespace {

// The server refuses a longer reason; the operator's words are cut rather than the command refused.
QJsonObject withReason(QJsonObject args, const QString &reason)
{
    if (!reason.isEmpty())
        args.insert(QStringLiteral("reason"), reason.left(protocol::kMaxReasonLength));
    return args;
}

} // namespace

void RemoteSession::closePosition(qint64 positionId, const QString &reason)
{
    sendCommand(protocol::RequestType::PositionClose, withReason({{QStringLiteral("id"), positionId}}, reason));
}

void RemoteSession::flattenAll(const QString &reason)
{
    sendCommand(protocol::RequestType::PositionsFlatten, withReason({}, reason));
}

void RemoteSession::haltTrading(const QString &reason)
{
    sendCommand(protocol::RequestType::RiskHalt, withReason({}, reason));
}

void RemoteSession::resetKillSwitch()
{
    sendCommand(protocol::RequestType::RiskReset);
}

void RemoteSession::requestCandles(const QString &symbol, int count)
{
    const QString command = protocol::requestTypeName(protocol::RequestType::Candles);
    if (m_client->state() != RemoteClient::State::Ready) {
        Q_EMIT commandFailed(command, tr("not connected to %1").arg(sourceName()));
        return;
    }
    m_pending.insert(m_client->requestCandles(symbol, std::clamp(count, 1, protocol::kMaxCandles)),
                     Pending{command, symbol});
}

void RemoteSession::selectSource(const FeedOptions &options)
{
    Q_UNUSED(options)
    Q_EMIT commandFailed(QStringLiteral("source.select"),
                         tr("the data source of a remote workstation cannot be changed from a viewer"));
}

void RemoteSession::onAcked(const QString &id, const QJsonObject &data)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return; // subscribe, snapshot: the client's own requests
    const Pending pending = *it;
    m_pending.erase(it);
    if (pending.command == u"candles") {
        QString error;
        const auto candles = RemoteJson::candlesFromJson(data, &error);
        if (!candles) {
            Q_EMIT commandFailed(pending.command, error);
            return;
        }
        Q_EMIT candlesReady(pending.symbol, *candles);
    } else if (pending.command == u"snapshot.export" || pending.command == u"position.close" ||
               pending.command == u"positions.flatten" || pending.command == u"risk.halt" ||
               pending.command == u"risk.reset") {
        // Accepted; the outcome (the written path, or the engine's refusal) arrives on the log topic,
        // quoting this id.
        m_awaitingResults.insert(id, pending.command);
    }
}

void RemoteSession::onFailed(const QString &id, const QString &code, const QString &message)
{
    if (m_client->state() != RemoteClient::State::Ready && (code == u"auth_failed" || code == u"auth_required"))
        m_authFailed = true;
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    if (pending.command == u"candles" && code == u"not_found") {
        Q_EMIT candlesReady(pending.symbol, {});
        return;
    }
    Q_EMIT commandFailed(pending.command, message);
}

void RemoteSession::onSnapshot(Topic topic, const QJsonObject &data, quint64 seq)
{
    const auto index = std::size_t(protocol::topicIndex(topic));
    if (protocol::isStateTopic(topic)) {
        if (!data.isEmpty())
            onState(topic, data);
        return;
    }
    // An event topic's sequence that went backwards means another server (or a restarted one): what the
    // views show is stale.
    if (seq < m_applied[index]) {
        m_applied.fill(0);
        forgetEngine();
        m_lastAlertMs = -1;
        Q_EMIT processChanged();
        Q_EMIT sourceChanged(sourceName());
    }
    // Only the events not shown yet: a resync or a reconnect must not repeat signals and orders.
    const QJsonArray recent = data.value(u"recent").toArray();
    for (const QJsonValue &value : recent) {
        const QJsonObject entry = value.toObject();
        const auto eventSeq = static_cast<quint64>(entry.value(u"seq").toInteger());
        if (eventSeq <= m_applied[index])
            continue;
        m_applied[index] = eventSeq;
        onEvent(topic, entry.value(u"data").toObject());
    }
    m_applied[index] = std::max(m_applied[index], seq);
}

void RemoteSession::forgetEngine()
{
    m_lastTransition.reset();
    m_lastScanId.clear();
    m_lastAccountMs = -1;
}

void RemoteSession::warnBadData(Topic topic, const QString &error)
{
    // Bounded: a server speaking another dialect must not flood the log.
    if (m_badDataWarnings < 20) {
        ++m_badDataWarnings;
        qCWarning(lcApp).noquote() << "remote:" << protocol::topicName(topic) << "ignored:" << error;
    }
}

void RemoteSession::onState(Topic topic, const QJsonObject &data)
{
    QString error;
    switch (topic) {
    case Topic::Engine: {
        const auto status = RemoteJson::engineStatusFromJson(data, &error);
        if (!status)
            return warnBadData(topic, error);
        if (data.contains(u"presets")) {
            QStringList presets;
            const QJsonArray names = data.value(u"presets").toArray();
            for (const QJsonValue &name : names)
                presets << name.toString();
            m_presets = presets;
        }
        // The server replaced its engine (a source switch; the connection, sequence numbers and process went
        // on): the views start afresh, before the new engine's first values. Alerts are the process's. Not the
        // source's name, which a feed refines as it loads ("Replay of x" -> "Replay of x (10 symbols)").
        const qint64 engineId = data.value(u"engineId").toInteger();
        if (m_engineId > 0 && engineId > 0 && engineId != m_engineId) {
            forgetEngine();
            Q_EMIT sourceChanged(sourceName());
        }
        m_engineId = engineId;
        m_activePreset = status->presetName;
        if (data.contains(u"transition")) {
            const auto event = RemoteJson::engineEventFromJson(data.value(u"transition").toObject(), &error);
            if (event && (!m_lastTransition || !sameEvent(*m_lastTransition, *event))) {
                m_lastTransition = event;
                Q_EMIT engineEvent(*event);
            }
        }
        Q_EMIT engineStatusChanged(*status);
        return;
    }
    case Topic::Scan: {
        const QString scanId = data.value(u"scan_id").toString();
        if (scanId == m_lastScanId)
            return; // the same report again (a resync or a reconnect)
        const auto report = ScanReportJson::fromJson(data, &error);
        if (!report)
            return warnBadData(topic, error);
        m_lastScanId = scanId;
        Q_EMIT scanFinished(std::make_shared<const ScanReport>(*report));
        return;
    }
    case Topic::Market: {
        const auto overview = RemoteJson::marketOverviewFromJson(data, &error);
        if (!overview)
            return warnBadData(topic, error);
        Q_EMIT overviewReady(*overview);
        return;
    }
    case Topic::Positions: {
        TradingUpdate update;
        const QJsonArray positions = data.value(u"positions").toArray();
        for (const QJsonValue &value : positions) {
            const auto position = RemoteJson::positionFromJson(value.toObject(), &error);
            if (!position)
                return warnBadData(topic, error);
            update.positions.append(*position);
        }
        Q_EMIT tradingUpdated(update);
        if (data.contains(u"account")) {
            const auto account = RemoteJson::accountFromJson(data.value(u"account").toObject(), &error);
            if (!account)
                return warnBadData(topic, error);
            if (account->timeMs != m_lastAccountMs) {
                m_lastAccountMs = account->timeMs;
                Q_EMIT accountUpdated(*account);
            }
        }
        return;
    }
    case Topic::Resources: {
        const auto sample = RemoteJson::resourceSampleFromJson(data, &error);
        if (!sample)
            return warnBadData(topic, error);
        Q_EMIT resourceSampled(*sample);
        const QJsonObject viewers = data.value(u"viewers").toObject();
        if (!viewers.isEmpty()) {
            if (const auto stats = RemoteJson::viewerStatsFromJson(viewers.value(u"totals").toObject(), &error))
                Q_EMIT viewersChanged(*stats);
        }
        const QJsonArray alerts = data.value(u"alerts").toArray();
        for (const QJsonValue &value : alerts) {
            const auto alert = RemoteJson::alertFromJson(value.toObject(), &error);
            if (alert && alert->timeMs > m_lastAlertMs) {
                m_lastAlertMs = alert->timeMs;
                Q_EMIT alertRaised(*alert);
            }
        }
        return;
    }
    case Topic::Caches: {
        QList<CacheStats> caches;
        const QJsonArray list = data.value(u"caches").toArray();
        for (const QJsonValue &value : list) {
            const auto cache = RemoteJson::cacheStatsFromJson(value.toObject(), &error);
            if (!cache)
                return warnBadData(topic, error);
            caches.append(*cache);
        }
        Q_EMIT cachesUpdated(caches);
        return;
    }
    case Topic::Signals:
    case Topic::Orders:
    case Topic::Pressure:
    case Topic::Log:
        return;
    }
}

void RemoteSession::onEvent(Topic topic, const QJsonObject &data)
{
    QString error;
    const QString kind = data.value(u"kind").toString();
    switch (topic) {
    case Topic::Signals:
        if (kind == u"decision") {
            const auto signal = RemoteJson::signalFromJson(data.value(u"signal").toObject(), &error);
            if (!signal)
                return warnBadData(topic, error);
            Q_EMIT signalDecided(*signal, data.value(u"entered").toBool(), data.value(u"code").toString(),
                                 data.value(u"reason").toString());
        } else {
            const auto signal = RemoteJson::signalFromJson(data, &error);
            if (!signal)
                return warnBadData(topic, error);
            Q_EMIT signalsGenerated({*signal});
        }
        return;
    case Topic::Orders: {
        TradingUpdate update;
        if (kind == u"fill") {
            const auto fill = RemoteJson::fillFromJson(data, &error);
            if (!fill)
                return warnBadData(topic, error);
            update.fills.append(*fill);
        } else if (kind == u"position") {
            const auto position = RemoteJson::positionFromJson(data, &error);
            if (!position)
                return warnBadData(topic, error);
            update.finished.append(*position);
        } else {
            const auto order = RemoteJson::orderFromJson(data, &error);
            if (!order)
                return warnBadData(topic, error);
            update.orders.append(*order);
        }
        Q_EMIT tradingUpdated(update);
        return;
    }
    case Topic::Pressure: {
        const auto action = RemoteJson::governorActionFromJson(data, &error);
        if (!action)
            return warnBadData(topic, error);
        Q_EMIT governorActed(*action);
        if (action->kind == GovernorActionKind::LevelChanged)
            Q_EMIT pressureChanged(action->level, action->reason);
        return;
    }
    case Topic::Log: {
        const auto line = RemoteJson::logLineFromJson(data, &error);
        if (!line)
            return warnBadData(topic, error);
        Q_EMIT logged(*line);
        if (kind == u"command_result") {
            const QString requestId = data.value(u"requestId").toVariant().toString();
            if (const auto it = m_awaitingResults.constFind(requestId); it != m_awaitingResults.cend()) {
                const QString command = *it;
                m_awaitingResults.erase(it);
                if (!data.value(u"ok").toBool())
                    Q_EMIT commandFailed(command, data.value(u"error").toString());
                else if (command == u"snapshot.export")
                    Q_EMIT snapshotExported(data.value(u"path").toString());
                // A trading command's effect shows in the positions and orders topics.
            }
        }
        return;
    }
    case Topic::Engine:
    case Topic::Scan:
    case Topic::Positions:
    case Topic::Resources:
    case Topic::Caches:
    case Topic::Market:
        return;
    }
}

} // namespace bw
