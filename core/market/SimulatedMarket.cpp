#include "market/SimulatedMarket.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace bw {

namespace {

constexpr double kMinPrice = 1e-4;
constexpr double kMaxPrice = 1e5;
// Hard limits sit a hair inside the range so that rounding to the tick size cannot leave it.
const double kLogFloor = std::log(kMinPrice * 1.0002);
const double kLogCeiling = std::log(kMaxPrice * 0.9998);
// Soft barriers: beyond these, the price is pulled back a little every tick.
const double kLogSoftFloor = std::log(1.5e-4);
const double kLogSoftCeiling = std::log(9.0e4);

constexpr double kFactorSigma5m = 0.0018; // BTC volatility per 5 m bar
constexpr double kFactorAlpha = 0.07;
constexpr double kFactorBeta = 0.90;
constexpr double kIdioAlpha = 0.08;
constexpr double kIdioBeta = 0.88;
constexpr double kAnchorReversion = 0.002; // per bar, trend regime
constexpr double kRangeReversion = 0.25;   // per bar, towards the range centre
// The last bars of a consolidation before it resolves: volume builds and the price presses the side it
// will break (breakout_v1 wants the last hour's median volume above the hour before's, original-system.md
// §2.10 volume_surge_1h_min).
constexpr int kBuildUpBars = 10;
constexpr qint64 kDayMs = 86400000;

// Syllables for plausible, made-up base asset names.
constexpr const char *kOnsets[] = {"B",  "C",  "D",  "F",  "G",  "H",  "J",  "K",  "L",  "M",  "N",  "P",
                                   "R",  "S",  "T",  "V",  "W",  "X",  "Z",  "BL", "BR", "CR", "DR", "FL",
                                   "FR", "GL", "GR", "KR", "PL", "PR", "ST", "TR", "SN", "SP", "QU", "TH"};
constexpr const char *kVowels[] = {"A", "E", "I", "O", "U", "A", "O", "I", "AI", "EO", "IO", "OA", "Y"};
constexpr const char *kCodas[] = {"", "", "", "N", "R", "X", "K", "L", "S", "M", "T", "NK", "RD"};
constexpr const char *kSuffixes[] = {"AI", "FI", "X", "DAO", "SWAP", "CHAIN", "NET", "FY"};

// exp(d) for the small log steps of one tick; falls back to std::exp for large ones. The error (< 1e-12
// relative) does not accumulate: the price is re-derived from the log price at every bar start.
inline double expSmall(double d)
{
    if (d > 0.03 || d < -0.03)
        return std::exp(d);
    return 1.0 + d * (1.0 + d * (0.5 + d * (1.0 / 6.0 + d * (1.0 / 24.0 + d * (1.0 / 120.0)))));
}

template <typename T, std::size_t N>
constexpr int countOf(const T (&)[N])
{
    return static_cast<int>(N);
}

} // namespace

double SimulatedMarket::Random::normal()
{
    // Marsaglia's polar form of Box-Muller: two normals per accepted pair, no trigonometry.
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    double u, v, s;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = std::sqrt(-2.0 * std::log(s) / s);
    m_spare = v * f;
    m_hasSpare = true;
    return u * f;
}

SimulatedMarket::SimulatedMarket(const SimulatedFeedConfig &config)
    : m_config(config)
    , m_rng(config.seed)
    , m_bookRng(config.seed ^ 0x9E3779B97F4A7C15ULL)
{
    const QString error = config.validate();
    if (!error.isEmpty())
        throw std::invalid_argument(error.toStdString());
    if (config.startTimeMs <= 0)
        throw std::invalid_argument("simulated market: startTimeMs must be resolved to a positive time");

    const qint64 iv = config.barIntervalMs;
    const qint64 start = config.startTimeMs - config.startTimeMs % iv;
    m_barOpenMs = start - static_cast<qint64>(config.backfillBars) * iv;
    m_window = static_cast<int>(std::max<qint64>(1, (kDayMs + iv - 1) / iv));

    const double volScale = std::sqrt(static_cast<double>(iv) / 300000.0);
    m_factorSigma2 = std::pow(kFactorSigma5m * volScale, 2);
    m_factorH = m_factorSigma2;

    makeSymbols();

    const std::size_t ringSize = m_state.size() * static_cast<std::size_t>(m_window);
    m_ringOpen.assign(ringSize, 0);
    m_ringHigh.assign(ringSize, 0);
    m_ringLow.assign(ringSize, 0);
    m_ringBase.assign(ringSize, 0);
    m_ringQuote.assign(ringSize, 0);
    m_aggregate.assign(m_state.size(), Aggregate{});
}

