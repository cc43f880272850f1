#pragma once

#include <QtGlobal>

#include <optional>
#include <string_view>
#include <vector>

// Pure parsers for the /proc files the sampler reads. Each takes the raw file contents as a buffer and
// returns std::nullopt when the text is truncated or malformed, so a half-read file never becomes a
// sample of zeros. No allocation except for the per-core vector and the process name; numbers are parsed
// in place with std::from_chars, never by splitting strings (btop, ksystemstats).
namespace bw::proc {

// /proc/[pid]/stat. The name is between the first '(' and the LAST ')' because it may itself contain
// spaces and parentheses.
struct PidStat {
    std::string_view name; // points into the parsed buffer
    char state = '?';
    qint64 ppid = 0;
    qint64 minorFaults = 0;
    qint64 majorFaults = 0;
    qint64 utimeTicks = 0;
    qint64 stimeTicks = 0;
    qint64 numThreads = 0;
    qint64 startTimeTicks = 0; // since boot; with the pid it identifies one process across pid reuse
    qint64 vsizeBytes = 0;
    qint64 rssPages = 0;
};
std::optional<PidStat> parsePidStat(std::string_view text);

// /proc/[pid]/statm: sizes in pages.
struct PidStatm {
    qint64 sizePages = 0;
    qint64 residentPages = 0;
    qint64 sharedPages = 0;
    qint64 textPages = 0;
    qint64 dataPages = 0;
};
std::optional<PidStatm> parsePidStatm(std::string_view text);

// /proc/[pid]/status: the fields the monitor uses, in bytes (the file says kB). -1 when absent (kernel
// threads have no Vm* lines).
struct PidStatus {
    std::string_view name;
    qint64 vmSizeBytes = -1;
    qint64 vmRssBytes = -1;
    qint64 vmHwmBytes = -1;
    qint64 vmSwapBytes = -1;
    qint64 rssAnonBytes = -1;
    qint64 rssFileBytes = -1;
    qint64 rssShmemBytes = -1;
    qint64 threads = -1;
    qint64 voluntaryCtxtSwitches = -1;
    qint64 nonvoluntaryCtxtSwitches = -1;
    qint64 uid = -1; // real uid
};
std::optional<PidStatus> parsePidStatus(std::string_view text);

// /proc/[pid]/smaps_rollup, in bytes.
struct SmapsRollup {
    qint64 rssBytes = -1;
    qint64 pssBytes = -1;
    qint64 pssAnonBytes = -1;
    qint64 pssFileBytes = -1;
    qint64 sharedCleanBytes = -1;
    qint64 sharedDirtyBytes = -1;
    qint64 privateCleanBytes = -1;
    qint64 privateDirtyBytes = -1;
    qint64 swapBytes = -1;
    qint64 swapPssBytes = -1;
};
std::optional<SmapsRollup> parseSmapsRollup(std::string_view text);

// /proc/[pid]/io (only readable with ptrace access to the process).
struct PidIo {
    qint64 rchar = 0;
    qint64 wchar = 0;
    qint64 syscr = 0;
    qint64 syscw = 0;
    qint64 readBytes = 0;
    qint64 writeBytes = 0;
    qint64 cancelledWriteBytes = 0;
};
std::optional<PidIo> parsePidIo(std::string_view text);

// One "cpu" line of /proc/stat, in clock ticks.
struct CpuTimes {
    qint64 user = 0;
    qint64 nice = 0;
    qint64 system = 0;
    qint64 idle = 0;
    qint64 iowait = 0;
    qint64 irq = 0;
    qint64 softirq = 0;
    qint64 steal = 0;
    // guest and guest_nice are already included in user and nice.

    qint64 total() const { return user + nice + system + idle + iowait + irq + softirq + steal; }
    qint64 idleAll() const { return idle + iowait; }
};

struct SystemStat {
    CpuTimes overall;
    std::vector<CpuTimes> cores; // indexed by the number after "cpu"; offline cores keep zeros
    qint64 bootTimeSec = 0;
    qint64 processesRunning = 0;
    qint64 contextSwitches = 0;
};
// Reuses out.cores' storage between calls (the sampler parses into the same object every tick).
bool parseSystemStat(std::string_view text, SystemStat &out);

// /proc/meminfo, in bytes.
struct MemInfo {
    qint64 totalBytes = 0;
    qint64 freeBytes = 0;
    qint64 availableBytes = -1; // absent on very old kernels: estimated by the caller
    qint64 buffersBytes = 0;
    qint64 cachedBytes = 0;
    qint64 sReclaimableBytes = 0;
    qint64 shmemBytes = 0;
    qint64 swapTotalBytes = 0;
    qint64 swapFreeBytes = 0;
};
std::optional<MemInfo> parseMemInfo(std::string_view text);

struct LoadAvg {
    double load1 = 0;
    double load5 = 0;
    double load15 = 0;
    qint64 runnable = 0;
    qint64 entities = 0;
    qint64 lastPid = 0;
};
std::optional<LoadAvg> parseLoadAvg(std::string_view text);

// /proc/[pid]/task/[tid]/comm or /proc/[pid]/comm: the name without its trailing newline.
std::string_view parseComm(std::string_view text);

// Target of a /proc/[pid]/fd/N symlink.
enum class FdKind { File, Socket, Pipe, AnonInode, Other };
FdKind classifyFdTarget(std::string_view linkTarget);

} // namespace bw::proc
