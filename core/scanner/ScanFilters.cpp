#include "scanner/ScanFilters.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace bw {

QString scanStageName(ScanStage stage)
{
    switch (stage) {
    case ScanStage::SymbolLists:
        return QCoreApplication::translate("bw::ScanStage", "symbol lists");
    case ScanStage::TopVolume:
        return QCoreApplication::translate("bw::ScanStage", "top volume");
    case ScanStage::Liquidity:
        return QCoreApplication::translate("bw::ScanStage", "liquidity");
    case ScanStage::Volatility:
        return QCoreApplication::translate("bw::ScanStage", "volatility");
    case ScanStage::Correlation:
        return QCoreApplication::translate("bw::ScanStage", "correlation");
    case ScanStage::DataHealth:
        return QCoreApplication::translate("bw::ScanStage", "data health");
    case ScanStage::Scoring:
        return QCoreApplication::translate("bw::ScanStage", "scoring");
    case ScanStage::Count:
        break;
    }
    return {};
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Translated sentence templates, looked up once: QCoreApplication::translate takes a lock, and the
// workers must not contend on one per filter.
struct Texts {
    QString below = QCoreApplication::translate("bw::ScanFilters", "%1 %2 below the minimum %3");
    QString above = QCoreApplication::translate("bw::ScanFilters", "%1 %2 above the maximum %3");
    QString outside = QCoreApplication::translate("bw::ScanFilters", "%1 %2 outside %3");
    QString volume24h = QCoreApplication::translate("bw::ScanFilters", "24 h volume");
    QString openInterest = QCoreApplication::translate("bw::ScanFilters", "open interest");
    QString noOpenInterest =
        QCoreApplication::translate("bw::ScanFilters", "not applicable: the data source has no open interest");
    QString spread = QCoreApplication::translate("bw::ScanFilters", "spread (bps)");
    QString depth05 = QCoreApplication::translate("bw::ScanFilters", "depth within 0.5 %");
    QString depth03 = QCoreApplication::translate("bw::ScanFilters", "depth within 0.3 %");
    QString noBook = QCoreApplication::translate("bw::ScanFilters", "no order book");
    QString tradesPerMinute = QCoreApplication::translate("bw::ScanFilters", "trades per minute");
    QString atrPrice = QCoreApplication::translate("bw::ScanFilters", "ATR/price");
    QString atrNotReady = QCoreApplication::translate("bw::ScanFilters", "ATR(14) needs %1 closed 15 m bars, have %2");
    QString bbPercentile = QCoreApplication::translate("bw::ScanFilters", "band-width percentile");
    QString bbNotReady = QCoreApplication::translate("bw::ScanFilters", "band-width percentile needs more closed bars");
    QString surge1h = QCoreApplication::translate("bw::ScanFilters", "1 h volume surge");
    QString surge1hNotReady =
        QCoreApplication::translate("bw::ScanFilters", "1 h volume surge needs %1 closed bars with volume");
    QString surge5m = QCoreApplication::translate("bw::ScanFilters", "5 m volume surge");
    QString surge5mNotReady =
        QCoreApplication::translate("bw::ScanFilters", "5 m volume surge needs %1 closed bars with volume");
    QString oiDelta = QCoreApplication::translate("bw::ScanFilters", "|24 h open-interest change|");
    QString noOiHistory = QCoreApplication::translate("bw::ScanFilters", "not applicable: no open-interest history");
    QString correlationAbove = QCoreApplication::translate("bw::ScanFilters", "|correlation| %1 above the limit %2");
    QString correlationNotReady =
        QCoreApplication::translate("bw::ScanFilters", "correlation with the reference symbol is not available yet");
    QString shortHistory = QCoreApplication::translate("bw::ScanFilters", "only %1 closed bars");
    QString gaps = QCoreApplication::translate("bw::ScanFilters", "%1 missing bars");
    QString duplicates = QCoreApplication::translate("bw::ScanFilters", "%1 duplicate bars");
    QString stale = QCoreApplication::translate("bw::ScanFilters", "stale: last update %1 s ago");
    QString implausibleSpread = QCoreApplication::translate("bw::ScanFilters", "spread %1 bps is implausible");
    QString emptyBook = QCoreApplication::translate("bw::ScanFilters", "empty book");
    QString noTrades = QCoreApplication::translate("bw::ScanFilters", "no trades");
    QString noPrice = QCoreApplication::translate("bw::ScanFilters", "no price");
};

const Texts &texts()
{
    static const Texts t;
    return t;
}

// Compact numbers for reasons: 5.00M, 8.0k, 0.0123.
QString num(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("n/a");
    const double a = std::abs(v);
    if (a >= 1e9)
        return QString::number(v / 1e9, 'f', 2) + u'B';
    if (a >= 1e6)
        return QString::number(v / 1e6, 'f', 2) + u'M';
    if (a >= 1e4)
        return QString::number(v / 1e3, 'f', 1) + u'k';
    return QString::number(v, 'g', 4);
}

FilterResult make(const QString &key, ScanStage stage, bool passed, double value, FilterComparison comparison,
                  double limit, double limitHigh = 0)
{
    FilterResult r;
    r.key = key;
    r.stage = stage;
    r.passed = passed;
    r.value = value;
    r.comparison = comparison;
    r.limit = limit;
    r.limitHigh = limitHigh;
    return r;
}

FilterResult notApplicable(const QString &key, ScanStage stage, FilterComparison comparison, double limit,
                           const QString &reason)
{
    FilterResult r = make(key, stage, true, kNaN, comparison, limit);
    r.applicable = false;
    r.reason = reason;
    return r;
}

FilterResult notReady(const QString &key, ScanStage stage, FilterComparison comparison, double limit,
                      const QString &reason, double limitHigh = 0)
{
    FilterResult r = make(key, stage, false, kNaN, comparison, limit, limitHigh);
    r.reason = reason;
    return r;
}

FilterResult atLeast(const QString &key, ScanStage stage, const QString &what, double value, double min)
{
    FilterResult r = make(key, stage, value >= min, value, FilterComparison::AtLeast, min);
    if (!r.passed)
        r.reason = texts().below.arg(what, num(value), num(min));
    return r;
}

FilterResult atMost(const QString &key, ScanStage stage, const QString &what, double value, double max)
{
    FilterResult r = make(key, stage, value <= max, value, FilterComparison::AtMost, max);
    if (!r.passed)
        r.reason = texts().above.arg(what, num(value), num(max));
    return r;
}

} // namespace

