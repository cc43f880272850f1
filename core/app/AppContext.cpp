#include "app/AppContext.h"

#include "app/AppLog.h"
#include "app/RemoteBridge.h"
#include "engine/Engine.h"
#include "market/MarketMetaTypes.h"
#include "market/SimulatedFeed.h"
#include "monitor/PressureGovernor.h"
#include "monitor/ProcessMonitor.h"
#include "monitor/ResourceMonitor.h"
#include "scanner/PresetLoader.h"
#include "server/RemoteServer.h"

#include <QDir>
#include <QFileInfo>

namespace bw {

AppContext::AppContext(const SimulatedFeedConfig &feed, const QString &journalPath, QObject *parent)
    : AppContext(std::make_unique<SimulatedFeed>(feed), journalPath, parent)
{}

std::unique_ptr<AppContext> AppContext::create(const FeedOptions &options, const QString &journalPath, QString *error)
{
    return create(options, nullptr, journalPath, error);
}

std::unique_ptr<AppContext> AppContext::create(const FeedOptions &options, ProcessMonitor *process,
                                               const QString &journalPath, QString *error)
{
    QString problem;
    std::unique_ptr<MarketFeed> feed = createFeed(options, &problem);
    if (!feed) {
        qCWarning(lcApp).noquote() << "market source:" << problem;
        if (error)
            *error = problem;
        return nullptr;
    }
    if (process)
        return std::make_unique<AppContext>(std::move(feed), process, journalPath);
    return std::make_unique<AppContext>(std::move(feed), journalPath);
}

AppContext::AppContext(std::unique_ptr<MarketFeed> feed, const QString &journalPath, QObject *parent)
    : AppContext(std::move(feed), static_cast<ProcessMonitor *>(nullptr), journalPath, parent)
{}

AppContext::AppContext(std::unique_ptr<MarketFeed> feed, ProcessMonitor *process, const QString &journalPath,
                       QObject *parent)
    : QObject(parent)
{
    Q_ASSERT(feed);
    registerMarketMetaTypes();
    m_engineThread.setObjectName(QStringLiteral("engine"));
    m_serverThread.setObjectName(QStringLiteral("server"));

    // The monitor samples this process every second; the governor turns the samples into a pressure
    // level the scanner reads at the start of every scan (batch size 20/15/10) and trims caches. They are
    // the process's: a given one outlives this engine, otherwise this context is the whole run.
    if (!process) {
        m_ownProcess = std::make_unique<ProcessMonitor>();
        process = m_ownProcess.get();
    }
    m_process = process;

    m_sourceName = feed->sourceName();
    EngineConfig config;
    config.pressure = m_process->pressureGovernor();
    if (!journalPath.isEmpty()) {
        QDir().mkpath(QFileInfo(journalPath).absolutePath());
        config.journalPath = journalPath;
    }
    const PresetLoadResult preset = PresetLoader::load(QStringLiteral("breakout_v1"));
    if (preset.preset)
        config.preset = *preset.preset;
    else
        qCWarning(lcApp).noquote() << "preset breakout_v1:" << preset.error;
    // The engine owns the MarketService and the feed: moving the engine moves all of them.
    m_engine = new Engine(config, feed.release());
    adoptEngineObject(m_engine);

    // Crosses threads, so queued: the receiver sees a consistent copy.
    connect(m_engine, &Engine::overviewReady, this, &AppContext::overviewReady);
    connect(m_engine, &Engine::statusChanged, this, &AppContext::engineStatusChanged);
    // The engine stops on its own thread, in its last moments, before deferred deletes run there.
    connect(
        &m_engineThread, &QThread::finished, m_engine, [engine = m_engine] { engine->stop(); }, Qt::DirectConnection);
}

AppContext::~AppContext()
{
    stop();
    if (!m_started) {
        // The thread never ran, so nothing was deleted on it; the objects have no event loop to go to.
        for (QObject *object : std::as_const(m_engineObjects))
            delete object;
        delete m_bridge;
        delete m_server;
    }
}

void AppContext::enableServer(const ServerConfig &serverConfig)
{
    Q_ASSERT(!m_started && !m_server);
    m_server = new RemoteServer(serverConfig);
    m_server->moveToThread(&m_serverThread);
    auto *bridge = new RemoteBridge(m_server, m_engine, resourceMonitor(), pressureGovernor());
    m_bridge = bridge;
    bridge->moveToThread(&m_serverThread);
    connect(&m_serverThread, &QThread::started, m_server, &RemoteServer::start);
    // Stop (closing every client with a reason) on the server thread before the objects go.
    connect(
        &m_serverThread, &QThread::finished, m_server, [server = m_server] { server->stop(); }, Qt::DirectConnection);
    connect(&m_serverThread, &QThread::finished, bridge, &QObject::deleteLater);
    connect(&m_serverThread, &QThread::finished, m_server, &QObject::deleteLater);
    connect(m_server, &RemoteServer::started, this,
            [this](quint16 port) { emit serverStarted(port, m_server ? m_server->tokenFilePath() : QString()); });
    connect(m_server, &RemoteServer::startFailed, this, &AppContext::serverFailed);
}

void AppContext::adoptEngineObject(QObject *object)
{
    Q_ASSERT(object && !object->parent());
    Q_ASSERT(!m_started);
    object->moveToThread(&m_engineThread);
    connect(&m_engineThread, &QThread::finished, object, &QObject::deleteLater);
    m_engineObjects.append(object);
}

void AppContext::setStartingCash(double cash)
{
    // The engine thread does not run before start(), so the engine can be configured from here.
    if (!m_started)
        m_engine->setStartingCash(cash);
}

void AppContext::start()
{
    if (m_started)
        return;
    m_started = true;
    m_process->start(); // a running one (a source switch) keeps running, history and all
    m_engineThread.start();
    QMetaObject::invokeMethod(m_engine, &Engine::start, Qt::QueuedConnection);
    if (m_server)
        m_serverThread.start();
    qCInfo(lcApp).noquote() << "started:" << m_sourceName;
}

void AppContext::stop()
{
    if (m_serverThread.isRunning()) {
        m_serverThread.quit();
        m_serverThread.wait();
        m_server = nullptr;
        m_bridge = nullptr;
    }
    if (m_engineThread.isRunning()) {
        m_engineThread.quit();
        m_engineThread.wait();
        m_engine = nullptr;
        m_engineObjects.clear();
        qCInfo(lcApp) << "stopped";
    }
    // A given process monitor belongs to whoever gave it: it goes on sampling for the next engine.
    if (m_ownProcess)
        m_ownProcess->stop();
}

ResourceMonitor *AppContext::resourceMonitor() const
{
    return m_process->resourceMonitor();
}

PressureGovernor *AppContext::pressureGovernor() const
{
    return m_process->pressureGovernor();
}

} // namespace bw
