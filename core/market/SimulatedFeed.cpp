#include "market/SimulatedFeed.h"

#include "market/MarketLog.h"
#include "market/MarketMetaTypes.h"

#include <algorithm>

namespace bw {

namespace {

SimulatedFeedConfig resolved(SimulatedFeedConfig config, const Clock &clock)
{
    if (config.startTimeMs <= 0)
        config.startTimeMs = clock.nowMs();
    if (config.barIntervalMs > 0)
        config.startTimeMs -= config.startTimeMs % config.barIntervalMs;
    return config;
}

} // namespace

SimulatedFeed::SimulatedFeed(const SimulatedFeedConfig &config, const Clock &clock, QObject *parent)
    : MarketFeed(parent)
    , m_market(std::make_unique<SimulatedMarket>(resolved(config, clock)))
    , m_backfillTimer(this)
    , m_liveTimer(this)
{
    registerMarketMetaTypes();
    m_backfillTimer.setSingleShot(true);
    m_backfillTimer.setInterval(0);
    m_liveTimer.setInterval(m_market->config().tickIntervalMs());
    m_liveTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_backfillTimer, &QTimer::timeout, this, &SimulatedFeed::backfillChunk);
    connect(&m_liveTimer, &QTimer::timeout, this, &SimulatedFeed::liveTick);
}

SimulatedFeed::~SimulatedFeed() = default;

QString SimulatedFeed::sourceName() const
{
    return tr("Simulated market (%1 symbols, seed %2)").arg(m_market->symbolCount()).arg(m_market->config().seed);
}

qint64 SimulatedFeed::barIntervalMs() const
{
    return m_market->barIntervalMs();
}

void SimulatedFeed::start()
{
    if (isRunning())
        return;
    // Everything, even the symbol list, goes out from the event loop: start() only schedules.
    m_state = m_backfillFinished ? State::Live : State::Backfilling;
    QTimer::singleShot(0, this, &SimulatedFeed::begin);
}

void SimulatedFeed::begin()
{
    if (!isRunning())
        return;
    if (!m_symbolsSent) {
        m_symbolsSent = true;
        qCInfo(lcMarket).noquote() << sourceName() << "starting:" << m_market->config().backfillBars
                                   << "bars of history, a bar every"
                                   << m_market->config().tickIntervalMs() * m_market->config().ticksPerBar
                                   << "ms of wall time";
        emit symbolsReady(m_market->symbols());
    }
    if (m_state == State::Live)
        m_liveTimer.start();
    else if (m_market->config().backfillBars == 0)
        finishBackfill();
    else
        m_backfillTimer.start();
}

void SimulatedFeed::finishBackfill()
{
    qCInfo(lcMarket) << "simulated backfill finished:" << m_market->config().backfillBars << "bars for"
                     << m_market->symbolCount() << "symbols";
    m_backfillFinished = true;
    m_state = State::Live;
    emit backfillFinished();
    m_liveTimer.start();
}

void SimulatedFeed::stop()
{
    m_backfillTimer.stop();
    m_liveTimer.stop();
    if (isRunning())
        m_state = State::Stopped;
}

void SimulatedFeed::backfillChunk()
{
    if (m_state != State::Backfilling)
        return;
    const int total = m_market->config().backfillBars;
    const int perBatch = std::max(1, kBackfillCandlesPerBatch / m_market->symbolCount());
    const int bars = std::min(perBatch, total - m_backfillDone);

    MarketUpdateBatch batch;
    batch.candles.reserve(bars * m_market->symbolCount());
    for (int b = 0; b < bars; ++b) {
        m_market->stepBar();
        m_market->appendCandles(batch);
    }
    m_market->appendTickers(batch);
    m_market->appendBooks(batch);
    batch.marketTimeMs = m_market->marketTimeMs();
    m_backfillDone += bars;
    emit updatesReady(batch);
    emit backfillProgress(m_backfillDone, total);

    if (m_backfillDone < total) {
        m_backfillTimer.start();
        return;
    }
    finishBackfill();
}

void SimulatedFeed::liveTick()
{
    if (m_state != State::Live)
        return;
    m_market->step();
    MarketUpdateBatch batch;
    m_market->appendCandles(batch);
    m_market->appendTickers(batch);
    m_market->appendBooks(batch);
    batch.marketTimeMs = m_market->marketTimeMs();
    emit updatesReady(batch);
}

} // namespace bw
