#include "app/AppOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>

namespace bw {

QString AppOptionsParser::invalid(const QString &option, const QString &value, const QString &expected)
{
    return tr("invalid value '%1' for --%2: %3").arg(value, option, expected);
}

qint64 AppOptionsParser::parseInterval(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,6})\\s*([smhd]?)\\s*$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return -1;
    const qint64 count = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    qint64 unitMs = 60'000;
    if (unit == u"s")
        unitMs = 1000;
    else if (unit == u"h")
        unitMs = 3'600'000;
    else if (unit == u"d")
        unitMs = 86'400'000;
    return count * unitMs;
}

AppOptionsResult AppOptionsParser::parse(const QStringList &arguments)
{
    AppOptionsResult result;
    AppOptions &options = result.options;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Breakout scanner, paper trader and self-monitoring workstation for crypto perpetuals.\n"
           "Without a command it opens the desktop workstation on the embedded simulated market."));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                        tr("Show this help and exit."));
    const QCommandLineOption versionOption(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                           tr("Show the version and exit."));
    const QCommandLineOption headlessOption(QStringLiteral("headless"),
                                            tr("Run without a window and print a status line each second."));
    const QCommandLineOption sourceOption(QStringLiteral("source"),
                                          tr("Market data: simulated (default, the embedded market), replay "
                                             "(recorded candles, see --replay) or bybit (live, needs network "
                                             "access to the exchange)."),
                                          tr("SOURCE"));
    const QCommandLineOption replayOption(QStringLiteral("replay"),
                                          tr("Folder (or file) of recorded candles for --source replay."), tr("DIR"));
    const QCommandLineOption replaySpeedOption(
        QStringLiteral("replay-speed"),
        tr("Replay pace: bar times per second, or max (default %1).").arg(kDefaultReplayBarsPerSecond), tr("N|max"));
    const QCommandLineOption bybitRestOption(
        QStringLiteral("bybit-rest"),
        tr("Base URL of the Bybit REST API (default %1).").arg(options.feed.bybit.restBaseUrl.toString()), tr("URL"));
    const QCommandLineOption bybitWsOption(
        QStringLiteral("bybit-ws"),
        tr("URL of Bybit's public linear WebSocket stream (default %1).").arg(options.feed.bybit.wsBaseUrl.toString()),
        tr("URL"));
    const QCommandLineOption symbolsOption(QStringLiteral("symbols"),
                                           tr("Simulated market: number of symbols (1 to %1, default %2). Bybit: "
                                              "top:N (the N with the largest 24 h turnover) or all (default).")
                                               .arg(kMaxSymbols)
                                               .arg(options.symbols),
                                           tr("N|top:N|all"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        tr("Seed of the simulated market (default %1).").arg(options.seed), tr("S"));
    const QCommandLineOption intervalOption(QStringLiteral("bar-interval"),
                                            tr("Bar interval: 30s, 1m, 5m, 1h for the simulated market, a "
                                               "kline interval (1m to 12h) for bybit (default 5m)."),
                                            tr("INTERVAL"));
    const QCommandLineOption speedOption(QStringLiteral("speed"),
                                         tr("Speed-up of simulated time against real time (default: the "
                                            "simulation's own)."),
                                         tr("X"));
    const QCommandLineOption themeOption(QStringLiteral("theme"), tr("Colour theme: dark (default) or light."),
                                         tr("THEME"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"), tr("Language of the user interface: en, de (default: the system's)."), tr("LANG"));
    const QCommandLineOption statusEveryOption(QStringLiteral("status-every"),
                                               tr("Headless without a terminal: print the status line every "
                                                  "S seconds (default %1).")
                                                   .arg(options.statusEverySeconds),
                                               tr("S"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"), tr("Save a picture of the main window and quit."),
                                        tr("FILE"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption screenshotAfterOption(QStringLiteral("screenshot-after-ms"), tr("Delay before the screenshot."),
                                             tr("MS"));
    screenshotAfterOption.setFlags(QCommandLineOption::HiddenFromHelp);

    const QCommandLineOption tabOption(QStringLiteral("tab"),
                                       tr("Page the window opens on: market (default), scanner, trading or resources."),
                                       tr("PAGE"));

    const QCommandLineOption wsPortOption(
        QStringLiteral("ws-port"),
        tr("Port of the WebSocket server for remote viewers (default %1).").arg(options.serverPort), tr("PORT"));
    const QCommandLineOption wsBindOption(QStringLiteral("ws-bind"),
                                          tr("Address the WebSocket server listens on (default %1; other than "
                                             "loopback only with configured tokens).")
                                              .arg(options.serverBind),
                                          tr("ADDRESS"));
    const QCommandLineOption journalOption(QStringLiteral("journal"),
                                           tr("SQLite journal that keeps positions, orders and cash across "
                                              "restarts (default: journal.sqlite in the data folder)."),
                                           tr("FILE"));
    const QCommandLineOption noJournalOption(QStringLiteral("no-journal"),
                                             tr("Paper-trade without a journal: nothing survives a restart."));
    const QCommandLineOption noServerOption(QStringLiteral("no-server"),
                                            tr("Do not run the WebSocket server for remote viewers."));

    parser.addOptions({helpOption,        versionOption,         headlessOption, sourceOption,  replayOption,
                       replaySpeedOption, bybitRestOption,       bybitWsOption,  symbolsOption, seedOption,
                       intervalOption,    speedOption,           themeOption,    langOption,    statusEveryOption,
                       screenshotOption,  screenshotAfterOption, tabOption,      wsPortOption,  wsBindOption,
                       noServerOption,    journalOption,         noJournalOption});

    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    result.helpText = parser.helpText();
    if (parser.isSet(helpOption)) {
        result.helpRequested = true;
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.versionRequested = true;
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.error = tr("unknown command '%1'").arg(parser.positionalArguments().constFirst());
        return result;
    }

    options.givenOptions = parser.optionNames();

    // The language first: main() reports every other error in it.
    if (parser.isSet(langOption)) {
        static const QRegularExpression pattern(QStringLiteral("^[a-z]{2}(_[A-Z]{2})?$"));
        const QString value = parser.value(langOption);
        if (!pattern.match(value).hasMatch()) {
            result.error = invalid(QStringLiteral("lang"), value, tr("expected a language code such as en or de"));
            return result;
        }
        options.language = value;
    }
    options.headless = parser.isSet(headlessOption);
    options.serverEnabled = !parser.isSet(noServerOption);
    options.journalEnabled = !parser.isSet(noJournalOption);
    if (parser.isSet(journalOption)) {
        options.journalPath = parser.value(journalOption);
        if (options.journalPath.isEmpty()) {
            result.error = invalid(QStringLiteral("journal"), options.journalPath, tr("expected a file path"));
            return result;
        }
        if (!options.journalEnabled) {
            result.error = tr("--journal and --no-journal exclude each other");
            return result;
        }
    }
    if (parser.isSet(wsPortOption)) {
        const QString value = parser.value(wsPortOption);
        bool ok = false;
        const uint port = value.toUInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            result.error = invalid(QStringLiteral("ws-port"), value, tr("expected a port number from 1 to 65535"));
            return result;
        }
        options.serverPort = quint16(port);
    }
    if (parser.isSet(wsBindOption)) {
        const QString value = parser.value(wsBindOption);
        if (QHostAddress(value).isNull()) {
            result.error = invalid(QStringLiteral("ws-bind"), value, tr("expected an IP address such as 127.0.0.1"));
            return result;
        }
        options.serverBind = value;
    }

    using Source = FeedOptions::Source;
    FeedOptions &feed = options.feed;
    if (parser.isSet(sourceOption)) {
        const QString value = parser.value(sourceOption);
        if (!FeedOptions::parseSource(value, feed.source)) {
            result.error = invalid(QStringLiteral("source"), value, tr("expected simulated, replay or bybit"));
            return result;
        }
    } else if (parser.isSet(replayOption)) {
        feed.source = Source::Replay; // --replay DIR alone says which source is meant
    }
    const QString sourceName = feed.source == Source::Simulated ? QStringLiteral("simulated")
                               : feed.source == Source::Replay  ? QStringLiteral("replay")
                                                                : QStringLiteral("bybit");
    // Options of one source given with another are mistakes worth naming, not silently ignored.
    const auto onlyWith = [&](const QCommandLineOption &option, Source source, const QString &name) {
        if (!parser.isSet(option) || feed.source == source)
            return false;
        result.error =
            tr("--%1 applies to --source %2, not to --source %3").arg(option.names().constFirst(), name, sourceName);
        return true;
    };
    if (onlyWith(replayOption, Source::Replay, QStringLiteral("replay")) ||
        onlyWith(replaySpeedOption, Source::Replay, QStringLiteral("replay")) ||
        onlyWith(bybitRestOption, Source::Bybit, QStringLiteral("bybit")) ||
        onlyWith(bybitWsOption, Source::Bybit, QStringLiteral("bybit")) ||
        onlyWith(seedOption, Source::Simulated, QStringLiteral("simulated")) ||
        onlyWith(speedOption, Source::Simulated, QStringLiteral("simulated")) ||
        onlyWith(symbolsOption, feed.source == Source::Replay ? Source::Simulated : feed.source,
                 QStringLiteral("simulated|bybit")))
        return result;
    if (feed.source == Source::Replay && parser.isSet(intervalOption)) {
        result.error = tr("--bar-interval does not apply to --source replay: the recorded files set the interval");
        return result;
    }

    if (parser.isSet(symbolsOption)) {
        const QString value = parser.value(symbolsOption);
        if (feed.source == Source::Bybit) {
            if (!BybitSymbolSelection::parse(value, feed.bybit.symbols)) {
                result.error = invalid(QStringLiteral("symbols"), value,
                                       tr("expected top:N (N at least 1) or all with --source bybit"));
                return result;
            }
        } else {
            bool ok = false;
            const int symbols = value.toInt(&ok);
            if (!ok || symbols < 1 || symbols > kMaxSymbols) {
                result.error = invalid(
                    QStringLiteral("symbols"), value,
                    tr("expected a whole number from 1 to %1 (top:N and all need --source bybit)").arg(kMaxSymbols));
                return result;
            }
            options.symbols = symbols;
        }
    }
    if (parser.isSet(replayOption) || feed.source == Source::Replay) {
        const QString value = parser.value(replayOption);
        if (value.isEmpty()) {
            result.error = tr("--source replay needs --replay DIR, a folder (or file) of recorded candles");
            return result;
        }
        const QFileInfo info(value);
        if (!info.exists() || !info.isReadable()) {
            result.error =
                invalid(QStringLiteral("replay"), value, tr("no such folder or file (or it cannot be read)"));
            return result;
        }
        feed.replay.path = info.absoluteFilePath();
        feed.replay.barsPerSecond = kDefaultReplayBarsPerSecond;
        feed.replay.backfillBars = kReplayBackfillBars;
    }
    if (parser.isSet(replaySpeedOption)) {
        const QString value = parser.value(replaySpeedOption);
        bool ok = false;
        const double rate = value == u"max" ? 0 : value.toDouble(&ok);
        if (value != u"max" && (!ok || !(rate > 0) || rate > kMaxSpeed)) {
            result.error = invalid(QStringLiteral("replay-speed"), value,
                                   tr("expected max or bar times per second above 0 and at most %1").arg(kMaxSpeed));
            return result;
        }
        feed.replay.barsPerSecond = rate;
    }
    const auto url = [&](const QCommandLineOption &option, QUrl &out, QStringList schemes) {
        if (!parser.isSet(option))
            return true;
        const QString value = parser.value(option);
        const QUrl parsed(value, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty() || !schemes.contains(parsed.scheme())) {
            result.error = invalid(option.names().constFirst(), value,
                                   tr("expected a URL starting with %1")
                                       .arg(schemes.join(QStringLiteral(":// or ")) + QStringLiteral("://")));
            return false;
        }
        out = parsed;
        return true;
    };
    if (!url(bybitRestOption, feed.bybit.restBaseUrl, {QStringLiteral("https"), QStringLiteral("http")}) ||
        !url(bybitWsOption, feed.bybit.wsBaseUrl, {QStringLiteral("wss"), QStringLiteral("ws")}))
        return result;
    if (parser.isSet(seedOption)) {
        const QString value = parser.value(seedOption);
        bool ok = false;
        const quint64 seed = value.toULongLong(&ok);
        if (!ok) {
            result.error = invalid(QStringLiteral("seed"), value, tr("expected a non-negative whole number"));
            return result;
        }
        options.seed = seed;
    }
    if (parser.isSet(intervalOption)) {
        const QString value = parser.value(intervalOption);
        const qint64 ms = parseInterval(value);
        if (ms < 1000 || ms > 86'400'000) {
            result.error = invalid(QStringLiteral("bar-interval"), value,
                                   tr("expected a duration from 1s to 1d such as 30s, 1m, 5m, 1h"));
            return result;
        }
        options.barIntervalMs = ms;
    }
    if (parser.isSet(speedOption)) {
        const QString value = parser.value(speedOption);
        bool ok = false;
        const double speed = value.toDouble(&ok);
        if (!ok || !(speed > 0) || speed > kMaxSpeed) {
            result.error =
                invalid(QStringLiteral("speed"), value, tr("expected a number above 0 and at most %1").arg(kMaxSpeed));
            return result;
        }
        options.speed = speed;
    }
    if (parser.isSet(themeOption)) {
        const QString value = parser.value(themeOption);
        if (value == u"dark") {
            options.theme = ThemeChoice::Dark;
        } else if (value == u"light") {
            options.theme = ThemeChoice::Light;
        } else {
            result.error = invalid(QStringLiteral("theme"), value, tr("expected dark or light"));
            return result;
        }
    }
    if (parser.isSet(statusEveryOption)) {
        const QString value = parser.value(statusEveryOption);
        bool ok = false;
        const int seconds = value.toInt(&ok);
        if (!ok || seconds < 1 || seconds > 3600) {
            result.error =
                invalid(QStringLiteral("status-every"), value, tr("expected a whole number of seconds from 1 to 3600"));
            return result;
        }
        options.statusEverySeconds = seconds;
    }
    if (parser.isSet(screenshotOption)) {
        options.screenshotPath = parser.value(screenshotOption);
        if (options.screenshotPath.isEmpty()) {
            result.error = invalid(QStringLiteral("screenshot"), QString(), tr("expected a file name"));
            return result;
        }
    }
    if (parser.isSet(screenshotAfterOption)) {
        const QString value = parser.value(screenshotAfterOption);
        bool ok = false;
        const int ms = value.toInt(&ok);
        if (!ok || ms < 0 || ms > 600'000) {
            result.error =
                invalid(QStringLiteral("screenshot-after-ms"), value, tr("expected milliseconds from 0 to 600000"));
            return result;
        }
        options.screenshotAfterMs = ms;
    }
    if (parser.isSet(tabOption)) {
        const QString value = parser.value(tabOption);
        if (value != u"market" && value != u"scanner" && value != u"trading" && value != u"resources") {
            result.error = invalid(QStringLiteral("tab"), value, tr("expected market, scanner, trading or resources"));
            return result;
        }
        options.tab = value;
    }
    if (options.headless && !options.screenshotPath.isEmpty()) {
        result.error = tr("--screenshot needs the desktop window and cannot be combined with --headless");
        return result;
    }

    // The source's own limits (history length, tick rate, kline intervals) are reported like any bad option.
    feed.simulated.seed = options.seed;
    feed.simulated.symbols = options.symbols;
    feed.simulated.barIntervalMs = options.barIntervalMs;
    if (options.speed > 0)
        feed.simulated.speedUp = options.speed;
    switch (feed.source) {
    case Source::Simulated:
        result.error = feed.simulated.validate();
        break;
    case Source::Replay:
        break;
    case Source::Bybit:
        if (parser.isSet(intervalOption)) {
            static constexpr qint64 kBybitMinutes[] = {1, 3, 5, 15, 30, 60, 120, 240, 360, 720};
            if (std::find(std::begin(kBybitMinutes), std::end(kBybitMinutes), options.barIntervalMs / 60'000) ==
                    std::end(kBybitMinutes) ||
                options.barIntervalMs % 60'000 != 0) {
                result.error = invalid(QStringLiteral("bar-interval"), parser.value(intervalOption),
                                       tr("Bybit klines are whole minutes: 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 12h"));
                return result;
            }
            feed.bybit.intervalMinutes = int(options.barIntervalMs / 60'000);
        }
        result.error = feed.bybit.validate();
        break;
    }
    return result;
}

} // namespace bw
