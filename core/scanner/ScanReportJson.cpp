#include "scanner/ScanReportJson.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

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
    // What a remote viewer needs to rebuild the metrics exactly.
    o[QStringLiteral("symbol")] = m.symbol;
    o[QStringLiteral("has_book")] = m.hasBook;
    o[QStringLiteral("spread_bps_raw")] = num(m.spreadBps);
    o[QStringLiteral("oi_change_24h")] = opt(m.oiChange24h);
    o[QStringLiteral("closed_15m_bars")] = m.closed15mBars;
    o[QStringLiteral("is_reference_symbol")] = m.isReferenceSymbol;
    o[QStringLiteral("gainers_momentum")] = opt(m.gainersMomentum);
    o[QStringLiteral("gaps")] = m.gaps;
    o[QStringLiteral("duplicates")] = m.duplicates;
    o[QStringLiteral("data_age_ms")] = m.dataAgeMs;
    o[QStringLiteral("stale_after_ms")] = m.staleAfterMs;
    return o;
}

// Only what was measured: an absent key is "not measured", so a rejected symbol's blanks stay blank.
QJsonObject measuresToJson(const RejectionMeasures &m)
{
    QJsonObject o;
    auto put = [&o](const char *key, double v) {
        if (std::isfinite(v))
            o[QLatin1String(key)] = v;
    };
    put("price", m.price);
    put("quote_volume_24h", m.quoteVolume24h);
    put("open_interest_usd", m.openInterestUsd);
    put("spread_bps", m.spreadBps);
    put("depth_usd_0_5pct", m.depthUsd05);
    put("depth_usd_0_3pct", m.depthUsd03);
    put("trades_per_minute", m.tradesPerMinute);
    put("atr_15m", m.atr15m);
    put("atr_15m_pct", m.atrPercent());
    put("bb_width_percentile", m.bbWidthPercentile);
    put("volume_surge_1h", m.volumeSurge1h);
    put("volume_surge_5m", m.volumeSurge5m);
    put("btc_correlation", m.btcCorrelation);
    return o;
}

void putScore(QJsonObject &o, const ScoreBreakdown &score)
{
    QJsonObject components;
    for (int i = 0; i < kScoreComponentCount; ++i) {
        const auto &w = score.weighted[std::size_t(i)];
        if (w)
            components[scoreComponentKey(ScoreComponent(i))] = num(*w);
    }
    o[QStringLiteral("score_components")] = components;
    QJsonObject normalised;
    for (int i = 0; i < kScoreComponentCount; ++i)
        normalised[scoreComponentKey(ScoreComponent(i))] = num(score.normalised[std::size_t(i)]);
    o[QStringLiteral("score_normalised")] = normalised;
    o[QStringLiteral("score_total")] = num(score.total);
    o[QStringLiteral("atr_quality")] = num(score.atrQuality);
}

QString comparisonName(FilterComparison comparison)
{
    switch (comparison) {
    case FilterComparison::AtLeast:
        return QStringLiteral("at_least");
    case FilterComparison::AtMost:
        return QStringLiteral("at_most");
    case FilterComparison::Within:
        return QStringLiteral("within");
    case FilterComparison::AbsAtMost:
        return QStringLiteral("abs_at_most");
    case FilterComparison::NoIssues:
        return QStringLiteral("no_issues");
    }
    return QStringLiteral("at_least");
}

// Reading side. Each reader records the first problem; the caller returns null when one was found.
struct Reader {
    QString error;

    void fail(const QString &what)
    {
        if (error.isEmpty())
            error = what;
    }
    static QString tr(const char *text) { return QCoreApplication::translate("bw::ScanReportJson", text); }

