#include "DefaultMode.h"

#include "app/AppContext.h"
#include "app/AppLog.h"
#include "app/AppOptions.h"
#include "app/HeadlessStatus.h"
#include "app/LocalSession.h"
#include "app/RemoteSession.h"
#include "app/Settings.h"
#include "app/UnixSignalWatcher.h"
#include "engine/Engine.h"
#include "monitor/PidFile.h"
#include "monitor/PressureGovernor.h"
#include "monitor/ProcessMonitor.h"
#include "monitor/ResourceMonitor.h"
#include "server/ServerConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QLibraryInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#ifdef BW_WITH_UI
#include "common/Theme.h"
#include "mainwindow/MainWindow.h"
#include "monitor/ResourceDashboard.h"
#include "settings/SettingsDialog.h"

#include <QApplication>
#include <QMessageBox>
#include <QPixmap>
#endif

#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>

namespace bw::app {

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QStringList availableLanguages()
{
    const QString prefix = QStringLiteral("breakout-workstation_");
    const QString suffix = QStringLiteral(".qm");
    QStringList languages{QStringLiteral("en")};
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({prefix + u'*' + suffix});
    for (const QString &file : files)
        languages << file.mid(prefix.size(), file.size() - prefix.size() - suffix.size());
    return languages;
}

// Installs the translators for `language` ("" = the system's). Returns false when an explicitly chosen
// language has no translation.
bool loadTranslations(QCoreApplication &app, const QString &language)
{
    QLocale locale = QLocale::system();
    if (!language.isEmpty()) {
        locale = QLocale(language);
        // Numbers and dates follow the chosen language too.
        QLocale::setDefault(locale);
        if (language == u"en" || language.startsWith(u"en_"))
            return true;
    }
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("breakout-workstation"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
    } else if (!language.isEmpty()) {
        return false;
    }
    // Qt's own strings (standard dialogs, context menus) when the distribution ships them.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return true;
}

QStringList argumentList(int argc, char *argv[])
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

// What this run uses: the settings file with the command line on top, for this run only.
struct RunSettings {
    SettingsValues values;
    FeedOptions feed;
    std::optional<ServerConfig> server; // none: --no-server, disabled in the settings, or unusable
};

RunSettings resolveSettings(const Settings &settings, const AppOptions &options)
{
    RunSettings run;
    run.values = settings.values().withCommandLine(options);
    // The data source: the command line's when it names one, otherwise the settings' (on the command line's
    // simulated-market parameters).
    const QStringList &given = options.givenOptions;
    const bool sourceGiven = given.contains(QStringLiteral("source")) || given.contains(QStringLiteral("replay")) ||
                             options.feed.source != FeedOptions::Source::Simulated;
    run.feed = sourceGiven ? options.feed : run.values.feedOptions(options.feed);
    // Both modes run the WebSocket server unless it is switched off; tokens and TLS come from the settings.
    if (run.values.serverEnabled) {
        QStringList errors;
        const ServerConfig config = run.values.serverConfig(&errors);
        if (errors.isEmpty())
            run.server = config;
        for (const QString &error : std::as_const(errors))
            err() << QCoreApplication::translate("bw::app::DefaultMode", "WebSocket server not started: %1").arg(error)
                  << Qt::endl;
    }
    return run;
}

// Hands the live-applicable settings to the engine of `context` (queued: it lives on the engine thread).
void applyEngineTuning(AppContext *context, const SettingsValues &values)
{
    if (context == nullptr || context->engine() == nullptr)
        return;
    const RuntimeTuning tuning = values.tuning();
    Engine *engine = context->engine();
    QMetaObject::invokeMethod(
        engine, [engine, tuning] { engine->applyTuning(tuning); }, Qt::QueuedConnection);
}

// Hands the memory budget, pressure levels and alert limits to the process monitor (queued: it lives on the
// monitor thread). Once per change: it outlives the engines.
void applyMonitorTuning(ProcessMonitor *process, const SettingsValues &values)
{
    const RuntimeTuning tuning = values.tuning();
    PressureGovernor *governor = process->pressureGovernor();
    QMetaObject::invokeMethod(
        governor,
        [governor, tuning] {
            governor->setMemoryThresholds(tuning.memoryBudgetBytes, tuning.pressureHigh, tuning.pressureCritical);
        },
        Qt::QueuedConnection);
    ResourceMonitor *monitor = process->resourceMonitor();
    QMetaObject::invokeMethod(
        monitor, [monitor, tuning] { monitor->setLimits(tuning.resourceLimits(monitor->limits())); },
        Qt::QueuedConnection);
}

// Where the server listens and where a generated operator token was written is printed once, so a remote
// viewer can be pointed at it.
void reportServerStarted(const QString &address, quint16 port, const QString &tokenFile)
{
    err() << QCoreApplication::translate("bw::app::DefaultMode", "Remote viewers: ws://%1:%2, operator token in %3")
                 .arg(address)
                 .arg(port)
                 .arg(tokenFile)
          << Qt::endl;
}

void reportServerFailed(const QString &reason)
{
    err() << QCoreApplication::translate("bw::app::DefaultMode", "WebSocket server not started: %1").arg(reason)
          << Qt::endl;
}

// The journal this instance paper-trades into. A second instance of the workstation (the pid file is
// held by another) runs without the default journal, so two engines never write one file.
QString journalPath(const AppOptions &options, bool firstInstance)
{
    if (!options.journalEnabled)
        return {};
    if (!options.journalPath.isEmpty())
        return options.journalPath;
    if (!firstInstance) {
        err() << QCoreApplication::translate("bw::app::DefaultMode",
                                             "Another workstation is running: this one trades without a journal.")
              << Qt::endl;
        return {};
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/journal.sqlite");
}

int runHeadless(QCoreApplication &app, const AppOptions &options, const RunSettings &run, bool firstInstance)
{
    QString feedError;
    const std::unique_ptr<AppContext> built =
        AppContext::create(run.feed, journalPath(options, firstInstance), &feedError);
    if (!built) {
        err() << "breakout-workstation: " << feedError << Qt::endl;
        return 2;
    }
    AppContext &context = *built;
    context.setStartingCash(run.values.paperStartingBalance);
    applyEngineTuning(&context, run.values);
    applyMonitorTuning(context.processMonitor(), run.values);
    if (run.server) {
        context.enableServer(*run.server);
        QObject::connect(&context, &AppContext::serverStarted, &context,
                         [address = run.values.serverBind](quint16 port, const QString &tokenFile) {
                             reportServerStarted(address, port, tokenFile);
                         });
        QObject::connect(&context, &AppContext::serverFailed, &context, &reportServerFailed);
    }
    HeadlessStatus status(stdout, context.sourceName(), options.statusEverySeconds);
    QObject::connect(&context, &AppContext::overviewReady, &status, &HeadlessStatus::showOverview);
    QObject::connect(&context, &AppContext::engineStatusChanged, &status, &HeadlessStatus::showEngineStatus);

    UnixSignalWatcher signalWatcher({SIGINT, SIGTERM, SIGHUP});
    int stoppedBy = 0;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::signalReceived, &app, [&app, &stoppedBy](int signal) {
        stoppedBy = signal;
        app.quit();
    });

    status.start();
    context.start();
    const int exitCode = QCoreApplication::exec();
    status.finish();
    context.stop();
    if (stoppedBy != 0)
        err() << QCoreApplication::translate("bw::app::DefaultMode", "Stopped (signal %1).").arg(stoppedBy) << Qt::endl;
    return exitCode;
}

#ifdef BW_WITH_UI
int runDesktop(const AppOptions &options, Settings &settings, const RunSettings &run, bool firstInstance)
{
    ui::Theme::apply(run.values.theme == ThemeChoice::Light ? ui::ThemeMode::Light : ui::ThemeMode::Dark);

    LocalSessionConfig sessionConfig;
    sessionConfig.journalPath = journalPath(options, firstInstance);
    sessionConfig.server = run.server;
    sessionConfig.startingCash = run.values.paperStartingBalance;
    LocalSession session(run.feed, sessionConfig);
    QString tokenFile;
    QObject::connect(&session, &LocalSession::serverStarted, &session,
                     [address = run.values.serverBind, &tokenFile](quint16 port, const QString &file) {
                         tokenFile = file;
                         reportServerStarted(address, port, file);
                     });
    QObject::connect(&session, &LocalSession::serverFailed, &session, &reportServerFailed);

    ui::MainWindow window;
    window.selectTab(options.tab);
    // The resource monitor and the pressure governor sample and act on the monitor thread, for the whole
    // run: a source switch rebuilds the engine, not them, so the dashboard keeps this process's history. It
    // follows them through queued signals; session.stop() below joins that thread before the window goes.
    // Each new engine gets the tuning in force.
    SettingsValues current = run.values;
    window.resourceDashboard()->setMonitor(session.processMonitor()->resourceMonitor());
    window.resourceDashboard()->setGovernor(session.processMonitor()->pressureGovernor());
    applyMonitorTuning(session.processMonitor(), current);
    QObject::connect(&session, &LocalSession::contextChanged, &window,
                     [&current](AppContext *context) { applyEngineTuning(context, current); });
    QString feedError;
    if (!session.start(&feedError)) {
        err() << "breakout-workstation: " << feedError << Qt::endl;
        return 2;
    }
    window.setSession(&session);

    // Settings: the dialog edits the saved values (not this run's command-line overrides). What the engine
    // can take live is applied at once; a new data source rebuilds the engine on it.
    QObject::connect(&window, &ui::MainWindow::settingsRequested, &window, [&](const QString &page) {
        auto *dialog = new ui::SettingsDialog(settings.values(), &window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setSettings(&settings);
        dialog->setGeneratedTokenFile(tokenFile);
        QObject::connect(dialog, &ui::SettingsDialog::settingsApplied, &window, [&](const SettingsValues &values) {
            const SettingsValues previous = current;
            current = values.withCommandLine(options);
            applyEngineTuning(session.context(), current);
            applyMonitorTuning(session.processMonitor(), current);
            ui::Theme::apply(current.theme == ThemeChoice::Light ? ui::ThemeMode::Light : ui::ThemeMode::Dark);
            const bool sourceChanged =
                current.source != previous.source || current.replayFolder != previous.replayFolder ||
                current.bybitSymbols != previous.bybitSymbols || current.bybitRestUrl != previous.bybitRestUrl ||
                current.bybitWsUrl != previous.bybitWsUrl;
            if (sourceChanged)
                session.selectSource(current.feedOptions(options.feed));
        });
        if (!page.isEmpty())
            dialog->openPage(page);
        dialog->open();
    });

    // File > Connect shows another workstation in this window; the local engine keeps running, and File >
    // Disconnect comes back to it.
    std::unique_ptr<RemoteSession> remote;
    QObject::connect(&window, &ui::MainWindow::connectRequested, &window,
                     [&](const QUrl &url, const QString &token, bool acceptAnyCertificate) {
                         if (const QString problem = RemoteSession::validateUrl(url); !problem.isEmpty()) {
                             QMessageBox::warning(&window, ui::MainWindow::tr("Connect to remote"), problem);
                             return;
                         }
                         window.setSession(nullptr);
                         remote = std::make_unique<RemoteSession>(url, token, acceptAnyCertificate);
                         window.setSession(remote.get());
                         remote->open();
                     });
    QObject::connect(&window, &ui::MainWindow::disconnectRequested, &window, [&] {
        window.setSession(&session);
        remote.reset();
    });

    // Ctrl-C in the terminal that started the window closes it like the user would.
    UnixSignalWatcher signalWatcher({SIGINT, SIGTERM, SIGHUP});
    QObject::connect(&signalWatcher, &UnixSignalWatcher::signalReceived, &window, &QWidget::close);

    int screenshotResult = 0;
    if (!options.screenshotPath.isEmpty()) {
        QTimer::singleShot(options.screenshotAfterMs, &window, [&window, &options, &screenshotResult] {
            if (!window.grab().save(options.screenshotPath)) {
                err() << QCoreApplication::translate("bw::app::DefaultMode", "Cannot write the screenshot to %1.")
                             .arg(options.screenshotPath)
                      << Qt::endl;
                screenshotResult = 1;
            }
            window.close();
        });
    }

    window.show();
    const int exitCode = QApplication::exec();
    window.setSession(nullptr);
    remote.reset();
    session.stop();
    return exitCode != 0 ? exitCode : screenshotResult;
}
#endif

QString commandHelp(std::span<const Command> commands)
{
    if (commands.empty())
        return {};
    QString text = QCoreApplication::translate("bw::app::DefaultMode", "Commands:") + u'\n';
    for (const Command &command : commands)
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(command.name).leftJustified(10),
                         QCoreApplication::translate("bw::app::Commands", command.summary));
    return text +
           QCoreApplication::translate("bw::app::DefaultMode",
                                       "Run 'breakout-workstation COMMAND --help' for a command's options.") +
           u'\n';
}

} // namespace

