#include "Commands.h"
#include "commands/ProcessTarget.h"
#include "monitor/MemorySnapshot.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QTextStream>

namespace bw::app {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("bw::app::SnapshotCommand", text);
}
} // namespace

// breakout-workstation snapshot [--pid N] [-o FILE]
int runSnapshotCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes one memory snapshot (JSON) of a process: the running workstation by default."));
    parser.addHelpOption();
    const QCommandLineOption pidOption(QStringLiteral("pid"), tr("Process to snapshot."), tr("N"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          tr("File to write (default: a time-stamped file in %1).")
                                              .arg(QDir::toNativeSeparators(MemorySnapshot::defaultFolder())),
                                          tr("FILE"));
    parser.addOption(pidOption);
    parser.addOption(outputOption);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << tr("snapshot: unexpected argument '%1'").arg(parser.positionalArguments().constFirst()) << '\n';
        return 2;
    }

    ProcessTarget target;
    if (parser.isSet(pidOption)) {
        QString error;
        if (!parsePid(parser.value(pidOption), target.pid, error)) {
            err << error << '\n';
            return 2;
        }
    } else {
        target = defaultTarget();
    }
    QString outputPath;
    if (parser.isSet(outputOption)) {
        outputPath = parser.value(outputOption);
        if (outputPath.isEmpty()) {
            err << tr("-o: the output file name is empty") << '\n';
            return 2;
        }
    }

    // The path goes to stdout; the log line saying the same on stderr would be noise here.
    QLoggingCategory::setFilterRules(QStringLiteral("bw.monitor.info=false"));
    MemorySnapshot snapshot;
    const MemorySnapshot::Result result = snapshot.write(target.pid, outputPath);
    if (!result.ok) {
        err << tr("snapshot: %1").arg(result.error) << '\n';
        return result.badInput ? 2 : 1;
    }
    out << QDir::toNativeSeparators(result.path) << '\n';
    return 0;
}

} // namespace bw::app
