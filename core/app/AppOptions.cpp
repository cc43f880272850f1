#include "app/AppOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

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
    const QCommandLineOption symbolsOption(
        QStringLiteral("symbols"),
        tr("Number of simulated symbols (1 to %1, default %2).").arg(kMaxSymbols).arg(options.symbols), tr("N"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        tr("Seed of the simulated market (default %1).").arg(options.seed), tr("S"));
    const QCommandLineOption intervalOption(QStringLiteral("bar-interval"),
                                            tr("Bar interval of the simulated market: 30s, 1m, 5m, 1h "
                                               "(default 5m)."),
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
                                       tr("Page the window opens on: market (default) or resources."), tr("PAGE"));

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

    parser.addOptions({helpOption, versionOption, headlessOption, symbolsOption, seedOption, intervalOption,
                       speedOption, themeOption, langOption, statusEveryOption, screenshotOption, screenshotAfterOption,
                       tabOption, wsPortOption, wsBindOption, noServerOption, journalOption, noJournalOption});

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

    if (parser.isSet(symbolsOption)) {
        const QString value = parser.value(symbolsOption);
        bool ok = false;
        const int symbols = value.toInt(&ok);
        if (!ok || symbols < 1 || symbols > kMaxSymbols) {
            result.error =
                invalid(QStringLiteral("symbols"), value, tr("expected a whole number from 1 to %1").arg(kMaxSymbols));
            return result;
        }
        options.symbols = symbols;
    }
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
        if (value != u"market" && value != u"resources") {
            result.error = invalid(QStringLiteral("tab"), value, tr("expected market or resources"));
            return result;
        }
        options.tab = value;
    }
    if (options.headless && !options.screenshotPath.isEmpty()) {
        result.error = tr("--screenshot needs the desktop window and cannot be combined with --headless");
        return result;
    }
    return result;
}

} // namespace bw
