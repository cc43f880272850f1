#include "app/AppContext.h"

#include "app/AppLog.h"
#include "engine/Engine.h"
#include "market/MarketMetaTypes.h"
#include "market/SimulatedFeed.h"
#include "scanner/PresetLoader.h"

namespace bw {

AppContext::AppContext(const SimulatedFeedConfig &feed, QObject *parent)
    : QObject(parent)
{
    registerMarketMetaTypes();
    m_engineThread.setObjectName(QStringLiteral("engine"));

    auto *simulated = new SimulatedFeed(feed);
    m_sourceName = simulated->sourceName();
    EngineConfig config;
    const PresetLoadResult preset = PresetLoader::load(QStringLiteral("breakout_v1"));
    if (preset.preset)
        config.preset = *preset.preset;
    else
        qCWarning(lcApp).noquote() << "preset breakout_v1:" << preset.error;
    // The engine owns the MarketService and the feed: moving the engine moves all of them.
    m_engine = new Engine(config, simulated);
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

void AppContext::adoptEngineObject(QObject *object)
{
    Q_ASSERT(object && !object->parent());
    Q_ASSERT(!m_started);
    object->moveToThread(&m_engineThread);
    connect(&m_engineThread, &QThread::finished, object, &QObject::deleteLater);
    m_engineObjects.append(object);
}

void AppContext::start()
{
    if (m_started)
        return;
    m_started = true;
    m_engineThread.start();
    QMetaObject::invokeMethod(m_engine, &Engine::start, Qt::QueuedConnection);
    qCInfo(lcApp).noquote() << "started:" << m_sourceName;
}

void AppContext::stop()
{
    if (!m_engineThread.isRunning())
        return;
    m_engineThread.quit();
    m_engineThread.wait();
    m_engine = nullptr;
    m_engineObjects.clear();
    qCInfo(lcApp) << "stopped";
}

} // namespace bw
