#pragma once

#include "app/WorkstationSession.h"
#include "market/FeedFactory.h"
#include "server/ServerConfig.h"

#include <QJsonObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace bw {

class AppContext;
class LogCapture;
class ProcessMonitor;
class ServerHost;

struct LocalSessionConfig {
    // The paper-trading journal (AppContext); empty: nothing survives the process. Kept across source
    // switches, like a restart on another source would.
    QString journalPath;
    // The WebSocket server for remote viewers, for the session's life (a source switch keeps it, its port and
    // its clients); none when empty.
    std::optional<ServerConfig> server;
    int cachesIntervalMs = 1000;
    // The paper account's starting cash for a new journal; <= 0: the trading core's default.
    double startingCash = 0;
    // How often the process monitor samples this process (ResourceMonitor::Options::intervalMs).
    int resourceIntervalMs = 1000;
};

// The WorkstationSession of the workstation running in this process: owns the process monitor (resource
// monitor and pressure governor on the monitor thread), the WebSocket server (ServerHost, server thread) and
// the AppContext (engine thread), and
// relays everything they publish, delivered on the thread the session lives on (the GUI thread). Commands
// go to the engine thread as queued calls; the engine's refusals come back as commandFailed. Also captures
// the process's log lines (LogCapture) for `logged`.
//
// selectSource() replaces the AppContext: the old one stops (its threads joined), a new one is built on the
// new feed and started, and sourceChanged follows. What the old engine had queued for the session but not
// yet delivered is dropped, so no stale value arrives after sourceChanged. The process monitor is not part
// of it: the process did not change, so its samples, history, alert states and pressure level go on through
// the switch (every sample is relayed, none dropped), and the new engine scans under the same governor.
// Nor is the server: it keeps its port and its connected viewers, whose engine topics change hands
// (docs/protocol.md, "Source switch"); its statistics go on.
class LocalSession final : public WorkstationSession
{
    Q_OBJECT

public:
    explicit LocalSession(const FeedOptions &feed, LocalSessionConfig config = {}, QObject *parent = nullptr);
    ~LocalSession() override;

    // Builds the AppContext on the feed given at construction and starts it. False, with *error naming the
    // bad setting, when the feed options are unusable. Call once.
    bool start(QString *error = nullptr);
    // Stops the engine thread, the server and the process monitor (joins them). Idempotent; the destructor
    // calls it. A later startEngine() starts them again, the monitor with its history kept.
    void stop();

    AppContext *context() const { return m_context.get(); }
    // This process's resource monitor and pressure governor: the same object for the session's whole life,
    // whatever the source (its pointers never change). Exists from construction on.
    ProcessMonitor *processMonitor() const { return m_process.get(); }
    // The WebSocket server for remote viewers (null without LocalSessionConfig::server): the same object for
    // the session's whole life, whatever the source. Runs from start() to stop().
    ServerHost *serverHost() const { return m_server.get(); }
    const FeedOptions &feedOptions() const { return m_feed; }
    LogCapture *logCapture() const { return m_log; }

    QString sourceName() const override;
    bool isRemote() const override { return false; }
    bool canControl() const override { return true; }
    QStringList presetNames() const override;
    QString activePreset() const override { return m_activePreset; }

public slots:
    // Starts the engine; a stopped (or failed) engine is restarted on a fresh AppContext with the same source.
    void startEngine() override;
    void pauseEngine() override;
    void resumeEngine() override;
    void stopEngine() override;
    void scanNow() override;
    void selectPreset(const QString &name) override;
    void exportSnapshot() override;
    void requestCandles(const QString &symbol, int count) override;
    void selectSource(const bw::FeedOptions &options) override;
    void closePosition(qint64 positionId, const QString &reason) override;
    void flattenAll(const QString &reason) override;
    void haltTrading(const QString &reason) override;
    void resetKillSwitch() override;

signals:
    // A new AppContext was built and is about to start (at start() and at every source switch): the place
    // to configure its engine (the process monitor stays the same: processMonitor()).
    void contextChanged(bw::AppContext *context);
    // Relayed from the WebSocket server (once per start(), not at a source switch).
    void serverStarted(quint16 port, const QString &tokenFilePath);
    void serverFailed(const QString &reason);

private:
    bool replaceContext(const FeedOptions &feed, QString *error);
    void stopContext();
    void connectContext();
    void connectProcessMonitor();
    void onServerStats(const QJsonObject &stats);
    void publishCaches();
    bool engineAvailable(const QString &command);
    // A relay of `signal` that drops what an AppContext replaced since delivers late.
    template <typename... Args>
    auto current(void (WorkstationSession::*signal)(Args...));

    FeedOptions m_feed;
    LocalSessionConfig m_config;
    // Declared before the context: destroyed after it (the engine reads the governor).
    std::unique_ptr<ProcessMonitor> m_process;
    // Likewise: it must outlive every AppContext that serves on it.
    std::unique_ptr<ServerHost> m_server;
    std::unique_ptr<AppContext> m_context;
    LogCapture *m_log = nullptr; // child
    QTimer m_cachesTimer;
    QString m_activePreset;
    EngineState m_engineState = EngineState::Idle;
    quint64 m_generation = 0; // counts AppContexts
    bool m_started = false;
};

} // namespace bw
