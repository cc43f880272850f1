#include "app/AppContext.h"

#include "app/AppLog.h"
#include "market/MarketMetaTypes.h"
#include "market/MarketService.h"
#include "market/SimulatedFeed.h"

namespace bw {

AppContext::AppContext(const SimulatedFeedConfig &feed, QObject *parent)
    : QObject(parent)
{
    registerMarketMetaTypes();
    m_engineThread.setObjectName(QStringLiteral("engine"));

    auto *simulated = new SimulatedFeed(feed);
    m_sourceName = simulated->sourceName();
    m_market = new MarketService(simulated); // owns the feed: moving the service moves both
    adoptEngineObject(m_market);

    // Crosses threads, so queued: the receiver sees a consistent copy.
    connect(m_market, &MarketService::overviewReady, this, &AppContext::overviewReady);
    connect(m_market, &MarketService::feedError, this,
            [](const QString &message) { qCWarning(lcApp).noquote() << "market feed:" << message; });
    // The services stop on their own thread, in its last moments, before deferred deletes run there.
    connect(&m_engineThread, &QThread::finished, m_market, &MarketService::stop, Qt::DirectConnection);
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
    QMetaObject::invokeMethod(m_market, &MarketService::start, Qt::QueuedConnection);
    qCInfo(lcApp).noquote() << "started:" << m_sourceName;
}

void AppContext::stop()
{
    if (!m_engineThread.isRunning())
        return;
    m_engineThread.quit();
    m_engineThread.wait();
    m_market = nullptr;
    m_engineObjects.clear();
    qCInfo(lcApp) << "stopped";
}

} // namespace bw
