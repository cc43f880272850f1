#include "market/bybit/BybitFeed.h"

#include "market/MarketLog.h"
#include "market/MarketMetaTypes.h"
#include "market/bybit/BybitStream.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

namespace bw {
namespace {

constexpr int kRetCodeTooManyVisits = 10006;
constexpr int kInstrumentsPageLimit = 1000;

// Bybit sends numbers as strings ("27000.5"); accept real numbers too. nullopt when absent or not numeric.
std::optional<double> number(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().toDouble(&ok);
        if (ok && std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

std::optional<qint64> integer(const QJsonValue &v)
{
    if (v.isDouble())
        return static_cast<qint64>(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const qint64 i = v.toString().toLongLong(&ok);
        if (ok)
            return i;
    }
    return std::nullopt;
}

// [["price","size"], ...]; nullopt when any entry is malformed.
std::optional<QList<BybitOrderBook::Level>> levels(const QJsonValue &v)
{
    if (!v.isArray())
        return std::nullopt;
    QList<BybitOrderBook::Level> out;
    const QJsonArray a = v.toArray();
    out.reserve(a.size());
    for (const QJsonValue &e : a) {
        const QJsonArray pair = e.toArray();
        if (pair.size() < 2)
            return std::nullopt;
        const auto p = number(pair.at(0));
        const auto q = number(pair.at(1));
        if (!p || !q || *p <= 0 || *q < 0)
            return std::nullopt;
        out.append({*p, *q});
    }
    return out;
}

} // namespace

BybitFeed::BybitFeed(const BybitFeedConfig &config, const Clock &clock, QObject *parent)
    : MarketFeed(parent)
    , m_config(config)
    , m_clock(clock)
    // Members that are QObjects get the feed as parent so that moving the feed to the engine thread moves them.
    , m_network(this)
    , m_pumpTimer(this)
    , m_flushTimer(this)
    , m_staleTimer(this)
{
    if (const QString error = config.validate(); !error.isEmpty())
        throw std::invalid_argument(error.toStdString());
    registerMarketMetaTypes();
    m_limiter.setLimit(RateLimiter::Category::MarketData,
                       {m_config.marketRequestsPerWindow, m_config.marketWindowMs, m_config.minRequestSpacingMs});
    m_steady.start();
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &BybitFeed::pump);
    m_flushTimer.setInterval(m_config.batchIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &BybitFeed::flush);
    m_staleTimer.setInterval(m_config.staleCheckIntervalMs);
    connect(&m_staleTimer, &QTimer::timeout, this, &BybitFeed::checkStale);
}

BybitFeed::~BybitFeed()
{
    stop();
}

QString BybitFeed::sourceName() const
{
    return tr("Bybit linear perpetuals (%1, %2 m)").arg(m_config.symbols.toString()).arg(m_config.intervalMinutes);
}

qint64 BybitFeed::barIntervalMs() const
{
    return m_config.intervalMs();
}

BybitFeedStats BybitFeed::stats() const
{
    BybitFeedStats s = m_stats;
    for (const BybitStream *stream : m_streams)
        s.reconnects += stream->reconnectCount();
    return s;
}

int BybitFeed::connectedCount() const
{
    return static_cast<int>(
        std::count_if(m_streams.begin(), m_streams.end(), [](const BybitStream *s) { return s->isConnected(); }));
}

const BybitOrderBook *BybitFeed::book(const QString &symbol) const
{
    const int i = m_index.value(symbol, -1);
    return i < 0 ? nullptr : &m_sym[static_cast<std::size_t>(i)].book;
}

bool BybitFeed::isStale(const QString &symbol) const
{
    const int i = m_index.value(symbol, -1);
    return i >= 0 && m_sym[static_cast<std::size_t>(i)].stale;
}

int BybitFeed::staleCount() const
{
    return static_cast<int>(std::count_if(m_sym.begin(), m_sym.end(), [](const SymbolState &s) { return s.stale; }));
}

void BybitFeed::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Instruments;
    qCInfo(lcMarket) << "Bybit feed starting:" << m_config.restBaseUrl.toString() << m_config.wsBaseUrl.toString();
    requestInstruments({});
}

void BybitFeed::stop()
{
    if (m_state == State::Stopped || m_state == State::Idle) {
        m_state = State::Stopped;
        return;
    }
    m_state = State::Stopped;
    m_queue.clear();
    m_pumpTimer.stop();
    m_flushTimer.stop();
    m_staleTimer.stop();
    for (BybitStream *s : m_streams) {
        s->close();
        s->deleteLater();
    }
    m_streams.clear();
    // Replies still in flight are aborted; their handlers see State::Stopped and do nothing.
    const auto replies = m_network.findChildren<QNetworkReply *>();
    for (QNetworkReply *r : replies)
        r->abort();
}

void BybitFeed::fail(const QString &message)
{
    qCWarning(lcMarket) << message;
    emit feedError(message);
    stop();
    emit finished();
}

// --- REST ------------------------------------------------------------------------------------------------

void BybitFeed::enqueue(Request request)
{
    m_queue.push_back(std::move(request));
    pump();
}

void BybitFeed::pump()
{
    while (m_state != State::Stopped && !m_queue.empty() && m_inFlight < m_config.maxConcurrentRequests) {
        const qint64 wait =
            m_limiter.tryAcquire(RateLimiter::categoryForPath(m_queue.front().path), m_steady.elapsed());
        if (wait > 0) {
            if (!m_pumpTimer.isActive() || m_pumpTimer.remainingTime() > wait)
                m_pumpTimer.start(static_cast<int>(std::min<qint64>(wait, 3600000)));
            return;
        }
        Request r = std::move(m_queue.front());
        m_queue.pop_front();
        send(std::move(r));
    }
}

void BybitFeed::send(Request request)
{
    QUrl url = m_config.restBaseUrl;
    url.setPath(url.path() + request.path);
    url.setQuery(request.query);
    QNetworkRequest nr(url);
    nr.setTransferTimeout(m_config.requestTimeoutMs);
    nr.setRawHeader("Accept", "application/json");
    ++m_inFlight;
    ++m_stats.restRequests;
    QNetworkReply *reply = m_network.get(nr);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, request = std::move(request)]() mutable { onReply(reply, std::move(request)); });
}

