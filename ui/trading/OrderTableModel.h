#pragma once

#include "trading/BoundedTableModel.h"
#include "trading/Order.h"

#include <QList>

namespace bw::ui {

// Every order the paper broker created, newest first, one row per order: a later state of an order
// (partially filled, filled, cancelled) updates its row. Bounded: the oldest orders leave once it holds
// `capacity`.
class OrderTableModel final : public BoundedTableModel<qint64, bw::Order>
{
    Q_OBJECT

public:
    enum Column {
        Time,
        Id,
        Symbol,
        Purpose,
        Note, // beside the purpose: together they say why the order exists
        Side,
        Type,
        Price,
        Quantity,
        Filled,
        AvgFill,
        Fees,
        Status,
        Reason,
        Count
    };
    static constexpr int kDefaultCapacity = 2000;

    explicit OrderTableModel(int capacity = kDefaultCapacity, QObject *parent = nullptr);

    // Order states in the order they happened (TradingUpdate::orders).
    void addOrders(const QList<bw::Order> &orders);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const bw::Order &order, int column) const;
    QVariant sortValue(const bw::Order &order, int column) const;
};

} // namespace bw::ui
