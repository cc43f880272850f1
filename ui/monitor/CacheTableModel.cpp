#include "monitor/CacheTableModel.h"

#include "common/NumberFormat.h"
#include "common/Theme.h"

#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace bw::ui {

namespace {

bool sameFigures(const CacheStats &a, const CacheStats &b)
{
    return a.size == b.size && a.capacity == b.capacity && a.hits == b.hits && a.misses == b.misses &&
           a.evictions == b.evictions && a.expirations == b.expirations && a.replacements == b.replacements &&
           a.estimatedBytes == b.estimatedBytes && a.evictable == b.evictable;
}

} // namespace

CacheTableModel::CacheTableModel(QObject *parent, const Clock &clock)
    : QAbstractTableModel(parent)
    , m_clock(clock)
{}

int CacheTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CacheTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

double CacheTableModel::occupancy(const CacheStats &stats)
{
    return stats.capacity > 0 ? static_cast<double>(stats.size) / static_cast<double>(stats.capacity) : 0.0;
}

QVariant CacheTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CacheStats &stats = m_rows.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return stats.name;
        case Occupancy:
            return tr("%1 / %2").arg(locale.toString(stats.size), locale.toString(stats.capacity));
        case HitRate:
            if (stats.hits + stats.misses == 0)
                return tr("–");
            return tr("%1 %").arg(locale.toString(stats.hitRate() * 100.0, 'f', 1));
        case Evictions:
            return locale.toString(stats.evictions);
        case Replacements:
            return locale.toString(stats.replacements);
        case EstimatedBytes:
            return NumberFormat::bytes(stats.estimatedBytes, locale);
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case Name:
            return stats.name;
        case Occupancy:
            return occupancy(stats);
        case HitRate:
            return stats.hitRate();
        case Evictions:
            return stats.evictions;
        case Replacements:
            return stats.replacements;
        case EstimatedBytes:
            return stats.estimatedBytes;
        default:
            return {};
        }
    case PressureRole:
        return m_pressure.at(index.row()).underPressure;
    case Qt::ForegroundRole:
        if (index.column() == Evictions && m_pressure.at(index.row()).underPressure)
            // The theme's amber is made for dark backgrounds; on white a darker one stays readable.
            return Theme::current() == ThemeMode::Dark ? Theme::warning() : QColor(0xa8, 0x62, 0x00);
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(index.column() == Name ? Qt::AlignLeft | Qt::AlignVCenter
                                                          : Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == Name) {
            const QString memory = tr("About %1 in memory").arg(NumberFormat::bytes(stats.estimatedBytes, locale));
            return stats.evictable ? memory
                                   : memory + u'\n' + tr("Needed for correctness: never emptied under memory pressure");
        }
        if (index.column() == HitRate)
            return tr("%1 hits, %2 misses").arg(locale.toString(stats.hits), locale.toString(stats.misses));
        if (index.column() == Evictions) {
            // The replaced count is repeated here: the narrow layout hides its column.
            const QString counts = tr("%1 evicted to make room, %2 expired, %3 replaced by newer entries")
                                       .arg(locale.toString(stats.evictions), locale.toString(stats.expirations),
                                            locale.toString(stats.replacements));
            return m_pressure.at(index.row()).underPressure ? counts + u'\n' + pressureText() : counts;
        }
        if (index.column() == Replacements)
            return tr("Replaced: %1\nAn entry is replaced when a newer one for the same item arrives (a symbol's "
                      "previous bar when its next bar closes): nothing would read it again, so it goes at once. "
                      "Not a sign of pressure.")
                .arg(locale.toString(stats.replacements));
        if (index.column() == Occupancy) {
            const QString full = tr("%1 % full").arg(locale.toString(occupancy(stats) * 100.0, 'f', 1));
            return m_pressure.at(index.row()).underPressure ? full + u'\n' + pressureText() : full;
        }
        return {};
    default:
        return {};
    }
}

