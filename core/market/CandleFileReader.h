#pragma once

#include "market/CandleFileTypes.h"

#include <QCoreApplication>
#include <QMap>

#include <atomic>
#include <vector>

class QIODevice;

namespace bw {

// Reads recorded candles: one CSV file per symbol and/or JSON-lines files holding many symbols
// (docs/data-format.md). Pure value code, no QObject: sources are added one by one (a path, or any
// QIODevice so tests can feed fixture text), then finish() sorts, de-duplicates, detects the bar interval
// and gaps, and returns the result. Safe on hostile input: lines are bounded, binary files rejected.
//
//     CandleFileReader reader({.policy = BadLinePolicy::SkipBadLines});
//     const CandleLoadResult result = reader.readPath(u"/data/candles"_s);
class CandleFileReader final
{
    Q_DECLARE_TR_FUNCTIONS(CandleFileReader)

public:
    explicit CandleFileReader(CandleReadOptions options = {});

    // A folder (every *.csv and *.jsonl / *.ndjson in it, by name) or a single file. Resets the reader.
    CandleLoadResult readPath(const QString &path);

    // Lower level: add sources, then finish(). `fileName` is how messages name the source.
    // beginPath() resets the reader and returns the files readPath() would read, in order (reporting a
    // missing path or an empty folder), so a caller can read them one at a time.
    QStringList beginPath(const QString &path);
    void addFile(const QString &path);
    void addCsv(QIODevice &device, const QString &fileName, const QString &symbol);
    void addJsonLines(QIODevice &device, const QString &fileName);
    CandleLoadResult finish();
    void reset();
    // A problem that fails the load whatever the policy (a limit, cancel): adding more files is pointless.
    bool hasFailed() const { return m_fatal; }

    // Checked between lines; when set the load stops and fails with a Cancelled issue.
    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }

    // True for a name the formats accept as a symbol: 1 to 40 of A-Z a-z 0-9 . _ -
    static bool isValidSymbol(QStringView name);
    // "BTCUSDT" -> {"BTC", "USDT"} for the usual quote currencies; {name, ""} when none matches.
    static std::pair<QString, QString> splitSymbol(const QString &name);

private:
    struct Bar {
        Candle candle;
        int file = 0;
        qint64 line = 0;
    };
    struct Accumulator {
        SymbolInfo info;
        bool hasMetadata = false;
        std::vector<Bar> bars;
        QStringList files;
        int lastFile = -1; // for the out-of-order check, which is per file
        qint64 lastTime = 0;
        qint64 lastLine = 0;
    };
    enum class Column { OpenTime, Open, High, Low, Close, Volume, QuoteVolume, Trades, Count };

    bool cancelled() const;
    void report(CandleFileIssue::Kind kind, CandleFileIssue::Severity severity, int file, qint64 line,
                const QString &detail);
    void reportError(CandleFileIssue::Kind kind, int file, qint64 line, const QString &detail);
    int registerFile(const QString &fileName);
    Accumulator &accumulator(const QString &symbol);
    bool parseCsvHeader(const QByteArray &line, int file, qint64 lineNo, std::vector<int> &columnOf, int &fieldCount);
    bool parseCsvMetadata(QByteArrayView text, int file, qint64 lineNo, SymbolInfo &info);
    void parseCsvRow(const QByteArray &line, int file, qint64 lineNo, const std::vector<int> &columnOf, int fieldCount,
                     Accumulator &acc);
    void parseJsonLine(const QByteArray &line, int file, qint64 lineNo);
    // Shared checks of a parsed bar; returns false (after reporting) when the bar is rejected.
    bool validateBar(const Candle &candle, int file, qint64 line);
    void acceptBar(Accumulator &acc, const Candle &candle, int file, qint64 line);
    void finishSeries(const QString &name, Accumulator &acc, qint64 folderInterval, CandleLoadResult &result);
    QString location(int file, qint64 line) const;

    CandleReadOptions m_options;
    const std::atomic<bool> *m_cancel = nullptr;
    QString m_source;
    QStringList m_files;
    QMap<QString, Accumulator> m_symbols; // sorted by name, so results are deterministic
    QList<CandleFileIssue> m_issues;
    qint64 m_errors = 0;
    qint64 m_warnings = 0;
    qint64 m_skipped = 0;
    qint64 m_totalBars = 0;
    bool m_fatal = false; // a problem that loses data whatever the policy (limits, cancel)
};

} // namespace bw
