#include "market/CandleFileReader.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>
#include <utility>

namespace bw {

namespace {

using Kind = CandleFileIssue::Kind;
using Severity = CandleFileIssue::Severity;

constexpr qint64 kMaxTimeMs = 253402300799999; // 9999-12-31T23:59:59.999Z
constexpr qsizetype kChunkBytes = 64 * 1024;

// Splits a device into lines without ever holding more than maxLineBytes plus one chunk: an over-long line
// is reported as such and its bytes are dropped as they arrive. Strips a UTF-8 BOM and CR before LF.
class LineReader
{
public:
    enum class Status { Line, TooLong, End };

    LineReader(QIODevice &device, qint64 maxLineBytes)
        : m_device(device)
        , m_max(qMax<qint64>(1, maxLineBytes))
    {}

    qint64 lineNumber() const { return m_lineNo; }
    qint64 bytesRead() const { return m_bytes; }

    Status next(QByteArray &out)
    {
        for (;;) {
            const qsizetype nl = m_buffer.indexOf('\n', m_pos);
            if (nl >= 0) {
                ++m_lineNo;
                const qsizetype len = nl - m_pos;
                const qsizetype start = m_pos;
                m_pos = nl + 1;
                if (m_discarding || len > m_max) {
                    m_discarding = false;
                    return Status::TooLong;
                }
                out = m_buffer.mid(start, len);
                strip(out);
                return Status::Line;
            }
            if (m_buffer.size() - m_pos > m_max) {
                m_discarding = true;
                m_buffer.clear();
            } else {
                m_buffer.remove(0, m_pos);
            }
            m_pos = 0;
            if (m_eof) {
                if (m_discarding) {
                    m_discarding = false;
                    ++m_lineNo;
                    return Status::TooLong;
                }
                if (m_buffer.isEmpty())
                    return Status::End;
                ++m_lineNo;
                out = std::exchange(m_buffer, {});
                strip(out);
                return Status::Line;
            }
            const QByteArray chunk = m_device.read(kChunkBytes);
            if (chunk.isEmpty()) {
                m_eof = true;
            } else {
                m_bytes += chunk.size();
                m_buffer.append(chunk);
            }
        }
    }

private:
    void strip(QByteArray &line) const
    {
        if (m_lineNo == 1 && line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
        if (line.endsWith('\r'))
            line.chop(1);
    }

    QIODevice &m_device;
    const qint64 m_max;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_lineNo = 0;
    qint64 m_bytes = 0;
    bool m_eof = false;
    bool m_discarding = false;
};

QByteArrayView trimField(QByteArrayView f)
{
    f = f.trimmed();
    if (f.size() >= 2 && f.front() == '"' && f.back() == '"')
        f = f.sliced(1, f.size() - 2).trimmed();
    return f;
}

// Shows untrusted text in a message: bounded length, no control characters or binary bytes.
QString shown(QByteArrayView text)
{
    constexpr qsizetype kMax = 32;
    QString out;
    for (qsizetype i = 0; i < qMin(text.size(), kMax); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        out += (c >= 0x20 && c < 0x7f) ? QChar(char16_t(c)) : QChar(u'?');
    }
    if (text.size() > kMax)
        out += QStringLiteral("...");
    return out;
}

QString num(double v)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return QString::fromLatin1(buf, r.ptr - buf);
}

bool parseDouble(QByteArrayView f, double &out)
{
    f = trimField(f);
    if (f.startsWith('+'))
        f = f.sliced(1);
    if (f.isEmpty())
        return false;
    const auto r = std::from_chars(f.data(), f.data() + f.size(), out);
    return r.ec == std::errc() && r.ptr == f.data() + f.size() && std::isfinite(out);
}

bool parseInt(QByteArrayView f, qint64 &out)
{
    f = trimField(f);
    if (f.startsWith('+'))
        f = f.sliced(1);
    if (f.isEmpty())
        return false;
    long long v = 0;
    const auto r = std::from_chars(f.data(), f.data() + f.size(), v);
    if (r.ec != std::errc() || r.ptr != f.data() + f.size())
        return false;
    out = v;
    return true;
}

// Epoch milliseconds, or ISO-8601 ("2024-01-01T00:05:00Z", "2024-01-01 00:05:00.000+00:00"); a time
// without an offset is UTC.
bool parseTimeText(QByteArrayView f, qint64 &out)
{
    f = trimField(f);
    if (parseInt(f, out))
        return true;
    if (f.size() < 10 || f.size() > 40)
        return false;
    QString text = QString::fromLatin1(f.data(), f.size());
    if (text.size() > 10 && text.at(10) == u' ')
        text[10] = u'T';
    const qsizetype timePart = text.indexOf(u'T');
    if (timePart < 0)
        return false;
    const QStringView clock = QStringView(text).sliced(timePart);
    if (!clock.contains(u'Z') && !clock.contains(u'+') && !clock.contains(u'-'))
        text += u'Z';
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        return false;
    out = dt.toMSecsSinceEpoch();
    return true;
}

bool timeInRange(qint64 t)
{
    return t >= 0 && t <= kMaxTimeMs;
}

QString formatTime(qint64 ms)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return dt.toString(ms % 1000 == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

QString formatInterval(qint64 ms)
{
    struct Unit {
        qint64 ms;
        char16_t suffix;
    };
    static constexpr Unit units[] = {{86'400'000, u'd'}, {3'600'000, u'h'}, {60'000, u'm'}, {1000, u's'}};
    for (const Unit &u : units) {
        if (ms > 0 && ms % u.ms == 0)
            return QString::number(ms / u.ms) + QChar(u.suffix);
    }
    return QString::number(ms) + QStringLiteral("ms");
}

qint64 mostCommon(std::vector<qint64> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    qint64 best = values.front();
    std::size_t bestCount = 0;
    for (std::size_t i = 0; i < values.size();) {
        std::size_t j = i;
        while (j < values.size() && values[j] == values[i])
            ++j;
        if (j - i > bestCount) { // ascending, so ties go to the smaller value
            bestCount = j - i;
            best = values[i];
        }
        i = j;
    }
    return best;
}

const char *const kColumnNames[] = {"open_time", "open", "high", "low", "close", "volume", "quote_volume", "trades"};

int columnForHeader(QByteArrayView name)
{
    static const struct {
        const char *name;
        int column;
    } aliases[] = {
        {"open_time", 0}, {"time", 0},   {"timestamp", 0},        {"open", 1},         {"high", 2},
        {"low", 3},       {"close", 4},  {"volume", 5},           {"quote_volume", 6}, {"quote_asset_volume", 6},
        {"turnover", 6},  {"trades", 7}, {"number_of_trades", 7}, {"count", 7},
    };
    for (const auto &a : aliases) {
        if (name.compare(QByteArrayView(a.name), Qt::CaseInsensitive) == 0)
            return a.column;
    }
    return -1;
}

} // namespace

CandleFileReader::CandleFileReader(CandleReadOptions options)
    : m_options(options)
{}

bool CandleFileReader::isValidSymbol(QStringView name)
{
    if (name.isEmpty() || name.size() > 40)
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' ||
               c == u'_' || c == u'-';
    });
}

std::pair<QString, QString> CandleFileReader::splitSymbol(const QString &name)
{
    static const char *const quotes[] = {"FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USD", "EUR", "BTC", "ETH", "BNB"};
    for (const char *q : quotes) {
        const QLatin1String quote(q);
        if (name.size() > quote.size() && name.endsWith(quote))
            return {name.left(name.size() - quote.size()), QString(quote)};
    }
    return {name, QString()};
}

void CandleFileReader::reset()
{
    m_source.clear();
    m_files.clear();
    m_symbols.clear();
    m_issues.clear();
    m_errors = m_warnings = m_skipped = m_totalBars = 0;
    m_fatal = false;
}

bool CandleFileReader::cancelled() const
{
    return m_cancel && m_cancel->load(std::memory_order_relaxed);
}

QString CandleFileReader::location(int file, qint64 line) const
{
    if (file < 0)
        return m_source.isEmpty() ? QString() : m_source + QStringLiteral(": ");
    if (line <= 0)
        return m_files.at(file) + QStringLiteral(": ");
    return m_files.at(file) + u':' + QString::number(line) + QStringLiteral(": ");
}

void CandleFileReader::report(Kind kind, Severity severity, int file, qint64 line, const QString &detail)
{
    (severity == Severity::Error ? m_errors : m_warnings) += 1;
    if (m_issues.size() >= m_options.maxStoredIssues)
        return;
    CandleFileIssue issue;
    issue.file = file >= 0 ? m_files.at(file) : QString();
    issue.line = line;
    issue.kind = kind;
    issue.severity = severity;
    issue.message = location(file, line) + detail;
    m_issues.append(issue);
}

void CandleFileReader::reportError(Kind kind, int file, qint64 line, const QString &detail)
{
    report(kind, Severity::Error, file, line, detail);
}

int CandleFileReader::registerFile(const QString &fileName)
{
    m_files.append(fileName);
    return int(m_files.size() - 1);
}

CandleFileReader::Accumulator &CandleFileReader::accumulator(const QString &symbol)
{
    auto it = m_symbols.find(symbol);
    if (it == m_symbols.end()) {
        Accumulator acc;
        acc.info.name = symbol;
        std::tie(acc.info.baseAsset, acc.info.quoteAsset) = splitSymbol(symbol);
        it = m_symbols.insert(symbol, std::move(acc));
    }
    return it.value();
}

CandleLoadResult CandleFileReader::readPath(const QString &path)
{
    const QStringList files = beginPath(path);
    for (const QString &file : files) {
        if (m_fatal)
            break;
        addFile(file);
    }
    return finish();
}

QStringList CandleFileReader::beginPath(const QString &path)
{
    reset();
    m_source = path;
    const QFileInfo info(path);
    QStringList files;
    if (info.isDir()) {
        const QFileInfoList entries = QDir(path).entryInfoList(
            {QStringLiteral("*.csv"), QStringLiteral("*.jsonl"), QStringLiteral("*.ndjson")}, QDir::Files, QDir::Name);
        if (entries.isEmpty())
            reportError(Kind::NoData, -1, 0, tr("the folder holds no *.csv or *.jsonl files"));
        for (const QFileInfo &entry : entries)
            files.append(entry.filePath());
    } else if (info.exists()) {
        files.append(path);
    } else {
        reportError(Kind::CannotOpen, -1, 0, tr("does not exist"));
    }
    return files;
}

void CandleFileReader::addFile(const QString &path)
{
    const QFileInfo info(path);
    if (m_source.isEmpty())
        m_source = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        reportError(Kind::CannotOpen, registerFile(info.fileName()), 0,
                    tr("cannot be opened: %1").arg(file.errorString()));
        return;
    }
    const QString suffix = info.suffix().toLower();
    if (suffix == u"csv")
        addCsv(file, info.fileName(), info.completeBaseName());
    else if (suffix == u"jsonl" || suffix == u"ndjson")
        addJsonLines(file, info.fileName());
    else
        reportError(Kind::CannotOpen, registerFile(info.fileName()), 0, tr("is neither a .csv nor a .jsonl file"));
}

void CandleFileReader::addCsv(QIODevice &device, const QString &fileName, const QString &symbol)
{
    const int file = registerFile(fileName);
    if (!isValidSymbol(symbol)) {
        reportError(Kind::BadSymbol, file, 0,
                    tr("the file name does not give a valid symbol (1 to 40 of A-Z, a-z, 0-9, '.', '_', '-')"));
        return;
    }
    LineReader reader(device, m_options.maxLineBytes);
    QByteArray line;
    bool haveHeader = false;
    std::vector<int> columnOf; // Column -> field index, -1 when absent
    int fieldCount = 0;
    SymbolInfo meta;
    bool metaSeen = false;
    qint64 metaLine = 0;
    Accumulator *acc = nullptr;
    qint64 rows = 0;

    for (;;) {
        if (cancelled()) {
            reportError(Kind::Cancelled, file, reader.lineNumber(), tr("reading was cancelled"));
            m_fatal = true;
            return;
        }
        if (m_fatal)
            return;
        const auto status = reader.next(line);
        if (status == LineReader::Status::End)
            break;
        const qint64 lineNo = reader.lineNumber();
        if (status == LineReader::Status::TooLong) {
            reportError(Kind::LineTooLong, file, lineNo,
                        tr("the line is longer than %1 bytes").arg(m_options.maxLineBytes));
            if (!haveHeader)
                return; // cannot know the columns
            ++m_skipped;
            continue;
        }
        if (line.contains('\0')) {
            if (!haveHeader) {
                reportError(Kind::BinaryData, file, 0, tr("is not a text file (it contains NUL bytes)"));
                return;
            }
            reportError(Kind::BinaryData, file, lineNo, tr("the line contains binary data"));
            ++m_skipped;
            continue;
        }
        const QByteArrayView text = QByteArrayView(line).trimmed();
        if (text.isEmpty())
            continue;
        if (text.startsWith('#')) {
            if (!haveHeader) {
                if (parseCsvMetadata(text.sliced(1), file, lineNo, meta)) {
                    metaSeen = true;
                    metaLine = lineNo;
                }
            }
            continue;
        }
        if (!haveHeader) {
            if (!parseCsvHeader(line, file, lineNo, columnOf, fieldCount))
                return;
            haveHeader = true;
            continue;
        }
        if (!acc) {
            acc = &accumulator(symbol);
            if (!acc->files.contains(fileName))
                acc->files.append(fileName);
            if (metaSeen) {
                if (acc->hasMetadata && (acc->info.tickSize != meta.tickSize || acc->info.lotSize != meta.lotSize ||
                                         acc->info.minNotional != meta.minNotional)) {
                    reportError(Kind::BadMetadata, file, metaLine,
                                tr("the metadata of %1 differs from an earlier file").arg(symbol));
                } else {
                    if (!meta.baseAsset.isEmpty())
                        acc->info.baseAsset = meta.baseAsset;
                    if (!meta.quoteAsset.isEmpty())
                        acc->info.quoteAsset = meta.quoteAsset;
                    acc->info.tickSize = meta.tickSize;
                    acc->info.lotSize = meta.lotSize;
                    acc->info.minNotional = meta.minNotional;
                    acc->hasMetadata = true;
                }
            }
        }
        ++rows;
        parseCsvRow(line, file, lineNo, columnOf, fieldCount, *acc);
    }
    if (reader.bytesRead() == 0)
        reportError(Kind::EmptyFile, file, 0, tr("the file is empty"));
    else if (!haveHeader)
        reportError(Kind::MissingHeader, file, 0, tr("has no header row"));
    else if (rows == 0)
        reportError(Kind::NoData, file, 0, tr("has a header but no bars"));
}

bool CandleFileReader::parseCsvMetadata(QByteArrayView text, int file, qint64 lineNo, SymbolInfo &info)
{
    text = text.trimmed();
    const qsizetype eq = text.indexOf('=');
    if (eq <= 0)
        return false; // a free comment
    const QByteArrayView key = text.first(eq).trimmed();
    const bool looksLikeKey = !key.isEmpty() && std::all_of(key.begin(), key.end(),
                                                            [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
    if (!looksLikeKey)
        return false;
    const QByteArrayView value = trimField(text.sliced(eq + 1));
    const QString keyText = QString::fromLatin1(key.data(), key.size());
    if (key == "base" || key == "quote") {
        const QString v = QString::fromLatin1(value.data(), value.size());
        if (!isValidSymbol(v) || v.size() > 20) {
            reportError(Kind::BadMetadata, file, lineNo,
                        tr("metadata %1 \"%2\" is not a valid asset name").arg(keyText, shown(value)));
            return false;
        }
        (key == "base" ? info.baseAsset : info.quoteAsset) = v;
        return true;
    }
    double *target = key == "tick_size"      ? &info.tickSize
                     : key == "lot_size"     ? &info.lotSize
                     : key == "min_notional" ? &info.minNotional
                                             : nullptr;
    if (!target) {
        reportError(
            Kind::BadMetadata, file, lineNo,
            tr("unknown metadata key \"%1\" (known: base, quote, tick_size, lot_size, min_notional)").arg(shown(key)));
        return false;
    }
    double v = 0;
    if (!parseDouble(value, v) || v < 0) {
        reportError(Kind::BadMetadata, file, lineNo,
                    tr("metadata %1 \"%2\" is not a number >= 0").arg(keyText, shown(value)));
        return false;
    }
    *target = v;
    return true;
}

bool CandleFileReader::parseCsvHeader(const QByteArray &line, int file, qint64 lineNo, std::vector<int> &columnOf,
                                      int &fieldCount)
{
    columnOf.assign(int(Column::Count), -1);
    const QList<QByteArray> fields = line.split(',');
    fieldCount = int(fields.size());
    double probe = 0;
    if (parseDouble(fields.front(), probe)) {
        reportError(Kind::MissingHeader, file, lineNo,
                    tr("the first line is not a header row (it starts with a number); name the columns, e.g. "
                       "open_time,open,high,low,close,volume"));
        return false;
    }
    for (int i = 0; i < fieldCount; ++i) {
        const int column = columnForHeader(trimField(fields.at(i)));
        if (column < 0)
            continue; // extra columns (close_time, taker volumes, ...) are allowed and ignored
        if (columnOf[column] >= 0) {
            reportError(Kind::DuplicateColumn, file, lineNo,
                        tr("column %1 appears twice").arg(QLatin1String(kColumnNames[column])));
            return false;
        }
        columnOf[column] = i;
    }
    QStringList missing;
    for (int c = 0; c <= int(Column::Volume); ++c) {
        if (columnOf[c] < 0)
            missing.append(QLatin1String(kColumnNames[c]));
    }
    if (!missing.isEmpty()) {
        reportError(Kind::MissingColumn, file, lineNo,
                    tr("missing column(s): %1 (required: open_time, open, high, low, close, volume)")
                        .arg(missing.join(QStringLiteral(", "))));
        return false;
    }
    return true;
}

void CandleFileReader::parseCsvRow(const QByteArray &line, int file, qint64 lineNo, const std::vector<int> &columnOf,
                                   int fieldCount, Accumulator &acc)
{
    QVarLengthArray<QByteArrayView, 16> fields;
    const QByteArrayView text(line);
    qsizetype start = 0;
    for (;;) {
        const qsizetype comma = text.indexOf(',', start);
        if (comma < 0) {
            fields.append(text.sliced(start));
            break;
        }
        fields.append(text.sliced(start, comma - start));
        start = comma + 1;
        if (fields.size() > fieldCount)
            break;
    }
    if (fields.size() != fieldCount) {
        reportError(Kind::MalformedLine, file, lineNo,
                    fields.size() > fieldCount
                        ? tr("the line has more fields than the header's %1").arg(fieldCount)
                        : tr("the line has %1 fields, the header has %2").arg(fields.size()).arg(fieldCount));
        ++m_skipped;
        return;
    }
    Candle c;
    c.closed = true;
    const QByteArrayView timeField = fields[columnOf[int(Column::OpenTime)]];
    if (!parseTimeText(timeField, c.openTimeMs)) {
        reportError(Kind::NonNumeric, file, lineNo,
                    tr("open_time \"%1\" is not a time (epoch milliseconds or ISO-8601)").arg(shown(timeField)));
        ++m_skipped;
        return;
    }
    if (!timeInRange(c.openTimeMs)) {
        reportError(Kind::NonNumeric, file, lineNo,
                    tr("open_time %1 is outside the years 1970 to 9999").arg(c.openTimeMs));
        ++m_skipped;
        return;
    }
    double *const values[] = {&c.open, &c.high, &c.low, &c.close, &c.volume};
    for (int col = int(Column::Open); col <= int(Column::Volume); ++col) {
        const QByteArrayView f = fields[columnOf[col]];
        if (!parseDouble(f, *values[col - 1])) {
            reportError(Kind::NonNumeric, file, lineNo,
                        tr("%1 \"%2\" is not a number").arg(QLatin1String(kColumnNames[col]), shown(f)));
            ++m_skipped;
            return;
        }
    }
    bool haveQuote = false;
    if (const int qc = columnOf[int(Column::QuoteVolume)]; qc >= 0 && !trimField(fields[qc]).isEmpty()) {
        if (!parseDouble(fields[qc], c.quoteVolume)) {
            reportError(Kind::NonNumeric, file, lineNo,
                        tr("quote_volume \"%1\" is not a number").arg(shown(fields[qc])));
            ++m_skipped;
            return;
        }
        haveQuote = true;
    }
    if (const int tc = columnOf[int(Column::Trades)]; tc >= 0 && !trimField(fields[tc]).isEmpty()) {
        if (!parseInt(fields[tc], c.trades)) {
            reportError(Kind::NonNumeric, file, lineNo,
                        tr("trades \"%1\" is not a whole number").arg(shown(fields[tc])));
            ++m_skipped;
            return;
        }
    }
    if (!haveQuote)
        c.quoteVolume = c.volume * c.typical();
    if (!validateBar(c, file, lineNo)) {
        ++m_skipped;
        return;
    }
    acceptBar(acc, c, file, lineNo);
}

void CandleFileReader::addJsonLines(QIODevice &device, const QString &fileName)
{
    const int file = registerFile(fileName);
    LineReader reader(device, m_options.maxLineBytes);
    QByteArray line;
    qint64 candles = 0;
    bool sawText = false;
    for (;;) {
        if (cancelled()) {
            reportError(Kind::Cancelled, file, reader.lineNumber(), tr("reading was cancelled"));
            m_fatal = true;
            return;
        }
        if (m_fatal)
            return;
        const auto status = reader.next(line);
        if (status == LineReader::Status::End)
            break;
        const qint64 lineNo = reader.lineNumber();
        if (status == LineReader::Status::TooLong) {
            reportError(Kind::LineTooLong, file, lineNo,
                        tr("the line is longer than %1 bytes").arg(m_options.maxLineBytes));
            ++m_skipped;
            continue;
        }
        if (line.contains('\0')) {
            if (!sawText) {
                reportError(Kind::BinaryData, file, 0, tr("is not a text file (it contains NUL bytes)"));
                return;
            }
            reportError(Kind::BinaryData, file, lineNo, tr("the line contains binary data"));
            ++m_skipped;
            continue;
        }
        const QByteArrayView text = QByteArrayView(line).trimmed();
        if (text.isEmpty())
            continue;
        sawText = true;
        const qint64 before = m_totalBars;
        parseJsonLine(line, file, lineNo);
        candles += m_totalBars - before;
    }
    if (reader.bytesRead() == 0)
        reportError(Kind::EmptyFile, file, 0, tr("the file is empty"));
    else if (!sawText)
        reportError(Kind::NoData, file, 0, tr("has no lines"));
}

void CandleFileReader::parseJsonLine(const QByteArray &line, int file, qint64 lineNo)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError) {
        reportError(Kind::MalformedLine, file, lineNo,
                    tr("not valid JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset));
        ++m_skipped;
        return;
    }
    if (!doc.isObject()) {
        reportError(Kind::MalformedLine, file, lineNo, tr("the line is not a JSON object"));
        ++m_skipped;
        return;
    }
    const QJsonObject obj = doc.object();
    const QJsonValue type = obj.value(QLatin1String("type"));
    const bool isMeta = type.isString() && type.toString() == u"symbol";
    if (!type.isUndefined() && !isMeta && !(type.isString() && type.toString() == u"candle")) {
        reportError(Kind::MalformedLine, file, lineNo, tr("unknown \"type\" (expected \"candle\" or \"symbol\")"));
        ++m_skipped;
        return;
    }
    const QJsonValue symbolValue = obj.value(QLatin1String("symbol"));
    if (symbolValue.isUndefined()) {
        reportError(Kind::MissingField, file, lineNo, tr("missing key \"symbol\""));
        ++m_skipped;
        return;
    }
    const QString symbol = symbolValue.toString();
    if (!symbolValue.isString() || !isValidSymbol(symbol)) {
        reportError(Kind::BadSymbol, file, lineNo,
                    tr("\"symbol\" is not a valid symbol (1 to 40 of A-Z, a-z, 0-9, '.', '_', '-')"));
        ++m_skipped;
        return;
    }

    if (isMeta) {
        SymbolInfo info;
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            const QString key = it.key();
            if (key == u"type" || key == u"symbol")
                continue;
            if (key == u"base" || key == u"quote") {
                const QString v = it.value().toString();
                if (!it.value().isString() || !isValidSymbol(v) || v.size() > 20) {
                    reportError(Kind::BadMetadata, file, lineNo, tr("\"%1\" is not a valid asset name").arg(key));
                    ++m_skipped;
                    return;
                }
                (key == u"base" ? info.baseAsset : info.quoteAsset) = v;
                continue;
            }
            double *target = key == u"tick_size"      ? &info.tickSize
                             : key == u"lot_size"     ? &info.lotSize
                             : key == u"min_notional" ? &info.minNotional
                                                      : nullptr;
            if (!target) {
                reportError(Kind::BadMetadata, file, lineNo,
                            tr("unknown metadata key \"%1\" (known: base, quote, tick_size, lot_size, "
                               "min_notional)")
                                .arg(key.left(32)));
                ++m_skipped;
                return;
            }
            if (!it.value().isDouble() || it.value().toDouble() < 0) {
                reportError(Kind::BadMetadata, file, lineNo, tr("\"%1\" is not a number >= 0").arg(key));
                ++m_skipped;
                return;
            }
            *target = it.value().toDouble();
        }
        Accumulator &acc = accumulator(symbol);
        if (acc.hasMetadata && (acc.info.tickSize != info.tickSize || acc.info.lotSize != info.lotSize ||
                                acc.info.minNotional != info.minNotional)) {
            reportError(Kind::BadMetadata, file, lineNo,
                        tr("the metadata of %1 differs from earlier metadata").arg(symbol));
            ++m_skipped;
            return;
        }
        if (!info.baseAsset.isEmpty())
            acc.info.baseAsset = info.baseAsset;
        if (!info.quoteAsset.isEmpty())
            acc.info.quoteAsset = info.quoteAsset;
        acc.info.tickSize = info.tickSize;
        acc.info.lotSize = info.lotSize;
        acc.info.minNotional = info.minNotional;
        acc.hasMetadata = true;
        if (!acc.files.contains(m_files.at(file)))
            acc.files.append(m_files.at(file));
        return;
    }

    Candle c;
    c.closed = true;
    const QJsonValue t = obj.value(QLatin1String("t"));
    if (t.isUndefined()) {
        reportError(Kind::MissingField, file, lineNo, tr("missing key \"t\""));
        ++m_skipped;
        return;
    }
    bool timeOk = false;
    if (t.isDouble()) {
        const double d = t.toDouble();
        timeOk = std::isfinite(d) && d == std::floor(d) && std::abs(d) < 9.0e15;
        c.openTimeMs = timeOk ? t.toInteger() : 0;
    } else if (t.isString()) {
        const QByteArray s = t.toString().toLatin1();
        timeOk = parseTimeText(s, c.openTimeMs);
    }
    if (!timeOk) {
        reportError(Kind::NonNumeric, file, lineNo,
                    tr("\"t\" is not a time (epoch milliseconds or an ISO-8601 string)"));
        ++m_skipped;
        return;
    }
    if (!timeInRange(c.openTimeMs)) {
        reportError(Kind::NonNumeric, file, lineNo, tr("\"t\" %1 is outside the years 1970 to 9999").arg(c.openTimeMs));
        ++m_skipped;
        return;
    }
    static const char *const keys[] = {"o", "h", "l", "c", "v"};
    double *const values[] = {&c.open, &c.high, &c.low, &c.close, &c.volume};
    for (int i = 0; i < 5; ++i) {
        const QJsonValue v = obj.value(QLatin1String(keys[i]));
        if (v.isUndefined()) {
            reportError(Kind::MissingField, file, lineNo, tr("missing key \"%1\"").arg(QLatin1String(keys[i])));
            ++m_skipped;
            return;
        }
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            reportError(Kind::NonNumeric, file, lineNo, tr("\"%1\" is not a number").arg(QLatin1String(keys[i])));
            ++m_skipped;
            return;
        }
        *values[i] = v.toDouble();
    }
    const QJsonValue qv = obj.value(QLatin1String("qv"));
    if (qv.isUndefined() || qv.isNull()) {
        c.quoteVolume = c.volume * c.typical();
    } else if (qv.isDouble() && std::isfinite(qv.toDouble())) {
        c.quoteVolume = qv.toDouble();
    } else {
        reportError(Kind::NonNumeric, file, lineNo, tr("\"qv\" is not a number"));
        ++m_skipped;
        return;
    }
    const QJsonValue n = obj.value(QLatin1String("n"));
    if (!n.isUndefined() && !n.isNull()) {
        const double d = n.toDouble();
        if (!n.isDouble() || d != std::floor(d) || std::abs(d) > 9.0e15) {
            reportError(Kind::NonNumeric, file, lineNo, tr("\"n\" is not a whole number"));
            ++m_skipped;
            return;
        }
        c.trades = n.toInteger();
    }
    if (!validateBar(c, file, lineNo)) {
        ++m_skipped;
        return;
    }
    Accumulator &acc = accumulator(symbol);
    if (!acc.files.contains(m_files.at(file)))
        acc.files.append(m_files.at(file));
    acceptBar(acc, c, file, lineNo);
}

bool CandleFileReader::validateBar(const Candle &c, int file, qint64 line)
{
    const struct {
        const char *name;
        double value;
    } prices[] = {{"open", c.open}, {"high", c.high}, {"low", c.low}, {"close", c.close}};
    for (const auto &p : prices) {
        if (p.value <= 0) {
            reportError(Kind::NonPositivePrice, file, line,
                        tr("%1 %2 is not a positive price").arg(QLatin1String(p.name), num(p.value)));
            return false;
        }
    }
    if (c.high < c.low) {
        reportError(Kind::HighBelowLow, file, line, tr("high %1 is below low %2").arg(num(c.high), num(c.low)));
        return false;
    }
    if (c.open < c.low || c.open > c.high) {
        reportError(
            Kind::OpenOutsideRange, file, line,
            tr("open %1 is outside the bar's range [low %2, high %3]").arg(num(c.open), num(c.low), num(c.high)));
        return false;
    }
    if (c.close < c.low || c.close > c.high) {
        reportError(
            Kind::CloseOutsideRange, file, line,
            tr("close %1 is outside the bar's range [low %2, high %3]").arg(num(c.close), num(c.low), num(c.high)));
        return false;
    }
    if (c.volume < 0) {
        reportError(Kind::NegativeVolume, file, line, tr("volume %1 is negative").arg(num(c.volume)));
        return false;
    }
    if (c.quoteVolume < 0) {
        reportError(Kind::NegativeVolume, file, line, tr("quote volume %1 is negative").arg(num(c.quoteVolume)));
        return false;
    }
    if (c.trades < 0) {
        reportError(Kind::NegativeVolume, file, line, tr("trade count %1 is negative").arg(c.trades));
        return false;
    }
    return true;
}

void CandleFileReader::acceptBar(Accumulator &acc, const Candle &candle, int file, qint64 line)
{
    if (acc.lastFile == file && candle.openTimeMs < acc.lastTime) {
        report(
            Kind::OutOfOrderTimestamp, Severity::Warning, file, line,
            tr("open time %1 is earlier than %2 on line %3%4")
                .arg(formatTime(candle.openTimeMs), formatTime(acc.lastTime))
                .arg(acc.lastLine)
                .arg(m_options.policy == BadLinePolicy::SkipBadLines ? tr(" (kept, put in time order)") : QString()));
    }
    acc.lastFile = file;
    acc.lastTime = candle.openTimeMs;
    acc.lastLine = line;
    acc.bars.push_back({candle, file, line});
    if (++m_totalBars > m_options.maxTotalBars) {
        reportError(Kind::TooManyBars, file, line,
                    tr("more than %1 bars in total; the data set is too large").arg(m_options.maxTotalBars));
        m_fatal = true;
    }
}

void CandleFileReader::finishSeries(const QString &name, Accumulator &acc, qint64 folderInterval,
                                    CandleLoadResult &result)
{
    std::vector<Bar> &bars = acc.bars;
    if (bars.empty()) {
        report(Kind::NoData, Severity::Warning, acc.files.isEmpty() ? -1 : int(m_files.indexOf(acc.files.front())), 0,
               tr("%1 has metadata but no bars").arg(name));
        return;
    }
    // Interval computed on the de-duplicated series in finish(); here only the check against the data set.
    std::vector<qint64> deltas;
    deltas.reserve(bars.size());
    for (std::size_t i = 1; i < bars.size(); ++i)
        deltas.push_back(bars[i].candle.openTimeMs - bars[i - 1].candle.openTimeMs);
    const qint64 own = mostCommon(deltas);
    if (own > 0 && folderInterval > 0 && own != folderInterval) {
        reportError(Kind::IntervalMismatch, bars.front().file, 0,
                    tr("%1 has bars %2 apart but the data set's interval is %3; the symbol is left out")
                        .arg(name, formatInterval(own), formatInterval(folderInterval)));
        return;
    }
    const qint64 interval = folderInterval;
    if (interval > 0) {
        for (std::size_t i = 1; i < bars.size(); ++i) {
            const qint64 d = deltas[i - 1];
            if (d == interval)
                continue;
            const Bar &prev = bars[i - 1];
            const Bar &cur = bars[i];
            const QString where = prev.file == cur.file ? tr("line %1").arg(prev.line)
                                                        : tr("%1 line %2").arg(m_files.at(prev.file)).arg(prev.line);
            if (d > interval && d % interval == 0) {
                const qint64 missing = d / interval - 1;
                report(Kind::Gap, Severity::Warning, cur.file, cur.line,
                       tr("gap: %n bar(s) missing between %1 (%2) and %3", nullptr, int(qMin<qint64>(missing, INT_MAX)))
                           .arg(formatTime(prev.candle.openTimeMs), where, formatTime(cur.candle.openTimeMs)));
            } else {
                report(Kind::IrregularSpacing, Severity::Warning, cur.file, cur.line,
                       tr("the bar opens %1 after the previous one (%2), not a multiple of the interval %3")
                           .arg(formatInterval(d), where, formatInterval(interval)));
            }
        }
    }
    RecordedSeries series;
    series.info = acc.info;
    series.intervalMs = own > 0 ? own : interval;
    series.files = acc.files;
    series.candles.reserve(qsizetype(bars.size()));
    for (const Bar &b : bars)
        series.candles.append(b.candle);
    result.barCount += series.candles.size();
    result.series.append(std::move(series));
}

CandleLoadResult CandleFileReader::finish()
{
    if (m_source.isEmpty())
        m_source = m_files.join(QStringLiteral(", "));
    CandleLoadResult result;
    result.source = m_source;
    if (!m_fatal) {
        std::vector<qint64> intervals;
        for (auto it = m_symbols.begin(); it != m_symbols.end(); ++it) {
            std::vector<Bar> &bars = it->bars;
            // Stable: of two bars with the same time, the first one read stays.
            std::stable_sort(bars.begin(), bars.end(),
                             [](const Bar &a, const Bar &b) { return a.candle.openTimeMs < b.candle.openTimeMs; });
            std::vector<Bar> unique;
            unique.reserve(bars.size());
            for (const Bar &b : bars) {
                if (!unique.empty() && unique.back().candle.openTimeMs == b.candle.openTimeMs) {
                    const Bar &kept = unique.back();
                    const QString where = kept.file == b.file
                                              ? tr("line %1").arg(kept.line)
                                              : tr("%1 line %2").arg(m_files.at(kept.file)).arg(kept.line);
                    reportError(Kind::DuplicateTimestamp, b.file, b.line,
                                tr("open time %1 of %2 duplicates the bar on %3")
                                    .arg(formatTime(b.candle.openTimeMs), it.key(), where));
                    ++m_skipped;
                    continue;
                }
                unique.push_back(b);
            }
            bars = std::move(unique);
            std::vector<qint64> deltas;
            for (std::size_t i = 1; i < bars.size(); ++i)
                deltas.push_back(bars[i].candle.openTimeMs - bars[i - 1].candle.openTimeMs);
            if (const qint64 own = mostCommon(std::move(deltas)); own > 0)
                intervals.push_back(own);
        }
        const qint64 folderInterval = mostCommon(std::move(intervals));
        result.intervalMs = folderInterval;
        for (auto it = m_symbols.begin(); it != m_symbols.end(); ++it)
            finishSeries(it.key(), it.value(), folderInterval, result);
        if (result.series.isEmpty()) {
            reportError(Kind::NoData, -1, 0, tr("no valid candles"));
        } else if (folderInterval <= 0) {
            reportError(Kind::NoData, -1, 0, tr("cannot tell the bar interval: no symbol has two bars"));
        }
    }

    std::stable_sort(m_issues.begin(), m_issues.end(), [](const CandleFileIssue &a, const CandleFileIssue &b) {
        return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
    result.issues = m_issues;
    result.errorCount = m_errors;
    result.warningCount = m_warnings;
    result.skippedLines = m_skipped;
    result.ok = !m_fatal && !result.series.isEmpty() && result.intervalMs > 0 &&
                (m_options.policy == BadLinePolicy::SkipBadLines || result.problemCount() == 0);
    if (!result.ok) {
        result.series.clear();
        result.barCount = 0;
    }
    const QString source = m_source;
    reset();
    m_source = source;
    return result;
}

} // namespace bw
