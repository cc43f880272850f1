#include "market/CandleFileReader.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace bw;
using Kind = CandleFileIssue::Kind;

namespace {

QString dataPath(const QString &relative)
{
    return QStringLiteral(BW_TEST_DATA_DIR "/data/") + relative;
}

constexpr qint64 kT0 = 1704067200000; // 2024-01-01T00:00:00Z
constexpr qint64 kFiveMinutes = 300000;

CandleLoadResult readCsvText(const QByteArray &text, BadLinePolicy policy,
                             const QString &name = QStringLiteral("T.csv"))
{
    CandleFileReader reader({.policy = policy});
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    reader.addCsv(buffer, name, QStringLiteral("TESTUSDT"));
    return reader.finish();
}

const CandleFileIssue *findIssue(const CandleLoadResult &result, Kind kind)
{
    for (const CandleFileIssue &issue : result.issues) {
        if (issue.kind == kind)
            return &issue;
    }
    return nullptr;
}

} // namespace

class TestCandleFileReader : public QObject
{
    Q_OBJECT

private slots:
    void readsAFolderOfCsvFiles()
    {
        const CandleLoadResult result = CandleFileReader().readPath(dataPath(QStringLiteral("good")));
        QVERIFY2(result.ok, qPrintable(result.summary()));
        QCOMPARE(result.problemCount(), 0);
        QCOMPARE(result.intervalMs, kFiveMinutes);
        QCOMPARE(result.series.size(), 2);
        QCOMPARE(result.barCount, 24);

        const RecordedSeries &btc = result.series.at(0);
        QCOMPARE(btc.info.name, QStringLiteral("BTCUSDT"));
        QCOMPARE(btc.info.baseAsset, QStringLiteral("BTC"));
        QCOMPARE(btc.info.quoteAsset, QStringLiteral("USDT"));
        QCOMPARE(btc.info.tickSize, 0.1);
        QCOMPARE(btc.info.lotSize, 0.001);
        QCOMPARE(btc.info.minNotional, 5.0);
        QCOMPARE(btc.candles.size(), 12);
        const Candle &first = btc.candles.first();
        QCOMPARE(first.openTimeMs, kT0);
        QCOMPARE(first.open, 42000.0);
        QCOMPARE(first.high, 42025.0);
        QCOMPARE(first.low, 41950.0);
        QCOMPARE(first.close, 41975.0);
        QCOMPARE(first.volume, 10.0);
        QCOMPARE(first.trades, qint64(20));
        QVERIFY(first.closed);

        // ETHUSDT.csv: UTF-8 BOM, CRLF, ISO-8601 times, no quote_volume or trades column, an extra column.
        const RecordedSeries &eth = result.series.at(1);
        QCOMPARE(eth.info.name, QStringLiteral("ETHUSDT"));
        QCOMPARE(eth.info.tickSize, 0.0); // unknown: no metadata
        QCOMPARE(eth.candles.size(), 12);
        QCOMPARE(eth.candles.at(3).openTimeMs, kT0 + 3 * kFiveMinutes);
        const Candle &c = eth.candles.first();
        QCOMPARE(c.quoteVolume, c.volume * c.typical()); // computed when absent
        QCOMPARE(c.trades, qint64(0));
    }

    void readsAJsonLinesFileWithManySymbols()
    {
        const CandleLoadResult result = CandleFileReader().readPath(dataPath(QStringLiteral("good_jsonl")));
        QVERIFY2(result.ok, qPrintable(result.summary()));
        QCOMPARE(result.series.size(), 2);
        QCOMPARE(result.series.at(0).info.name, QStringLiteral("SOLUSDT"));
        QCOMPARE(result.series.at(0).info.tickSize, 0.01);
        QCOMPARE(result.series.at(0).info.lotSize, 0.1);
        QCOMPARE(result.series.at(1).info.name, QStringLiteral("XRPUSDT"));
        QCOMPARE(result.series.at(1).info.baseAsset, QStringLiteral("XRP"));
        QCOMPARE(result.series.at(1).candles.size(), 10);
        QCOMPARE(result.series.at(1).candles.at(0).open, 0.61);
        QCOMPARE(result.series.at(1).candles.at(0).quoteVolume, 6.086667);
        QCOMPARE(result.series.at(1).candles.at(0).trades, qint64(20));
    }

