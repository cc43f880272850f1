// Scanner benchmarks. Ends with the comparison lines
//   ratio full_scan_vs_naive <x> target >=1.5      naive reference time / our full scan time (1 thread)
//   ratio pool_2_threads_vs_1 <x> target >=1.4     1-thread scan time / 2-thread scan time
//   ratio incremental_vs_rebuild <x> target <=0.02 (one new bar + scan) / (rebuild all state + scan)
// and info lines for the wall time of a scan of 2,000 and 10,000 symbols and the peak RSS (VmHWM), and
// the scanner caches at the live cadence (`info scanner_cache ...`; `--caches-only` runs just that).
// Times are wall-clock (the pool's work happens on other threads), median of the repetitions.

#include "common/CacheRegistry.h"
#include "common/Clock.h"
#include "market/MarketStore.h"
#include "market/SimulatedMarket.h"
#include "scanner/LevelDetector.h"
#include "scanner/MarketScanSource.h"
#include "scanner/PresetLoader.h"
#include "scanner/ScanFilters.h"
#include "scanner/Scanner.h"
#include "scanner/ScoreModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

using namespace bw;

namespace {

constexpr int kSymbols = 2000;
constexpr int kBars = 500;

struct World {
    World(int symbols, int bars, int capacity)
        : market(config(symbols))
        , store(300000, capacity)
    {
        store.setSymbols(market.symbols());
        for (int b = 0; b < bars; ++b)
            nextBar(b == bars - 1);
        source = std::make_unique<MarketScanSource>(store);
    }

    static SimulatedFeedConfig config(int symbols)
    {
        SimulatedFeedConfig c;
        c.seed = 2024;
        c.symbols = symbols;
        c.backfillBars = 0;
        c.ticksPerBar = 2;
        c.startTimeMs = 1'700'000'000'000;
        return c;
    }

    QList<int> nextBar(bool quotes = true)
    {
        market.stepBar();
        MarketUpdateBatch batch;
        market.appendCandles(batch);
        if (quotes) {
            market.appendTickers(batch);
            market.appendBooks(batch);
        }
        batch.marketTimeMs = market.marketTimeMs();
        return store.apply(batch);
    }

