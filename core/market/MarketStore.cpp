#include "market/MarketStore.h"

#include "market/MarketLog.h"

#include <algorithm>
#include <stdexcept>

namespace bw {

namespace {

// A resampled series holds about the same span of time as the base ring, and never fewer than this many
// bars so that a 14-bar ATR on 1 h bars has room.
constexpr int kMinResampledCapacity = 50;

int resampledCapacity(int baseCapacity, qint64 baseMs, qint64 targetMs)
{
    const qint64 ratio = targetMs / baseMs;
    const qint64 span = (static_cast<qint64>(baseCapacity) + ratio - 1) / ratio + 1;
    return static_cast<int>(std::max<qint64>(span, kMinResampledCapacity));
}

qint64 stringBytes(const QString &s)
{
    return static_cast<qint64>(s.capacity()) * 2 + 16;
}

} // namespace

MarketStore::MarketStore(qint64 baseIntervalMs, int capacity)
    : m_baseMs(baseIntervalMs)
    , m_capacity(capacity)
    , m_has15m(CandleResampler::canResample(baseIntervalMs, k15mMs))
    , m_has1h(CandleResampler::canResample(baseIntervalMs, k1hMs))
{
    if (baseIntervalMs <= 0)
        throw std::invalid_argument("MarketStore: base interval must be positive");
    if (capacity < 1)
        throw std::invalid_argument("MarketStore: capacity must be at least 1");
    m_capacity15m = m_has15m ? resampledCapacity(capacity, baseIntervalMs, k15mMs) : 1;
    m_capacity1h = m_has1h ? resampledCapacity(capacity, baseIntervalMs, k1hMs) : 1;
}

void MarketStore::setSymbols(const QList<SymbolInfo> &symbols)
{
    m_infos.assign(symbols.cbegin(), symbols.cend());
    m_markets.clear();
    m_resamplers15m.clear();
    m_resamplers1h.clear();
    m_index.clear();
    const auto n = static_cast<std::size_t>(symbols.size());
    m_markets.reserve(n);
    m_index.reserve(symbols.size());
    for (std::size_t i = 0; i < n; ++i) {
        m_markets.push_back(SymbolMarket{CandleSeries(m_baseMs, m_capacity),
                                         CandleSeries(m_has15m ? k15mMs : m_baseMs, m_capacity15m),
                                         CandleSeries(m_has1h ? k1hMs : m_baseMs, m_capacity1h),
                                         {},
                                         {},
                                         0,
                                         0});
        if (m_has15m)
            m_resamplers15m.emplace_back(m_baseMs, k15mMs);
        if (m_has1h)
            m_resamplers1h.emplace_back(m_baseMs, k1hMs);
        if (m_index.contains(m_infos[i].name))
            qCWarning(lcMarket) << "duplicate symbol name" << m_infos[i].name << "- lookups find the first";
        else
            m_index.insert(m_infos[i].name, static_cast<int>(i));
    }
    m_closedMark.assign(n, 0);
    m_marketTimeMs = 0;
    m_rejected = 0;
}

void MarketStore::updateTradesPerMinute(SymbolMarket &m) const
{
    const int n = std::min(kTradesPerMinuteBars, m.bars.size());
    if (n == 0) {
        m.tradesPerMinute = 0;
        return;
    }
    qint64 trades = 0;
    for (int i = m.bars.size() - n; i < m.bars.size(); ++i)
        trades += m.bars.trades(i);
    const double minutes = static_cast<double>(n) * static_cast<double>(m_baseMs) / 60000.0;
    m.tradesPerMinute = static_cast<double>(trades) / minutes;
}

QList<int> MarketStore::apply(const MarketUpdateBatch &batch)
{
    const int count = symbolCount();
    QList<int> closedSymbols;
    m_marketTimeMs = std::max(m_marketTimeMs, batch.marketTimeMs);
    const qint64 rejectedBefore = m_rejected;

    for (const CandleUpdate &u : batch.candles) {
        if (u.symbol < 0 || u.symbol >= count) {
            ++m_rejected;
            continue;
        }
        const auto i = static_cast<std::size_t>(u.symbol);
        SymbolMarket &m = m_markets[i];
        const CandleSeries::AppendResult r = m.bars.apply(u.candle);
        if (r == CandleSeries::AppendResult::Rejected) {
            ++m_rejected;
            continue;
        }
        m.lastUpdateMs = std::max(m.lastUpdateMs, batch.marketTimeMs);
        m.ticker.lastPrice = u.candle.close; // a ticker update later in the batch may refine it
        if (r == CandleSeries::AppendResult::BarClosed) {
            if (m_has15m)
                m_resamplers15m[i].add(u.candle, m.bars15m);
            if (m_has1h)
                m_resamplers1h[i].add(u.candle, m.bars1h);
            updateTradesPerMinute(m);
            if (!m_closedMark[i]) {
                m_closedMark[i] = 1;
                closedSymbols.append(u.symbol);
            }
        }
    }
    for (const TickerUpdate &u : batch.tickers) {
        if (u.symbol < 0 || u.symbol >= count)
            continue;
        SymbolMarket &m = m_markets[static_cast<std::size_t>(u.symbol)];
        m.ticker = u.ticker;
        m.lastUpdateMs = std::max(m.lastUpdateMs, batch.marketTimeMs);
    }
    for (const BookUpdate &u : batch.books) {
        if (u.symbol < 0 || u.symbol >= count)
            continue;
        SymbolMarket &m = m_markets[static_cast<std::size_t>(u.symbol)];
        m.book = u.book;
        m.lastUpdateMs = std::max(m.lastUpdateMs, batch.marketTimeMs);
    }

    for (int s : std::as_const(closedSymbols))
        m_closedMark[static_cast<std::size_t>(s)] = 0;
    std::sort(closedSymbols.begin(), closedSymbols.end());
    if (m_rejected != rejectedBefore)
        qCDebug(lcMarket) << "batch at" << batch.marketTimeMs << "had" << (m_rejected - rejectedBefore)
                          << "rejected candles";
    return closedSymbols;
}

qint64 MarketStore::bytesHeld() const
{
    qint64 bytes = static_cast<qint64>(sizeof(MarketStore));
    bytes += static_cast<qint64>(m_markets.capacity() * sizeof(SymbolMarket));
    bytes += static_cast<qint64>(m_infos.capacity() * sizeof(SymbolInfo));
    bytes += static_cast<qint64>(m_resamplers15m.capacity() * sizeof(CandleResampler));
    bytes += static_cast<qint64>(m_resamplers1h.capacity() * sizeof(CandleResampler));
    bytes += static_cast<qint64>(m_closedMark.capacity());
    const qint64 perSymbolSeries =
        static_cast<qint64>(CandleSeries::bytesForCapacity(m_capacity) + CandleSeries::bytesForCapacity(m_capacity15m) +
                            CandleSeries::bytesForCapacity(m_capacity1h)) -
        3 * static_cast<qint64>(sizeof(CandleSeries)); // objects counted above
    bytes += perSymbolSeries * static_cast<qint64>(m_markets.size());
    for (const SymbolInfo &info : m_infos)
        bytes += stringBytes(info.name) + stringBytes(info.baseAsset) + stringBytes(info.quoteAsset);
    // QHash: one node (key + value) plus a span slot per entry, roughly.
    bytes += static_cast<qint64>(m_index.capacity()) * static_cast<qint64>(sizeof(QString) + sizeof(int) + 8);
    return bytes;
}

bool MarketStore::isStale(int i) const
{
    const SymbolMarket &m = market(i);
    if (m.lastUpdateMs == 0)
        return true;
    return m_marketTimeMs - m.lastUpdateMs > kStaleBars * m_baseMs;
}

MarketOverview MarketStore::overview(const QString &sourceName) const
{
    MarketOverview o;
    o.sourceName = sourceName;
    o.marketTimeMs = m_marketTimeMs;
    o.barIntervalMs = m_baseMs;
    o.formingBarOpenMs = m_marketTimeMs - (m_marketTimeMs % m_baseMs);
    o.storeBytes = bytesHeld();
    o.symbols.reserve(symbolCount());
    for (int i = 0; i < symbolCount(); ++i) {
        const SymbolMarket &m = market(i);
        SymbolOverview row;
        row.symbol = info(i).name;
        row.lastPrice = m.ticker.lastPrice;
        if (row.lastPrice <= 0) {
            if (const auto f = m.bars.forming())
                row.lastPrice = f->close;
            else if (!m.bars.isEmpty())
                row.lastPrice = m.bars.close(m.bars.size() - 1);
        }
        row.changePct24h = m.ticker.changePct24h;
        row.quoteVolume24h = m.ticker.quoteVolume24h;
        row.spreadBps = m.book.isValid() ? m.book.spreadBps : 0;
        row.tradesPerMinute = m.tradesPerMinute;
        row.lastClosedBarOpenMs = m.bars.isEmpty() ? 0 : m.bars.lastOpenTimeMs();
        row.stale = isStale(i);
        o.symbols.append(row);
    }
    return o;
}

} // namespace bw
