#pragma once

namespace bw {

// Risk rules. Defaults are the reference preset breakout_v1 (original-system.md §2.10, §6.1-6.2); the
// fields marked "ours" do not exist in the reference and carry our own documented choice. The preset
// loader fills this struct from a preset's "risk" section.
struct RiskConfig {
    // Fraction of equity lost if the stop is hit: size = equity * riskPerTrade / stop distance.
    double riskPerTrade = 0.015;
    // Open positions plus entry orders in flight must stay below this (a new entry needs count < max).
    int maxConcurrentPositions = 3;
    // Loss from the day's baseline (equity at 00:00 UTC), as a fraction of that baseline, that stops new
    // entries until the next UTC midnight.
    double dailyRiskLimit = 0.08;
    // Cap on one position's notional, quote currency.
    double maxPositionUsd = 60000;
    // Drawdown from the equity peak, as a fraction of the peak, that trips the kill switch (latched).
    double killSwitchLossLimit = 0.18;
    // A signal with |correlation to BTC| above this counts as BTC-correlated.
    double correlationLimit = 0.4;
    // Ours (the reference's "60 % of total"): a correlated entry is refused when correlated notional would
    // exceed this share of all open notional (checked once at least one other position is open).
    double maxCorrelatedShare = 0.6;
    // Consecutive losing trades that start a cooldown (reference field max_consecutive_losses).
    int maxConsecutiveLosses = 5;
    // Ours: how long new entries pause after maxConsecutiveLosses losses in a row.
    int cooldownMinutes = 60;
    // Ours (reference execution.max_depth_fraction): a position may take at most this fraction of the
    // same-side depth within 0.3 % of the touch, so the broker can fill it against one book snapshot.
    double maxDepthFraction = 0.25;
    // Smallest notional worth an order (reference: 10 USD); the symbol's own minimum applies if larger.
    double minNotionalUsd = 10;
    // Ours: when the kill switch trips, also close every open position (otherwise only entries stop).
    bool flattenOnKillSwitch = false;
};

} // namespace bw
