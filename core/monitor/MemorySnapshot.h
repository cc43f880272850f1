#pragma once

#include "common/Clock.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace bw {

// Writes one memory snapshot: a JSON document (schema in docs/snapshot.md) with the process's and the
// system's memory, the allocator, every registered cache and snapshot contributor, threads, open files and
// the difference from the previous snapshot of the same process. The in-process sections (allocator,
// caches, subsystems) exist only when the snapshot is of this process; for another pid they are null.
class MemorySnapshot final
{
public:
    static constexpr int kSchemaVersion = 1;
    static constexpr int kMaxListedFiles = 256; // open_files.entries is cut (and says so) beyond this

    struct Result {
        bool ok = false;
        QString path;          // the file written
        QString error;         // what went wrong, naming the pid or path
        bool badInput = false; // the error is the caller's pid or path (not a failure while writing)
        QJsonObject document;
    };

    explicit MemorySnapshot(const Clock &clock = SystemClock::instance());

    // <AppDataLocation>/snapshots
    static QString defaultFolder();
    // memory_snapshot_YYYYmmdd_HHMMSS_zzz.json (UTC)
    static QString fileNameFor(qint64 timeMs);

    QString folder() const { return m_folder; }
    void setFolder(const QString &folder) { m_folder = folder; }

    // Builds the document without writing it (and without a diff). pid 0: this process.
    QJsonObject capture(qint64 pid, QString *errorMessage) const;

    // Captures and writes atomically. filePath empty: a unique time-stamped name in folder(). The diff is
    // against the previous snapshot of the same process taken by this object, else the newest matching
    // file in the target folder.
    Result write(qint64 pid = 0, const QString &filePath = {});

private:
    QJsonObject previousFor(const QJsonObject &process, const QString &folder) const;
    static QJsonObject diff(const QJsonObject &current, const QJsonObject &previous, const QString &previousPath);

    const Clock &m_clock;
    QString m_folder;
    // Last snapshot per process ("pid:start_time_ticks"), for the diff; bounded by kMaxRemembered.
    QHash<QString, QJsonObject> m_previous;
    QHash<QString, QString> m_previousPath;
    static constexpr int kMaxRemembered = 16;
};

} // namespace bw
