#include "app/RemoteBridge.h"

#include "app/AppLog.h"
#include "app/LogCapture.h"
#include "app/SnapshotExport.h"
#include "common/CacheRegistry.h"
#include "engine/Engine.h"
#include "monitor/MemorySnapshot.h"
#include "monitor/PressureGovernor.h"
#include "monitor/ResourceMonitor.h"
#include "scanner/ScanReportJson.h"
#include "server/RemoteServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>

namespace bw {

using protocol::Topic;

namespace {
constexpr int kCachesIntervalMs = 1000;
}

RemoteBridge::RemoteBridge(RemoteServer *server, Engine *engine, ResourceMonitor *monitor, PressureGovernor *governor,
                           QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_engine(engine)
{
    // Every connection crosses threads (engine -> server), so each is queued with this bridge as context.
    connect(engine, &Engine::statusChanged, this, &RemoteBridge::onStatus);
    connect(engine, &Engine::scanFinished, this, &RemoteBridge::onScan);
    connect(engine, &Engine::signalsGenerated, this, &RemoteBridge::onSignals);
    connect(engine, &Engine::tradingUpdated, this, &RemoteBridge::onTrading);
    if (monitor)
        connect(monitor, &ResourceMonitor::sampled, this, &RemoteBridge::onSample);
    if (governor)
        connect(governor, &PressureGovernor::actionTaken, this, &RemoteBridge::onGovernorAction);
    connect(server, &RemoteServer::statsUpdated, this, &RemoteBridge::onServerStats);
    connect(server, &RemoteServer::commandReceived, this, &RemoteBridge::onCommand);
    // The log topic carries the process's log lines (rate-limited by the capture), delivered on this thread.
    m_log = new LogCapture(this);
    connect(m_log, &LogCapture::lineCaptured, this, &RemoteBridge::publishLog);

    auto *cacheTimer = new QTimer(this);
    cacheTimer->setInterval(kCachesIntervalMs);
    connect(cacheTimer, &QTimer::timeout, this, &RemoteBridge::publishCaches);
    cacheTimer->start();
}

QJsonObject RemoteBridge::engineStatusJson(const EngineStatus &s)
{
    return QJsonObject{
        {QStringLiteral("state"), toCode(s.state)},
        {QStringLiteral("preset"), s.presetName},
        {QStringLiteral("source"), s.source},
        {QStringLiteral("symbols"), s.symbols},
        {QStringLiteral("marketTime"), s.marketTimeMs},
        {QStringLiteral("lastScan"), s.lastScanMs},
        {QStringLiteral("lastScanDurationMs"), s.lastScanDurationMs},
        {QStringLiteral("scans"), s.scans},
        {QStringLiteral("candidates"), s.candidates},
        {QStringLiteral("signals"), s.signalsTotal},
        {QStringLiteral("entries"), s.entriesTotal},
        {QStringLiteral("openPositions"), s.openPositions},
        {QStringLiteral("closedTrades"), s.closedTrades},
        {QStringLiteral("equity"), s.equity},
        {QStringLiteral("cash"), s.cash},
        {QStringLiteral("killSwitch"), s.killSwitch},
        {QStringLiteral("reason"), s.lastReason},
    };
}

QJsonObject RemoteBridge::positionJson(const Position &p)
{
    const double mark = p.lastPrice > 0 ? p.lastPrice : p.avgEntry;
    return QJsonObject{
        {QStringLiteral("id"), p.id},
        {QStringLiteral("symbol"), p.symbol},
        {QStringLiteral("side"), toCode(p.side)},
        {QStringLiteral("status"), toCode(p.status)},
        {QStringLiteral("qty"), p.qty},
        {QStringLiteral("entry"), p.avgEntry},
        {QStringLiteral("stop"), p.stop},
        {QStringLiteral("stopKind"), toCode(p.stopKind)},
        {QStringLiteral("initialRiskUsd"), p.initialRiskUsd},
        {QStringLiteral("mark"), mark},
        {QStringLiteral("pnlUsd"), p.realisedPnlUsd + p.unrealisedPnlUsd(mark) - p.feesUsd},
        {QStringLiteral("r"), p.pnlR(mark)},
    };
}

void RemoteBridge::onStatus(const EngineStatus &status)
{
    m_server->publish(Topic::Engine, engineStatusJson(status));
}

void RemoteBridge::onScan(const ScanReportPtr &report)
{
    if (report)
        m_server->publish(Topic::Scan, ScanReportJson::toJson(*report, /*includeRejections=*/false));
}

void RemoteBridge::onSignals(const QList<Signal> &signalList)
{
    for (const Signal &s : signalList) {
        m_server->publish(Topic::Signals, QJsonObject{
                                              {QStringLiteral("id"), s.id},
                                              {QStringLiteral("symbol"), s.symbol},
                                              {QStringLiteral("side"), toCode(s.side)},
                                              {QStringLiteral("strategy"), toCode(s.strategy)},
                                              {QStringLiteral("entry"), s.entry},
                                              {QStringLiteral("level"), s.level},
                                              {QStringLiteral("stop"), s.stop},
                                              {QStringLiteral("tp1"), s.tp1},
                                              {QStringLiteral("tp2"), s.tp2},
                                              {QStringLiteral("confidence"), s.confidence},
                                              {QStringLiteral("reason"), s.reason},
                                          });
    }
}

void RemoteBridge::onTrading(const TradingUpdate &update)
{
    for (const Order &o : update.orders) {
        m_server->publish(Topic::Orders, QJsonObject{
                                             {QStringLiteral("kind"), QStringLiteral("order")},
                                             {QStringLiteral("id"), o.id},
                                             {QStringLiteral("symbol"), o.symbol},
                                             {QStringLiteral("side"), toCode(o.side)},
                                             {QStringLiteral("type"), toCode(o.type)},
                                             {QStringLiteral("purpose"), toCode(o.purpose)},
                                             {QStringLiteral("status"), toCode(o.status)},
                                             {QStringLiteral("qty"), o.qty},
                                             {QStringLiteral("filledQty"), o.filledQty},
                                             {QStringLiteral("avgFillPrice"), o.avgFillPrice},
                                             {QStringLiteral("feesUsd"), o.feesUsd},
                                             {QStringLiteral("reason"), o.reason},
                                         });
    }
    for (const Fill &f : update.fills) {
        m_server->publish(Topic::Orders, QJsonObject{
                                             {QStringLiteral("kind"), QStringLiteral("fill")},
                                             {QStringLiteral("orderId"), f.orderId},
                                             {QStringLiteral("symbol"), f.symbol},
                                             {QStringLiteral("side"), toCode(f.side)},
                                             {QStringLiteral("qty"), f.qty},
                                             {QStringLiteral("price"), f.price},
                                             {QStringLiteral("feeUsd"), f.feeUsd},
                                             {QStringLiteral("realisedPnlUsd"), f.realisedPnlUsd},
                                         });
    }
    if (update.positions.isEmpty() && update.finished.isEmpty())
        return;
    for (const Position &p : update.positions)
        m_openPositions.insert(p.id, p);
    for (const Position &p : update.finished)
        m_openPositions.remove(p.id);
    QJsonArray positions;
    for (const Position &p : std::as_const(m_openPositions))
        positions.append(positionJson(p));
    m_server->publish(Topic::Positions, QJsonObject{{QStringLiteral("positions"), positions}});
}

void RemoteBridge::onSample(const ResourceSample &sample)
{
    QJsonObject data{
        {QStringLiteral("time"), sample.timeMs},
        {QStringLiteral("cpuPercent"), sample.process.cpuPercent},
        {QStringLiteral("rssBytes"), sample.process.rssBytes},
        {QStringLiteral("vmsBytes"), sample.process.vmsBytes},
        {QStringLiteral("threads"), sample.process.threads},
        {QStringLiteral("openFiles"), sample.process.openFiles},
        {QStringLiteral("systemCpuPercent"), sample.system.cpuPercent},
        {QStringLiteral("systemMemoryPercent"), sample.system.memPercent},
    };
    if (!m_lastServerStats.isEmpty())
        data.insert(QStringLiteral("viewers"), m_lastServerStats);
    m_server->publish(Topic::Resources, data);
}

void RemoteBridge::onGovernorAction(const GovernorAction &action)
{
    m_server->publish(Topic::Pressure, QJsonObject{
                                           {QStringLiteral("time"), action.timeMs},
                                           {QStringLiteral("level"), pressureLevelName(action.level)},
                                           {QStringLiteral("kind"), governorActionKindName(action.kind)},
                                           {QStringLiteral("reason"), action.reason},
                                           {QStringLiteral("detail"), action.detail},
                                       });
}

void RemoteBridge::onServerStats(const QJsonObject &stats)
{
    m_lastServerStats = stats;
}

void RemoteBridge::publishCaches()
{
    QJsonArray caches;
    const QList<CacheStats> all = CacheRegistry::instance().stats();
    for (const CacheStats &c : all) {
        caches.append(QJsonObject{
            {QStringLiteral("name"), c.name},
            {QStringLiteral("size"), c.size},
            {QStringLiteral("capacity"), c.capacity},
            {QStringLiteral("hits"), c.hits},
            {QStringLiteral("misses"), c.misses},
            {QStringLiteral("evictions"), c.evictions},
            {QStringLiteral("hitRate"), c.hitRate()},
            {QStringLiteral("estimatedBytes"), c.estimatedBytes},
        });
    }
    m_server->publish(Topic::Caches, QJsonObject{{QStringLiteral("caches"), caches}});
}

void RemoteBridge::onCommand(const QString &command, const QJsonObject &args, quint64 clientId,
                             const QJsonValue &requestId)
{
    Q_UNUSED(args)
    const QString who = QStringLiteral("remote operator #%1").arg(clientId);
    if (command == u"engine.start")
        QMetaObject::invokeMethod(m_engine, &Engine::start, Qt::QueuedConnection);
    else if (command == u"engine.pause")
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, who] { engine->pause(who); }, Qt::QueuedConnection);
    else if (command == u"engine.resume")
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, who] { engine->resume(who); }, Qt::QueuedConnection);
    else if (command == u"engine.stop")
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, who] { engine->stop(who); }, Qt::QueuedConnection);
    else if (command == u"snapshot.export") {
        // The outcome is logged (naming the request), and so reaches the log topic.
        SnapshotExport::run(m_engine, this,
                            QStringLiteral("%1 (request %2)").arg(who, requestId.toVariant().toString()), {});
        return;
    }
    qCInfo(lcApp).noquote() << who << "requested" << command;
}

void RemoteBridge::publishLog(const LogLine &line)
{
    m_server->publish(Topic::Log, QJsonObject{
                                      {QStringLiteral("time"), line.timeMs},
                                      {QStringLiteral("level"), LogCapture::levelName(line.level)},
                                      {QStringLiteral("category"), line.category},
                                      {QStringLiteral("message"), line.message},
                                  });
}

} // namespace bw