void SimulatedMarket::makeSymbols()
{
    // A separate generator for the static set-up keeps names and parameters independent of the path.
    Random setup(m_config.seed * 0xD1B54A32D192ED03ULL + 1);
    // Lot sizes come from their own generator, so that they do not move names and volatility parameters.
    Random lots(m_config.seed * 0x94D049BB133111EBULL + 7);
    const int n = m_config.symbols;
    const qint64 iv = m_config.barIntervalMs;
    const double volScale = std::sqrt(static_cast<double>(iv) / 300000.0);
    const double barsPerDay = static_cast<double>(kDayMs) / static_cast<double>(iv);

    QSet<QString> used;
    used.reserve(n);
    m_symbols.reserve(n);
    m_state.resize(static_cast<std::size_t>(n));

    for (int i = 0; i < n; ++i) {
        QString base;
        if (i == 0) {
            base = QStringLiteral("BTC");
        } else if (i == 1) {
            base = QStringLiteral("ETH");
        } else {
            for (int attempt = 0;; ++attempt) {
                base = QLatin1String(kOnsets[setup.uniformInt(0, countOf(kOnsets) - 1)]);
                base += QLatin1String(kVowels[setup.uniformInt(0, countOf(kVowels) - 1)]);
                const double shape = setup.uniform();
                if (shape < 0.55) {
                    base += QLatin1String(kOnsets[setup.uniformInt(0, countOf(kOnsets) - 1)]);
                    base += QLatin1String(kVowels[setup.uniformInt(0, countOf(kVowels) - 1)]);
                }
                base += QLatin1String(kCodas[setup.uniformInt(0, countOf(kCodas) - 1)]);
                if (shape > 0.9)
                    base += QLatin1String(kSuffixes[setup.uniformInt(0, countOf(kSuffixes) - 1)]);
                if (attempt > 50)
                    base += QString::number(i); // guarantees termination; practically never needed
                if (base.size() >= 3 && base.size() <= 10 && !used.contains(base) && base != QLatin1String("USDT"))
                    break;
            }
        }
        used.insert(base);

        Symbol &y = m_state[static_cast<std::size_t>(i)];
        const double rank = n > 1 ? static_cast<double>(i) / (n - 1) : 0.0;

        double price;
        if (i == 0)
            price = setup.uniform(62000, 85000);
        else if (i == 1)
            price = setup.uniform(2200, 4200);
        else
            price = std::exp(setup.uniform(std::log(2e-4), std::log(5e4)));

        // 24 h turnover falls with rank: ~2.5e10 for BTC, ~1.2e10 for ETH, then from a few billion down to
        // ~1e5 for the tail.
        double log10Turnover = 9.7 - 4.7 * std::pow(rank, 0.7) + 0.25 * setup.normal();
        if (i == 0)
            log10Turnover = 10.4;
        else if (i == 1)
            log10Turnover = 10.1;
        else
            log10Turnover = std::clamp(log10Turnover, 5.0, 9.9);
        const double turnover = std::pow(10.0, log10Turnover);

        SymbolInfo info;
        info.baseAsset = base;
        info.quoteAsset = QStringLiteral("USDT");
        info.name = base + info.quoteAsset;
        info.tickSize = std::pow(10.0, std::floor(std::log10(price)) - 5);
        // Exchange quantity steps are worth from about ten cents to a hundred USD a lot (Bybit: BTC 0.001,
        // SOL 0.1, DOGE 1, 1000PEPE 100): the largest power of ten worth at most a log-uniform 1-100 USD,
        // so 0.1 to 100 USD a lot; the majors at the top of it.
        const double lotUsd = i == 0 ? 100.0 : (i == 1 ? 50.0 : std::pow(10.0, lots.uniform(0.0, 2.0)));
        info.lotSize = std::pow(10.0, std::floor(std::log10(lotUsd / price) + 1e-9));
        info.minNotional = 5;
        m_symbols.append(info);

        y.tick = info.tickSize;
        y.regimes = i != 0; // BTC is the factor itself
        y.beta = i == 0 ? 1.0 : (i == 1 ? 1.1 : setup.uniform(0.6, 1.4));
        const double idioSigma =
            i == 0 ? 0.0 : (i == 1 ? 0.0012 : 0.0028 * std::exp(1.0 * rank + 0.25 * setup.normal())) * volScale;
        y.sigma2 = idioSigma * idioSigma;
        y.sigmaTotal = std::sqrt(y.beta * y.beta * m_factorSigma2 + y.sigma2);
        y.h = y.sigma2;
        y.quotePerTick = turnover / barsPerDay / m_config.ticksPerBar;
        y.avgTrade = 25.0 * std::pow(turnover / 1e5, 0.33);
        y.spreadBps = 2.5e4 / std::pow(turnover, 0.55);
        y.depth05 = 1.5e-3 * turnover;
        y.x = std::log(price);
        y.anchor = y.x;
        y.regime = Regime::Trend;
        y.regimeLeft = setup.uniformInt(5, 60);
        y.close = price;
    }
}

