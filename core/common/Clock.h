#pragma once

#include <QtGlobal>

#include <atomic>

namespace bw {

// Every "now" in the program comes from a Clock so that tests can control time. Times are epoch
// milliseconds, UTC.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;

    // The process-wide wall clock, for composition roots that have nothing better to inject.
    static const Clock &instance();
};

// A clock that only moves when told to; thread-safe so a test can advance it while workers read it.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 0)
        : m_nowMs(startMs)
    {}

    qint64 nowMs() const override { return m_nowMs.load(std::memory_order_acquire); }
    void setNowMs(qint64 ms) { m_nowMs.store(ms, std::memory_order_release); }
    void advanceMs(qint64 deltaMs) { m_nowMs.fetch_add(deltaMs, std::memory_order_acq_rel); }

private:
    std::atomic<qint64> m_nowMs;
};

} // namespace bw
