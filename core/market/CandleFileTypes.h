#pragma once

#include "market/MarketTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace bw {

// What the reader does with a defective line. Format and rules: docs/data-format.md.
enum class BadLinePolicy {
    Abort,        // any problem fails the whole load; the result lists the problems
    SkipBadLines, // rejected lines are reported and left out; every valid bar is kept
};

struct CandleReadOptions {
    BadLinePolicy policy = BadLinePolicy::Abort;
    // Longer lines are rejected without being held in memory (hostile or corrupt input).
    qint64 maxLineBytes = 64 * 1024;
    // The load fails beyond this many bars in total, so a huge folder cannot exhaust memory
    // (a Candle is 72 bytes: the default is about 1.4 GB).
    qint64 maxTotalBars = 20'000'000;
    // Problems kept with their message; the rest are only counted.
    int maxStoredIssues = 1000;
};

// One problem found while reading. `message` always starts with "file:line: " (line 0 when the problem is
// about the whole file, and no location when it is about the whole folder).
struct CandleFileIssue {
    enum class Kind {
        CannotOpen,
        EmptyFile,
        BinaryData,
        LineTooLong,
        MissingHeader,
        MissingColumn,
        DuplicateColumn,
        BadMetadata,
        MalformedLine, // not JSON, not an object, wrong number of CSV fields
        MissingField,
        BadSymbol,
        NonNumeric,
        NonPositivePrice,
        HighBelowLow,
        OpenOutsideRange,
        CloseOutsideRange,
        NegativeVolume,
        DuplicateTimestamp,
        OutOfOrderTimestamp,
        Gap,
        IrregularSpacing,
        IntervalMismatch,
        NoData,
        TooManyBars,
        Cancelled,
    };
    // Error: the line (or file) cannot be used and is left out under SkipBadLines.
    // Warning: the data is kept (gaps stay gaps, out-of-order bars are put in order).
    // Under Abort either one fails the load.
    enum class Severity { Error, Warning };

    QString file; // file name inside the folder; empty for folder-wide problems
    qint64 line = 0;
    Kind kind = Kind::MalformedLine;
    Severity severity = Severity::Error;
    QString message;
};

// All closed bars of one symbol in ascending open-time order, without duplicates.
struct RecordedSeries {
    SymbolInfo info;
    QList<Candle> candles;
    qint64 intervalMs = 0; // most common spacing of this symbol's bars (0 with fewer than two bars)
    QStringList files;     // where the bars came from
};

struct CandleLoadResult {
    bool ok = false;
    QString source;                // the folder or file that was read
    qint64 intervalMs = 0;         // bar interval of the data set
    QList<RecordedSeries> series;  // sorted by symbol name
    QList<CandleFileIssue> issues; // the first maxStoredIssues problems, by file and line
    qint64 errorCount = 0;
    qint64 warningCount = 0;
    qint64 skippedLines = 0; // lines left out under SkipBadLines
    qint64 barCount = 0;

    qint64 problemCount() const { return errorCount + warningCount; }
    // A user-facing report: a headline, then the first maxLines problems, then how many more there are.
    QString summary(int maxLines = 10) const;
};

} // namespace bw
