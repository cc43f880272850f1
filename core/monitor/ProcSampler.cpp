#include "monitor/ProcSampler.h"

#include "monitor/MonitorLog.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <malloc.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace bw {
namespace {

std::string_view view(const std::string &buffer, qint64 n)
{
    return {buffer.data(), std::size_t(std::max<qint64>(n, 0))};
}

QString tr(const char *text)
{
    return QCoreApplication::translate("bw::ProcSampler", text);
}

struct LinuxDirent64 {
    quint64 d_ino;
    qint64 d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[1];
};

// Iterates a kept-open /proc directory from its start with getdents64 (no DIR*, no allocation).
template <typename Fn>
bool forEachDirEntry(int dirFd, std::string &buffer, Fn &&fn)
{
    if (::lseek(dirFd, 0, SEEK_SET) < 0)
        return false;
    if (buffer.size() < 16384)
        buffer.resize(16384);
    // procfs fills the buffer while entries remain (it stops only when the next one does not fit), so a
    // call that left room for a longest entry has reached the end: no second call just to read 0.
    constexpr long kRoomForAnotherEntry = long(offsetof(LinuxDirent64, d_name)) + 256 + 8;
    for (;;) {
        const long n = ::syscall(SYS_getdents64, dirFd, buffer.data(), buffer.size());
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        const bool last = long(buffer.size()) - n >= kRoomForAnotherEntry;
        for (long offset = 0; offset < n;) {
            LinuxDirent64 entry;
            std::memcpy(&entry, buffer.data() + offset, offsetof(LinuxDirent64, d_name));
            const char *name = buffer.data() + offset + offsetof(LinuxDirent64, d_name);
            if (name[0] != '.')
                fn(name);
            offset += entry.d_reclen;
        }
        if (last)
            return true;
    }
}

double clampPercent(double value, double max)
{
    return std::clamp(value, 0.0, max);
}

double busyPercent(const proc::CpuTimes &now, const proc::CpuTimes &prev)
{
    const qint64 total = now.total() - prev.total();
    const qint64 idle = now.idleAll() - prev.idleAll();
    if (total <= 0)
        return 0.0;
    return clampPercent(100.0 * double(total - idle) / double(total), 100.0);
}

} // namespace

ProcSampler::ProcSampler()
    : ProcSampler(Options{})
{}

ProcSampler::ProcSampler(Options options)
    : m_options(std::move(options))
    , m_ticksPerSecond(std::max<long>(::sysconf(_SC_CLK_TCK), 1))
    , m_pageSize(std::max<long>(::sysconf(_SC_PAGESIZE), 1))
    , m_cpuCount(std::max<long>(::sysconf(_SC_NPROCESSORS_CONF), 1))
{}

ProcSampler::~ProcSampler()
{
    closeProcessFiles();
    closeFile(m_sysStat);
    closeFile(m_memInfo);
    closeFile(m_loadAvg);
}

qint64 ProcSampler::ownPid()
{
    return qint64(::getpid());
}

qint64 ProcSampler::ownRssBytes()
{
    const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    char buffer[256];
    const ssize_t n = ::pread(fd, buffer, sizeof buffer, 0);
    ::close(fd);
    const auto statm = n > 0 ? proc::parsePidStatm(std::string_view(buffer, std::size_t(n))) : std::nullopt;
    return statm ? statm->residentPages * qint64(::sysconf(_SC_PAGESIZE)) : -1;
}

bool ProcSampler::fail(Error error, const QString &message)
{
    m_error = error;
    m_errorString = message;
    return false;
}

bool ProcSampler::openPath(File &file, const char *path)
{
    file.fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (file.fd < 0)
        return false;
    if (file.buffer.empty())
        file.buffer.resize(4096);
    return true;
}

bool ProcSampler::openProcFile(File &file, const char *name, int *errnoOut)
{
    const std::string path = m_procDir + name;
    if (!openPath(file, path.c_str())) {
        if (errnoOut)
            *errnoOut = errno;
        return false;
    }
    return true;
}

