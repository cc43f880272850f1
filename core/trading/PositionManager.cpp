#include "trading/PositionManager.h"

#include "common/Clock.h"
#include "common/NumberFormat.h"
#include "trading/PositionSizer.h"
#include "trading/TradingLog.h"

#include <QCoreApplication>

#include <array>
#include <cmath>

namespace bw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PositionManager", text);
}

// Prices in notes: the journal keeps them as text, so the same in every locale (no grouping).
QString priceText(double price)
{
    return NumberFormat::price(price, QLocale::c());
}

QString numberText(double value)
{
    return QLocale::c().toString(value, 'g', 4);
}

bool isTakeProfit(OrderPurpose purpose)
{
    return purpose == OrderPurpose::TakeProfit1 || purpose == OrderPurpose::TakeProfit2;
}

OrderPurpose stopPurpose(StopKind kind)
{
    switch (kind) {
    case StopKind::Initial:
        return OrderPurpose::StopLoss;
    case StopKind::Breakeven:
        return OrderPurpose::Breakeven;
    case StopKind::Trailing:
        return OrderPurpose::TrailingStop;
    }
    return OrderPurpose::StopLoss;
}

} // namespace

struct PositionManager::Step {
    TradingUpdate update;
    QList<qint64> changedIds;
    QHash<qint64, Position> latest;
};

PositionManager::PositionManager(PaperBroker &broker, PositionBook &book, const PositionConfig &config,
                                 const Clock &clock)
    : m_broker(broker)
    , m_book(book)
    , m_config(config)
    , m_clock(clock)
{}

double PositionManager::breakevenPrice(TradeSide side, double avgEntry) const
{
    // The exit is a stop-market: it pays the taker fee and the paper slippage too.
    const double bps =
        2.0 * m_broker.config().fees.takerBps + m_broker.config().paperSlippageBps + m_config.breakevenExtraBps;
    return avgEntry * (1.0 + sideSign(side) * bps / 10000.0);
}

void PositionManager::touch(const Position &position, Step &step)
{
    if (!step.latest.contains(position.id))
        step.changedIds.append(position.id);
    step.latest.insert(position.id, position);
}

TradingUpdate PositionManager::finish(Step &step)
{
    for (qint64 id : std::as_const(step.changedIds))
        step.update.positions.append(step.latest.value(id));
    return std::move(step.update);
}

void PositionManager::apply(const BrokerResult &result, Step &step)
{
    step.update.orders += result.orders;
    step.update.fills += result.fills;

    for (const Fill &fill : result.fills) {
        Position *p = m_book.findLive(fill.positionId);
        if (!p) {
            qCWarning(lcTrading) << "fill" << fill.id << "for unknown position" << fill.positionId;
            continue;
        }
        p->feesUsd += fill.feeUsd;
        if (fill.purpose == OrderPurpose::Entry) {
            const double q = fill.qty;
            p->initialRiskUsd += std::abs(fill.price - p->initialStop) * q;
            p->avgEntry = (p->avgEntry * p->entryQty + fill.price * q) / (p->entryQty + q);
            p->entryQty += q;
            p->qty += q;
            if (p->status == PositionStatus::Pending) {
                p->status = PositionStatus::Open;
                p->openedMs = fill.timeMs;
                p->highestSinceEntry = fill.price;
                p->lowestSinceEntry = fill.price;
            }
            // R is frozen from the entry fills and the initial stop; the targets follow the fills only
            // until the entry is complete, because TPs are not sent before that.
            p->initialRiskPerUnit = p->initialRiskUsd / p->entryQty;
            const double sign = sideSign(p->side);
            p->tp1Price = p->avgEntry + sign * m_config.tp1R * p->initialRiskPerUnit;
            p->tp2Price = p->avgEntry + sign * m_config.tp2R * p->initialRiskPerUnit;
            touch(*p, step);
            continue;
        }
        p->qty -= fill.qty;
        p->realisedPnlUsd += fill.realisedPnlUsd;
        if (p->qty <= p->entryQty * 1e-9) {
            p->qty = 0;
            p->status = PositionStatus::Closed;
            p->closedMs = fill.timeMs;
            p->exitReason = fill.purpose;
            p->exitOrderId = 0;
            const Position closed = *p;
            m_book.upsert(closed);
            touch(closed, step);
            step.update.finished.append(closed);
            qCInfo(lcTrading).noquote() << QStringLiteral("position %1 %2 closed by %3: net %4 USD after fees, "
                                                          "last exit at %5 R")
                                               .arg(closed.id)
                                               .arg(closed.symbol, toCode(fill.purpose))
                                               .arg(closed.netRealisedUsd(), 0, 'f', 2)
                                               .arg(closed.pnlR(fill.price), 0, 'f', 2);
            continue;
        }
        touch(*p, step);
    }

    for (const Order &order : result.orders) {
        if (order.isActive())
            continue;
        Position *p = m_book.findLive(order.positionId);
        if (!p)
            continue;
        if (order.id == p->entryOrderId) {
            p->entryComplete = true;
            if (p->entryQty <= 0) {
                p->status = PositionStatus::Cancelled;
                p->closedMs = order.updatedMs;
                const Position cancelled = *p;
                m_book.upsert(cancelled);
                touch(cancelled, step);
                step.update.finished.append(cancelled);
                continue;
            }
        }
        if (order.id == p->exitOrderId) {
            p->exitOrderId = 0;
            if (order.status == OrderStatus::Filled && order.purpose == OrderPurpose::TakeProfit1) {
                p->tp1Done = true;
                const double be = breakevenPrice(p->side, p->avgEntry);
                const bool better = p->side == TradeSide::Long ? be > p->stop : be < p->stop;
                if (better) {
                    p->stop = be;
                    p->stopKind = StopKind::Breakeven;
                }
            } else if (order.status == OrderStatus::Filled && order.purpose == OrderPurpose::TakeProfit2) {
                p->tp2Done = true;
            }
        }
        touch(*p, step);
    }
}