void BybitFeed::onReply(QNetworkReply *reply, Request request)
{
    reply->deleteLater();
    --m_inFlight;
    if (m_state == State::Stopped)
        return;
    const int http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (http == 429 || http == 403) {
        retry(std::move(request), true, tr("HTTP %1").arg(http));
    } else if (reply->error() != QNetworkReply::NoError) {
        retry(std::move(request), false, reply->errorString());
    } else {
        QJsonParseError pe{};
        const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
        const QJsonObject o = doc.object();
        const auto retCode = integer(o.value(QStringLiteral("retCode")));
        if (pe.error != QJsonParseError::NoError || !doc.isObject() || !retCode) {
            retry(std::move(request), false, tr("malformed answer (%1)").arg(pe.errorString()));
        } else if (*retCode == kRetCodeTooManyVisits) {
            retry(std::move(request), true, o.value(QStringLiteral("retMsg")).toString());
        } else if (*retCode != 0) {
            const QString msg = tr("Bybit %1 answered retCode %2: %3")
                                    .arg(request.path)
                                    .arg(*retCode)
                                    .arg(o.value(QStringLiteral("retMsg")).toString());
            request.onFail(msg);
        } else {
            request.onResult(o.value(QStringLiteral("result")).toObject());
        }
    }
    pump();
}

void BybitFeed::retry(Request request, bool rateLimited, const QString &why)
{
    if (request.attempt >= m_config.maxRetries) {
        request.onFail(tr("Bybit %1 failed after %2 attempts: %3").arg(request.path).arg(request.attempt + 1).arg(why));
        return;
    }
    const int shift = std::min(request.attempt, 20);
    const qint64 base = std::min<qint64>(m_config.retryMaxMs, qint64(m_config.retryBaseMs) << shift);
    const qint64 delay = base + QRandomGenerator::global()->bounded(base / 2 + 1); // jitter up to +50 %
    ++request.attempt;
    if (rateLimited) {
        ++m_stats.rateLimitRetries;
        // The whole category waits: the limit is per IP, every other request would be refused too.
        m_limiter.blockUntil(RateLimiter::categoryForPath(request.path), m_steady.elapsed() + delay);
        qCInfo(lcMarket) << "Bybit rate limit on" << request.path << "(" << why << "); retrying in" << delay << "ms";
        m_queue.push_front(std::move(request));
        pump();
    } else {
        ++m_stats.requestRetries;
        qCInfo(lcMarket) << "Bybit request" << request.path << "failed (" << why << "); retrying in" << delay << "ms";
        QTimer::singleShot(static_cast<int>(delay), this, [this, request = std::move(request)]() mutable {
            if (m_state != State::Stopped)
                enqueue(std::move(request));
        });
    }
}

