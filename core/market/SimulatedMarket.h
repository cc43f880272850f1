#pragma once

#include "market/MarketTypes.h"
#include "market/SimulatedFeedConfig.h"

#include <QList>

#include <cstdint>
#include <random>
#include <vector>

namespace bw {

// The model behind SimulatedFeed, free of QObject and timers so that tests and benchmarks can drive it
// directly. Deterministic for a configuration: random numbers come from std::mt19937_64 through the
// class's own transforms (no std:: distributions, whose output differs between standard libraries).
//
// Model: a BTC factor (geometric random walk with GARCH(1,1) volatility) that every other symbol follows
// with its own beta, plus idiosyncratic GARCH noise. Each symbol cycles through regimes: trend, a tight
// consolidation range of 22-45 bars whose volume dries up and then, over its last 10 bars, builds while the
// price presses the side it will leave by; then a volume-backed breakout out of the range (70 %) or a false
// breakout that returns into the range (30 %). Liquidity falls with rank: 24 h turnover from billions
// down to about 100 k USDT, with spreads, book depth and trade counts scaled to it. Lot sizes are worth 0.1
// to 100 USD, like exchange quantity steps; the book's thin side keeps at least a quarter of the thick
// side's depth.
//
// Time: bars are built in ticks (config.ticksPerBar per bar). The first bar opens at
// start - backfillBars * interval, so after backfillBars whole bars the clock stands at the start time.
class SimulatedMarket final
{
public:
    // Throws std::invalid_argument with config.validate()'s message when the configuration is unusable.
    // startTimeMs must be resolved (> 0) by the caller; it is aligned down to the bar interval.
    explicit SimulatedMarket(const SimulatedFeedConfig &config);

    const SimulatedFeedConfig &config() const { return m_config; }
    const QList<SymbolInfo> &symbols() const { return m_symbols; }
    int symbolCount() const { return static_cast<int>(m_symbols.size()); }
    qint64 barIntervalMs() const { return m_config.barIntervalMs; }
    // The simulated clock: open time of the current bar plus the ticks done in it.
    qint64 marketTimeMs() const;
    // Bars completed since construction.
    qint64 barsCompleted() const { return m_barsCompleted; }

    // Advances every symbol by one tick. Returns true when this tick completed the bar.
    bool step();
    // Advances to the end of the current bar (a whole bar when called on a bar boundary).
    void stepBar();

    // Appends every symbol's current candle: the bar just completed (closed) right after a bar boundary,
    // otherwise the forming bar. Prices are rounded to the symbol's tick size.
    void appendCandles(MarketUpdateBatch &batch) const;
    // Appends the rolling 24 h ticker of every symbol (over the bars of the last 24 h, forming included).
    void appendTickers(MarketUpdateBatch &batch);
    // Appends an order-book summary of every symbol for the current price.
    void appendBooks(MarketUpdateBatch &batch);

    // Bytes of model state held (per-symbol state and the 24 h rings), from capacities.
    std::size_t bytesHeld() const;

private:
    enum class Regime : std::uint8_t { Trend, Range, Breakout, FalseBreakout, Return };

    struct Symbol {
        // static parameters
        double tick = 0;
        double beta = 1;
        double sigma2 = 0;     // long-run idiosyncratic variance per bar
        double sigmaTotal = 0; // long-run total volatility per bar
        double quotePerTick = 0;
        double avgTrade = 0;
        double spreadBps = 0;
        double depth05 = 0; // quote notional per side within 0.5 %
        bool regimes = true;
        // dynamic state
        double x = 0;      // log price
        double anchor = 0; // slowly wandering log price the trend regime reverts to
        double h = 0;      // GARCH variance per bar
        double barIdio = 0;
        double momentum = 0;
        Regime regime = Regime::Trend;
        int regimeLeft = 0;
        int regimeBar = 0;
        int direction = 1;
        double center = 0;
        double halfWidth = 0;
        double trendDrift = 0;
        double peakVolume = 1;
        double tickDrift = 0;
        double noise = 1;
        double barVolume = 1;
        double tradeCarry = 0;
        // the bar being built (unrounded prices)
        double open = 0, high = 0, low = 0, close = 0, volume = 0, quoteVolume = 0;
        qint64 trades = 0;
    };

    class Random
    {
    public:
        explicit Random(std::uint64_t seed)
            : m_engine(seed)
        {}
        double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
        double uniform(double a, double b) { return a + (b - a) * uniform(); }
        int uniformInt(int a, int b) // inclusive
        {
            return a + static_cast<int>(uniform() * (b - a + 1));
        }
        double normal();

    private:
        std::mt19937_64 m_engine;
        double m_spare = 0;
        bool m_hasSpare = false;
    };

    void makeSymbols();
    void beginBar();
    void beginBar(Symbol &y);
    void enterRegime(Symbol &y);
    void tickSymbols(double factorStep);
    void closeBar();
    double rounded(const Symbol &y, double price) const;

    SimulatedFeedConfig m_config;
    Random m_rng;     // the price path
    Random m_bookRng; // book and ticker noise, so that what is observed does not change the path
    QList<SymbolInfo> m_symbols;
    std::vector<Symbol> m_state;

    double m_factorSigma2 = 0;
    double m_factorH = 0;
    double m_factorBarReturn = 0;

    qint64 m_barOpenMs = 0;
    int m_tickInBar = 0;
    bool m_justClosed = false;
    qint64 m_closedOpenMs = 0;
    qint64 m_barsCompleted = 0;

    // 24 h window: the newest m_window bars, struct-of-arrays [symbol * m_window + slot].
    int m_window = 1;
    int m_ringHead = 0; // next slot to write
    int m_ringCount = 0;
    std::vector<double> m_ringOpen, m_ringHigh, m_ringLow, m_ringBase, m_ringQuote;
    // Aggregates over the newest (m_window - 1) closed bars, recomputed lazily after a bar closes.
    struct Aggregate {
        double open = 0, high = 0, low = 0, base = 0, quote = 0;
        int bars = 0;
    };
    std::vector<Aggregate> m_aggregate;
    bool m_aggregateValid = false;
};

} // namespace bw
