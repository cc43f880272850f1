#pragma once

#include "common/RingBuffer.h"
#include "trading/Position.h"
#include "trading/RiskManager.h"

#include <QList>

#include <map>

namespace bw {

// The trades the engine holds: live positions (pending entries and open ones) by id, plus a bounded
// history of the most recently finished ones. Only the PositionManager and the journal's restore write
// to it; everything else reads.
class PositionBook final
{
public:
    explicit PositionBook(std::size_t historyCapacity = 500);

    qint64 allocateId() { return ++m_lastId; }
    qint64 lastId() const { return m_lastId; }

    // Inserts or replaces a live position; a finished one (closed or cancelled) moves to the history.
    void upsert(const Position &position);

    const Position *find(qint64 id) const;
    Position *findLive(qint64 id);
    const Position *liveForSymbol(const QString &symbol) const;

    QList<Position> livePositions() const;
    QList<Position> openPositions() const; // holding quantity
    QList<Position> recentHistory() const; // oldest first
    int openCount() const;
    int pendingCount() const;

    // The inputs RiskManager::evaluate needs. Open notional is valued at the entry price.
    PortfolioSnapshot portfolio(double equity, double correlationLimit) const;

    // Replaces everything with `live` (a restart); ids continue above lastId.
    void restore(const QList<Position> &live, qint64 lastId);

private:
    std::map<qint64, Position> m_live;
    RingBuffer<Position> m_history;
    qint64 m_lastId = 0;
};

} // namespace bw
