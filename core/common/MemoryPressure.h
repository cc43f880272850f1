#pragma once

#include <QString>

namespace bw {

// Memory pressure as the governor sees it. The scanner reads it through PressureSource at the start of
// every scan and picks its batch size from it.
enum class PressureLevel {
    Normal,
    High,     // process RSS or system memory above the high threshold (default 70 %)
    Critical, // above the critical threshold (default 85 %)
};

inline QString pressureLevelName(PressureLevel level)
{
    switch (level) {
    case PressureLevel::Normal:
        return QStringLiteral("normal");
    case PressureLevel::High:
        return QStringLiteral("high");
    case PressureLevel::Critical:
        return QStringLiteral("critical");
    }
    return QStringLiteral("normal");
}

// Implemented by the pressure governor (and by settings/tests until it exists). Must be safe to call
// from any thread.
class PressureSource
{
public:
    virtual ~PressureSource() = default;
    virtual PressureLevel pressureLevel() const = 0;
};

} // namespace bw
