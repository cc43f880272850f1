#include "scanner/ScanFormat.h"

#include "common/NumberFormat.h"

#include <cmath>

namespace bw::ui {

using namespace Qt::StringLiterals;

QString ScanFormat::filterName(const QString &key)
{
    if (key == u"min_24h_volume")
        return tr("24 h volume");
    if (key == u"min_oi")
        return tr("Open interest");
    if (key == u"max_spread")
        return tr("Spread");
    if (key == u"min_depth_0_5pct")
        return tr("Depth ±0.5 %");
    if (key == u"min_depth_0_3pct")
        return tr("Depth ±0.3 %");
    if (key == u"min_trades_per_minute")
        return tr("Trades/min");
    if (key == u"atr_range")
        return tr("ATR 15 m / price");
    if (key == u"bb_width_percentile")
        return tr("BB width pctl");
    if (key == u"volume_surge_1h")
        return tr("Surge 1 h");
    if (key == u"volume_surge_5m")
        return tr("Surge 5 m");
    if (key == u"oi_delta")
        return tr("OI change");
    if (key == u"correlation")
        return tr("BTC correlation");
    if (key == u"data_health")
        return tr("Data health");
    return key;
}

QString ScanFormat::number(const QString &key, double value, const QLocale &locale)
{
    if (!std::isfinite(value))
        return tr("n/a");
    if (key == u"min_24h_volume" || key == u"min_oi" || key == u"min_depth_0_5pct" || key == u"min_depth_0_3pct")
        return NumberFormat::compact(value, locale);
    if (key == u"max_spread")
        return tr("%1 bps").arg(locale.toString(value, 'f', value < 10 ? 2 : 1));
    if (key == u"min_trades_per_minute")
        return locale.toString(value, 'f', value < 10 ? 1 : 0);
    if (key == u"atr_range" || key == u"oi_delta")
        return percent(value * 100.0, 2, locale);
    if (key == u"bb_width_percentile")
        return locale.toString(value, 'f', 0);
    if (key == u"volume_surge_1h" || key == u"volume_surge_5m")
        return surge(value, locale);
    if (key == u"correlation")
        return locale.toString(value, 'f', 2);
    if (key == u"data_health")
        return locale.toString(value, 'f', 0);
    return locale.toString(value, 'g', 4);
}

QString ScanFormat::filterValue(const FilterResult &filter, const QLocale &locale)
{
    return number(filter.key, filter.value, locale);
}

QString ScanFormat::comparison(FilterComparison comparison)
{
    switch (comparison) {
    case FilterComparison::AtLeast:
        return QStringLiteral("≥");
    case FilterComparison::AtMost:
        return QStringLiteral("≤");
    case FilterComparison::Within:
        return tr("in");
    case FilterComparison::AbsAtMost:
        return QStringLiteral("|x| ≤");
    case FilterComparison::NoIssues:
        return QStringLiteral("=");
    }
    return {};
}

QString ScanFormat::threshold(const FilterResult &filter, const QLocale &locale)
{
    switch (filter.comparison) {
    case FilterComparison::Within:
        return tr("%1 – %2").arg(number(filter.key, filter.limit, locale),
                                 number(filter.key, filter.limitHigh, locale));
    case FilterComparison::NoIssues:
        return locale.toString(0);
    case FilterComparison::AtLeast:
    case FilterComparison::AtMost:
    case FilterComparison::AbsAtMost:
        break;
    }
    return number(filter.key, filter.limit, locale);
}

QString ScanFormat::componentName(ScoreComponent component)
{
    switch (component) {
    case ScoreComponent::VolSurge:
        return tr("Volume surge");
    case ScoreComponent::OiDelta:
        return tr("OI change");
    case ScoreComponent::AtrQuality:
        return tr("ATR quality");
    case ScoreComponent::Correlation:
        return tr("BTC correlation");
    case ScoreComponent::TradesPerMinute:
        return tr("Trades/min");
    case ScoreComponent::GainersMomentum:
        return tr("Gainers momentum");
    case ScoreComponent::Count:
        break;
    }
    return {};
}

QString ScanFormat::componentDescription(ScoreComponent component)
{
    switch (component) {
    case ScoreComponent::VolSurge:
        return tr("0.6 × 1 h surge + 0.4 × 5 m surge, centred on 1.5 and clipped to ±3");
    case ScoreComponent::OiDelta:
        return tr("|24 h open-interest change| / 5 %, clipped to 3; 0 when the source has no open interest");
    case ScoreComponent::AtrQuality:
        return tr("How close ATR / price is to the 1.5-3.5 % sweet spot (best at 2.5 %)");
    case ScoreComponent::Correlation:
        return tr("Rewards moderate correlation with BTC; penalises |correlation| above 0.7");
    case ScoreComponent::TradesPerMinute:
        return tr("ln(trades per minute) - 2, clipped to ±3");
    case ScoreComponent::GainersMomentum:
        return tr("Recent momentum against the market, clipped to ±3");
    case ScoreComponent::Count:
        break;
    }
    return {};
}

QString ScanFormat::stageTitle(ScanStage stage)
{
    switch (stage) {
    case ScanStage::SymbolLists:
        return tr("Symbol lists");
    case ScanStage::TopVolume:
        return tr("Top volume");
    case ScanStage::Liquidity:
        return tr("Liquidity");
    case ScanStage::Volatility:
        return tr("Volatility");
    case ScanStage::Correlation:
        return tr("Correlation");
    case ScanStage::DataHealth:
        return tr("Data health");
    case ScanStage::Scoring:
        return tr("Score and levels");
    case ScanStage::Count:
        break;
    }
    return {};
}

QString ScanFormat::surge(double ratio, const QLocale &locale)
{
    if (!std::isfinite(ratio))
        return tr("n/a");
    return tr("%1×").arg(locale.toString(ratio, 'f', 2));
}

QString ScanFormat::percent(double percent, int decimals, const QLocale &locale)
{
    if (!std::isfinite(percent))
        return tr("n/a");
    return tr("%1 %").arg(locale.toString(percent, 'f', decimals));
}

QString ScanFormat::milliseconds(double ms, const QLocale &locale)
{
    if (!std::isfinite(ms))
        return tr("n/a");
    const int decimals = ms < 10 ? 2 : (ms < 100 ? 1 : 0);
    return tr("%1 ms").arg(locale.toString(ms, 'f', decimals));
}

} // namespace bw::ui
