#pragma once

#include "market/MarketTypes.h"

#include <QList>

#include <functional>
#include <map>
#include <utility>

namespace bw {

// The local copy of one symbol's Bybit order book (orderbook.50 stream): a snapshot replaces the book, a delta
// is merged level by level (size 0 deletes the level). Deltas must carry consecutive update ids; a jump means
// a message was lost, the book is no longer trustworthy and must be rebuilt from a fresh snapshot.
class BybitOrderBook final
{
public:
    using Level = std::pair<double, double>; // price, size
    enum class DeltaResult { Applied, Gap, NotReady };
    // Levels beyond this many per side are dropped so that a misbehaving stream cannot grow the book.
    static constexpr int kMaxLevels = 200;

    void applySnapshot(const QList<Level> &bids, const QList<Level> &asks, qint64 updateId);
    // Gap leaves the book invalid; NotReady when no valid snapshot is held (the delta is ignored).
    DeltaResult applyDelta(const QList<Level> &bids, const QList<Level> &asks, qint64 updateId);
    void invalidate();

    bool isValid() const { return m_valid; }
    qint64 lastUpdateId() const { return m_lastUpdateId; }
    int bidLevels() const { return static_cast<int>(m_bids.size()); }
    int askLevels() const { return static_cast<int>(m_asks.size()); }

    // Best prices, spread and the quote-currency depth within 0.3 % and 0.5 % of the best price on each side.
    // An invalid (default) summary when the book is not valid or a side is empty.
    BookSummary summary(qint64 nowMs) const;

private:
    template <typename Map>
    static void merge(Map &side, const QList<Level> &levels);
    void trim();

    std::map<double, double, std::greater<>> m_bids;
    std::map<double, double> m_asks;
    qint64 m_lastUpdateId = 0;
    bool m_valid = false;
};

} // namespace bw
