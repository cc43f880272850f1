#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace bw {

// A trading preset: every section of the original's TradingPreset, parsed strictly (PresetLoader). The
// scanner reads liquidity, volatility, scanner and levels; the trading side reads risk, signal,
// position and execution. Fractions are fractions (0.015 = 1.5 %), never percent, except where a name
// says _pct of a percentile (bbWidthPercentileMax is a percentile, 0-100).
// The section structs are named *Section: the trading module has its own runtime configurations
// (RiskConfig, PositionConfig, ExecutionConfig) that are filled from these.

enum class StrategyPriority {
    Momentum, // "momentum" (also "breakout_momentum")
    Retest,   // "retest" (also "breakout_retest")
};

struct RiskSection {
    double riskPerTrade = 0.01;     // (0, 1]
    int maxConcurrentPositions = 3; // 1-10
    double dailyRiskLimit = 0.05;   // (0, 1]
    std::optional<double> maxPositionSizeUsd;
    double killSwitchLossLimit = 0.1; // (0, 1]
    double correlationLimit = 0.7;    // [0, 1]; the raw limit of |corr| with BTC
    int maxConsecutiveLosses = 5;     // 1-20
};

struct LiquiditySection {
    double min24hVolumeUsd = 0;     // > 0
    std::optional<double> minOiUsd; // absent: no open-interest filter
    double maxSpreadBps = 0;        // > 0
    double minDepthUsd05 = 0;       // both sides within 0.5 % of price
    double minDepthUsd03 = 0;       // both sides within 0.3 %
    double minTradesPerMinute = 0;  // >= 0
};

struct VolatilitySection {
    double atrRangeMin = 0;          // ATR(14, 15 m) / price, > 0
    double atrRangeMax = 0;          // >= atrRangeMin
    double bbWidthPercentileMax = 0; // percentile (0-100) of the band width over the lookback
    double volumeSurge1hMin = 0;
    double volumeSurge5mMin = 0;
    std::optional<double> oiDeltaThreshold; // needs an open-interest history; see docs/presets.md
};

struct SignalSection {
    double momentumVolumeMultiplier = 1.5;
    double momentumBodyRatioMin = 0.3; // [0, 1]
    double momentumEpsilon = 0.001;
    double retestPierceTolerance = 0.002;
    double retestMaxPierceAtr = 0.35;
    double l2ImbalanceThreshold = 0.15; // [0, 1]
    double vwapGapMaxAtr = 2.0;
    double prelevelLimitOffsetBps = 2.0;
    double enterOnDensityEatRatio = 0.75; // [0, 1]
    double tpmOnTouchFrac = 0.7;          // [0, 1]
};

struct PositionSection {
    double tp1R = 1.5;       // > 0, < tp2R
    double tp1SizePct = 0.4; // fraction of the position, [0, 1]
    double tp2R = 2.8;
    double tp2SizePct = 0.35; // tp1SizePct + tp2SizePct <= 1
    double chandelierAtrMult = 3.0;
    int chandelierLookbackBars = 22;
    double maxHoldTimeHours = 24;
    bool addOnEnabled = false;
    double addOnMaxSizePct = 0.5; // [0, 1]
    double slR = 1.0;
    std::optional<double> timeStopMinutes;
    bool panicExitOnActivityDrop = false;
    double activityDropThreshold = 0.4;
};

// Score components (original §4.5). The JSON keys are the original's.
enum class ScoreComponent { VolSurge, OiDelta, AtrQuality, Correlation, TradesPerMinute, GainersMomentum, Count };
constexpr int kScoreComponentCount = int(ScoreComponent::Count);
QString scoreComponentKey(ScoreComponent component); // "vol_surge", ...

using ScoreWeights = std::array<std::optional<double>, kScoreComponentCount>;

struct ScannerSection {
    int maxCandidates = 30;
    int scanIntervalSeconds = 120;
    ScoreWeights scoreWeights{};
    std::optional<QStringList> symbolWhitelist; // feed names, e.g. "BTCUSDT"; absent: every symbol
    QStringList symbolBlacklist;
    std::optional<int> topNByVolume; // absent: every symbol goes on to the filters
    // Scanner tuning (optional keys; defaults documented in docs/presets.md).
    int correlationWindow = 50;     // closed base bars of log returns
    int bbPercentileLookback = 120; // closed base bars of band-width history
    double staleAfterBars = 3.0;    // data older than this many base bars is stale
    QString referenceSymbol = QStringLiteral("BTCUSDT");
};

struct LevelsSection {
    int minTouches = 2;
    double touchToleranceAtr = 0.5;     // a bar touches a level within this many ATRs
    double mergeToleranceAtr = 0.5;     // candidates closer than this merge
    double minLevelSeparationAtr = 2.0; // weaker levels this close to a stronger one are dropped
    double maxPiercePct = 0.002;        // a close beyond the level by more than this pierces it
    double volumePercentile = 0.85;     // bars at or above this volume quantile give candidates
    int swingBars = 2;                  // bars on each side of a swing point
    int maxLevels = 8;
};

struct ExecutionSection {
    bool enableTwap = true;
    bool enableIceberg = true;
    double maxDepthFraction = 0.25; // (0, 1]
    int twapMinSlices = 3;          // 1-50
    int twapMaxSlices = 12;         // 1-50, >= min
    double twapIntervalSeconds = 3.0;
    double icebergMinNotional = 3000; // > 0
    double limitOffsetBps = 2.0;
    double spreadWidenBps = 12.0;
    int deadmanTimeoutMs = 10000;
    double takerFeeBps = 7.5;
    double makerFeeBps = 2.0;
};

struct Preset {
    QString name;
    QString description;
    QString targetMarkets;
    StrategyPriority strategyPriority = StrategyPriority::Momentum;
    RiskSection risk;
    LiquiditySection liquidity;
    VolatilitySection volatility;
    SignalSection signal;
    PositionSection position;
    ScannerSection scanner;
    LevelsSection levels;
    ExecutionSection execution;
    QString sourcePath; // where it was loaded from (":/presets/x.json" or a file path)
};

} // namespace bw