qint64 SimulatedMarket::marketTimeMs() const
{
    return m_barOpenMs + m_config.barIntervalMs * m_tickInBar / m_config.ticksPerBar;
}

void SimulatedMarket::enterRegime(Symbol &y)
{
    y.regimeBar = 0;
    switch (y.regime) {
    case Regime::Trend:
        y.regime = Regime::Range;
        y.center = y.x;
        y.halfWidth = m_rng.uniform(1.0, 2.0) * y.sigmaTotal;
        y.regimeLeft = m_rng.uniformInt(22, 45);
        // The side the range will be left by is set now: its last bars press that side (see kBuildUpBars).
        y.direction = m_rng.uniform() < 0.55 ? 1 : -1;
        break;
    case Regime::Range:
        if (m_rng.uniform() < 0.3) {
            y.regime = Regime::FalseBreakout;
            y.regimeLeft = m_rng.uniformInt(1, 2);
            y.peakVolume = m_rng.uniform(2.0, 4.0);
        } else {
            y.regime = Regime::Breakout;
            y.regimeLeft = m_rng.uniformInt(3, 8);
            y.peakVolume = m_rng.uniform(3.5, 7.0);
        }
        break;
    case Regime::Breakout:
        y.regime = Regime::Trend;
        y.regimeLeft = m_rng.uniformInt(8, 30);
        y.trendDrift = (0.05 * y.direction + 0.08 * m_rng.normal()) * y.sigmaTotal;
        break;
    case Regime::FalseBreakout:
        y.regime = Regime::Return;
        y.regimeLeft = m_rng.uniformInt(2, 4);
        break;
    case Regime::Return:
        y.regime = Regime::Range;
        y.regimeLeft = m_rng.uniformInt(kBuildUpBars + 4, 30);
        y.direction = m_rng.uniform() < 0.55 ? 1 : -1;
        break;
    }
}

void SimulatedMarket::beginBar(Symbol &y)
{
    y.barIdio = 0;
    if (y.regimes) {
        if (y.regimeLeft <= 0)
            enterRegime(y);
        y.anchor += 0.2 * y.sigmaTotal * m_rng.normal();
    }

    double drift = 0;
    double volume = 1;
    const int k = y.regimeBar;
    switch (y.regime) {
    case Regime::Trend:
        drift = y.trendDrift - kAnchorReversion * (y.x - y.anchor);
        y.noise = 1.0;
        break;
    case Regime::Range:
        y.noise = 0.5;
        if (y.regimeLeft > kBuildUpBars) {
            volume = m_rng.uniform(0.45, 0.7); // the range dries up
        } else {
            // Build-up: participation rises bar by bar towards the break.
            const double f = 1.0 - static_cast<double>(y.regimeLeft - 1) / kBuildUpBars;
            volume = m_rng.uniform(0.7, 0.9) + 0.8 * f;
        }
        break;
    case Regime::Breakout:
        if (k == 0)
            // The break bar closes beyond the level by a fraction of the range's width (an ATR or so), the
            // following bars carry the move on.
            drift = y.center + y.direction * y.halfWidth * m_rng.uniform(1.25, 1.9) - y.x;
        else
            drift = y.direction * y.halfWidth * m_rng.uniform(0.3, 1.0) * std::pow(0.75, k);
        volume = 1.0 + (y.peakVolume - 1.0) * std::pow(0.6, k);
        y.noise = 1.2;
        break;
    case Regime::FalseBreakout:
        if (k == 0)
            drift = y.center + y.direction * y.halfWidth * m_rng.uniform(1.15, 1.6) - y.x;
        volume = k == 0 ? y.peakVolume : 1.5;
        y.noise = 1.0;
        break;
    case Regime::Return:
        drift = (y.center - y.x) / std::max(1, y.regimeLeft);
        volume = 1.1;
        y.noise = 0.6;
        break;
    }
    ++y.regimeBar;
    y.tickDrift = drift / m_config.ticksPerBar;
    // Activity clusters with volatility, plus a bar-to-bar lognormal wobble.
    const double cluster = std::clamp(
        std::sqrt((y.h + y.beta * y.beta * m_factorH) / std::max(1e-30, y.sigmaTotal * y.sigmaTotal)), 0.6, 2.5);
    y.barVolume = volume * cluster * std::exp(0.25 * m_rng.normal() - 0.03125);

    const double p = std::exp(y.x);
    y.open = y.high = y.low = y.close = p;
    y.volume = y.quoteVolume = 0;
    y.trades = 0;
}

