#include "market/MarketService.h"

#include "market/MarketLog.h"
#include "market/MarketMetaTypes.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace bw {

MarketService::MarketService(MarketFeed *feed, int capacity, QObject *parent)
    : QObject(parent)
    , m_feed(feed)
    , m_store(feed && feed->barIntervalMs() > 0 ? feed->barIntervalMs() : 300000, capacity)
    , m_overviewTimer(this)
{
    if (!feed)
        throw std::invalid_argument("MarketService needs a feed");
    registerMarketMetaTypes();
    m_feed->setParent(this);
    m_overviewTimer.setInterval(kDefaultOverviewIntervalMs);
    connect(&m_overviewTimer, &QTimer::timeout, this, &MarketService::publishOverview);
    connect(m_feed, &MarketFeed::symbolsReady, this, &MarketService::onSymbols);
    connect(m_feed, &MarketFeed::updatesReady, this, &MarketService::onBatch);
    connect(m_feed, &MarketFeed::backfillProgress, this, &MarketService::onBackfillProgress);
    connect(m_feed, &MarketFeed::backfillFinished, this, &MarketService::onBackfillFinished);
    connect(m_feed, &MarketFeed::feedError, this, [this](const QString &message) {
        qCWarning(lcMarket).noquote() << "feed error:" << message;
        emit feedError(message);
    });
    connect(m_feed, &MarketFeed::finished, this, [this] {
        qCInfo(lcMarket) << "feed finished";
        emit feedFinished();
    });
}

MarketService::~MarketService() = default;

void MarketService::start()
{
    qCInfo(lcMarket).noquote() << "market service starting on" << m_feed->sourceName();
    m_overviewTimer.start();
    m_feed->start();
}

void MarketService::stop()
{
    m_overviewTimer.stop();
    m_feed->stop();
}

void MarketService::setOverviewIntervalMs(int ms)
{
    m_overviewTimer.setInterval(std::max(1, ms));
}

void MarketService::onSymbols(const QList<SymbolInfo> &symbols)
{
    if (isHeld()) {
        // Readers hold the store: swap the symbol list when they let go; batches before it are moot.
        m_pendingSymbols = symbols;
        m_pending.clear();
        return;
    }
    // A replay learns its bar interval from its files: it is known from symbolsReady on, not before.
    if (const qint64 interval = m_feed->barIntervalMs(); interval > 0 && interval != m_store.baseIntervalMs())
        m_store = MarketStore(interval, m_store.capacity());
    m_store.setSymbols(symbols);
    qCInfo(lcMarket) << "market has" << symbols.size() << "symbols";
    emit symbolsChanged(static_cast<int>(symbols.size()));
}

void MarketService::onBatch(const MarketUpdateBatch &batch)
{
    if (!isHeld()) {
        applyBatch(batch);
        return;
    }
    m_pending.append(batch);
    if (m_pending.size() > kMaxPendingBatches) {
        const int symbols = m_pendingSymbols ? static_cast<int>(m_pendingSymbols->size()) : m_store.symbolCount();
        MarketUpdateBatch merged = mergeBatches(m_pending, symbols, m_store.capacity());
        m_pending.clear();
        m_pending.append(std::move(merged));
        ++m_merges;
        qCDebug(lcMarket) << "updates held for long: merged queued batches" << m_merges;
    }
}

void MarketService::applyBatch(const MarketUpdateBatch &batch)
{
    const QList<int> closed = m_store.apply(batch);
    if (!closed.isEmpty())
        emit barsClosed(closed);
}

void MarketService::holdUpdates()
{
    ++m_holds;
}