int runDefaultMode(int argc, char *argv[], std::span<const Command> commands)
{
    const QStringList arguments = argumentList(argc, argv);
    // A first pass decides which application object to create: a window needs QApplication, while
    // errors, help and headless runs must work without a display.
    const AppOptionsResult first = AppOptionsParser::parse(arguments);
    bool desktop = first.error.isEmpty() && !first.helpRequested && !first.versionRequested && !first.options.headless;
#ifndef BW_WITH_UI
    if (desktop)
        err() << QCoreApplication::translate("bw::app::DefaultMode",
                                             "This build has no desktop window; running headless.")
              << Qt::endl;
    desktop = false;
#endif

#ifdef BW_WITH_UI
    // Without any display QApplication aborts with a core dump; say what to do instead.
    if (desktop && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        QCoreApplication app(argc, argv);
        loadTranslations(app, first.options.language);
        err() << "breakout-workstation: "
              << QCoreApplication::translate("bw::app::DefaultMode",
                                             "no display found (DISPLAY and WAYLAND_DISPLAY are not set); start "
                                             "it with --headless for the status line on the terminal")
              << Qt::endl;
        return 1;
    }
    std::unique_ptr<QCoreApplication> app =
        desktop ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
#else
    auto app = std::make_unique<QCoreApplication>(argc, argv);
#endif
    // The settings file (docs/settings.md); the command line wins over it for this run. A value that
    // cannot be read keeps its default and is named here.
    Settings settings;
    const QList<SettingsIssue> settingsIssues = settings.load();
    const QString language = settings.values().withCommandLine(first.options).languageCode();
    const bool translated = loadTranslations(*app, language);

    // The second pass produces the messages in the user's language.
    const AppOptionsResult result = AppOptionsParser::parse(arguments);
    if (!result.error.isEmpty()) {
        err() << "breakout-workstation: " << result.error << '\n'
              << QCoreApplication::translate("bw::app::DefaultMode",
                                             "Run 'breakout-workstation --help' for the options.")
              << Qt::endl;
        return 2;
    }
    if (!translated) {
        err() << "breakout-workstation: "
              << QCoreApplication::translate("bw::app::DefaultMode", "no translation for language '%1' (available: %2)")
                     .arg(language, availableLanguages().join(QStringLiteral(", ")))
              << Qt::endl;
        return 2;
    }
    if (result.helpRequested) {
        QTextStream(stdout) << result.helpText << '\n' << commandHelp(commands);
        return 0;
    }
    if (result.versionRequested) {
        QTextStream(stdout) << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
                            << '\n';
        return 0;
    }

    for (const SettingsIssue &issue : settingsIssues)
        err() << "breakout-workstation: " << settings.filePath() << ": " << issue.field << ": " << issue.message
              << Qt::endl;
    const RunSettings run = resolveSettings(settings, result.options);

    // Lets `breakout-workstation monitor` and `snapshot` find this instance without --pid. A second
    // instance still runs; it is only not the one those commands pick by default.
    PidFile pidFile;
    QString pidError;
    const bool firstInstance = pidFile.acquire(&pidError);
    if (!firstInstance)
        qCWarning(lcApp).noquote() << pidError;

#ifdef BW_WITH_UI
    if (desktop)
        return runDesktop(result.options, settings, run, firstInstance);
#endif
    return runHeadless(*app, result.options, run, firstInstance);
}

} // namespace bw::app
