#pragma once

#include "trading/BoundedTableModel.h"
#include "trading/Fill.h"

#include <QList>

namespace bw::ui {

// Every execution, newest first: price, quantity, fee, maker or taker, and the PnL it realised. Bounded:
// the oldest fills leave once it holds `capacity`.
class FillTableModel final : public BoundedTableModel<qint64, bw::Fill>
{
    Q_OBJECT

public:
    enum Column { Time, OrderId, Symbol, Purpose, Side, Price, Quantity, Notional, Fee, Liquidity, RealisedPnl, Count };
    static constexpr int kDefaultCapacity = 2000;

    explicit FillTableModel(int capacity = kDefaultCapacity, QObject *parent = nullptr);

    void addFills(const QList<bw::Fill> &fills);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const bw::Fill &fill, int column) const;
    QVariant sortValue(const bw::Fill &fill, int column) const;
};

} // namespace bw::ui
