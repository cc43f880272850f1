#pragma once

#include <QHash>
#include <QString>

#include <deque>

namespace bw {

// Failed authentications per peer address. After `limit` failures within `windowMs` the address is
// blocked for `blockMs`. Bounded: at most `maxAddresses` addresses are remembered (the stalest go first).
class AuthRateLimiter final
{
public:
    AuthRateLimiter(int limit, qint64 windowMs, qint64 blockMs, int maxAddresses = 4096);

    bool isBlocked(const QString &address, qint64 nowMs) const;
    // Records a failure; returns true when the address is now blocked.
    bool recordFailure(const QString &address, qint64 nowMs);
    void recordSuccess(const QString &address);
    int trackedAddresses() const { return static_cast<int>(m_entries.size()); }

private:
    struct Entry {
        std::deque<qint64> failures; // at most m_limit timestamps
        qint64 blockedUntilMs = 0;
        qint64 lastSeenMs = 0;
    };

    void prune(qint64 nowMs);

    int m_limit;
    qint64 m_windowMs;
    qint64 m_blockMs;
    int m_maxAddresses;
    QHash<QString, Entry> m_entries;
};

} // namespace bw
