#pragma once

#include "common/MemoryPressure.h"
#include "scanner/ScanTypes.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <cmath>
#include <limits>
#include <memory>
#include <optional>

namespace bw {

// A symbol that passed every stage, ranked by score.
struct Candidate {
    int rank = 0; // from 1
    QString symbol;
    double score = 0;
    SymbolMetrics metrics;
    ScoreBreakdown scoreBreakdown;
    QList<FilterResult> filters; // every filter evaluated, with value, threshold and result
    QList<Level> levels;         // strongest first
    double atr = 0;              // base-interval ATR the levels were built with (price units)
    qint64 closedBarOpenMs = 0;  // the last closed bar the candidate was computed on
};

// What the scanner had measured of a symbol before a stage removed it: a few numbers, NaN for what it never
// measured (never zero: a trader reads "how close was it" from these). A symbol cut by the symbol lists has
// nothing, one cut by the top-volume stage only its 24 h volume; from the liquidity stage on, the scanner
// has read the symbol's metrics (O(1) from its incremental state), so every one it could measure is here.
struct RejectionMeasures {
    static constexpr double kNotMeasured = std::numeric_limits<double>::quiet_NaN();

    double price = kNotMeasured;
    double quoteVolume24h = kNotMeasured;
    double openInterestUsd = kNotMeasured;
    double spreadBps = kNotMeasured; // NaN without an order book
    double depthUsd05 = kNotMeasured;
    double depthUsd03 = kNotMeasured;
    double tradesPerMinute = kNotMeasured;
    double atr15m = kNotMeasured; // price units
    double bbWidthPercentile = kNotMeasured;
    double volumeSurge1h = kNotMeasured;
    double volumeSurge5m = kNotMeasured;
    double btcCorrelation = kNotMeasured;

    double atrPercent() const { return price > 0 ? atr15m / price * 100.0 : kNotMeasured; }
    bool any() const; // true when at least one value was measured
    static RejectionMeasures fromMetrics(const SymbolMetrics &m);
    bool operator==(const RejectionMeasures &o) const; // NaN equals NaN: "not measured" on both sides
};

// A symbol that a stage removed, and why. The scoring stage "removes" the symbols that passed every filter
// but ranked beyond the preset's max_candidates: those carry their score and levels too.
struct Rejection {
    QString symbol;
    ScanStage stage = ScanStage::Liquidity;
    QString reason;              // every failed filter of the stage, joined with "; "
    QList<FilterResult> filters; // the filters evaluated up to and including the failing stage
    RejectionMeasures measured;
    // Only when scored (stage Scoring); behind a pointer so the many unscored rejections stay small.
    std::shared_ptr<const ScoreBreakdown> scoreBreakdown;
    QList<Level> levels;                          // only when computed (stage Scoring), strongest first
    double atr = RejectionMeasures::kNotMeasured; // base-interval ATR the levels were built with
};

struct FunnelStage {
    ScanStage stage = ScanStage::SymbolLists;
    int symbolsIn = 0;
    int symbolsOut = 0;
    double cpuMs = 0; // summed over worker threads
};

// One immutable scan result. Published as std::shared_ptr<const ScanReport>.
struct ScanReport {
    quint64 scanId = 0;
    qint64 startedAtMs = 0; // from the injected clock
    qint64 finishedAtMs = 0;
    QString presetName;
    bool cancelled = false; // a cancelled scan reports what it had (candidates empty)
    int symbolsTotal = 0;
    QList<Candidate> candidates;   // ranked, at most the preset's max_candidates
    int candidatesBeyondLimit = 0; // passed every stage but fell outside max_candidates
    QList<Rejection> rejections;
    int rejectionsOmitted = 0; // left out of a bounded copy (the WebSocket scan topic); 0 from the scanner
    QList<FunnelStage> funnel; // one entry per ScanStage, in order
    double wallMs = 0;         // elapsed wall time of the scan
    int batchSize = 0;
    int batches = 0;
    int threads = 0; // worker threads of the pool
    int maxConcurrentBatches = 0;
    PressureLevel pressure = PressureLevel::Normal; // at the start of the scan
};

using ScanReportPtr = std::shared_ptr<const ScanReport>;

inline bool RejectionMeasures::any() const
{
    for (const double v : {price, quoteVolume24h, openInterestUsd, spreadBps, depthUsd05, depthUsd03, tradesPerMinute,
                           atr15m, bbWidthPercentile, volumeSurge1h, volumeSurge5m, btcCorrelation}) {
        if (!std::isnan(v))
            return true;
    }
    return false;
}

inline RejectionMeasures RejectionMeasures::fromMetrics(const SymbolMetrics &m)
{
    RejectionMeasures r;
    // A price of zero is the feed having none yet (data health says "no price"), not a measurement.
    if (m.price > 0)
        r.price = m.price;
    r.quoteVolume24h = m.quoteVolume24h;
    r.openInterestUsd = m.openInterestUsd.value_or(kNotMeasured);
    if (m.hasBook) {
        r.spreadBps = m.spreadBps;
        r.depthUsd05 = m.depthUsd05;
        r.depthUsd03 = m.depthUsd03;
    }
    r.tradesPerMinute = m.tradesPerMinute;
    r.atr15m = m.atr15m.value_or(kNotMeasured);
    r.bbWidthPercentile = m.bbWidthPercentile.value_or(kNotMeasured);
    r.volumeSurge1h = m.volumeSurge1h.value_or(kNotMeasured);
    r.volumeSurge5m = m.volumeSurge5m.value_or(kNotMeasured);
    r.btcCorrelation = m.btcCorrelation.value_or(kNotMeasured);
    return r;
}

inline bool RejectionMeasures::operator==(const RejectionMeasures &o) const
{
    auto same = [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); };
    return same(price, o.price) && same(quoteVolume24h, o.quoteVolume24h) && same(openInterestUsd, o.openInterestUsd) &&
           same(spreadBps, o.spreadBps) && same(depthUsd05, o.depthUsd05) && same(depthUsd03, o.depthUsd03) &&
           same(tradesPerMinute, o.tradesPerMinute) && same(atr15m, o.atr15m) &&
           same(bbWidthPercentile, o.bbWidthPercentile) && same(volumeSurge1h, o.volumeSurge1h) &&
           same(volumeSurge5m, o.volumeSurge5m) && same(btcCorrelation, o.btcCorrelation);
}

} // namespace bw

Q_DECLARE_METATYPE(bw::ScanReportPtr)
