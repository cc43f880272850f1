#pragma once

#include "engine/EngineTypes.h"
#include "market/MarketTypes.h"
#include "scanner/ScanReport.h"
#include "server/Protocol.h"
#include "trading/Position.h"
#include "trading/Signal.h"
#include "trading/TradingUpdate.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

#include <deque>
#include <functional>
#include <optional>

class QTimer;

namespace bw {

class Engine;
class EngineCandleReader;
class LogCapture;
class PressureGovernor;
class RemoteServer;
class ResourceMonitor;
struct AlertEvent;
struct GovernorAction;
struct LogLine;
struct ResourceSample;

// Connects the running workstation to its WebSocket server (docs/protocol.md): turns the engine's,
// monitor's and governor's queued signals into topic messages, and operators' commands into engine calls.
// Lives on the server thread, so JSON encoding costs the engine nothing. The JSON is RemoteJson's (and
// ScanReportJson's), which RemoteSession reads back.
class RemoteBridge final : public QObject
{
    Q_OBJECT

public:
    // Operator commands the bridge carries out on `engine`: engine.*, snapshot.export and the trading
    // commands position.close, positions.flatten, risk.halt, risk.reset.
    RemoteBridge(RemoteServer *server, Engine *engine, ResourceMonitor *monitor, PressureGovernor *governor,
                 QObject *parent = nullptr);
    ~RemoteBridge() override;

    // The topics whose values are the engine's (engine, scan, positions, market; signals, orders): they go
    // with it on a source switch (ServerHost::detach). The others are the process's (resources, caches,
    // pressure, log) and stay.
    static QList<protocol::Topic> engineTopics();

    // Which engine of this server process the `engine` topic speaks of (its `engineId`, 1, 2, ...): another
    // value on the same connection means the workstation replaced its engine. 0 (the default): not given.
    // Call before the bridge runs.
    void setEngineId(qint64 id) { m_engineId = id; }

    static QJsonObject engineStatusJson(const EngineStatus &status);
    static QJsonObject positionJson(const Position &position);

    // The market topic is published at most this often, whatever the overview rate.
    static constexpr int kMarketIntervalMs = 1000;
    // Alerts kept in the resources topic's value (the latest ones).
    static constexpr int kRecentAlerts = 16;

signals:
    void candlesWanted(const QString &symbol, int count, quint64 clientId, const QJsonValue &requestId);

private:
    void onEngineEvent(const EngineEvent &event);
    void onStatus(const EngineStatus &status);
    void onScan(const ScanReportPtr &report);
    void onSignals(const QList<Signal> &signalList);
    void onSignalDecided(const Signal &signal, bool entered, const QString &code, const QString &reason);
    void onTrading(const TradingUpdate &update);
    void onAccount(const AccountSnapshot &account);
    void onOverview(const MarketOverview &overview);
    void publishMarket();
    void onSample(const ResourceSample &sample);
    void onAlert(const AlertEvent &alert);
    void onGovernorAction(const GovernorAction &action);
    void onServerStats(const QJsonObject &stats);
    void publishCaches();
    void publishPositions();
    void onCommand(const QString &command, const QJsonObject &args, quint64 clientId, const QJsonValue &requestId);
    void onCandlesRead(const QString &symbol, qint64 intervalMs, const QList<Candle> &candles, bool found,
                       quint64 clientId, const QJsonValue &requestId);
    void publishLog(const LogLine &line);
    // A command's outcome for the requester, as a structured line on the log topic (kind command_result).
    void publishCommandResult(QtMsgType level, const QString &message, const QJsonObject &result);
    // Runs a trading command (position.close, positions.flatten, risk.halt, risk.reset) on the engine thread
    // and publishes its outcome as a command_result quoting the request id: ok, or the engine's refusal.
    void runTradingCommand(const QString &command, const QJsonObject &quote, std::function<void(Engine *)> action);

    RemoteServer *m_server;
    Engine *m_engine;
    LogCapture *m_log = nullptr;             // child: every log line of the process goes to the log topic
    EngineCandleReader *m_candles = nullptr; // lives on the engine thread
    QHash<qint64, Position> m_openPositions; // the positions topic carries the whole open book
    std::optional<AccountSnapshot> m_account;
    std::optional<EngineEvent> m_lastTransition;
    std::optional<EngineStatus> m_lastStatus;
    QStringList m_presets;
    qint64 m_engineId = 0;
    QJsonObject m_lastServerStats;
    std::deque<QJsonObject> m_recentAlerts;
    std::optional<MarketOverview> m_pendingOverview;
    qint64 m_lastMarketMs = 0;
    QTimer *m_marketTimer = nullptr;
};

} // namespace bw