qint64 ProcSampler::readAll(File &file, int *errnoOut)
{
    if (file.fd < 0)
        return -1;
    for (;;) {
        const ssize_t n = ::pread(file.fd, file.buffer.data(), file.buffer.size(), 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errnoOut)
                *errnoOut = errno;
            return -1;
        }
        if (std::size_t(n) < file.buffer.size())
            return n;
        // Filled the buffer: the file may be longer. Grow once and read again from the start so the
        // content is one consistent snapshot.
        file.buffer.resize(file.buffer.size() * 2);
    }
}

void ProcSampler::closeFile(File &file)
{
    if (file.fd >= 0)
        ::close(file.fd);
    file.fd = -1;
}

void ProcSampler::closeProcessFiles()
{
    closeFile(m_stat);
    closeFile(m_statm);
    closeFile(m_status);
    closeFile(m_smapsRollup);
    closeFile(m_io);
    if (m_fdDir >= 0)
        ::close(m_fdDir);
    m_fdDir = -1;
    m_attached = false;
}

bool ProcSampler::attach(qint64 pid)
{
    closeProcessFiles();
    m_error = Error::None;
    m_errorString.clear();
    m_prevProcTicks = -1;
    m_startTimeTicks = -1;
    m_haveDetails = false;
    m_details = Details{};
    if (pid < 0 || pid > 4194304) // PID_MAX_LIMIT on 64-bit Linux
        return fail(Error::NoSuchProcess, tr("%1 is not a valid process id").arg(pid));
    m_self = pid == 0 || pid == ownPid();
    m_pid = pid == 0 ? ownPid() : pid;
    m_procDir = "/proc/" + std::to_string(m_pid) + "/";

    int err = 0;
    if (!openProcFile(m_stat, "stat", &err)) {
        if (err == EACCES || err == EPERM)
            return fail(Error::PermissionDenied, tr("process %1: permission denied reading /proc/%1/stat").arg(m_pid));
        return fail(Error::NoSuchProcess, tr("no process with id %1").arg(m_pid));
    }
    const qint64 n = readAll(m_stat, &err);
    const auto stat = n > 0 ? proc::parsePidStat(view(m_stat.buffer, n)) : std::nullopt;
    if (!stat) {
        closeProcessFiles();
        return fail(Error::NoSuchProcess, tr("no process with id %1").arg(m_pid));
    }
    m_startTimeTicks = stat->startTimeTicks;
    const QString name = QString::fromUtf8(stat->name.data(), qsizetype(stat->name.size()));

    if (!openProcFile(m_statm, "statm", &err) || !openProcFile(m_status, "status", &err)) {
        closeProcessFiles();
        return fail(Error::ReadFailed, tr("process %1 (%2): cannot open its /proc files: %3")
                                           .arg(m_pid)
                                           .arg(name, QString::fromLocal8Bit(std::strerror(err))));
    }

    // Descriptors, memory maps and I/O counters need ptrace read access: without it the process is not
    // one the user may monitor (another user's, or a more privileged one).
    const std::string fdPath = m_procDir + "fd";
    m_fdDir = ::open(fdPath.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_fdDir < 0 && (errno == EACCES || errno == EPERM)) {
        closeProcessFiles();
        return fail(Error::PermissionDenied,
                    tr("process %1 (%2): permission denied; its descriptors and memory maps are not readable by "
                       "this user")
                        .arg(m_pid)
                        .arg(name));
    }
    bool denied = false;
    if (openProcFile(m_smapsRollup, "smaps_rollup", &err)) {
        if (readAll(m_smapsRollup, &err) < 0 && (err == EACCES || err == EPERM))
            denied = true;
    } else if (err == EACCES || err == EPERM) {
        denied = true;
    }
    if (openProcFile(m_io, "io", &err)) {
        if (readAll(m_io, &err) < 0 && (err == EACCES || err == EPERM))
            denied = true;
    } else if (err == EACCES || err == EPERM) {
        denied = true;
    }
    if (denied) {
        closeProcessFiles();
        return fail(Error::PermissionDenied,
                    tr("process %1 (%2): permission denied; its descriptors and memory maps are not readable by "
                       "this user")
                        .arg(m_pid)
                        .arg(name));
    }
    if (!m_options.readPss)
        closeFile(m_smapsRollup);
    if (!m_options.readIo)
        closeFile(m_io);
    m_attached = true;
    return true;
}

