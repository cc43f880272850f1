#include "market/CandleFileWriter.h"

#include "market/CandleFileReader.h"

#include <QDir>
#include <QSaveFile>
#include <queue>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

namespace bw {

namespace {

void appendNumber(QByteArray &out, double v)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v); // shortest text that reads back exactly
    out.append(buf, r.ptr - buf);
}

void appendNumber(QByteArray &out, qint64 v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
    out.append(buf, r.ptr - buf);
}

bool commit(QSaveFile &file, const QString &path, QString *error)
{
    if (!file.commit()) {
        if (error)
            *error = CandleFileWriter::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

QByteArray CandleFileWriter::csvHeader(const SymbolInfo &info)
{
    QByteArray out;
    if (!info.baseAsset.isEmpty())
        out += "# base=" + info.baseAsset.toLatin1() + '\n';
    if (!info.quoteAsset.isEmpty())
        out += "# quote=" + info.quoteAsset.toLatin1() + '\n';
    const struct {
        const char *key;
        double value;
    } numbers[] = {{"tick_size", info.tickSize}, {"lot_size", info.lotSize}, {"min_notional", info.minNotional}};
    for (const auto &n : numbers) {
        if (n.value > 0) {
            out += "# ";
            out += n.key;
            out += '=';
            appendNumber(out, n.value);
            out += '\n';
        }
    }
    out += "open_time,open,high,low,close,volume,quote_volume,trades\n";
    return out;
}

QByteArray CandleFileWriter::csvRow(const Candle &c)
{
    QByteArray out;
    out.reserve(128);
    appendNumber(out, c.openTimeMs);
    for (const double v : {c.open, c.high, c.low, c.close, c.volume, c.quoteVolume}) {
        out += ',';
        appendNumber(out, v);
    }
    out += ',';
    appendNumber(out, c.trades);
    out += '\n';
    return out;
}

QByteArray CandleFileWriter::jsonSymbolLine(const SymbolInfo &info)
{
    // Names are restricted to [A-Za-z0-9._-] (checked by the file writers), so no escaping is needed.
    QByteArray out = R"({"type":"symbol","symbol":")" + info.name.toLatin1() + '"';
    if (!info.baseAsset.isEmpty())
        out += R"(,"base":")" + info.baseAsset.toLatin1() + '"';
    if (!info.quoteAsset.isEmpty())
        out += R"(,"quote":")" + info.quoteAsset.toLatin1() + '"';
    const struct {
        const char *key;
        double value;
    } numbers[] = {{"tick_size", info.tickSize}, {"lot_size", info.lotSize}, {"min_notional", info.minNotional}};
    for (const auto &n : numbers) {
        if (n.value > 0) {
            out += ",\"";
            out += n.key;
            out += "\":";
            appendNumber(out, n.value);
        }
    }
    out += "}\n";
    return out;
}

QByteArray CandleFileWriter::jsonCandleLine(const QString &symbol, const Candle &c)
{
    QByteArray out;
    out.reserve(160);
    out += R"({"symbol":")" + symbol.toLatin1() + R"(","t":)";
    appendNumber(out, c.openTimeMs);
    const struct {
        const char *key;
        double value;
    } values[] = {{",\"o\":", c.open},  {",\"h\":", c.high},   {",\"l\":", c.low},
                  {",\"c\":", c.close}, {",\"v\":", c.volume}, {",\"qv\":", c.quoteVolume}};
    for (const auto &v : values) {
        out += v.key;
        appendNumber(out, v.value);
    }
    out += ",\"n\":";
    appendNumber(out, c.trades);
    out += "}\n";
    return out;
}

bool CandleFileWriter::check(const RecordedSeries &series, QString *error)
{
    const SymbolInfo &info = series.info;
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!CandleFileReader::isValidSymbol(info.name))
        return fail(
            tr("\"%1\" is not a valid symbol name (1 to 40 of A-Z, a-z, 0-9, '.', '_', '-')").arg(info.name.left(40)));
    for (const QString &asset : {info.baseAsset, info.quoteAsset}) {
        if (!asset.isEmpty() && !CandleFileReader::isValidSymbol(asset))
            return fail(tr("%1: \"%2\" is not a valid asset name").arg(info.name, asset.left(40)));
    }
    for (const Candle &c : series.candles) {
        for (const double v : {c.open, c.high, c.low, c.close, c.volume, c.quoteVolume}) {
            if (!std::isfinite(v))
                return fail(
                    tr("%1: the bar at %2 holds a value that is not a finite number").arg(info.name).arg(c.openTimeMs));
        }
    }
    return true;
}

bool CandleFileWriter::writeCsvFile(const QString &path, const RecordedSeries &series, QString *error)
{
    if (!check(series, error))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(csvHeader(series.info));
    QByteArray block;
    for (const Candle &c : series.candles) {
        if (!c.closed)
            continue;
        block += csvRow(c);
        if (block.size() > 64 * 1024) {
            file.write(block);
            block.clear();
        }
    }
    file.write(block);
    return commit(file, path, error);
}

bool CandleFileWriter::writeJsonLinesFile(const QString &path, const QList<RecordedSeries> &series, QString *error)
{
    for (const RecordedSeries &s : series) {
        if (!check(s, error))
            return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    // Symbols in name order, so a merge by (time, position) is a merge by (time, name).
    QList<int> order(series.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return series[a].info.name < series[b].info.name; });
    QByteArray block;
    for (const int i : order)
        block += jsonSymbolLine(series[i].info);

    // k-way merge of the (individually time-ordered) series.
    struct Cursor {
        qint64 time;
        int rank;
        qsizetype index;
        bool operator>(const Cursor &o) const { return time != o.time ? time > o.time : rank > o.rank; }
    };
    std::priority_queue<Cursor, std::vector<Cursor>, std::greater<>> heap;
    auto pushNext = [&](int rank, qsizetype from) {
        const QList<Candle> &candles = series[order[rank]].candles;
        for (qsizetype k = from; k < candles.size(); ++k) {
            if (candles[k].closed) {
                heap.push({candles[k].openTimeMs, rank, k});
                return;
            }
        }
    };
    for (int rank = 0; rank < order.size(); ++rank)
        pushNext(rank, 0);
    while (!heap.empty()) {
        const Cursor cur = heap.top();
        heap.pop();
        const RecordedSeries &s = series[order[cur.rank]];
        block += jsonCandleLine(s.info.name, s.candles[cur.index]);
        if (block.size() > 64 * 1024) {
            file.write(block);
            block.clear();
        }
        pushNext(cur.rank, cur.index + 1);
    }
    file.write(block);
    return commit(file, path, error);
}

bool CandleFileWriter::writeFolder(const QString &folder, const QList<RecordedSeries> &series, Format format,
                                   QString *error)
{
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = tr("Cannot create the folder %1").arg(folder);
        return false;
    }
    const QDir dir(folder);
    if (format == Format::JsonLines)
        return writeJsonLinesFile(dir.filePath(QStringLiteral("candles.jsonl")), series, error);
    for (const RecordedSeries &s : series) { // all checked first, so bad input writes no file at all
        if (!check(s, error))
            return false;
    }
    for (const RecordedSeries &s : series) {
        if (!writeCsvFile(dir.filePath(s.info.name + QStringLiteral(".csv")), s, error))
            return false;
    }
    return true;
}

} // namespace bw
