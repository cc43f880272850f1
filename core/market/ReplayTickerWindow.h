#pragma once

#include "market/MarketTypes.h"

#include <deque>

namespace bw {

// Rolling 24 h ticker built from closed bars, for sources that record candles but no exchange ticker (a
// replay). The window holds the bars that opened within the 24 h ending at the newest bar's close; high and
// low come from monotonic deques, so each bar costs O(1) amortised whatever the window length.
class ReplayTickerWindow final
{
public:
    explicit ReplayTickerWindow(qint64 windowMs = 24 * 3600 * 1000);

    // Adds the next closed bar (open times must increase) and returns the ticker as of its close.
    Ticker24h add(const Candle &bar, qint64 intervalMs);
    void clear();
    int barCount() const { return int(m_bars.size()); }

private:
    struct Bar {
        qint64 openTimeMs;
        double open;
        double volume;
        double quoteVolume;
    };
    struct Extreme {
        qint64 openTimeMs;
        double value;
    };
    void resum();

    qint64 m_windowMs;
    std::deque<Bar> m_bars;
    std::deque<Extreme> m_highs; // decreasing values
    std::deque<Extreme> m_lows;  // increasing values
    double m_volume = 0;
    double m_quoteVolume = 0;
    int m_evictionsSinceResum = 0;
};

} // namespace bw
