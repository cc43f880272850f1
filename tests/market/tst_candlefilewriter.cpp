#include "market/CandleFileReader.h"
#include "market/CandleFileWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <random>

using namespace bw;

namespace {

constexpr qint64 kT0 = 1704067200000;
constexpr qint64 kMinute = 60000;

// Awkward doubles on purpose: values that print with many digits, tiny and huge prices.
QList<RecordedSeries> makeSeries()
{
    std::mt19937_64 random(42);
    std::uniform_real_distribution<double> noise(-0.004, 0.004);
    const struct {
        const char *name;
        double price;
        double tick;
    } specs[] = {{"BTCUSDT", 97123.45, 0.1}, {"PEPEUSDT", 0.0000123456, 1e-10}, {"ETHBTC", 0.0361, 0.00001}};
    QList<RecordedSeries> out;
    for (const auto &spec : specs) {
        RecordedSeries s;
        s.info.name = QString::fromLatin1(spec.name);
        std::tie(s.info.baseAsset, s.info.quoteAsset) = CandleFileReader::splitSymbol(s.info.name);
        s.info.tickSize = spec.tick;
        s.info.lotSize = 0.001;
        s.info.minNotional = 5;
        s.intervalMs = kMinute;
        double price = spec.price;
        for (int i = 0; i < 200; ++i) {
            Candle c;
            c.openTimeMs = kT0 + i * kMinute;
            c.open = price;
            c.close = price * (1 + noise(random));
            c.high = std::max(c.open, c.close) * (1 + std::abs(noise(random)));
            c.low = std::min(c.open, c.close) * (1 - std::abs(noise(random)));
            c.volume = 1000.0 / 3.0 * (i + 1);
            c.quoteVolume = c.volume * c.typical();
            c.trades = 17 * i;
            c.closed = true;
            price = c.close;
            s.candles.append(c);
        }
        out.append(s);
    }
    return out;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

void compareSeries(const QList<RecordedSeries> &read, const QList<RecordedSeries> &written)
{
    // The reader sorts by name.
    QList<RecordedSeries> expected = written;
    std::sort(expected.begin(), expected.end(),
              [](const RecordedSeries &a, const RecordedSeries &b) { return a.info.name < b.info.name; });
    QCOMPARE(read.size(), expected.size());
    for (qsizetype s = 0; s < read.size(); ++s) {
        const RecordedSeries &r = read.at(s);
        const RecordedSeries &e = expected.at(s);
        QCOMPARE(r.info.name, e.info.name);
        QCOMPARE(r.info.baseAsset, e.info.baseAsset);
        QCOMPARE(r.info.quoteAsset, e.info.quoteAsset);
        QVERIFY(sameBits(r.info.tickSize, e.info.tickSize));
        QVERIFY(sameBits(r.info.lotSize, e.info.lotSize));
        QVERIFY(sameBits(r.info.minNotional, e.info.minNotional));
        QCOMPARE(r.intervalMs, e.intervalMs);
        QCOMPARE(r.candles.size(), e.candles.size());
        for (qsizetype i = 0; i < r.candles.size(); ++i) {
            const Candle &a = r.candles.at(i);
            const Candle &b = e.candles.at(i);
            QCOMPARE(a.openTimeMs, b.openTimeMs);
            QVERIFY2(sameBits(a.open, b.open) && sameBits(a.high, b.high) && sameBits(a.low, b.low) &&
                         sameBits(a.close, b.close) && sameBits(a.volume, b.volume) &&
                         sameBits(a.quoteVolume, b.quoteVolume),
                     qPrintable(QStringLiteral("%1 bar %2").arg(r.info.name).arg(i)));
            QCOMPARE(a.trades, b.trades);
            QVERIFY(a.closed);
        }
    }
}

} // namespace

class TestCandleFileWriter : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsBitExactly_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("csv per symbol") << int(CandleFileWriter::Format::CsvPerSymbol);
        QTest::newRow("json lines") << int(CandleFileWriter::Format::JsonLines);
    }

    void roundTripsBitExactly()
    {
        QFETCH(int, format);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QList<RecordedSeries> series = makeSeries();
        QString error;
        QVERIFY2(CandleFileWriter::writeFolder(dir.path(), series, CandleFileWriter::Format(format), &error),
                 qPrintable(error));
        const CandleLoadResult result = CandleFileReader().readPath(dir.path());
        QVERIFY2(result.ok, qPrintable(result.summary()));
        QCOMPARE(result.problemCount(), 0);
        QCOMPARE(result.intervalMs, kMinute);
        compareSeries(result.series, series);
    }

    void jsonLinesAreInGlobalTimeOrder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.jsonl"));
        QString error;
        QVERIFY(CandleFileWriter::writeJsonLinesFile(path, makeSeries(), &error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.at(0).left(40), QByteArray("{\"type\":\"symbol\",\"symbol\":\"BTCUSDT\",\"bas"));
        QCOMPARE(lines.at(3),
                 QByteArray("{\"symbol\":\"BTCUSDT\",\"t\":1704067200000,\"o\":97123.45,") + lines.at(3).mid(51));
        QVERIFY(lines.at(4).startsWith("{\"symbol\":\"ETHBTC\",\"t\":1704067200000,"));
        QVERIFY(lines.at(5).startsWith("{\"symbol\":\"PEPEUSDT\",\"t\":1704067200000,"));
        QVERIFY(lines.at(6).startsWith("{\"symbol\":\"BTCUSDT\",\"t\":1704067260000,"));
    }

    void csvHeaderCarriesMetadata()
    {
        SymbolInfo info;
        info.name = QStringLiteral("BTCUSDT");
        info.baseAsset = QStringLiteral("BTC");
        info.quoteAsset = QStringLiteral("USDT");
        info.tickSize = 0.1;
        QCOMPARE(CandleFileWriter::csvHeader(info),
                 QByteArray("# base=BTC\n# quote=USDT\n# tick_size=0.1\n"
                            "open_time,open,high,low,close,volume,quote_volume,trades\n"));
        Candle c{kT0, 1.5, 2, 1, 1.25, 3, 0.1 + 0.2, 7, true};
        QCOMPARE(CandleFileWriter::csvRow(c), QByteArray("1704067200000,1.5,2,1,1.25,3,0.30000000000000004,7\n"));
    }

    void formingBarsAreNotWritten()
    {
        QTemporaryDir dir;
        QList<RecordedSeries> series = makeSeries();
        series[0].candles.last().closed = false;
        QString error;
        QVERIFY(CandleFileWriter::writeFolder(dir.path(), series, CandleFileWriter::Format::CsvPerSymbol, &error));
        const CandleLoadResult result = CandleFileReader().readPath(dir.path());
        QVERIFY(result.ok);
        QCOMPARE(result.series.at(0).candles.size(), 199);
    }

    void refusesWhatCannotBeReadBack()
    {
        QTemporaryDir dir;
        QList<RecordedSeries> series = makeSeries();
        series[1].info.name = QStringLiteral("BTC/USDT");
        QString error;
        QVERIFY(!CandleFileWriter::writeFolder(dir.path(), series, CandleFileWriter::Format::JsonLines, &error));
        QVERIFY2(error.contains(QStringLiteral("\"BTC/USDT\" is not a valid symbol")), qPrintable(error));

        series = makeSeries();
        series[2].candles[5].close = std::numeric_limits<double>::quiet_NaN();
        QVERIFY(!CandleFileWriter::writeFolder(dir.path(), series, CandleFileWriter::Format::CsvPerSymbol, &error));
        QVERIFY2(error.contains(QStringLiteral("ETHBTC")), qPrintable(error));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty()); // nothing half-written
    }
};

QTEST_APPLESS_MAIN(TestCandleFileWriter)
#include "tst_candlefilewriter.moc"
