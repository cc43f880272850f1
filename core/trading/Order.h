#pragma once

#include "trading/TradeSide.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace bw {

enum class OrderSide { Buy, Sell };
enum class OrderType {
    Market,    // takes liquidity now, at the touch plus slippage and impact
    Limit,     // fills only when the market crosses the limit price, never better than the market
    StopMarket // becomes a market order once the stop price is crossed; fills at the stop or worse
};
enum class OrderStatus { Open, PartiallyFilled, Filled, Cancelled, Rejected };
// Why the order exists; exits name the rule that sent them.
enum class OrderPurpose {
    Entry,
    StopLoss,
    Breakeven,
    TrailingStop,
    TakeProfit1,
    TakeProfit2,
    MaxHold,
    Manual,
    KillSwitch
};

QString toCode(OrderSide side);
QString toCode(OrderType type);
QString toCode(OrderStatus status);
QString toCode(OrderPurpose purpose);
std::optional<OrderSide> orderSideFromString(const QString &text);
std::optional<OrderType> orderTypeFromString(const QString &text);
std::optional<OrderStatus> orderStatusFromString(const QString &text);
std::optional<OrderPurpose> orderPurposeFromString(const QString &text);

// An order's note: why it was placed, in words a trader reads in the orders table and the journal
// ("closed by remote operator #3: news in 5 minutes", "initial stop at 95210.5 hit"). Part of it can come
// from a remote operator, so it is bounded: one line (line breaks and runs of spaces collapse to one space,
// so a note cannot fake rows in a log or a table) of at most kMaxOrderNoteLength characters, an over-long
// one cut and ended with "…". The limit leaves room for "closed by remote operator #N: " in front of the
// protocol's 200-character reason.
inline constexpr int kMaxOrderNoteLength = 240;
QString boundedOrderNote(const QString &text);

// The side that opens a position of this direction, and the side that reduces it.
inline OrderSide entrySide(TradeSide side)
{
    return side == TradeSide::Long ? OrderSide::Buy : OrderSide::Sell;
}
inline OrderSide exitSide(TradeSide side)
{
    return side == TradeSide::Long ? OrderSide::Sell : OrderSide::Buy;
}

// What a caller asks the broker for.
struct OrderRequest {
    qint64 positionId = 0; // 0 for orders that belong to no position
    QString symbol;
    OrderSide side = OrderSide::Buy;
    OrderType type = OrderType::Market;
    OrderPurpose purpose = OrderPurpose::Manual;
    double qty = 0;
    double limitPrice = 0; // Limit only
    double stopPrice = 0;  // StopMarket only
    bool reduceOnly = false;
    // StopMarket only: the caller already saw the stop crossed (by a bar's low or high that the book
    // snapshot no longer shows), so the order is live at once.
    bool triggered = false;
    // The price the market traded at when the caller saw the stop or target reached on a bar's path
    // (open, low, high, close): the order's fill on arrival is taken there instead of at the book, which
    // shows the bar's close. 0: at the book. What does not fill on arrival continues against the books.
    double pathPrice = 0;
    QString note; // why the order is placed (see boundedOrderNote); the broker bounds it
};

// An order as the broker tracks it. A plain value; the broker hands out copies in BrokerResult.
struct Order {
    qint64 id = 0;
    qint64 positionId = 0;
    QString symbol;
    OrderSide side = OrderSide::Buy;
    OrderType type = OrderType::Market;
    OrderPurpose purpose = OrderPurpose::Manual;
    OrderStatus status = OrderStatus::Open;
    double qty = 0;
    double limitPrice = 0;
    double stopPrice = 0;
    bool reduceOnly = false;
    bool triggered = false; // StopMarket: the stop has been crossed
    double filledQty = 0;
    double avgFillPrice = 0;
    double feesUsd = 0;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    QString note;   // why it was placed: the rule or the operator behind it (bounded, see boundedOrderNote)
    QString reason; // why it was rejected or cancelled; empty otherwise

    double remainingQty() const { return qty > filledQty ? qty - filledQty : 0.0; }
    bool isActive() const { return status == OrderStatus::Open || status == OrderStatus::PartiallyFilled; }
};

} // namespace bw

Q_DECLARE_METATYPE(bw::Order)
