#include "monitor/ProcParsers.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace bw::proc {
namespace {

// A forward-only reader over the buffer: skip blanks, read a number, skip to the next line.
class Cursor
{
public:
    explicit Cursor(std::string_view text)
        : m_p(text.data())
        , m_end(text.data() + text.size())
    {}

    bool atEnd() const { return m_p >= m_end; }
    const char *pos() const { return m_p; }

    void skipBlanks()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t'))
            ++m_p;
    }

    template <typename Number>
    bool readNumber(Number &value)
    {
        skipBlanks();
        const auto [ptr, ec] = std::from_chars(m_p, m_end, value);
        if (ec != std::errc())
            return false;
        m_p = ptr;
        return true;
    }

    bool readInt(qint64 &value) { return readNumber(value); }

    // Unsigned fields that may exceed int64 (e.g. rsslim = 2^64-1) saturate instead of failing.
    bool readUnsignedSaturating(qint64 &value)
    {
        skipBlanks();
        unsigned long long v = 0;
        const auto [ptr, ec] = std::from_chars(m_p, m_end, v);
        if (ec == std::errc::result_out_of_range) {
            const char *p = m_p;
            while (p < m_end && *p >= '0' && *p <= '9')
                ++p;
            m_p = p;
            value = std::numeric_limits<qint64>::max();
            return true;
        }
        if (ec != std::errc())
            return false;
        m_p = ptr;
        value = v > static_cast<unsigned long long>(std::numeric_limits<qint64>::max())
                    ? std::numeric_limits<qint64>::max()
                    : static_cast<qint64>(v);
        return true;
    }

    bool readDouble(double &value) { return readNumber(value); }

    bool readChar(char &c)
    {
        skipBlanks();
        if (m_p >= m_end)
            return false;
        c = *m_p++;
        return true;
    }

    // Skips one whitespace-separated field.
    bool skipField()
    {
        skipBlanks();
        const char *start = m_p;
        while (m_p < m_end && *m_p != ' ' && *m_p != '\n' && *m_p != '\t')
            ++m_p;
        return m_p > start;
    }

    void nextLine()
    {
        while (m_p < m_end && *m_p != '\n')
            ++m_p;
        if (m_p < m_end)
            ++m_p;
    }

    bool startsWith(std::string_view prefix) const
    {
        return std::string_view(m_p, std::size_t(m_end - m_p)).substr(0, prefix.size()) == prefix;
    }

    void advance(std::size_t n) { m_p += std::min<std::size_t>(n, std::size_t(m_end - m_p)); }

    std::string_view restOfLine() const
    {
        const char *p = m_p;
        while (p < m_end && *p != '\n')
            ++p;
        return {m_p, std::size_t(p - m_p)};
    }

private:
    const char *m_p;
    const char *m_end;
};

// "Key:   value kB" files (status, meminfo, smaps_rollup): calls fn(key, cursorAtValue) for every line.
template <typename Fn>
void forEachKeyLine(std::string_view text, Fn &&fn)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos)
            eol = text.size();
        const std::string_view line = text.substr(pos, eol - pos);
        const std::size_t colon = line.find(':');
        if (colon != std::string_view::npos)
            fn(line.substr(0, colon), line.substr(colon + 1));
        pos = eol + 1;
    }
}

// "  12345 kB" -> bytes; a value without unit is taken as is.
bool parseKbValue(std::string_view value, qint64 &bytes)
{
    Cursor c(value);
    qint64 n = 0;
    if (!c.readInt(n))
        return false;
    c.skipBlanks();
    bytes = c.startsWith("kB") ? n * 1024 : n;
    return true;
}

bool parsePlainValue(std::string_view value, qint64 &out)
{
    Cursor c(value);
    return c.readInt(out);
}

} // namespace

std::optional<PidStat> parsePidStat(std::string_view text)
{
    const std::size_t open = text.find('(');
    const std::size_t close = text.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return std::nullopt;
    PidStat s;
    s.name = text.substr(open + 1, close - open - 1);
    Cursor c(text.substr(close + 1));
    // Fields after the name, numbered as in proc(5) starting at 3 (state).
    if (!c.readChar(s.state))
        return std::nullopt;
    qint64 v = 0;
    for (int field = 4; field <= 24; ++field) {
        if (!c.readUnsignedSaturating(v) && !c.readInt(v))
            return std::nullopt;
        switch (field) {
        case 4:
            s.ppid = v;
            break;
        case 10:
            s.minorFaults = v;
            break;
        case 12:
            s.majorFaults = v;
            break;
        case 14:
            s.utimeTicks = v;
            break;
        case 15:
            s.stimeTicks = v;
            break;
        case 20:
            s.numThreads = v;
            break;
        case 22:
            s.startTimeTicks = v;
            break;
        case 23:
            s.vsizeBytes = v;
            break;
        case 24:
            s.rssPages = v;
            break;
        default:
            break;
        }
    }
    return s;
}

