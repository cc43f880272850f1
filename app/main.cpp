#include "Commands.h"
#include "DefaultMode.h"

#include <QCoreApplication>
#ifdef BW_WITH_UI
#include <QApplication>
#endif

#include <array>
#include <cstring>

namespace bw::app {
namespace {

// Sub-commands; the default mode (no command) is the desktop workstation, or headless with --headless.
constexpr std::array kCommands{
    Command{"scan", QT_TRANSLATE_NOOP("bw::app::Commands", "one scan over a simulated market or recorded candles"),
            &runScanCommand},
    Command{
        "replay",
        QT_TRANSLATE_NOOP("bw::app::Commands", "run the trading engine over recorded candles and report the backtest"),
        &runReplayCommand},
    Command{
        "record",
        QT_TRANSLATE_NOOP("bw::app::Commands", "record candles from the seeded simulated market (test and demo data)"),
        &runRecordCommand},
    Command{"monitor",
            QT_TRANSLATE_NOOP("bw::app::Commands",
                              "terminal CPU/memory monitor of a process (default: the running workstation)"),
            runMonitorCommand},
    Command{"snapshot",
            QT_TRANSLATE_NOOP("bw::app::Commands",
                              "write one memory snapshot JSON of a process (default: the running workstation)"),
            runSnapshotCommand},
    Command{"viewer",
            QT_TRANSLATE_NOOP("bw::app::Commands",
                              "the desktop window fed by a remote workstation's WebSocket server (viewer URL)"),
            &runViewerCommand, /*needsWindow=*/true},
};

const Command *findCommand(int argc, char *argv[])
{
    if (argc < 2)
        return nullptr;
    for (const Command &command : kCommands) {
        if (std::strcmp(argv[1], command.name) == 0)
            return &command;
    }
    return nullptr;
}

QStringList commandArguments(const QStringList &all)
{
    // Keep the program name so QCommandLineParser prints a proper usage line; drop the command word.
    QStringList arguments = all;
    if (arguments.size() > 1)
        arguments.removeAt(1);
    return arguments;
}

} // namespace
} // namespace bw::app

int main(int argc, char *argv[])
{
    using namespace bw::app;
    QCoreApplication::setApplicationName(QStringLiteral("breakout-workstation"));
    QCoreApplication::setOrganizationName(QStringLiteral("BreakoutWorkstation"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BW_VERSION));

    if (const Command *command = findCommand(argc, argv)) {
#ifdef BW_WITH_UI
        // Without any display QApplication aborts; the command then says what is missing.
        const bool display = !qEnvironmentVariableIsEmpty("DISPLAY") ||
                             !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
                             !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
        if (command->needsWindow && display) {
            QApplication app(argc, argv);
            return command->run(commandArguments(QCoreApplication::arguments()));
        }
#endif
        QCoreApplication app(argc, argv);
        return command->run(commandArguments(QCoreApplication::arguments()));
    }

    return runDefaultMode(argc, argv, kCommands);
}
