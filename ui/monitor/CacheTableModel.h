#pragma once

#include "common/CacheRegistry.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace bw::ui {

// The occupancy of every registered bounded cache, one row per cache: size against capacity, hit rate,
// evictions, memory. refresh() updates the rows in place (dataChanged over each run of changed rows only,
// inserts and removes for caches that came or went), never a reset, so sorting, selection and scroll
// position survive the once-a-second refresh.
class CacheTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Occupancy, HitRate, Evictions, EstimatedBytes, Count };
    // Raw values for sorting: name, size/capacity share, hit rate share, evictions, bytes.
    static constexpr int SortRole = Qt::UserRole;

    explicit CacheTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Takes the registry's current figures (CacheRegistry::instance().stats()).
    void refresh(const QList<bw::CacheStats> &stats);
    const CacheStats &statsAt(int row) const { return m_rows.at(row); }

private:
    static double occupancy(const CacheStats &stats);
    static QString rowKey(const QString &name, int occurrence);

    QList<CacheStats> m_rows;
    QStringList m_keys; // per row: the name, and its occurrence among caches of that name
};

} // namespace bw::ui