QString FilterResult::thresholdText() const
{
    switch (comparison) {
    case FilterComparison::AtLeast:
        return QStringLiteral(">= ") + num(limit);
    case FilterComparison::AtMost:
        return QStringLiteral("<= ") + num(limit);
    case FilterComparison::Within:
        return num(limit) + u'-' + num(limitHigh);
    case FilterComparison::AbsAtMost:
        return QStringLiteral("|x| <= ") + num(limit);
    case FilterComparison::NoIssues:
        return QStringLiteral("0 issues");
    }
    return {};
}

void ScanFilters::liquidity(const SymbolMetrics &m, const LiquiditySection &c, QList<FilterResult> &out)
{
    constexpr ScanStage s = ScanStage::Liquidity;
    const Texts &t = texts();
    out.append(atLeast(QStringLiteral("min_24h_volume"), s, t.volume24h, m.quoteVolume24h, c.min24hVolumeUsd));
    if (c.minOiUsd) {
        if (m.openInterestUsd)
            out.append(atLeast(QStringLiteral("min_oi"), s, t.openInterest, *m.openInterestUsd, *c.minOiUsd));
        else
            out.append(
                notApplicable(QStringLiteral("min_oi"), s, FilterComparison::AtLeast, *c.minOiUsd, t.noOpenInterest));
    }
    if (m.hasBook) {
        out.append(atMost(QStringLiteral("max_spread"), s, t.spread, m.spreadBps, c.maxSpreadBps));
        out.append(atLeast(QStringLiteral("min_depth_0_5pct"), s, t.depth05, m.depthUsd05, c.minDepthUsd05));
        out.append(atLeast(QStringLiteral("min_depth_0_3pct"), s, t.depth03, m.depthUsd03, c.minDepthUsd03));
    } else {
        // Without a book a spread or depth cannot be judged: reject rather than pass (the original passed).
        out.append(notReady(QStringLiteral("max_spread"), s, FilterComparison::AtMost, c.maxSpreadBps, t.noBook));
        out.append(
            notReady(QStringLiteral("min_depth_0_5pct"), s, FilterComparison::AtLeast, c.minDepthUsd05, t.noBook));
        out.append(
            notReady(QStringLiteral("min_depth_0_3pct"), s, FilterComparison::AtLeast, c.minDepthUsd03, t.noBook));
    }
    out.append(atLeast(QStringLiteral("min_trades_per_minute"), s, t.tradesPerMinute, m.tradesPerMinute,
                       c.minTradesPerMinute));
}