QString PositionManager::exitNote(const Position &p, OrderPurpose purpose) const
{
    switch (purpose) {
    case OrderPurpose::StopLoss:
        return tr("initial stop at %1 hit").arg(priceText(p.stop));
    case OrderPurpose::Breakeven:
        return tr("breakeven stop at %1 hit (moved there after TP1)").arg(priceText(p.stop));
    case OrderPurpose::TrailingStop:
        return tr("trailing stop at %1 hit (%2 ATR of %3 from the extreme since entry)")
            .arg(priceText(p.stop), numberText(m_config.chandelierAtrMult), priceText(p.atr));
    case OrderPurpose::MaxHold:
        return tr("open longer than the maximum hold time of %1 h").arg(numberText(m_config.maxHoldHours));
    case OrderPurpose::Manual:
        return tr("closed by hand");
    case OrderPurpose::KillSwitch:
        return tr("kill switch");
    case OrderPurpose::Entry:
    case OrderPurpose::TakeProfit1:
    case OrderPurpose::TakeProfit2:
        break; // not full exits: their senders word them
    }
    return toCode(purpose);
}

void PositionManager::exitAll(qint64 positionId, OrderPurpose purpose, Step &step, double pathPrice,
                              const QString &note)
{
    Position *p = m_book.findLive(positionId);
    if (!p)
        return;
    if (p->exitOrderId != 0) {
        const auto inFlight = m_broker.order(p->exitOrderId);
        if (inFlight && !isTakeProfit(inFlight->purpose))
            return; // a full exit is already working (e.g. the rest of a partially filled stop)
        apply(m_broker.cancel(p->exitOrderId, tr("replaced by a %1 exit").arg(toCode(purpose))), step);
        p = m_book.findLive(positionId);
        if (!p)
            return;
        p->exitOrderId = 0;
    }
    if (!p->entryComplete && p->entryOrderId != 0) {
        apply(m_broker.cancel(p->entryOrderId, tr("entry cancelled by a %1 exit").arg(toCode(purpose))), step);
        p = m_book.findLive(positionId);
        if (!p)
            return;
    }
    if (p->status != PositionStatus::Open || !(p->qty > 0))
        return;

    OrderRequest request;
    request.positionId = p->id;
    request.symbol = p->symbol;
    request.side = exitSide(p->side);
    request.purpose = purpose;
    request.qty = p->qty;
    request.reduceOnly = true;
    request.note = note.isEmpty() ? exitNote(*p, purpose) : note;
    const bool isStop = purpose == OrderPurpose::StopLoss || purpose == OrderPurpose::Breakeven ||
                        purpose == OrderPurpose::TrailingStop;
    if (isStop) {
        request.type = OrderType::StopMarket;
        request.stopPrice = p->stop;
        request.triggered = true;
        request.pathPrice = pathPrice;
    } else {
        request.type = OrderType::Market;
    }
    const BrokerResult result = m_broker.submit(request);
    if (!result.orders.isEmpty())
        p->exitOrderId = result.orders.constFirst().id;
    qCInfo(lcTrading).noquote() << "position" << p->id << p->symbol << "exit:" << toCode(purpose) << "qty" << p->qty;
    apply(result, step);
}

