#pragma once

#include <QStringView>
#include <QtGlobal>

#include <array>
#include <deque>

namespace bw {

// Sliding-window request limiter per Bybit endpoint category. Thread-confined: one owner calls it (the feed's
// thread), so it needs no lock. Each window holds at most `requests` timestamps, so it never grows.
class RateLimiter final
{
public:
    enum class Category { MarketData, Trading, Account, Public };
    static constexpr int kCategoryCount = 4;

    struct Limit {
        int requests = 50;
        qint64 windowMs = 1000;
        qint64 minSpacingMs = 0;
    };

    // "/v5/market/..." is market data, "/order/" or "/trade/" trading, "/account/" or "/position/" account.
    static Category categoryForPath(QStringView path);

    void setLimit(Category category, const Limit &limit);
    Limit limit(Category category) const { return m_slots[index(category)].limit; }

    // 0: the request may go now and is counted. Otherwise the milliseconds to wait before asking again.
    qint64 tryAcquire(Category category, qint64 nowMs);
    // After the exchange said "too many requests": nothing in this category goes before untilMs.
    void blockUntil(Category category, qint64 untilMs);
    // Requests counted in the current window (for the status display).
    int inWindow(Category category, qint64 nowMs);

private:
    struct Slot {
        Limit limit;
        std::deque<qint64> sent;
        qint64 blockedUntilMs = 0;
    };
    static std::size_t index(Category c) { return static_cast<std::size_t>(c); }
    static void expire(Slot &slot, qint64 nowMs);

    std::array<Slot, kCategoryCount> m_slots;
};

} // namespace bw
