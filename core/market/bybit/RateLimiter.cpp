#include "market/bybit/RateLimiter.h"

#include <algorithm>

namespace bw {

RateLimiter::Category RateLimiter::categoryForPath(QStringView path)
{
    if (path.contains(u"/market/"))
        return Category::MarketData;
    if (path.contains(u"/order/") || path.contains(u"/trade/"))
        return Category::Trading;
    if (path.contains(u"/account/") || path.contains(u"/position/"))
        return Category::Account;
    return Category::Public;
}

void RateLimiter::setLimit(Category category, const Limit &limit)
{
    Slot &slot = m_slots[index(category)];
    slot.limit = limit;
    slot.limit.requests = std::max(1, limit.requests);
    slot.limit.windowMs = std::max<qint64>(1, limit.windowMs);
    while (static_cast<int>(slot.sent.size()) > slot.limit.requests)
        slot.sent.pop_front();
}

void RateLimiter::expire(Slot &slot, qint64 nowMs)
{
    while (!slot.sent.empty() && slot.sent.front() <= nowMs - slot.limit.windowMs)
        slot.sent.pop_front();
}

qint64 RateLimiter::tryAcquire(Category category, qint64 nowMs)
{
    Slot &slot = m_slots[index(category)];
    expire(slot, nowMs);
    qint64 wait = 0;
    if (slot.blockedUntilMs > nowMs)
        wait = slot.blockedUntilMs - nowMs;
    if (!slot.sent.empty() && slot.limit.minSpacingMs > 0)
        wait = std::max(wait, slot.sent.back() + slot.limit.minSpacingMs - nowMs);
    if (static_cast<int>(slot.sent.size()) >= slot.limit.requests)
        wait = std::max(wait, slot.sent.front() + slot.limit.windowMs - nowMs);
    if (wait > 0)
        return wait;
    slot.sent.push_back(nowMs);
    return 0;
}

void RateLimiter::blockUntil(Category category, qint64 untilMs)
{
    Slot &slot = m_slots[index(category)];
    slot.blockedUntilMs = std::max(slot.blockedUntilMs, untilMs);
}

int RateLimiter::inWindow(Category category, qint64 nowMs)
{
    Slot &slot = m_slots[index(category)];
    expire(slot, nowMs);
    return static_cast<int>(slot.sent.size());
}

} // namespace bw
