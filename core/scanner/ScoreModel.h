#pragma once

#include "scanner/ScanTypes.h"

namespace bw {

// The original's weighted, clipped score (§4.5) with atr_quality actually computed (§11 item 11).
class ScoreModel final
{
public:
    static ScoreBreakdown score(const SymbolMetrics &m, const ScoreWeights &weights);

    // Normalisations, each clipped as the reference does.
    static double normVolSurge(double surge1h, double surge5m);   // z of 0.6*1h + 0.4*5m, mean 1.5, sd 1, [-3, 3]
    static double normOiDelta(std::optional<double> oiChange);    // |d| / 0.05, [-3, 3]; absent 0
    static double atrQuality(double atrOverPrice);                // [0, 1], best at 2.5 %
    static double normAtrQuality(double quality);                 // (q - 0.5) / 0.2, [-3, 3]
    static double normCorrelation(std::optional<double> corr);    // piecewise, [-2, 2]
    static double normTradesPerMinute(double tpm);                // ln(tpm) - 2, [-3, 3]; <= 0 gives -3
    static double normGainersMomentum(std::optional<double> raw); // [-3, 3]; absent 0
};

} // namespace bw
