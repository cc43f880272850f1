#pragma once

#include "market/MarketTypes.h"
#include "trading/ExecutionConfig.h"
#include "trading/Fill.h"
#include "trading/Order.h"

#include <QHash>
#include <QList>
#include <QString>

#include <map>
#include <optional>

namespace bw {

class Clock;

// What one broker call changed: every order it created or touched (latest state) and every fill.
struct BrokerResult {
    QList<Order> orders;
    QList<Fill> fills;

    void append(const BrokerResult &other)
    {
        orders += other.orders;
        fills += other.fills;
    }
    bool isEmpty() const { return orders.isEmpty() && fills.isEmpty(); }
};

// Signed net holding of one symbol (> 0 long, < 0 short) and its average price.
struct NetPosition {
    double qty = 0;
    double avgPrice = 0;
};

struct AccountSnapshot {
    qint64 timeMs = 0;
    double cash = 0;
    double unrealisedPnl = 0;
    double equity = 0; // cash + unrealisedPnl
};

// A simulated exchange that fills orders against BookSummary snapshots.
//
// Fills:
// - Taker (market, triggered stop, limit marketable on arrival): at the touch (best ask for a buy, best
//   bid for a sell) moved against us by paperSlippageBps plus a depth impact. One book snapshot offers the
//   same-side depth within 0.3 % of the touch and no more; walking it linearly, a fill taking the band
//   from fraction f0 to f1 pays 30 bps * (f0 + f1) / 2 on average. What the band cannot absorb stays open
//   and fills on later snapshots (partial fills).
// - Limit: fills only when the market crosses the limit (ask <= limit for a buy, bid >= limit for a
//   sell). Marketable on arrival it takes liquidity as above, but only as far as the price stays within
//   the limit; the rest rests and fills later at the limit price as a maker. Never better than the market.
// - StopMarket: live once the bid (sell) or ask (buy) crosses the stop, or at once when submitted as
//   triggered; fills like a market order but never better than the stop ("at the stop or worse").
// - Path price (OrderRequest::pathPrice, bar-driven exits): the fill on arrival happens where the bar's
//   path met the order instead of at the book: a stop-market as a taker at the stop moved against us by
//   paperSlippageBps when the path traded through it (so a stop loses 1 R + fees + that slippage), or at
//   the open of a bar that gapped beyond it moved against us by slippage and impact as above; a limit as a
//   maker at its limit (or at the better open of a gap), as the resting order it stands for. Depth still
//   bounds the quantity.
// - Fees on every fill: takerBps or makerBps of the fill notional.
//
// Accounting is perpetual-style and margin-free: cash moves only by realised PnL minus fees; equity is
// cash plus the unrealised PnL of net holdings at the book mid. Finished orders are forgotten once
// reported (the journal keeps them), so memory holds active orders only.
//
// Not thread-safe; lives on the engine thread.
class PaperBroker final
{
public:
    PaperBroker(const ExecutionConfig &config, const Clock &clock);

    const ExecutionConfig &config() const { return m_config; }
    void setConfig(const ExecutionConfig &config) { m_config = config; }

    // Lot size used to round partial fills (none when unknown).
    void setSymbolInfo(const SymbolInfo &info);
    double lotSize(const QString &symbol) const { return m_lotSizes.value(symbol, 0.0); }

    // A new book snapshot for `symbol`: fresh depth, then every active order of the symbol gets a chance
    // to fill, oldest first.
    BrokerResult updateBook(const QString &symbol, const BookSummary &book);
    BrokerResult submit(const OrderRequest &request);
    BrokerResult cancel(qint64 orderId, const QString &reason);

    std::optional<Order> order(qint64 orderId) const;
    QList<Order> activeOrders() const;
    std::optional<BookSummary> book(const QString &symbol) const;
    double markPrice(const QString &symbol) const; // book mid, 0 without a book

    double cash() const { return m_cash; }
    double unrealisedPnl() const;
    double equity() const { return m_cash + unrealisedPnl(); }
    AccountSnapshot account() const;
    NetPosition netPosition(const QString &symbol) const { return m_net.value(symbol); }
    const QHash<QString, NetPosition> &netPositions() const { return m_net; }

    // Running totals since construction or restore, for reports and the accounting invariant.
    double totalFees() const { return m_totalFees; }
    double totalRealisedPnl() const { return m_totalRealised; }

    // Rebuilds the account after a restart. Ids continue above the given ones so the journal never sees
    // a duplicate. Active orders are not restored (the caller re-sends what it still needs).
    void restore(double cash, const QHash<QString, NetPosition> &net, qint64 lastOrderId, qint64 lastFillId);

private:
    struct Market {
        BookSummary book;
        bool hasBook = false;
        double consumedBuy = 0; // notional already taken from this snapshot's asks
        double consumedSell = 0;
    };
    struct Working {
        Order order;
        bool resting = false; // a limit that did not (fully) fill on arrival: later fills are maker fills
    };

    // Tries to fill (part of) the order against the current snapshot; true when the order changed.
    // pathPrice > 0: the market traded there (a point of a bar's path) instead of at the book's touch.
    bool tryFill(Working &working, BrokerResult &result, double pathPrice = 0);
    Fill applyFill(Order &order, double qty, double price, Liquidity liquidity);
    void finish(Working &working, OrderStatus status, const QString &reason);
    double reducibleQty(const Order &order) const;

    ExecutionConfig m_config;
    const Clock &m_clock;
    QHash<QString, Market> m_markets;
    QHash<QString, double> m_lotSizes;
    QHash<QString, NetPosition> m_net;
    std::map<qint64, Working> m_active; // by id: time priority
    double m_cash = 0;
    double m_totalFees = 0;
    double m_totalRealised = 0;
    qint64 m_lastOrderId = 0;
    qint64 m_lastFillId = 0;
};

} // namespace bw
