#pragma once

namespace bw {

// Position management. Defaults are breakout_v1's "position" section (original-system.md §2.10, §6.5);
// fields marked "ours" are our documented choices. Every R here is the INITIAL risk per unit, frozen from
// the entry fills; a moved stop never changes it.
struct PositionConfig {
    double tp1R = 1.5;        // first target at entry +/- tp1R * R
    double tp1SizePct = 0.40; // fraction of the entry quantity closed at TP1
    double tp2R = 2.8;        // second target at entry +/- tp2R * R
    double tp2SizePct = 0.35; // fraction of the entry quantity closed at TP2 (what is left runs on the trail)
    // Chandelier trailing stop: highest high (long) since entry minus this many ATRs; only tightens.
    double chandelierAtrMult = 2.3;
    // Ours: the trail starts once TP1 has filled (the reference moves to breakeven, then trails).
    bool trailAfterTp1 = true;
    // Ours: after TP1 the stop moves to entry +/- (round-trip taker fees + paper slippage + this), so a
    // breakeven exit does not lose money to fees and slippage.
    double breakevenExtraBps = 2.0;
    // A position open this long is closed at market (max_hold_time_hours).
    double maxHoldHours = 20;
};

} // namespace bw
