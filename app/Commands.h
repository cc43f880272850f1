#pragma once

#include <QStringList>

// Sub-commands of breakout-workstation (`breakout-workstation <command> [options]`). Each runs inside
// the QCoreApplication that main() created, parses its own options from `arguments` (program name
// first, then everything after the command name) and returns the process exit code:
// 0 ok, 1 runtime failure, 2 bad arguments or bad input (with a message naming what is wrong).
namespace bw::app {

using CommandFunction = int (*)(const QStringList &arguments);

struct Command {
    const char *name;
    const char *summary; // one line for `--help`; wrap it in QT_TRANSLATE_NOOP("bw::app::Commands", "...")
    CommandFunction run;
    // Runs inside a QApplication (when this build has the UI and a display is available), not a
    // QCoreApplication: the command opens windows.
    bool needsWindow = false;
};

// The table lives in main.cpp; add a line there when adding a command file under app/commands/.
int runScanCommand(const QStringList &arguments);     // commands/ScanCommand.cpp
int runReplayCommand(const QStringList &arguments);   // commands/ReplayCommand.cpp
int runRecordCommand(const QStringList &arguments);   // commands/RecordCommand.cpp
int runSnapshotCommand(const QStringList &arguments); // commands/SnapshotCommand.cpp
int runMonitorCommand(const QStringList &arguments);  // commands/MonitorCommand.cpp
int runViewerCommand(const QStringList &arguments);   // commands/ViewerCommand.cpp
} // namespace bw::app
