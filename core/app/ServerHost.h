#pragma once

#include "server/ServerConfig.h"

#include <QJsonObject>
#include <QObject>
#include <QThread>

namespace bw {

class Engine;
class PressureGovernor;
class RemoteBridge;
class RemoteServer;
class ResourceMonitor;

// The WebSocket server for remote viewers (docs/protocol.md) on its "server" thread, for as long as the
// process serves them: it outlives engines. A source switch replaces the engine, not the server, so the port
// stays bound and connected viewers stay connected and authenticated; only the RemoteBridge that ties the
// server to an engine is replaced: detach() the old one before its engine goes, attach() the new one.
//
// Lifecycle: construct (the server exists, nothing runs) -> start() (the thread starts and the server
// listens: started or failed) -> attach()/detach() any number of times -> stop() (or the destructor): the
// clients are closed, the thread joined. A stopped host can start() again, as a new server on the same
// configuration. The host lives on the thread that calls it (GUI or main); the server and the bridge live
// on the server thread.
class ServerHost final : public QObject
{
    Q_OBJECT

public:
    explicit ServerHost(ServerConfig config, QObject *parent = nullptr);
    ~ServerHost() override;

    // Starts the server thread (the server listens there); a running host goes on as it is.
    void start();
    // Detaches the bridge, closes every client (1001 "server shutting down") and joins the thread. Idempotent.
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }

    // Lives on the server thread: only connect to it or use its thread-safe members. Exists from construction
    // to stop(), and again from the next start().
    RemoteServer *server() const { return m_server; }

    // Ties the server to `engine` (which must not run yet, so that the bridge sees its first status) and to
    // this process's monitor and governor (either may be null): a RemoteBridge on the server thread. A bridge
    // still attached is detached first. Before start() too: the bridge serves once the server runs. Each
    // engine gets the next engineId (1, 2, ...), which the `engine` topic carries so that viewers notice the
    // switch even when the source's name stays the same.
    void attach(Engine *engine, ResourceMonitor *monitor, PressureGovernor *governor);
    // Destroys the bridge on the server thread and returns once it is gone, so that its engine may go next
    // (nothing of the server refers to the engine any more), and clears the topics that held that engine's
    // values (RemoteBridge::engineTopics): a viewer subscribing before the next engine publishes is not served
    // the old one's. Idempotent.
    void detach();
    // Whether the attached bridge serves `engine` (an AppContext detaches only its own).
    bool isAttachedTo(const Engine *engine) const { return m_bridge && m_engine == engine; }

signals:
    // The server is listening (the token file path is where a generated operator token was written; empty
    // when tokens are configured), or could not start. Delivered on the host's thread.
    void started(quint16 port, const QString &tokenFilePath);
    void failed(const QString &reason);
    // RemoteServer::statsUpdated, delivered on the host's thread: the statistics of one server for the host's
    // life, whatever the engine.
    void statsUpdated(const QJsonObject &stats);

private:
    void createServer();

    ServerConfig m_config;
    QThread m_thread;
    RemoteServer *m_server = nullptr; // deleted on its thread when the thread finishes
    RemoteBridge *m_bridge = nullptr; // lives on the server thread
    const Engine *m_engine = nullptr; // the attached bridge's engine, only compared
    qint64 m_attachments = 0;         // numbers the engines: the `engine` topic's engineId
};

} // namespace bw
