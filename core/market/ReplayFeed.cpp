#include "market/ReplayFeed.h"

#include "market/CandleFileReader.h"
#include "market/MarketLog.h"
#include "market/MarketMetaTypes.h"

#include <algorithm>
#include <cmath>

namespace bw {

ReplayFeed::ReplayFeed(ReplayConfig config, QObject *parent)
    : MarketFeed(parent)
    , m_config(std::move(config))
{
    registerMarketMetaTypes(); // consumers may sit on another thread
    m_config.chunkBarTimes = qMax(1, m_config.chunkBarTimes);
    m_config.backfillBars = qMax(0, m_config.backfillBars);
    // A child, so that it moves with the feed to the engine's thread (a paced replay there needs it).
    m_pacer.setParent(this);
    m_pacer.setTimerType(Qt::PreciseTimer);
    connect(&m_pacer, &QTimer::timeout, this, &ReplayFeed::pump);
}

ReplayFeed::~ReplayFeed() = default;

QString ReplayFeed::sourceName() const
{
    if (m_data.ok)
        return tr("Replay of %1 (%n symbol(s))", nullptr, int(m_data.series.size())).arg(m_config.path);
    return tr("Replay of %1").arg(m_config.path);
}

qint64 ReplayFeed::barIntervalMs() const
{
    return m_data.ok ? m_data.intervalMs : 0;
}

void ReplayFeed::start()
{
    if (m_state != State::Idle)
        return; // a feed replays once; make a new one to replay again
    m_state = State::Loading;
    m_reader = std::make_unique<CandleFileReader>(m_config.read);
    m_pendingFiles = m_reader->beginPath(m_config.path);
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation)
            loadNextFile();
    });
}

void ReplayFeed::loadNextFile()
{
    if (m_state != State::Loading || !m_reader)
        return;
    if (!m_pendingFiles.isEmpty() && !m_reader->hasFailed()) {
        m_reader->addFile(m_pendingFiles.takeFirst());
        const quint64 generation = m_generation;
        QTimer::singleShot(0, this, [this, generation] {
            if (generation == m_generation)
                loadNextFile();
        });
        return;
    }
    m_data = m_reader->finish();
    m_reader.reset();
    onLoaded();
}

void ReplayFeed::stop()
{
    m_reader.reset();
    m_pendingFiles.clear();
    ++m_generation;
    m_pumpQueued = false;
    m_pacer.stop();
    if (m_state == State::Loading || m_state == State::Backfilling || m_state == State::Replaying)
        m_state = State::Stopped;
}

void ReplayFeed::pause()
{
    if (m_paused || m_state == State::Finished || m_state == State::Failed || m_state == State::Stopped)
        return;
    m_paused = true;
    if (m_state == State::Idle || m_state == State::Loading)
        return; // loading goes on; the replay waits for resume()
    ++m_generation;
    m_pumpQueued = false;
    m_pacer.stop();
}

void ReplayFeed::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    restartPacing();
    schedule();
}

void ReplayFeed::acknowledge(int batches)
{
    const bool wasBlocked = blocked();
    m_inFlight = qMax(0, m_inFlight - qMax(0, batches));
    if (wasBlocked && !blocked()) {
        restartPacing(); // a paced replay resumes its rate instead of bursting to catch up
        schedule();
    }
}

void ReplayFeed::setBarsPerSecond(double barsPerSecond)
{
    m_config.barsPerSecond = barsPerSecond;
    restartPacing();
    m_pacer.stop();
    schedule();
}

bool ReplayFeed::blocked() const
{
    return m_config.maxBatchesInFlight > 0 && m_inFlight >= m_config.maxBatchesInFlight;
}

void ReplayFeed::restartPacing()
{
    m_paceClock.start();
    m_paceBase = m_next;
}

