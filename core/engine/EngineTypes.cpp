#include "engine/EngineTypes.h"

namespace bw {

QString toCode(EngineState state)
{
    switch (state) {
    case EngineState::Idle:
        return QStringLiteral("idle");
    case EngineState::Initializing:
        return QStringLiteral("initializing");
    case EngineState::Scanning:
        return QStringLiteral("scanning");
    case EngineState::Managing:
        return QStringLiteral("managing");
    case EngineState::Paused:
        return QStringLiteral("paused");
    case EngineState::Error:
        return QStringLiteral("error");
    case EngineState::Emergency:
        return QStringLiteral("emergency");
    case EngineState::Stopped:
        return QStringLiteral("stopped");
    }
    return QStringLiteral("unknown");
}

} // namespace bw
