#pragma once

#include <QtGlobal>

#include <algorithm>

namespace bw {

// Classic token bucket on injected millisecond time: `capacity` requests at once, refilled at `ratePerSecond`.
class TokenBucket final
{
public:
    TokenBucket(double ratePerSecond, int capacity, qint64 nowMs)
        : m_rate(ratePerSecond / 1000.0)
        , m_capacity(capacity)
        , m_tokens(capacity)
        , m_lastMs(nowMs)
    {}

    bool tryTake(qint64 nowMs)
    {
        if (nowMs > m_lastMs) {
            m_tokens = std::min<double>(m_capacity, m_tokens + static_cast<double>(nowMs - m_lastMs) * m_rate);
            m_lastMs = nowMs;
        }
        if (m_tokens < 1.0)
            return false;
        m_tokens -= 1.0;
        return true;
    }

private:
    double m_rate;
    int m_capacity;
    double m_tokens;
    qint64 m_lastMs;
};

} // namespace bw