    double number(const QJsonObject &o, const char16_t *key)
    {
        const QJsonValue v = o.value(QStringView(key));
        if (v.isNull())
            return std::numeric_limits<double>::quiet_NaN();
        if (!v.isDouble()) {
            fail(tr("field '%1' must be a number").arg(QString::fromUtf16(key)));
            return 0;
        }
        return v.toDouble();
    }
    std::optional<double> optional(const QJsonObject &o, const char16_t *key)
    {
        const QJsonValue v = o.value(QStringView(key));
        if (v.isNull() || v.isUndefined())
            return std::nullopt;
        return number(o, key);
    }
    qint64 integer(const QJsonObject &o, const char16_t *key)
    {
        const QJsonValue v = o.value(QStringView(key));
        if (v.isUndefined())
            return 0;
        if (!v.isDouble()) {
            fail(tr("field '%1' must be an integer").arg(QString::fromUtf16(key)));
            return 0;
        }
        return v.toInteger();
    }
    QString text(const QJsonObject &o, const char16_t *key)
    {
        const QJsonValue v = o.value(QStringView(key));
        if (!v.isUndefined() && !v.isString())
            fail(tr("field '%1' must be a string").arg(QString::fromUtf16(key)));
        return v.toString();
    }
    ScanStage stage(const QJsonObject &o)
    {
        const QString name = o.value(u"stage").toString();
        for (int i = 0; i < kScanStageCount; ++i) {
            if (scanStageName(ScanStage(i)) == name)
                return ScanStage(i);
        }
        fail(tr("field 'stage' has an unknown value '%1'").arg(name.left(64)));
        return ScanStage::SymbolLists;
    }
};

SymbolMetrics metricsFromJson(const QJsonObject &o, Reader &r)
{
    SymbolMetrics m;
    m.symbol = r.text(o, u"symbol");
    m.price = r.number(o, u"price");
    m.quoteVolume24h = r.number(o, u"quote_volume_24h");
    m.openInterestUsd = r.optional(o, u"open_interest_usd");
    m.oiChange24h = r.optional(o, u"oi_change_24h");
    m.hasBook = o.value(u"has_book").toBool();
    m.spreadBps = o.contains(u"spread_bps_raw") ? r.number(o, u"spread_bps_raw") : r.number(o, u"spread_bps");
    m.depthUsd03 = r.number(o, u"depth_usd_0_3pct");
    m.depthUsd05 = r.number(o, u"depth_usd_0_5pct");
    m.tradesPerMinute = r.number(o, u"trades_per_minute");
    m.atr15m = r.optional(o, u"atr_15m");
    m.closed15mBars = int(r.integer(o, u"closed_15m_bars"));
    m.bbWidthPercentile = r.optional(o, u"bb_width_percentile");
    m.volumeSurge1h = r.optional(o, u"volume_surge_1h");
    m.volumeSurge5m = r.optional(o, u"volume_surge_5m");
    m.btcCorrelation = r.optional(o, u"btc_correlation");
    m.isReferenceSymbol = o.value(u"is_reference_symbol").toBool();
    m.gainersMomentum = r.optional(o, u"gainers_momentum");
    m.closedBars = int(r.integer(o, u"closed_bars"));
    m.gaps = int(r.integer(o, u"gaps"));
    m.duplicates = int(r.integer(o, u"duplicates"));
    m.lastClosedBarOpenMs = r.integer(o, u"last_closed_bar_open_ms");
    m.dataAgeMs = r.integer(o, u"data_age_ms");
    m.staleAfterMs = r.integer(o, u"stale_after_ms");
    return m;
}

RejectionMeasures measuresFromJson(const QJsonObject &o, Reader &r)
{
    RejectionMeasures m;
    auto get = [&](const char16_t *key) { return r.optional(o, key).value_or(RejectionMeasures::kNotMeasured); };
    m.price = get(u"price");
    m.quoteVolume24h = get(u"quote_volume_24h");
    m.openInterestUsd = get(u"open_interest_usd");
    m.spreadBps = get(u"spread_bps");
    m.depthUsd05 = get(u"depth_usd_0_5pct");
    m.depthUsd03 = get(u"depth_usd_0_3pct");
    m.tradesPerMinute = get(u"trades_per_minute");
    m.atr15m = get(u"atr_15m");
    m.bbWidthPercentile = get(u"bb_width_percentile");
    m.volumeSurge1h = get(u"volume_surge_1h");
    m.volumeSurge5m = get(u"volume_surge_5m");
    m.btcCorrelation = get(u"btc_correlation");
    return m;
}

