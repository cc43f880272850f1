#pragma once

#include "market/MarketTypes.h"
#include "trading/Position.h"
#include "trading/TradingUpdate.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace bw::ui {

// The live positions (pending entries and open trades) with their PnL at the latest mark, in USD and in
// multiples of the frozen initial risk. Trading updates replace a position's row in place; a position that
// closes (or whose entry dies unfilled) leaves the table. Marks come with the positions and, between
// trading steps, from the market overview, so the PnL moves with the market although the engine only
// republishes a position when its state changes. The engine's concurrent-position limit bounds the table.
class PositionTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Symbol, Side, Status, Quantity, AvgEntry, Mark, Stop, Tp1, Tp2, PnlUsd, PnlR, Opened, Count };
    static constexpr int SortRole = Qt::UserRole;

    explicit PositionTableModel(QObject *parent = nullptr);

    // Applies one trading step: changed positions update their rows, new live ones are added, finished
    // ones are removed.
    void applyUpdate(const bw::TradingUpdate &update);
    // Newer marks for the symbols held; rows whose mark changed report their mark and PnL cells.
    void setMarks(const QList<bw::SymbolOverview> &symbols);
    void clear();

    const bw::Position &positionAt(int row) const { return m_rows.at(row).position; }
    double markAt(int row) const { return m_rows.at(row).mark; }
    int rowOf(qint64 positionId) const { return m_index.value(positionId, -1); }
    // Sum of the unrealised PnL of every row at its mark.
    double unrealisedTotal() const;
    int openCount() const; // rows holding quantity (pending entries excluded)

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        bw::Position position;
        double mark = 0;
    };

    QVariant displayValue(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    QVariant toolTip(const Row &row, int column) const;
    void removeRows(QList<int> rows);
    void emitChanged(QList<int> rows, int firstColumn, int lastColumn);
    void rebuildIndex();

    QList<Row> m_rows;
    QHash<qint64, int> m_index; // position id -> row
};

} // namespace bw::ui
