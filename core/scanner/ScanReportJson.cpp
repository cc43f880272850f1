#include "scanner/ScanReportJson.h"

#include <QJsonArray>

#include <cmath>

namespace bw {

namespace {

QJsonValue num(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonValue opt(const std::optional<double> &v)
{
    return v ? num(*v) : QJsonValue(QJsonValue::Null);
}

QJsonObject metricsToJson(const SymbolMetrics &m)
{
    QJsonObject o;
    o[QStringLiteral("price")] = num(m.price);
    o[QStringLiteral("quote_volume_24h")] = num(m.quoteVolume24h);
    o[QStringLiteral("open_interest_usd")] = opt(m.openInterestUsd);
    o[QStringLiteral("spread_bps")] = m.hasBook ? num(m.spreadBps) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("depth_usd_0_3pct")] = num(m.depthUsd03);
    o[QStringLiteral("depth_usd_0_5pct")] = num(m.depthUsd05);
    o[QStringLiteral("trades_per_minute")] = num(m.tradesPerMinute);
    o[QStringLiteral("atr_15m")] = opt(m.atr15m);
    o[QStringLiteral("atr_15m_pct")] =
        m.atr15m && m.price > 0 ? num(*m.atr15m / m.price * 100.0) : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("bb_width_percentile")] = opt(m.bbWidthPercentile);
    o[QStringLiteral("volume_surge_1h")] = opt(m.volumeSurge1h);
    o[QStringLiteral("volume_surge_5m")] = opt(m.volumeSurge5m);
    o[QStringLiteral("btc_correlation")] = opt(m.btcCorrelation);
    o[QStringLiteral("closed_bars")] = m.closedBars;
    o[QStringLiteral("last_closed_bar_open_ms")] = m.lastClosedBarOpenMs;
    return o;
}

} // namespace

QJsonObject ScanReportJson::filterToJson(const FilterResult &f)
{
    QJsonObject o;
    o[QStringLiteral("key")] = f.key;
    o[QStringLiteral("stage")] = scanStageName(f.stage);
    o[QStringLiteral("applicable")] = f.applicable;
    o[QStringLiteral("passed")] = f.passed;
    o[QStringLiteral("value")] = num(f.value);
    o[QStringLiteral("threshold")] = f.thresholdText();
    o[QStringLiteral("reason")] = f.reason;
    return o;
}

QJsonObject ScanReportJson::levelToJson(const Level &l)
{
    QJsonObject o;
    o[QStringLiteral("price")] = num(l.price);
    o[QStringLiteral("type")] = l.type == LevelType::Support ? QStringLiteral("support") : QStringLiteral("resistance");
    o[QStringLiteral("touches")] = l.touches;
    o[QStringLiteral("strength")] = num(l.strength);
    o[QStringLiteral("first_touch_ms")] = l.firstTouchMs;
    o[QStringLiteral("last_touch_ms")] = l.lastTouchMs;
    o[QStringLiteral("base_height")] = opt(l.baseHeight);
    QJsonArray methods;
    if (l.methods & LevelFromDonchian)
        methods.append(QStringLiteral("donchian"));
    if (l.methods & LevelFromSwing)
        methods.append(QStringLiteral("swing"));
    if (l.methods & LevelFromVolume)
        methods.append(QStringLiteral("volume"));
    o[QStringLiteral("methods")] = methods;
    return o;
}

QJsonObject ScanReportJson::candidateToJson(const Candidate &c)
{
    QJsonObject o;
    o[QStringLiteral("rank")] = c.rank;
    o[QStringLiteral("symbol")] = c.symbol;
    o[QStringLiteral("score")] = num(c.score);
    o[QStringLiteral("metrics")] = metricsToJson(c.metrics);
    QJsonObject components;
    for (int i = 0; i < kScoreComponentCount; ++i) {
        const auto &w = c.scoreBreakdown.weighted[std::size_t(i)];
        if (w)
            components[scoreComponentKey(ScoreComponent(i))] = num(*w);
    }
    o[QStringLiteral("score_components")] = components;
    o[QStringLiteral("atr_quality")] = num(c.scoreBreakdown.atrQuality);
    QJsonArray filters;
    for (const FilterResult &f : c.filters)
        filters.append(filterToJson(f));
    o[QStringLiteral("filters")] = filters;
    QJsonArray levels;
    for (const Level &l : c.levels)
        levels.append(levelToJson(l));
    o[QStringLiteral("levels")] = levels;
    o[QStringLiteral("atr")] = num(c.atr);
    o[QStringLiteral("closed_bar_open_ms")] = c.closedBarOpenMs;
    return o;
}

QJsonObject ScanReportJson::toJson(const ScanReport &r, bool includeRejections)
{
    QJsonObject o;
    o[QStringLiteral("scan_id")] = QString::number(r.scanId);
    o[QStringLiteral("preset")] = r.presetName;
    o[QStringLiteral("started_at_ms")] = r.startedAtMs;
    o[QStringLiteral("finished_at_ms")] = r.finishedAtMs;
    o[QStringLiteral("cancelled")] = r.cancelled;
    o[QStringLiteral("symbols_total")] = r.symbolsTotal;
    o[QStringLiteral("wall_ms")] = num(r.wallMs);
    o[QStringLiteral("batch_size")] = r.batchSize;
    o[QStringLiteral("batches")] = r.batches;
    o[QStringLiteral("threads")] = r.threads;
    o[QStringLiteral("max_concurrent_batches")] = r.maxConcurrentBatches;
    o[QStringLiteral("pressure")] = pressureLevelName(r.pressure);
    o[QStringLiteral("candidates_beyond_limit")] = r.candidatesBeyondLimit;
    QJsonArray candidates;
    for (const Candidate &c : r.candidates)
        candidates.append(candidateToJson(c));
    o[QStringLiteral("candidates")] = candidates;
    QJsonArray funnel;
    for (const FunnelStage &f : r.funnel) {
        QJsonObject s;
        s[QStringLiteral("stage")] = scanStageName(f.stage);
        s[QStringLiteral("in")] = f.symbolsIn;
        s[QStringLiteral("out")] = f.symbolsOut;
        s[QStringLiteral("cpu_ms")] = num(f.cpuMs);
        funnel.append(s);
    }
    o[QStringLiteral("funnel")] = funnel;
    if (includeRejections) {
        QJsonArray rejections;
        for (const Rejection &rej : r.rejections) {
            QJsonObject j;
            j[QStringLiteral("symbol")] = rej.symbol;
            j[QStringLiteral("stage")] = scanStageName(rej.stage);
            j[QStringLiteral("reason")] = rej.reason;
            rejections.append(j);
        }
        o[QStringLiteral("rejections")] = rejections;
    }
    return o;
}

} // namespace bw
