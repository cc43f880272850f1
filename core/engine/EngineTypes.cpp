#include "engine/EngineTypes.h"

#include <QCoreApplication>
#include <QDateTime>

namespace bw {

QString toCode(EngineState state)
{
    switch (state) {
    case EngineState::Idle:
        return QStringLiteral("idle");
    case EngineState::Initializing:
        return QStringLiteral("initializing");
    case EngineState::Scanning:
        return QStringLiteral("scanning");
    case EngineState::Managing:
        return QStringLiteral("managing");
    case EngineState::Paused:
        return QStringLiteral("paused");
    case EngineState::Error:
        return QStringLiteral("error");
    case EngineState::Emergency:
        return QStringLiteral("emergency");
    case EngineState::Stopped:
        return QStringLiteral("stopped");
    }
    return QStringLiteral("unknown");
}

QString engineStatusLine(const EngineStatus &s, qint64 rssBytes)
{
    const QString lastScan =
        s.lastScanMs > 0 ? QDateTime::fromMSecsSinceEpoch(s.lastScanMs, Qt::UTC).toString(QStringLiteral("HH:mm:ss"))
                         : QCoreApplication::translate("EngineStatus", "never");
    const QString rss = rssBytes >= 0
                            ? QString::number(double(rssBytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MiB")
                            : QCoreApplication::translate("EngineStatus", "n/a");
    return QCoreApplication::translate("EngineStatus",
                                       "%1 | %2 symbols | last scan %3 | %4 candidates | %5 open | equity %6 | RSS %7")
        .arg(toCode(s.state))
        .arg(s.symbols)
        .arg(lastScan)
        .arg(s.candidates)
        .arg(s.openPositions)
        .arg(s.equity, 0, 'f', 2)
        .arg(rss);
}

} // namespace bw
