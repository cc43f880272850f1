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

QString tr(const char *text)
{
    return QCoreApplication::translate("bw::ScanFilters", text);
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

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

FilterResult make(QString key, ScanStage stage, bool passed, double value, QString threshold, QString reason)
{
    FilterResult r;
    r.key = std::move(key);
    r.stage = stage;
    r.passed = passed;
    r.value = value;
    r.threshold = std::move(threshold);
    r.reason = std::move(reason);
    return r;
}

FilterResult notApplicable(QString key, ScanStage stage, QString threshold, QString reason)
{
    FilterResult r = make(std::move(key), stage, true, kNaN, std::move(threshold), std::move(reason));
    r.applicable = false;
    return r;
}

// value >= min
FilterResult atLeast(const QString &key, ScanStage stage, const QString &what, double value, double min)
{
    const bool ok = value >= min;
    return make(key, stage, ok, value, QStringLiteral(">= ") + num(min),
                ok ? tr("%1 %2 >= %3").arg(what, num(value), num(min))
                   : tr("%1 %2 below the minimum %3").arg(what, num(value), num(min)));
}

// value <= max
FilterResult atMost(const QString &key, ScanStage stage, const QString &what, double value, double max)
{
    const bool ok = value <= max;
    return make(key, stage, ok, value, QStringLiteral("<= ") + num(max),
                ok ? tr("%1 %2 <= %3").arg(what, num(value), num(max))
                   : tr("%1 %2 above the maximum %3").arg(what, num(value), num(max)));
}

FilterResult notReady(const QString &key, ScanStage stage, const QString &threshold, const QString &reason)
{
    return make(key, stage, false, kNaN, threshold, reason);
}

} // namespace

void ScanFilters::liquidity(const SymbolMetrics &m, const LiquidityConfig &c, QList<FilterResult> &out)
{
    constexpr ScanStage s = ScanStage::Liquidity;
    out.append(atLeast(QStringLiteral("min_24h_volume"), s, tr("24 h volume"), m.quoteVolume24h, c.min24hVolumeUsd));
    if (c.minOiUsd) {
        if (m.openInterestUsd)
            out.append(atLeast(QStringLiteral("min_oi"), s, tr("open interest"), *m.openInterestUsd, *c.minOiUsd));
        else
            out.append(notApplicable(QStringLiteral("min_oi"), s, QStringLiteral(">= ") + num(*c.minOiUsd),
                                     tr("not applicable: the data source has no open interest")));
    }
    if (m.hasBook) {
        out.append(atMost(QStringLiteral("max_spread"), s, tr("spread (bps)"), m.spreadBps, c.maxSpreadBps));
        out.append(
            atLeast(QStringLiteral("min_depth_0_5pct"), s, tr("depth within 0.5 %"), m.depthUsd05, c.minDepthUsd05));
        out.append(
            atLeast(QStringLiteral("min_depth_0_3pct"), s, tr("depth within 0.3 %"), m.depthUsd03, c.minDepthUsd03));
    } else {
        // Without a book a spread or depth cannot be judged: reject rather than pass (the original passed).
        const QString why = tr("no order book");
        out.append(notReady(QStringLiteral("max_spread"), s, QStringLiteral("<= ") + num(c.maxSpreadBps), why));
        out.append(notReady(QStringLiteral("min_depth_0_5pct"), s, QStringLiteral(">= ") + num(c.minDepthUsd05), why));
        out.append(notReady(QStringLiteral("min_depth_0_3pct"), s, QStringLiteral(">= ") + num(c.minDepthUsd03), why));
    }
    out.append(atLeast(QStringLiteral("min_trades_per_minute"), s, tr("trades per minute"), m.tradesPerMinute,
                       c.minTradesPerMinute));
}

