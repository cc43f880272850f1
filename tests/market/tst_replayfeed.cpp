#include "market/CandleFileWriter.h"
#include "market/MarketService.h"
#include "market/ReplayFeed.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bw;

namespace {

constexpr qint64 kT0 = 1704067200000;
constexpr qint64 kInterval = 300000;

QString fixture(const QString &relative)
{
    return QStringLiteral(BW_TEST_DATA_DIR "/data/") + relative;
}

RecordedSeries makeSeries(const char *name, int first, int end, double price)
{
    RecordedSeries s;
    s.info.name = QString::fromLatin1(name);
    s.info.tickSize = 0.01;
    for (int i = first; i < end; ++i) {
        Candle c;
        c.openTimeMs = kT0 + i * kInterval;
        c.open = price;
        c.close = price * (i % 2 ? 1.01 : 0.995);
        c.high = std::max(c.open, c.close) * 1.002;
        c.low = std::min(c.open, c.close) * 0.998;
        c.volume = 10 + i;
        c.quoteVolume = c.volume * c.close;
        c.trades = i;
        c.closed = true;
        price = c.close;
        s.candles.append(c);
    }
    return s;
}

// Everything a feed emitted, in order.
struct Recorder {
    QStringList log;
    QList<MarketUpdateBatch> batches;
    QList<SymbolInfo> symbols;
    QStringList errors;

    explicit Recorder(ReplayFeed &feed)
    {
        QObject::connect(&feed, &MarketFeed::symbolsReady, &feed, [this](const QList<SymbolInfo> &s) {
            symbols = s;
            log << QStringLiteral("symbols");
        });
        QObject::connect(&feed, &MarketFeed::updatesReady, &feed, [this](const MarketUpdateBatch &b) {
            batches << b;
            log << QStringLiteral("batch");
        });
        QObject::connect(&feed, &MarketFeed::backfillProgress, &feed,
                         [this](int done, int total) { log << QStringLiteral("progress %1/%2").arg(done).arg(total); });
        QObject::connect(&feed, &MarketFeed::backfillFinished, &feed,
                         [this] { log << QStringLiteral("backfillFinished"); });
        QObject::connect(&feed, &MarketFeed::feedError, &feed, [this](const QString &message) {
            errors << message;
            log << QStringLiteral("error");
        });
        QObject::connect(&feed, &MarketFeed::finished, &feed, [this] { log << QStringLiteral("finished"); });
    }

    // A text form of every batch, to compare two runs exactly.
    QByteArray transcript() const
    {
        QByteArray out;
        for (const MarketUpdateBatch &b : batches) {
            out += QByteArray::number(b.marketTimeMs) + '\n';
            for (const CandleUpdate &c : b.candles)
                out += CandleFileWriter::jsonCandleLine(symbols.at(c.symbol).name, c.candle);
            for (const TickerUpdate &t : b.tickers)
                out += QByteArray::number(t.ticker.quoteVolume24h, 'g', 17) + ' ' +
                       QByteArray::number(t.ticker.changePct24h, 'g', 17) + '\n';
            for (const BookUpdate &k : b.books)
                out += QByteArray::number(k.book.bestBid, 'g', 17) + ' ' +
                       QByteArray::number(k.book.bidDepth05, 'g', 17) + '\n';
        }
        return out;
    }
};

void spinEventLoop()
{
    // Enough turns for every chunk a feed could have queued; the assertions after this check that nothing
    // more was emitted, which waiting for a signal cannot show.
    for (int i = 0; i < 50; ++i)
        QCoreApplication::processEvents();
}

} // namespace

