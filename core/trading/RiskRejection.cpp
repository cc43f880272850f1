#include "trading/RiskRejection.h"

namespace bw {

QString toCode(RiskRejection rejection)
{
    switch (rejection) {
    case RiskRejection::None:
        return QStringLiteral("none");
    case RiskRejection::InvalidSignal:
        return QStringLiteral("invalid_signal");
    case RiskRejection::SignalExpired:
        return QStringLiteral("signal_expired");
    case RiskRejection::KillSwitch:
        return QStringLiteral("kill_switch");
    case RiskRejection::DailyLossLimit:
        return QStringLiteral("daily_loss_limit");
    case RiskRejection::Cooldown:
        return QStringLiteral("cooldown");
    case RiskRejection::MaxPositions:
        return QStringLiteral("max_positions");
    case RiskRejection::DuplicateSymbol:
        return QStringLiteral("duplicate_symbol");
    case RiskRejection::Correlation:
        return QStringLiteral("correlation");
    case RiskRejection::InvalidEquity:
        return QStringLiteral("invalid_equity");
    case RiskRejection::InvalidStop:
        return QStringLiteral("invalid_stop");
    case RiskRejection::NoDepth:
        return QStringLiteral("no_depth");
    case RiskRejection::ZeroQuantity:
        return QStringLiteral("zero_quantity");
    case RiskRejection::BelowMinNotional:
        return QStringLiteral("below_min_notional");
    }
    return QStringLiteral("unknown");
}

} // namespace bw