ScoreBreakdown scoreFromJson(const QJsonObject &o, Reader &r, double fallbackTotal)
{
    ScoreBreakdown score;
    const QJsonObject components = o.value(u"score_components").toObject();
    const QJsonObject normalised = o.value(u"score_normalised").toObject();
    for (int i = 0; i < kScoreComponentCount; ++i) {
        const QString key = scoreComponentKey(ScoreComponent(i));
        const QJsonValue w = components.value(key);
        if (w.isDouble())
            score.weighted[std::size_t(i)] = w.toDouble();
        else if (w.isNull())
            score.weighted[std::size_t(i)] = std::numeric_limits<double>::quiet_NaN();
        score.normalised[std::size_t(i)] = normalised.value(key).toDouble();
    }
    score.atrQuality = r.number(o, u"atr_quality");
    score.total = o.contains(u"score_total") ? r.number(o, u"score_total") : fallbackTotal;
    return score;
}

template <typename T>
std::optional<T> finish(T value, const Reader &r, const QString &what, QString *error)
{
    if (r.error.isEmpty())
        return value;
    if (error)
        *error = what.isEmpty() ? r.error : QStringLiteral("%1: %2").arg(what, r.error);
    return std::nullopt;
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
    o[QStringLiteral("comparison")] = comparisonName(f.comparison);
    o[QStringLiteral("limit")] = num(f.limit);
    o[QStringLiteral("limit_high")] = num(f.limitHigh);
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
    putScore(o, c.scoreBreakdown);
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

QJsonObject ScanReportJson::rejectionToJson(const Rejection &rej, bool withFilters)
{
    QJsonObject j;
    j[QStringLiteral("symbol")] = rej.symbol;
    j[QStringLiteral("stage")] = scanStageName(rej.stage);
    j[QStringLiteral("reason")] = rej.reason;
    if (withFilters) {
        QJsonArray filters;
        for (const FilterResult &f : rej.filters)
            filters.append(filterToJson(f));
        j[QStringLiteral("filters")] = filters;
    }
    if (rej.measured.any())
        j[QStringLiteral("measured")] = measuresToJson(rej.measured);
    if (rej.scoreBreakdown)
        putScore(j, *rej.scoreBreakdown);
    if (!rej.levels.isEmpty()) {
        QJsonArray levels;
        for (const Level &l : rej.levels)
            levels.append(levelToJson(l));
        j[QStringLiteral("levels")] = levels;
    }
    if (std::isfinite(rej.atr))
        j[QStringLiteral("atr")] = rej.atr;
    return j;
}

std::optional<Rejection> ScanReportJson::rejectionFromJson(const QJsonObject &j, QString *error)
{
    Reader r;
    Rejection rejection;
    rejection.symbol = r.text(j, u"symbol");
    if (rejection.symbol.isEmpty())
        r.fail(Reader::tr("field 'symbol' is missing"));
    rejection.stage = r.stage(j);
    rejection.reason = r.text(j, u"reason");
    const QJsonArray filters = j.value(u"filters").toArray();
    for (const QJsonValue &f : filters) {
        QString why;
        if (const auto filter = filterFromJson(f.toObject(), &why))
            rejection.filters.append(*filter);
        else
            r.fail(why);
    }
    const QJsonValue measured = j.value(u"measured");
    if (!measured.isUndefined() && !measured.isNull() && !measured.isObject())
        r.fail(Reader::tr("field 'measured' must be an object"));
    rejection.measured = measuresFromJson(measured.toObject(), r);
    if (j.contains(u"score_total"))
        rejection.scoreBreakdown =
            std::make_shared<const ScoreBreakdown>(scoreFromJson(j, r, RejectionMeasures::kNotMeasured));
    const QJsonArray levels = j.value(u"levels").toArray();
    for (const QJsonValue &l : levels) {
        QString why;
        if (const auto level = levelFromJson(l.toObject(), &why))
            rejection.levels.append(*level);
        else
            r.fail(why);
    }
    rejection.atr = r.optional(j, u"atr").value_or(RejectionMeasures::kNotMeasured);
    return finish(rejection, r, Reader::tr("rejection '%1'").arg(rejection.symbol), error);
}

QJsonObject ScanReportJson::toJson(const ScanReport &r, bool includeRejections)
{
    return toJson(r, includeRejections ? Rejections::Full : Rejections::None);
}

QJsonObject ScanReportJson::toJson(const ScanReport &r, Rejections mode)
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
    if (mode == Rejections::Full) {
        QJsonArray rejections;
        for (const Rejection &rej : r.rejections)
            rejections.append(rejectionToJson(rej, true));
        o[QStringLiteral("rejections")] = rejections;
        o[QStringLiteral("rejections_omitted")] = r.rejectionsOmitted;
    } else if (mode == Rejections::Summary) {
        // The symbols that got furthest are the ones a trader asks "how close was it" about; the report's
        // order (stage by stage as the scan found them) is kept within a stage.
        std::vector<const Rejection *> kept;
        kept.reserve(std::size_t(r.rejections.size()));
        for (const Rejection &rej : r.rejections)
            kept.push_back(&rej);
        std::stable_sort(kept.begin(), kept.end(),
                         [](const Rejection *a, const Rejection *b) { return int(a->stage) > int(b->stage); });
        const std::size_t limit = std::min(kept.size(), std::size_t(kSummaryRejections));
        QJsonArray rejections;
        for (std::size_t i = 0; i < limit; ++i) {
            QJsonObject j = rejectionToJson(*kept[i], false);
            if (i >= std::size_t(kSummaryRejectionsWithLevels))
                j.remove(u"levels");
            rejections.append(j);
        }
        o[QStringLiteral("rejections")] = rejections;
        o[QStringLiteral("rejections_omitted")] = r.rejectionsOmitted + int(kept.size() - limit);
    }
    return o;
}

