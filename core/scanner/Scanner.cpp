#include "scanner/Scanner.h"

#include "scanner/LevelDetector.h"
#include "scanner/ScanFilters.h"
#include "scanner/ScannerLog.h"
#include "scanner/ScoreModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <cmath>
#include <vector>

namespace bw {

struct Scanner::Outcome {
    int symbol = -1;                         // -1: not evaluated (cancelled before its batch ran)
    ScanStage rejectedAt = ScanStage::Count; // Count: passed every stage
    QString reason;                          // of the rejection, built on the worker
    qint64 barOpenMs = -1;
    SymbolMetrics metrics;
    QList<FilterResult> filters;
    ScoreBreakdown score;
    QList<Level> levels;
    double atr = 0;
};

struct Scanner::ScanJob {
    quint64 id = 0;
    qint64 startedAtMs = 0;
    QElapsedTimer wall;
    std::shared_ptr<const Preset> preset;
    const ScanSource *source = nullptr;
    quint64 generation = 0;
    PressureLevel pressure = PressureLevel::Normal;
    int symbolsTotal = 0;
    int batchSize = 20;
    int batches = 0;
    int workers = 0;
    int threads = 0;
    std::vector<int> selected;     // symbols that reached the filters
    std::vector<Outcome> outcomes; // one slot per selected symbol, written by exactly one worker
    std::vector<std::array<double, kScanStageCount>> stageNs; // one row per worker
    QList<Rejection> earlyRejections;
    int afterLists = 0;
    double listsMs = 0;
    double topMs = 0;
    std::atomic<int> nextBatch{0};
    std::atomic<int> activeWorkers{0};
    std::atomic<bool> cancelled{false};
};

namespace {

double nsSince(std::chrono::steady_clock::time_point &t)
{
    const auto now = std::chrono::steady_clock::now();
    const double ns = double(std::chrono::duration_cast<std::chrono::nanoseconds>(now - t).count());
    t = now;
    return ns;
}

bool stagePassed(const QList<FilterResult> &results, ScanStage stage)
{
    for (const FilterResult &r : results) {
        if (r.stage == stage && r.applicable && !r.passed)
            return false;
    }
    return true;
}

QString stageReason(const QList<FilterResult> &results, ScanStage stage)
{
    QStringList parts;
    for (const FilterResult &r : results) {
        if (r.stage == stage && r.applicable && !r.passed)
            parts.append(r.reason);
    }
    return parts.join(QStringLiteral("; "));
}

template <typename Outcome>
void reject(Outcome &out, ScanStage stage)
{
    out.rejectedAt = stage;
    out.reason = stageReason(out.filters, stage);
}

quint64 mix(quint64 h, double v)
{
    return (h ^ std::bit_cast<quint64>(v)) * 0x100000001b3ULL;
}

struct WorkerScratch {
    BarBuffer bars;
    LevelDetector::Scratch levels;
    std::vector<LevelSeed> seeds;
};

} // namespace

Scanner::Scanner(ScannerSettings settings, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(clock)
    , m_preset(std::make_shared<const Preset>())
    , m_filterCache({QStringLiteral("scanner.filters"), settings.cacheCapacity, settings.filterCacheTtlMs}, clock)
    , m_scoreCache({QStringLiteral("scanner.scores"), settings.cacheCapacity, settings.scoreCacheTtlMs}, clock)
    , m_levelCache({QStringLiteral("scanner.levels"), settings.cacheCapacity, settings.levelCacheTtlMs, true,
                    qint64(sizeof(Level)) * 8},
                   clock)
{
    qRegisterMetaType<ScanReportPtr>("bw::ScanReportPtr");
    m_pool.setObjectName(QStringLiteral("bw-scanner"));
    m_pool.setMaxThreadCount(m_settings.threads > 0 ? m_settings.threads : std::max(1, QThread::idealThreadCount()));
    m_settings.maxConcurrentBatches = std::max(1, m_settings.maxConcurrentBatches);
    m_timer.setInterval(m_preset->scanner.scanIntervalSeconds * 1000);
    connect(&m_timer, &QTimer::timeout, this, [this] { requestScan(); });
}

Scanner::~Scanner()
{
    if (m_running)
        m_running->cancelled.store(true, std::memory_order_relaxed);
    m_pool.waitForDone();
}

void Scanner::setPreset(const Preset &preset)
{
    m_preset = std::make_shared<const Preset>(preset);
    ++m_generation;
    m_timer.setInterval(std::max(1, preset.scanner.scanIntervalSeconds) * 1000);
}

void Scanner::setPeriodicScanning(bool enabled)
{
    if (enabled)
        m_timer.start();
    else
        m_timer.stop();
}

void Scanner::setSource(const ScanSource *source)
{
    m_source = source;
    ++m_generation;
}

void Scanner::setUpdateGate(std::function<void(bool)> gate)
{
    m_gate = std::move(gate);
}

void Scanner::setPressureSource(const PressureSource *pressure)
{
    m_pressure = pressure;
}

void Scanner::setConcurrency(int threads, int maxConcurrentBatches)
{
    m_settings.threads = threads;
    m_settings.maxConcurrentBatches = std::max(1, maxConcurrentBatches);
    m_pool.setMaxThreadCount(threads > 0 ? threads : std::max(1, QThread::idealThreadCount()));
}

int Scanner::threadCount() const
{
    return m_pool.maxThreadCount();
}

int Scanner::batchSizeFor(PressureLevel level) const
{
    switch (level) {
    case PressureLevel::Normal:
        return std::max(1, m_settings.batchSizeNormal);
    case PressureLevel::High:
        return std::max(1, m_settings.batchSizeHigh);
    case PressureLevel::Critical:
        return std::max(1, m_settings.batchSizeCritical);
    }
    return std::max(1, m_settings.batchSizeNormal);
}

bool Scanner::requestScan()
{
    if (m_running) {
        m_pending = true; // coalesced: however many requests arrive, one scan follows
        return false;
    }
    if (!m_source) {
        qCWarning(lcScanner) << "scan requested without a market source";
        return false;
    }
    startScan();
    return true;
}

void Scanner::cancel()
{
    m_pending = false;
    if (m_running)
        m_running->cancelled.store(true, std::memory_order_relaxed);
}

void Scanner::startScan()
{
    auto job = std::make_shared<ScanJob>();
    job->wall.start();
    job->id = m_nextScanId++;
    job->startedAtMs = m_clock.nowMs();
    job->preset = m_preset;
    job->source = m_source;
    job->generation = m_generation;
    job->pressure = m_pressure ? m_pressure->pressureLevel() : PressureLevel::Normal;
    job->batchSize = batchSizeFor(job->pressure);
    job->threads = threadCount();
    m_running = job;
    if (m_gate)
        m_gate(true);
    emit scanStarted(job->id);

    const ScanSource &source = *m_source;
    const ScannerSection &config = job->preset->scanner;
    const int n = source.symbolCount();
    job->symbolsTotal = n;

    // Stage 1: white and black lists, matched against the feed's own names.
    QElapsedTimer stageTimer;
    stageTimer.start();
    std::vector<int> listed;
    listed.reserve(std::size_t(n));
    QSet<QString> white;
    if (config.symbolWhitelist)
        white = QSet<QString>(config.symbolWhitelist->cbegin(), config.symbolWhitelist->cend());
    const QSet<QString> black(config.symbolBlacklist.cbegin(), config.symbolBlacklist.cend());
    for (int i = 0; i < n; ++i) {
        if (!config.symbolWhitelist && black.isEmpty()) {
            listed.push_back(i);
            continue;
        }
        const QString name = source.symbolName(i);
        QString reason;
        if (config.symbolWhitelist && !white.contains(name))
            reason = tr("not on the whitelist");
        else if (black.contains(name))
            reason = tr("on the blacklist");
        if (reason.isEmpty()) {
            listed.push_back(i);
        } else {
            Rejection r;
            r.symbol = name;
            r.stage = ScanStage::SymbolLists;
            r.reason = reason;
            job->earlyRejections.append(std::move(r));
        }
    }
    job->afterLists = int(listed.size());
    job->listsMs = double(stageTimer.nsecsElapsed()) / 1e6;

    // Stage 2: top N by 24 h quote volume, before any heavy work.
    stageTimer.restart();
    if (config.topNByVolume && int(listed.size()) > *config.topNByVolume) {
        const auto topN = std::size_t(*config.topNByVolume);
        std::vector<std::pair<double, int>> byVolume;
        byVolume.reserve(listed.size());
        for (int i : listed)
            byVolume.emplace_back(source.quoteVolume24h(i), i);
        std::sort(byVolume.begin(), byVolume.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        // One shared sentence for every symbol cut here: thousands of rejections, no formatting each.
        const QString reason = tr("outside the top %1 by 24 h volume (cut-off %2)")
                                   .arg(topN)
                                   .arg(QString::number(byVolume[topN - 1].first, 'f', 0));
        job->earlyRejections.reserve(job->earlyRejections.size() + qsizetype(byVolume.size() - topN));
        for (std::size_t k = topN; k < byVolume.size(); ++k) {
            Rejection r;
            r.symbol = source.symbolName(byVolume[k].second);
            r.stage = ScanStage::TopVolume;
            r.reason = reason;
            r.measured.quoteVolume24h = byVolume[k].first; // the only thing this stage measured
            job->earlyRejections.append(std::move(r));
        }
        byVolume.resize(topN);
        listed.clear();
        for (const auto &[volume, i] : byVolume)
            listed.push_back(i);
        std::sort(listed.begin(), listed.end());
    }
    job->selected = std::move(listed);
    job->topMs = double(stageTimer.nsecsElapsed()) / 1e6;

    // Stages 3+: batches on the pool. Slots are preallocated; each worker writes only its batches' slots.
    const int count = int(job->selected.size());
    if (m_settings.cacheCapacity > 0) {
        // A new preset or source: no entry of the old generation is ever read again. Dropped now (as
        // replaced), rather than left for the LRU to push out later as if the caches were short of room;
        // symbols the new generation does not evaluate would otherwise hold theirs indefinitely.
        if (job->generation != m_cachedGeneration) {
            m_filterCache.supersedeAll();
            m_scoreCache.supersedeAll();
            m_levelCache.supersedeAll();
            m_cachedGeneration = job->generation;
        }
        // Symbols that left the scan (the top N by volume moved) would keep their entries, never read, and
        // once the caches are full each newcomer would push one out: evictions in a cache sized to the
        // scan, shown as pressure. Dropped as replaced instead; a symbol that comes back recomputes once.
        if (job->selected.size() < std::size_t(n)) {
            std::vector<char> scanned(std::size_t(n), 0);
            for (const int i : job->selected)
                scanned[std::size_t(i)] = 1;
            const auto leftTheScan = [&scanned](const ScanCacheKey &key) {
                return key.symbol < 0 || std::size_t(key.symbol) >= scanned.size() || !scanned[std::size_t(key.symbol)];
            };
            m_filterCache.supersedeIf(leftTheScan);
            m_scoreCache.supersedeIf(leftTheScan);
            m_levelCache.supersedeIf(leftTheScan);
        }
        const qint64 capacity = std::clamp<qint64>(count, m_settings.cacheCapacity,
                                                   std::max(m_settings.cacheCapacity, m_settings.cacheCapacityMax));
        if (capacity != m_filterCache.baseCapacity()) {
            m_filterCache.setBaseCapacity(capacity);
            m_scoreCache.setBaseCapacity(capacity);
            m_levelCache.setBaseCapacity(capacity);
        }
    }
    job->outcomes.resize(std::size_t(count));
    job->batches = (count + job->batchSize - 1) / job->batchSize;
    job->workers = std::min({m_settings.maxConcurrentBatches, job->threads, job->batches});
    job->stageNs.assign(std::size_t(std::max(job->workers, 1)), {});
    if (job->workers == 0) {
        QMetaObject::invokeMethod(
            this, [this, job] { finishScan(job); }, Qt::QueuedConnection);
        return;
    }
    job->activeWorkers.store(job->workers, std::memory_order_relaxed);
    for (int w = 0; w < job->workers; ++w)
        m_pool.start([this, job, w] { runWorker(job, w); });
}

void Scanner::runWorker(const std::shared_ptr<ScanJob> &job, int worker)
{
    double *stageNs = job->stageNs[std::size_t(worker)].data();
    const int count = int(job->selected.size());
    for (;;) {
        if (job->cancelled.load(std::memory_order_relaxed))
            break;
        const int batch = job->nextBatch.fetch_add(1, std::memory_order_relaxed);
        if (batch >= job->batches)
            break;
        const int from = batch * job->batchSize;
        const int to = std::min(count, from + job->batchSize);
        for (int k = from; k < to; ++k) {
            if (job->cancelled.load(std::memory_order_relaxed))
                break;
            evaluate(*job, job->selected[std::size_t(k)], job->outcomes[std::size_t(k)], stageNs);
        }
    }
    if (job->activeWorkers.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        QMetaObject::invokeMethod(
            this, [this, job] { finishScan(job); }, Qt::QueuedConnection);
    }
}

void Scanner::evaluate(const ScanJob &job, int symbol, Outcome &out, double *stageNs)
{
    thread_local WorkerScratch scratch;
    const Preset &preset = *job.preset;
    const ScanSource &source = *job.source;
    auto t = std::chrono::steady_clock::now();

    out.symbol = symbol;
    out.barOpenMs = source.closedBarOpenMs(symbol);
    source.fillMetrics(symbol, out.metrics);
    const SymbolMetrics &m = out.metrics;
    // With caches configured off (capacity 0) not even the lookup is made: each one takes a mutex.
    const bool cacheable = out.barOpenMs >= 0 && m_settings.cacheCapacity > 0;
    out.filters.reserve(12);

    ScanFilters::liquidity(m, preset.liquidity, out.filters);
    stageNs[int(ScanStage::Liquidity)] += nsSince(t);
    if (!stagePassed(out.filters, ScanStage::Liquidity)) {
        reject(out, ScanStage::Liquidity);
        return;
    }

    // Volatility and correlation depend only on closed bars: cached per symbol and bar.
    const ScanCacheKey barKey{symbol, out.barOpenMs, job.generation, 0};
    std::optional<QList<FilterResult>> barFilters = cacheable ? m_filterCache.get(barKey) : std::nullopt;
    if (!barFilters) {
        QList<FilterResult> computed;
        ScanFilters::volatility(m, preset.volatility, computed);
        ScanFilters::correlation(m, preset.risk, computed);
        if (cacheable)
            m_filterCache.put(barKey, computed);
        barFilters = std::move(computed);
    }
    out.filters.append(*barFilters);
    stageNs[int(ScanStage::Volatility)] += nsSince(t);
    if (!stagePassed(out.filters, ScanStage::Volatility)) {
        reject(out, ScanStage::Volatility);
        return;
    }
    if (!stagePassed(out.filters, ScanStage::Correlation)) {
        reject(out, ScanStage::Correlation);
        return;
    }

    ScanFilters::dataHealth(m, preset.liquidity, out.filters);
    stageNs[int(ScanStage::DataHealth)] += nsSince(t);
    if (!stagePassed(out.filters, ScanStage::DataHealth)) {
        reject(out, ScanStage::DataHealth);
        return;
    }

    // Score: depends on the bar-derived metrics plus the live trade rate and open interest.
    quint64 extra = 0xcbf29ce484222325ULL;
    extra = mix(extra, m.tradesPerMinute);
    extra = mix(extra, m.openInterestUsd.value_or(-1));
    extra = mix(extra, m.oiChange24h.value_or(-1e300));
    const ScanCacheKey scoreKey{symbol, out.barOpenMs, job.generation, extra};
    if (auto cached = cacheable ? m_scoreCache.get(scoreKey) : std::nullopt) {
        out.score = *cached;
    } else {
        out.score = ScoreModel::score(m, preset.scanner.scoreWeights);
        if (cacheable)
            m_scoreCache.put(scoreKey, out.score);
    }

    // Levels: the expensive part of the original; once per symbol and closed bar.
    out.atr = source.baseAtr(symbol);
    if (auto cached = cacheable ? m_levelCache.get(barKey) : std::nullopt) {
        out.levels = *cached;
    } else {
        source.copyBars(symbol, scratch.bars);
        const BarView view{scratch.bars.openTimeMs, scratch.bars.high, scratch.bars.low, scratch.bars.close,
                           scratch.bars.volume};
        scratch.seeds.clear();
        const bool seeded = source.levelSeeds(symbol, scratch.seeds);
        const std::vector<Level> levels =
            LevelDetector::detect(view, out.atr, preset.levels, scratch.levels, seeded ? &scratch.seeds : nullptr);
        out.levels = QList<Level>(levels.begin(), levels.end());
        if (cacheable)
            m_levelCache.put(barKey, out.levels);
    }
    stageNs[int(ScanStage::Scoring)] += nsSince(t);
}

void Scanner::finishScan(const std::shared_ptr<ScanJob> &job)
{
    if (job != m_running)
        return;
    auto report = std::make_shared<ScanReport>();
    report->scanId = job->id;
    report->startedAtMs = job->startedAtMs;
    report->presetName = job->preset->name;
    report->cancelled = job->cancelled.load(std::memory_order_relaxed);
    report->symbolsTotal = job->symbolsTotal;
    report->batchSize = job->batchSize;
    report->batches = job->batches;
    report->threads = job->threads;
    report->maxConcurrentBatches = m_settings.maxConcurrentBatches;
    report->pressure = job->pressure;
    report->rejections = std::move(job->earlyRejections);

    std::array<double, kScanStageCount> stageMs{};
    for (const auto &row : job->stageNs)
        for (int s = 0; s < kScanStageCount; ++s)
            stageMs[std::size_t(s)] += row[std::size_t(s)] / 1e6;
    stageMs[int(ScanStage::SymbolLists)] = job->listsMs;
    stageMs[int(ScanStage::TopVolume)] = job->topMs;

    std::array<int, kScanStageCount> rejectedAt{};
    std::vector<const Outcome *> passed;
    report->rejections.reserve(report->rejections.size() + qsizetype(job->outcomes.size()));
    int evaluated = 0;
    for (Outcome &o : job->outcomes) {
        if (o.symbol < 0)
            continue;
        ++evaluated;
        if (o.rejectedAt == ScanStage::Count) {
            passed.push_back(&o);
            continue;
        }
        ++rejectedAt[std::size_t(o.rejectedAt)];
        Rejection r;
        r.symbol = o.metrics.symbol.isEmpty() ? job->source->symbolName(o.symbol) : o.metrics.symbol;
        r.stage = o.rejectedAt;
        r.reason = std::move(o.reason);
        r.filters = std::move(o.filters);
        // The metrics were read before the first filter stage: what the trader compares against the limits.
        r.measured = RejectionMeasures::fromMetrics(o.metrics);
        report->rejections.append(std::move(r));
    }

    int in = job->symbolsTotal;
    const std::array<int, kScanStageCount> outs = [&] {
        std::array<int, kScanStageCount> o{};
        o[int(ScanStage::SymbolLists)] = job->afterLists;
        o[int(ScanStage::TopVolume)] = int(job->selected.size());
        int left = evaluated;
        for (int s = int(ScanStage::Liquidity); s <= int(ScanStage::DataHealth); ++s) {
            left -= rejectedAt[std::size_t(s)];
            o[std::size_t(s)] = left;
        }
        o[int(ScanStage::Scoring)] = left;
        return o;
    }();
    for (int s = 0; s < kScanStageCount; ++s) {
        FunnelStage f;
        f.stage = ScanStage(s);
        f.symbolsIn = (s == int(ScanStage::Liquidity)) ? evaluated : in;
        f.symbolsOut = outs[std::size_t(s)];
        f.cpuMs = stageMs[std::size_t(s)];
        report->funnel.append(f);
        in = f.symbolsOut;
    }

    if (!report->cancelled) {
        std::sort(passed.begin(), passed.end(), [](const Outcome *a, const Outcome *b) {
            if (a->score.total != b->score.total)
                return a->score.total > b->score.total;
            return a->metrics.symbol < b->metrics.symbol;
        });
        const int limit = std::max(1, job->preset->scanner.maxCandidates);
        report->candidatesBeyondLimit = std::max(0, int(passed.size()) - limit);
        for (std::size_t k = 0; k < passed.size() && int(k) < limit; ++k) {
            const Outcome &o = *passed[k];
            Candidate c;
            c.rank = int(k) + 1;
            c.symbol = o.metrics.symbol;
            c.score = o.score.total;
            c.metrics = o.metrics;
            c.scoreBreakdown = o.score;
            c.filters = o.filters;
            c.levels = o.levels;
            c.atr = o.atr;
            c.closedBarOpenMs = o.barOpenMs;
            report->candidates.append(std::move(c));
        }
        // Scored but ranked beyond max_candidates: listed with the score and levels they were ranked by,
        // so "all symbols" shows how close they came. The levels list is shared with the level cache.
        if (passed.size() > std::size_t(limit)) {
            report->rejections.reserve(report->rejections.size() + qsizetype(passed.size()) - limit);
            for (std::size_t k = std::size_t(limit); k < passed.size(); ++k) {
                const Outcome &o = *passed[k];
                Rejection r;
                r.symbol = o.metrics.symbol;
                r.stage = ScanStage::Scoring;
                r.reason = tr("beyond max_candidates %1 (ranked %2)").arg(limit).arg(k + 1);
                r.filters = o.filters;
                r.measured = RejectionMeasures::fromMetrics(o.metrics);
                r.scoreBreakdown = std::make_shared<const ScoreBreakdown>(o.score);
                r.levels = o.levels;
                r.atr = o.atr;
                report->rejections.append(std::move(r));
            }
        }
    }
    report->wallMs = double(job->wall.nsecsElapsed()) / 1e6;
    report->finishedAtMs = m_clock.nowMs();

    m_running.reset();
    if (m_gate)
        m_gate(false);
    m_lastReport = report;
    qCDebug(lcScanner).nospace() << "scan " << report->scanId << ": " << report->candidates.size() << " candidates of "
                                 << report->symbolsTotal << " symbols in " << report->wallMs << " ms";
    emit scanFinished(report);

    if (m_pending) {
        m_pending = false;
        requestScan();
    }
}

} // namespace bw
