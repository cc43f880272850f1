#include "market/bybit/BybitOrderBook.h"

#include <iterator>

namespace bw {

template <typename Map>
void BybitOrderBook::merge(Map &side, const QList<Level> &levels)
{
    for (const Level &l : levels) {
        if (l.second <= 0)
            side.erase(l.first);
        else
            side[l.first] = l.second;
    }
}

void BybitOrderBook::trim()
{
    while (m_bids.size() > static_cast<std::size_t>(kMaxLevels))
        m_bids.erase(std::prev(m_bids.end()));
    while (m_asks.size() > static_cast<std::size_t>(kMaxLevels))
        m_asks.erase(std::prev(m_asks.end()));
}

void BybitOrderBook::applySnapshot(const QList<Level> &bids, const QList<Level> &asks, qint64 updateId)
{
    m_bids.clear();
    m_asks.clear();
    merge(m_bids, bids);
    merge(m_asks, asks);
    trim();
    m_lastUpdateId = updateId;
    m_valid = true;
}

BybitOrderBook::DeltaResult BybitOrderBook::applyDelta(const QList<Level> &bids, const QList<Level> &asks,
                                                       qint64 updateId)
{
    if (!m_valid)
        return DeltaResult::NotReady;
    if (updateId != m_lastUpdateId + 1) {
        invalidate();
        return DeltaResult::Gap;
    }
    merge(m_bids, bids);
    merge(m_asks, asks);
    trim();
    m_lastUpdateId = updateId;
    return DeltaResult::Applied;
}

void BybitOrderBook::invalidate()
{
    m_valid = false;
    m_bids.clear();
    m_asks.clear();
}

BookSummary BybitOrderBook::summary(qint64 nowMs) const
{
    BookSummary s;
    if (!m_valid || m_bids.empty() || m_asks.empty())
        return s;
    s.bestBid = m_bids.begin()->first;
    s.bestAsk = m_asks.begin()->first;
    s.updatedMs = nowMs;
    if (s.bestAsk < s.bestBid)
        return s; // crossed: isValid() is false, nobody should trade on it
    s.spreadBps = (s.bestAsk - s.bestBid) / s.mid() * 10000.0;
    for (const auto &[price, size] : m_bids) {
        if (price < s.bestBid * (1.0 - 0.005))
            break;
        const double notional = price * size;
        s.bidDepth05 += notional;
        if (price >= s.bestBid * (1.0 - 0.003))
            s.bidDepth03 += notional;
    }
    for (const auto &[price, size] : m_asks) {
        if (price > s.bestAsk * (1.0 + 0.005))
            break;
        const double notional = price * size;
        s.askDepth05 += notional;
        if (price <= s.bestAsk * (1.0 + 0.003))
            s.askDepth03 += notional;
    }
    const double total = s.bidDepth05 + s.askDepth05;
    s.imbalance = total > 0 ? (s.bidDepth05 - s.askDepth05) / total : 0.0;
    return s;
}

} // namespace bw
