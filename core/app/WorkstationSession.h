#pragma once

#include "common/CacheRegistry.h"
#include "common/MemoryPressure.h"
#include "engine/EngineTypes.h"
#include "market/Candle.h"
#include "market/FeedFactory.h"
#include "market/MarketTypes.h"
#include "monitor/PressureGovernor.h"
#include "monitor/ResourceLimits.h"
#include "monitor/ResourceSample.h"
#include "scanner/ScanReport.h"
#include "trading/Signal.h"
#include "trading/TradingUpdate.h"

#include <QList>
#include <QObject>
#include <QString>

namespace bw {

// Remote viewers as the server counts them (the `resources` topic's server statistics).
struct ViewerStats {
    int clients = 0;
    qint64 queuedBytes = 0; // summed over clients
    qint64 drops = 0;       // queue overflows since start
    qint64 resyncs = 0;
};

// One log line for the log dock and the `log` topic.
struct LogLine {
    qint64 timeMs = 0; // epoch ms UTC
    QtMsgType level = QtInfoMsg;
    QString category; // "bw.scanner", ...
    QString message;
};

// What a workstation window shows and the commands it can give, whether the engine runs in this process
// (LocalSession, over an AppContext) or in another one reached over the WebSocket protocol (RemoteSession,
// over a RemoteClient). The views connect to these signals only, so one MainWindow serves both modes.
// Every signal is delivered on the thread the session lives on (the GUI thread); values are immutable
// copies.
class WorkstationSession : public QObject
{
    Q_OBJECT

public:
    enum class ConnectionState { Connecting, Connected, Reconnecting, Disconnected };
    Q_ENUM(ConnectionState)

    using QObject::QObject;
    ~WorkstationSession() override = default;

    // "Simulated market (300 symbols)", "ws://host:8765", ... for the title and status bars.
    virtual QString sourceName() const = 0;
    virtual bool isRemote() const = 0;
    // The engine commands are allowed: always locally; remotely with an operator token.
    virtual bool canControl() const = 0;
    // Names of the presets the engine can switch to, and the active one.
    virtual QStringList presetNames() const = 0;
    virtual QString activePreset() const = 0;

public slots:
    virtual void startEngine() = 0;
    virtual void pauseEngine() = 0;
    virtual void resumeEngine() = 0;
    virtual void stopEngine() = 0;
    // Starts a scan now instead of waiting for the scan interval (refused while one runs).
    virtual void scanNow() = 0;
    // Switches the preset for the following scans.
    virtual void selectPreset(const QString &name) = 0;
    // Writes a memory snapshot (docs/snapshot.md): snapshotExported(path) or commandFailed.
    virtual void exportSnapshot() = 0;
    // The last `count` closed base bars of `symbol`: candlesReady (empty when the symbol is unknown).
    virtual void requestCandles(const QString &symbol, int count) = 0;
    // Rebuilds the engine on another data source (local only; remotely commandFailed("source.select")).
    // sourceChanged follows, and the views drop what they showed.
    virtual void selectSource(const bw::FeedOptions &options) = 0;

    // Trading commands (docs/protocol.md: position.close, positions.flatten, risk.halt, risk.reset), allowed
    // when canControl(). Their effect arrives as tradingUpdated (orders with purpose manual or kill_switch,
    // finished positions), accountUpdated and engineStatusChanged; a refusal (unknown or finished position,
    // nothing open, engine not running...) as commandFailed with that name. Not pure, so that sessions
    // written before them keep building: the default refuses.
    // `reason`: the operator's words, may be empty; the engine records who asked and the words on the exit
    // orders' note and in the journal.
    // Closes one live position at market (an entry not filled yet is cancelled).
    virtual void closePosition(qint64 positionId, const QString &reason)
    {
        Q_UNUSED(positionId)
        Q_UNUSED(reason)
        refuseTradingCommand(QStringLiteral("position.close"));
    }
    // Closes every live position at market; entries continue.
    virtual void flattenAll(const QString &reason)
    {
        Q_UNUSED(reason)
        refuseTradingCommand(QStringLiteral("positions.flatten"));
    }
    // The kill switch by hand: no new entries, every position closed; `reason` (the operator's words, may be
    // empty) is journalled with who asked.
    virtual void haltTrading(const QString &reason)
    {
        Q_UNUSED(reason)
        refuseTradingCommand(QStringLiteral("risk.halt"));
    }
    // Clears a tripped kill switch or a halt: entries resume.
    virtual void resetKillSwitch() { refuseTradingCommand(QStringLiteral("risk.reset")); }

signals:
    void connectionStateChanged(bw::WorkstationSession::ConnectionState state, const QString &detail);
    // Remote only: round trip of the protocol ping, and resyncs the server forced.
    void latencyMeasured(qint64 milliseconds);
    void resynced(const QString &topic, const QString &reason);
    // Operator rights were gained or lost (remote: the token's role).
    void controlChanged(bool canControl);
    // The engine now runs on another data source (or a viewer reconnected to another server): everything
    // shown so far is stale.
    void sourceChanged(const QString &sourceName);
    // The session now shows another process than before (a viewer reconnected to another server, or to the
    // same one restarted): what was shown of the process (resources, alerts, governor actions, viewers) is
    // not its history either. sourceChanged follows. Not emitted when only the source changed (the same
    // process rebuilt its engine), and never by a local session: this process stays the same.
    void processChanged();

    void engineStatusChanged(const bw::EngineStatus &status);
    void engineEvent(const bw::EngineEvent &event);
    void overviewReady(const bw::MarketOverview &overview);
    void scanFinished(bw::ScanReportPtr report);
    void signalsGenerated(const QList<bw::Signal> &signalList);
    void signalDecided(const bw::Signal &signal, bool entered, const QString &code, const QString &reason);
    void tradingUpdated(const bw::TradingUpdate &update);
    void accountUpdated(const bw::AccountSnapshot &account);

    void resourceSampled(const bw::ResourceSample &sample);
    void alertRaised(const bw::AlertEvent &alert);
    void pressureChanged(bw::PressureLevel level, const QString &reason);
    void governorActed(const bw::GovernorAction &action);
    void cachesUpdated(const QList<bw::CacheStats> &caches);
    void viewersChanged(const bw::ViewerStats &viewers);
    void logged(const bw::LogLine &line);

    void candlesReady(const QString &symbol, const QList<bw::Candle> &candles);
    void snapshotExported(const QString &path);
    // A command was refused or failed; `command` is its protocol name ("engine.start", "snapshot.export").
    void commandFailed(const QString &command, const QString &reason);

protected:
    void refuseTradingCommand(const QString &command)
    {
        emit commandFailed(command, tr("this session does not offer trading commands"));
    }
};

} // namespace bw

Q_DECLARE_METATYPE(bw::CacheStats)
Q_DECLARE_METATYPE(bw::Candle)
Q_DECLARE_METATYPE(bw::ViewerStats)
Q_DECLARE_METATYPE(bw::LogLine)
