#pragma once

#include <QString>

#include <optional>

namespace bw {

// The running workstation's pid file, so `breakout-workstation monitor` and `snapshot` find it without
// --pid. Holds "<pid> <start time in clock ticks>\n": the start time tells a live workstation from a
// stale file whose pid now belongs to another process.
//
// Created atomically (written to a temporary file, then hard-linked to its name, which fails if the name
// exists) and removed by the destructor. A stale file (its process gone or replaced) is taken over.
class PidFile final
{
public:
    explicit PidFile(QString path = defaultPath());
    ~PidFile();
    PidFile(const PidFile &) = delete;
    PidFile &operator=(const PidFile &) = delete;

    // <RuntimeLocation>/breakout-workstation.pid (XDG_RUNTIME_DIR, a private per-user folder).
    static QString defaultPath();

    // Claims the file for this process. False, with a message, when another live process holds it or the
    // file cannot be written.
    bool acquire(QString *errorMessage = nullptr);
    // Removes the file if this object created it (and it still names this process).
    void release();
    bool isAcquired() const { return m_acquired; }
    QString path() const { return m_path; }

    struct Owner {
        qint64 pid = 0;
        qint64 startTimeTicks = 0;
    };
    // The live process named by the file at path, or nothing (no file, unreadable, malformed or stale).
    static std::optional<Owner> readLive(const QString &path = defaultPath());
    // Start time (clock ticks since boot) of pid, or -1 when it does not exist.
    static qint64 processStartTime(qint64 pid);

private:
    QString m_path;
    bool m_acquired = false;
};

} // namespace bw
