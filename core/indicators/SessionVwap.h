#pragma once

#include <cstdint>

namespace bw {

// Volume-weighted average of the typical price since 00:00 UTC of the current bar's day
// (the original had no anchor: it averaged whatever window was fetched). The session restarts with
// the first bar whose open time falls on a later UTC day. NaN until the session has volume; a bar
// older than the previous one, or with a non-finite input or negative volume, is ignored.
class SessionVwap final
{
public:
    static constexpr std::int64_t kDayMs = 86'400'000;

    SessionVwap() = default;

    void update(std::int64_t openTimeMs, double typicalPrice, double volume);
    double value() const;
    bool isReady() const { return m_volume > 0.0; }
    void reset();

    // Open of the UTC day of the current session (0 before the first bar).
    std::int64_t sessionStartMs() const { return m_sessionStartMs; }
    double cumulativeVolume() const { return m_volume; }

    // floor(timeMs / day) x day, also for times before 1970.
    static std::int64_t utcDayStart(std::int64_t timeMs);

private:
    bool m_started = false;
    std::int64_t m_sessionStartMs = 0;
    std::int64_t m_lastOpenTimeMs = 0;
    double m_priceVolume = 0.0;
    double m_volume = 0.0;
};

} // namespace bw