std::optional<FilterResult> ScanReportJson::filterFromJson(const QJsonObject &o, QString *error)
{
    Reader r;
    FilterResult f;
    f.key = r.text(o, u"key");
    f.stage = r.stage(o);
    f.applicable = o.value(u"applicable").toBool(true);
    f.passed = o.value(u"passed").toBool(true);
    f.value = r.number(o, u"value");
    const QString comparison = o.value(u"comparison").toString(QStringLiteral("at_least"));
    bool known = false;
    for (FilterComparison c : {FilterComparison::AtLeast, FilterComparison::AtMost, FilterComparison::Within,
                               FilterComparison::AbsAtMost, FilterComparison::NoIssues}) {
        if (comparisonName(c) == comparison) {
            f.comparison = c;
            known = true;
        }
    }
    if (!known)
        r.fail(Reader::tr("field 'comparison' has an unknown value '%1'").arg(comparison.left(64)));
    f.limit = o.contains(u"limit") ? r.number(o, u"limit") : 0.0;
    f.limitHigh = o.contains(u"limit_high") ? r.number(o, u"limit_high") : 0.0;
    f.reason = r.text(o, u"reason");
    return finish(f, r, Reader::tr("filter '%1'").arg(f.key), error);
}

std::optional<Level> ScanReportJson::levelFromJson(const QJsonObject &o, QString *error)
{
    Reader r;
    Level l;
    l.price = r.number(o, u"price");
    const QString type = o.value(u"type").toString();
    if (type == u"support")
        l.type = LevelType::Support;
    else if (type == u"resistance")
        l.type = LevelType::Resistance;
    else
        r.fail(Reader::tr("field 'type' must be 'support' or 'resistance', not '%1'").arg(type.left(64)));
    l.touches = int(r.integer(o, u"touches"));
    l.strength = r.number(o, u"strength");
    l.firstTouchMs = r.integer(o, u"first_touch_ms");
    l.lastTouchMs = r.integer(o, u"last_touch_ms");
    l.baseHeight = r.optional(o, u"base_height");
    const QJsonArray methods = o.value(u"methods").toArray();
    for (const QJsonValue &m : methods) {
        const QString name = m.toString();
        if (name == u"donchian")
            l.methods |= LevelFromDonchian;
        else if (name == u"swing")
            l.methods |= LevelFromSwing;
        else if (name == u"volume")
            l.methods |= LevelFromVolume;
    }
    return finish(l, r, Reader::tr("level"), error);
}

