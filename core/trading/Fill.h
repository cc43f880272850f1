#pragma once

#include "trading/Order.h"

#include <QMetaType>
#include <QString>

namespace bw {

enum class Liquidity { Maker, Taker };

// One execution of (part of) an order. Perpetual-style accounting: a fill moves cash by
// realisedPnlUsd - feeUsd and nothing else.
struct Fill {
    qint64 id = 0;
    qint64 orderId = 0;
    qint64 positionId = 0;
    QString symbol;
    OrderSide side = OrderSide::Buy;
    OrderPurpose purpose = OrderPurpose::Manual;
    double qty = 0;
    double price = 0;
    double feeUsd = 0;
    Liquidity liquidity = Liquidity::Taker;
    double realisedPnlUsd = 0; // PnL of the part of the fill that reduced the symbol's net position
    qint64 timeMs = 0;

    double notional() const { return qty * price; }
};

} // namespace bw

Q_DECLARE_METATYPE(bw::Fill)
