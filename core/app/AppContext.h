#pragma once

#include "engine/EngineTypes.h"
#include "market/FeedFactory.h"
#include "market/MarketTypes.h"
#include "market/SimulatedFeedConfig.h"
#include "server/ServerConfig.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <memory>

namespace bw {

class Engine;
class MarketFeed;
class PressureGovernor;
class ProcessMonitor;
class RemoteServer;
class ResourceMonitor;
class ServerHost;

// The composition of the running workstation, shared by the desktop and the headless mode: it builds the
// engine thread and the services that live there, starts them and shuts them down in order. The GUI (or
// the headless status line) only connects to the signals relayed here; every object on the engine thread
// is reached through queued connections.
//
// The process-level resource watch (ProcessMonitor: resource monitor and pressure governor on the monitor
// thread) is either given, and then outlives this context (LocalSession keeps one across source switches),
// or owned, for a context that is the whole run (headless mode, tests). The engine takes its governor as
// the scanner's pressure source either way.
//
// The WebSocket server (ServerHost: server and "server" thread) is likewise either given (useServer), and
// then outlives this context (LocalSession keeps one across source switches, so viewers stay connected), or
// owned (enableServer: headless mode, tests). Either way this context attaches its engine's RemoteBridge at
// start() and detaches it at stop(), before the engine goes.
//
// Lifecycle: construct (nothing runs yet) -> connect to the signals -> start() -> ... -> stop() (or the
// destructor): the services stop on their own thread, the thread quits, stop() joins it.
class AppContext final : public QObject
{
    Q_OBJECT

public:
    // Builds the workstation on `feed` (simulated, replay or exchange; must not be null).
    // `journalPath`: the SQLite journal that keeps orders, fills, positions and cash across restarts
    // (its folder is created); empty: nothing survives the process.
    explicit AppContext(std::unique_ptr<MarketFeed> feed, const QString &journalPath = {}, QObject *parent = nullptr);
    // The same on `process`'s monitor and governor (must not be null, must outlive this context; started by
    // start() if it is not running, never stopped here).
    AppContext(std::unique_ptr<MarketFeed> feed, ProcessMonitor *process, const QString &journalPath = {},
               QObject *parent = nullptr);
    // The simulated market. `feed` must be valid (SimulatedFeedConfig::validate() is empty).
    explicit AppContext(const SimulatedFeedConfig &feed, const QString &journalPath = {}, QObject *parent = nullptr);
    ~AppContext() override;

    // The workstation on the source `options` choose (createFeed). Null, with *error naming the bad setting,
    // when the options are unusable. Errors the feed meets once running (an unreadable replay folder, an
    // unreachable exchange) put the engine into its Error state with the feed's message as the reason.
    static std::unique_ptr<AppContext> create(const FeedOptions &options, const QString &journalPath = {},
                                              QString *error = nullptr);
    // The same on `process` (see the constructor).
    static std::unique_ptr<AppContext> create(const FeedOptions &options, ProcessMonitor *process,
                                              const QString &journalPath, QString *error = nullptr);

    // The data source for titles and status bars, known before the first overview.
    QString sourceName() const { return m_sourceName; }

    // The paper account's starting cash for a new journal (Engine::setStartingCash). Call before start().
    void setStartingCash(double cash);

    // Starts the engine thread (and the process monitor, if it is not running yet).
    void start();
    // Stops the services on the engine thread, quits it and waits for it; an owned process monitor too.
    // Idempotent.
    void stop();
    bool isRunning() const { return m_engineThread.isRunning(); }

    // For the services still to come (engine, resource monitor, server): moves `object` (which must have
    // no parent) onto the engine thread; it is deleted there when the thread finishes. Call before start().
    void adoptEngineObject(QObject *object);

    QThread *engineThread() { return &m_engineThread; }
    // The trading engine (owns the MarketService with the feed, the scanner and the paper
    // trading core), running the shipped breakout_v1 preset. Lives on the engine thread: only connect to
    // it or invoke it queued.
    Engine *engine() const { return m_engine; }

    // The resource monitor (1 s samples of this process) and the pressure governor that feeds the
    // scanner's batch size and trims caches. Both live on the monitor thread (ProcessMonitor) and may outlive
    // this context.
    ProcessMonitor *processMonitor() const { return m_process; }
    ResourceMonitor *resourceMonitor() const;
    PressureGovernor *pressureGovernor() const;

    // Runs the WebSocket server for remote viewers on its own thread (docs/protocol.md), for this context's
    // life. Call before start(); without it (or useServer) no server runs.
    void enableServer(const ServerConfig &config);
    // Serves this context's engine on `host`'s server (must not be null, must outlive this context; started by
    // start() if it is not running, never stopped here: only this engine's bridge is detached). Call before
    // start(), instead of enableServer. serverStarted and serverFailed are the host's to report then.
    void useServer(ServerHost *host);
    RemoteServer *remoteServer() const;
    ServerHost *serverHost() const { return m_serverHost; }

signals:
    // Relayed from the engine's MarketService, delivered on the thread the AppContext lives on.
    void overviewReady(const bw::MarketOverview &overview);
    // Relayed from the Engine: state, scans, positions and equity.
    void engineStatusChanged(const bw::EngineStatus &status);
    // The server enableServer runs is listening (the token file path is where a generated operator token was
    // written; empty when tokens are configured), or could not start.
    void serverStarted(quint16 port, const QString &tokenFilePath);
    void serverFailed(const QString &reason);

private:
    QThread m_engineThread;
    Engine *m_engine = nullptr;
    // Owned when none was given; destroyed after the destructor's body has deleted the engine (which reads
    // its governor).
    std::unique_ptr<ProcessMonitor> m_ownProcess;
    ProcessMonitor *m_process = nullptr;
    // Owned when enableServer made one; either way this engine's bridge is detached before the engine goes.
    std::unique_ptr<ServerHost> m_ownServer;
    ServerHost *m_serverHost = nullptr;
    QList<QObject *> m_engineObjects; // deleted on the engine thread when it finishes
    QString m_sourceName;
    bool m_started = false;
};

} // namespace bw
