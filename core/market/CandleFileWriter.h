#pragma once

#include "market/CandleFileTypes.h"

#include <QByteArray>
#include <QCoreApplication>

namespace bw {

// Writes candles in the formats CandleFileReader reads (docs/data-format.md), so the simulated market can
// be recorded and replayed. Numbers are written in their shortest exact form: a file read back gives
// bit-identical candles. Whole files are written atomically (QSaveFile); the line builders let a recorder
// append bar by bar.
class CandleFileWriter final
{
    Q_DECLARE_TR_FUNCTIONS(CandleFileWriter)

public:
    enum class Format {
        CsvPerSymbol, // <folder>/<SYMBOL>.csv
        JsonLines,    // <folder>/candles.jsonl
    };

    // "# base=BTC" ... metadata comments, then the column header row. Ends with a newline.
    static QByteArray csvHeader(const SymbolInfo &info);
    static QByteArray csvRow(const Candle &candle);
    // {"type":"symbol","symbol":"BTCUSDT","base":"BTC",...}
    static QByteArray jsonSymbolLine(const SymbolInfo &info);
    // {"symbol":"BTCUSDT","t":1704067200000,"o":...,"h":...,"l":...,"c":...,"v":...,"qv":...,"n":...}
    static QByteArray jsonCandleLine(const QString &symbol, const Candle &candle);

    // Each writer checks its input (valid symbol names, finite numbers) and returns false with a message
    // naming the problem in *error. Only closed candles are written; forming bars are not history.
    static bool writeCsvFile(const QString &path, const RecordedSeries &series, QString *error);
    // Symbol lines first, then candles in global time order (time, then symbol name).
    static bool writeJsonLinesFile(const QString &path, const QList<RecordedSeries> &series, QString *error);
    static bool writeFolder(const QString &folder, const QList<RecordedSeries> &series, Format format, QString *error);

private:
    static bool check(const RecordedSeries &series, QString *error);
};

} // namespace bw