void PositionManager::sendTakeProfit(qint64 positionId, OrderPurpose purpose, double price, double fraction, Step &step,
                                     double pathPrice)
{
    Position *p = m_book.findLive(positionId);
    if (!p)
        return;
    const double lot = m_broker.lotSize(p->symbol);
    double qty = std::min(p->qty, PositionSizer::roundDownToLot(p->entryQty * fraction, lot));
    // Too small to split, or it would leave less than a lot behind: take everything.
    if (!(qty > 0) || p->qty - qty <= p->qty * 1e-9 || (lot > 0 && p->qty - qty < lot * (1 - 1e-9)))
        qty = p->qty;

    OrderRequest request;
    request.positionId = p->id;
    request.symbol = p->symbol;
    request.side = exitSide(p->side);
    request.type = OrderType::Limit;
    request.purpose = purpose;
    request.qty = qty;
    request.limitPrice = price;
    request.reduceOnly = true;
    request.pathPrice = pathPrice;
    const bool first = purpose == OrderPurpose::TakeProfit1;
    const QString target = first ? tr("TP1") : tr("TP2");
    const QString r = numberText(first ? m_config.tp1R : m_config.tp2R);
    request.note =
        qty < p->qty
            ? tr("%1 at %2 (%3 R): %4 % of the entry").arg(target, priceText(price), r, numberText(fraction * 100.0))
            : tr("%1 at %2 (%3 R): all that is left").arg(target, priceText(price), r);
    const BrokerResult result = m_broker.submit(request);
    if (!result.orders.isEmpty())
        p->exitOrderId = result.orders.constFirst().id;
    apply(result, step);
}

void PositionManager::checkTime(qint64 positionId, Step &step)
{
    const qint64 now = m_clock.nowMs();
    Position *p = m_book.findLive(positionId);
    if (!p)
        return;
    if (!p->entryComplete && p->entryOrderId != 0 && now - p->submittedMs >= m_broker.config().entryTimeoutMs) {
        apply(
            m_broker.cancel(p->entryOrderId, tr("entry not filled within %1 ms").arg(m_broker.config().entryTimeoutMs)),
            step);
        p = m_book.findLive(positionId);
        if (!p)
            return;
        // An order the broker no longer knows (e.g. after a restart) still has to end the entry.
        if (!p->entryComplete) {
            p->entryComplete = true;
            touch(*p, step);
        }
    }
    if (p->status != PositionStatus::Open || !(m_config.maxHoldHours > 0))
        return;
    if (now - p->openedMs >= qint64(m_config.maxHoldHours * 3600.0 * 1000.0))
        exitAll(positionId, OrderPurpose::MaxHold, step);
}

bool PositionManager::checkExits(qint64 positionId, double hi, double lo, PathPoint point, Step &step)
{
    Position *p = m_book.findLive(positionId);
    if (!p || p->status != PositionStatus::Open)
        return true;
    const bool isLong = p->side == TradeSide::Long;
    // On a bar's path an exit is met at its own price, or at the open of a bar that gapped through it;
    // off a path (a tick, a bare range) it fills against the book.
    const auto fillAt = [&](double level) {
        switch (point) {
        case PathPoint::None:
            return 0.0;
        case PathPoint::Open:
            return hi;
        case PathPoint::Inside:
            return level;
        }
        return 0.0;
    };
    // 1. Stop, against the stop as it stands at this point.
    const bool stopHit = isLong ? lo <= p->stop : hi >= p->stop;
    if (stopHit) {
        exitAll(positionId, stopPurpose(p->stopKind), step, fillAt(p->stop));
        return true;
    }
    if (p->exitOrderId != 0) {
        const auto inFlight = m_broker.order(p->exitOrderId);
        if (inFlight && !isTakeProfit(inFlight->purpose))
            return true; // a full exit is working
    }

    // 3. Targets, one exit order at a time.
    if (p->entryComplete && p->exitOrderId == 0) {
        const auto reached = [&](double target) { return isLong ? hi >= target : lo <= target; };
        if (!p->tp1Done && reached(p->tp1Price))
            sendTakeProfit(positionId, OrderPurpose::TakeProfit1, p->tp1Price, m_config.tp1SizePct, step,
                           fillAt(p->tp1Price));
        else if (p->tp1Done && !p->tp2Done && reached(p->tp2Price))
            sendTakeProfit(positionId, OrderPurpose::TakeProfit2, p->tp2Price, m_config.tp2SizePct, step,
                           fillAt(p->tp2Price));
    }
    return false;
}