    SimulatedMarket market;
    MarketStore store;
    std::unique_ptr<MarketScanSource> source;
};

std::unique_ptr<World> g_world;

World &world()
{
    if (!g_world)
        g_world = std::make_unique<World>(kSymbols, kBars, kBars);
    return *g_world;
}

// breakout_v1 with every symbol going through the filters (no top-N cut), so that both sides do the
// same amount of filtering, scoring and level detection.
Preset benchPreset(bool topN)
{
    Preset p = *PresetLoader::load(QStringLiteral("breakout_v1")).preset;
    if (!topN)
        p.scanner.topNByVolume.reset();
    return p;
}

ScanReportPtr scanOnce(Scanner &scanner)
{
    ScanReportPtr result;
    QMetaObject::Connection c =
        QObject::connect(&scanner, &Scanner::scanFinished, &scanner, [&result](const ScanReportPtr &r) { result = r; });
    scanner.requestScan();
    while (!result)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    QObject::disconnect(c);
    return result;
}

std::unique_ptr<Scanner> makeScanner(int threads, const Preset &preset, const ScanSource &source, bool caches)
{
    ScannerSettings s;
    s.threads = threads;
    s.maxConcurrentBatches = std::max(2, threads);
    if (!caches)
        s.cacheCapacity = 0;
    auto scanner = std::make_unique<Scanner>(s);
    scanner->setPreset(preset);
    scanner->setSource(&source);
    return scanner;
}

// ---- The naive reference: separate per-indicator passes over the whole history, fresh vectors. ----

struct NaiveBars {
    std::vector<qint64> t;
    std::vector<double> o, h, l, c, v;
};

NaiveBars copyBars(const CandleSeries &s)
{
    NaiveBars b;
    for (int i = 0; i < s.size(); ++i) {
        b.t.push_back(s.openTime(i));
        b.o.push_back(s.open(i));
        b.h.push_back(s.high(i));
        b.l.push_back(s.low(i));
        b.c.push_back(s.close(i));
        b.v.push_back(s.volume(i));
    }
    return b;
}

NaiveBars resample15m(const NaiveBars &b)
{
    NaiveBars r;
    for (std::size_t i = 0; i < b.t.size(); ++i) {
        const qint64 period = b.t[i] - b.t[i] % 900000;
        if (r.t.empty() || r.t.back() != period) {
            r.t.push_back(period);
            r.o.push_back(b.o[i]);
            r.h.push_back(b.h[i]);
            r.l.push_back(b.l[i]);
            r.c.push_back(b.c[i]);
            r.v.push_back(b.v[i]);
        } else {
            r.h.back() = std::max(r.h.back(), b.h[i]);
            r.l.back() = std::min(r.l.back(), b.l[i]);
            r.c.back() = b.c[i];
            r.v.back() += b.v[i];
        }
    }
    // The last period may be incomplete: drop it (closed bars only).
    if (!b.t.empty() && (b.t.back() + 300000) % 900000 != 0 && !r.t.empty()) {
        r.t.pop_back();
        r.o.pop_back();
        r.h.pop_back();
        r.l.pop_back();
        r.c.pop_back();
        r.v.pop_back();
    }
    return r;
}

std::vector<double> naiveAtr(const NaiveBars &b, int period)
{
    std::vector<double> tr(b.c.size());
    for (std::size_t i = 0; i < b.c.size(); ++i) {
        tr[i] = i == 0 ? b.h[i] - b.l[i]
                       : std::max({b.h[i] - b.l[i], std::abs(b.h[i] - b.c[i - 1]), std::abs(b.l[i] - b.c[i - 1])});
    }
    std::vector<double> out(tr.size(), std::nan(""));
    double atr = 0;
    for (std::size_t i = 0; i < tr.size(); ++i) {
        if (int(i) < period) {
            atr += tr[i];
            if (int(i) == period - 1) {
                atr /= period;
                out[i] = atr;
            }
        } else {
            atr += (tr[i] - atr) / period;
            out[i] = atr;
        }
    }
    return out;
}

std::vector<double> naiveBandWidth(const std::vector<double> &c, int period)
{
    std::vector<double> out(c.size(), std::nan(""));
    for (std::size_t i = std::size_t(period - 1); i < c.size(); ++i) {
        std::vector<double> window(c.begin() + std::ptrdiff_t(i + 1 - std::size_t(period)),
                                   c.begin() + std::ptrdiff_t(i + 1));
        double mean = 0;
        for (double x : window)
            mean += x;
        mean /= period;
        double var = 0;
        for (double x : window)
            var += (x - mean) * (x - mean);
        const double sd = std::sqrt(var / period);
        out[i] = mean != 0 ? 4.0 * sd / mean * 100.0 : std::nan("");
    }
    return out;
}

std::vector<double> naivePercentile(const std::vector<double> &w, int lookback)
{
    std::vector<double> out(w.size(), std::nan(""));
    for (std::size_t i = 0; i < w.size(); ++i) {
        std::vector<double> window;
        for (std::size_t k = i + 1 >= std::size_t(lookback) ? i + 1 - std::size_t(lookback) : 0; k <= i; ++k) {
            if (std::isfinite(w[k]))
                window.push_back(w[k]);
        }
        if (int(window.size()) < lookback)
            continue;
        std::sort(window.begin(), window.end());
        const double x = w[i];
        const auto below = std::lower_bound(window.begin(), window.end(), x) - window.begin();
        const auto equal = std::upper_bound(window.begin(), window.end(), x) - window.begin() - below;
        out[i] = 100.0 * (double(below) + 0.5 * double(equal - 1)) / double(lookback - 1);
    }
    return out;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

std::vector<double> naiveSurge5m(const std::vector<double> &v, int lookback)
{
    std::vector<double> out(v.size(), std::nan(""));
    for (std::size_t i = std::size_t(lookback); i < v.size(); ++i) {
        const double m = median(
            std::vector<double>(v.begin() + std::ptrdiff_t(i - std::size_t(lookback)), v.begin() + std::ptrdiff_t(i)));
        out[i] = m > 0 ? v[i] / m : std::nan("");
    }
    return out;
}

std::vector<double> naiveSurge1h(const std::vector<double> &v)
{
    std::vector<double> out(v.size(), std::nan(""));
    for (std::size_t i = 23; i < v.size(); ++i) {
        const double recent =
            median(std::vector<double>(v.begin() + std::ptrdiff_t(i - 11), v.begin() + std::ptrdiff_t(i + 1)));
        const double base =
            median(std::vector<double>(v.begin() + std::ptrdiff_t(i - 23), v.begin() + std::ptrdiff_t(i - 11)));
        out[i] = base > 0 ? recent / base : std::nan("");
    }
    return out;
}

std::vector<double> naiveCorrelation(const NaiveBars &b, const std::unordered_map<qint64, double> &reference,
                                     int window)
{
    std::vector<double> x;
    std::vector<double> y;
    for (std::size_t i = 1; i < b.c.size(); ++i) {
        const auto it = reference.find(b.t[i]);
        if (it == reference.end())
            continue;
        x.push_back(std::log(b.c[i] / b.c[i - 1]));
        y.push_back(it->second);
    }
    std::vector<double> out(x.size(), std::nan(""));
    for (std::size_t i = std::size_t(window - 1); i < x.size(); ++i) {
        double mx = 0;
        double my = 0;
        for (std::size_t k = i + 1 - std::size_t(window); k <= i; ++k) {
            mx += x[k];
            my += y[k];
        }
        mx /= window;
        my /= window;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (std::size_t k = i + 1 - std::size_t(window); k <= i; ++k) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
            syy += (y[k] - my) * (y[k] - my);
        }
        out[i] = sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : std::nan("");
    }
    return out;
}

std::optional<double> lastFinite(const std::vector<double> &v)
{
    if (!v.empty() && std::isfinite(v.back()))
        return v.back();
    return std::nullopt;
}

// One naive scan of every symbol: same filters, score and levels as the scanner, metrics from scratch.
int naiveScan(const MarketStore &store, const Preset &preset)
{
    const int ref = store.indexOf(QStringLiteral("BTCUSDT"));
    std::unordered_map<qint64, double> refReturns;
    {
        const NaiveBars b = copyBars(store.market(ref).bars);
        for (std::size_t i = 1; i < b.c.size(); ++i)
            refReturns[b.t[i]] = std::log(b.c[i] / b.c[i - 1]);
    }
    int passed = 0;
    LevelDetector::Scratch scratch;
    for (int i = 0; i < store.symbolCount(); ++i) {
        const SymbolMarket &market = store.market(i);
        const NaiveBars b = copyBars(market.bars);
        const NaiveBars b15 = resample15m(b);
        SymbolMetrics m;
        m.symbol = store.info(i).name;
        m.price = market.ticker.lastPrice;
        m.quoteVolume24h = market.ticker.quoteVolume24h;
        m.hasBook = market.book.isValid();
        m.spreadBps = market.book.spreadBps;
        m.depthUsd03 = market.book.bidDepth03 + market.book.askDepth03;
        m.depthUsd05 = market.book.bidDepth05 + market.book.askDepth05;
        m.tradesPerMinute = market.tradesPerMinute;
        m.atr15m = lastFinite(naiveAtr(b15, 14));
        m.closed15mBars = int(b15.c.size());
        m.bbWidthPercentile = lastFinite(naivePercentile(naiveBandWidth(b.c, 20), preset.scanner.bbPercentileLookback));
        m.volumeSurge1h = lastFinite(naiveSurge1h(b.v));
        m.volumeSurge5m = lastFinite(naiveSurge5m(b.v, 20));
        m.btcCorrelation = i == ref ? std::optional<double>(1.0)
                                    : lastFinite(naiveCorrelation(b, refReturns, preset.scanner.correlationWindow));
        m.closedBars = int(b.c.size());
        m.staleAfterMs = 900000;
        QList<FilterResult> results;
        ScanFilters::liquidity(m, preset.liquidity, results);
        if (!ScanFilters::passed(results))
            continue;
        ScanFilters::volatility(m, preset.volatility, results);
        if (!ScanFilters::passed(results))
            continue;
        ScanFilters::correlation(m, preset.risk, results);
        if (!ScanFilters::passed(results))
            continue;
        ScanFilters::dataHealth(m, preset.liquidity, results);
        if (!ScanFilters::passed(results))
            continue;
        const ScoreBreakdown score = ScoreModel::score(m, preset.scanner.scoreWeights);
        benchmark::DoNotOptimize(score.total);
        const std::vector<double> atrBase = naiveAtr(b, 14);
        const BarView view{b.t, b.h, b.l, b.c, b.v};
        const auto levels = LevelDetector::detect(view, atrBase.back(), preset.levels, scratch);
        benchmark::DoNotOptimize(levels.data());
        ++passed;
    }
    return passed;
}

// ---- Benchmarks ----

void BM_NaiveScan(benchmark::State &state)
{
    World &w = world();
    const Preset preset = benchPreset(false);
    for (auto _ : state)
        benchmark::DoNotOptimize(naiveScan(w.store, preset));
}

void BM_FullScan1Thread(benchmark::State &state)
{
    World &w = world();
    const Preset preset = benchPreset(false);
    w.source->configure(preset);
    auto scanner = makeScanner(1, preset, *w.source, false);
    for (auto _ : state) {
        w.source->rebuild();
        benchmark::DoNotOptimize(scanOnce(*scanner).get());
    }
}

void BM_ScanPool(benchmark::State &state)
{
    World &w = world();
    const Preset preset = benchPreset(false);
    w.source->configure(preset);
    auto scanner = makeScanner(int(state.range(0)), preset, *w.source, false);
    // CPU of every thread (the scan runs on the pool): unlike wall time, barely moved by other processes on a
    // shared machine, so before/after comparisons of the scanner's own work stay readable.
    const auto processCpuNs = [] {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e9 + double(ts.tv_nsec);
    };
    const double cpuStart = processCpuNs();
    for (auto _ : state)
        benchmark::DoNotOptimize(scanOnce(*scanner).get());
    state.counters["process_cpu_ms"] =
        benchmark::Counter((processCpuNs() - cpuStart) / 1e6, benchmark::Counter::kAvgIterations);
}

void BM_RebuildAndScan(benchmark::State &state)
{
    World &w = world();
    const Preset preset = benchPreset(true);
    w.source->configure(preset);
    auto scanner = makeScanner(1, preset, *w.source, true);
    for (auto _ : state) {
        w.source->rebuild();
        benchmark::DoNotOptimize(scanOnce(*scanner).get());
    }
}

void BM_IncrementalBarAndScan(benchmark::State &state)
{
    World &w = world();
    const Preset preset = benchPreset(true);
    w.source->configure(preset);
    auto scanner = makeScanner(1, preset, *w.source, true);
    for (auto _ : state) {
        state.PauseTiming();
        const QList<int> closed = w.nextBar(); // the market's work, not the scanner's
        state.ResumeTiming();
        w.source->onBarsClosed(closed);
        benchmark::DoNotOptimize(scanOnce(*scanner).get());
    }
}

class WallClockReporter final : public benchmark::ConsoleReporter
{
public:
    void ReportRuns(const std::vector<Run> &runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run &run : runs) {
            if (run.error_occurred || run.run_type != Run::RT_Iteration)
                continue;
            m_ns[run.benchmark_name()].push_back(run.GetAdjustedRealTime() /
                                                 benchmark::GetTimeUnitMultiplier(run.time_unit) * 1e9);
        }
    }