void SimulatedMarket::beginBar()
{
    m_factorBarReturn = 0;
    for (Symbol &y : m_state)
        beginBar(y);
    m_justClosed = false;
}

void SimulatedMarket::tickSymbols(double factorStep)
{
    const double perTick = 1.0 / m_config.ticksPerBar;
    const double reversion = kRangeReversion * perTick;
    for (Symbol &y : m_state) {
        const double z = m_rng.normal();
        const double idio = std::sqrt(y.h * perTick) * y.noise * z + y.tickDrift;
        double dx = y.beta * factorStep + idio;
        if (y.regime == Regime::Range) {
            // The range drifts a little with the market; the price is pulled to its centre and kept inside.
            // In the build-up it is pulled towards the side it will break instead: it presses the level.
            const double target = y.regimeLeft > kBuildUpBars ? y.center : y.center + 0.55 * y.direction * y.halfWidth;
            dx = 0.5 * y.beta * factorStep + idio + reversion * (target - y.x);
            y.center += 0.5 * y.beta * factorStep;
        }
        double x = y.x + dx;
        if (y.regime == Regime::Range) {
            const double top = y.center + y.halfWidth;
            const double bottom = y.center - y.halfWidth;
            if (x > top)
                x = std::max(bottom, 2 * top - x);
            else if (x < bottom)
                x = std::min(top, 2 * bottom - x);
        }
        if (x > kLogSoftCeiling)
            x -= 0.2 * (x - kLogSoftCeiling);
        else if (x < kLogSoftFloor)
            x += 0.2 * (kLogSoftFloor - x);
        x = std::clamp(x, kLogFloor, kLogCeiling);
        y.barIdio += (x - y.x) - y.beta * factorStep;
        y.momentum = 0.8 * y.momentum + 0.2 * (x - y.x);
        const double p = y.close * expSmall(x - y.x);
        y.x = x;
        y.close = p;
        y.high = std::max(y.high, p);
        y.low = std::min(y.low, p);

        const double quote = y.quotePerTick * y.barVolume * (0.55 + 0.45 * std::abs(z));
        y.quoteVolume += quote;
        y.volume += quote / p;
        const double trades = quote / y.avgTrade + y.tradeCarry;
        const double whole = std::floor(trades);
        y.trades += static_cast<qint64>(whole);
        y.tradeCarry = trades - whole;
    }
}

void SimulatedMarket::closeBar()
{
    m_factorH = std::clamp(m_factorSigma2 * (1 - kFactorAlpha - kFactorBeta) +
                               kFactorAlpha * m_factorBarReturn * m_factorBarReturn + kFactorBeta * m_factorH,
                           0.2 * m_factorSigma2, 16 * m_factorSigma2);
    const auto window = static_cast<std::size_t>(m_window);
    const auto slot = static_cast<std::size_t>(m_ringHead);
    for (std::size_t s = 0; s < m_state.size(); ++s) {
        Symbol &y = m_state[s];
        if (y.sigma2 > 0)
            y.h = std::clamp(y.sigma2 * (1 - kIdioAlpha - kIdioBeta) + kIdioAlpha * y.barIdio * y.barIdio +
                                 kIdioBeta * y.h,
                             0.2 * y.sigma2, 16 * y.sigma2);
        --y.regimeLeft;
        const std::size_t r = s * window + slot;
        m_ringOpen[r] = rounded(y, y.open);
        m_ringHigh[r] = rounded(y, y.high);
        m_ringLow[r] = rounded(y, y.low);
        m_ringBase[r] = y.volume;
        m_ringQuote[r] = y.quoteVolume;
    }
    m_ringHead = (m_ringHead + 1) % m_window;
    m_ringCount = std::min(m_ringCount + 1, m_window);
    m_aggregateValid = false;
    m_justClosed = true;
    m_closedOpenMs = m_barOpenMs;
    ++m_barsCompleted;
}

