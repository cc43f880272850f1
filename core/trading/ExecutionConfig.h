#pragma once

#include <QtGlobal>

namespace bw {

// Fees in basis points of fill notional. Defaults: breakout_v1 execution.taker_fee_bps / maker_fee_bps.
struct FeeConfig {
    double takerBps = 6.5; // market, stop and marketable limit orders
    double makerBps = 1.5; // resting limit orders filled when the market crosses them
};

// How the paper broker fills orders. Defaults from breakout_v1 and SystemConfig (original-system.md §2.10).
struct ExecutionConfig {
    FeeConfig fees;
    // Fixed adverse slippage on every taker fill (SystemConfig.paper_slippage_bps).
    double paperSlippageBps = 5;
    // Starting cash of a fresh paper account (SystemConfig.paper_starting_balance).
    double startingCash = 100000;
    // An entry order still not completely filled this long after submission has its remainder cancelled
    // (execution.deadman_timeout_ms).
    qint64 entryTimeoutMs = 8000;
};

} // namespace bw
