// Simulated market throughput: how many closed bars per second the SimulatedMarket generates for 2,000
// symbols (the backfill path: whole bars with their intra-bar ticks, candles collected into batches).
#include "market/MarketStore.h"
#include "market/SimulatedMarket.h"

#include <benchmark/benchmark.h>
#include <cstdio>
#include <ctime>

using namespace bw;

namespace {

constexpr int kSymbols = 2000;

SimulatedFeedConfig benchConfig()
{
    SimulatedFeedConfig c;
    c.symbols = kSymbols;
    c.backfillBars = 0;
    c.ticksPerBar = 10;
    c.startTimeMs = 1767225600000;
    return c;
}

// Generates bars (with the default 10 ticks each) and appends the closed candles of every symbol to a
// batch, the work SimulatedFeed does per backfill bar.
void BM_SimulatedBars(benchmark::State &state)
{
    SimulatedMarket market(benchConfig());
    MarketUpdateBatch batch;
    batch.candles.reserve(kSymbols);
    for (auto _ : state) {
        batch.candles.clear();
        market.stepBar();
        market.appendCandles(batch);
        benchmark::DoNotOptimize(batch.candles.data());
    }
    state.SetItemsProcessed(state.iterations() * kSymbols);
}
BENCHMARK(BM_SimulatedBars)->Unit(benchmark::kMillisecond);

// The same plus applying the batch to a MarketStore (rings, 15 m / 1 h resampling, trades per minute).
void BM_SimulatedBarsIntoStore(benchmark::State &state)
{
    SimulatedMarket market(benchConfig());
    MarketStore store(market.barIntervalMs());
    store.setSymbols(market.symbols());
    for (auto _ : state) {
        MarketUpdateBatch batch;
        market.stepBar();
        market.appendCandles(batch);
        benchmark::DoNotOptimize(store.apply(batch));
    }
    state.SetItemsProcessed(state.iterations() * kSymbols);
}
BENCHMARK(BM_SimulatedBarsIntoStore)->Unit(benchmark::kMillisecond);

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// A fixed run outside the benchmark harness for the summary line. Timed in thread CPU time: the figure is
// what one core generates, whatever else the (shared, 2 vCPU) machine is doing.
double barsPerSecond(int bars)
{
    SimulatedMarket market(benchConfig());
    MarketUpdateBatch batch;
    batch.candles.reserve(kSymbols);
    const double start = threadCpuSeconds();
    for (int b = 0; b < bars; ++b) {
        batch.candles.clear();
        market.stepBar();
        market.appendCandles(batch);
    }
    return static_cast<double>(bars) * kSymbols / (threadCpuSeconds() - start);
}

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::printf("info sim_bars_per_second_2000_symbols %.0f\n", barsPerSecond(200));
    return 0;
}