class TestReplayFeed : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QList<RecordedSeries> m_series;

    ReplayConfig config() const
    {
        ReplayConfig c;
        c.path = m_dir.path();
        c.chunkBarTimes = 4;
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Three symbols with different spans: bar times 0-4 have AAA and CCC, 5-19 all three, 20-29 BBB and
        // CCC. Written in both formats, so the replay reads a folder holding both.
        m_series = {makeSeries("AAAUSDT", 0, 20, 100), makeSeries("BBBUSDT", 5, 30, 0.5),
                    makeSeries("CCCUSDT", 0, 30, 20000)};
        QString error;
        QVERIFY2(CandleFileWriter::writeCsvFile(m_dir.filePath(QStringLiteral("AAAUSDT.csv")), m_series[0], &error),
                 qPrintable(error));
        QVERIFY2(CandleFileWriter::writeJsonLinesFile(m_dir.filePath(QStringLiteral("rest.jsonl")),
                                                      {m_series[1], m_series[2]}, &error),
                 qPrintable(error));
    }

    void replaysAllSymbolsInGlobalTimeOrder()
    {
        ReplayFeed feed(config());
        Recorder rec(feed);
        QSignalSpy finished(&feed, &MarketFeed::finished);
        feed.start();
        QCOMPARE(feed.state(), ReplayFeed::State::Loading);
        QVERIFY(finished.wait());

        QCOMPARE(feed.state(), ReplayFeed::State::Finished);
        QCOMPARE(feed.barIntervalMs(), kInterval);
        QVERIFY(feed.sourceName().contains(m_dir.path()));
        QCOMPARE(rec.errors, QStringList());
        QCOMPARE(rec.log.first(), QStringLiteral("symbols"));
        QCOMPARE(rec.log.at(1), QStringLiteral("backfillFinished"));
        QCOMPARE(rec.log.last(), QStringLiteral("finished"));
        QCOMPARE(rec.log.count(QStringLiteral("finished")), 1);
        QCOMPARE(rec.symbols.size(), 3);
        QCOMPARE(rec.symbols.at(1).name, QStringLiteral("BBBUSDT"));
        QCOMPARE(rec.symbols.at(1).tickSize, 0.01);

        QCOMPARE(rec.batches.size(), 30);
        QCOMPARE(feed.barTimesTotal(), 30);
        QCOMPARE(feed.barTimesEmitted(), 30);
        QList<qsizetype> next(3, 0);
        for (int i = 0; i < rec.batches.size(); ++i) {
            const MarketUpdateBatch &b = rec.batches.at(i);
            const qint64 open = kT0 + i * kInterval;
            QCOMPARE(b.marketTimeMs, open + kInterval); // market time is the bar's close
            const int expected = (i < 5 || i >= 20) ? 2 : 3;
            QCOMPARE(b.candles.size(), expected);
            QCOMPARE(b.tickers.size(), expected);
            QCOMPARE(b.books.size(), expected);
            for (int k = 0; k < b.candles.size(); ++k) {
                const CandleUpdate &u = b.candles.at(k);
                QCOMPARE(u.candle.openTimeMs, open);
                QVERIFY(u.candle.closed);
                const Candle &input = m_series.at(u.symbol).candles.at(next[u.symbol]++);
                QCOMPARE(u.candle.close, input.close);
                QCOMPARE(u.candle.volume, input.volume);
                QCOMPARE(b.tickers.at(k).symbol, u.symbol);
                QCOMPARE(b.tickers.at(k).ticker.lastPrice, input.close);
                QCOMPARE(b.books.at(k).symbol, u.symbol);
                QVERIFY(b.books.at(k).book.estimated);
                QCOMPARE(b.books.at(k).book.mid(), input.close);
            }
        }
        // Every input bar was replayed once.
        for (int s = 0; s < 3; ++s)
            QCOMPARE(next[s], m_series.at(s).candles.size());
        // 24 h volume after 30 bars of 5 m: every bar so far.
        const Ticker24h last = rec.batches.last().tickers.last().ticker;
        double volume = 0;
        for (const Candle &c : m_series.at(2).candles)
            volume += c.volume;
        QCOMPARE(last.baseVolume24h, volume);
        QCOMPARE(last.openPrice24h, m_series.at(2).candles.first().open);
    }

    void feedsTheMarketStore()
    {
        // Recorded at 1 m, while a store defaults to 5 m: the service takes the replay's interval.
        QTemporaryDir dir;
        RecordedSeries s = makeSeries("DDDUSDT", 0, 40, 10);
        for (qsizetype i = 0; i < s.candles.size(); ++i)
            s.candles[i].openTimeMs = kT0 + i * 60000;
        QString error;
        QVERIFY2(CandleFileWriter::writeFolder(dir.path(), {s}, CandleFileWriter::Format::JsonLines, &error),
                 qPrintable(error));
        ReplayConfig c = config();
        c.path = dir.path();
        MarketService service(new ReplayFeed(c));
        QSignalSpy finished(&service, &MarketService::feedFinished);
        service.start();
        QVERIFY(finished.wait());
        const MarketStore &store = service.store();
        QCOMPARE(store.baseIntervalMs(), 60000);
        QCOMPARE(store.symbolCount(), 1);
        QCOMPARE(store.rejectedCandles(), 0);
        QCOMPARE(store.market(0).bars.size(), 40);
        QCOMPARE(store.market(0).bars.last().close, s.candles.last().close);
        QVERIFY(store.market(0).book.estimated);
        QCOMPARE(store.market(0).ticker.lastPrice, s.candles.last().close);
    }

    void fullSpeedYieldsToTheEventLoop()
    {
        ReplayFeed feed(config()); // 4 bar times per chunk
        Recorder rec(feed);
        QTimer ticker;
        ticker.setInterval(0);
        QObject::connect(&ticker, &QTimer::timeout, &feed, [&rec] { rec.log << QStringLiteral("tick"); });
        ticker.start();
        QSignalSpy finished(&feed, &MarketFeed::finished);
        feed.start();
        QVERIFY(finished.wait());
        ticker.stop();
        // Other events ran between chunks: no chunk is longer than 4 batches.
        int run = 0;
        int longest = 0;
        for (const QString &entry : std::as_const(rec.log)) {
            run = entry == u"batch" ? run + 1 : 0;
            longest = std::max(longest, run);
        }
        QCOMPARE(longest, 4);
        QCOMPARE(rec.batches.size(), 30);
    }

    void backfillComesFirst()
    {
        ReplayConfig c = config();
        c.backfillBars = 10;
        ReplayFeed feed(c);
        Recorder rec(feed);
        QSignalSpy finished(&feed, &MarketFeed::finished);
        feed.start();
        QVERIFY(finished.wait());
        const qsizetype end = rec.log.indexOf(QStringLiteral("backfillFinished"));
        QVERIFY(end > 0);
        QCOMPARE(rec.log.mid(0, end).count(QStringLiteral("batch")), 10);
        QCOMPARE(rec.log.at(1), QStringLiteral("progress 0/10"));
        QCOMPARE(rec.log.at(end - 1), QStringLiteral("progress 10/10"));
        QCOMPARE(rec.batches.size(), 30);
        QCOMPARE(rec.log.last(), QStringLiteral("finished"));
    }

    void replayIsDeterministic()
    {
        QByteArray transcripts[2];
        for (QByteArray &transcript : transcripts) {
            ReplayFeed feed(config());
            Recorder rec(feed);
            QSignalSpy finished(&feed, &MarketFeed::finished);
            feed.start();
            QVERIFY(finished.wait());
            transcript = rec.transcript();
        }
        QVERIFY(!transcripts[0].isEmpty());
        QCOMPARE(transcripts[0], transcripts[1]);
    }

    void pacedReplayDeliversEveryBar()
    {
        ReplayConfig c = config();
        c.barsPerSecond = 400; // a 10 ms tick with about 4 bars each; no timing is asserted
        ReplayFeed feed(c);
        Recorder rec(feed);
        QSignalSpy finished(&feed, &MarketFeed::finished);
        feed.start();
        QVERIFY(finished.wait(20000));
        QCOMPARE(rec.batches.size(), 30);
        for (int i = 1; i < rec.batches.size(); ++i)
            QVERIFY(rec.batches.at(i).marketTimeMs > rec.batches.at(i - 1).marketTimeMs);
    }

    void badDataFailsWithFeedErrorThenFinished()
    {
        ReplayConfig c = config();
        c.path = fixture(QStringLiteral("bad/high_below_low.csv"));
        ReplayFeed feed(c);
        Recorder rec(feed);
        QSignalSpy finished(&feed, &MarketFeed::finished);
        feed.start();
        QVERIFY(finished.wait());
        QCOMPARE(rec.log, (QStringList{QStringLiteral("error"), QStringLiteral("finished")}));
        QVERIFY2(rec.errors.first().contains(QStringLiteral("high_below_low.csv:3: high 98 is below low 99")),
                 qPrintable(rec.errors.first()));
        QCOMPARE(feed.state(), ReplayFeed::State::Failed);
        QCOMPARE(feed.barIntervalMs(), 0);
    }

    void skippedLinesAreReportedAndTheRestReplayed()
    {
        ReplayConfig c = config();
        c.path = fixture(QStringLiteral("bad/non_numeric.csv"));
        c.read.policy = BadLinePolicy::SkipBadLines;
        ReplayFeed feed(c);
        Recorder rec(feed);
        QSignalSpy finished(&feed, &MarketFeed::finished);
        feed.start();
        QVERIFY(finished.wait());
        QCOMPARE(rec.log.first(), QStringLiteral("symbols"));
        QCOMPARE(rec.errors.size(), 1);
        QVERIFY2(rec.errors.first().contains(QStringLiteral("non_numeric.csv:4: close \"abc\" is not a number")),
                 qPrintable(rec.errors.first()));
        QCOMPARE(rec.batches.size(), 5);
        QCOMPARE(feed.loadResult().skippedLines, 1);
        QCOMPARE(rec.log.last(), QStringLiteral("finished"));
    }

    void flowControlWaitsForTheConsumer()
    {
        ReplayConfig c = config();
        c.maxBatchesInFlight = 3;
        ReplayFeed feed(c);
        Recorder rec(feed);
        feed.start();
        QTRY_COMPARE(rec.batches.size(), 3);
        spinEventLoop();
        QCOMPARE(rec.batches.size(), 3); // nothing more until the consumer acknowledges
        feed.acknowledge(2);
        QTRY_COMPARE(rec.batches.size(), 5);
        spinEventLoop();
        QCOMPARE(rec.batches.size(), 5);

        QObject::connect(&feed, &MarketFeed::updatesReady, &feed, [&feed] { feed.acknowledge(); });
        QSignalSpy finished(&feed, &MarketFeed::finished);
        feed.acknowledge(3);
        QVERIFY(finished.wait());
        QCOMPARE(rec.batches.size(), 30);
    }

    void pauseAndResume()
    {
        ReplayFeed feed(config());
        Recorder rec(feed);
        QObject::connect(&feed, &MarketFeed::updatesReady, &feed, [&feed, &rec] {
            if (rec.batches.size() == 2)
                feed.pause();
        });
        feed.start();
        QTRY_COMPARE(rec.batches.size(), 2);
        spinEventLoop();
        QCOMPARE(rec.batches.size(), 2);
        QVERIFY(feed.isPaused());
        QSignalSpy finished(&feed, &MarketFeed::finished);
        feed.resume();
        QVERIFY(finished.wait());
        QCOMPARE(rec.batches.size(), 30);
    }

    void pauseBeforeTheDataIsLoaded()
    {
        ReplayFeed feed(config());
        Recorder rec(feed);
        feed.start();
        feed.pause();
        QTRY_COMPARE(rec.symbols.size(), 3); // loading goes on
        spinEventLoop();
        QCOMPARE(rec.batches.size(), 0);
        QSignalSpy finished(&feed, &MarketFeed::finished);
        feed.resume();
        QVERIFY(finished.wait());
        QCOMPARE(rec.batches.size(), 30);
    }

    void pauseRightAfterTheLastBackfillBar()
    {
        ReplayConfig c = config();
        c.backfillBars = 10;
        ReplayFeed feed(c);
        Recorder rec(feed);
        QObject::connect(&feed, &MarketFeed::updatesReady, &feed, [&feed, &rec] {
            if (rec.batches.size() == 10)
                feed.pause();
        });
        feed.start();
        QTRY_COMPARE(rec.batches.size(), 10);
        spinEventLoop();
        QVERIFY(!rec.log.contains(QStringLiteral("backfillFinished")));
        QSignalSpy finished(&feed, &MarketFeed::finished);
        feed.resume();
        QVERIFY(finished.wait());
        const qsizetype end = rec.log.indexOf(QStringLiteral("backfillFinished"));
        QCOMPARE(rec.log.mid(0, end).count(QStringLiteral("batch")), 10);
        QCOMPARE(rec.log.count(QStringLiteral("backfillFinished")), 1);
        QCOMPARE(rec.batches.size(), 30);
    }

    void stopEndsTheReplayWithoutFinished()
    {
        ReplayFeed feed(config());
        Recorder rec(feed);
        QObject::connect(&feed, &MarketFeed::updatesReady, &feed, [&feed] { feed.stop(); });
        feed.start();
        QTRY_COMPARE(rec.batches.size(), 1);
        spinEventLoop();
        QCOMPARE(rec.batches.size(), 1);
        QCOMPARE(feed.state(), ReplayFeed::State::Stopped);
        QVERIFY(!rec.log.contains(QStringLiteral("finished")));
    }

    void destroyedWhileLoading()
    {
        QStringList log;
        {
            ReplayFeed feed(config());
            Recorder rec(feed);
            feed.start();
            feed.stop();
            log = rec.log;
        } // the destructor cancels and joins the loader
        QVERIFY(log.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReplayFeed)
#include "tst_replayfeed.moc"
