#include "engine/TradingConfigs.h"

namespace bw {

RiskConfig riskConfigFromPreset(const Preset &preset)
{
    RiskConfig c;
    c.riskPerTrade = preset.risk.riskPerTrade;
    c.maxConcurrentPositions = preset.risk.maxConcurrentPositions;
    c.dailyRiskLimit = preset.risk.dailyRiskLimit;
    if (preset.risk.maxPositionSizeUsd)
        c.maxPositionUsd = *preset.risk.maxPositionSizeUsd;
    c.killSwitchLossLimit = preset.risk.killSwitchLossLimit;
    c.correlationLimit = preset.risk.correlationLimit;
    c.maxConsecutiveLosses = preset.risk.maxConsecutiveLosses;
    c.maxDepthFraction = preset.execution.maxDepthFraction;
    return c;
}

PositionConfig positionConfigFromPreset(const Preset &preset)
{
    PositionConfig c;
    c.tp1R = preset.position.tp1R;
    c.tp1SizePct = preset.position.tp1SizePct;
    c.tp2R = preset.position.tp2R;
    c.tp2SizePct = preset.position.tp2SizePct;
    c.chandelierAtrMult = preset.position.chandelierAtrMult;
    c.maxHoldHours = preset.position.maxHoldTimeHours;
    return c;
}

ExecutionConfig executionConfigFromPreset(const Preset &preset, double startingCash)
{
    ExecutionConfig c;
    c.fees.takerBps = preset.execution.takerFeeBps;
    c.fees.makerBps = preset.execution.makerFeeBps;
    c.entryTimeoutMs = preset.execution.deadmanTimeoutMs;
    if (startingCash > 0)
        c.startingCash = startingCash;
    return c;
}

} // namespace bw
