#include "Commands.h"
#include "commands/ProcessTarget.h"
#include "monitor/ResourceMonitor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTextStream>

#include <cmath>
#include <unistd.h>

namespace bw::app {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("bw::app::MonitorCommand", text);
}

enum class Tone { Normal, Elevated, Critical };

// The traffic light of the original memory_monitor.py (reference §7.4).
Tone systemMemoryTone(double percent)
{
    return percent > 90 ? Tone::Critical : percent > 80 ? Tone::Elevated : Tone::Normal;
}
Tone processMemoryTone(double percentOfRam)
{
    return percentOfRam > 20 ? Tone::Critical : percentOfRam > 10 ? Tone::Elevated : Tone::Normal;
}
Tone cpuTone(double percent, const Limit &limit)
{
    return percent > limit.critical ? Tone::Critical : percent > limit.warning ? Tone::Elevated : Tone::Normal;
}

QString bytes(qint64 value)
{
    if (value < 0)
        return tr("n/a");
    const double v = double(value);
    if (v >= 1024.0 * 1024 * 1024)
        return QString::number(v / (1024.0 * 1024 * 1024), 'f', 2) + QStringLiteral(" GiB");
    if (v >= 1024.0 * 1024)
        return QString::number(v / (1024.0 * 1024), 'f', 1) + QStringLiteral(" MiB");
    if (v >= 1024.0)
        return QString::number(v / 1024.0, 'f', 1) + QStringLiteral(" KiB");
    return QString::number(value) + QStringLiteral(" B");
}

class Painter
{
public:
    explicit Painter(bool colours)
        : m_colours(colours)
    {}

    QString paint(const QString &text, Tone tone) const
    {
        if (!m_colours)
            return text;
        const char *code = tone == Tone::Critical ? "\x1b[31m" : tone == Tone::Elevated ? "\x1b[33m" : "\x1b[32m";
        return QLatin1String(code) + text + QStringLiteral("\x1b[0m");
    }

    QString label(Tone tone, const QString &normal, const QString &elevated, const QString &critical) const
    {
        return paint(QStringLiteral("[") +
                         (tone == Tone::Critical   ? critical
                          : tone == Tone::Elevated ? elevated
                                                   : normal) +
                         QStringLiteral("]"),
                     tone);
    }

    bool colours() const { return m_colours; }

private:
    bool m_colours;
};

// The nearest existing folder of the data location: its file system is the one the workstation fills.
QString dataFolderForDisk()
{
    QString path = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    while (!path.isEmpty() && !QFileInfo(path).isDir()) {
        const QString parent = QFileInfo(path).absolutePath();
        if (parent == path)
            break;
        path = parent;
    }
    return path.isEmpty() ? QDir::homePath() : path;
}