bool ProcSampler::processGone(int err)
{
    if (err == ESRCH || err == ENOENT)
        return fail(Error::ProcessExited, tr("process %1 has exited").arg(m_pid));
    return fail(Error::ReadFailed,
                tr("process %1: cannot read /proc: %2").arg(m_pid).arg(QString::fromLocal8Bit(std::strerror(err))));
}

bool ProcSampler::sampleProcess(ProcessSample &out)
{
    if (!m_attached)
        return fail(Error::NoSuchProcess, tr("the sampler is not attached to a process"));
    int err = 0;
    const qint64 n = readAll(m_stat, &err);
    if (n < 0)
        return processGone(err);
    const auto stat = proc::parsePidStat(view(m_stat.buffer, n));
    if (!stat)
        return fail(Error::ReadFailed, tr("process %1: /proc/%1/stat is malformed").arg(m_pid));
    if (stat->startTimeTicks != m_startTimeTicks)
        return fail(Error::ProcessExited, tr("process %1 has exited (its id now belongs to another)").arg(m_pid));
    // A zombie has exited; only its parent has not collected it yet.
    if (stat->state == 'Z' || stat->state == 'X')
        return fail(Error::ProcessExited, tr("process %1 has exited").arg(m_pid));

    const auto now = std::chrono::steady_clock::now();
    const qint64 ticks = stat->utimeTicks + stat->stimeTicks;
    out.pid = m_pid;
    out.name = QString::fromUtf8(stat->name.data(), qsizetype(stat->name.size()));
    out.state = stat->state;
    out.startTimeTicks = stat->startTimeTicks;
    out.cpuTimeMs = ticks * 1000 / m_ticksPerSecond;
    out.cpuPercent = 0;
    if (m_prevProcTicks >= 0) {
        const double seconds = std::chrono::duration<double>(now - m_prevProcTime).count();
        if (seconds > 0)
            out.cpuPercent = clampPercent(100.0 * double(ticks - m_prevProcTicks) / double(m_ticksPerSecond) / seconds,
                                          100.0 * double(m_cpuCount));
    }
    m_prevProcTicks = ticks;
    m_prevProcTime = now;
    out.threads = stat->numThreads;
    out.minorFaults = stat->minorFaults;
    out.majorFaults = stat->majorFaults;

    // Not stat's rss field: on current kernels it is the approximate per-CPU counter (a freshly started
    // process can read 0), while statm sums it.
    const qint64 nm = readAll(m_statm, &err);
    if (nm < 0)
        return processGone(err);
    const auto statm = proc::parsePidStatm(view(m_statm.buffer, nm));
    if (!statm)
        return fail(Error::ReadFailed, tr("process %1: /proc/%1/statm is malformed").arg(m_pid));
    out.rssBytes = statm->residentPages * m_pageSize;
    out.vmsBytes = statm->sizePages * m_pageSize;
    out.sharedBytes = statm->sharedPages * m_pageSize;

    const bool details = !m_haveDetails || now - m_detailsTime >= std::chrono::milliseconds(m_options.detailIntervalMs);
    if (details && !readDetails(now))
        return false;
    out.pssBytes = m_details.pssBytes;
    out.swapBytes = m_details.swapBytes;
    out.peakRssBytes = m_details.peakRssBytes;
    out.ioReadBytes = m_details.ioReadBytes;
    out.ioWriteBytes = m_details.ioWriteBytes;
    countDescriptors(out, details);
    out.memoryPercent = m_memTotalBytes > 0 ? 100.0 * double(out.rssBytes) / double(m_memTotalBytes) : 0.0;
    return true;
}

