#pragma once

#include <QString>

namespace bw::app {

// Which process `monitor` and `snapshot` look at: --pid if given, else the running workstation named by
// its pid file, else the command's own process.
struct ProcessTarget {
    qint64 pid = 0; // 0: this process
    QString origin; // how it was chosen, for the header line
};

// Parses a --pid value: a positive integer. Returns false with a message naming the option otherwise.
bool parsePid(const QString &text, qint64 &pid, QString &error);
ProcessTarget defaultTarget();

} // namespace bw::app
