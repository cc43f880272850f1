#include "server/ServerToken.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>

#include <array>

namespace bw::ServerToken {

QString generate()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), static_cast<qsizetype>(sizeof(words)));
    return QString::fromLatin1(bytes.toHex());
}

QString defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/remote-token");
}

bool writeFile(const QString &path, const QString &token, QString *error)
{
    const auto setError = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (path.isEmpty())
        return setError(QCoreApplication::translate("bw::ServerToken", "no token file path"));
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(QStringLiteral(".")))
            return setError(
                QCoreApplication::translate("bw::ServerToken", "cannot create folder %1").arg(dir.absolutePath()));
        QFile::setPermissions(dir.absolutePath(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    QSaveFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::WriteOnly))
        return setError(
            QCoreApplication::translate("bw::ServerToken", "cannot write %1: %2").arg(path, file.errorString()));
    // Restrict before the secret is in the file, so it is never readable by others, not even briefly.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return setError(QCoreApplication::translate("bw::ServerToken", "cannot restrict permissions of %1").arg(path));
    }
    file.write(token.toLatin1());
    file.write("\n");
    if (!file.commit())
        return setError(
            QCoreApplication::translate("bw::ServerToken", "cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

bool equalConstantTime(const QString &a, const QString &b)
{
    const QByteArray left = a.toUtf8();
    const QByteArray right = b.toUtf8();
    unsigned difference = left.size() == right.size() ? 0U : 1U;
    const qsizetype length = std::max(left.size(), right.size());
    for (qsizetype i = 0; i < length; ++i) {
        const auto l = static_cast<unsigned char>(i < left.size() ? left[i] : 0);
        const auto r = static_cast<unsigned char>(i < right.size() ? right[i] : 0);
        difference |= static_cast<unsigned>(l ^ r);
    }
    return difference == 0;
}

} // namespace bw::ServerToken
