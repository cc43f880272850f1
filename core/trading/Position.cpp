#include "trading/Position.h"

namespace bw {

QString toCode(PositionStatus status)
{
    switch (status) {
    case PositionStatus::Pending:
        return QStringLiteral("pending");
    case PositionStatus::Open:
        return QStringLiteral("open");
    case PositionStatus::Closed:
        return QStringLiteral("closed");
    case PositionStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString toCode(StopKind kind)
{
    switch (kind) {
    case StopKind::Initial:
        return QStringLiteral("initial");
    case StopKind::Breakeven:
        return QStringLiteral("breakeven");
    case StopKind::Trailing:
        return QStringLiteral("trailing");
    }
    return {};
}

std::optional<PositionStatus> positionStatusFromString(const QString &text)
{
    for (auto s : {PositionStatus::Pending, PositionStatus::Open, PositionStatus::Closed, PositionStatus::Cancelled}) {
        if (toCode(s) == text)
            return s;
    }
    return std::nullopt;
}

std::optional<StopKind> stopKindFromString(const QString &text)
{
    for (auto k : {StopKind::Initial, StopKind::Breakeven, StopKind::Trailing}) {
        if (toCode(k) == text)
            return k;
    }
    return std::nullopt;
}

} // namespace bw
