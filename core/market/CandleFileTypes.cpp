#include "market/CandleFileTypes.h"

#include <QCoreApplication>

namespace bw {

QString CandleLoadResult::summary(int maxLines) const
{
    QString text;
    if (!ok) {
        // Counts are computed outside translate(): lupdate (Qt 6.4) loops forever on a template argument
        // list such as qMin<qint64>(...) inside its arguments.
        const int problems = int(qMin<qint64>(problemCount(), INT_MAX));
        text = QCoreApplication::translate("CandleFileReader",
                                           "Could not load candles from %1 (%n problem(s)):", nullptr, problems)
                   .arg(source);
    } else if (problemCount() == 0) {
        return QCoreApplication::translate("CandleFileReader", "Loaded %1 bars of %2 symbols from %3.")
            .arg(barCount)
            .arg(series.size())
            .arg(source);
    } else {
        text = QCoreApplication::translate("CandleFileReader",
                                           "Loaded %1 bars of %2 symbols from %3; %4 problem(s), %5 line(s) "
                                           "skipped:")
                   .arg(barCount)
                   .arg(series.size())
                   .arg(source)
                   .arg(problemCount())
                   .arg(skippedLines);
    }
    const int shown = int(qMin<qsizetype>(qMax(0, maxLines), issues.size()));
    for (int i = 0; i < shown; ++i)
        text += u'\n' + issues.at(i).message;
    const qint64 rest = problemCount() - shown;
    if (rest > 0) {
        const int more = int(qMin<qint64>(rest, INT_MAX));
        text += u'\n' + QCoreApplication::translate("CandleFileReader", "... and %n more problem(s)", nullptr, more);
    }
    return text;
}

} // namespace bw