void ScanFilters::volatility(const SymbolMetrics &m, const VolatilityConfig &c, QList<FilterResult> &out)
{
    constexpr ScanStage s = ScanStage::Volatility;
    const QString atrThreshold = num(c.atrRangeMin) + u'-' + num(c.atrRangeMax);
    if (!m.atr15m || m.price <= 0) {
        out.append(notReady(QStringLiteral("atr_range"), s, atrThreshold,
                            tr("ATR(14) needs %1 closed 15 m bars, have %2").arg(kAtrPeriod + 1).arg(m.closed15mBars)));
    } else {
        const double ratio = *m.atr15m / m.price;
        const bool ok = ratio >= c.atrRangeMin && ratio <= c.atrRangeMax;
        out.append(make(QStringLiteral("atr_range"), s, ok, ratio, atrThreshold,
                        ok ? tr("ATR/price %1 within %2").arg(num(ratio), atrThreshold)
                           : tr("ATR/price %1 outside %2").arg(num(ratio), atrThreshold)));
    }
    if (!m.bbWidthPercentile)
        out.append(notReady(QStringLiteral("bb_width_percentile"), s,
                            QStringLiteral("<= ") + num(c.bbWidthPercentileMax),
                            tr("band-width percentile needs more closed bars")));
    else
        out.append(atMost(QStringLiteral("bb_width_percentile"), s, tr("band-width percentile"), *m.bbWidthPercentile,
                          c.bbWidthPercentileMax));
    if (!m.volumeSurge1h)
        out.append(notReady(QStringLiteral("volume_surge_1h"), s, QStringLiteral(">= ") + num(c.volumeSurge1hMin),
                            tr("1 h volume surge needs %1 closed bars with volume").arg(2 * kSurge1hBars)));
    else
        out.append(atLeast(QStringLiteral("volume_surge_1h"), s, tr("1 h volume surge"), *m.volumeSurge1h,
                           c.volumeSurge1hMin));
    if (!m.volumeSurge5m)
        out.append(notReady(QStringLiteral("volume_surge_5m"), s, QStringLiteral(">= ") + num(c.volumeSurge5mMin),
                            tr("5 m volume surge needs %1 closed bars with volume").arg(kSurge5mLookback + 1)));
    else
        out.append(atLeast(QStringLiteral("volume_surge_5m"), s, tr("5 m volume surge"), *m.volumeSurge5m,
                           c.volumeSurge5mMin));
    if (c.oiDeltaThreshold) {
        if (m.oiChange24h) {
            const double d = std::abs(*m.oiChange24h);
            out.append(
                atLeast(QStringLiteral("oi_delta"), s, tr("|24 h open-interest change|"), d, *c.oiDeltaThreshold));
        } else {
            out.append(notApplicable(QStringLiteral("oi_delta"), s, QStringLiteral(">= ") + num(*c.oiDeltaThreshold),
                                     tr("not applicable: no open-interest history")));
        }
    }
}

void ScanFilters::correlation(const SymbolMetrics &m, const RiskConfig &c, QList<FilterResult> &out)
{
    constexpr ScanStage s = ScanStage::Correlation;
    const QString threshold = QStringLiteral("|corr| <= ") + num(c.correlationLimit);
    if (!m.btcCorrelation || !std::isfinite(*m.btcCorrelation)) {
        out.append(notReady(QStringLiteral("correlation"), s, threshold,
                            tr("correlation with the reference symbol is not available yet")));
        return;
    }
    const double a = std::abs(*m.btcCorrelation);
    const bool ok = a <= c.correlationLimit;
    out.append(make(QStringLiteral("correlation"), s, ok, *m.btcCorrelation, threshold,
                    ok ? tr("|correlation| %1 <= %2").arg(num(a), num(c.correlationLimit))
                       : tr("|correlation| %1 above the limit %2").arg(num(a), num(c.correlationLimit))));
}

void ScanFilters::dataHealth(const SymbolMetrics &m, const LiquidityConfig &c, QList<FilterResult> &out)
{
    QStringList issues;
    if (m.closedBars < kSurge5mLookback + 1)
        issues.append(tr("only %1 closed bars").arg(m.closedBars));
    if (m.gaps > 0)
        issues.append(tr("%1 missing bars").arg(m.gaps));
    if (m.duplicates > 0)
        issues.append(tr("%1 duplicate bars").arg(m.duplicates));
    if (m.staleAfterMs > 0 && m.dataAgeMs > m.staleAfterMs)
        issues.append(tr("stale: last update %1 s ago").arg(m.dataAgeMs / 1000));
    if (!m.hasBook)
        issues.append(tr("no order book"));
    else if (m.spreadBps > std::max(2.0 * c.maxSpreadBps, 20.0))
        issues.append(tr("spread %1 bps is implausible").arg(num(m.spreadBps)));
    if (m.hasBook && m.depthUsd03 <= 0 && m.depthUsd05 <= 0)
        issues.append(tr("empty book"));
    if (m.tradesPerMinute <= 0)
        issues.append(tr("no trades"));
    if (m.price <= 0)
        issues.append(tr("no price"));
    const bool ok = issues.isEmpty();
    out.append(make(QStringLiteral("data_health"), ScanStage::DataHealth, ok, double(issues.size()),
                    QStringLiteral("0 issues"), ok ? tr("ok") : issues.join(QStringLiteral("; "))));
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
