#pragma once

#include "market/Candle.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>
#include <QWebSocketServer>

#include <functional>
#include <map>

class QTcpSocket;
class QWebSocket;

namespace bw::test {

// A local stand-in for Bybit's public v5 API on loopback: a minimal HTTP/1.1 responder for
// /v5/market/instruments-info, /v5/market/tickers and /v5/market/kline (newest first, paged by end/limit), and a
// WebSocket server for the public linear stream (subscribe/unsubscribe/ping; kline, tickers, orderbook.50
// snapshots and deltas, publicTrade). Faults can be injected: rate-limit answers, slow answers, update-id
// gaps, malformed frames, dropped connections.
class FakeBybitExchange final : public QObject
{
    Q_OBJECT

public:
    struct Instrument {
        QString symbol;
        QString status = QStringLiteral("Trading");
        double tickSize = 0.1;
        double qtyStep = 0.001;
        double turnover24h = 1e6;
        qint64 listedMs = 0; // no klines before this
    };
    enum class Fault { RetCode10006, Http429, Http403, RetCodeError, Slow };

    explicit FakeBybitExchange(qint64 intervalMs, QObject *parent = nullptr);
    ~FakeBybitExchange() override;

    bool listen();
    QUrl restUrl() const;
    QUrl wsUrl() const;

    void setInstruments(const QList<Instrument> &instruments) { m_instruments = instruments; }
    void setNowMs(qint64 now) { m_nowMs = now; }
    // The next REST requests (one per fault) are answered with these faults instead.
    void injectFaults(const QList<Fault> &faults) { m_faults += faults; }
    void setSlowDelayMs(int ms) { m_slowMs = ms; }
    void setInstrumentsPageSize(int n) { m_instrumentPage = n; }

    // The deterministic bar the fake serves for (symbol, open time).
    static Candle klineAt(const QString &symbol, qint64 openMs, qint64 intervalMs);

    int requestCount(const QString &path) const { return m_requestCounts.value(path); }
    QList<QUrlQuery> klineQueries() const { return m_klineQueries; }

    // Stream side.
    int clientCount() const { return static_cast<int>(m_clients.size()); }
    QSet<QString> subscribedTopics() const;
    QList<int> subscribeRequestSizes() const { return m_subscribeSizes; }
    int unsubscribeCount() const { return m_unsubscribes; }
    int pingCount() const { return m_pings; }

    void setBook(const QString &symbol, const QList<std::pair<double, double>> &bids,
                 const QList<std::pair<double, double>> &asks);
    // Applies the change to the fake's book and streams it as a delta. skipIds > 0 leaves a gap in the ids.
    void sendBookDelta(const QString &symbol, const QList<std::pair<double, double>> &bids,
                       const QList<std::pair<double, double>> &asks, int skipIds = 0);
    void sendKline(const QString &symbol, const Candle &candle, bool confirm);
    void sendTicker(const QString &symbol, const QJsonObject &fields, bool snapshot);
    void sendTrades(const QString &symbol, const QList<qint64> &timestamps);
    void sendRaw(const QString &text);
    void dropClients();

private:
    struct Book {
        std::map<double, double, std::greater<>> bids;
        std::map<double, double> asks;
        qint64 u = 1000;
    };
    void onHttpData(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const QUrl &url);
    QByteArray route(const QUrl &url);
    void onWsConnection();
    void onWsText(QWebSocket *client, const QString &text);
    void publish(const QString &topic, const QJsonObject &message);
    void sendSnapshot(QWebSocket *client, const QString &symbol);

    qint64 m_intervalMs;
    qint64 m_nowMs = 0;
    QTcpServer m_http;
    QWebSocketServer m_ws;
    QList<Instrument> m_instruments;
    QList<Fault> m_faults;
    int m_slowMs = 5000;
    int m_instrumentPage = 1000;
    QHash<QString, int> m_requestCounts;
    QList<QUrlQuery> m_klineQueries;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QWebSocket *, QSet<QString>> m_clients;
    QList<int> m_subscribeSizes;
    int m_unsubscribes = 0;
    int m_pings = 0;
    QHash<QString, Book> m_books;
};

} // namespace bw::test
