#pragma once

#include <QString>
#include <QUrl>

namespace bw {

// Which linear perpetuals a BybitFeed follows.
struct BybitSymbolSelection {
    int topN = 0; // 0: every USDT perpetual in status Trading; N: the N with the largest 24 h turnover

    // "all" or "top:N" (N >= 1). Returns false and sets error (naming the bad text) otherwise.
    static bool parse(const QString &text, BybitSymbolSelection &out, QString *error = nullptr);
    QString toString() const;
};

// Settings of the Bybit v5 public market-data feed. Defaults follow the exchange's published limits; the base
// URLs are settings so that tests, the testnet and other regions can point elsewhere.
struct BybitFeedConfig {
    QUrl restBaseUrl{QStringLiteral("https://api.bybit.com")};
    QUrl wsBaseUrl{QStringLiteral("wss://stream.bybit.com/v5/public/linear")};
    BybitSymbolSelection symbols;
    int intervalMinutes = 5;   // kline interval: 1, 3, 5, 15, 30, 60, 120, 240, 360 or 720
    int backfillBars = 500;    // closed bars fetched per symbol over REST before the stream starts
    int klinePageLimit = 1000; // bars per /v5/market/kline request (the exchange's maximum)

    // Subscriptions: the public stream takes at most 10 args per subscribe request; keep each connection to
    // a moderate number of topics so that one dropped socket costs only part of the market.
    int maxTopicsPerRequest = 10;
    int maxTopicsPerConnection = 200;

    // REST rate limit for /v5/market/* (sliding window). Bybit allows 600 requests per 5 s per IP; staying
    // well below leaves room for other tools on the same address.
    int marketRequestsPerWindow = 50;
    int marketWindowMs = 1000;
    int minRequestSpacingMs = 20;
    int maxConcurrentRequests = 4;
    int requestTimeoutMs = 10000;
    int maxRetries = 5;
    int retryBaseMs = 2000; // first retry after a rate-limit error or a failed request, doubled each time
    int retryMaxMs = 30000;

    int pingIntervalMs = 20000; // {"op":"ping"}; a connection silent for two intervals is dropped
    int reconnectBaseMs = 1000;
    int reconnectMaxMs = 60000;
    int batchIntervalMs = 250; // live updates are gathered and delivered as one batch this often
    int staleAfterMs = 60000;  // a symbol with no stream update for this long is stale
    int staleCheckIntervalMs = 5000;

    qint64 intervalMs() const { return qint64(intervalMinutes) * 60 * 1000; }
    // Empty when usable; otherwise a message naming the bad field.
    QString validate() const;
};

} // namespace bw