    void readsAFolderHoldingBothFormats()
    {
        const CandleLoadResult result = CandleFileReader().readPath(dataPath(QStringLiteral("mixed")));
        QVERIFY2(result.ok, qPrintable(result.summary()));
        QCOMPARE(result.series.size(), 2);
        QCOMPARE(result.series.at(0).info.name, QStringLiteral("BTCUSDT"));
        QCOMPARE(result.series.at(1).info.name, QStringLiteral("SOLUSDT"));
        QCOMPARE(result.series.at(1).files, QStringList{QStringLiteral("more.jsonl")});
        QCOMPARE(result.series.at(1).candles.at(2).openTimeMs, kT0 + 2 * kFiveMinutes); // ISO "t"
    }

    void reportsEachDefectWithFileAndLine_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<QString>("fragment");
        QTest::addColumn<int>("barsKeptWhenSkipping"); // -1: the file is unusable

        auto row = [](const char *file, Kind kind, qint64 line, const char *fragment, int kept) {
            QTest::newRow(file) << QString::fromLatin1(file) << int(kind) << line << QString::fromLatin1(fragment)
                                << kept;
        };
        row("missing_column.csv", Kind::MissingColumn, 1, "missing column(s): low", -1);
        row("dup_column.csv", Kind::DuplicateColumn, 1, "column volume appears twice", -1);
        row("no_header.csv", Kind::MissingHeader, 1, "not a header row", -1);
        row("empty.csv", Kind::EmptyFile, 0, "empty", -1);
        row("binary.csv", Kind::BinaryData, 0, "not a text file", -1);
        row("non_numeric.csv", Kind::NonNumeric, 4, "close \"abc\" is not a number", 5);
        row("bad_time.csv", Kind::NonNumeric, 4, "open_time \"yesterday\" is not a time", 5);
        row("field_count.csv", Kind::MalformedLine, 4, "has 5 fields, the header has 8", 5);
        row("high_below_low.csv", Kind::HighBelowLow, 3, "high 98 is below low 99", 5);
        row("open_outside.csv", Kind::OpenOutsideRange, 5, "open 106 is outside", 5);
        row("close_outside.csv", Kind::CloseOutsideRange, 6, "close 94.5 is outside", 5);
        row("zero_price.csv", Kind::NonPositivePrice, 4, "low 0 is not a positive price", 5);
        row("negative_volume.csv", Kind::NegativeVolume, 3, "volume -3 is negative", 5);
        row("duplicate_time.csv", Kind::DuplicateTimestamp, 5, "duplicates the bar on line 4", 5);
        row("out_of_order.csv", Kind::OutOfOrderTimestamp, 6, "is earlier than 2024-01-01T00:20:00Z on line 5", 6);
        row("gap.csv", Kind::Gap, 6, "2 bar(s) missing between 2024-01-01T00:15:00Z (line 5)", 6);
        row("bad_metadata.csv", Kind::BadMetadata, 1, "unknown metadata key \"colour\"", 6);
        row("bad_json.jsonl", Kind::MalformedLine, 3, "not valid JSON", 5);
        row("json_not_object.jsonl", Kind::MalformedLine, 2, "not a JSON object", 5);
        row("missing_key.jsonl", Kind::MissingField, 2, "missing key \"h\"", 5);
        row("json_non_numeric.jsonl", Kind::NonNumeric, 4, "\"c\" is not a number", 5);
        row("json_bad_symbol.jsonl", Kind::BadSymbol, 5, "\"symbol\" is not a valid symbol", 5);
        row("json_high_below_low.jsonl", Kind::HighBelowLow, 6, "is below low", 5);
        row("json_negative_price.jsonl", Kind::NonPositivePrice, 3, "open -1 is not a positive price", 5);
    }

    void reportsEachDefectWithFileAndLine()
    {
        QFETCH(QString, file);
        QFETCH(int, kind);
        QFETCH(qint64, line);
        QFETCH(QString, fragment);

        const CandleLoadResult result = CandleFileReader().readPath(dataPath(QStringLiteral("bad/") + file));
        QVERIFY(!result.ok);
        QVERIFY(result.series.isEmpty());
        const CandleFileIssue *issue = findIssue(result, Kind(kind));
        QVERIFY2(issue, qPrintable(result.summary()));
        QCOMPARE(issue->file, file);
        QCOMPARE(issue->line, line);
        const QString location = line > 0 ? QString(file + u':' + QString::number(line) + QStringLiteral(": "))
                                          : QString(file + QStringLiteral(": "));
        QVERIFY2(issue->message.startsWith(location), qPrintable(issue->message));
        QVERIFY2(issue->message.contains(fragment), qPrintable(issue->message));
        // The user-facing report names the source and carries the message.
        QVERIFY(result.summary().contains(issue->message));
        QVERIFY(result.summary().startsWith(QStringLiteral("Could not load candles from")));
    }

    void skipKeepsEveryValidBar_data() { reportsEachDefectWithFileAndLine_data(); }

    void skipKeepsEveryValidBar()
    {
        QFETCH(QString, file);
        QFETCH(int, kind);
        QFETCH(int, barsKeptWhenSkipping);

        const CandleLoadResult result =
            CandleFileReader({.policy = BadLinePolicy::SkipBadLines}).readPath(dataPath(QStringLiteral("bad/") + file));
        QVERIFY(findIssue(result, Kind(kind)));
        if (barsKeptWhenSkipping < 0) {
            QVERIFY(!result.ok); // nothing in the file can be used
            return;
        }
        QVERIFY2(result.ok, qPrintable(result.summary()));
        QCOMPARE(result.barCount, barsKeptWhenSkipping);
        QCOMPARE(result.series.size(), 1);
        const QList<Candle> &candles = result.series.first().candles;
        for (qsizetype i = 1; i < candles.size(); ++i)
            QVERIFY(candles.at(i).openTimeMs > candles.at(i - 1).openTimeMs);
    }

    void skipReportsManyBadLinesAndKeepsTheRest()
    {
        QByteArray text = "open_time,open,high,low,close,volume\n";
        int good = 0;
        for (int i = 0; i < 40; ++i) {
            const QByteArray t = QByteArray::number(kT0 + i * kFiveMinutes);
            switch (i % 4) {
            case 1:
                text += t + ",10,9,11,10,1\n"; // high < low
                break;
            case 2:
                if (i % 8 == 2) {
                    text += t + ",10,11,9,x,1\n"; // not a number
                    break;
                }
                [[fallthrough]];
            default:
                text += t + ",10,11,9,10.5," + QByteArray::number(i) + "\n";
                ++good;
            }
        }
        const CandleLoadResult abort = readCsvText(text, BadLinePolicy::Abort);
        QVERIFY(!abort.ok);
        QCOMPARE(abort.errorCount, 15);
        // First ten problems, then the count of the rest.
        const QStringList summaryLines = abort.summary(10).split(u'\n');
        QCOMPARE(summaryLines.size(), 1 + 10 + 1);
        QVERIFY(abort.warningCount > 0); // the gaps the bad lines leave
        QCOMPARE(summaryLines.last(), QStringLiteral("... and %1 more problem(s)").arg(abort.problemCount() - 10));
        QVERIFY(summaryLines.at(1).startsWith(QStringLiteral("T.csv:3: high 9 is below low 11")));

        const CandleLoadResult skip = readCsvText(text, BadLinePolicy::SkipBadLines);
        QVERIFY(skip.ok);
        QCOMPARE(skip.barCount, good);
        QCOMPARE(skip.skippedLines, 15);
        // The missing bars left by skipped lines are gaps: reported, never invented.
        QVERIFY(findIssue(skip, Kind::Gap));
        for (const Candle &c : skip.series.first().candles)
            QCOMPARE(c.close, 10.5);
    }

    void gapsStayGapsWhenSkipping()
    {
        const CandleLoadResult result =
            CandleFileReader({.policy = BadLinePolicy::SkipBadLines}).readPath(dataPath(QStringLiteral("bad/gap.csv")));
        QVERIFY(result.ok);
        QCOMPARE(result.warningCount, 1);
        QCOMPARE(result.errorCount, 0);
        const QList<Candle> &candles = result.series.first().candles;
        QCOMPARE(candles.size(), 6);
        QCOMPARE(candles.at(4).openTimeMs - candles.at(3).openTimeMs, 3 * kFiveMinutes);
    }

    void outOfOrderBarsArePutInOrderWhenSkipping()
    {
        const CandleLoadResult result = CandleFileReader({.policy = BadLinePolicy::SkipBadLines})
                                            .readPath(dataPath(QStringLiteral("bad/out_of_order.csv")));
        QVERIFY(result.ok);
        const QList<Candle> &candles = result.series.first().candles;
        for (qsizetype i = 0; i < candles.size(); ++i)
            QCOMPARE(candles.at(i).openTimeMs, kT0 + i * kFiveMinutes);
        QVERIFY(findIssue(result, Kind::OutOfOrderTimestamp)->message.contains(QStringLiteral("(kept")));
    }

    void duplicateKeepsTheFirstBar()
    {
        const QByteArray text = "open_time,open,high,low,close,volume\n"
                                "1704067200000,10,11,9,10,1\n"
                                "1704067500000,10,11,9,10,2\n"
                                "1704067500000,10,11,9,10,3\n"
                                "1704067800000,10,11,9,10,4\n";
        const CandleLoadResult result = readCsvText(text, BadLinePolicy::SkipBadLines);
        QVERIFY(result.ok);
        QCOMPARE(result.barCount, 3);
        QCOMPARE(result.series.first().candles.at(1).volume, 2.0);
        QCOMPARE(findIssue(result, Kind::DuplicateTimestamp)->line, 4);
    }

    void symbolWithAnotherIntervalIsReported()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto write = [&](const QString &name, qint64 step, int count) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("open_time,open,high,low,close,volume\n");
            for (int i = 0; i < count; ++i)
                f.write(QByteArray::number(kT0 + i * step) + ",10,11,9,10,1\n");
        };
        write(QStringLiteral("AAAUSDT.csv"), kFiveMinutes, 10);
        write(QStringLiteral("BBBUSDT.csv"), kFiveMinutes, 10);
        write(QStringLiteral("CCCUSDT.csv"), 60000, 10);
        const CandleLoadResult result = CandleFileReader({.policy = BadLinePolicy::SkipBadLines}).readPath(dir.path());
        QVERIFY(result.ok);
        QCOMPARE(result.intervalMs, kFiveMinutes);
        QCOMPARE(result.series.size(), 2);
        const CandleFileIssue *issue = findIssue(result, Kind::IntervalMismatch);
        QVERIFY(issue);
        QVERIFY2(issue->message.startsWith(QStringLiteral("CCCUSDT.csv: CCCUSDT has bars 1m apart")),
                 qPrintable(issue->message));
    }

    void survivesHostileInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("barsKept");

        const QByteArray header = "open_time,open,high,low,close,volume\n";
        const QByteArray goodRows = "1704067200000,10,11,9,10,1\n1704067500000,10,11,9,10,1\n";
        QByteArray huge(200 * 1024, 'A');
        QTest::newRow("huge line") << header + huge + "\n" + goodRows << int(Kind::LineTooLong) << 2;
        QTest::newRow("huge unterminated line") << header + goodRows + huge << int(Kind::LineTooLong) << 2;
        QTest::newRow("huge header") << huge << int(Kind::LineTooLong) << -1;
        std::mt19937 random(7);
        QByteArray junk(4096, '\0');
        for (char &c : junk)
            c = char(random() & 0xff);
        QTest::newRow("junk after header") << header + goodRows + junk << int(Kind::MalformedLine) << 2;
        QByteArray junkNoNul = junk;
        junkNoNul.replace('\0', 'x');
        QTest::newRow("junk file") << junkNoNul << int(Kind::MissingColumn) << -1;
        QTest::newRow("header only") << header << int(Kind::NoData) << -1;
        QTest::newRow("blank lines") << QByteArray("\n\n\r\n") << int(Kind::MissingHeader) << -1;
        QTest::newRow("nan and inf") << header + goodRows + "1704067800000,nan,11,9,10,1\n1704068100000,10,inf,9,10,1\n"
                                     << int(Kind::NonNumeric) << 2;
        QTest::newRow("time out of range") << header + goodRows + "99999999999999999,10,11,9,10,1\n"
                                           << int(Kind::NonNumeric) << 2;
        QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << int(Kind::MissingHeader) << -1;
    }

    void survivesHostileInput()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, kind);
        QFETCH(int, barsKept);

        const CandleLoadResult abort = readCsvText(text, BadLinePolicy::Abort);
        QVERIFY(!abort.ok);
        QVERIFY2(findIssue(abort, Kind(kind)), qPrintable(abort.summary()));
        for (const CandleFileIssue &issue : abort.issues) {
            QVERIFY(issue.message.startsWith(QStringLiteral("T.csv:")));
            QVERIFY(issue.message.size() < 400); // untrusted text is shortened in messages
        }
        const CandleLoadResult skip = readCsvText(text, BadLinePolicy::SkipBadLines);
        if (barsKept < 0) {
            QVERIFY(!skip.ok);
        } else {
            QVERIFY2(skip.ok, qPrintable(skip.summary()));
            QCOMPARE(skip.barCount, barsKept);
        }
    }

    void storedIssuesAreBounded()
    {
        QByteArray text = "open_time,open,high,low,close,volume\n";
        for (int i = 0; i < 5000; ++i)
            text += "x,1,1,1,1,1\n";
        CandleFileReader reader({.policy = BadLinePolicy::SkipBadLines, .maxStoredIssues = 50});
        QBuffer buffer(&text);
        buffer.open(QIODevice::ReadOnly);
        reader.addCsv(buffer, QStringLiteral("T.csv"), QStringLiteral("TUSDT"));
        const CandleLoadResult result = reader.finish();
        QCOMPARE(result.issues.size(), 50);
        QCOMPARE(result.errorCount, 5000 + 1);
        QVERIFY(!result.ok); // nothing valid: "no valid candles" is counted too, beyond the stored ones
    }

    void missingPathIsReported()
    {
        const CandleLoadResult result = CandleFileReader().readPath(dataPath(QStringLiteral("no_such_folder")));
        QVERIFY(!result.ok);
        QVERIFY(result.summary().contains(QStringLiteral("does not exist")));
    }

    void cancelStopsTheLoad()
    {
        std::atomic<bool> cancel{true};
        CandleFileReader reader;
        reader.setCancelFlag(&cancel);
        const CandleLoadResult result = reader.readPath(dataPath(QStringLiteral("good")));
        QVERIFY(!result.ok);
        QVERIFY(findIssue(result, Kind::Cancelled));
    }

    void splitsSymbols()
    {
        QCOMPARE(CandleFileReader::splitSymbol(QStringLiteral("BTCUSDT")),
                 std::make_pair(QStringLiteral("BTC"), QStringLiteral("USDT")));
        QCOMPARE(CandleFileReader::splitSymbol(QStringLiteral("ETHBTC")),
                 std::make_pair(QStringLiteral("ETH"), QStringLiteral("BTC")));
        QCOMPARE(CandleFileReader::splitSymbol(QStringLiteral("USDT")),
                 std::make_pair(QStringLiteral("USDT"), QString()));
        QVERIFY(!CandleFileReader::isValidSymbol(u"BTC/USDT"));
        QVERIFY(!CandleFileReader::isValidSymbol(u""));
        QVERIFY(CandleFileReader::isValidSymbol(u"1000PEPE-USDT.P"));
    }
};

QTEST_APPLESS_MAIN(TestCandleFileReader)
#include "tst_candlefilereader.moc"