void BybitFeed::requestInstruments(const QString &cursor)
{
    Request r;
    r.path = QStringLiteral("/v5/market/instruments-info");
    r.query.addQueryItem(QStringLiteral("category"), QStringLiteral("linear"));
    r.query.addQueryItem(QStringLiteral("limit"), QString::number(kInstrumentsPageLimit));
    if (!cursor.isEmpty())
        r.query.addQueryItem(QStringLiteral("cursor"), cursor);
    r.onFail = [this](const QString &e) { fail(e); };
    r.onResult = [this](const QJsonObject &result) {
        const QJsonValue list = result.value(QStringLiteral("list"));
        if (!list.isArray()) {
            fail(tr("Bybit instruments-info: the answer has no instrument list"));
            return;
        }
        for (const QJsonValue &v : list.toArray()) {
            const QJsonObject o = v.toObject();
            const QString status = o.value(QStringLiteral("status")).toString();
            const QString contract = o.value(QStringLiteral("contractType")).toString();
            SymbolInfo info;
            info.name = o.value(QStringLiteral("symbol")).toString();
            info.baseAsset = o.value(QStringLiteral("baseCoin")).toString();
            info.quoteAsset = o.value(QStringLiteral("quoteCoin")).toString();
            const auto tick =
                number(o.value(QStringLiteral("priceFilter")).toObject().value(QStringLiteral("tickSize")));
            const QJsonObject lot = o.value(QStringLiteral("lotSizeFilter")).toObject();
            const auto step = number(lot.value(QStringLiteral("qtyStep")));
            if (info.name.isEmpty() || status != QLatin1String("Trading") ||
                contract != QLatin1String("LinearPerpetual") || info.quoteAsset != QLatin1String("USDT") || !tick ||
                !step || *tick <= 0 || *step <= 0)
                continue;
            info.tickSize = *tick;
            info.lotSize = *step;
            info.minNotional = number(lot.value(QStringLiteral("minNotionalValue"))).value_or(0.0);
            m_instruments.append(info);
        }
        const QString next = result.value(QStringLiteral("nextPageCursor")).toString();
        if (!next.isEmpty() && m_instruments.size() < 100000)
            requestInstruments(next);
        else
            requestTickers();
    };
    enqueue(std::move(r));
}

void BybitFeed::requestTickers()
{
    m_state = State::Tickers;
    Request r;
    r.path = QStringLiteral("/v5/market/tickers");
    r.query.addQueryItem(QStringLiteral("category"), QStringLiteral("linear"));
    r.onFail = [this](const QString &e) { fail(e); };
    r.onResult = [this](const QJsonObject &result) {
        const qint64 now = m_clock.nowMs();
        for (const QJsonValue &v : result.value(QStringLiteral("list")).toArray()) {
            const QJsonObject o = v.toObject();
            const QString name = o.value(QStringLiteral("symbol")).toString();
            const auto last = number(o.value(QStringLiteral("lastPrice")));
            if (name.isEmpty() || !last)
                continue;
            Ticker24h t;
            t.lastPrice = *last;
            t.openPrice24h = number(o.value(QStringLiteral("prevPrice24h"))).value_or(0.0);
            t.changePct24h = number(o.value(QStringLiteral("price24hPcnt"))).value_or(0.0) * 100.0;
            t.high24h = number(o.value(QStringLiteral("highPrice24h"))).value_or(0.0);
            t.low24h = number(o.value(QStringLiteral("lowPrice24h"))).value_or(0.0);
            t.baseVolume24h = number(o.value(QStringLiteral("volume24h"))).value_or(0.0);
            t.quoteVolume24h = number(o.value(QStringLiteral("turnover24h"))).value_or(0.0);
            t.openInterestUsd = number(o.value(QStringLiteral("openInterestValue"))).value_or(-1.0);
            t.updatedMs = now;
            m_restTickers.insert(name, t);
        }
        selectSymbols();
    };
    enqueue(std::move(r));
}