std::optional<PidStatm> parsePidStatm(std::string_view text)
{
    Cursor c(text);
    PidStatm s;
    qint64 lib = 0;
    qint64 dt = 0;
    if (!c.readInt(s.sizePages) || !c.readInt(s.residentPages) || !c.readInt(s.sharedPages) ||
        !c.readInt(s.textPages) || !c.readInt(lib) || !c.readInt(s.dataPages) || !c.readInt(dt))
        return std::nullopt;
    return s;
}

std::optional<PidStatus> parsePidStatus(std::string_view text)
{
    PidStatus s;
    bool sawName = false;
    bool sawThreads = false;
    forEachKeyLine(text, [&](std::string_view key, std::string_view value) {
        if (key == "Name") {
            Cursor c(value);
            c.skipBlanks();
            s.name = c.restOfLine();
            sawName = true;
        } else if (key == "VmSize") {
            parseKbValue(value, s.vmSizeBytes);
        } else if (key == "VmRSS") {
            parseKbValue(value, s.vmRssBytes);
        } else if (key == "VmHWM") {
            parseKbValue(value, s.vmHwmBytes);
        } else if (key == "VmSwap") {
            parseKbValue(value, s.vmSwapBytes);
        } else if (key == "RssAnon") {
            parseKbValue(value, s.rssAnonBytes);
        } else if (key == "RssFile") {
            parseKbValue(value, s.rssFileBytes);
        } else if (key == "RssShmem") {
            parseKbValue(value, s.rssShmemBytes);
        } else if (key == "Threads") {
            sawThreads = parsePlainValue(value, s.threads);
        } else if (key == "voluntary_ctxt_switches") {
            parsePlainValue(value, s.voluntaryCtxtSwitches);
        } else if (key == "nonvoluntary_ctxt_switches") {
            parsePlainValue(value, s.nonvoluntaryCtxtSwitches);
        } else if (key == "Uid") {
            parsePlainValue(value, s.uid);
        }
    });
    // Name and Threads are present for every task; without them the file was cut short.
    if (!sawName || !sawThreads)
        return std::nullopt;
    return s;
}

std::optional<SmapsRollup> parseSmapsRollup(std::string_view text)
{
    SmapsRollup s;
    forEachKeyLine(text, [&](std::string_view key, std::string_view value) {
        if (key == "Rss")
            parseKbValue(value, s.rssBytes);
        else if (key == "Pss")
            parseKbValue(value, s.pssBytes);
        else if (key == "Pss_Anon")
            parseKbValue(value, s.pssAnonBytes);
        else if (key == "Pss_File")
            parseKbValue(value, s.pssFileBytes);
        else if (key == "Shared_Clean")
            parseKbValue(value, s.sharedCleanBytes);
        else if (key == "Shared_Dirty")
            parseKbValue(value, s.sharedDirtyBytes);
        else if (key == "Private_Clean")
            parseKbValue(value, s.privateCleanBytes);
        else if (key == "Private_Dirty")
            parseKbValue(value, s.privateDirtyBytes);
        else if (key == "Swap")
            parseKbValue(value, s.swapBytes);
        else if (key == "SwapPss")
            parseKbValue(value, s.swapPssBytes);
    });
    if (s.rssBytes < 0 || s.pssBytes < 0)
        return std::nullopt;
    return s;
}

std::optional<PidIo> parsePidIo(std::string_view text)
{
    PidIo io;
    int seen = 0;
    forEachKeyLine(text, [&](std::string_view key, std::string_view value) {
        qint64 *target = nullptr;
        if (key == "rchar")
            target = &io.rchar;
        else if (key == "wchar")
            target = &io.wchar;
        else if (key == "syscr")
            target = &io.syscr;
        else if (key == "syscw")
            target = &io.syscw;
        else if (key == "read_bytes")
            target = &io.readBytes;
        else if (key == "write_bytes")
            target = &io.writeBytes;
        else if (key == "cancelled_write_bytes")
            target = &io.cancelledWriteBytes;
        if (target && parsePlainValue(value, *target))
            ++seen;
    });
    if (seen < 7)
        return std::nullopt;
    return io;
}

