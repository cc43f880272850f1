#include "monitor/CacheTableModel.h"

#include "common/NumberFormat.h"

#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace bw::ui {

namespace {

bool sameFigures(const CacheStats &a, const CacheStats &b)
{
    return a.size == b.size && a.capacity == b.capacity && a.hits == b.hits && a.misses == b.misses &&
           a.evictions == b.evictions && a.expirations == b.expirations && a.estimatedBytes == b.estimatedBytes &&
           a.evictable == b.evictable;
}

} // namespace

CacheTableModel::CacheTableModel(QObject *parent)
    : QAbstractTableModel(parent)
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
        case EstimatedBytes:
            return stats.estimatedBytes;
        default:
            return {};
        }
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
        if (index.column() == Evictions)
            return tr("%1 evicted to make room, %2 expired")
                .arg(locale.toString(stats.evictions), locale.toString(stats.expirations));
        if (index.column() == Occupancy)
            return tr("%1 % full").arg(locale.toString(occupancy(stats) * 100.0, 'f', 1));
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
    case EstimatedBytes:
        return tr("Memory");
    default:
        return {};
    }
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
            m_keys.removeAt(row);
            endRemoveRows();
        }
    }

    // Figures of the caches still here: one dataChanged per run of adjacent changed rows, so an unchanged
    // row is never reported (and never repainted or re-sorted) because its neighbours changed.
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
        if (sameFigures(now, m_rows.at(row))) {
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
            m_keys.append(incomingKeys.at(i));
        }
        endInsertRows();
    }
}

} // namespace bw::ui
