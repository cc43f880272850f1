#include "app/LocalSession.h"

#include "app/AppContext.h"
#include "app/AppLog.h"
#include "app/LogCapture.h"
#include "app/ServerHost.h"
#include "app/SnapshotExport.h"
#include "common/CacheRegistry.h"
#include "engine/Engine.h"
#include "monitor/PressureGovernor.h"
#include "monitor/ProcessMonitor.h"
#include "monitor/ResourceMonitor.h"
#include "scanner/PresetLoader.h"
#include "server/Protocol.h"

#include <QCoreApplication>

namespace bw {

namespace {

void registerSessionTypes()
{
    static const bool done = [] {
        qRegisterMetaType<CacheStats>("bw::CacheStats");
        qRegisterMetaType<QList<CacheStats>>("QList<bw::CacheStats>");
        qRegisterMetaType<ViewerStats>("bw::ViewerStats");
        qRegisterMetaType<LogLine>("bw::LogLine");
        qRegisterMetaType<Candle>("bw::Candle");
        qRegisterMetaType<QList<Candle>>("QList<bw::Candle>");
        qRegisterMetaType<ResourceSample>("bw::ResourceSample");
        qRegisterMetaType<AlertEvent>("bw::AlertEvent");
        qRegisterMetaType<GovernorAction>("bw::GovernorAction");
        qRegisterMetaType<PressureLevel>("bw::PressureLevel");
        return true;
    }();
    Q_UNUSED(done);
}

// Who asked, as the exit orders and the journal name it: tells this desktop apart from a remote operator
// ("remote operator #3", RemoteBridge).
QString desktopOperator()
{
    return QCoreApplication::translate("LocalSession", "the desktop operator");
}

// Who asked and their words when given ("the desktop operator: news at 14:00"), as a remote operator's are.
QString operatorReason(const QString &words)
{
    return protocol::operatorReason(desktopOperator(), words);
}

} // namespace

LocalSession::LocalSession(const FeedOptions &feed, LocalSessionConfig config, QObject *parent)
    : WorkstationSession(parent)
    , m_feed(feed)
    , m_config(std::move(config))
    , m_cachesTimer(this)
{
    registerSessionTypes();
    m_log = new LogCapture(this);
    connect(m_log, &LogCapture::lineCaptured, this, &WorkstationSession::logged);
    m_cachesTimer.setInterval(std::max(100, m_config.cachesIntervalMs));
    connect(&m_cachesTimer, &QTimer::timeout, this, &LocalSession::publishCaches);
    ResourceMonitor::Options monitorOptions;
    monitorOptions.intervalMs = m_config.resourceIntervalMs;
    m_process = std::make_unique<ProcessMonitor>(monitorOptions, PressureThresholds{});
    connectProcessMonitor();
    if (m_config.server) {
        m_server = std::make_unique<ServerHost>(*m_config.server);
        // Once, for the session's life: the server's statistics are as true after a source switch as before.
        connect(m_server.get(), &ServerHost::started, this, &LocalSession::serverStarted);
        connect(m_server.get(), &ServerHost::failed, this, &LocalSession::serverFailed);
        connect(m_server.get(), &ServerHost::statsUpdated, this, &LocalSession::onServerStats);
    }
    if (const PresetLoadResult preset = PresetLoader::load(QStringLiteral("breakout_v1")); preset.preset)
        m_activePreset = preset.preset->name;
}

LocalSession::~LocalSession()
{
    stop();
}

template <typename... Args>
auto LocalSession::current(void (WorkstationSession::*signal)(Args...))
{
    return [this, signal, generation = m_generation](Args... args) {
        if (generation == m_generation)
            (this->*signal)(args...);
    };
}

bool LocalSession::start(QString *error)
{
    if (m_started)
        return true;
    emit connectionStateChanged(ConnectionState::Connecting, sourceName());
    if (!replaceContext(m_feed, error)) {
        emit connectionStateChanged(ConnectionState::Disconnected, error ? *error : QString());
        return false;
    }
    m_started = true;
    m_cachesTimer.start();
    emit connectionStateChanged(ConnectionState::Connected, sourceName());
    return true;
}

void LocalSession::stop()
{
    m_cachesTimer.stop();
    stopContext();
    if (m_server)
        m_server->stop();
    m_process->stop();
}

void LocalSession::stopContext()
{
    if (m_context) {
        ++m_generation; // what the stopped engine still had queued for us is stale
        m_context->stop();
        m_context.reset();
    }
}

bool LocalSession::replaceContext(const FeedOptions &feed, QString *error)
{
    QString problem;
    std::unique_ptr<AppContext> next = AppContext::create(feed, m_process.get(), m_config.journalPath, &problem);
    if (!next) {
        if (error)
            *error = problem;
        return false;
    }
    // The old engine goes first: the journal file is the new one's. Its bridge to the server goes with it;
    // the server and the process monitor go on meanwhile.
    stopContext();
    ++m_generation;
    m_context = std::move(next);
    m_feed = feed;
    m_engineState = EngineState::Idle;
    if (m_server)
        m_context->useServer(m_server.get());
    m_context->setStartingCash(m_config.startingCash);
    connectContext();
    // The preset the user chose survives the switch (queued before Engine::start, so the engine starts on it).
    Engine *engine = m_context->engine();
    if (!m_activePreset.isEmpty() && engine->config().preset.name != m_activePreset) {
        QMetaObject::invokeMethod(
            engine, [engine, name = m_activePreset] { engine->selectPreset(name); }, Qt::QueuedConnection);
    }
    emit contextChanged(m_context.get());
    m_context->start();
    return true;
}

void LocalSession::connectContext()
{
    Engine *engine = m_context->engine();
    // Each connection crosses threads: queued, with this session as context, so that every value arrives
    // on the session's thread, and a deleted sender drops its connections by itself.
    connect(engine, &Engine::stateChanged, this, current(&WorkstationSession::engineEvent));
    connect(engine, &Engine::statusChanged, this, [this, generation = m_generation](const EngineStatus &status) {
        if (generation != m_generation)
            return;
        m_engineState = status.state;
        m_activePreset = status.presetName;
        emit engineStatusChanged(status);
    });
    connect(engine, &Engine::overviewReady, this, current(&WorkstationSession::overviewReady));
    connect(engine, &Engine::scanFinished, this, current(&WorkstationSession::scanFinished));
    connect(engine, &Engine::signalsGenerated, this, current(&WorkstationSession::signalsGenerated));
    connect(engine, &Engine::signalDecided, this, current(&WorkstationSession::signalDecided));
    connect(engine, &Engine::tradingUpdated, this, current(&WorkstationSession::tradingUpdated));
    connect(engine, &Engine::accountUpdated, this, current(&WorkstationSession::accountUpdated));
    connect(engine, &Engine::candlesReady, this, current(&WorkstationSession::candlesReady));
    connect(engine, &Engine::commandRefused, this, current(&WorkstationSession::commandFailed));
}

void LocalSession::connectProcessMonitor()
{
    // Once, for the session's life, and without the generation check: the samples, alerts and governor
    // actions are this process's, as true after a source switch as before it (a sample taken while the
    // switch joined the old engine arrives afterwards, and belongs in the history).
    ResourceMonitor *monitor = m_process->resourceMonitor();
    connect(monitor, &ResourceMonitor::sampled, this, &WorkstationSession::resourceSampled);
    connect(monitor, &ResourceMonitor::alertRaised, this, &WorkstationSession::alertRaised);
    PressureGovernor *governor = m_process->pressureGovernor();
    connect(governor, &PressureGovernor::levelChanged, this, &WorkstationSession::pressureChanged);
    connect(governor, &PressureGovernor::actionTaken, this, &WorkstationSession::governorActed);
}

void LocalSession::onServerStats(const QJsonObject &stats)
{
    const QJsonObject totals = stats.value(QStringLiteral("totals")).toObject();
    ViewerStats viewers;
    viewers.clients = totals.value(QStringLiteral("clients")).toInt();
    viewers.queuedBytes = totals.value(QStringLiteral("queuedBytes")).toInteger();
    viewers.drops = totals.value(QStringLiteral("dropped")).toInteger();
    viewers.resyncs = totals.value(QStringLiteral("resyncs")).toInteger();
    emit viewersChanged(viewers);
}

void LocalSession::publishCaches()
{
    emit cachesUpdated(CacheRegistry::instance().stats());
}

QString LocalSession::sourceName() const
{
    if (m_context)
        return m_context->sourceName();
    switch (m_feed.source) {
    case FeedOptions::Source::Simulated:
        return tr("Simulated market (%n symbol(s))", nullptr, m_feed.simulated.symbols);
    case FeedOptions::Source::Replay:
        return tr("Replay of %1").arg(m_feed.replay.path);
    case FeedOptions::Source::Bybit:
        return tr("Bybit linear perpetuals (%1)").arg(m_feed.bybit.symbols.toString());
    }
    return {};
}

QStringList LocalSession::presetNames() const
{
    return PresetLoader::shippedPresetNames();
}

bool LocalSession::engineAvailable(const QString &command)
{
    if (m_context && m_context->engine())
        return true;
    emit commandFailed(command, tr("the engine is not running: the workstation has no data source"));
    return false;
}

void LocalSession::startEngine()
{
    const QString command = QStringLiteral("engine.start");
    if (!m_started) {
        QString error;
        if (!start(&error))
            emit commandFailed(command, error);
        return;
    }
    if (m_engineState == EngineState::Stopped || m_engineState == EngineState::Error) {
        // An engine builds its parts once: a stopped one restarts as a new AppContext on the same source.
        QString error;
        if (!replaceContext(m_feed, &error))
            emit commandFailed(command, error);
        return;
    }
    if (m_engineState != EngineState::Idle) {
        emit commandFailed(command, tr("the engine is already running (%1)").arg(toCode(m_engineState)));
        return;
    }
    if (engineAvailable(command))
        QMetaObject::invokeMethod(m_context->engine(), &Engine::start, Qt::QueuedConnection);
}

void LocalSession::pauseEngine()
{
    if (engineAvailable(QStringLiteral("engine.pause")))
        QMetaObject::invokeMethod(
            m_context->engine(), [engine = m_context->engine()] { engine->pause(); }, Qt::QueuedConnection);
}

void LocalSession::resumeEngine()
{
    if (engineAvailable(QStringLiteral("engine.resume")))
        QMetaObject::invokeMethod(
            m_context->engine(), [engine = m_context->engine()] { engine->resume(); }, Qt::QueuedConnection);
}

void LocalSession::stopEngine()
{
    if (engineAvailable(QStringLiteral("engine.stop")))
        QMetaObject::invokeMethod(
            m_context->engine(), [engine = m_context->engine()] { engine->stop(); }, Qt::QueuedConnection);
}

void LocalSession::scanNow()
{
    if (engineAvailable(QStringLiteral("engine.scan_now")))
        QMetaObject::invokeMethod(m_context->engine(), &Engine::scanNow, Qt::QueuedConnection);
}

void LocalSession::selectPreset(const QString &name)
{
    if (engineAvailable(QStringLiteral("engine.preset")))
        QMetaObject::invokeMethod(
            m_context->engine(), [engine = m_context->engine(), name] { engine->selectPreset(name); },
            Qt::QueuedConnection);
}

void LocalSession::closePosition(qint64 positionId, const QString &reason)
{
    if (engineAvailable(QStringLiteral("position.close")))
        QMetaObject::invokeMethod(
            m_context->engine(),
            [engine = m_context->engine(), positionId, why = operatorReason(reason)] {
                engine->closePosition(positionId, why);
            },
            Qt::QueuedConnection);
}

void LocalSession::flattenAll(const QString &reason)
{
    if (engineAvailable(QStringLiteral("positions.flatten")))
        QMetaObject::invokeMethod(
            m_context->engine(),
            [engine = m_context->engine(), why = operatorReason(reason)] { engine->flattenAll(why); },
            Qt::QueuedConnection);
}

void LocalSession::haltTrading(const QString &reason)
{
    if (engineAvailable(QStringLiteral("risk.halt")))
        QMetaObject::invokeMethod(
            m_context->engine(),
            [engine = m_context->engine(), why = operatorReason(reason)] { engine->haltTrading(why); },
            Qt::QueuedConnection);
}

void LocalSession::resetKillSwitch()
{
    if (engineAvailable(QStringLiteral("risk.reset")))
        QMetaObject::invokeMethod(
            m_context->engine(),
            [engine = m_context->engine(), who = desktopOperator()] { engine->resetKillSwitch(who); },
            Qt::QueuedConnection);
}

void LocalSession::requestCandles(const QString &symbol, int count)
{
    if (engineAvailable(QStringLiteral("candles")))
        QMetaObject::invokeMethod(
            m_context->engine(),
            [engine = m_context->engine(), symbol, count] { engine->requestCandles(symbol, count); },
            Qt::QueuedConnection);
}

void LocalSession::exportSnapshot()
{
    const QString command = QStringLiteral("snapshot.export");
    if (!engineAvailable(command))
        return;
    SnapshotExport::run(m_context->engine(), this, tr("the desktop"),
                        // A snapshot is of the process, not of one source: reported even after a switch.
                        [this, command](const MemorySnapshot::Result &result) {
                            if (result.ok)
                                emit snapshotExported(result.path);
                            else
                                emit commandFailed(command, result.error);
                        });
}

void LocalSession::selectSource(const FeedOptions &options)
{
    const QString command = QStringLiteral("source.select");
    QString error;
    if (!replaceContext(options, &error)) {
        emit commandFailed(command, error);
        return;
    }
    if (!m_started) {
        m_started = true;
        m_cachesTimer.start();
    }
    qCInfo(lcApp).noquote() << "market source changed to" << sourceName();
    emit sourceChanged(sourceName());
    emit connectionStateChanged(ConnectionState::Connected, sourceName());
}

} // namespace bw
