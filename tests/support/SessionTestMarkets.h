#pragma once

#include "market/FeedFactory.h"

// The two markets the session tests switch between: a small seeded simulated one and the recorded one in
// tests/data/sim-small. Twenty symbols against ten, so that a scan's symbol count tells the engines apart.
// BW_TEST_DATA_DIR is the including test's source folder, one level below tests/.
namespace bw::test {

// Twenty simulated symbols whose time runs at wall speed: after the first scan the next periodic one is a
// whole scan interval (minutes) away, so a scan seen after scanNow() is scanNow()'s.
inline FeedOptions slowSimulatedMarket(quint64 seed = 11)
{
    FeedOptions options;
    options.source = FeedOptions::Source::Simulated;
    options.simulated.seed = seed;
    options.simulated.symbols = 20;
    options.simulated.backfillBars = 150;
    options.simulated.speedUp = 1;
    return options;
}

// The ten recorded symbols of tests/data/sim-small, replayed at 50 bars a second after 200 bars of history.
inline FeedOptions recordedSimSmall()
{
    FeedOptions options;
    options.source = FeedOptions::Source::Replay;
    options.replay.path = QStringLiteral(BW_TEST_DATA_DIR "/../data/sim-small");
    options.replay.backfillBars = 200;
    options.replay.barsPerSecond = 50;
    return options;
}

} // namespace bw::test
