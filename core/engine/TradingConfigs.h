#pragma once

#include "scanner/Preset.h"
#include "trading/ExecutionConfig.h"
#include "trading/PositionConfig.h"
#include "trading/RiskConfig.h"

namespace bw {

// The trading core's configs from a preset's risk, position and execution sections. Fields the preset
// does not carry keep the trading core's documented defaults.
RiskConfig riskConfigFromPreset(const Preset &preset);
PositionConfig positionConfigFromPreset(const Preset &preset);
ExecutionConfig executionConfigFromPreset(const Preset &preset, double startingCash);

} // namespace bw
