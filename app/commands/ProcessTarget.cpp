#include "commands/ProcessTarget.h"

#include "monitor/PidFile.h"

#include <QCoreApplication>
#include <QDir>

namespace bw::app {

bool parsePid(const QString &text, qint64 &pid, QString &error)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value <= 0) {
        error =
            QCoreApplication::translate("bw::app", "--pid: '%1' is not a process id (a positive integer)").arg(text);
        return false;
    }
    pid = value;
    return true;
}

ProcessTarget defaultTarget()
{
    const QString path = PidFile::defaultPath();
    if (const auto owner = PidFile::readLive(path))
        return {
            owner->pid,
            QCoreApplication::translate("bw::app", "running workstation from %1").arg(QDir::toNativeSeparators(path))};
    return {0, QCoreApplication::translate("bw::app", "no running workstation (%1); watching this process")
                   .arg(QDir::toNativeSeparators(path))};
}

} // namespace bw::app
