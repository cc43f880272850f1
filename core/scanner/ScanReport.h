#pragma once

#include "common/MemoryPressure.h"
#include "scanner/ScanTypes.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <memory>

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

// A symbol that a stage removed, and why.
struct Rejection {
    QString symbol;
    ScanStage stage = ScanStage::Liquidity;
    QString reason;              // every failed filter of the stage, joined with "; "
    QList<FilterResult> filters; // the filters evaluated up to and including the failing stage
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
    QList<FunnelStage> funnel; // one entry per ScanStage, in order
    double wallMs = 0;         // elapsed wall time of the scan
    int batchSize = 0;
    int batches = 0;
    int threads = 0; // worker threads of the pool
    int maxConcurrentBatches = 0;
    PressureLevel pressure = PressureLevel::Normal; // at the start of the scan
};

using ScanReportPtr = std::shared_ptr<const ScanReport>;

} // namespace bw

Q_DECLARE_METATYPE(bw::ScanReportPtr)
