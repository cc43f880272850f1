#pragma once

#include "app/AppOptions.h"
#include "engine/RuntimeTuning.h"
#include "market/FeedFactory.h"
#include "server/Protocol.h"
#include "server/ServerConfig.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

namespace bw {

// One access token of the remote server. The token is a secret: it is written only to the settings file
// (mode 0600) and never to a log or an error message.
struct RemoteToken {
    QString name; // what the user calls it ("desk laptop"); shown, never used for authentication
    protocol::Role role = protocol::Role::Viewer;
    QString token;

    bool operator==(const RemoteToken &) const = default;
};

// A problem with one setting. `field` is the setting's key in the file ("remote/port"), so that a dialog
// can show the message next to the editor of that key.
struct SettingsIssue {
    QString field;
    QString message;

    bool operator==(const SettingsIssue &) const = default;
};

enum class DataSourceKind { Simulated, Replay, Bybit };

// Every user setting with its default. Defaults are the original's where it had one (reference §2.10
// SystemConfig, §4.7, §7.1) and otherwise the values the code runs with when nothing is configured.
struct SettingsValues {
    // General
    QString language = QStringLiteral("system"); // "system" or a language code: "en", "de"
    ThemeChoice theme = ThemeChoice::Dark;

    // Scanner
    int scanIntervalSeconds = 120; // the preset's scanner.scan_interval_seconds; 0: follow the preset
    int scannerThreads = 0;        // 0: one per core
    int maxConcurrentBatches = 2;

    // Memory pressure (PressureGovernor): the process's RSS budget and the levels, as a share of that
    // budget or of system RAM, at which the scanner's batches shrink and caches are trimmed.
    int memoryBudgetMiB = 1024;
    int pressureHighPercent = 70;
    int pressureCriticalPercent = 85;

    // Alerts (ResourceMonitor), reference §7.1
    int cpuWarningPercent = 70;
    int cpuCriticalPercent = 80;
    int memoryWarningPercent = 75;
    int memoryCriticalPercent = 85;
    int diskWarningPercent = 80;
    int diskCriticalPercent = 90;

    // Paper trading: the cash a new journal starts with (reference §2.10 paper_starting_balance).
    double paperStartingBalance = 100'000;

    // Data source
    DataSourceKind source = DataSourceKind::Simulated;
    QString replayFolder;
    QString bybitSymbols = QStringLiteral("all"); // "all" or "top:N"
    QString bybitRestUrl = QStringLiteral("https://api.bybit.com");
    QString bybitWsUrl = QStringLiteral("wss://stream.bybit.com/v5/public/linear");

    // Remote viewers (WebSocket server)
    bool serverEnabled = true;
    QString serverBind = QStringLiteral("127.0.0.1");
    int serverPort = 8765;
    QList<RemoteToken> tokens; // empty: an operator token is generated at every start (ServerToken)
    QString tlsCertificatePath;
    QString tlsKeyPath;

    bool operator==(const SettingsValues &) const = default;

    // Every problem, each naming its field; empty when the values can be used. Reads the TLS files and
    // checks the replay folder, so the result depends on the file system at the time of the call.
    QList<SettingsIssue> validate() const;

    // The values the live engine can take without a restart.
    RuntimeTuning tuning() const;
    // The server configuration with tokens and TLS. `errors` gets what stops the server from starting with
    // it (the same messages as validate() gives for the remote/ fields); the certificate and key are read
    // and parsed here, so a bad file is reported before the server thread starts.
    ServerConfig serverConfig(QStringList *errors = nullptr) const;
    // The feed to build: `base` (what the command line sets: the simulated market's symbols, seed, bar interval
    // and speed, the replay pace, the Bybit limits) with the source, the replay folder, the Bybit symbol
    // selection and base URLs from these settings. A Bybit selection that does not parse keeps base's
    // (validate() reports it).
    FeedOptions feedOptions(FeedOptions base = {}) const;

    // Command-line options override settings, for this run only (nothing is saved): --theme, --lang,
    // --ws-port, --ws-bind and --no-server replace the matching settings when they were given
    // (AppOptions::givenOptions); options not given leave the settings in force.
    SettingsValues withCommandLine(const AppOptions &options) const;

    // The language for AppOptions::language and the translators: empty for "system".
    QString languageCode() const { return language == u"system" ? QString() : language; }

    static QString sourceName(DataSourceKind kind); // "simulated", "replay", "bybit"
};

// The typed facade over the settings file (QSettings, INI). Holds the last loaded or saved values; the
// composition root reads them once at start and hands copies (never this object) to the parts that need
// them. Workers never read settings themselves.
//
// The file holds the remote tokens, so it is kept at mode 0600: created that way before anything is
// written, and restricted again if it was found wider.
class Settings final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kVersion = 1; // written as "version"; a newer file is read as far as it is understood

    // <AppConfigLocation>/settings.ini
    explicit Settings(QObject *parent = nullptr);
    // Any file (tests use a temporary folder).
    explicit Settings(QString filePath, QObject *parent = nullptr);
    ~Settings() override;

    static QString defaultFilePath();
    QString filePath() const { return m_filePath; }
    const SettingsValues &values() const { return m_values; }

    // Reads the file. A missing file gives the defaults and no issue. A value that cannot be read (not a
    // number, an unknown name) keeps its default and is reported, naming the key; other keys still load.
    QList<SettingsIssue> load();
    // Writes every value (mode 0600) and emits changed(). Does not validate: callers save what validate()
    // accepted. False with *error naming the file and the reason when it cannot be written.
    bool save(const SettingsValues &values, QString *error = nullptr);

    // A fresh random token for the remote server (64 hex characters).
    static QString generateToken();

signals:
    void changed(const bw::SettingsValues &values);

private:
    QString m_filePath;
    SettingsValues m_values;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::SettingsValues)
