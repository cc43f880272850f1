#pragma once

#include "scanner/Preset.h"

#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace bw {

// The scan stages, in the order a symbol goes through them.
enum class ScanStage {
    SymbolLists, // whitelist / blacklist
    TopVolume,   // top N by 24 h quote volume
    Liquidity,
    Volatility,
    Correlation,
    DataHealth,
    Scoring, // metrics, score and levels for the survivors
    Count
};
constexpr int kScanStageCount = int(ScanStage::Count);
QString scanStageName(ScanStage stage); // "symbol lists", "top volume", ...

enum class FilterComparison : std::uint8_t {
    AtLeast,   // value >= limit
    AtMost,    // value <= limit
    Within,    // limit <= value <= limitHigh
    AbsAtMost, // |value| <= limit
    NoIssues,  // value (a count of issues) == 0
};

// One filter's verdict, with what it measured and what it compared against. Cheap to make: the
// threshold is kept as numbers (thresholdText() formats it) and only failures and non-applicable
// filters carry a sentence, so a scan of thousands of symbols formats little text.
struct FilterResult {
    QString key; // "min_24h_volume", "atr_range", ... (stable, for programs)
    ScanStage stage = ScanStage::Liquidity;
    bool applicable = true; // false: the source lacks the data (e.g. open interest); never counts as a failure
    bool passed = true;
    double value = 0; // what was measured (NaN when it could not be)
    FilterComparison comparison = FilterComparison::AtLeast;
    double limit = 0;
    double limitHigh = 0;
    QString reason; // why it failed or does not apply; empty for a pass

    QString thresholdText() const; // e.g. ">= 5.00M", "0.005-0.12", "|x| <= 0.4"
};

// Per-symbol measurements the filters and the score use (plain data, filled from the market and the
// symbol's incremental scan state).
struct SymbolMetrics {
    QString symbol;
    double price = 0;
    double quoteVolume24h = 0;
    std::optional<double> openInterestUsd; // absent: the source does not provide it
    std::optional<double> oiChange24h;     // fraction; absent without an open-interest history
    bool hasBook = false;
    double spreadBps = 0;
    double depthUsd03 = 0; // bid + ask within 0.3 %
    double depthUsd05 = 0; // bid + ask within 0.5 %
    double tradesPerMinute = 0;

    std::optional<double> atr15m; // ATR(14, Wilder) on real closed 15 m bars
    int closed15mBars = 0;
    std::optional<double> bbWidthPercentile; // percentile of the current BB(20,2) width, 0-100
    std::optional<double> volumeSurge1h;     // median vol of last 12 closed bars / median of the 12 before
    std::optional<double> volumeSurge5m;     // last closed bar vol / median of the 20 before
    std::optional<double> btcCorrelation;    // Pearson of log returns vs the reference symbol
    bool isReferenceSymbol = false;
    std::optional<double> gainersMomentum; // raw input of the gainers_momentum component

    int closedBars = 0; // closed base bars held
    int gaps = 0;       // missing bars within the held history
    int duplicates = 0; // repeated bar times received
    qint64 lastClosedBarOpenMs = 0;
    qint64 dataAgeMs = 0;    // now - last update of the symbol
    qint64 staleAfterMs = 0; // older than this is stale
};

struct ScoreBreakdown {
    // Weighted components; absent when the preset does not weight it.
    std::array<std::optional<double>, kScoreComponentCount> weighted{};
    // Normalised (pre-weight) values, for explanations.
    std::array<double, kScoreComponentCount> normalised{};
    double atrQuality = 0; // the raw quality in [0, 1]
    double total = 0;
};

enum class LevelType : std::uint8_t { Support, Resistance };

// Which detectors proposed a level (bit flags).
enum LevelMethod : std::uint8_t {
    LevelFromDonchian = 1,
    LevelFromSwing = 2,
    LevelFromVolume = 4,
};

struct Level {
    double price = 0;
    LevelType type = LevelType::Support;
    int touches = 0;
    double strength = 0; // [0, 1]
    qint64 firstTouchMs = 0;
    qint64 lastTouchMs = 0;
    std::optional<double> baseHeight; // distance to the opposite side of the recent base
    std::uint8_t methods = 0;
};

} // namespace bw
