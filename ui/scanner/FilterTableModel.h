#pragma once

#include "scanner/ScanTypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace bw::ui {

// Each filter the scan evaluated for one symbol: what it measured, how it compares, the threshold, and
// whether it passed. Showing the next report's filters for the same symbol updates rows in place.
class FilterTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Value, Comparison, Threshold, Result, Count };
    static constexpr int SortRole = Qt::UserRole; // raw value (double) or name
    // The verdict as a number: 1 passed, 0 failed, -1 not applicable.
    static constexpr int PassedRole = Qt::UserRole + 1;

    explicit FilterTableModel(QObject *parent = nullptr);

    void setFilters(const QList<bw::FilterResult> &filters);
    const QList<FilterResult> &filters() const { return m_filters; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<FilterResult> m_filters;
};

} // namespace bw::ui
