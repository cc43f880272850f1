#include "monitor/CacheTableModel.h"

#include "common/NumberFormat.h"

#include <QLocale>

#include <algorithm>

namespace bw::ui {

namespace {

bool sameFigures(const CacheStats &a, const CacheStats &b)
{
    return a.size == b.size && a.capacity == b.capacity && a.hits == b.hits && a.misses == b.misses &&
           a.evictions == b.evictions && a.estimatedBytes == b.estimatedBytes;
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
        if (index.column() == Name && !stats.evictable)
            return tr("Needed for correctness: never emptied under memory pressure");
        if (index.column() == HitRate)
            return tr("%1 hits, %2 misses").arg(locale.toString(stats.hits), locale.toString(stats.misses));
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

void CacheTableModel::refresh(const QList<CacheStats> &stats)
{
    const auto findIn = [](const QList<CacheStats> &list, const QString &name) {
        return std::find_if(list.cbegin(), list.cend(), [&name](const CacheStats &s) { return s.name == name; });
    };

    // Caches that went away (their owner was destroyed).
    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
        if (findIn(stats, m_rows.at(row).name) == stats.cend()) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }

    // Figures of the caches still here, reported as one range over the rows that changed.
    int firstChanged = -1;
    int lastChanged = -1;
    for (int row = 0; row < static_cast<int>(m_rows.size()); ++row) {
        const auto it = findIn(stats, m_rows.at(row).name);
        if (sameFigures(*it, m_rows.at(row)))
            continue;
        m_rows[row] = *it;
        if (firstChanged < 0)
            firstChanged = row;
        lastChanged = row;
    }
    if (firstChanged >= 0)
        emit dataChanged(index(firstChanged, 0), index(lastChanged, Count - 1));

    // Caches registered since the last refresh.
    QList<CacheStats> added;
    for (const CacheStats &s : stats) {
        if (findIn(m_rows, s.name) == m_rows.cend() && findIn(added, s.name) == added.cend())
            added.append(s);
    }
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }
}

} // namespace bw::ui