void BybitFeed::selectSymbols()
{
    QList<SymbolInfo> chosen = m_instruments;
    const auto turnover = [this](const SymbolInfo &s) { return m_restTickers.value(s.name).quoteVolume24h; };
    if (m_config.symbols.topN > 0) {
        std::stable_sort(chosen.begin(), chosen.end(),
                         [&](const SymbolInfo &a, const SymbolInfo &b) { return turnover(a) > turnover(b); });
        if (chosen.size() > m_config.symbols.topN)
            chosen.resize(m_config.symbols.topN);
    }
    if (chosen.isEmpty()) {
        fail(tr("Bybit lists no tradable USDT perpetual"));
        return;
    }
    m_symbols = chosen;
    m_sym.assign(static_cast<std::size_t>(m_symbols.size()), SymbolState{});
    MarketUpdateBatch batch;
    batch.marketTimeMs = m_clock.nowMs();
    for (int i = 0; i < m_symbols.size(); ++i) {
        m_index.insert(m_symbols[i].name, i);
        const auto it = m_restTickers.constFind(m_symbols[i].name);
        if (it != m_restTickers.constEnd()) {
            m_sym[static_cast<std::size_t>(i)].ticker = *it;
            batch.tickers.append({i, *it});
        }
    }
    m_restTickers.clear();
    m_instruments.clear();
    qCInfo(lcMarket) << "Bybit feed follows" << m_symbols.size() << "symbols";
    emit symbolsReady(m_symbols);
    if (!batch.tickers.isEmpty())
        emit updatesReady(batch);
    startBackfill();
}

// --- backfill --------------------------------------------------------------------------------------------

void BybitFeed::startBackfill()
{
    m_state = State::Backfill;
    const qint64 interval = m_config.intervalMs();
    // The newest closed bar opened one interval before the bar now forming.
    m_backfillEndMs = (m_clock.nowMs() / interval) * interval - interval;
    m_backfillTotal = m_config.backfillBars * static_cast<int>(m_symbols.size());
    m_backfillDone = 0;
    m_jobsLeft = static_cast<int>(m_symbols.size());
    emit backfillProgress(0, m_backfillTotal);
    if (m_config.backfillBars == 0) {
        m_jobsLeft = 0;
        emit backfillFinished();
        startStreams();
        return;
    }
    // Symbols go one page at a time; several symbols are in flight at once up to maxConcurrentRequests.
    for (int i = 0; i < m_symbols.size(); ++i) {
        BackfillJob job;
        job.symbol = i;
        job.remaining = m_config.backfillBars;
        job.endMs = m_backfillEndMs;
        requestKlines(std::move(job));
    }
}

void BybitFeed::requestKlines(BackfillJob job)
{
    const int limit = std::min(job.remaining, m_config.klinePageLimit);
    Request r;
    r.path = QStringLiteral("/v5/market/kline");
    r.query.addQueryItem(QStringLiteral("category"), QStringLiteral("linear"));
    r.query.addQueryItem(QStringLiteral("symbol"), m_symbols[job.symbol].name);
    r.query.addQueryItem(QStringLiteral("interval"), QString::number(m_config.intervalMinutes));
    r.query.addQueryItem(QStringLiteral("end"), QString::number(job.endMs));
    r.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    r.onFail = [this, job](const QString &e) {
        emit feedError(tr("No history for %1: %2").arg(m_symbols[job.symbol].name, e));
        finishJob(job, job.remaining);
    };
    r.onResult = [this, job, limit](const QJsonObject &result) mutable {
        const qint64 interval = m_config.intervalMs();
        int got = 0;
        qint64 oldest = job.endMs + interval;
        // Newest first: [start, open, high, low, close, volume, turnover].
        for (const QJsonValue &v : result.value(QStringLiteral("list")).toArray()) {
            const QJsonArray a = v.toArray();
            const auto start = integer(a.at(0));
            const auto o = number(a.at(1)), h = number(a.at(2)), l = number(a.at(3)), c = number(a.at(4));
            const auto vol = number(a.at(5)), turnover = number(a.at(6));
            if (!start || !o || !h || !l || !c || !vol || !turnover || *start > job.endMs || *start >= oldest ||
                *start % interval != 0) {
                ++m_stats.malformedMessages;
                continue;
            }
            Candle candle{*start, *o, *h, *l, *c, *vol, *turnover, 0, true};
            job.candles.append(candle);
            oldest = *start;
            ++got;
            if (got >= limit)
                break;
        }
        job.remaining -= got;
        m_backfillDone += got;
        const bool done = job.remaining <= 0 || got < limit;
        if (!done) {
            job.endMs = oldest - interval;
            emit backfillProgress(m_backfillDone, m_backfillTotal);
            requestKlines(std::move(job));
        } else {
            finishJob(job, std::max(0, job.remaining));
        }
    };
    enqueue(std::move(r));
}

