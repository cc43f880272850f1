#include "trading/PaperBroker.h"

#include "common/Clock.h"
#include "trading/PositionSizer.h"
#include "trading/TradingLog.h"

#include <QCoreApplication>

#include <cmath>

namespace bw {

namespace {

// Width of the depth band a BookSummary reports, in basis points: 0.3 %.
constexpr double kBandBps = 30.0;

QString tr(const char *text)
{
    return QCoreApplication::translate("PaperBroker", text);
}

bool isDone(double remaining, double qty)
{
    return remaining <= qty * 1e-9;
}

} // namespace

PaperBroker::PaperBroker(const ExecutionConfig &config, const Clock &clock)
    : m_config(config)
    , m_clock(clock)
    , m_cash(config.startingCash)
{}

void PaperBroker::setSymbolInfo(const SymbolInfo &info)
{
    m_lotSizes.insert(info.name, info.lotSize);
}

std::optional<Order> PaperBroker::order(qint64 orderId) const
{
    const auto it = m_active.find(orderId);
    if (it == m_active.end())
        return std::nullopt;
    return it->second.order;
}

QList<Order> PaperBroker::activeOrders() const
{
    QList<Order> orders;
    orders.reserve(qsizetype(m_active.size()));
    for (const auto &[id, working] : m_active)
        orders.append(working.order);
    return orders;
}

std::optional<BookSummary> PaperBroker::book(const QString &symbol) const
{
    const auto it = m_markets.constFind(symbol);
    if (it == m_markets.cend() || !it->hasBook)
        return std::nullopt;
    return it->book;
}

double PaperBroker::markPrice(const QString &symbol) const
{
    const auto it = m_markets.constFind(symbol);
    if (it == m_markets.cend() || !it->hasBook || !it->book.isValid())
        return 0.0;
    return it->book.mid();
}

double PaperBroker::unrealisedPnl() const
{
    double sum = 0;
    for (auto it = m_net.cbegin(); it != m_net.cend(); ++it) {
        const double mark = markPrice(it.key());
        if (mark > 0)
            sum += it->qty * (mark - it->avgPrice);
    }
    return sum;
}

AccountSnapshot PaperBroker::account() const
{
    AccountSnapshot a;
    a.timeMs = m_clock.nowMs();
    a.cash = m_cash;
    a.unrealisedPnl = unrealisedPnl();
    a.equity = a.cash + a.unrealisedPnl;
    return a;
}

void PaperBroker::restore(double cash, const QHash<QString, NetPosition> &net, qint64 lastOrderId, qint64 lastFillId)
{
    m_cash = cash;
    m_net = net;
    m_active.clear();
    m_lastOrderId = std::max(m_lastOrderId, lastOrderId);
    m_lastFillId = std::max(m_lastFillId, lastFillId);
    m_totalFees = 0;
    m_totalRealised = 0;
}

double PaperBroker::reducibleQty(const Order &order) const
{
    const double net = m_net.value(order.symbol).qty;
    return order.side == OrderSide::Sell ? std::max(0.0, net) : std::max(0.0, -net);
}

void PaperBroker::finish(Working &working, OrderStatus status, const QString &reason)
{
    working.order.status = status;
    working.order.reason = reason;
    working.order.updatedMs = m_clock.nowMs();
}

Fill PaperBroker::applyFill(Order &order, double qty, double price, Liquidity liquidity)
{
    const double bps = liquidity == Liquidity::Taker ? m_config.fees.takerBps : m_config.fees.makerBps;
    const double fee = qty * price * bps / 10000.0;

    NetPosition &net = m_net[order.symbol];
    const double signedQty = order.side == OrderSide::Buy ? qty : -qty;
    double realised = 0;
    if (net.qty == 0 || (net.qty > 0) == (signedQty > 0)) {
        const double held = std::abs(net.qty);
        net.avgPrice = (held * net.avgPrice + qty * price) / (held + qty);
        net.qty += signedQty;
    } else {
        const double held = std::abs(net.qty);
        const double closing = std::min(qty, held);
        realised = (price - net.avgPrice) * closing * (net.qty > 0 ? 1.0 : -1.0);
        const double newQty = net.qty + signedQty;
        if (std::abs(newQty) <= (held + qty) * 1e-12) {
            net.qty = 0;
            net.avgPrice = 0;
        } else {
            if ((newQty > 0) != (net.qty > 0))
                net.avgPrice = price; // flipped: the excess opened a new holding at this price
            net.qty = newQty;
        }
    }
    if (net.qty == 0)
        m_net.remove(order.symbol);

    m_cash += realised - fee;
    m_totalFees += fee;
    m_totalRealised += realised;

    const qint64 now = m_clock.nowMs();
    order.avgFillPrice = (order.avgFillPrice * order.filledQty + price * qty) / (order.filledQty + qty);
    order.filledQty += qty;
    order.feesUsd += fee;
    order.updatedMs = now;

    Fill fill;
    fill.id = ++m_lastFillId;
    fill.orderId = order.id;
    fill.positionId = order.positionId;
    fill.symbol = order.symbol;
    fill.side = order.side;
    fill.purpose = order.purpose;
    fill.qty = qty;
    fill.price = price;
    fill.feeUsd = fee;
    fill.liquidity = liquidity;
    fill.realisedPnlUsd = realised;
    fill.timeMs = now;
    return fill;
}

bool PaperBroker::tryFill(Working &working, BrokerResult &result, double pathPrice)
{
    Order &o = working.order;
    const auto marketIt = m_markets.find(o.symbol);
    if (marketIt == m_markets.end() || !marketIt->hasBook || !marketIt->book.isValid())
        return false;
    Market &m = *marketIt;

    double remaining = o.remainingQty();
    if (o.reduceOnly) {
        const double reducible = reducibleQty(o);
        if (isDone(reducible, o.qty)) {
            finish(working, OrderStatus::Cancelled, tr("reduce-only order: nothing left to reduce"));
            return true;
        }
        remaining = std::min(remaining, reducible);
    }

    const bool buy = o.side == OrderSide::Buy;
    const bool onPath = pathPrice > 0;
    const double touch = onPath ? pathPrice : buy ? m.book.bestAsk : m.book.bestBid;
    const double depth = buy ? m.book.askDepth03 : m.book.bidDepth03;
    double &consumed = buy ? m.consumedBuy : m.consumedSell;

    bool changed = false;
    bool taker = true;
    switch (o.type) {
    case OrderType::Market:
        break;
    case OrderType::StopMarket:
        if (!o.triggered) {
            const bool crossed = buy ? touch >= o.stopPrice : touch <= o.stopPrice;
            if (!crossed)
                return false;
            o.triggered = true;
            o.updatedMs = m_clock.nowMs();
            changed = true;
        }
        break;
    case OrderType::Limit: {
        const bool crossed = buy ? touch <= o.limitPrice : touch >= o.limitPrice;
        if (!crossed)
            return false;
        taker = !working.resting;
        break;
    }
    }

    const double available = depth - consumed;
    if (!(available > 0) || !(touch > 0))
        return changed;
    const double lot = m_lotSizes.value(o.symbol, 0.0);
    double qty = std::min(remaining, available / touch);
    if (qty < remaining)
        qty = PositionSizer::roundDownToLot(qty, lot);

    const double f0 = consumed / depth;
    if (taker && o.type == OrderType::Limit) {
        // Take only as much as keeps the average price within the limit.
        const double roomBps =
            (buy ? o.limitPrice / touch - 1.0 : 1.0 - o.limitPrice / touch) * 10000.0 - m_config.paperSlippageBps;
        const double f1Max = roomBps > 0 ? std::min(1.0, 2.0 * roomBps / kBandBps - f0) : f0;
        const double qtyMax = std::max(0.0, f1Max - f0) * depth / touch;
        if (qty > qtyMax)
            qty = PositionSizer::roundDownToLot(qtyMax, lot);
    }
    if (!(qty > 0))
        return changed;

    double price = o.limitPrice;
    if (!taker && onPath) // a gap through the limit fills at the open, better than the limit
        price = buy ? std::min(o.limitPrice, touch) : std::max(o.limitPrice, touch);
    if (taker) {
        const double f1 = (consumed + qty * touch) / depth;
        const double bps = m_config.paperSlippageBps + kBandBps * (f0 + f1) / 2.0;
        price = buy ? touch * (1.0 + bps / 10000.0) : touch * (1.0 - bps / 10000.0);
        // A triggered stop is a market order and never fills better than the stop.
        if (o.type == OrderType::StopMarket)
            price = buy ? std::max(price, o.stopPrice) : std::min(price, o.stopPrice);
        // On a path the market traded through the stop: filled at the stop moved against us by the paper
        // slippage. The book at hand is the one at the end of the update, not the one the stop met, so its
        // depth walk does not price this fill (it still bounds the quantity). A gap beyond the stop (the
        // path price is the open) pays slippage and impact from the open, as above.
        if (onPath && o.type == OrderType::StopMarket && !(buy ? touch > o.stopPrice : touch < o.stopPrice))
            price = o.stopPrice *
                    (buy ? 1.0 + m_config.paperSlippageBps / 10000.0 : 1.0 - m_config.paperSlippageBps / 10000.0);
        else if (o.type == OrderType::Limit)
            price = buy ? std::min(price, o.limitPrice) : std::max(price, o.limitPrice);
    }
    consumed += qty * touch;

    result.fills.append(applyFill(o, qty, price, taker ? Liquidity::Taker : Liquidity::Maker));
    if (isDone(o.remainingQty(), o.qty) || (o.reduceOnly && isDone(reducibleQty(o), o.qty)))
        o.status = OrderStatus::Filled;
    else
        o.status = OrderStatus::PartiallyFilled;
    return true;
}

BrokerResult PaperBroker::submit(const OrderRequest &request)
{
    BrokerResult result;
    Working working;
    Order &o = working.order;
    o.id = ++m_lastOrderId;
    o.positionId = request.positionId;
    o.symbol = request.symbol;
    o.side = request.side;
    o.type = request.type;
    o.purpose = request.purpose;
    o.qty = request.qty;
    o.limitPrice = request.limitPrice;
    o.stopPrice = request.stopPrice;
    o.reduceOnly = request.reduceOnly;
    o.triggered = request.type == OrderType::StopMarket && request.triggered;
    // Bounded here, where every order is born, whoever composed the note.
    o.note = boundedOrderNote(request.note);
    o.createdMs = o.updatedMs = m_clock.nowMs();

    QString problem;
    if (o.symbol.isEmpty())
        problem = tr("the order has no symbol");
    else if (!(std::isfinite(o.qty) && o.qty > 0))
        problem = tr("quantity %1 is not positive").arg(o.qty);
    else if (o.type == OrderType::Limit && !(std::isfinite(o.limitPrice) && o.limitPrice > 0))
        problem = tr("limit price %1 is not positive").arg(o.limitPrice);
    else if (o.type == OrderType::StopMarket && !(std::isfinite(o.stopPrice) && o.stopPrice > 0))
        problem = tr("stop price %1 is not positive").arg(o.stopPrice);
    else if (o.reduceOnly && isDone(reducibleQty(o), o.qty))
        problem = tr("reduce-only %1 order for %2: no holding to reduce").arg(toCode(o.side), o.symbol);
    else if (o.type == OrderType::Market && !book(o.symbol).has_value())
        problem = tr("no order book for %1 yet").arg(o.symbol);
    if (!problem.isEmpty()) {
        o.status = OrderStatus::Rejected;
        o.reason = problem;
        qCDebug(lcTrading) << "order rejected:" << problem;
        result.orders.append(o);
        return result;
    }

    const bool onPath = std::isfinite(request.pathPrice) && request.pathPrice > 0;
    // A target reached on a bar's path stands for a limit that was resting there: it fills as a maker.
    if (onPath && o.type == OrderType::Limit)
        working.resting = true;
    tryFill(working, result, onPath ? request.pathPrice : 0.0);
    if (o.type == OrderType::Limit)
        working.resting = true; // whatever did not fill on arrival waits as a maker order
    result.orders.append(o);
    if (o.isActive())
        m_active.emplace(o.id, std::move(working));
    return result;
}

BrokerResult PaperBroker::updateBook(const QString &symbol, const BookSummary &book)
{
    Market &m = m_markets[symbol];
    m.book = book;
    m.hasBook = true;
    m.consumedBuy = 0;
    m.consumedSell = 0;

    BrokerResult result;
    for (auto it = m_active.begin(); it != m_active.end();) {
        Working &working = it->second;
        if (working.order.symbol == symbol && tryFill(working, result)) {
            result.orders.append(working.order);
            if (!working.order.isActive()) {
                it = m_active.erase(it);
                continue;
            }
        }
        ++it;
    }
    return result;
}

BrokerResult PaperBroker::cancel(qint64 orderId, const QString &reason)
{
    BrokerResult result;
    const auto it = m_active.find(orderId);
    if (it == m_active.end())
        return result;
    finish(it->second, OrderStatus::Cancelled, reason);
    result.orders.append(it->second.order);
    m_active.erase(it);
    return result;
}

} // namespace bw
