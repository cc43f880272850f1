#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace bw {

// What the sampler measured about one process. Byte counts are bytes; -1 means "not available" (a file
// the kernel does not provide or that we may not read), never a made-up zero.
struct ProcessSample {
    qint64 pid = 0;
    QString name;
    char state = '?';
    qint64 startTimeTicks = 0; // with pid, identifies the process across pid reuse
    double cpuPercent = 0;     // 100 = one core fully busy (psutil convention); 0 on the first sample
    qint64 cpuTimeMs = 0;      // user + system since the process started
    qint64 rssBytes = 0;
    qint64 vmsBytes = 0;
    qint64 sharedBytes = 0;
    qint64 pssBytes = -1;  // smaps_rollup
    qint64 swapBytes = -1; // VmSwap
    qint64 peakRssBytes = -1;
    double memoryPercent = 0; // RSS as a share of system RAM
    qint64 threads = 0;
    qint64 openFiles = -1; // every descriptor (files, sockets, pipes, ...)
    qint64 sockets = -1;
    qint64 minorFaults = 0;
    qint64 majorFaults = 0;
    qint64 ioReadBytes = -1;
    qint64 ioWriteBytes = -1;
};

struct SystemSample {
    qint64 memTotalBytes = 0;
    qint64 memAvailableBytes = 0;
    qint64 memUsedBytes = 0; // total - available, as psutil's percent
    double memPercent = 0;
    qint64 swapTotalBytes = 0;
    qint64 swapUsedBytes = 0;
    double swapPercent = 0;
    double cpuPercent = 0; // all cores together, 0..100; 0 on the first sample
    QList<double> coreCpuPercent;
    int cpuCount = 0;
    double load1 = 0;
    double load5 = 0;
    double load15 = 0;
    QString diskPath;
    qint64 diskTotalBytes = -1;
    qint64 diskFreeBytes = -1; // available to unprivileged users
    qint64 diskUsedBytes = -1;
    double diskPercent = 0; // used / (used + available), as df and psutil
};

// glibc allocator statistics (mallinfo2) of the sampling process itself.
struct AllocatorStats {
    bool available = false;
    qint64 arenaBytes = 0;      // heap obtained with brk/sbrk (all arenas)
    qint64 mmappedBytes = 0;    // large blocks mapped directly
    qint64 inUseBytes = 0;      // allocated and not freed (arena chunks + mmapped blocks)
    qint64 freeBytes = 0;       // free chunks still held by the allocator
    qint64 releasableBytes = 0; // top-most free block malloc_trim could give back at once
};

struct ResourceSample {
    qint64 timeMs = 0;
    ProcessSample process;
    SystemSample system;
    AllocatorStats allocator; // only when the process is the sampler's own
};

struct ThreadInfo {
    qint64 tid = 0;
    QString name;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::ResourceSample)