void BybitFeed::finishJob(const BackfillJob &job, int shortfall)
{
    // A symbol listed recently has less history than asked for: count the missing bars as done.
    m_backfillDone += shortfall;
    if (!job.candles.isEmpty()) {
        m_sym[static_cast<std::size_t>(job.symbol)].lastClosedMs = job.candles.first().openTimeMs;
        MarketUpdateBatch batch;
        batch.marketTimeMs = m_clock.nowMs();
        batch.candles.reserve(job.candles.size());
        for (auto it = job.candles.crbegin(); it != job.candles.crend(); ++it)
            batch.candles.append({job.symbol, *it});
        emit updatesReady(batch);
    }
    emit backfillProgress(m_backfillDone, m_backfillTotal);
    if (--m_jobsLeft == 0 && m_state == State::Backfill) {
        emit backfillFinished();
        startStreams();
    }
}

// --- stream ----------------------------------------------------------------------------------------------

void BybitFeed::startStreams()
{
    m_state = State::Live;
    const QString iv = QString::number(m_config.intervalMinutes);
    BybitStream::Settings settings{m_config.maxTopicsPerRequest, m_config.pingIntervalMs, m_config.reconnectBaseMs,
                                   m_config.reconnectMaxMs};
    const int perSymbol = 4;
    const int symbolsPerStream = std::max(1, m_config.maxTopicsPerConnection / perSymbol);
    const qint64 now = m_clock.nowMs();
    for (int first = 0; first < m_symbols.size(); first += symbolsPerStream) {
        QStringList topics;
        const int streamIndex = static_cast<int>(m_streams.size());
        for (int i = first; i < std::min<int>(static_cast<int>(m_symbols.size()), first + symbolsPerStream); ++i) {
            const QString &s = m_symbols[i].name;
            topics << QStringLiteral("kline.%1.%2").arg(iv, s) << QStringLiteral("tickers.%1").arg(s)
                   << QStringLiteral("orderbook.50.%1").arg(s) << QStringLiteral("publicTrade.%1").arg(s);
            m_sym[static_cast<std::size_t>(i)].stream = streamIndex;
            m_sym[static_cast<std::size_t>(i)].lastUpdateMs = now;
        }
        auto *stream = new BybitStream(m_config.wsBaseUrl, topics, settings, this);
        connect(stream, &BybitStream::messageReceived, this, &BybitFeed::onStreamMessage);
        connect(stream, &BybitStream::connected, this, [this, streamIndex] { onStreamConnected(streamIndex); });
        m_streams.push_back(stream);
        stream->open();
    }
    qCInfo(lcMarket) << "Bybit stream:" << m_symbols.size() << "symbols over" << m_streams.size() << "connections";
    m_flushTimer.start();
    m_staleTimer.start();
}

void BybitFeed::onStreamConnected(int stream)
{
    // Trades sent while we were away are lost: only bars opening from now on have complete trade counts.
    const qint64 interval = m_config.intervalMs();
    const qint64 from = (m_clock.nowMs() + interval - 1) / interval * interval;
    for (SymbolState &s : m_sym) {
        if (s.stream == stream) {
            s.tradesCoveredFromMs = from;
            s.book.invalidate(); // the subscription sends a fresh snapshot
        }
    }
}

