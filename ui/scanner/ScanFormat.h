#pragma once

#include "scanner/Preset.h"
#include "scanner/ScanTypes.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace bw::ui {

// How the scanner page writes its numbers and names: one place, so that the candidates table, the filter
// table and the funnel read the same (a 24 h volume is "12.3 M" everywhere, a surge "1.85×").
class ScanFormat final
{
    Q_DECLARE_TR_FUNCTIONS(ScanFormat)

public:
    // "24 h volume", "ATR / price", ... for a filter key ("min_24h_volume", "atr_range").
    static QString filterName(const QString &key);
    // A filter's measured value in the unit its name implies (ATR as a percentage of price, spreads in bps).
    static QString filterValue(const FilterResult &filter, const QLocale &locale = QLocale());
    // The comparison as a short symbol: "≥", "≤", "in" (a range), "|x| ≤", "=" (no issues).
    static QString comparison(FilterComparison comparison);
    // The threshold alone, in the filter's unit: "5.0 M", "1.50 % – 3.50 %", "0.70", "0" (issues).
    static QString threshold(const FilterResult &filter, const QLocale &locale = QLocale());

    static QString componentName(ScoreComponent component);
    static QString componentDescription(ScoreComponent component);
    // "Liquidity", "Top volume", ... (capitalised scanStageName).
    static QString stageTitle(ScanStage stage);

    static QString surge(double ratio, const QLocale &locale = QLocale());                   // "1.85×"
    static QString percent(double percent, int decimals, const QLocale &locale = QLocale()); // "2.41 %"
    static QString milliseconds(double ms, const QLocale &locale = QLocale()); // "0.42 ms", "12.3 ms", "1,204 ms"

private:
    static QString number(const QString &key, double value, const QLocale &locale);
};

} // namespace bw::ui