void PositionManager::manage(qint64 positionId, const MarkUpdate &mark, Step &step)
{
    checkTime(positionId, step);
    Position *p = m_book.findLive(positionId);
    if (!p || p->status != PositionStatus::Open || !(mark.last > 0))
        return;

    double hi = mark.high > 0 ? std::max(mark.high, mark.last) : mark.last;
    double lo = mark.low > 0 ? std::min(mark.low, mark.last) : mark.last;
    const bool isLong = p->side == TradeSide::Long;
    p->lastPrice = mark.last;
    if (mark.atr > 0)
        p->atr = mark.atr;

    if (mark.open > 0) {
        // A bar: walk open -> adverse extreme -> favourable extreme -> close. Between two points the price
        // moved continuously, so a stop or target crossed there was met at its own price; the open may
        // have jumped from the previous close, so an exit due at the open fills at the open.
        hi = std::max(hi, mark.open);
        lo = std::min(lo, mark.open);
        const std::array<double, 4> path =
            isLong ? std::array{mark.open, lo, hi, mark.last} : std::array{mark.open, hi, lo, mark.last};
        for (std::size_t i = 0; i < path.size(); ++i) {
            p = m_book.findLive(positionId);
            if (!p || p->status != PositionStatus::Open)
                return;
            if (checkExits(positionId, path[i], path[i], i == 0 ? PathPoint::Open : PathPoint::Inside, step))
                return;
        }
    } else if (checkExits(positionId, hi, lo, PathPoint::None, step)) {
        return;
    }
    p = m_book.findLive(positionId);
    if (!p || p->status != PositionStatus::Open)
        return;

    // 4. Extremes and the chandelier trail, effective from the next update.
    bool changed = false;
    if (hi > p->highestSinceEntry) {
        p->highestSinceEntry = hi;
        changed = true;
    }
    if (lo < p->lowestSinceEntry || p->lowestSinceEntry <= 0) {
        p->lowestSinceEntry = lo;
        changed = true;
    }
    const bool trailing = p->tp1Done || !m_config.trailAfterTp1;
    if (trailing && p->atr > 0 && m_config.chandelierAtrMult > 0) {
        const double distance = m_config.chandelierAtrMult * p->atr;
        const double chandelier = isLong ? p->highestSinceEntry - distance : p->lowestSinceEntry + distance;
        const bool tighter = isLong ? chandelier > p->stop : chandelier < p->stop;
        if (tighter) {
            p->stop = chandelier;
            p->stopKind = StopKind::Trailing;
            changed = true;
        }
    }
    if (changed)
        touch(*p, step);
}

TradingUpdate PositionManager::open(const Signal &signal, double qty, QString *error, const QString &preset)
{
    Step step;
    QString problem = signal.validate();
    if (problem.isEmpty() && !(std::isfinite(qty) && qty > 0))
        problem = tr("quantity %1 is not positive").arg(qty);
    if (problem.isEmpty() && m_book.liveForSymbol(signal.symbol))
        problem = tr("a position in %1 is already live").arg(signal.symbol);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return {};
    }

    const qint64 now = m_clock.nowMs();
    Position p;
    p.id = m_book.allocateId();
    p.signalId = signal.id;
    p.symbol = signal.symbol;
    p.side = signal.side;
    p.strategy = signal.strategy;
    p.status = PositionStatus::Pending;
    p.submittedMs = now;
    p.openedMs = now;
    p.targetQty = qty;
    p.initialStop = signal.stop;
    p.stop = signal.stop;
    p.atr = signal.atr;
    p.btcCorrelation = signal.btcCorrelation;
    p.lastPrice = signal.entry;

    OrderRequest request;
    request.positionId = p.id;
    request.symbol = p.symbol;
    request.side = entrySide(p.side);
    request.type = OrderType::Market;
    request.purpose = OrderPurpose::Entry;
    request.qty = qty;
    request.note = preset.isEmpty()
                       ? tr("%1 entry, signal %2").arg(toCode(signal.strategy), signal.id)
                       : tr("%1 entry, preset %2, signal %3").arg(toCode(signal.strategy), preset, signal.id);
    const BrokerResult result = m_broker.submit(request);
    const Order &entry = result.orders.constFirst();
    p.entryOrderId = entry.id;
    m_book.upsert(p);
    touch(p, step);
    if (entry.status == OrderStatus::Rejected && error)
        *error = entry.reason;
    apply(result, step);
    return finish(step);
}

TradingUpdate PositionManager::onMarket(const QString &symbol, const BookSummary &book, const MarkUpdate &mark)
{
    Step step;
    apply(m_broker.updateBook(symbol, book), step);
    if (const Position *p = m_book.liveForSymbol(symbol))
        manage(p->id, mark, step);
    return finish(step);
}

TradingUpdate PositionManager::onBook(const QString &symbol, const BookSummary &book)
{
    return onMarket(symbol, book, MarkUpdate::tick(book.mid()));
}

TradingUpdate PositionManager::onTimer()
{
    Step step;
    for (const Position &p : m_book.livePositions())
        checkTime(p.id, step);
    return finish(step);
}

TradingUpdate PositionManager::close(qint64 positionId, OrderPurpose purpose, const QString &note)
{
    Step step;
    exitAll(positionId, purpose, step, 0, note);
    return finish(step);
}

TradingUpdate PositionManager::flattenAll(OrderPurpose purpose, const QString &note)
{
    Step step;
    for (const Position &p : m_book.livePositions())
        exitAll(p.id, purpose, step, 0, note);
    return finish(step);
}

} // namespace bw