void ReplayFeed::onLoaded()
{
    if (!m_data.ok) {
        qCWarning(lcMarket).noquote() << m_data.summary(20);
        m_state = State::Failed;
        emit feedError(m_data.summary());
        emit finished();
        return;
    }

    const qsizetype symbolCount = m_data.series.size();
    QList<SymbolInfo> symbols;
    symbols.reserve(symbolCount);
    std::vector<qint64> times;
    times.reserve(std::size_t(m_data.barCount));
    for (const RecordedSeries &s : std::as_const(m_data.series)) {
        symbols.append(s.info);
        for (const Candle &c : s.candles)
            times.push_back(c.openTimeMs);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    m_times = std::move(times);
    m_cursor.assign(std::size_t(symbolCount), 0);
    m_tickers.assign(std::size_t(symbolCount), ReplayTickerWindow());
    m_next = 0;
    m_backfillEnd = qMin<qsizetype>(m_config.backfillBars, qsizetype(m_times.size()));

    const quint64 generation = m_generation;
    emit symbolsReady(symbols);
    if (generation != m_generation)
        return;
    qCInfo(lcMarket).noquote() << m_data.summary(m_data.problemCount() > 0 ? 20 : 0);
    if (m_data.problemCount() > 0) {
        emit feedError(m_data.summary()); // lines skipped under SkipBadLines: the user should know
        if (generation != m_generation)
            return;
    }
    if (m_backfillEnd > 0) {
        m_state = State::Backfilling;
        emit backfillProgress(0, int(m_backfillEnd));
    } else {
        m_state = State::Replaying;
        emit backfillFinished();
    }
    if (generation != m_generation)
        return;
    restartPacing();
    schedule();
}

void ReplayFeed::schedule()
{
    const bool active = m_state == State::Backfilling || m_state == State::Replaying;
    if (!active || m_paused || blocked()) {
        m_pacer.stop();
        return;
    }
    if (m_state == State::Replaying && m_config.barsPerSecond > 0) {
        // Ticks of at least 10 ms; the number of bars per tick follows the clock, so the rate is right
        // whatever the timer's jitter.
        const int tickMs = int(qBound(10.0, 1000.0 / m_config.barsPerSecond, 1000.0));
        if (!m_pacer.isActive() || m_pacer.interval() != tickMs)
            m_pacer.start(tickMs);
        return;
    }
    m_pacer.stop();
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    const quint64 generation = m_generation;
    // One chunk per event-loop turn: timers and queued events of the consumer's thread run in between.
    QTimer::singleShot(0, this, [this, generation] {
        if (generation != m_generation)
            return;
        m_pumpQueued = false;
        pump();
    });
}

void ReplayFeed::pump()
{
    if (m_paused || (m_state != State::Backfilling && m_state != State::Replaying))
        return;
    const quint64 generation = m_generation;
    qsizetype budget = m_config.chunkBarTimes;
    if (m_state == State::Replaying && m_config.barsPerSecond > 0) {
        const double owed = double(m_paceClock.elapsed()) * m_config.barsPerSecond / 1000.0;
        const qsizetype due = m_paceBase + qsizetype(std::floor(owed)) - m_next;
        budget = qBound<qsizetype>(0, due, qMax<qsizetype>(m_config.chunkBarTimes, qsizetype(m_config.barsPerSecond)));
    }
    const qsizetype total = qsizetype(m_times.size());
    for (;;) {
        // Checked before each bar, not only after one: a consumer may pause or stop the feed right after the
        // last backfill bar, and the backfill must still end properly when it resumes.
        if (m_state == State::Backfilling && m_next >= m_backfillEnd) {
            emit backfillProgress(int(m_next), int(m_backfillEnd));
            if (generation != m_generation)
                return;
            m_state = State::Replaying;
            emit backfillFinished();
            if (generation != m_generation)
                return;
            restartPacing(); // a paced replay starts on its next tick
            break;
        }
        if (budget <= 0 || m_next >= total || blocked())
            break;
        --budget;
        emitBarTime(m_times[std::size_t(m_next++)]);
        if (generation != m_generation)
            return; // stopped or paused by a consumer
    }
    if (m_state == State::Backfilling) {
        emit backfillProgress(int(m_next), int(m_backfillEnd));
        if (generation != m_generation)
            return;
    }
    if (m_next >= total) {
        finishReplay();
        return;
    }
    schedule();
}

void ReplayFeed::emitBarTime(qint64 timeMs)
{
    const qint64 interval = m_data.intervalMs;
    const qint64 closeMs = timeMs + interval;
    MarketUpdateBatch batch;
    batch.marketTimeMs = closeMs;
    const qsizetype symbolCount = m_data.series.size();
    for (qsizetype s = 0; s < symbolCount; ++s) {
        const RecordedSeries &series = m_data.series.at(s);
        qsizetype &cursor = m_cursor[std::size_t(s)];
        if (cursor >= series.candles.size() || series.candles.at(cursor).openTimeMs != timeMs)
            continue;
        const Candle &bar = series.candles.at(cursor++);
        batch.candles.append({int(s), bar});
        batch.tickers.append({int(s), m_tickers[std::size_t(s)].add(bar, interval)});
        batch.books.append({int(s), ReplayBookEstimator::estimate(bar, series.info.tickSize, m_config.book, closeMs)});
    }
    if (m_config.maxBatchesInFlight > 0)
        ++m_inFlight;
    emit updatesReady(batch);
}

void ReplayFeed::finishReplay()
{
    m_state = State::Finished;
    m_pacer.stop();
    emit finished();
}

} // namespace bw