QVariant CacheTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(section == Name ? Qt::AlignLeft | Qt::AlignVCenter
                                                   : Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Evictions:
            return tr("Entries pushed out for lack of room. A cache that keeps evicting is smaller than what it "
                      "is asked to hold; it is marked in amber while it has evicted in the last %1 minutes.")
                .arg(kPressureWindowMs / 60'000);
        case Replacements:
            return tr("Entries replaced by a newer entry for the same item, e.g. a symbol's previous bar when "
                      "its next bar closes. They are dropped at once instead of waiting to be evicted; a high "
                      "count is normal and not a sign of pressure.");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Cache");
    case Occupancy:
        return tr("Size / capacity");
    case HitRate:
        return tr("Hit rate");
    case Evictions:
        return tr("Evictions");
    case Replacements:
        return tr("Replaced");
    case EstimatedBytes:
        return tr("Memory");
    default:
        return {};
    }
}

QString CacheTableModel::pressureText()
{
    return tr("Evicting: entries were pushed out for lack of room in the last %1 minutes")
        .arg(kPressureWindowMs / 60'000);
}

CacheTableModel::Pressure CacheTableModel::nextPressure(const Pressure &before, const CacheStats &was,
                                                        const CacheStats &now, qint64 nowMs)
{
    Pressure next = before;
    if (now.evictions > was.evictions)
        next.lastRiseMs = nowMs;
    else if (now.evictions < was.evictions)
        next.lastRiseMs = -1; // another cache of that name took the row's place: its counts start afresh
    next.underPressure = next.lastRiseMs >= 0 && nowMs - next.lastRiseMs < kPressureWindowMs;
    return next;
}

QString CacheTableModel::rowKey(const QString &name, int occurrence)
{
    return occurrence == 0 ? name : name + u'\x1f' + QString::number(occurrence);
}

void CacheTableModel::refresh(const QList<CacheStats> &stats)
{
    // Rows are identified by name; two caches of one name (a scanner being replaced by the next one)
    // are told apart by their order among the caches of that name.
    QHash<QString, qsizetype> incoming;
    incoming.reserve(stats.size());
    QHash<QString, int> seen;
    QStringList incomingKeys;
    incomingKeys.reserve(stats.size());
    for (qsizetype i = 0; i < stats.size(); ++i) {
        const QString key = rowKey(stats.at(i).name, seen[stats.at(i).name]++);
        incoming.insert(key, i);
        incomingKeys.append(key);
    }

    // Caches that went away (their owner was destroyed, or another source took over).
    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_keys.at(row))) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            m_pressure.removeAt(row);
            m_keys.removeAt(row);
            endRemoveRows();
        }
    }

    // Figures of the caches still here: one dataChanged per run of adjacent changed rows, so an unchanged
    // row is never reported (and never repainted or re-sorted) because its neighbours changed. A row whose
    // pressure mark ends (no eviction within the window) changes too, with the same figures.
    const qint64 nowMs = m_clock.nowMs();
    int runStart = -1;
    const auto closeRun = [this, &runStart](int endRow) {
        if (runStart >= 0)
            emit dataChanged(index(runStart, 0), index(endRow, Count - 1));
        runStart = -1;
    };
    QSet<QString> present;
    present.reserve(m_keys.size());
    for (int row = 0; row < static_cast<int>(m_rows.size()); ++row) {
        present.insert(m_keys.at(row));
        const CacheStats &now = stats.at(incoming.value(m_keys.at(row)));
        const Pressure pressure = nextPressure(m_pressure.at(row), m_rows.at(row), now, nowMs);
        const bool markChanged = pressure.underPressure != m_pressure.at(row).underPressure;
        m_pressure[row] = pressure;
        if (sameFigures(now, m_rows.at(row)) && !markChanged) {
            closeRun(row - 1);
            continue;
        }
        m_rows[row] = now;
        if (runStart < 0)
            runStart = row;
    }
    closeRun(static_cast<int>(m_rows.size()) - 1);

    // Caches registered since the last refresh, in the registry's order.
    QList<qsizetype> added;
    for (qsizetype i = 0; i < stats.size(); ++i) {
        if (!present.contains(incomingKeys.at(i)))
            added.append(i);
    }
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const qsizetype i : std::as_const(added)) {
            m_rows.append(stats.at(i));
            // Counts from before this model saw the cache say nothing about now: no mark until they rise.
            m_pressure.append(Pressure{});
            m_keys.append(incomingKeys.at(i));
        }
        endInsertRows();
    }
}

} // namespace bw::ui
