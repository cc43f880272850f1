#pragma once

#include <QString>

namespace bw {

// Why the risk layer refused a signal. Every refusal carries one of these (a stable machine code for
// logs, the journal and remote clients) and a readable sentence for the user.
enum class RiskRejection {
    None,
    InvalidSignal,   // the signal itself is malformed (no symbol, stop on the wrong side, ...)
    SignalExpired,   // past its expiry time
    KillSwitch,      // drawdown from the equity peak tripped the kill switch (latched)
    DailyLossLimit,  // today's loss from the 00:00 UTC baseline reached the limit
    Cooldown,        // too many losses in a row; entries pause for a while
    MaxPositions,    // open positions + entries in flight already at the maximum
    DuplicateSymbol, // a position or entry in that symbol is already live
    Correlation,     // too much BTC-correlated notional
    InvalidEquity,   // equity is not a positive number
    InvalidStop,     // zero stop distance or stop on the wrong side
    NoDepth,         // no usable order book (no same-side depth to size against)
    ZeroQuantity,    // the size rounds down to zero lots
    BelowMinNotional // the size is below the minimum order notional
};

// Stable snake_case code, e.g. "daily_loss_limit".
QString toCode(RiskRejection rejection);

} // namespace bw
