#include "app/RemoteBridge.h"

#include "app/AppLog.h"
#include "app/EngineCandleReader.h"
#include "app/LogCapture.h"
#include "app/RemoteJson.h"
#include "app/SnapshotExport.h"
#include "common/CacheRegistry.h"
#include "engine/Engine.h"
#include "monitor/MemorySnapshot.h"
#include "monitor/PressureGovernor.h"
#include "monitor/ResourceMonitor.h"
#include "scanner/PresetLoader.h"
#include "scanner/ScanReportJson.h"
#include "server/RemoteServer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace bw {

using protocol::Topic;

namespace {
constexpr int kCachesIntervalMs = 1000;

bool isTradingCommand(const QString &command)
{
    return command == u"position.close" || command == u"positions.flatten" || command == u"risk.halt" ||
           command == u"risk.reset";
}

} // namespace

RemoteBridge::RemoteBridge(RemoteServer *server, Engine *engine, ResourceMonitor *monitor, PressureGovernor *governor,
                           QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_engine(engine)
    , m_presets(PresetLoader::availablePresetNames())
    , m_marketTimer(new QTimer(this))
{
    // Every connection crosses threads (engine -> server), so each is queued with this bridge as context.
    connect(engine, &Engine::stateChanged, this, &RemoteBridge::onEngineEvent);
    connect(engine, &Engine::statusChanged, this, &RemoteBridge::onStatus);
    connect(engine, &Engine::scanFinished, this, &RemoteBridge::onScan);
    connect(engine, &Engine::signalsGenerated, this, &RemoteBridge::onSignals);
    connect(engine, &Engine::signalDecided, this, &RemoteBridge::onSignalDecided);
    connect(engine, &Engine::tradingUpdated, this, &RemoteBridge::onTrading);
    connect(engine, &Engine::accountUpdated, this, &RemoteBridge::onAccount);
    connect(engine, &Engine::overviewReady, this, &RemoteBridge::onOverview);
    if (monitor) {
        connect(monitor, &ResourceMonitor::sampled, this, &RemoteBridge::onSample);
        connect(monitor, &ResourceMonitor::alertRaised, this, &RemoteBridge::onAlert);
        // The monitor is the process's and outlives engines: a bridge built after a source switch starts
        // with the alerts already raised (an episode still going on is not raised again). Read after
        // connecting, so that none falls in between; onAlert drops one that comes both ways.
        const QList<AlertEvent> raised = monitor->alerts();
        for (const AlertEvent &alert : raised)
            onAlert(alert);
    }
    if (governor)
        connect(governor, &PressureGovernor::actionTaken, this, &RemoteBridge::onGovernorAction);
    connect(server, &RemoteServer::statsUpdated, this, &RemoteBridge::onServerStats);
    connect(server, &RemoteServer::commandReceived, this, &RemoteBridge::onCommand);
    // The log topic carries the process's log lines (rate-limited by the capture), delivered on this thread.
    m_log = new LogCapture(this);
    connect(m_log, &LogCapture::lineCaptured, this, &RemoteBridge::publishLog);

    server->setAvailableCommands(
        {QStringLiteral("engine.start"), QStringLiteral("engine.stop"), QStringLiteral("engine.pause"),
         QStringLiteral("engine.resume"), QStringLiteral("engine.scan_now"), QStringLiteral("engine.preset"),
         QStringLiteral("snapshot.export"), QStringLiteral("position.close"), QStringLiteral("positions.flatten"),
         QStringLiteral("risk.halt"), QStringLiteral("risk.reset")});
    // A command the engine refuses (scan now while one runs, an unknown preset) is answered on the log topic.
    // The trading commands' outcomes are published by runTradingCommand, with the request id.
    connect(engine, &Engine::commandRefused, this, [this](const QString &command, const QString &reason) {
        if (isTradingCommand(command))
            return;
        publishCommandResult(QtWarningMsg, QStringLiteral("%1 refused: %2").arg(command, reason),
                             QJsonObject{{QStringLiteral("command"), command},
                                         {QStringLiteral("ok"), false},
                                         {QStringLiteral("error"), reason}});
    });

    // Candles are read where the market store lives (the engine thread) and come back queued.
    m_candles = new EngineCandleReader(engine);
    m_candles->moveToThread(engine->thread());
    connect(this, &RemoteBridge::candlesWanted, m_candles, &EngineCandleReader::read);
    connect(m_candles, &EngineCandleReader::candlesRead, this, &RemoteBridge::onCandlesRead);
    connect(server, &RemoteServer::candlesRequested, this,
            [this](const QString &symbol, int count, quint64 clientId, const QJsonValue &requestId) {
                Q_EMIT candlesWanted(symbol, count, clientId, requestId);
            });

    m_marketTimer->setSingleShot(true);
    connect(m_marketTimer, &QTimer::timeout, this, &RemoteBridge::publishMarket);

    auto *cacheTimer = new QTimer(this);
    cacheTimer->setInterval(kCachesIntervalMs);
    connect(cacheTimer, &QTimer::timeout, this, &RemoteBridge::publishCaches);
    cacheTimer->start();
}

RemoteBridge::~RemoteBridge()
{
    // The reader lives on the engine thread: it goes there, after any read it is doing. A thread that
    // never ran (or has finished) runs nothing any more, so the reader can go at once.
    QThread *thread = m_candles->thread();
    if (thread && thread->isRunning())
        m_candles->deleteLater();
    else
        delete m_candles;
}

QList<Topic> RemoteBridge::engineTopics()
{
    return {Topic::Engine, Topic::Scan, Topic::Positions, Topic::Market, Topic::Signals, Topic::Orders};
}

QJsonObject RemoteBridge::engineStatusJson(const EngineStatus &s)
{
    return RemoteJson::engineStatusToJson(s);
}

QJsonObject RemoteBridge::positionJson(const Position &p)
{
    return RemoteJson::positionToJson(p);
}

void RemoteBridge::onEngineEvent(const EngineEvent &event)
{
    // The engine logs its own transitions (they reach the log topic through the capture); here they only
    // complete the engine topic's value.
    m_lastTransition = event;
    if (m_lastStatus) {
        EngineStatus status = *m_lastStatus;
        status.state = event.to;
        status.lastReason = event.reason;
        onStatus(status);
    }
}

void RemoteBridge::onStatus(const EngineStatus &status)
{
    m_lastStatus = status;
    QJsonObject data = RemoteJson::engineStatusToJson(status, m_lastTransition, m_presets);
    if (m_engineId > 0)
        data.insert(QStringLiteral("engineId"), m_engineId);
    m_server->publish(Topic::Engine, data);
}

void RemoteBridge::onScan(const ScanReportPtr &report)
{
    if (report)
        m_server->publish(Topic::Scan, ScanReportJson::toJson(*report, ScanReportJson::Rejections::Summary));
}

void RemoteBridge::onSignals(const QList<Signal> &signalList)
{
    for (const Signal &s : signalList) {
        QJsonObject data = RemoteJson::signalToJson(s);
        data.insert(QStringLiteral("kind"), QStringLiteral("signal"));
        m_server->publish(Topic::Signals, data);
    }
}

void RemoteBridge::onSignalDecided(const Signal &signal, bool entered, const QString &code, const QString &reason)
{
    m_server->publish(Topic::Signals, QJsonObject{
                                          {QStringLiteral("kind"), QStringLiteral("decision")},
                                          {QStringLiteral("signal"), RemoteJson::signalToJson(signal)},
                                          {QStringLiteral("entered"), entered},
                                          {QStringLiteral("code"), code},
                                          {QStringLiteral("reason"), reason},
                                      });
}

void RemoteBridge::onTrading(const TradingUpdate &update)
{
    for (const Order &o : update.orders)
        m_server->publish(Topic::Orders, RemoteJson::orderToJson(o));
    for (const Fill &f : update.fills)
        m_server->publish(Topic::Orders, RemoteJson::fillToJson(f));
    // A finished position leaves the positions topic's book; its final state is an event, so no viewer
    // misses how it ended.
    for (const Position &p : update.finished) {
        QJsonObject data = RemoteJson::positionToJson(p);
        data.insert(QStringLiteral("kind"), QStringLiteral("position"));
        m_server->publish(Topic::Orders, data);
    }
    if (update.positions.isEmpty() && update.finished.isEmpty())
        return;
    for (const Position &p : update.positions) {
        if (p.isLive())
            m_openPositions.insert(p.id, p);
        else
            m_openPositions.remove(p.id);
    }
    for (const Position &p : update.finished)
        m_openPositions.remove(p.id);
    publishPositions();
}

void RemoteBridge::onAccount(const AccountSnapshot &account)
{
    m_account = account;
    publishPositions();
}

void RemoteBridge::publishPositions()
{
    QJsonArray positions;
    for (const Position &p : std::as_const(m_openPositions))
        positions.append(RemoteJson::positionToJson(p));
    QJsonObject data{{QStringLiteral("positions"), positions}};
    if (m_account)
        data.insert(QStringLiteral("account"), RemoteJson::accountToJson(*m_account));
    m_server->publish(Topic::Positions, data);
}

void RemoteBridge::onOverview(const MarketOverview &overview)
{
    m_pendingOverview = overview;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 wait = m_lastMarketMs + kMarketIntervalMs - now;
    if (wait <= 0)
        publishMarket();
    else if (!m_marketTimer->isActive())
        m_marketTimer->start(static_cast<int>(wait));
}

void RemoteBridge::publishMarket()
{
    if (!m_pendingOverview)
        return;
    m_lastMarketMs = QDateTime::currentMSecsSinceEpoch();
    m_server->publish(Topic::Market, RemoteJson::marketOverviewToJson(*m_pendingOverview));
    m_pendingOverview.reset();
}

void RemoteBridge::onSample(const ResourceSample &sample)
{
    QJsonObject data = RemoteJson::resourceSampleToJson(sample);
    if (!m_lastServerStats.isEmpty())
        data.insert(QStringLiteral("viewers"), m_lastServerStats);
    if (!m_recentAlerts.empty()) {
        QJsonArray alerts;
        for (const QJsonObject &alert : m_recentAlerts)
            alerts.append(alert);
        data.insert(QStringLiteral("alerts"), alerts);
    }
    m_server->publish(Topic::Resources, data);
}

void RemoteBridge::onAlert(const AlertEvent &alert)
{
    QJsonObject json = RemoteJson::alertToJson(alert);
    if (std::find(m_recentAlerts.cbegin(), m_recentAlerts.cend(), json) != m_recentAlerts.cend())
        return;
    m_recentAlerts.push_back(std::move(json));
    while (m_recentAlerts.size() > std::size_t(kRecentAlerts))
        m_recentAlerts.pop_front();
}

void RemoteBridge::onGovernorAction(const GovernorAction &action)
{
    m_server->publish(Topic::Pressure, RemoteJson::governorActionToJson(action));
}

void RemoteBridge::onServerStats(const QJsonObject &stats)
{
    m_lastServerStats = stats;
}

void RemoteBridge::publishCaches()
{
    QJsonArray caches;
    const QList<CacheStats> all = CacheRegistry::instance().stats();
    for (const CacheStats &c : all)
        caches.append(RemoteJson::cacheStatsToJson(c));
    m_server->publish(Topic::Caches, QJsonObject{{QStringLiteral("caches"), caches}});
}

void RemoteBridge::onCommand(const QString &command, const QJsonObject &args, quint64 clientId,
                             const QJsonValue &requestId)
{
    const QString who = QStringLiteral("remote operator #%1").arg(clientId);
    const QString request = requestId.toVariant().toString();
    const QJsonObject quote{{QStringLiteral("command"), command}, {QStringLiteral("requestId"), requestId}};
    if (command == u"engine.start") {
        QMetaObject::invokeMethod(m_engine, &Engine::start, Qt::QueuedConnection);
    } else if (command == u"engine.pause") {
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, who] { engine->pause(who); }, Qt::QueuedConnection);
    } else if (command == u"engine.resume") {
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, who] { engine->resume(who); }, Qt::QueuedConnection);
    } else if (command == u"engine.stop") {
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, who] { engine->stop(who); }, Qt::QueuedConnection);
    } else if (command == u"engine.scan_now") {
        QMetaObject::invokeMethod(m_engine, &Engine::scanNow, Qt::QueuedConnection);
    } else if (command == u"engine.preset") {
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, name = args.value(u"name").toString()] { engine->selectPreset(name); },
            Qt::QueuedConnection);
    } else if (isTradingCommand(command)) {
        // Who asked, and the operator's own words when given: what the journal records.
        const QString reason = protocol::operatorReason(who, args.value(u"reason").toString());
        if (command == u"position.close") {
            const auto positionId = static_cast<qint64>(args.value(u"id").toDouble());
            runTradingCommand(command, quote,
                              [positionId, reason](Engine *e) { e->closePosition(positionId, reason); });
        } else if (command == u"positions.flatten") {
            runTradingCommand(command, quote, [reason](Engine *e) { e->flattenAll(reason); });
        } else if (command == u"risk.halt") {
            runTradingCommand(command, quote, [reason](Engine *e) { e->haltTrading(reason); });
        } else {
            runTradingCommand(command, quote, [reason](Engine *e) { e->resetKillSwitch(reason); });
        }
    } else if (command == u"snapshot.export") {
        // Written on the engine thread (SnapshotExport logs it); the requester gets the path as a result.
        SnapshotExport::run(
            m_engine, this, QStringLiteral("%1 (request %2)").arg(who, request),
            [this, quote, request](const MemorySnapshot::Result &result) {
                QJsonObject extra = quote;
                extra.insert(QStringLiteral("ok"), result.ok);
                if (result.ok)
                    extra.insert(QStringLiteral("path"), result.path);
                else
                    extra.insert(QStringLiteral("error"), result.error);
                publishCommandResult(
                    result.ok ? QtInfoMsg : QtCriticalMsg,
                    result.ok ? QStringLiteral("memory snapshot written to %1 (request %2)").arg(result.path, request)
                              : QStringLiteral("memory snapshot failed: %1 (request %2)").arg(result.error, request),
                    extra);
            });
        return;
    }
    qCInfo(lcApp).noquote() << who << "requested" << command;
}