void ScanFilters::volatility(const SymbolMetrics &m, const VolatilitySection &c, QList<FilterResult> &out)
{
    constexpr ScanStage s = ScanStage::Volatility;
    const Texts &t = texts();
    if (!m.atr15m || m.price <= 0) {
        out.append(notReady(QStringLiteral("atr_range"), s, FilterComparison::Within, c.atrRangeMin,
                            t.atrNotReady.arg(kAtrPeriod + 1).arg(m.closed15mBars), c.atrRangeMax));
    } else {
        const double ratio = *m.atr15m / m.price;
        FilterResult r = make(QStringLiteral("atr_range"), s, ratio >= c.atrRangeMin && ratio <= c.atrRangeMax, ratio,
                              FilterComparison::Within, c.atrRangeMin, c.atrRangeMax);
        if (!r.passed)
            r.reason = t.outside.arg(t.atrPrice, num(ratio), r.thresholdText());
        out.append(std::move(r));
    }
    if (!m.bbWidthPercentile)
        out.append(notReady(QStringLiteral("bb_width_percentile"), s, FilterComparison::AtMost, c.bbWidthPercentileMax,
                            t.bbNotReady));
    else
        out.append(atMost(QStringLiteral("bb_width_percentile"), s, t.bbPercentile, *m.bbWidthPercentile,
                          c.bbWidthPercentileMax));
    if (!m.volumeSurge1h)
        out.append(notReady(QStringLiteral("volume_surge_1h"), s, FilterComparison::AtLeast, c.volumeSurge1hMin,
                            t.surge1hNotReady.arg(2 * kSurge1hBars)));
    else
        out.append(atLeast(QStringLiteral("volume_surge_1h"), s, t.surge1h, *m.volumeSurge1h, c.volumeSurge1hMin));
    if (!m.volumeSurge5m)
        out.append(notReady(QStringLiteral("volume_surge_5m"), s, FilterComparison::AtLeast, c.volumeSurge5mMin,
                            t.surge5mNotReady.arg(kSurge5mLookback + 1)));
    else
        out.append(atLeast(QStringLiteral("volume_surge_5m"), s, t.surge5m, *m.volumeSurge5m, c.volumeSurge5mMin));
    if (c.oiDeltaThreshold) {
        if (m.oiChange24h)
            out.append(
                atLeast(QStringLiteral("oi_delta"), s, t.oiDelta, std::abs(*m.oiChange24h), *c.oiDeltaThreshold));
        else
            out.append(notApplicable(QStringLiteral("oi_delta"), s, FilterComparison::AtLeast, *c.oiDeltaThreshold,
                                     t.noOiHistory));
    }
}

void ScanFilters::correlation(const SymbolMetrics &m, const RiskSection &c, QList<FilterResult> &out)
{
    constexpr ScanStage s = ScanStage::Correlation;
    const Texts &t = texts();
    if (!m.btcCorrelation || !std::isfinite(*m.btcCorrelation)) {
        out.append(notReady(QStringLiteral("correlation"), s, FilterComparison::AbsAtMost, c.correlationLimit,
                            t.correlationNotReady));
        return;
    }
    const double a = std::abs(*m.btcCorrelation);
    FilterResult r = make(QStringLiteral("correlation"), s, a <= c.correlationLimit, *m.btcCorrelation,
                          FilterComparison::AbsAtMost, c.correlationLimit);
    if (!r.passed)
        r.reason = t.correlationAbove.arg(num(a), num(c.correlationLimit));
    out.append(std::move(r));
}

void ScanFilters::dataHealth(const SymbolMetrics &m, const LiquiditySection &c, QList<FilterResult> &out)
{
    const Texts &t = texts();
    QStringList issues;
    if (m.closedBars < kSurge5mLookback + 1)
        issues.append(t.shortHistory.arg(m.closedBars));
    if (m.gaps > 0)
        issues.append(t.gaps.arg(m.gaps));
    if (m.duplicates > 0)
        issues.append(t.duplicates.arg(m.duplicates));
    if (m.staleAfterMs > 0 && m.dataAgeMs > m.staleAfterMs)
        issues.append(t.stale.arg(m.dataAgeMs / 1000));
    if (!m.hasBook)
        issues.append(t.noBook);
    else if (m.spreadBps > std::max(2.0 * c.maxSpreadBps, 20.0))
        issues.append(t.implausibleSpread.arg(num(m.spreadBps)));
    if (m.hasBook && m.depthUsd03 <= 0 && m.depthUsd05 <= 0)
        issues.append(t.emptyBook);
    if (m.tradesPerMinute <= 0)
        issues.append(t.noTrades);
    if (m.price <= 0)
        issues.append(t.noPrice);
    FilterResult r = make(QStringLiteral("data_health"), ScanStage::DataHealth, issues.isEmpty(), double(issues.size()),
                          FilterComparison::NoIssues, 0);
    r.reason = issues.join(QStringLiteral("; "));
    out.append(std::move(r));
}

bool ScanFilters::passed(const QList<FilterResult> &results, qsizetype from)
{
    for (qsizetype i = from; i < results.size(); ++i) {
        if (results[i].applicable && !results[i].passed)
            return false;
    }
    return true;
}

QString ScanFilters::failureReason(const QList<FilterResult> &results, qsizetype from)
{
    QStringList parts;
    for (qsizetype i = from; i < results.size(); ++i) {
        if (results[i].applicable && !results[i].passed)
            parts.append(results[i].reason);
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace bw
