#pragma once

#include "market/MarketTypes.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace bw {

// The one-line summary of the headless mode: data source, market time and bar clock, symbols, backfill,
// top movers, store size and the process's resident memory.
class StatusLine final
{
    Q_DECLARE_TR_FUNCTIONS(bw::StatusLine)

public:
    static QString format(const MarketOverview &overview, qint64 residentBytes, const QLocale &locale = QLocale());
    // Before the first overview arrives.
    static QString waiting(const QString &sourceName, qint64 residentBytes, const QLocale &locale = QLocale());

    // How far the history has loaded, 0..100.
    static int backfillPercent(const MarketOverview &overview);
    // "1 symbol", "300 symbols"
    static QString symbolCount(int count);
    // "2026-11-27 15:45:12 UTC"
    static QString utcTime(qint64 epochMs);
    // "5m bar 15:45, closes in 2:48"
    static QString barClock(const MarketOverview &overview);

    // The resident set size of this process from /proc/self/statm, or -1 when it cannot be read.
    static qint64 residentBytes();
};

} // namespace bw
