#pragma once

#include "market/Candle.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace bw {

// Static description of a tradable symbol.
struct SymbolInfo {
    QString name;        // as the feed spells it, e.g. "BTCUSDT"
    QString baseAsset;   // "BTC"
    QString quoteAsset;  // "USDT"
    double tickSize = 0; // minimum price increment
    double lotSize = 0;  // minimum quantity increment
    double minNotional = 0;
};

// Rolling 24 h statistics, as an exchange ticker reports them.
struct Ticker24h {
    double lastPrice = 0;
    double openPrice24h = 0; // price 24 h ago
    double changePct24h = 0; // (last / open24h - 1) * 100
    double high24h = 0;
    double low24h = 0;
    double baseVolume24h = 0;
    double quoteVolume24h = 0;   // turnover in quote currency
    double openInterestUsd = -1; // < 0: the source does not provide open interest
    qint64 updatedMs = 0;
};

// Summary of one order-book snapshot. Depth is quote-currency notional within a percentage of the best
// price on each side.
struct BookSummary {
    double bestBid = 0;
    double bestAsk = 0;
    double spreadBps = 0;  // (ask - bid) / mid * 10 000
    double bidDepth03 = 0; // bids within 0.3 % below the best bid, quote currency
    double askDepth03 = 0;
    double bidDepth05 = 0; // within 0.5 %
    double askDepth05 = 0;
    double imbalance = 0; // (bids - asks) / (bids + asks) over the 0.5 % band, in [-1, 1]
    qint64 updatedMs = 0;
    bool estimated = false; // derived from candles (a replay has no order book), not from a real book

    bool isValid() const { return bestBid > 0 && bestAsk >= bestBid; }
    double mid() const { return (bestBid + bestAsk) / 2.0; }
};

struct CandleUpdate {
    int symbol = -1; // index into the feed's symbol list
    Candle candle;   // candle.closed tells whether the bar is final
};

struct TickerUpdate {
    int symbol = -1;
    Ticker24h ticker;
};

struct BookUpdate {
    int symbol = -1;
    BookSummary book;
};

// Everything a feed learned in one step, delivered in one signal so that thousands of symbols do not
// cost thousands of signal emissions.
struct MarketUpdateBatch {
    qint64 marketTimeMs = 0; // the feed's notion of now (simulated and replay feeds run faster than real time)
    QList<CandleUpdate> candles;
    QList<TickerUpdate> tickers;
    QList<BookUpdate> books;
};

// One row of the market overview the UI and the headless status line show.
struct SymbolOverview {
    QString symbol;
    double lastPrice = 0;
    double changePct24h = 0;
    double quoteVolume24h = 0;
    double spreadBps = 0;
    double tradesPerMinute = 0;
    qint64 lastClosedBarOpenMs = 0;
    bool stale = false; // no update for longer than the stale threshold
};

// A consistent, immutable picture of the whole market, published about once a second by the thread that
// owns the MarketStore.
struct MarketOverview {
    QString sourceName;
    qint64 marketTimeMs = 0; // the feed's clock
    qint64 barIntervalMs = 0;
    qint64 formingBarOpenMs = 0; // open time of the bar now forming
    bool backfilling = false;
    int backfillDone = 0;
    int backfillTotal = 0;
    qint64 storeBytes = 0; // what the MarketStore holds
    QList<SymbolOverview> symbols;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::SymbolInfo)
Q_DECLARE_METATYPE(bw::MarketOverview)
Q_DECLARE_METATYPE(bw::MarketUpdateBatch)