void MarketService::releaseUpdates()
{
    if (m_holds == 0) {
        qCWarning(lcMarket) << "releaseUpdates() without holdUpdates()";
        return;
    }
    if (--m_holds > 0)
        return;
    if (m_pendingSymbols) {
        const QList<SymbolInfo> symbols = std::move(*m_pendingSymbols);
        m_pendingSymbols.reset();
        onSymbols(symbols);
    }
    if (m_pending.isEmpty())
        return;
    // Apply them as one: one barsClosed for the readers instead of a burst.
    const QList<MarketUpdateBatch> pending = std::move(m_pending);
    m_pending.clear();
    QList<int> closed;
    for (const MarketUpdateBatch &batch : pending)
        closed += m_store.apply(batch);
    if (closed.isEmpty())
        return;
    std::sort(closed.begin(), closed.end());
    closed.erase(std::unique(closed.begin(), closed.end()), closed.end());
    emit barsClosed(closed);
}

void MarketService::onBackfillProgress(int done, int total)
{
    m_backfilling = done < total;
    m_backfillDone = done;
    m_backfillTotal = total;
}

void MarketService::onBackfillFinished()
{
    m_backfilling = false;
    m_backfillFinished = true;
    m_backfillDone = m_backfillTotal;
    emit backfillFinished();
    publishOverview();
}

MarketOverview MarketService::overview() const
{
    MarketOverview o = m_store.overview(m_feed->sourceName());
    o.backfilling = m_backfilling;
    o.backfillDone = m_backfillDone;
    o.backfillTotal = m_backfillTotal;
    return o;
}

void MarketService::publishOverview()
{
    if (m_store.symbolCount() == 0)
        return;
    emit overviewReady(overview());
}

MarketUpdateBatch MarketService::mergeBatches(const QList<MarketUpdateBatch> &batches, int symbolCount,
                                              int maxClosedPerSymbol)
{
    struct Slot {
        QList<Candle> closed;
        Candle forming;
        bool hasForming = false;
        const Ticker24h *ticker = nullptr;
        const BookSummary *book = nullptr;
    };
    std::vector<Slot> perSymbol(static_cast<std::size_t>(std::max(0, symbolCount)));
    MarketUpdateBatch merged;
    const auto valid = [symbolCount](int s) { return s >= 0 && s < symbolCount; };
    for (const MarketUpdateBatch &b : batches) {
        merged.marketTimeMs = std::max(merged.marketTimeMs, b.marketTimeMs);
        for (const CandleUpdate &u : b.candles) {
            if (!valid(u.symbol))
                continue;
            Slot &slot = perSymbol[static_cast<std::size_t>(u.symbol)];
            if (u.candle.closed) {
                slot.closed.append(u.candle);
                if (slot.closed.size() > 2 * std::max(1, maxClosedPerSymbol))
                    slot.closed.remove(0, slot.closed.size() - maxClosedPerSymbol);
            } else {
                slot.forming = u.candle;
                slot.hasForming = true;
            }
        }
        for (const TickerUpdate &u : b.tickers)
            if (valid(u.symbol))
                perSymbol[static_cast<std::size_t>(u.symbol)].ticker = &u.ticker;
        for (const BookUpdate &u : b.books)
            if (valid(u.symbol))
                perSymbol[static_cast<std::size_t>(u.symbol)].book = &u.book;
    }
    for (std::size_t i = 0; i < perSymbol.size(); ++i) {
        Slot &slot = perSymbol[i];
        const int symbol = static_cast<int>(i);
        const qsizetype first = std::max<qsizetype>(0, slot.closed.size() - std::max(1, maxClosedPerSymbol));
        for (qsizetype c = first; c < slot.closed.size(); ++c)
            merged.candles.append(CandleUpdate{symbol, slot.closed[c]});
        if (slot.hasForming && (slot.closed.isEmpty() || slot.forming.openTimeMs > slot.closed.last().openTimeMs))
            merged.candles.append(CandleUpdate{symbol, slot.forming});
        if (slot.ticker)
            merged.tickers.append(TickerUpdate{symbol, *slot.ticker});
        if (slot.book)
            merged.books.append(BookUpdate{symbol, *slot.book});
    }
    return merged;
}

} // namespace bw
