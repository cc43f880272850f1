#pragma once

#include "monitor/ProcParsers.h"
#include "monitor/ResourceSample.h"

#include <QString>

#include <chrono>
#include <string>

// Sanitizer builds replace malloc: glibc's mallinfo2 would describe an allocator nobody uses.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define BW_SANITIZER_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define BW_SANITIZER_ALLOCATOR 1
#endif
#endif

namespace bw {

// Reads one process and the system from /proc the cheap way (btop): every file is opened once and re-read
// with pread at offset 0, and parsed in place. A full sample costs microseconds (see docs/benchmarks.md),
// so the resource monitor calls it straight from its timer without a worker thread.
//
// Not thread-safe: one sampler per owner thread.
class ProcSampler final
{
public:
    enum class Error {
        None,
        NoSuchProcess,    // the pid does not exist
        PermissionDenied, // it exists but belongs to someone whose memory maps and descriptors we may not read
        ProcessExited,    // it existed at attach() and is gone (or the pid was reused)
        ReadFailed,       // a /proc file could not be read or parsed
    };

    struct Options {
        QString diskPath;    // folder whose file system's use is reported; empty: none
        bool readPss = true; // smaps_rollup walks every page table: tens of µs for a Qt process
        // The costly or slow-moving details (PSS and swap from smaps_rollup; peak RSS and swap from status;
        // I/O counters from io, which only the snapshot shows; sockets among the descriptors: one readlink
        // each) are re-read at most this often and repeated in between, so the per-tick sample reads only
        // /proc/[pid]/stat and statm, /proc/stat, meminfo and loadavg. 0: every sample (the snapshot and
        // `monitor`).
        int detailIntervalMs = 10'000;
        bool readIo = true;       // /proc/[pid]/io (a detail)
        bool countFds = true;     // open descriptors
        bool classifyFds = true;  // sockets among them (one readlink per descriptor)
        bool sampleSystem = true; // /proc/stat, meminfo, loadavg, statvfs
    };

    ProcSampler();
    explicit ProcSampler(Options options);
    ~ProcSampler();
    ProcSampler(const ProcSampler &) = delete;
    ProcSampler &operator=(const ProcSampler &) = delete;

    // Attaches to a process (0: this process). On failure returns false and sets error()/errorString().
    bool attach(qint64 pid);
    qint64 pid() const { return m_pid; }
    bool isSelf() const { return m_self; }

    // One full sample: process, system and (for this process) allocator statistics. Returns false when
    // the process is gone or a file could not be read; the error says which.
    bool sample(ResourceSample &out, qint64 nowMs);
    bool sampleProcess(ProcessSample &out);
    bool sampleSystem(SystemSample &out);

    // Names of the process's threads, read on demand (one open per thread, so not part of every sample).
    QList<ThreadInfo> threads();

    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }

    const Options &options() const { return m_options; }
    void setDiskPath(const QString &path) { m_options.diskPath = path; }

    // glibc mallinfo2 of this process; unavailable in sanitizer builds and on other C libraries.
    static AllocatorStats allocatorStats();
#if defined(__GLIBC__) && !defined(BW_SANITIZER_ALLOCATOR) &&                                                          \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    static constexpr bool kAllocatorStatsAvailable = true;
#else
    static constexpr bool kAllocatorStatsAvailable = false;
#endif
    static qint64 ownPid();
    // This process's resident set, from /proc/self/statm (for before/after figures of an action).
    static qint64 ownRssBytes();

private:
    struct File {
        int fd = -1;
        std::string buffer;
    };

    bool openProcFile(File &file, const char *name, int *errnoOut);
    static bool openPath(File &file, const char *path);
    // Reads the whole file into file.buffer (growing it when the content does not fit); -1 on error.
    static qint64 readAll(File &file, int *errnoOut = nullptr);
    static void closeFile(File &file);
    void closeProcessFiles();
    bool fail(Error error, const QString &message);
    bool processGone(int err);
    void countDescriptors(ProcessSample &out, bool classify);

    Options m_options;
    qint64 m_pid = 0;
    bool m_self = false;
    bool m_attached = false;
    Error m_error = Error::None;
    QString m_errorString;
    std::string m_procDir; // "/proc/<pid>/"

    File m_stat;
    File m_statm;
    File m_status;
    File m_smapsRollup;
    File m_io;
    int m_fdDir = -1;
    std::string m_direntBuffer;

    File m_sysStat;
    File m_memInfo;
    File m_loadAvg;
    proc::SystemStat m_sysStatNow;
    proc::SystemStat m_sysStatPrev;
    bool m_haveSysPrev = false;

    qint64 m_startTimeTicks = -1;
    struct Details {
        qint64 pssBytes = -1;
        qint64 swapBytes = -1;
        qint64 peakRssBytes = -1;
        qint64 ioReadBytes = -1;
        qint64 ioWriteBytes = -1;
        qint64 sockets = -1;
    };
    bool readDetails(std::chrono::steady_clock::time_point now);
    Details m_details;
    std::chrono::steady_clock::time_point m_detailsTime;
    bool m_haveDetails = false;
    qint64 m_prevProcTicks = -1;
    std::chrono::steady_clock::time_point m_prevProcTime;
    qint64 m_memTotalBytes = 0;
    const qint64 m_ticksPerSecond;
    const qint64 m_pageSize;
    const qint64 m_cpuCount; // the ceiling of a process's CPU %
};

} // namespace bw
