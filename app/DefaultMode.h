#pragma once

#include "Commands.h"

#include <span>

namespace bw::app {

// The mode without a sub-command: the desktop workstation on the embedded simulated market, or with
// --headless the same engine without a window and a status line on the terminal. Creates its own
// application object (QApplication or QCoreApplication, decided from the arguments) and returns the
// process exit code. `commands` are listed in --help.
int runDefaultMode(int argc, char *argv[], std::span<const Command> commands);

} // namespace bw::app
