#include "app/AppContext.h"

#include "app/AppLog.h"
#include "app/ServerHost.h"
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
    }
}

void AppContext::enableServer(const ServerConfig &serverConfig)
{
    Q_ASSERT(!m_started && !m_serverHost);
    m_ownServer = std::make_unique<ServerHost>(serverConfig);
    m_serverHost = m_ownServer.get();
    connect(m_serverHost, &ServerHost::started, this, &AppContext::serverStarted);
    connect(m_serverHost, &ServerHost::failed, this, &AppContext::serverFailed);
}

void AppContext::useServer(ServerHost *host)
{
    Q_ASSERT(!m_started && !m_serverHost && host);
    m_serverHost = host;
}

RemoteServer *AppContext::remoteServer() const
{
    return m_serverHost ? m_serverHost->server() : nullptr;
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
    if (m_serverHost) {
        // Before the engine runs, so that the bridge sees its first status; a running server (a source
        // switch) keeps its port and its clients.
        m_serverHost->attach(m_engine, resourceMonitor(), pressureGovernor());
        m_serverHost->start();
    }
    m_engineThread.start();
    QMetaObject::invokeMethod(m_engine, &Engine::start, Qt::QueuedConnection);
    qCInfo(lcApp).noquote() << "started:" << m_sourceName;
}

void AppContext::stop()
{
    // The bridge goes first (it refers to the engine); a given server goes on for the next engine.
    if (m_serverHost && m_engine && m_serverHost->isAttachedTo(m_engine))
        m_serverHost->detach();
    if (m_ownServer)
        m_ownServer->stop();
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
