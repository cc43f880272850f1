#pragma once

#include "trading/BoundedTableModel.h"
#include "trading/Position.h"

#include <QList>

namespace bw::ui {

// Recently closed trades, newest first: how each one ended, its net realised PnL after every fee and that
// PnL in multiples of the initial risk (the replay report's R). Entries that died unfilled are not trades
// and are left out. Bounded: the oldest leave once it holds `capacity`.
class ClosedPositionTableModel final : public BoundedTableModel<qint64, bw::Position>
{
    Q_OBJECT

public:
    enum Column {
        Closed,
        Symbol,
        Side,
        Strategy,
        Quantity,
        AvgEntry,
        AvgExit,
        ExitReason,
        Held,
        Fees,
        NetPnl,
        NetR,
        Count
    };
    static constexpr int kDefaultCapacity = 500;

    explicit ClosedPositionTableModel(int capacity = kDefaultCapacity, QObject *parent = nullptr);

    // The positions a trading step finished (TradingUpdate::finished); only closed trades are kept.
    void addFinished(const QList<bw::Position> &finished);

    // Volume-weighted exit price implied by the realised price PnL; 0 before any entry fill.
    static double averageExit(const bw::Position &position);
    // Net realised PnL over the initial risk; 0 when the risk is unknown.
    static double netR(const bw::Position &position);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const bw::Position &position, int column) const;
    QVariant sortValue(const bw::Position &position, int column) const;
};

} // namespace bw::ui
