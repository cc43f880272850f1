#include "signals/BreakoutHistory.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace bw {

BreakoutHistory::BreakoutHistory(int maxSymbols)
    : m_maxSymbols(std::max(1, maxSymbols))
{}

void BreakoutHistory::record(const QString &symbol, const Breakout &breakout, double tolerance)
{
    auto it = m_bySymbol.find(symbol);
    if (it == m_bySymbol.end())
        it = m_bySymbol.insert(symbol, RingBuffer<Breakout>(kPerSymbol));
    RingBuffer<Breakout> &ring = it.value();
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const Breakout &b = ring[i];
        if (b.side == breakout.side && std::abs(b.level - breakout.level) <= tolerance &&
            b.barOpenMs >= breakout.barOpenMs)
            return;
    }
    ring.push(breakout);
}

std::optional<Breakout> BreakoutHistory::find(const QString &symbol, double level, TradeSide side, double tolerance,
                                              qint64 nowMs, qint64 minAgeMs, qint64 maxAgeMs) const
{
    const auto it = m_bySymbol.constFind(symbol);
    if (it == m_bySymbol.constEnd())
        return std::nullopt;
    const RingBuffer<Breakout> &ring = it.value();
    for (std::size_t k = ring.size(); k > 0; --k) {
        const Breakout &b = ring[k - 1];
        const qint64 age = nowMs - b.barCloseMs;
        if (b.side == side && !b.retested && std::abs(b.level - level) <= tolerance && age >= minAgeMs &&
            age <= maxAgeMs)
            return b;
    }
    return std::nullopt;
}

void BreakoutHistory::markRetested(const QString &symbol, qint64 barOpenMs, double level)
{
    auto it = m_bySymbol.find(symbol);
    if (it == m_bySymbol.end())
        return;
    RingBuffer<Breakout> &ring = it.value();
    for (std::size_t i = 0; i < ring.size(); ++i) {
        if (ring[i].barOpenMs == barOpenMs && ring[i].level == level)
            ring[i].retested = true;
    }
}

void BreakoutHistory::setLastCheckedBar(const QString &symbol, qint64 barOpenMs)
{
    m_lastChecked.insert(symbol, barOpenMs);
}

int BreakoutHistory::breakoutCount(const QString &symbol) const
{
    const auto it = m_bySymbol.constFind(symbol);
    return it == m_bySymbol.constEnd() ? 0 : int(it.value().size());
}

void BreakoutHistory::prune(qint64 nowMs, qint64 maxAgeMs)
{
    const auto newest = [](const RingBuffer<Breakout> &ring) {
        return ring.isEmpty() ? qint64(-1) : ring[ring.size() - 1].barCloseMs;
    };
    for (auto it = m_bySymbol.begin(); it != m_bySymbol.end();) {
        if (it.value().isEmpty() || nowMs - newest(it.value()) > maxAgeMs)
            it = m_bySymbol.erase(it);
        else
            ++it;
    }
    if (m_bySymbol.size() > m_maxSymbols) {
        std::vector<std::pair<qint64, QString>> ages;
        ages.reserve(std::size_t(m_bySymbol.size()));
        for (auto it = m_bySymbol.cbegin(); it != m_bySymbol.cend(); ++it)
            ages.emplace_back(newest(it.value()), it.key());
        std::sort(ages.begin(), ages.end());
        const std::size_t drop = std::size_t(m_bySymbol.size() - m_maxSymbols);
        for (std::size_t i = 0; i < drop; ++i)
            m_bySymbol.remove(ages[i].second);
    }
    // The examined-bar marks only avoid re-reading bars; keep them bounded by the same symbol cap.
    if (m_lastChecked.size() > 2 * m_maxSymbols)
        m_lastChecked.clear();
}

} // namespace bw