void BybitFeed::onStreamMessage(const QByteArray &message)
{
    if (m_state != State::Live)
        return;
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(message, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        ++m_stats.malformedMessages;
        qCDebug(lcMarket) << "Bybit: skipped a malformed message:" << pe.errorString();
        return;
    }
    const QJsonObject o = doc.object();
    const QString topic = o.value(QStringLiteral("topic")).toString();
    const qsizetype dot = topic.lastIndexOf(u'.');
    const int symbol = dot < 0 ? -1 : m_index.value(topic.mid(dot + 1), -1);
    if (topic.isEmpty()) {
        ++m_stats.malformedMessages;
        return;
    }
    if (symbol < 0) {
        ++m_stats.unknownTopics;
        return;
    }
    const QStringView kind = QStringView(topic).left(dot);
    const QJsonValue data = o.value(QStringLiteral("data"));
    if (kind == QStringLiteral("kline.%1").arg(m_config.intervalMinutes))
        handleKline(symbol, data);
    else if (kind == u"tickers" && data.isObject())
        handleTicker(symbol, data.toObject(), o.value(QStringLiteral("type")).toString() == QLatin1String("snapshot"));
    else if (kind == u"orderbook.50")
        handleBook(symbol, o);
    else if (kind == u"publicTrade")
        handleTrades(symbol, data);
    else if (kind == u"tickers")
        ++m_stats.malformedMessages;
    else
        ++m_stats.unknownTopics;
}

void BybitFeed::touch(int symbol)
{
    SymbolState &s = m_sym[static_cast<std::size_t>(symbol)];
    s.lastUpdateMs = m_clock.nowMs();
    if (s.stale) {
        s.stale = false;
        emit symbolStaleChanged(m_symbols[symbol].name, false);
    }
}

void BybitFeed::handleKline(int symbol, const QJsonValue &data)
{
    if (!data.isArray()) {
        ++m_stats.malformedMessages;
        return;
    }
    const qint64 interval = m_config.intervalMs();
    SymbolState &s = m_sym[static_cast<std::size_t>(symbol)];
    for (const QJsonValue &v : data.toArray()) {
        const QJsonObject k = v.toObject();
        const auto start = integer(k.value(QStringLiteral("start")));
        const auto o = number(k.value(QStringLiteral("open"))), h = number(k.value(QStringLiteral("high")));
        const auto l = number(k.value(QStringLiteral("low"))), c = number(k.value(QStringLiteral("close")));
        const auto vol = number(k.value(QStringLiteral("volume"))), to = number(k.value(QStringLiteral("turnover")));
        const QJsonValue confirm = k.value(QStringLiteral("confirm"));
        if (!start || !o || !h || !l || !c || !vol || !to || !confirm.isBool() || *start % interval != 0) {
            ++m_stats.malformedMessages;
            continue;
        }
        Candle candle{*start, *o, *h, *l, *c, *vol, *to, 0, confirm.toBool()};
        if (*start >= s.tradesCoveredFromMs && s.tradesCoveredFromMs > 0)
            candle.trades = s.tradesPerBar.value(*start, 0);
        if (!s.filling && s.lastClosedMs > 0 && *start > s.lastClosedMs + interval)
            fillMissedBars(symbol, s.lastClosedMs + interval, *start - interval);
        if (s.filling) {
            // Keep every closed bar and only the newest forming one; beyond 64 the oldest go.
            if (!s.held.isEmpty() && !s.held.last().closed)
                s.held.removeLast();
            if (s.held.size() >= 64)
                s.held.removeFirst();
            s.held.append(candle);
        } else {
            deliverCandle(symbol, candle);
        }
        if (candle.closed) {
            // Counts older than the bar just closed are no longer needed.
            for (auto it = s.tradesPerBar.begin(); it != s.tradesPerBar.end();)
                it = it.key() <= *start - interval ? s.tradesPerBar.erase(it) : std::next(it);
        }
        touch(symbol);
    }
}

void BybitFeed::deliverCandle(int symbol, const Candle &candle)
{
    SymbolState &s = m_sym[static_cast<std::size_t>(symbol)];
    if (candle.closed)
        s.lastClosedMs = std::max(s.lastClosedMs, candle.openTimeMs);
    m_pending.candles.append({symbol, candle});
}

