#pragma once

#include "engine/EngineTypes.h"
#include "scanner/ScanReport.h"
#include "trading/Position.h"
#include "trading/Signal.h"
#include "trading/TradingUpdate.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

namespace bw {

class Engine;
class LogCapture;
class PressureGovernor;
class RemoteServer;
class ResourceMonitor;
struct GovernorAction;
struct LogLine;
struct ResourceSample;

// Connects the running workstation to its WebSocket server (docs/protocol.md): turns the engine's,
// monitor's and governor's queued signals into topic messages, and operators' commands into engine calls.
// Lives on the server thread, so JSON encoding costs the engine nothing.
class RemoteBridge final : public QObject
{
    Q_OBJECT

public:
    RemoteBridge(RemoteServer *server, Engine *engine, ResourceMonitor *monitor, PressureGovernor *governor,
                 QObject *parent = nullptr);

    static QJsonObject engineStatusJson(const EngineStatus &status);
    static QJsonObject positionJson(const Position &position);

private:
    void onStatus(const EngineStatus &status);
    void onScan(const ScanReportPtr &report);
    void onSignals(const QList<Signal> &signalList);
    void onTrading(const TradingUpdate &update);
    void onSample(const ResourceSample &sample);
    void onGovernorAction(const GovernorAction &action);
    void onServerStats(const QJsonObject &stats);
    void publishCaches();
    void onCommand(const QString &command, const QJsonObject &args, quint64 clientId, const QJsonValue &requestId);
    void publishLog(const LogLine &line);

    RemoteServer *m_server;
    Engine *m_engine;
    LogCapture *m_log = nullptr;             // child: every log line of the process goes to the log topic
    QHash<qint64, Position> m_openPositions; // the positions topic carries the whole open book
    QJsonObject m_lastServerStats;
};

} // namespace bw
