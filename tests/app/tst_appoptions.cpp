#include "app/AppOptions.h"

#include <QtTest>

using namespace bw;
using namespace Qt::StringLiterals;

namespace {

AppOptionsResult parse(QStringList arguments)
{
    arguments.prepend(u"breakout-workstation"_s);
    return AppOptionsParser::parse(arguments);
}

} // namespace

class TestAppOptions : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        const AppOptionsResult result = parse({});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(!result.options.headless);
        QCOMPARE(result.options.symbols, 300);
        QCOMPARE(result.options.barIntervalMs, 300'000);
        QCOMPARE(result.options.theme, ThemeChoice::Dark);
        QVERIFY(result.options.language.isEmpty());
        QCOMPARE(result.options.tab, u"market"_s);
    }

    void opensOnTheResourcesTab()
    {
        const AppOptionsResult result = parse({u"--tab"_s, u"resources"_s});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.options.tab, u"resources"_s);
    }

    void acceptsEveryOption()
    {
        const AppOptionsResult result = parse({u"--headless"_s, u"--symbols"_s, u"2000"_s, u"--seed"_s, u"7"_s,
                                               u"--bar-interval"_s, u"1h"_s, u"--speed"_s, u"120.5"_s, u"--theme"_s,
                                               u"light"_s, u"--lang"_s, u"de"_s, u"--status-every"_s, u"5"_s});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(result.options.headless);
        QCOMPARE(result.options.symbols, 2000);
        QCOMPARE(result.options.seed, 7u);
        QCOMPARE(result.options.barIntervalMs, 3'600'000);
        QCOMPARE(result.options.speed, 120.5);
        QCOMPARE(result.options.theme, ThemeChoice::Light);
        QCOMPARE(result.options.language, u"de"_s);
        QCOMPARE(result.options.statusEverySeconds, 5);
    }

    void serverAndJournalOptions()
    {
        AppOptionsResult result = parse({});
        QVERIFY(result.options.serverEnabled);
        QCOMPARE(result.options.serverPort, quint16(8765));
        QCOMPARE(result.options.serverBind, u"127.0.0.1"_s);
        QVERIFY(result.options.journalEnabled);
        QVERIFY(result.options.journalPath.isEmpty());

        result = parse({u"--ws-port"_s, u"9001"_s, u"--ws-bind"_s, u"::1"_s, u"--journal"_s, u"/data/j.sqlite"_s});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.options.serverPort, quint16(9001));
        QCOMPARE(result.options.serverBind, u"::1"_s);
        QCOMPARE(result.options.journalPath, u"/data/j.sqlite"_s);

        result = parse({u"--no-server"_s, u"--no-journal"_s});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(!result.options.serverEnabled);
        QVERIFY(!result.options.journalEnabled);
    }

    void intervals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("seconds") << u"30s"_s << qint64(30'000);
        QTest::newRow("minutes") << u"5m"_s << qint64(300'000);
        QTest::newRow("bare number is minutes") << u"15"_s << qint64(900'000);
        QTest::newRow("hours") << u"4h"_s << qint64(14'400'000);
        QTest::newRow("day") << u"1d"_s << qint64(86'400'000);
        QTest::newRow("unknown unit") << u"5x"_s << qint64(-1);
        QTest::newRow("negative") << u"-5m"_s << qint64(-1);
        QTest::newRow("empty") << QString() << qint64(-1);
    }
    void intervals()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QCOMPARE(AppOptionsParser::parseInterval(text), ms);
    }

    void rejectsBadValuesNamingTheOption_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("symbols not a number") << QStringList{u"--symbols"_s, u"many"_s} << u"--symbols"_s;
        QTest::newRow("symbols zero") << QStringList{u"--symbols"_s, u"0"_s} << u"--symbols"_s;
        QTest::newRow("symbols too many") << QStringList{u"--symbols"_s, u"10001"_s} << u"10000"_s;
        QTest::newRow("seed negative") << QStringList{u"--seed"_s, u"-3"_s} << u"--seed"_s;
        QTest::newRow("interval unit") << QStringList{u"--bar-interval"_s, u"5x"_s} << u"--bar-interval"_s;
        QTest::newRow("interval too long") << QStringList{u"--bar-interval"_s, u"2d"_s} << u"--bar-interval"_s;
        QTest::newRow("speed zero") << QStringList{u"--speed"_s, u"0"_s} << u"--speed"_s;
        QTest::newRow("speed text") << QStringList{u"--speed"_s, u"fast"_s} << u"--speed"_s;
        QTest::newRow("theme") << QStringList{u"--theme"_s, u"blue"_s} << u"dark or light"_s;
        QTest::newRow("lang") << QStringList{u"--lang"_s, u"german"_s} << u"--lang"_s;
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << u"frobnicate"_s;
        QTest::newRow("missing value") << QStringList{u"--symbols"_s} << u"symbols"_s;
        QTest::newRow("unknown command") << QStringList{u"scna"_s} << u"scna"_s;
        QTest::newRow("tab") << QStringList{u"--tab"_s, u"charts"_s} << u"market, scanner, trading or resources"_s;
        QTest::newRow("ws-port zero") << QStringList{u"--ws-port"_s, u"0"_s} << u"--ws-port"_s;
        QTest::newRow("ws-port too big") << QStringList{u"--ws-port"_s, u"70000"_s} << u"65535"_s;
        QTest::newRow("ws-bind not an address") << QStringList{u"--ws-bind"_s, u"localhost:1"_s} << u"--ws-bind"_s;
        QTest::newRow("journal and no journal")
            << QStringList{u"--journal"_s, u"/tmp/j.sqlite"_s, u"--no-journal"_s} << u"--no-journal"_s;
        QTest::newRow("screenshot headless")
            << QStringList{u"--headless"_s, u"--screenshot"_s, u"x.png"_s} << u"--headless"_s;
        QTest::newRow("unknown source") << QStringList{u"--source"_s, u"binance"_s} << u"--source"_s;
        QTest::newRow("replay without folder") << QStringList{u"--source"_s, u"replay"_s} << u"--replay DIR"_s;
        QTest::newRow("replay folder missing")
            << QStringList{u"--replay"_s, u"/nonexistent/recorded"_s} << u"/nonexistent/recorded"_s;
        QTest::newRow("replay with another source")
            << QStringList{u"--source"_s, u"bybit"_s, u"--replay"_s, u"/tmp"_s} << u"--replay"_s;
        QTest::newRow("replay speed text")
            << QStringList{u"--replay"_s, u"/tmp"_s, u"--replay-speed"_s, u"fast"_s} << u"--replay-speed"_s;
        QTest::newRow("replay symbols") << QStringList{u"--replay"_s, u"/tmp"_s, u"--symbols"_s, u"5"_s}
                                        << u"--symbols"_s;
        QTest::newRow("replay interval") << QStringList{u"--replay"_s, u"/tmp"_s, u"--bar-interval"_s, u"1h"_s}
                                         << u"--bar-interval"_s;
        QTest::newRow("simulated top:N") << QStringList{u"--symbols"_s, u"top:50"_s} << u"--symbols"_s;
        QTest::newRow("bybit count") << QStringList{u"--source"_s, u"bybit"_s, u"--symbols"_s, u"50"_s} << u"top:N"_s;
        QTest::newRow("bybit top:0") << QStringList{u"--source"_s, u"bybit"_s, u"--symbols"_s, u"top:0"_s}
                                     << u"top:0"_s;
        QTest::newRow("bybit seed") << QStringList{u"--source"_s, u"bybit"_s, u"--seed"_s, u"3"_s} << u"--seed"_s;
        QTest::newRow("bybit rest not a url")
            << QStringList{u"--source"_s, u"bybit"_s, u"--bybit-rest"_s, u"api.bybit.com"_s} << u"--bybit-rest"_s;
        QTest::newRow("bybit ws http") << QStringList{u"--source"_s, u"bybit"_s, u"--bybit-ws"_s,
                                                      u"https://stream.bybit.com"_s}
                                       << u"--bybit-ws"_s;
        QTest::newRow("bybit url with simulated")
            << QStringList{u"--bybit-rest"_s, u"https://api.bybit.com"_s} << u"--source bybit"_s;
        QTest::newRow("bybit odd interval")
            << QStringList{u"--source"_s, u"bybit"_s, u"--bar-interval"_s, u"7m"_s} << u"--bar-interval"_s;
        QTest::newRow("bybit seconds interval")
            << QStringList{u"--source"_s, u"bybit"_s, u"--bar-interval"_s, u"30s"_s} << u"--bar-interval"_s;
    }

    void marketSources()
    {
        AppOptionsResult result = parse({u"--symbols"_s, u"40"_s, u"--seed"_s, u"9"_s, u"--speed"_s, u"50"_s});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.options.feed.source, FeedOptions::Source::Simulated);
        QCOMPARE(result.options.feed.simulated.symbols, 40);
        QCOMPARE(result.options.feed.simulated.seed, 9u);
        QCOMPARE(result.options.feed.simulated.speedUp, 50.0);

        const QString folder = QStringLiteral(BW_TEST_DATA_DIR "/../data/sim-small");
        result = parse({u"--source"_s, u"replay"_s, u"--replay"_s, folder});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.options.feed.source, FeedOptions::Source::Replay);
        QCOMPARE(result.options.feed.replay.path, QFileInfo(folder).absoluteFilePath());
        QCOMPARE(result.options.feed.replay.barsPerSecond, AppOptionsParser::kDefaultReplayBarsPerSecond);
        QVERIFY(result.options.feed.replay.backfillBars > 0);
        // --replay alone means the replay source; max is as fast as possible.
        result = parse({u"--replay"_s, folder, u"--replay-speed"_s, u"max"_s});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.options.feed.source, FeedOptions::Source::Replay);
        QCOMPARE(result.options.feed.replay.barsPerSecond, 0.0);

        result = parse({u"--source"_s, u"bybit"_s});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.options.feed.source, FeedOptions::Source::Bybit);
        QCOMPARE(result.options.feed.bybit.symbols.topN, 0); // all
        result = parse({u"--source"_s, u"bybit"_s, u"--symbols"_s, u"top:25"_s, u"--bar-interval"_s, u"15m"_s,
                        u"--bybit-rest"_s, u"http://127.0.0.1:8080"_s, u"--bybit-ws"_s,
                        u"ws://127.0.0.1:8081/v5/public/linear"_s});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.options.feed.bybit.symbols.topN, 25);
        QCOMPARE(result.options.feed.bybit.intervalMinutes, 15);
        QCOMPARE(result.options.feed.bybit.restBaseUrl, QUrl(u"http://127.0.0.1:8080"_s));
        QCOMPARE(result.options.feed.bybit.wsBaseUrl, QUrl(u"ws://127.0.0.1:8081/v5/public/linear"_s));
    }
    void rejectsBadValuesNamingTheOption()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const AppOptionsResult result = parse(arguments);
        QVERIFY(!result.error.isEmpty());
        QVERIFY2(result.error.contains(mentions), qPrintable(result.error));
    }

    void helpAndVersion()
    {
        QVERIFY(parse({u"--help"_s}).helpRequested);
        QVERIFY(parse({u"--help"_s}).helpText.contains(u"--headless"_s));
        QVERIFY(!parse({u"--help"_s}).helpText.contains(u"--screenshot"_s)); // a hidden documentation aid
        QVERIFY(parse({u"--help"_s}).helpText.contains(u"--source"_s));
        QVERIFY(parse({u"--version"_s}).versionRequested);
    }
};

QTEST_GUILESS_MAIN(TestAppOptions)
#include "tst_appoptions.moc"