void BybitFeed::fillMissedBars(int symbol, qint64 fromMs, qint64 toMs)
{
    const qint64 interval = m_config.intervalMs();
    const int count = static_cast<int>(std::min<qint64>(m_config.klinePageLimit, (toMs - fromMs) / interval + 1));
    m_sym[static_cast<std::size_t>(symbol)].filling = true;
    Request r;
    r.path = QStringLiteral("/v5/market/kline");
    r.query.addQueryItem(QStringLiteral("category"), QStringLiteral("linear"));
    r.query.addQueryItem(QStringLiteral("symbol"), m_symbols[symbol].name);
    r.query.addQueryItem(QStringLiteral("interval"), QString::number(m_config.intervalMinutes));
    r.query.addQueryItem(QStringLiteral("end"), QString::number(toMs));
    r.query.addQueryItem(QStringLiteral("limit"), QString::number(count));
    const auto release = [this, symbol](const QList<Candle> &fill) {
        SymbolState &s = m_sym[static_cast<std::size_t>(symbol)];
        s.filling = false;
        for (const Candle &c : fill)
            deliverCandle(symbol, c);
        const QList<Candle> held = std::exchange(s.held, {});
        for (const Candle &c : held)
            deliverCandle(symbol, c);
    };
    r.onFail = [this, symbol, release](const QString &e) {
        emit feedError(tr("Bars missed by the stream for %1 could not be fetched: %2").arg(m_symbols[symbol].name, e));
        release({});
    };
    r.onResult = [this, fromMs, toMs, interval, release](const QJsonObject &result) {
        QList<Candle> fill; // newest first from the exchange, delivered oldest first
        for (const QJsonValue &v : result.value(QStringLiteral("list")).toArray()) {
            const QJsonArray a = v.toArray();
            const auto start = integer(a.at(0));
            const auto o = number(a.at(1)), h = number(a.at(2)), l = number(a.at(3)), c = number(a.at(4));
            const auto vol = number(a.at(5)), turnover = number(a.at(6));
            if (!start || !o || !h || !l || !c || !vol || !turnover || *start % interval != 0) {
                ++m_stats.malformedMessages;
                continue;
            }
            if (*start >= fromMs && *start <= toMs)
                fill.prepend(Candle{*start, *o, *h, *l, *c, *vol, *turnover, 0, true});
        }
        std::sort(fill.begin(), fill.end(),
                  [](const Candle &a, const Candle &b) { return a.openTimeMs < b.openTimeMs; });
        release(fill);
    };
    enqueue(std::move(r));
}

void BybitFeed::handleTicker(int symbol, const QJsonObject &data, bool snapshot)
{
    SymbolState &s = m_sym[static_cast<std::size_t>(symbol)];
    Ticker24h t = snapshot ? Ticker24h{} : s.ticker;
    bool any = false, bad = false;
    const auto take = [&](const char *field, double &into, double scale) {
        const QJsonValue v = data.value(QLatin1String(field));
        if (v.isUndefined())
            return;
        const auto n = number(v);
        if (!n) {
            bad = true;
            return;
        }
        into = *n * scale;
        any = true;
    };
    take("lastPrice", t.lastPrice, 1.0);
    take("prevPrice24h", t.openPrice24h, 1.0);
    take("price24hPcnt", t.changePct24h, 100.0);
    take("highPrice24h", t.high24h, 1.0);
    take("lowPrice24h", t.low24h, 1.0);
    take("volume24h", t.baseVolume24h, 1.0);
    take("turnover24h", t.quoteVolume24h, 1.0);
    take("openInterestValue", t.openInterestUsd, 1.0);
    if (bad || !any) {
        ++m_stats.malformedMessages;
        return;
    }
    t.updatedMs = m_clock.nowMs();
    s.ticker = t;
    s.tickerDirty = true;
    touch(symbol);
}