std::optional<Candidate> ScanReportJson::candidateFromJson(const QJsonObject &o, QString *error)
{
    Reader r;
    Candidate c;
    c.rank = int(r.integer(o, u"rank"));
    c.symbol = r.text(o, u"symbol");
    if (c.symbol.isEmpty())
        r.fail(Reader::tr("field 'symbol' is missing"));
    c.score = r.number(o, u"score");
    c.metrics = metricsFromJson(o.value(u"metrics").toObject(), r);
    if (c.metrics.symbol.isEmpty())
        c.metrics.symbol = c.symbol;
    c.scoreBreakdown = scoreFromJson(o, r, c.score);
    const QJsonArray filters = o.value(u"filters").toArray();
    for (const QJsonValue &f : filters) {
        QString why;
        if (const auto filter = filterFromJson(f.toObject(), &why))
            c.filters.append(*filter);
        else
            r.fail(why);
    }
    const QJsonArray levels = o.value(u"levels").toArray();
    for (const QJsonValue &l : levels) {
        QString why;
        if (const auto level = levelFromJson(l.toObject(), &why))
            c.levels.append(*level);
        else
            r.fail(why);
    }
    c.atr = r.number(o, u"atr");
    c.closedBarOpenMs = r.integer(o, u"closed_bar_open_ms");
    return finish(c, r, Reader::tr("candidate '%1'").arg(c.symbol), error);
}

std::optional<ScanReport> ScanReportJson::fromJson(const QJsonObject &o, QString *error)
{
    Reader r;
    ScanReport report;
    bool ok = false;
    report.scanId = o.value(u"scan_id").toString().toULongLong(&ok);
    if (!ok)
        r.fail(Reader::tr("field 'scan_id' must be a decimal number in a string"));
    report.presetName = r.text(o, u"preset");
    report.startedAtMs = r.integer(o, u"started_at_ms");
    report.finishedAtMs = r.integer(o, u"finished_at_ms");
    report.cancelled = o.value(u"cancelled").toBool();
    report.symbolsTotal = int(r.integer(o, u"symbols_total"));
    report.wallMs = r.number(o, u"wall_ms");
    report.batchSize = int(r.integer(o, u"batch_size"));
    report.batches = int(r.integer(o, u"batches"));
    report.threads = int(r.integer(o, u"threads"));
    report.maxConcurrentBatches = int(r.integer(o, u"max_concurrent_batches"));
    const QString pressure = o.value(u"pressure").toString(QStringLiteral("normal"));
    if (pressure == u"high")
        report.pressure = PressureLevel::High;
    else if (pressure == u"critical")
        report.pressure = PressureLevel::Critical;
    else if (pressure != u"normal")
        r.fail(Reader::tr("field 'pressure' has an unknown value '%1'").arg(pressure.left(64)));
    report.candidatesBeyondLimit = int(r.integer(o, u"candidates_beyond_limit"));
    const QJsonArray candidates = o.value(u"candidates").toArray();
    report.candidates.reserve(candidates.size());
    for (const QJsonValue &c : candidates) {
        QString why;
        if (const auto candidate = candidateFromJson(c.toObject(), &why))
            report.candidates.append(*candidate);
        else
            r.fail(why);
    }
    const QJsonArray funnel = o.value(u"funnel").toArray();
    for (const QJsonValue &value : funnel) {
        const QJsonObject s = value.toObject();
        FunnelStage stage;
        stage.stage = r.stage(s);
        stage.symbolsIn = int(r.integer(s, u"in"));
        stage.symbolsOut = int(r.integer(s, u"out"));
        stage.cpuMs = r.number(s, u"cpu_ms");
        report.funnel.append(stage);
    }
    const QJsonArray rejections = o.value(u"rejections").toArray();
    report.rejections.reserve(rejections.size());
    for (const QJsonValue &value : rejections) {
        QString why;
        if (auto rejection = rejectionFromJson(value.toObject(), &why))
            report.rejections.append(std::move(*rejection));
        else
            r.fail(why);
    }
    report.rejectionsOmitted = int(r.integer(o, u"rejections_omitted"));
    return finish(report, r, Reader::tr("scan report"), error);
}

} // namespace bw