    double ns(const std::string &name) const
    {
        const auto it = m_ns.find(name);
        if (it == m_ns.end())
            return -1;
        std::vector<double> v = it->second;
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    }

private:
    std::map<std::string, std::vector<double>> m_ns;
};

long vmHwmKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

double wallScanMs(int symbols, int bars, int capacity, qint64 *storeBytes, qint64 *stateBytes)
{
    World w(symbols, bars, capacity);
    const Preset preset = benchPreset(true);
    w.source->configure(preset);
    auto scanner = makeScanner(0, preset, *w.source, true);
    scanOnce(*scanner); // warm the pool
    std::vector<double> ms;
    for (int k = 0; k < 5; ++k) {
        w.source->onBarsClosed(w.nextBar());
        QElapsedTimer t;
        t.start();
        scanOnce(*scanner);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    *storeBytes = w.store.bytesHeld();
    *stateBytes = w.source->bytesHeld();
    return ms[ms.size() / 2];
}

// Does the filter cache earn its keep? What a hit saves: the volatility and correlation filters of one
// symbol (a few comparisons, and a formatted reason for each failure), against what a hit costs: the
// cache's mutex, a hash lookup and the copy of the cached list into the outcome. 300 symbols each.
struct FilterWorld {
    FilterWorld()
        : world(300, 500, 500)
        , preset(*PresetLoader::load(QStringLiteral("breakout_v1")).preset)
        , cache({QStringLiteral("bench.filters"), 300, 0})
    {
        world.source->configure(preset);
        world.source->rebuild();
        metrics.resize(300);
        for (int i = 0; i < 300; ++i) {
            world.source->fillMetrics(i, metrics[std::size_t(i)]);
            QList<FilterResult> computed;
            ScanFilters::volatility(metrics[std::size_t(i)], preset.volatility, computed);
            ScanFilters::correlation(metrics[std::size_t(i)], preset.risk, computed);
            cache.put(ScanCacheKey{i, 1, 1, 0}, computed);
        }
    }
    World world;
    Preset preset;
    std::vector<SymbolMetrics> metrics;
    ScanCache<QList<FilterResult>> cache; // the scanner's own cache type, slots included
};

FilterWorld &filterWorld()
{
    static FilterWorld w;
    return w;
}

void BM_FilterStageCompute(benchmark::State &state)
{
    FilterWorld &w = filterWorld();
    QList<FilterResult> out;
    out.reserve(12);
    for (auto _ : state) {
        for (int i = 0; i < 300; ++i) {
            out.clear();
            QList<FilterResult> computed;
            ScanFilters::volatility(w.metrics[std::size_t(i)], w.preset.volatility, computed);
            ScanFilters::correlation(w.metrics[std::size_t(i)], w.preset.risk, computed);
            out.append(computed);
            benchmark::DoNotOptimize(out.data());
        }
    }
}

void BM_FilterStageCacheHit(benchmark::State &state)
{
    FilterWorld &w = filterWorld();
    QList<FilterResult> out;
    out.reserve(12);
    for (auto _ : state) {
        for (int i = 0; i < 300; ++i) {
            out.clear();
            const std::optional<QList<FilterResult>> cached = w.cache.get(ScanCacheKey{i, 1, 1, 0});
            out.append(*cached);
            benchmark::DoNotOptimize(out.data());
        }
    }
}

// The scanner's caches at the live cadence: a 5 m bar every 300 s of market time and a scan every 120 s
// (breakout_v1's scan interval), so 2-3 scans see each closed bar; the caches' TTLs run on that market
// clock, as in the engine. Reports each cache's hits, misses, evictions, expirations and replacements over 12
// bars, and the median wall time of the scans that repeat a bar (where a cache can help) and of those after a
// new bar.
struct CacheStudy {
    double newBarMs = 0;
    double sameBarMs = 0;
    QList<CacheStats> stats;
};

CacheStudy cacheStudy(const Preset &preset, const ScannerSettings &settings)
{
    World w(300, 500, 500); // the workstation's default universe; seeded, so every variant sees the same bars
    ManualClock clock(w.market.marketTimeMs());
    w.source->configure(preset);
    w.source->rebuild();
    CacheStudy result;
    {
        Scanner scanner(settings, clock);
        scanner.setPreset(preset);
        scanner.setSource(w.source.get());
        scanOnce(scanner); // warm the pool and the caches on the current bar
        std::vector<double> fresh, same;
        for (int bar = 0; bar < 12; ++bar) {
            w.source->onBarsClosed(w.nextBar());
            clock.setNowMs(w.market.marketTimeMs());
            for (int scan = 0; scan < 3; ++scan) {
                QElapsedTimer t;
                t.start();
                scanOnce(scanner);
                (scan == 0 ? fresh : same).push_back(double(t.nsecsElapsed()) / 1e6);
                clock.advanceMs(scan < 2 ? 120'000 : 60'000 - 1); // 0, 120, 240 s into the 300 s bar
            }
        }
        std::sort(fresh.begin(), fresh.end());
        std::sort(same.begin(), same.end());
        result.newBarMs = fresh[fresh.size() / 2];
        result.sameBarMs = same[same.size() / 2];
        for (const CacheStats &c : CacheRegistry::instance().stats()) {
            if (c.name.startsWith(QLatin1String("scanner.")))
                result.stats.append(c);
        }
    }
    return result;
}

void printCacheStudies()
{
    for (const char *presetName : {"breakout_v1", "breakout_v1_relaxed"}) {
        const Preset preset = *PresetLoader::load(QString::fromLatin1(presetName)).preset;
        struct Variant {
            const char *name;
            ScannerSettings settings;
        };
        std::vector<Variant> variants;
        ScannerSettings seed; // session 1's settings: 200 entries each, filters expire after 60 s
        seed.threads = 1;
        seed.cacheCapacity = 200;
        seed.cacheCapacityMax = 200;
        seed.filterCacheTtlMs = 60'000;
        seed.scoreCacheTtlMs = 300'000;
        seed.levelCacheTtlMs = 0;
        variants.push_back({"capacity200_ttl60s", seed});
        ScannerSettings current; // the defaults as they are now
        current.threads = 1;
        variants.push_back({"current_default", current});
        ScannerSettings off = current;
        off.cacheCapacity = 0;
        variants.push_back({"off", off});
        for (const Variant &v : variants) {
            const CacheStudy r = cacheStudy(preset, v.settings);
            std::printf("info scanner_cache preset=%s variant=%s capacity=%lld filter_ttl_ms=%lld scan_ms new_bar %.2f "
                        "same_bar %.2f\n",
                        presetName, v.name, static_cast<long long>(v.settings.cacheCapacity),
                        static_cast<long long>(v.settings.filterCacheTtlMs), r.newBarMs, r.sameBarMs);
            for (const CacheStats &c : r.stats)
                std::printf("info scanner_cache   %s size %lld/%lld hits %lld misses %lld evictions %lld expirations "
                            "%lld replacements %lld hit_rate %.2f bytes %lld\n",
                            qPrintable(c.name), static_cast<long long>(c.size), static_cast<long long>(c.capacity),
                            static_cast<long long>(c.hits), static_cast<long long>(c.misses),
                            static_cast<long long>(c.evictions), static_cast<long long>(c.expirations),
                            static_cast<long long>(c.replacements), c.hitRate(),
                            static_cast<long long>(c.estimatedBytes));
        }
    }
}

} // namespace

