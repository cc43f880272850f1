#pragma once

#include <QString>

#include <optional>

namespace bw {

// Direction of a signal or a position. Orders have their own buy/sell side (OrderSide).
enum class TradeSide { Long, Short };

// +1 for a long, -1 for a short: PnL = (exit - entry) * qty * sideSign.
inline double sideSign(TradeSide side)
{
    return side == TradeSide::Long ? 1.0 : -1.0;
}

inline QString toCode(TradeSide side)
{
    return side == TradeSide::Long ? QStringLiteral("long") : QStringLiteral("short");
}

inline std::optional<TradeSide> tradeSideFromString(const QString &text)
{
    if (text == QLatin1String("long"))
        return TradeSide::Long;
    if (text == QLatin1String("short"))
        return TradeSide::Short;
    return std::nullopt;
}

} // namespace bw