bool ProcSampler::readDetails(std::chrono::steady_clock::time_point now)
{
    int err = 0;
    const qint64 ns = readAll(m_status, &err);
    if (ns < 0)
        return processGone(err);
    Details d;
    if (const auto status = proc::parsePidStatus(view(m_status.buffer, ns))) {
        d.swapBytes = status->vmSwapBytes;
        d.peakRssBytes = status->vmHwmBytes;
    }
    if (m_smapsRollup.fd >= 0) {
        const qint64 nr = readAll(m_smapsRollup);
        if (const auto rollup = nr > 0 ? proc::parseSmapsRollup(view(m_smapsRollup.buffer, nr)) : std::nullopt) {
            d.pssBytes = rollup->pssBytes;
            if (d.swapBytes < 0)
                d.swapBytes = rollup->swapBytes;
        }
    }
    if (m_io.fd >= 0) {
        const qint64 ni = readAll(m_io);
        if (const auto io = ni > 0 ? proc::parsePidIo(view(m_io.buffer, ni)) : std::nullopt) {
            d.ioReadBytes = io->readBytes;
            d.ioWriteBytes = io->writeBytes;
        }
    }
    d.sockets = m_details.sockets; // refreshed by countDescriptors in the same sample
    m_details = d;
    m_detailsTime = now;
    m_haveDetails = true;
    return true;
}

void ProcSampler::countDescriptors(ProcessSample &out, bool classify)
{
    out.openFiles = -1;
    out.sockets = -1;
    if (!m_options.countFds || m_fdDir < 0)
        return;
    classify = classify && m_options.classifyFds;
    qint64 count = 0;
    qint64 sockets = 0;
    char target[256];
    const bool ok = forEachDirEntry(m_fdDir, m_direntBuffer, [&](const char *name) {
        ++count;
        if (!classify)
            return;
        const ssize_t len = ::readlinkat(m_fdDir, name, target, sizeof target);
        if (len > 0 && proc::classifyFdTarget(std::string_view(target, std::size_t(len))) == proc::FdKind::Socket)
            ++sockets;
    });
    if (!ok)
        return;
    // Our own walk holds no extra descriptor (the directory fd is kept open and counted like any other),
    // so for the own process the count includes the sampler's kept-open files: that is the truth.
    out.openFiles = count;
    if (classify)
        m_details.sockets = sockets;
    out.sockets = m_options.classifyFds ? m_details.sockets : -1;
}

bool ProcSampler::sampleSystem(SystemSample &out)
{
    if (m_sysStat.fd < 0 && !openPath(m_sysStat, "/proc/stat"))
        return fail(Error::ReadFailed, tr("cannot open /proc/stat"));
    if (m_memInfo.fd < 0 && !openPath(m_memInfo, "/proc/meminfo"))
        return fail(Error::ReadFailed, tr("cannot open /proc/meminfo"));
    if (m_loadAvg.fd < 0 && !openPath(m_loadAvg, "/proc/loadavg"))
        return fail(Error::ReadFailed, tr("cannot open /proc/loadavg"));

    const qint64 n = readAll(m_sysStat);
    std::swap(m_sysStatPrev, m_sysStatNow);
    if (n <= 0 || !proc::parseSystemStat(view(m_sysStat.buffer, n), m_sysStatNow))
        return fail(Error::ReadFailed, tr("/proc/stat is unreadable or malformed"));
    out.cpuCount = int(m_sysStatNow.cores.size());
    out.cpuPercent = 0;
    if (out.coreCpuPercent.size() != qsizetype(m_sysStatNow.cores.size()))
        out.coreCpuPercent.resize(qsizetype(m_sysStatNow.cores.size()));
    std::fill(out.coreCpuPercent.begin(), out.coreCpuPercent.end(), 0.0);
    if (m_haveSysPrev) {
        out.cpuPercent = busyPercent(m_sysStatNow.overall, m_sysStatPrev.overall);
        const std::size_t cores = std::min(m_sysStatNow.cores.size(), m_sysStatPrev.cores.size());
        for (std::size_t i = 0; i < cores; ++i)
            out.coreCpuPercent[qsizetype(i)] = busyPercent(m_sysStatNow.cores[i], m_sysStatPrev.cores[i]);
    }
    m_haveSysPrev = true;

    const qint64 nm = readAll(m_memInfo);
    const auto mem = nm > 0 ? proc::parseMemInfo(view(m_memInfo.buffer, nm)) : std::nullopt;
    if (!mem)
        return fail(Error::ReadFailed, tr("/proc/meminfo is unreadable or malformed"));
    out.memTotalBytes = mem->totalBytes;
    out.memAvailableBytes = mem->availableBytes >= 0
                                ? mem->availableBytes
                                : mem->freeBytes + mem->buffersBytes + mem->cachedBytes + mem->sReclaimableBytes;
    out.memUsedBytes = std::max<qint64>(out.memTotalBytes - out.memAvailableBytes, 0);
    out.memPercent = clampPercent(100.0 * double(out.memUsedBytes) / double(out.memTotalBytes), 100.0);
    out.swapTotalBytes = mem->swapTotalBytes;
    out.swapUsedBytes = std::max<qint64>(mem->swapTotalBytes - mem->swapFreeBytes, 0);
    out.swapPercent = mem->swapTotalBytes > 0
                          ? clampPercent(100.0 * double(out.swapUsedBytes) / double(mem->swapTotalBytes), 100.0)
                          : 0.0;
    m_memTotalBytes = mem->totalBytes;

    const qint64 nl = readAll(m_loadAvg);
    if (const auto load = nl > 0 ? proc::parseLoadAvg(view(m_loadAvg.buffer, nl)) : std::nullopt) {
        out.load1 = load->load1;
        out.load5 = load->load5;
        out.load15 = load->load15;
    }

    out.diskPath = m_options.diskPath;
    out.diskTotalBytes = out.diskFreeBytes = out.diskUsedBytes = -1;
    out.diskPercent = 0;
    if (!m_options.diskPath.isEmpty()) {
        struct statvfs vfs {
        };
        if (::statvfs(QFile::encodeName(m_options.diskPath).constData(), &vfs) == 0) {
            const auto frag = qint64(vfs.f_frsize ? vfs.f_frsize : vfs.f_bsize);
            out.diskTotalBytes = qint64(vfs.f_blocks) * frag;
            out.diskFreeBytes = qint64(vfs.f_bavail) * frag;
            out.diskUsedBytes = qint64(vfs.f_blocks - vfs.f_bfree) * frag;
            const qint64 denominator = out.diskUsedBytes + out.diskFreeBytes;
            out.diskPercent =
                denominator > 0 ? clampPercent(100.0 * double(out.diskUsedBytes) / double(denominator), 100.0) : 0.0;
        }
    }
    return true;
}

