#pragma once

#include "market/SimulatedFeedConfig.h"
#include "scanner/Preset.h"
#include "scanner/PresetLoader.h"

// What the engine, session and trading-page tests trade on: a small seeded simulated market and a preset
// loose enough that it opens positions within seconds of wall time.
namespace bw::test {

// breakout_v1_relaxed with the liquidity and volatility gates opened so that the simulated symbols become
// candidates: what the scanner tests scan with.
inline Preset looseScannerPreset()
{
    Preset p = *PresetLoader::load(QStringLiteral("breakout_v1_relaxed")).preset;
    p.liquidity.min24hVolumeUsd = 1e5;
    p.liquidity.minDepthUsd03 = 100;
    p.liquidity.minDepthUsd05 = 100;
    p.liquidity.maxSpreadBps = 100;
    p.liquidity.minTradesPerMinute = 0.1;
    p.volatility.atrRangeMin = 0.0001;
    p.volatility.atrRangeMax = 0.5;
    p.volatility.bbWidthPercentileMax = 100;
    p.volatility.volumeSurge1hMin = 0;
    p.volatility.volumeSurge5mMin = 0;
    p.risk.correlationLimit = 1.0;
    p.scanner.topNByVolume.reset();
    p.scanner.maxCandidates = 50;
    return p;
}

// looseScannerPreset() with the signal gates opened too, so that the 30 simulated symbols trade.
// `maxHoldTimeHours` decides how long a position may stay open: long enough for a test to close it by
// hand, short enough for another to see time exits.
inline Preset looseTradingPreset(double maxHoldTimeHours = 6)
{
    Preset p = looseScannerPreset();
    p.risk.maxConcurrentPositions = 5;
    p.scanner.scanIntervalSeconds = 300;
    p.signal.momentumVolumeMultiplier = 1.0;
    p.signal.momentumBodyRatioMin = 0.2;
    p.signal.l2ImbalanceThreshold = 0.0;
    p.position.maxHoldTimeHours = maxHoldTimeHours;
    return p;
}

// 30 symbols, seed 7, 300 bars of backfill, four ticks a bar. `speedUp` is simulated time per wall time:
// 30000 is a 5 m bar every 10 ms; threaded tests under sanitizers need slower markets to keep up.
inline SimulatedFeedConfig smallTradingMarket(double speedUp)
{
    SimulatedFeedConfig c;
    c.seed = 7;
    c.symbols = 30;
    c.speedUp = speedUp;
    c.backfillBars = 300;
    c.ticksPerBar = 4;
    c.startTimeMs = 1700000000000;
    return c;
}

} // namespace bw::test
