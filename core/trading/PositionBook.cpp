#include "trading/PositionBook.h"

#include <cmath>

namespace bw {

PositionBook::PositionBook(std::size_t historyCapacity)
    : m_history(historyCapacity)
{}

void PositionBook::upsert(const Position &position)
{
    m_lastId = std::max(m_lastId, position.id);
    if (position.isLive()) {
        m_live[position.id] = position;
        return;
    }
    // `position` may live in m_live itself: copy before erasing.
    Position finished = position;
    m_live.erase(finished.id);
    if (m_history.capacity() > 0)
        m_history.push(std::move(finished));
}

const Position *PositionBook::find(qint64 id) const
{
    const auto it = m_live.find(id);
    if (it != m_live.end())
        return &it->second;
    for (std::size_t i = m_history.size(); i-- > 0;) {
        if (m_history[i].id == id)
            return &m_history[i];
    }
    return nullptr;
}

Position *PositionBook::findLive(qint64 id)
{
    const auto it = m_live.find(id);
    return it != m_live.end() ? &it->second : nullptr;
}

const Position *PositionBook::liveForSymbol(const QString &symbol) const
{
    for (const auto &[id, p] : m_live) {
        if (p.symbol == symbol)
            return &p;
    }
    return nullptr;
}

QList<Position> PositionBook::livePositions() const
{
    QList<Position> list;
    list.reserve(qsizetype(m_live.size()));
    for (const auto &[id, p] : m_live)
        list.append(p);
    return list;
}

QList<Position> PositionBook::openPositions() const
{
    QList<Position> list;
    for (const auto &[id, p] : m_live) {
        if (p.status == PositionStatus::Open)
            list.append(p);
    }
    return list;
}

QList<Position> PositionBook::recentHistory() const
{
    QList<Position> list;
    list.reserve(qsizetype(m_history.size()));
    for (std::size_t i = 0; i < m_history.size(); ++i)
        list.append(m_history[i]);
    return list;
}

int PositionBook::openCount() const
{
    int n = 0;
    for (const auto &[id, p] : m_live)
        n += p.status == PositionStatus::Open ? 1 : 0;
    return n;
}

int PositionBook::pendingCount() const
{
    int n = 0;
    for (const auto &[id, p] : m_live)
        n += p.status == PositionStatus::Pending ? 1 : 0;
    return n;
}

PortfolioSnapshot PositionBook::portfolio(double equity, double correlationLimit) const
{
    PortfolioSnapshot s;
    s.equity = equity;
    for (const auto &[id, p] : m_live) {
        s.liveSymbols.append(p.symbol);
        if (p.status == PositionStatus::Pending) {
            ++s.entriesInFlight;
            continue;
        }
        ++s.openPositions;
        s.openNotional += p.notional();
        if (std::abs(p.btcCorrelation) > correlationLimit)
            s.correlatedNotional += p.notional();
    }
    return s;
}

void PositionBook::restore(const QList<Position> &live, qint64 lastId)
{
    m_live.clear();
    m_history.clear();
    m_lastId = lastId;
    for (const Position &p : live)
        upsert(p);
}

} // namespace bw
