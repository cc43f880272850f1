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

struct LocalSessionConfig {
    // The paper-trading journal (AppContext); empty: nothing survives the process. Kept across source
    // switches, like a restart on another source would.
    QString journalPath;
    // The WebSocket server for remote viewers, rebuilt with every AppContext; none when empty.
    std::optional<ServerConfig> server;
    int cachesIntervalMs = 1000;
    // The paper account's starting cash for a new journal; <= 0: the trading core's default.
    double startingCash = 0;
};

// The WorkstationSession of the workstation running in this process: owns the AppContext (engine thread,
// resource monitor, pressure governor, server) and relays everything it publishes, delivered on the thread
// the session lives on (the GUI thread). Commands go to the engine thread as queued calls; the engine's
// refusals come back as commandFailed. Also captures the process's log lines (LogCapture) for `logged`.
//
// selectSource() replaces the AppContext: the old one stops (its threads joined), a new one is built on the
// new feed and started, and sourceChanged follows. What the old engine had queued for the session but not
// yet delivered is dropped, so no stale value arrives after sourceChanged.
class LocalSession final : public WorkstationSession
{
    Q_OBJECT

public:
    explicit LocalSession(const FeedOptions &feed, LocalSessionConfig config = {}, QObject *parent = nullptr);
    ~LocalSession() override;

    // Builds the AppContext on the feed given at construction and starts it. False, with *error naming the
    // bad setting, when the feed options are unusable. Call once.
    bool start(QString *error = nullptr);
    // Stops the engine thread and the server (joins them). Idempotent; the destructor calls it.
    void stop();

    AppContext *context() const { return m_context.get(); }
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
    void closePosition(qint64 positionId) override;
    void flattenAll() override;
    void haltTrading(const QString &reason) override;
    void resetKillSwitch() override;

signals:
    // A new AppContext was built and is about to start (at start() and at every source switch): the place
    // to hand its monitor to widgets that still read it directly.
    void contextChanged(bw::AppContext *context);
    // Relayed from the AppContext's WebSocket server.
    void serverStarted(quint16 port, const QString &tokenFilePath);
    void serverFailed(const QString &reason);

private:
    bool replaceContext(const FeedOptions &feed, QString *error);
    void connectContext();
    void onServerStats(const QJsonObject &stats);
    void publishCaches();
    bool engineAvailable(const QString &command);
    // A relay of `signal` that drops what an AppContext replaced since delivers late.
    template <typename... Args>
    auto current(void (WorkstationSession::*signal)(Args...));

    FeedOptions m_feed;
    LocalSessionConfig m_config;
    std::unique_ptr<AppContext> m_context;
    LogCapture *m_log = nullptr; // child
    QTimer m_cachesTimer;
    QString m_activePreset;
    EngineState m_engineState = EngineState::Idle;
    quint64 m_generation = 0; // counts AppContexts
    bool m_started = false;
};

} // namespace bw
