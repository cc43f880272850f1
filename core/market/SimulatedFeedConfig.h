#pragma once

#include <QString>
#include <QtGlobal>

namespace bw {

// Parameters of the embedded simulated market. The same seed (and the same other fields) gives the same
// symbols and the same price path; the start time only moves the clock.
struct SimulatedFeedConfig {
    static constexpr int kMaxSymbols = 10000;

    quint64 seed = 42;
    int symbols = 300;             // 1 .. kMaxSymbols
    qint64 barIntervalMs = 300000; // base candle interval, 1 s .. 1 day
    double speedUp = 150.0;        // simulated time per wall time: a 5 m bar every 2 s
    int backfillBars = 500;        // closed bars of history per symbol before live ticks start, 0 .. 100000
    int ticksPerBar = 10;          // live updates per bar, 1 .. 1000 (the forming bar moves this often)
    qint64 startTimeMs = 0;        // open time of the first live bar (aligned down); <= 0: now, from the clock

    // Empty when usable, otherwise a message naming the field and the allowed range.
    QString validate() const;

    // Wall-clock milliseconds between live ticks (0 when the speed-up is too high to wait at all).
    int tickIntervalMs() const;
};

} // namespace bw
