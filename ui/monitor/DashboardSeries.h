#pragma once

#include "monitor/ResourceMonitor.h"
#include "monitor/TimeSeriesHistory.h"

#include <algorithm>

namespace bw::ui {

// The dashboard's point types and how each is folded into a minute for the 24 h range.

// One finished scan, placed at the time the dashboard received it (on the resource samples' clock: the
// engine's own clock is market time, which the other plots do not share).
struct ScanPoint {
    qint64 timeMs = 0;
    double wallMs = 0;
    double batchSize = 0;
    int symbols = 0;
};

// The server's remote viewers as last reported.
struct ViewerPoint {
    qint64 timeMs = 0;
    double clients = 0;
    double queuedBytes = 0;
    qint64 drops = 0;
    qint64 resyncs = 0;
};

// Resource samples: averages of rates, peaks of sizes (the resource monitor's own minute rule).
struct HistoryPointTraits {
    static void accumulate(HistoryPoint &s, const HistoryPoint &p)
    {
        s.processCpu += p.processCpu;
        s.systemCpu += p.systemCpu;
        s.memoryPercent += p.memoryPercent;
        s.swapPercent += p.swapPercent;
        s.diskPercent += p.diskPercent;
        s.load1 += p.load1;
        s.rssBytes = std::max(s.rssBytes, p.rssBytes);
        s.pssBytes = std::max(s.pssBytes, p.pssBytes);
        s.vmsBytes = std::max(s.vmsBytes, p.vmsBytes);
        s.threads = std::max(s.threads, p.threads);
        s.openFiles = std::max(s.openFiles, p.openFiles);
        s.heapInUseBytes = std::max(s.heapInUseBytes, p.heapInUseBytes);
        s.heapFreeBytes = std::max(s.heapFreeBytes, p.heapFreeBytes);
    }
    static HistoryPoint finish(HistoryPoint s, int count)
    {
        const double n = count;
        s.processCpu /= n;
        s.systemCpu /= n;
        s.memoryPercent /= n;
        s.swapPercent /= n;
        s.diskPercent /= n;
        s.load1 /= n;
        return s;
    }
    static HistoryPoint merge(const HistoryPoint &, const HistoryPoint &newer) { return newer; }
};

// Scans: the slowest scan of a minute (a slow one must stay visible in the day view), the smallest batch.
struct ScanPointTraits {
    static void accumulate(ScanPoint &s, const ScanPoint &p)
    {
        s.wallMs = std::max(s.wallMs, p.wallMs);
        s.batchSize = std::min(s.batchSize, p.batchSize);
        s.symbols = std::max(s.symbols, p.symbols);
    }
    static ScanPoint finish(const ScanPoint &s, int) { return s; }
    static ScanPoint merge(const ScanPoint &older, ScanPoint newer)
    {
        newer.wallMs = std::max(older.wallMs, newer.wallMs);
        return newer;
    }
};

// Viewers: the most clients and the deepest queue of a minute; drops and resyncs are running totals.
struct ViewerPointTraits {
    static void accumulate(ViewerPoint &s, const ViewerPoint &p)
    {
        s.clients = std::max(s.clients, p.clients);
        s.queuedBytes = std::max(s.queuedBytes, p.queuedBytes);
        s.drops = std::max(s.drops, p.drops);
        s.resyncs = std::max(s.resyncs, p.resyncs);
    }
    static ViewerPoint finish(const ViewerPoint &s, int) { return s; }
    static ViewerPoint merge(const ViewerPoint &older, ViewerPoint newer)
    {
        newer.queuedBytes = std::max(older.queuedBytes, newer.queuedBytes);
        return newer;
    }
};

using ResourceHistory = TimeSeriesHistory<HistoryPoint, HistoryPointTraits>;
using ScanHistory = TimeSeriesHistory<ScanPoint, ScanPointTraits>;
using ViewerHistory = TimeSeriesHistory<ViewerPoint, ViewerPointTraits>;

} // namespace bw::ui
