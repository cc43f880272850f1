#include "scanner/MarketScanSource.h"

#include <cmath>
#include <limits>

namespace bw {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

MarketScanSource::MarketScanSource(const MarketStore &store)
    : m_store(store)
{
    rebuild();
}

void MarketScanSource::configure(const Preset &preset)
{
    ScanStateConfig config = m_config;
    config.correlationWindow = preset.scanner.correlationWindow;
    config.bbPercentileLookback = preset.scanner.bbPercentileLookback;
    config.swingBars = preset.levels.swingBars;
    m_staleAfterBars = preset.scanner.staleAfterBars;
    if (config == m_config && preset.scanner.referenceSymbol == m_referenceName)
        return;
    m_config = config;
    m_referenceName = preset.scanner.referenceSymbol;
    rebuild();
}

void MarketScanSource::rebuild()
{
    m_states.assign(std::size_t(m_store.symbolCount()), SymbolScanState(m_config));
    m_reference = m_store.indexOf(m_referenceName);
    m_referenceReturns.setCapacity(std::size_t(m_store.capacity()) + 1);
    m_referenceReturns.clear();
    if (m_reference >= 0)
        advance(m_reference);
    for (int i = 0; i < m_store.symbolCount(); ++i) {
        if (i != m_reference)
            advance(i);
    }
}

void MarketScanSource::ensureSized()
{
    if (int(m_states.size()) != m_store.symbolCount())
        rebuild();
}

void MarketScanSource::onBarsClosed(const QList<int> &symbols)
{
    if (int(m_states.size()) != m_store.symbolCount()) {
        rebuild();
        return;
    }
    // The reference first, so that every other symbol finds its return for the same bar.
    if (m_reference >= 0 && symbols.contains(m_reference))
        advance(m_reference);
    for (int i : symbols) {
        if (i != m_reference && i >= 0 && i < int(m_states.size()))
            advance(i);
    }
}

void MarketScanSource::advance(int i)
{
    SymbolScanState &state = m_states[std::size_t(i)];
    const SymbolMarket &market = m_store.market(i);
    const CandleSeries &bars = market.bars;
    const int n = bars.size();
    if (n == 0 || bars.lastOpenTimeMs() <= state.lastBaseOpenMs()) {
        if (n > 0)
            state.onDuplicate();
    } else {
        int k = n - 1;
        while (k > 0 && bars.openTime(k - 1) > state.lastBaseOpenMs())
            --k;
        const bool isReference = i == m_reference;
        for (; k < n; ++k) {
            const qint64 t = bars.openTime(k);
            double referenceReturn = kNaN;
            if (isReference) {
                const double prev = k > 0 ? bars.close(k - 1) : 0.0;
                referenceReturn = prev > 0 ? std::log(bars.close(k) / prev) : kNaN;
                if (std::isfinite(referenceReturn))
                    m_referenceReturns.push({t, referenceReturn});
            } else {
                referenceReturn = referenceReturnAt(t);
            }
            state.onBaseBar(t, bars.high(k), bars.low(k), bars.close(k), bars.volume(k), referenceReturn,
                            bars.intervalMs());
        }
    }
    const CandleSeries &bars15 = market.bars15m;
    const int n15 = bars15.size();
    if (n15 > 0 && bars15.lastOpenTimeMs() > state.last15mOpenMs()) {
        int k = n15 - 1;
        while (k > 0 && bars15.openTime(k - 1) > state.last15mOpenMs())
            --k;
        for (; k < n15; ++k)
            state.on15mBar(bars15.openTime(k), bars15.high(k), bars15.low(k), bars15.close(k));
    }
}

double MarketScanSource::referenceReturnAt(qint64 openTimeMs) const
{
    const std::size_t size = m_referenceReturns.size();
    if (size == 0)
        return kNaN;
    const qint64 interval = m_store.baseIntervalMs();
    const qint64 newest = m_referenceReturns[size - 1].openTimeMs;
    if (openTimeMs > newest || interval <= 0)
        return kNaN;
    const qint64 back = (newest - openTimeMs) / interval;
    if (back >= qint64(size))
        return kNaN;
    // Without gaps the bar sits exactly `back` slots from the newest; gaps only move it closer.
    for (std::size_t idx = size - 1 - std::size_t(back); idx < size; ++idx) {
        const ReferenceReturn &r = m_referenceReturns[idx];
        if (r.openTimeMs == openTimeMs)
            return r.logReturn;
        if (r.openTimeMs > openTimeMs)
            break;
    }
    return kNaN;
}

qint64 MarketScanSource::bytesHeld() const
{
    // Indicator windows dominate: sorted windows and rings sized by the configuration.
    const qint64 perSymbol =
        qint64(sizeof(SymbolScanState)) +
        qint64(sizeof(double)) *
            (2 * m_config.bbPercentileLookback + 3 * m_config.correlationWindow + 24 * 2 + 21 * 2 + 20 * 3 + 75 * 3) +
        qint64(sizeof(Swing)) * 2 * m_config.swingHistory + 2 * m_config.gapWindow;
    return perSymbol * qint64(m_states.size()) + qint64(m_referenceReturns.capacity() * sizeof(ReferenceReturn));
}

int MarketScanSource::symbolCount() const
{
    return std::min(int(m_states.size()), m_store.symbolCount());
}

QString MarketScanSource::symbolName(int i) const
{
    return m_store.info(i).name;
}

double MarketScanSource::quoteVolume24h(int i) const
{
    return m_store.market(i).ticker.quoteVolume24h;
}

qint64 MarketScanSource::closedBarOpenMs(int i) const
{
    return m_store.market(i).bars.lastOpenTimeMs();
}

void MarketScanSource::fillMetrics(int i, SymbolMetrics &m) const
{
    const SymbolMarket &market = m_store.market(i);
    const SymbolScanState &s = m_states[std::size_t(i)];
    const CandleSeries &bars = market.bars;
    m.symbol = m_store.info(i).name;
    m.price = market.ticker.lastPrice > 0 ? market.ticker.lastPrice : (bars.isEmpty() ? 0.0 : bars.last().close);
    m.quoteVolume24h = market.ticker.quoteVolume24h;
    m.openInterestUsd =
        market.ticker.openInterestUsd >= 0 ? std::optional<double>(market.ticker.openInterestUsd) : std::nullopt;
    m.oiChange24h.reset(); // no open-interest history in the store yet
    m.hasBook = market.book.isValid();
    m.spreadBps = market.book.spreadBps;
    m.depthUsd03 = market.book.bidDepth03 + market.book.askDepth03;
    m.depthUsd05 = market.book.bidDepth05 + market.book.askDepth05;
    m.tradesPerMinute = market.tradesPerMinute;

    const auto ready = [](const auto &indicator) {
        return indicator.isReady() && std::isfinite(indicator.value()) ? std::optional<double>(indicator.value())
                                                                       : std::nullopt;
    };
    m.atr15m = ready(s.atr15m());
    m.closed15mBars = s.bars15m();
    m.bbWidthPercentile = ready(s.bandWidthPercentile());
    m.volumeSurge1h = ready(s.surge1h());
    m.volumeSurge5m = ready(s.surge5m());
    m.isReferenceSymbol = i == m_reference;
    m.btcCorrelation = m.isReferenceSymbol ? std::optional<double>(1.0) : ready(s.correlation());

    // Gainers momentum over the last 5 closed bars: price change in % plus log volume momentum.
    m.gainersMomentum.reset();
    const int n = bars.size();
    if (n >= 5) {
        const double firstOpen = bars.open(n - 5);
        const double priceChange = firstOpen > 0 ? (bars.close(n - 1) - firstOpen) / firstOpen : 0.0;
        const double early = (bars.volume(n - 5) + bars.volume(n - 4)) / 2.0;
        const double late = (bars.volume(n - 3) + bars.volume(n - 2) + bars.volume(n - 1)) / 3.0;
        const double volumeMomentum = early > 0 && late > 0 ? late / early : 1.0;
        m.gainersMomentum = priceChange * 100.0 + std::log(volumeMomentum);
    }

    m.closedBars = n;
    m.gaps = s.recentGaps();
    m.duplicates = s.duplicates();
    m.lastClosedBarOpenMs = bars.lastOpenTimeMs();
    m.dataAgeMs = market.lastUpdateMs > 0 ? std::max<qint64>(0, m_store.marketTimeMs() - market.lastUpdateMs)
                                          : std::numeric_limits<qint64>::max() / 2;
    m.staleAfterMs = qint64(m_staleAfterBars * double(m_store.baseIntervalMs()));
}

double MarketScanSource::baseAtr(int i) const
{
    const Atr &atr = m_states[std::size_t(i)].atrBase();
    return atr.isReady() ? atr.value() : kNaN;
}

void MarketScanSource::copyBars(int i, BarBuffer &out) const
{
    const CandleSeries &bars = m_store.market(i).bars;
    const auto n = std::size_t(bars.size());
    out.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        const int j = int(k);
        out.openTimeMs[k] = bars.openTime(j);
        out.high[k] = bars.high(j);
        out.low[k] = bars.low(j);
        out.close[k] = bars.close(j);
        out.volume[k] = bars.volume(j);
    }
}

bool MarketScanSource::levelSeeds(int i, std::vector<LevelSeed> &out) const
{
    const SymbolScanState &s = m_states[std::size_t(i)];
    const qint64 oldestHeld = m_store.market(i).bars.size() > 0 ? m_store.market(i).bars.openTime(0) : 0;
    for (std::size_t k = 0; k < SymbolScanState::kDonchianPeriods.size(); ++k) {
        const Donchian &d = s.donchian(k);
        if (!d.isReady())
            continue;
        out.push_back({d.upper(), LevelType::Resistance, LevelFromDonchian});
        out.push_back({d.lower(), LevelType::Support, LevelFromDonchian});
    }
    const RingBuffer<Swing> &highs = s.swings().swingHighs();
    for (std::size_t k = 0; k < highs.size(); ++k) {
        if (highs[k].openTimeMs >= oldestHeld)
            out.push_back({highs[k].price, LevelType::Resistance, LevelFromSwing});
    }
    const RingBuffer<Swing> &lows = s.swings().swingLows();
    for (std::size_t k = 0; k < lows.size(); ++k) {
        if (lows[k].openTimeMs >= oldestHeld)
            out.push_back({lows[k].price, LevelType::Support, LevelFromSwing});
    }
    return true;
}

} // namespace bw