void printSample(QTextStream &out, const Painter &painter, const ResourceSample &s, const ProcessTarget &target,
                 const ResourceLimits &limits, const QStringList &alerts)
{
    const ProcessSample &p = s.process;
    const SystemSample &sys = s.system;
    if (painter.colours())
        out << "\x1b[2J\x1b[H"; // clear the terminal, as the original did
    out << tr("Breakout Workstation monitor - pid %1 (%2) - %3")
               .arg(p.pid)
               .arg(p.name, QDateTime::fromMSecsSinceEpoch(s.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
        << '\n';
    out << "  " << target.origin << '\n';

    const Tone memTone = systemMemoryTone(sys.memPercent);
    out << tr("System memory: %1 of %2 used (%3 %), %4 available")
               .arg(bytes(sys.memUsedBytes), bytes(sys.memTotalBytes))
               .arg(sys.memPercent, 0, 'f', 1)
               .arg(bytes(sys.memAvailableBytes))
        << ' ' << painter.label(memTone, tr("normal"), tr("high"), tr("critical")) << '\n';
    if (sys.swapTotalBytes > 0)
        out << tr("Swap: %1 of %2 used (%3 %)")
                   .arg(bytes(sys.swapUsedBytes), bytes(sys.swapTotalBytes))
                   .arg(sys.swapPercent, 0, 'f', 1)
            << '\n';
    QStringList cores;
    for (double core : sys.coreCpuPercent)
        cores << QString::number(core, 'f', 0) + QStringLiteral("%");
    out << tr("System CPU: %1  load %2 %3 %4  cores: %5")
               .arg(painter.paint(QString::number(sys.cpuPercent, 'f', 1) + QStringLiteral(" %"),
                                  cpuTone(sys.cpuPercent, limits.cpuPercent)))
               .arg(sys.load1, 0, 'f', 2)
               .arg(sys.load5, 0, 'f', 2)
               .arg(sys.load15, 0, 'f', 2)
               .arg(cores.join(u' '))
        << '\n';
    if (sys.diskTotalBytes > 0)
        out << tr("Disk (%1): %2 % used, %3 free")
                   .arg(QDir::toNativeSeparators(sys.diskPath))
                   .arg(sys.diskPercent, 0, 'f', 1)
                   .arg(bytes(sys.diskFreeBytes))
            << '\n';

    const Tone procTone = processMemoryTone(p.memoryPercent);
    out << tr("Process memory: RSS %1 (%2 % of RAM)")
               .arg(painter.paint(bytes(p.rssBytes), procTone))
               .arg(p.memoryPercent, 0, 'f', 2)
        << ' ' << painter.label(procTone, tr("normal"), tr("elevated"), tr("very high")) << '\n';
    out << tr("                PSS %1  VMS %2  swap %3  peak RSS %4")
               .arg(bytes(p.pssBytes), bytes(p.vmsBytes), bytes(p.swapBytes), bytes(p.peakRssBytes))
        << '\n';
    if (s.allocator.available)
        out << tr("                heap in use %1, free in allocator %2")
                   .arg(bytes(s.allocator.inUseBytes), bytes(s.allocator.freeBytes))
            << '\n';
    out << tr("Process CPU: %1 %  threads %2  open files %3 (sockets %4)  page faults %5 minor, %6 major")
               .arg(p.cpuPercent, 0, 'f', 1)
               .arg(p.threads)
               .arg(p.openFiles >= 0 ? QString::number(p.openFiles) : tr("n/a"))
               .arg(p.sockets >= 0 ? QString::number(p.sockets) : tr("n/a"))
               .arg(p.minorFaults)
               .arg(p.majorFaults)
        << '\n';
    for (const QString &alert : alerts)
        out << alert << '\n';
    if (!painter.colours())
        out << '\n';
    out.flush();
}

} // namespace

// breakout-workstation monitor [--pid N] [--interval S] [--count K]
int runMonitorCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Terminal CPU and memory monitor of a process: the running workstation by default."));
    parser.addHelpOption();
    const QCommandLineOption pidOption(QStringLiteral("pid"), tr("Process to watch."), tr("N"));
    const QCommandLineOption intervalOption(QStringLiteral("interval"),
                                            tr("Seconds between samples (0.1 to 3600, default 5)."), tr("S"),
                                            QStringLiteral("5"));
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         tr("Stop after K samples (default 0: until interrupted)."), tr("K"),
                                         QStringLiteral("0"));
    parser.addOption(pidOption);
    parser.addOption(intervalOption);
    parser.addOption(countOption);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << tr("monitor: unexpected argument '%1'").arg(parser.positionalArguments().constFirst()) << '\n';
        return 2;
    }

    bool ok = false;
    const double intervalSeconds = parser.value(intervalOption).toDouble(&ok);
    if (!ok || !std::isfinite(intervalSeconds) || intervalSeconds < 0.1 || intervalSeconds > 3600) {
        err << tr("--interval: '%1' is not a number of seconds between 0.1 and 3600").arg(parser.value(intervalOption))
            << '\n';
        return 2;
    }
    const qint64 count = parser.value(countOption).toLongLong(&ok);
    if (!ok || count < 0) {
        err << tr("--count: '%1' is not a number of samples (0 or more)").arg(parser.value(countOption)) << '\n';
        return 2;
    }

    ProcessTarget target;
    if (parser.isSet(pidOption)) {
        QString error;
        if (!parsePid(parser.value(pidOption), target.pid, error)) {
            err << error << '\n';
            return 2;
        }
        target.origin = tr("--pid %1").arg(target.pid);
    } else {
        target = defaultTarget();
    }

    // The alerts are shown in the display; the same lines on stderr would only interleave with it.
    QLoggingCategory::setFilterRules(QStringLiteral("bw.monitor.info=false\nbw.monitor.warning=false"));

    ResourceMonitor::Options options;
    options.intervalMs = int(std::lround(intervalSeconds * 1000));
    options.diskPath = dataFolderForDisk();
    options.detailIntervalMs = 0; // a terminal refreshed every few seconds can afford every figure fresh
    ResourceMonitor monitor(options);
    QString error;
    if (!monitor.attach(target.pid, &error)) {
        err << tr("monitor: %1").arg(error) << '\n';
        return 2;
    }

    const Painter painter(::isatty(STDOUT_FILENO) == 1);
    qint64 shown = 0;
    int exitCode = 0;
    QStringList alerts; // raised while a sample is evaluated, shown under it
    QObject::connect(&monitor, &ResourceMonitor::sampled, &monitor, [&](const ResourceSample &sample) {
        printSample(out, painter, sample, target, monitor.limits(), alerts);
        alerts.clear();
        if (count > 0 && ++shown >= count) {
            monitor.stop();
            QCoreApplication::exit(0);
        }
    });
    QObject::connect(&monitor, &ResourceMonitor::alertRaised, &monitor, [&](const AlertEvent &alert) {
        alerts << painter.paint(tr("alert: %1").arg(alert.describe()),
                                alert.level == AlertLevel::Critical  ? Tone::Critical
                                : alert.level == AlertLevel::Warning ? Tone::Elevated
                                                                     : Tone::Normal);
    });
    QObject::connect(&monitor, &ResourceMonitor::samplingFailed, &monitor, [&](const QString &message) {
        err << tr("monitor: %1").arg(message) << '\n';
        exitCode = 1;
        monitor.stop();
        QCoreApplication::exit(1);
    });

    // CPU figures are deltas: take a silent first reading so the first line shown has real ones.
    {
        ResourceSample priming;
        monitor.sampler()->sample(priming, 0);
    }
    monitor.start();
    const int code = QCoreApplication::exec();
    return exitCode != 0 ? exitCode : code;
}

} // namespace bw::app
