#include "scanner/FilterTableModel.h"

#include "common/CellAlignment.h"
#include "common/Theme.h"
#include "scanner/ScanFormat.h"

#include <QLocale>

#include <algorithm>

namespace bw::ui {

FilterTableModel::FilterTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int FilterTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_filters.size());
}

int FilterTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

void FilterTableModel::setFilters(const QList<FilterResult> &filters)
{
    const int oldCount = static_cast<int>(m_filters.size());
    const int newCount = static_cast<int>(filters.size());
    if (newCount < oldCount) {
        beginRemoveRows({}, newCount, oldCount - 1);
        m_filters.resize(newCount);
        endRemoveRows();
    }
    const int kept = std::min(oldCount, newCount);
    for (int i = 0; i < kept; ++i)
        m_filters[i] = filters.at(i);
    if (kept > 0)
        emit dataChanged(index(0, 0), index(kept - 1, Count - 1));
    if (newCount > oldCount) {
        beginInsertRows({}, oldCount, newCount - 1);
        for (int i = oldCount; i < newCount; ++i)
            m_filters.append(filters.at(i));
        endInsertRows();
    }
}

QVariant FilterTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FilterResult &f = m_filters.at(index.row());
    const int column = index.column();
    const int verdict = !f.applicable ? -1 : (f.passed ? 1 : 0);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Name:
            return ScanFormat::filterName(f.key);
        case Value:
            return f.applicable ? ScanFormat::filterValue(f) : tr("n/a");
        case Comparison:
            return ScanFormat::comparison(f.comparison);
        case Threshold:
            return ScanFormat::threshold(f);
        case Result:
            return verdict < 0 ? tr("n/a") : (verdict > 0 ? tr("Pass") : tr("Fail"));
        default:
            return {};
        }
    case SortRole:
        switch (column) {
        case Name:
            return ScanFormat::filterName(f.key);
        case Value:
            return f.value;
        case Comparison:
            return int(f.comparison);
        case Threshold:
            return f.limit;
        case Result:
            return verdict;
        default:
            return {};
        }
    case PassedRole:
        return verdict;
    case Qt::TextAlignmentRole:
        return cellAlignment(column == Value || column == Threshold);
    case Qt::ForegroundRole:
        if (column == Result || (column == Value && verdict == 0))
            return verdict < 0 ? Theme::neutral() : (verdict > 0 ? Theme::up() : Theme::down());
        if (verdict < 0)
            return Theme::neutral();
        return {};
    case Qt::ToolTipRole:
        if (column == Comparison)
            return f.thresholdText();
        if (!f.applicable)
            return f.reason.isEmpty() ? tr("Not applicable") : tr("Not applicable: %1").arg(f.reason);
        if (!f.reason.isEmpty())
            return f.reason;
        return {};
    default:
        return {};
    }
}

QVariant FilterTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= Count)
        return {};
    if (role == Qt::TextAlignmentRole)
        return cellAlignment(section == Value || section == Threshold);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Filter");
    case Value:
        return tr("Value");
    case Comparison:
        return tr("Rule");
    case Threshold:
        return tr("Threshold");
    case Result:
        return tr("Result");
    default:
        return {};
    }
}

} // namespace bw::ui
