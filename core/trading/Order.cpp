#include "trading/Order.h"

#include <algorithm>
#include <array>
#include <utility>

namespace bw {

namespace {

template <typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char *>, N> &table, const QString &text)
{
    for (const auto &[e, name] : table) {
        if (text == QLatin1String(name))
            return e;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<OrderSide, const char *>, 2> kSides{{
    {OrderSide::Buy, "buy"},
    {OrderSide::Sell, "sell"},
}};
constexpr std::array<std::pair<OrderType, const char *>, 3> kTypes{{
    {OrderType::Market, "market"},
    {OrderType::Limit, "limit"},
    {OrderType::StopMarket, "stop_market"},
}};
constexpr std::array<std::pair<OrderStatus, const char *>, 5> kStatuses{{
    {OrderStatus::Open, "open"},
    {OrderStatus::PartiallyFilled, "partially_filled"},
    {OrderStatus::Filled, "filled"},
    {OrderStatus::Cancelled, "cancelled"},
    {OrderStatus::Rejected, "rejected"},
}};
constexpr std::array<std::pair<OrderPurpose, const char *>, 9> kPurposes{{
    {OrderPurpose::Entry, "entry"},
    {OrderPurpose::StopLoss, "stop_loss"},
    {OrderPurpose::Breakeven, "breakeven"},
    {OrderPurpose::TrailingStop, "trailing_stop"},
    {OrderPurpose::TakeProfit1, "tp1"},
    {OrderPurpose::TakeProfit2, "tp2"},
    {OrderPurpose::MaxHold, "max_hold"},
    {OrderPurpose::Manual, "manual"},
    {OrderPurpose::KillSwitch, "kill_switch"},
}};

} // namespace

QString toCode(OrderSide side)
{
    return nameOf(kSides, side);
}
QString toCode(OrderType type)
{
    return nameOf(kTypes, type);
}
QString toCode(OrderStatus status)
{
    return nameOf(kStatuses, status);
}
QString toCode(OrderPurpose purpose)
{
    return nameOf(kPurposes, purpose);
}
std::optional<OrderSide> orderSideFromString(const QString &text)
{
    return valueOf(kSides, text);
}
std::optional<OrderType> orderTypeFromString(const QString &text)
{
    return valueOf(kTypes, text);
}
std::optional<OrderStatus> orderStatusFromString(const QString &text)
{
    return valueOf(kStatuses, text);
}
std::optional<OrderPurpose> orderPurposeFromString(const QString &text)
{
    return valueOf(kPurposes, text);
}

QString boundedOrderNote(const QString &text)
{
    // Cut before simplifying, so a hostile megabyte of text costs no more than the limit's worth of work
    // (twice the limit: collapsing runs of spaces may shorten what was kept).
    const bool cut = text.size() > 2 * kMaxOrderNoteLength;
    QString note = text.left(2 * kMaxOrderNoteLength).simplified();
    if (cut || note.size() > kMaxOrderNoteLength) {
        note.truncate(std::min<qsizetype>(note.size(), kMaxOrderNoteLength - 1));
        // Never end on half of a surrogate pair (an emoji cut in two would show as garbage).
        if (!note.isEmpty() && note.back().isHighSurrogate())
            note.chop(1);
        note.append(QChar(0x2026)); // …
    }
    return note;
}

} // namespace bw
