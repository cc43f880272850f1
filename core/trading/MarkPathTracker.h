#pragma once

#include "market/Candle.h"
#include "trading/PositionManager.h"

#include <QHash>

namespace bw {

// Turns successive observations of a position's candle into the MarkUpdate that covers the market's path
// since the previous observation, so that stops and targets are checked where the market went between two
// updates and not only where it stands at each update.
//
// A live feed reports the forming candle every tick (the simulated market every 30 s of market time at
// its default 10 ticks a bar). Checked only against the tick's price, a stop crossed between two ticks was
// seen one tick late and filled at the later price, past the stop by up to a whole tick's move: stopped
// trades lost 1.1 to 1.6 R. An exchange triggers a stop at the first trade through it. The candle says
// where trades went: the path since the previous observation runs from the price seen then through every
// new high and low the candle made since, to the close. Walked as a bar (open = the price seen then), a
// stop crossed on it fills as a taker from the stop (PaperBroker, path price).
//
//   same bar as seen before: open = previous close; low = the candle's low if it made a new one since,
//                            else min(previous close, close); high likewise
//   a newer bar:             the whole bar (MarkUpdate::bar): all of it lies after the previous observation
//   first observation:       a closed bar that opened at or after `sinceMs` (the position's opening) is
//                            walked whole; anything else is a tick at the close (its extremes may be older)
//
// Bounded by the keys in use: forget() a key when its position is finished. Not thread-safe.
class MarkPathTracker final
{
public:
    // Records `candle` as seen for `key` without returning a mark (e.g. the forming bar at entry).
    void seed(qint64 key, const Candle &candle);
    MarkUpdate observe(qint64 key, const Candle &candle, double atr, qint64 sinceMs);
    void forget(qint64 key) { m_seen.remove(key); }
    bool contains(qint64 key) const { return m_seen.contains(key); }
    qsizetype size() const { return m_seen.size(); }
    QList<qint64> keys() const { return m_seen.keys(); }

private:
    struct Seen {
        qint64 openTimeMs = 0;
        double high = 0;
        double low = 0;
        double close = 0;
    };
    QHash<qint64, Seen> m_seen;
};

} // namespace bw