void BybitFeed::handleBook(int symbol, const QJsonObject &message)
{
    SymbolState &s = m_sym[static_cast<std::size_t>(symbol)];
    const QJsonObject data = message.value(QStringLiteral("data")).toObject();
    const QString type = message.value(QStringLiteral("type")).toString();
    const auto u = integer(data.value(QStringLiteral("u")));
    const auto bids = levels(data.value(QStringLiteral("b")));
    const auto asks = levels(data.value(QStringLiteral("a")));
    if (!u || !bids || !asks || (type != QLatin1String("snapshot") && type != QLatin1String("delta"))) {
        ++m_stats.malformedMessages;
        return;
    }
    touch(symbol);
    // u == 1 is a snapshot the exchange sends after a restart of its service: start over.
    if (type == QLatin1String("snapshot") || *u == 1) {
        const bool wasValid = s.book.isValid();
        s.book.applySnapshot(*bids, *asks, *u);
        s.bookDirty = true;
        if (!wasValid)
            emit bookResynced(m_symbols[symbol].name);
        return;
    }
    switch (s.book.applyDelta(*bids, *asks, *u)) {
    case BybitOrderBook::DeltaResult::Applied:
        s.bookDirty = true;
        break;
    case BybitOrderBook::DeltaResult::Gap: {
        ++m_stats.bookGaps;
        ++m_stats.bookResyncs;
        qCInfo(lcMarket) << "Bybit book gap on" << m_symbols[symbol].name << "at update" << *u << "; resubscribing";
        // Until the new snapshot the book is not valid; an invalid summary tells consumers not to use it.
        m_pending.books.append({symbol, BookSummary{}});
        s.bookDirty = false;
        if (s.stream >= 0)
            m_streams[static_cast<std::size_t>(s.stream)]->resubscribe(
                QStringLiteral("orderbook.50.%1").arg(m_symbols[symbol].name));
        break;
    }
    case BybitOrderBook::DeltaResult::NotReady:
        break; // waiting for the snapshot after a resubscribe
    }
}

void BybitFeed::handleTrades(int symbol, const QJsonValue &data)
{
    if (!data.isArray()) {
        ++m_stats.malformedMessages;
        return;
    }
    const qint64 interval = m_config.intervalMs();
    SymbolState &s = m_sym[static_cast<std::size_t>(symbol)];
    for (const QJsonValue &v : data.toArray()) {
        const auto ts = integer(v.toObject().value(QStringLiteral("T")));
        if (!ts || *ts <= 0) {
            ++m_stats.malformedMessages;
            continue;
        }
        const qint64 bar = *ts / interval * interval;
        // Bounded: closed bars are pruned when their kline closes; a stream without klines cannot grow it past a few
        // bars.
        if (s.tradesPerBar.size() >= 8 && !s.tradesPerBar.contains(bar))
            s.tradesPerBar.erase(std::min_element(s.tradesPerBar.keyBegin(), s.tradesPerBar.keyEnd()).base());
        ++s.tradesPerBar[bar];
    }
    touch(symbol);
}

void BybitFeed::flush()
{
    const qint64 now = m_clock.nowMs();
    for (int i = 0; i < static_cast<int>(m_sym.size()); ++i) {
        SymbolState &s = m_sym[static_cast<std::size_t>(i)];
        if (s.tickerDirty)
            m_pending.tickers.append({i, s.ticker});
        if (s.bookDirty && s.book.isValid())
            m_pending.books.append({i, s.book.summary(now)});
        s.tickerDirty = false;
        s.bookDirty = false;
    }
    if (m_pending.candles.isEmpty() && m_pending.tickers.isEmpty() && m_pending.books.isEmpty())
        return;
    m_pending.marketTimeMs = now;
    MarketUpdateBatch batch = std::exchange(m_pending, MarketUpdateBatch{});
    emit updatesReady(batch);
}

void BybitFeed::checkStale()
{
    const qint64 now = m_clock.nowMs();
    for (int i = 0; i < static_cast<int>(m_sym.size()); ++i) {
        SymbolState &s = m_sym[static_cast<std::size_t>(i)];
        if (!s.stale && now - s.lastUpdateMs > m_config.staleAfterMs) {
            s.stale = true;
            qCInfo(lcMarket) << "Bybit:" << m_symbols[i].name << "is stale";
            emit symbolStaleChanged(m_symbols[i].name, true);
        }
    }
}

} // namespace bw