bool ProcSampler::sample(ResourceSample &out, qint64 nowMs)
{
    out.timeMs = nowMs;
    // System first: the process's memory share needs the total.
    if (m_options.sampleSystem && !sampleSystem(out.system))
        return false;
    if (!sampleProcess(out.process))
        return false;
    out.allocator = m_self ? allocatorStats() : AllocatorStats{};
    return true;
}

QList<ThreadInfo> ProcSampler::threads()
{
    QList<ThreadInfo> result;
    const std::string taskPath = m_procDir + "task";
    const int taskDir = ::open(taskPath.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (taskDir < 0)
        return result;
    std::string dirents;
    char comm[64];
    forEachDirEntry(taskDir, dirents, [&](const char *name) {
        ThreadInfo info;
        info.tid = std::strtoll(name, nullptr, 10);
        const std::string commPath = std::string(name) + "/comm";
        const int fd = ::openat(taskDir, commPath.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            const ssize_t n = ::pread(fd, comm, sizeof comm, 0);
            if (n > 0) {
                const std::string_view text = proc::parseComm(std::string_view(comm, std::size_t(n)));
                info.name = QString::fromUtf8(text.data(), qsizetype(text.size()));
            }
            ::close(fd);
        }
        result.append(info);
    });
    ::close(taskDir);
    std::sort(result.begin(), result.end(), [](const ThreadInfo &a, const ThreadInfo &b) { return a.tid < b.tid; });
    return result;
}

AllocatorStats ProcSampler::allocatorStats()
{
    AllocatorStats stats;
#if defined(__GLIBC__) && !defined(BW_SANITIZER_ALLOCATOR) &&                                                          \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    const struct mallinfo2 info = ::mallinfo2();
    stats.available = true;
    stats.arenaBytes = qint64(info.arena);
    stats.mmappedBytes = qint64(info.hblkhd);
    stats.inUseBytes = qint64(info.uordblks) + qint64(info.hblkhd);
    stats.freeBytes = qint64(info.fordblks);
    stats.releasableBytes = qint64(info.keepcost);
#endif
    return stats;
}

} // namespace bw
