#pragma once

#include <QtGlobal>

namespace bw {

// One OHLCV bar. Times are bar open times in epoch milliseconds, UTC.
struct Candle {
    qint64 openTimeMs = 0;
    double open = 0.0;
    double high = 0.0;
    double low = 0.0;
    double close = 0.0;
    double volume = 0.0;      // base asset units
    double quoteVolume = 0.0; // quote currency (USDT)
    qint64 trades = 0;        // number of trades in the bar
    bool closed = false;      // false for the bar still forming

    double typical() const { return (high + low + close) / 3.0; }
    double range() const { return high - low; }
    double body() const { return close > open ? close - open : open - close; }
};

} // namespace bw