BENCHMARK(BM_NaiveScan)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2)->Repetitions(3);
BENCHMARK(BM_FullScan1Thread)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2)->Repetitions(3);
BENCHMARK(BM_ScanPool)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5)->Repetitions(3);
BENCHMARK(BM_RebuildAndScan)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2)->Repetitions(3);
BENCHMARK(BM_IncrementalBarAndScan)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(10)->Repetitions(3);
BENCHMARK(BM_FilterStageCompute)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FilterStageCacheHit)->Unit(benchmark::kMicrosecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    bool cachesOnly = false;
    std::vector<char *> args{argv[0]};
    std::string filterArg = "--benchmark_filter=FilterStage";
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--caches-only")
            cachesOnly = true;
        else
            args.push_back(argv[i]);
    }
    if (cachesOnly)
        args.push_back(filterArg.data());
    argc = int(args.size());
    argv = args.data();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 2;
    WallClockReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    const auto ratio = [&](const char *name, const std::string &num, const std::string &den, const char *target) {
        const double a = reporter.ns(num);
        const double b = reporter.ns(den);
        if (a > 0 && b > 0)
            std::printf("ratio %s %.3g target %s\n", name, a / b, target);
    };
    if (cachesOnly) {
        printCacheStudies();
        return 0;
    }
    ratio("full_scan_vs_naive", "BM_NaiveScan/iterations:2/repeats:3/real_time",
          "BM_FullScan1Thread/iterations:2/repeats:3/real_time", ">=1.5");
    ratio("pool_2_threads_vs_1", "BM_ScanPool/1/iterations:5/repeats:3/real_time",
          "BM_ScanPool/2/iterations:5/repeats:3/real_time", ">=1.4");
    ratio("incremental_vs_rebuild", "BM_IncrementalBarAndScan/iterations:10/repeats:3/real_time",
          "BM_RebuildAndScan/iterations:2/repeats:3/real_time", "<=0.02");

    g_world.reset(); // the wall-time worlds below are built one at a time
    qint64 storeBytes = 0;
    qint64 stateBytes = 0;
    const double ms2k = wallScanMs(2000, 500, 500, &storeBytes, &stateBytes);
    std::printf("info scan_wall_ms symbols=2000 bars=500 threads=%d %.2f (store %.1f MiB, scan state %.1f MiB)\n",
                QThread::idealThreadCount(), ms2k, double(storeBytes) / 1048576.0, double(stateBytes) / 1048576.0);
    const double ms10k = wallScanMs(10000, 500, 500, &storeBytes, &stateBytes);
    std::printf("info scan_wall_ms symbols=10000 bars=500 threads=%d %.2f (store %.1f MiB, scan state %.1f MiB)\n",
                QThread::idealThreadCount(), ms10k, double(storeBytes) / 1048576.0, double(stateBytes) / 1048576.0);
    std::printf("info peak_rss_mib %.1f\n", double(vmHwmKiB()) / 1024.0);
    printCacheStudies();
    return 0;
}