bool SimulatedMarket::step()
{
    if (m_tickInBar == 0)
        beginBar();
    const double factorStep = std::sqrt(m_factorH / m_config.ticksPerBar) * m_rng.normal();
    m_factorBarReturn += factorStep;
    tickSymbols(factorStep);
    if (++m_tickInBar < m_config.ticksPerBar)
        return false;
    closeBar();
    m_tickInBar = 0;
    m_barOpenMs += m_config.barIntervalMs;
    return true;
}

void SimulatedMarket::stepBar()
{
    while (!step()) {
    }
}

double SimulatedMarket::rounded(const Symbol &y, double price) const
{
    return std::max(y.tick, std::round(price / y.tick) * y.tick);
}

void SimulatedMarket::appendCandles(MarketUpdateBatch &batch) const
{
    const bool closed = m_justClosed && m_tickInBar == 0;
    const qint64 openMs = closed ? m_closedOpenMs : m_barOpenMs;
    if (!closed && m_tickInBar == 0)
        return; // between bars before the first tick: nothing formed yet
    batch.candles.reserve(batch.candles.size() + symbolCount());
    for (int i = 0; i < symbolCount(); ++i) {
        const Symbol &y = m_state[static_cast<std::size_t>(i)];
        CandleUpdate u;
        u.symbol = i;
        u.candle.openTimeMs = openMs;
        u.candle.open = rounded(y, y.open);
        u.candle.high = rounded(y, y.high);
        u.candle.low = rounded(y, y.low);
        u.candle.close = rounded(y, y.close);
        u.candle.volume = y.volume;
        u.candle.quoteVolume = y.quoteVolume;
        u.candle.trades = y.trades;
        u.candle.closed = closed;
        batch.candles.append(u);
    }
}

void SimulatedMarket::appendTickers(MarketUpdateBatch &batch)
{
    const auto window = static_cast<std::size_t>(m_window);
    if (!m_aggregateValid) {
        // Newest (window - 1) closed bars; the forming bar or the oldest bar of a full day completes it.
        const int bars = std::min(m_ringCount, m_window - 1);
        for (std::size_t s = 0; s < m_state.size(); ++s) {
            Aggregate a;
            a.bars = bars;
            a.high = 0;
            a.low = 0;
            for (int b = 0; b < bars; ++b) {
                const auto slot = static_cast<std::size_t>((m_ringHead - 1 - b + 2 * m_window) % m_window);
                const std::size_t r = s * window + slot;
                a.high = b == 0 ? m_ringHigh[r] : std::max(a.high, m_ringHigh[r]);
                a.low = b == 0 ? m_ringLow[r] : std::min(a.low, m_ringLow[r]);
                a.base += m_ringBase[r];
                a.quote += m_ringQuote[r];
                a.open = m_ringOpen[r]; // the oldest one wins
            }
            m_aggregate[s] = a;
        }
        m_aggregateValid = true;
    }

    const bool forming = m_tickInBar > 0;
    const qint64 now = marketTimeMs();
    batch.tickers.reserve(batch.tickers.size() + symbolCount());
    for (std::size_t s = 0; s < m_state.size(); ++s) {
        const Symbol &y = m_state[s];
        Aggregate a = m_aggregate[s];
        const auto addBar = [&a](double open, double high, double low, double base, double quote, bool older) {
            a.high = a.bars == 0 ? high : std::max(a.high, high);
            a.low = a.bars == 0 ? low : std::min(a.low, low);
            if (older || a.bars == 0)
                a.open = open;
            a.base += base;
            a.quote += quote;
            ++a.bars;
        };
        if (forming) {
            addBar(rounded(y, y.open), rounded(y, y.high), rounded(y, y.low), y.volume, y.quoteVolume, false);
        } else if (m_ringCount == m_window) {
            // No bar forming: the day is the newest m_window closed bars, so add the oldest one back in.
            const std::size_t r = s * window + static_cast<std::size_t>(m_ringHead);
            addBar(m_ringOpen[r], m_ringHigh[r], m_ringLow[r], m_ringBase[r], m_ringQuote[r], true);
        }
        TickerUpdate u;
        u.symbol = static_cast<int>(s);
        Ticker24h &t = u.ticker;
        t.lastPrice = rounded(y, y.close);
        t.openPrice24h = a.bars > 0 ? a.open : t.lastPrice;
        t.changePct24h = (t.lastPrice / t.openPrice24h - 1.0) * 100.0;
        t.high24h = a.bars > 0 ? std::max(a.high, t.lastPrice) : t.lastPrice;
        t.low24h = a.bars > 0 ? std::min(a.low, t.lastPrice) : t.lastPrice;
        t.baseVolume24h = a.base;
        t.quoteVolume24h = a.quote;
        t.updatedMs = now;
        batch.tickers.append(u);
    }
}

