#pragma once

#include "market/FeedFactory.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace bw {

enum class ThemeChoice { Dark, Light };

// The options of the default mode (desktop workstation or --headless), validated. Sub-commands parse
// their own options.
struct AppOptions {
    bool headless = false;
    // The market source, complete: --source with the options of that source (the simulated market from
    // --symbols N, --seed, --bar-interval, --speed; the replay from --replay and --replay-speed; Bybit from
    // --symbols top:N|all, --bar-interval, --bybit-rest and --bybit-ws). Validated.
    FeedOptions feed;
    int symbols = 300; // simulated symbols
    quint64 seed = 42;
    qint64 barIntervalMs = 5 * 60 * 1000;
    double speed = 0; // simulated market speed-up; 0 = the feed's default
    ThemeChoice theme = ThemeChoice::Dark;
    QString language; // "en", "de", ...; empty = the system locale
    // Non-terminal output (logs, pipes) gets a plain status line this often instead of every second.
    int statusEverySeconds = 10;
    // Hidden, for documentation: grab the main window into a PNG after a delay and quit.
    QString screenshotPath;
    int screenshotAfterMs = 4000;
    // WebSocket server for remote viewers (docs/protocol.md).
    bool serverEnabled = true;
    QString serverBind = QStringLiteral("127.0.0.1");
    quint16 serverPort = 8765;
    // SQLite journal of the paper-trading engine; empty: the default under the data location.
    QString journalPath;
    bool journalEnabled = true;
    // The main window's page to show first: "market", "scanner", "trading" or "resources".
    QString tab = QStringLiteral("market");
    // Names of the options given on the command line (long names, without dashes). Those override the
    // saved settings for this run: SettingsValues::withCommandLine.
    QStringList givenOptions;
};

struct AppOptionsResult {
    AppOptions options;
    QString error; // empty when the arguments are valid; otherwise names the option and the value
    bool helpRequested = false;
    bool versionRequested = false;
    QString helpText;
};

// Parses and validates the command line of the default mode. Needs no application object, so main()
// can decide between QApplication and QCoreApplication from the result; messages go through
// QCoreApplication::translate and come out translated when a translator is installed.
class AppOptionsParser final
{
    Q_DECLARE_TR_FUNCTIONS(bw::AppOptionsParser)

public:
    static constexpr int kMaxSymbols = 10'000;
    static constexpr double kMaxSpeed = 100'000;
    // A replay in the workstation runs at a pace one can watch unless --replay-speed says otherwise.
    static constexpr double kDefaultReplayBarsPerSecond = 20;
    static constexpr int kReplayBackfillBars = 200; // bar times of history before the engine trades

    static AppOptionsResult parse(const QStringList &arguments);

    // "30s", "5m", "1h", "1d" (a bare number is minutes). Returns -1 for anything else.
    static qint64 parseInterval(const QString &text);

private:
    static QString invalid(const QString &option, const QString &value, const QString &expected);
};

} // namespace bw
