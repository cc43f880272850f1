#include "common/SortFilterProxyModel.h"

namespace bw::ui {

SortFilterProxyModel::SortFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(Qt::UserRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void SortFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    QSortFilterProxyModel::sort(column, order);
    // The arrow lives in the header text, so the header must repaint its captions.
    if (columnCount() > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

QVariant SortFilterProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QVariant value = QSortFilterProxyModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section != sortColumn())
        return value;
    const QChar arrow = sortOrder() == Qt::AscendingOrder ? QChar(0x25B4) : QChar(0x25BE); // ▴ ▾
    const QVariant alignment = headerData(section, orientation, Qt::TextAlignmentRole);
    const bool right = alignment.isValid() && (alignment.toInt() & Qt::AlignRight);
    return right ? QString(arrow + u' ' + value.toString()) : QString(value.toString() + u' ' + arrow);
}

} // namespace bw::ui