void SimulatedMarket::appendBooks(MarketUpdateBatch &batch)
{
    const qint64 now = marketTimeMs();
    batch.books.reserve(batch.books.size() + symbolCount());
    for (std::size_t s = 0; s < m_state.size(); ++s) {
        const Symbol &y = m_state[s];
        const double mid = y.close;
        const double stress = std::sqrt(std::max(1e-30, y.h + y.beta * y.beta * m_factorH) /
                                        std::max(1e-30, y.sigmaTotal * y.sigmaTotal));
        const double spread =
            std::max(y.tick, mid * y.spreadBps * 1e-4 * std::sqrt(stress) * std::exp(0.15 * m_bookRng.normal()));
        const double ticks = std::max(1.0, std::round(spread / y.tick));
        BookUpdate u;
        u.symbol = static_cast<int>(s);
        BookSummary &b = u.book;
        b.bestBid = std::max(y.tick, std::floor((mid - ticks * y.tick / 2) / y.tick + 0.5) * y.tick);
        b.bestAsk = b.bestBid + ticks * y.tick;
        b.spreadBps = (b.bestAsk - b.bestBid) / b.mid() * 1e4;
        // The book leans with short-term momentum: buyers stack bids into a rise.
        const double momentum = y.momentum / std::max(1e-12, y.sigmaTotal / std::sqrt(m_config.ticksPerBar));
        // Within 0.5 % of the touch the thin side of a liquid perp's book keeps a good part of the thick
        // side's size: |imbalance| <= 0.6 leaves it at least a quarter. (Splitting the depth up to 0.95
        // starved the side a breakout buys from, and the depth cap then sized orders below one lot.)
        const double imbalance = std::clamp(0.55 * std::tanh(0.8 * momentum) + 0.12 * m_bookRng.normal(), -0.6, 0.6);
        const double total = 2.0 * y.depth05 * std::exp(0.25 * m_bookRng.normal()) / std::sqrt(stress);
        b.bidDepth05 = total * (1 + imbalance) / 2;
        b.askDepth05 = total * (1 - imbalance) / 2;
        const double inner = 0.62 * std::exp(0.1 * m_bookRng.normal());
        b.bidDepth03 = b.bidDepth05 * inner;
        b.askDepth03 = b.askDepth05 * inner;
        b.imbalance = (b.bidDepth05 - b.askDepth05) / (b.bidDepth05 + b.askDepth05);
        b.updatedMs = now;
        batch.books.append(u);
    }
}

std::size_t SimulatedMarket::bytesHeld() const
{
    std::size_t bytes = sizeof(SimulatedMarket);
    bytes += m_state.capacity() * sizeof(Symbol);
    bytes += m_aggregate.capacity() * sizeof(Aggregate);
    bytes += (m_ringOpen.capacity() + m_ringHigh.capacity() + m_ringLow.capacity() + m_ringBase.capacity() +
              m_ringQuote.capacity()) *
             sizeof(double);
    bytes += static_cast<std::size_t>(m_symbols.capacity()) * sizeof(SymbolInfo);
    return bytes;
}

} // namespace bw
