#pragma once

#include "market/MarketTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace bw::ui {

// The market overview as a table: one row per symbol. A refresh updates rows in place and reports them
// as dataChanged ranges; rows are inserted or removed only when the set of symbols changes, so views keep
// their selection and scroll position while prices move.
class MarketTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Symbol, LastPrice, Change24h, Volume24h, SpreadBps, TradesPerMinute, Count };
    // The raw value of a cell (double or QString) for sorting; never sort the display strings.
    static constexpr int SortRole = Qt::UserRole;

    explicit MarketTableModel(QObject *parent = nullptr);

    void setSymbols(const QList<bw::SymbolOverview> &symbols);
    const SymbolOverview &symbolAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const SymbolOverview &row, int column) const;
    QVariant sortValue(const SymbolOverview &row, int column) const;
    void removeMissing(const QHash<QString, int> &incoming);
    void rebuildIndex();

    QList<SymbolOverview> m_rows;
    QHash<QString, int> m_index; // symbol -> row
};

} // namespace bw::ui
