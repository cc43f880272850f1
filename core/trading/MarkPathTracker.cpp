#include "trading/MarkPathTracker.h"

#include <algorithm>

namespace bw {

void MarkPathTracker::seed(qint64 key, const Candle &candle)
{
    if (!(candle.close > 0))
        return;
    m_seen.insert(key, Seen{candle.openTimeMs, std::max(candle.high, candle.close),
                            candle.low > 0 ? std::min(candle.low, candle.close) : candle.close, candle.close});
}

MarkUpdate MarkPathTracker::observe(qint64 key, const Candle &candle, double atr, qint64 sinceMs)
{
    MarkUpdate mark = MarkUpdate::tick(candle.close, atr);
    const auto it = m_seen.constFind(key);
    if (it == m_seen.cend()) {
        if (candle.closed && candle.openTimeMs >= sinceMs)
            mark = MarkUpdate::bar(candle, atr);
    } else if (candle.openTimeMs == it->openTimeMs) {
        const double high = std::max(candle.high, candle.close);
        const double low = candle.low > 0 ? std::min(candle.low, candle.close) : candle.close;
        mark.open = it->close;
        mark.high = high > it->high ? high : std::max(it->close, candle.close);
        mark.low = low < it->low ? low : std::min(it->close, candle.close);
    } else if (candle.openTimeMs > it->openTimeMs) {
        mark = MarkUpdate::bar(candle, atr);
    } else {
        return mark; // an older bar than the one seen: nothing new about the path
    }
    seed(key, candle);
    return mark;
}

} // namespace bw
