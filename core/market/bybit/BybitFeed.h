#pragma once

#include "common/Clock.h"
#include "market/MarketFeed.h"
#include "market/bybit/BybitFeedConfig.h"
#include "market/bybit/BybitOrderBook.h"
#include "market/bybit/RateLimiter.h"

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUrlQuery>

#include <deque>
#include <functional>
#include <vector>

class QNetworkReply;

namespace bw {

class BybitStream;

// Counters of what the feed skipped or repaired; all only grow while the feed runs.
struct BybitFeedStats {
    qint64 malformedMessages = 0; // not JSON, or JSON of the wrong shape or types
    qint64 unknownTopics = 0;     // a topic we did not subscribe to
    qint64 bookGaps = 0;          // update-id jumps in the order-book stream
    qint64 bookResyncs = 0;       // resubscriptions sent to rebuild a book
    qint64 reconnects = 0;        // reconnect attempts over all connections
    qint64 rateLimitRetries = 0;  // REST requests repeated after a rate-limit answer
    qint64 requestRetries = 0;    // REST requests repeated after a network error or a timeout
    qint64 restRequests = 0;      // REST requests sent

    qint64 skippedMessages() const { return malformedMessages + unknownTopics; }
};

// Live market data for Bybit USDT linear perpetuals from the public v5 API.
//
// start(): REST instruments-info (status Trading, USDT perpetuals), tickers (24 h turnover, open interest;
// the symbol selection "top:N" ranks by turnover), symbolsReady and one batch of tickers; then the kline
// backfill, paged and rate-limited, with backfillProgress after every page and one batch per symbol;
// backfillFinished; then the public stream (kline, tickers, orderbook.50, publicTrade per symbol) over as many
// connections as maxTopicsPerConnection requires, delivered as one updatesReady batch every batchIntervalMs.
//
// Bars that close between the backfill and the first stream kline (or while a connection is down) are fetched
// over REST when the stream shows the hole, and delivered before the stream's candles, so the series has no gap.
//
// Candle.trades of live bars is the number of publicTrade prints inside the bar, for bars the trade stream
// covered from their open on (0 otherwise, including backfilled bars: Bybit's klines carry no trade count).
class BybitFeed final : public MarketFeed
{
    Q_OBJECT

public:
    // Throws std::invalid_argument naming the bad field when config.validate() fails.
    explicit BybitFeed(const BybitFeedConfig &config = {}, const Clock &clock = SystemClock::instance(),
                       QObject *parent = nullptr);
    ~BybitFeed() override;

    QString sourceName() const override;
    qint64 barIntervalMs() const override;
    void start() override;
    void stop() override;

    const BybitFeedConfig &config() const { return m_config; }
    BybitFeedStats stats() const;
    const QList<SymbolInfo> &symbols() const { return m_symbols; }
    int connectionCount() const { return static_cast<int>(m_streams.size()); }
    int connectedCount() const;
    bool isLive() const { return m_state == State::Live; }
    // The local order book of a symbol (nullptr for an unknown name).
    const BybitOrderBook *book(const QString &symbol) const;
    bool isStale(const QString &symbol) const;
    int staleCount() const;

signals:
    // A symbol got no stream update for staleAfterMs (stale = true), or recovered.
    void symbolStaleChanged(const QString &symbol, bool stale);
    // The local book of a symbol became usable again after a gap (resync finished).
    void bookResynced(const QString &symbol);

private:
    enum class State { Idle, Instruments, Tickers, Backfill, Live, Stopped };
    using ReplyHandler = std::function<void(const QJsonObject &result)>;
    using FailHandler = std::function<void(const QString &error)>;

    struct Request {
        QString path;
        QUrlQuery query;
        ReplyHandler onResult;
        FailHandler onFail;
        int attempt = 0;
    };
    struct SymbolState {
        BybitOrderBook book;
        Ticker24h ticker;
        QHash<qint64, qint64> tradesPerBar; // bar open time -> trades seen in it
        qint64 tradesCoveredFromMs = 0;     // bars opening at or after this had the trade stream from their open
        qint64 lastUpdateMs = 0;
        qint64 lastClosedMs = 0; // newest closed bar delivered (backfill or stream)
        bool filling = false;    // a REST request for bars missed between backfill and stream is out
        QList<Candle> held;      // stream candles waiting for that request, delivered after it (bounded)
        bool stale = false;
        bool bookDirty = false;
        bool tickerDirty = false;
        int stream = -1;
    };
    struct BackfillJob {
        int symbol = -1;
        int remaining = 0;
        qint64 endMs = 0;
        QList<Candle> candles; // newest first while paging
    };

    void enqueue(Request request);
    void pump();
    void send(Request request);
    void onReply(QNetworkReply *reply, Request request);
    void retry(Request request, bool rateLimited, const QString &why);
    void fail(const QString &message);

    void requestInstruments(const QString &cursor);
    void requestTickers();
    void selectSymbols();
    void startBackfill();
    void requestKlines(BackfillJob job);
    void finishJob(const BackfillJob &job, int shortfall);
    void startStreams();
    void fillMissedBars(int symbol, qint64 fromMs, qint64 toMs);
    void deliverCandle(int symbol, const Candle &candle);

    void onStreamMessage(const QByteArray &message);
    void onStreamConnected(int stream);
    void handleKline(int symbol, const QJsonValue &data);
    void handleTicker(int symbol, const QJsonObject &data, bool snapshot);
    void handleBook(int symbol, const QJsonObject &message);
    void handleTrades(int symbol, const QJsonValue &data);
    void touch(int symbol);
    void flush();
    void checkStale();

    BybitFeedConfig m_config;
    const Clock &m_clock;
    QNetworkAccessManager m_network;
    RateLimiter m_limiter;
    QElapsedTimer m_steady; // rate limits and retries run on real elapsed time, not on the market clock
    std::deque<Request> m_queue;
    QTimer m_pumpTimer;
    int m_inFlight = 0;
    State m_state = State::Idle;
    BybitFeedStats m_stats;

    QList<SymbolInfo> m_instruments; // every tradable USDT perpetual
    QHash<QString, Ticker24h> m_restTickers;
    QList<SymbolInfo> m_symbols; // the selection, in feed order
    QHash<QString, int> m_index;
    std::vector<SymbolState> m_sym;
    int m_backfillDone = 0;
    int m_backfillTotal = 0;
    int m_jobsLeft = 0;
    int m_nextJob = 0;
    qint64 m_backfillEndMs = 0;

    std::vector<BybitStream *> m_streams;
    MarketUpdateBatch m_pending;
    QTimer m_flushTimer;
    QTimer m_staleTimer;
};

} // namespace bw
