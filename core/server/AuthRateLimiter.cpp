#include "server/AuthRateLimiter.h"

#include <algorithm>

namespace bw {

AuthRateLimiter::AuthRateLimiter(int limit, qint64 windowMs, qint64 blockMs, int maxAddresses)
    : m_limit(std::max(1, limit))
    , m_windowMs(windowMs)
    , m_blockMs(blockMs)
    , m_maxAddresses(std::max(1, maxAddresses))
{}

bool AuthRateLimiter::isBlocked(const QString &address, qint64 nowMs) const
{
    const auto it = m_entries.constFind(address);
    return it != m_entries.constEnd() && it->blockedUntilMs > nowMs;
}

bool AuthRateLimiter::recordFailure(const QString &address, qint64 nowMs)
{
    auto it = m_entries.find(address);
    if (it == m_entries.end()) {
        if (m_entries.size() >= m_maxAddresses)
            prune(nowMs);
        it = m_entries.insert(address, Entry{});
    }
    Entry &entry = *it;
    entry.lastSeenMs = nowMs;
    while (!entry.failures.empty() && entry.failures.front() <= nowMs - m_windowMs)
        entry.failures.pop_front();
    entry.failures.push_back(nowMs);
    if (static_cast<int>(entry.failures.size()) >= m_limit) {
        entry.blockedUntilMs = nowMs + m_blockMs;
        entry.failures.clear();
        return true;
    }
    return false;
}

void AuthRateLimiter::recordSuccess(const QString &address)
{
    auto it = m_entries.find(address);
    if (it != m_entries.end() && it->blockedUntilMs == 0)
        m_entries.erase(it);
}

void AuthRateLimiter::prune(qint64 nowMs)
{
    // First forget addresses with nothing left to remember, then the stalest ones.
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        const bool stale = it->blockedUntilMs <= nowMs && it->lastSeenMs <= nowMs - m_windowMs;
        it = stale ? m_entries.erase(it) : std::next(it);
    }
    while (m_entries.size() >= m_maxAddresses) {
        auto oldest = m_entries.begin();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->lastSeenMs < oldest->lastSeenMs)
                oldest = it;
        }
        m_entries.erase(oldest);
    }
}

} // namespace bw
