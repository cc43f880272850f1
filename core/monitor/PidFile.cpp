#include "monitor/PidFile.h"

#include "monitor/MonitorLog.h"
#include "monitor/ProcParsers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace bw {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("bw::PidFile", text);
}

std::optional<PidFile::Owner> parseOwner(const QByteArray &content)
{
    const QList<QByteArray> parts = content.trimmed().split(' ');
    if (parts.size() != 2)
        return std::nullopt;
    bool okPid = false;
    bool okStart = false;
    PidFile::Owner owner{parts[0].toLongLong(&okPid), parts[1].toLongLong(&okStart)};
    if (!okPid || !okStart || owner.pid <= 0)
        return std::nullopt;
    return owner;
}

std::optional<PidFile::Owner> readOwner(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return parseOwner(file.read(64));
}

bool isLive(const PidFile::Owner &owner)
{
    return PidFile::processStartTime(owner.pid) == owner.startTimeTicks;
}

} // namespace

PidFile::PidFile(QString path)
    : m_path(std::move(path))
{}

PidFile::~PidFile()
{
    release();
}

QString PidFile::defaultPath()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (folder.isEmpty())
        folder = QDir::tempPath();
    return folder + QStringLiteral("/breakout-workstation.pid");
}

qint64 PidFile::processStartTime(qint64 pid)
{
    if (pid <= 0)
        return -1;
    const std::string path = "/proc/" + std::to_string(pid) + "/stat";
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    char buffer[1024];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    ::close(fd);
    if (n <= 0)
        return -1;
    const auto stat = proc::parsePidStat(std::string_view(buffer, std::size_t(n)));
    return stat && stat->state != 'Z' ? stat->startTimeTicks : -1;
}

std::optional<PidFile::Owner> PidFile::readLive(const QString &path)
{
    const auto owner = readOwner(path);
    if (!owner || !isLive(*owner))
        return std::nullopt;
    return owner;
}

bool PidFile::acquire(QString *errorMessage)
{
    if (m_acquired)
        return true;
    const auto setError = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return false;
    };
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return setError(tr("cannot create the folder of the pid file %1").arg(info.absolutePath()));

    const qint64 pid = qint64(::getpid());
    const QByteArray content = QByteArray::number(pid) + ' ' + QByteArray::number(processStartTime(pid)) + '\n';

    // Write the whole content under a temporary name first, so a reader never sees a half-written file.
    QTemporaryFile temp(info.absolutePath() + QStringLiteral("/.breakout-workstation.pid.XXXXXX"));
    if (!temp.open() || temp.write(content) != content.size() || !temp.flush())
        return setError(tr("cannot write the pid file %1: %2").arg(m_path, temp.errorString()));
    const QByteArray tempName = QFile::encodeName(temp.fileName());
    const QByteArray target = QFile::encodeName(m_path);

    for (int attempt = 0; attempt < 2; ++attempt) {
        if (::link(tempName.constData(), target.constData()) == 0) {
            m_acquired = true;
            return true;
        }
        if (errno != EEXIST)
            return setError(
                tr("cannot create the pid file %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
        const auto owner = readOwner(m_path);
        if (owner && isLive(*owner))
            return setError(
                tr("another breakout-workstation (pid %1) is running; its pid file is %2").arg(owner->pid).arg(m_path));
        // Stale (its process is gone, or the pid now belongs to another one) or malformed: take it over.
        qCInfo(lcMonitor).noquote() << "removing stale pid file" << m_path;
        ::unlink(target.constData());
    }
    return setError(tr("cannot create the pid file %1: another process keeps recreating it").arg(m_path));
}

void PidFile::release()
{
    if (!m_acquired)
        return;
    m_acquired = false;
    const auto owner = readOwner(m_path);
    if (owner && owner->pid == qint64(::getpid()))
        QFile::remove(m_path);
}

} // namespace bw