void RemoteBridge::runTradingCommand(const QString &command, const QJsonObject &quote,
                                     std::function<void(Engine *)> action)
{
    // As SnapshotExport: the outcome travels as a relay's destroyed() signal, connected on this thread, so
    // that Qt drops it by itself when the bridge is gone by then. The engine's refusal is caught by a direct
    // connection on the engine thread while the action runs.
    auto refusal = std::make_shared<std::optional<QString>>();
    auto *relay = new QObject;
    connect(
        relay, &QObject::destroyed, this,
        [this, command, quote, refusal] {
            QJsonObject result = quote;
            const QString request = quote.value(u"requestId").toVariant().toString();
            result.insert(QStringLiteral("ok"), !refusal->has_value());
            if (refusal->has_value()) {
                result.insert(QStringLiteral("error"), **refusal);
                publishCommandResult(QtWarningMsg,
                                     QStringLiteral("%1 refused: %2 (request %3)").arg(command, **refusal, request),
                                     result);
            } else {
                publishCommandResult(QtInfoMsg, QStringLiteral("%1 carried out (request %2)").arg(command, request),
                                     result);
            }
        },
        Qt::QueuedConnection);
    relay->moveToThread(m_engine->thread());
    QMetaObject::invokeMethod(
        relay,
        [relay, engine = QPointer<Engine>(m_engine), command, action = std::move(action), refusal] {
            if (!engine) {
                *refusal = tr("the engine is gone");
            } else {
                const QMetaObject::Connection caught = connect(
                    engine, &Engine::commandRefused, relay,
                    [command, refusal](const QString &refused, const QString &reason) {
                        if (refused == command && !refusal->has_value())
                            *refusal = reason;
                    },
                    Qt::DirectConnection);
                action(engine);
                disconnect(caught);
            }
            delete relay;
        },
        Qt::QueuedConnection);
}