bool parseSystemStat(std::string_view text, SystemStat &out)
{
    Cursor c(text);
    bool sawOverall = false;
    std::size_t coreCount = 0;
    out.bootTimeSec = 0;
    out.processesRunning = 0;
    out.contextSwitches = 0;
    while (!c.atEnd()) {
        if (c.startsWith("cpu")) {
            c.advance(3);
            qint64 index = -1;
            if (!c.startsWith(" ")) {
                if (!c.readInt(index) || index < 0 || index > 4095)
                    return false;
            }
            CpuTimes t;
            qint64 *fields[] = {&t.user, &t.nice, &t.system, &t.idle, &t.iowait, &t.irq, &t.softirq, &t.steal};
            int read = 0;
            for (qint64 *f : fields) {
                if (!c.readInt(*f))
                    break;
                ++read;
            }
            // Kernels since 2.6.11 give at least 8 columns; fewer means the line was cut.
            if (read < 8)
                return false;
            if (index < 0) {
                out.overall = t;
                sawOverall = true;
            } else {
                const auto i = std::size_t(index);
                if (i >= out.cores.size())
                    out.cores.resize(i + 1);
                out.cores[i] = t;
                coreCount = std::max(coreCount, i + 1);
            }
        } else if (c.startsWith("ctxt ")) {
            c.advance(5);
            c.readInt(out.contextSwitches);
        } else if (c.startsWith("btime ")) {
            c.advance(6);
            c.readInt(out.bootTimeSec);
        } else if (c.startsWith("procs_running ")) {
            c.advance(14);
            c.readInt(out.processesRunning);
        }
        c.nextLine();
    }
    out.cores.resize(coreCount);
    // A complete read ends with a newline; anything else was cut mid-line.
    return sawOverall && text.ends_with('\n');
}

std::optional<MemInfo> parseMemInfo(std::string_view text)
{
    MemInfo m;
    bool sawTotal = false;
    bool sawFree = false;
    forEachKeyLine(text, [&](std::string_view key, std::string_view value) {
        if (key == "MemTotal")
            sawTotal = parseKbValue(value, m.totalBytes);
        else if (key == "MemFree")
            sawFree = parseKbValue(value, m.freeBytes);
        else if (key == "MemAvailable")
            parseKbValue(value, m.availableBytes);
        else if (key == "Buffers")
            parseKbValue(value, m.buffersBytes);
        else if (key == "Cached")
            parseKbValue(value, m.cachedBytes);
        else if (key == "SReclaimable")
            parseKbValue(value, m.sReclaimableBytes);
        else if (key == "Shmem")
            parseKbValue(value, m.shmemBytes);
        else if (key == "SwapTotal")
            parseKbValue(value, m.swapTotalBytes);
        else if (key == "SwapFree")
            parseKbValue(value, m.swapFreeBytes);
    });
    if (!sawTotal || !sawFree || m.totalBytes <= 0)
        return std::nullopt;
    return m;
}

std::optional<LoadAvg> parseLoadAvg(std::string_view text)
{
    Cursor c(text);
    LoadAvg l;
    char slash = 0;
    if (!c.readDouble(l.load1) || !c.readDouble(l.load5) || !c.readDouble(l.load15) || !c.readInt(l.runnable) ||
        !c.readChar(slash) || slash != '/' || !c.readInt(l.entities) || !c.readInt(l.lastPid))
        return std::nullopt;
    return l;
}

std::string_view parseComm(std::string_view text)
{
    const std::size_t eol = text.find('\n');
    return eol == std::string_view::npos ? text : text.substr(0, eol);
}

FdKind classifyFdTarget(std::string_view target)
{
    if (target.starts_with("socket:"))
        return FdKind::Socket;
    if (target.starts_with("pipe:"))
        return FdKind::Pipe;
    if (target.starts_with("anon_inode:"))
        return FdKind::AnonInode;
    if (target.starts_with("/"))
        return FdKind::File;
    return FdKind::Other;
}

} // namespace bw::proc
