#include "app/ServerHost.h"

#include "app/AppLog.h"
#include "app/RemoteBridge.h"
#include "server/RemoteServer.h"

namespace bw {

ServerHost::ServerHost(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_thread.setObjectName(QStringLiteral("server"));
    createServer();
}

ServerHost::~ServerHost()
{
    stop();
    // A thread that never ran deleted nothing; the objects have no event loop to go to.
    delete m_bridge;
    delete m_server;
}

void ServerHost::createServer()
{
    m_server = new RemoteServer(m_config);
    m_server->moveToThread(&m_thread);
    RemoteServer *server = m_server;
    connect(&m_thread, &QThread::started, server, &RemoteServer::start);
    // Stop (closing every client with a reason) on the server thread, in its last moments, before the
    // deferred delete runs there.
    connect(
        &m_thread, &QThread::finished, server, [server] { server->stop(); }, Qt::DirectConnection);
    connect(&m_thread, &QThread::finished, server, &QObject::deleteLater);
    connect(server, &RemoteServer::started, this,
            [this](quint16 port) { emit started(port, m_server ? m_server->tokenFilePath() : QString()); });
    connect(server, &RemoteServer::startFailed, this, &ServerHost::failed);
    connect(server, &RemoteServer::statsUpdated, this, &ServerHost::statsUpdated);
}

void ServerHost::start()
{
    if (m_thread.isRunning())
        return;
    if (!m_server)
        createServer(); // the previous one went with the thread at stop()
    m_thread.start();
}

void ServerHost::stop()
{
    detach();
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
        m_server = nullptr; // deleted as the thread finished
    }
}

void ServerHost::attach(Engine *engine, ResourceMonitor *monitor, PressureGovernor *governor)
{
    Q_ASSERT(engine && m_server);
    detach();
    // Built here and pushed to the server thread, as every object that lives there: what the monitor or the
    // server posts to it meanwhile moves along with it.
    m_bridge = new RemoteBridge(m_server, engine, monitor, governor);
    m_bridge->setEngineId(++m_attachments);
    m_bridge->moveToThread(&m_thread);
    m_engine = engine;
    qCDebug(lcApp) << "remote server attached to a new engine";
}

void ServerHost::detach()
{
    if (!m_bridge)
        return;
    RemoteBridge *bridge = std::exchange(m_bridge, nullptr);
    m_engine = nullptr;
    RemoteServer *server = m_server;
    const auto forget = [bridge, server] {
        // The bridge goes on its own thread, between two of its events, so no slot of it runs meanwhile and
        // the engine's signals still queued for it are discarded with it.
        delete bridge;
        server->clearTopics(RemoteBridge::engineTopics());
    };
    // Blocking: the engine must not go before its bridge. The server thread never waits for this one, so
    // this cannot deadlock.
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(server, forget, Qt::BlockingQueuedConnection);
    else
        forget();
}

} // namespace bw
