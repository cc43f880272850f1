#pragma once

#include "trading/Fill.h"
#include "trading/Order.h"
#include "trading/Position.h"

#include <QList>

namespace bw {

// Everything one trading step changed, in order: what the engine journals and publishes.
struct TradingUpdate {
    QList<Order> orders;       // every order created or changed (a later entry is a later state)
    QList<Fill> fills;         // every fill
    QList<Position> positions; // latest state of every position that changed, by id
    QList<Position> finished;  // positions that closed (or whose entry died unfilled) in this step

    bool isEmpty() const { return orders.isEmpty() && fills.isEmpty() && positions.isEmpty(); }
    void append(const TradingUpdate &other)
    {
        orders += other.orders;
        fills += other.fills;
        for (const Position &p : other.positions) {
            bool replaced = false;
            for (Position &mine : positions) {
                if (mine.id == p.id) {
                    mine = p;
                    replaced = true;
                    break;
                }
            }
            if (!replaced)
                positions.append(p);
        }
        finished += other.finished;
    }
};

} // namespace bw
