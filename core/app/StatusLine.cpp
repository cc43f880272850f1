#include "app/StatusLine.h"

#include "common/NumberFormat.h"

#include <QDateTime>
#include <QFile>
#include <QTimeZone>

#include <algorithm>
#include <unistd.h>

namespace bw {

QString StatusLine::utcTime(qint64 epochMs)
{
    return tr("%1 UTC").arg(
        QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

QString StatusLine::barClock(const MarketOverview &overview)
{
    if (overview.barIntervalMs <= 0)
        return {};
    const QString barOpen =
        QDateTime::fromMSecsSinceEpoch(overview.formingBarOpenMs, QTimeZone::utc()).toString(QStringLiteral("HH:mm"));
    const qint64 remainingMs = overview.formingBarOpenMs + overview.barIntervalMs - overview.marketTimeMs;
    return tr("%1 bar %2, closes in %3")
        .arg(NumberFormat::interval(overview.barIntervalMs), barOpen, NumberFormat::duration(remainingMs));
}

int StatusLine::backfillPercent(const MarketOverview &overview)
{
    // The feed counts in its own units (bars, files); only the fraction means something to a reader.
    if (overview.backfillTotal <= 0)
        return 0;
    return static_cast<int>(std::clamp<qint64>(qint64(overview.backfillDone) * 100 / overview.backfillTotal, 0, 100));
}

QString StatusLine::symbolCount(int count)
{
    // Spelled out rather than with %n plurals, which need a translation file even for English.
    return count == 1 ? tr("1 symbol") : tr("%1 symbols").arg(count);
}

QString StatusLine::format(const MarketOverview &overview, qint64 residentBytes, const QLocale &locale)
{
    QStringList parts;
    parts << overview.sourceName;
    if (overview.marketTimeMs > 0)
        parts << utcTime(overview.marketTimeMs) << barClock(overview);
    parts << symbolCount(static_cast<int>(overview.symbols.size()));
    if (overview.backfilling)
        parts << tr("loading history %1 %").arg(backfillPercent(overview));

    // Top mover each way, the first thing a trader glances at.
    const auto [lowest, highest] = std::minmax_element(
        overview.symbols.cbegin(), overview.symbols.cend(),
        [](const SymbolOverview &a, const SymbolOverview &b) { return a.changePct24h < b.changePct24h; });
    if (highest != overview.symbols.cend() && highest->changePct24h > 0)
        parts << tr("top %1 %2").arg(highest->symbol, NumberFormat::signedPercent(highest->changePct24h, 1, locale));
    if (lowest != overview.symbols.cend() && lowest->changePct24h < 0)
        parts << tr("bottom %1 %2").arg(lowest->symbol, NumberFormat::signedPercent(lowest->changePct24h, 1, locale));

    parts << tr("store %1").arg(NumberFormat::bytes(overview.storeBytes, locale));
    if (residentBytes >= 0)
        parts << tr("RSS %1").arg(NumberFormat::bytes(residentBytes, locale));
    return parts.join(QStringLiteral(" | "));
}

QString StatusLine::waiting(const QString &sourceName, qint64 residentBytes, const QLocale &locale)
{
    QStringList parts{sourceName, tr("starting")};
    if (residentBytes >= 0)
        parts << tr("RSS %1").arg(NumberFormat::bytes(residentBytes, locale));
    return parts.join(QStringLiteral(" | "));
}

qint64 StatusLine::residentBytes()
{
    // statm: size resident shared text lib data dt, in pages. One small read; no parsing of status text.
    QFile file(QStringLiteral("/proc/self/statm"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = file.read(128);
    const qsizetype space = text.indexOf(' ');
    if (space < 0)
        return -1;
    const qsizetype end = text.indexOf(' ', space + 1);
    bool ok = false;
    const qint64 pages = text.mid(space + 1, end < 0 ? -1 : end - space - 1).toLongLong(&ok);
    if (!ok)
        return -1;
    return pages * static_cast<qint64>(sysconf(_SC_PAGESIZE));
}

} // namespace bw