void RemoteBridge::onCandlesRead(const QString &symbol, qint64 intervalMs, const QList<Candle> &candles, bool found,
                                 quint64 clientId, const QJsonValue &requestId)
{
    if (!found) {
        m_server->failRequest(clientId, requestId, protocol::ErrorCode::NotFound,
                              tr("unknown symbol '%1'").arg(symbol.left(64)));
        return;
    }
    m_server->replyToRequest(clientId, requestId, RemoteJson::candlesToJson(symbol, intervalMs, candles));
}

void RemoteBridge::publishLog(const LogLine &line)
{
    m_server->publish(Topic::Log, RemoteJson::logLineToJson(line));
}

void RemoteBridge::publishCommandResult(QtMsgType level, const QString &message, const QJsonObject &result)
{
    LogLine line;
    line.timeMs = QDateTime::currentMSecsSinceEpoch();
    line.level = level;
    line.category = QString::fromLatin1(lcApp().categoryName());
    line.message = message;
    QJsonObject data = RemoteJson::logLineToJson(line);
    for (auto it = result.constBegin(); it != result.constEnd(); ++it)
        data.insert(it.key(), it.value());
    data.insert(QStringLiteral("kind"), QStringLiteral("command_result"));
    m_server->publish(Topic::Log, data);
}

} // namespace bw
