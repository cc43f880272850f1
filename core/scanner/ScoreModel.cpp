#include "scanner/ScoreModel.h"

#include <algorithm>
#include <cmath>

namespace bw {

double ScoreModel::normVolSurge(double surge1h, double surge5m)
{
    const double combined = 0.6 * surge1h + 0.4 * surge5m;
    return std::clamp((combined - 1.5) / 1.0, -3.0, 3.0);
}

double ScoreModel::normOiDelta(std::optional<double> oiChange)
{
    if (!oiChange || !std::isfinite(*oiChange))
        return 0.0;
    return std::clamp(std::abs(*oiChange) / 0.05, -3.0, 3.0);
}

double ScoreModel::atrQuality(double r)
{
    if (!std::isfinite(r) || r <= 0)
        return 0.0;
    constexpr double lo = 0.015;
    constexpr double hi = 0.035;
    constexpr double mid = 0.025;
    if (r < lo)
        return std::max(0.0, 1.0 - (lo - r) / lo);
    if (r > hi)
        return std::max(0.0, 1.0 - (r - hi) / hi);
    return 1.0 - std::abs(r - mid) / 0.02;
}

double ScoreModel::normAtrQuality(double quality)
{
    return std::clamp((quality - 0.5) / 0.2, -3.0, 3.0);
}

double ScoreModel::normCorrelation(std::optional<double> corr)
{
    if (!corr || !std::isfinite(*corr))
        return 0.0;
    const double a = std::abs(*corr);
    double v = 1.0;
    if (a <= 0.3)
        v = 1.0 - (a / 0.3) * 0.5;
    else if (a > 0.7)
        v = 1.0 - ((a - 0.7) / 0.3) * 1.5;
    return std::clamp(v, -2.0, 2.0);
}

double ScoreModel::normTradesPerMinute(double tpm)
{
    if (!(tpm > 0))
        return -3.0;
    return std::clamp(std::log(tpm) - 2.0, -3.0, 3.0);
}

double ScoreModel::normGainersMomentum(std::optional<double> raw)
{
    if (!raw || !std::isfinite(*raw))
        return 0.0;
    return std::clamp(*raw, -3.0, 3.0);
}

ScoreBreakdown ScoreModel::score(const SymbolMetrics &m, const ScoreWeights &weights)
{
    ScoreBreakdown b;
    b.atrQuality = (m.atr15m && m.price > 0) ? atrQuality(*m.atr15m / m.price) : 0.0;
    auto &n = b.normalised;
    n[std::size_t(ScoreComponent::VolSurge)] = normVolSurge(m.volumeSurge1h.value_or(0), m.volumeSurge5m.value_or(0));
    n[std::size_t(ScoreComponent::OiDelta)] = normOiDelta(m.oiChange24h);
    n[std::size_t(ScoreComponent::AtrQuality)] = normAtrQuality(b.atrQuality);
    n[std::size_t(ScoreComponent::Correlation)] = normCorrelation(m.btcCorrelation);
    n[std::size_t(ScoreComponent::TradesPerMinute)] = normTradesPerMinute(m.tradesPerMinute);
    n[std::size_t(ScoreComponent::GainersMomentum)] = normGainersMomentum(m.gainersMomentum);
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (!weights[i])
            continue;
        const double w = *weights[i] * n[i];
        b.weighted[i] = w;
        b.total += w;
    }
    return b;
}

} // namespace bw
