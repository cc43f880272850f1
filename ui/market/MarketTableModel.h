#pragma once

#include "common/SymbolKeyedTableModel.h"
#include "market/MarketTypes.h"

#include <QList>

namespace bw::ui {

// The market overview as a table: one row per symbol. A refresh updates rows in place and reports them
// as dataChanged ranges; rows are inserted or removed only when the set of symbols changes, so views keep
// their selection and scroll position while prices move.
class MarketTableModel final : public SymbolKeyedTableModel<SymbolOverview>
{
    Q_OBJECT

public:
    enum Column { Symbol, LastPrice, Change24h, Volume24h, SpreadBps, TradesPerMinute, Count };

    explicit MarketTableModel(QObject *parent = nullptr);

    void setSymbols(const QList<bw::SymbolOverview> &symbols);
    const SymbolOverview &symbolAt(int row) const { return rowAt(row); }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString keyOf(const SymbolOverview &row) const override { return row.symbol; }
    bool sameValues(const SymbolOverview &a, const SymbolOverview &b) const override;
    QVariant displayValue(const SymbolOverview &row, int column) const;
    QVariant sortValue(const SymbolOverview &row, int column) const;
};

} // namespace bw::ui
