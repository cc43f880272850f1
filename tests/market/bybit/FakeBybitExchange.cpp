#include "FakeBybitExchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <cmath>

namespace bw::test {
namespace {

QString num(double v)
{
    return QString::number(v, 'g', 15);
}

QJsonArray levelsJson(const QList<std::pair<double, double>> &levels)
{
    QJsonArray a;
    for (const auto &[p, q] : levels)
        a.append(QJsonArray{num(p), num(q)});
    return a;
}

QByteArray envelope(int retCode, const QString &msg, const QJsonObject &result)
{
    QJsonObject o{{QStringLiteral("retCode"), retCode},
                  {QStringLiteral("retMsg"), msg},
                  {QStringLiteral("result"), result},
                  {QStringLiteral("retExtInfo"), QJsonObject{}},
                  {QStringLiteral("time"), 0}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

FakeBybitExchange::FakeBybitExchange(qint64 intervalMs, QObject *parent)
    : QObject(parent)
    , m_intervalMs(intervalMs)
    , m_ws(QStringLiteral("fake-bybit"), QWebSocketServer::NonSecureMode)
{
    connect(&m_http, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = m_http.nextPendingConnection()) {
            connect(s, &QTcpSocket::readyRead, this, [this, s] { onHttpData(s); });
            connect(s, &QTcpSocket::disconnected, this, [this, s] {
                m_buffers.remove(s);
                s->deleteLater();
            });
        }
    });
    connect(&m_ws, &QWebSocketServer::newConnection, this, &FakeBybitExchange::onWsConnection);
}

FakeBybitExchange::~FakeBybitExchange()
{
    // The HTTP sockets are children of the server and outlive our members otherwise.
    const auto sockets = m_http.findChildren<QTcpSocket *>();
    for (QTcpSocket *s : sockets) {
        s->disconnect(this);
        delete s;
    }
    const auto clients = m_clients.keys();
    for (QWebSocket *c : clients) {
        c->disconnect(this);
        c->abort();
        delete c;
    }
}

bool FakeBybitExchange::listen()
{
    return m_http.listen(QHostAddress::LocalHost, 0) && m_ws.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeBybitExchange::restUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_http.serverPort()));
}

QUrl FakeBybitExchange::wsUrl() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/v5/public/linear").arg(m_ws.serverPort()));
}

Candle FakeBybitExchange::klineAt(const QString &symbol, qint64 openMs, qint64 intervalMs)
{
    const double base = 10.0 + static_cast<double>(qHash(symbol) % 1000);
    const double step = static_cast<double>((openMs / intervalMs) % 97);
    Candle c;
    c.openTimeMs = openMs;
    c.open = base + step * 0.5;
    c.close = c.open + ((openMs / intervalMs) % 2 == 0 ? 0.25 : -0.25);
    c.high = std::max(c.open, c.close) + 0.5;
    c.low = std::min(c.open, c.close) - 0.5;
    c.volume = 100.0 + step;
    c.quoteVolume = c.volume * c.close;
    c.closed = true;
    return c;
}

void FakeBybitExchange::onHttpData(QTcpSocket *socket)
{
    QByteArray &buf = m_buffers[socket];
    buf += socket->readAll();
    qsizetype end;
    while ((end = buf.indexOf("\r\n\r\n")) >= 0) {
        const QByteArray head = buf.left(end);
        buf.remove(0, end + 4);
        const QList<QByteArray> parts = head.split('\n').value(0).trimmed().split(' ');
        const QUrl url(QStringLiteral("http://fake") + QString::fromLatin1(parts.value(1)));
        answer(socket, url);
    }
}

void FakeBybitExchange::answer(QTcpSocket *socket, const QUrl &url)
{
    m_requestCounts[url.path()] += 1;
    int status = 200;
    QByteArray body;
    bool slow = false;
    if (!m_faults.isEmpty()) {
        switch (m_faults.takeFirst()) {
        case Fault::RetCode10006:
            body = envelope(10006, QStringLiteral("Too many visits!"), {});
            break;
        case Fault::Http429:
            status = 429;
            body = "Too Many Requests";
            break;
        case Fault::Http403:
            status = 403;
            body = "access too frequent";
            break;
        case Fault::RetCodeError:
            body = envelope(10001, QStringLiteral("params error"), {});
            break;
        case Fault::Slow:
            slow = true;
            break;
        }
    }
    if (body.isEmpty())
        body = route(url);
    const QByteArray reason = status == 200 ? "OK" : status == 429 ? "Too Many Requests" : "Forbidden";
    const QByteArray response =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    if (slow) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(m_slowMs, this, [guard, response] {
            if (guard)
                guard->write(response);
        });
    } else {
        socket->write(response);
    }
}

QByteArray FakeBybitExchange::route(const QUrl &url)
{
    const QUrlQuery q(url);
    const QString path = url.path();
    if (q.queryItemValue(QStringLiteral("category")) != QLatin1String("linear"))
        return envelope(10001, QStringLiteral("category must be linear"), {});
    if (path == QLatin1String("/v5/market/instruments-info")) {
        const int from = q.queryItemValue(QStringLiteral("cursor")).toInt();
        QJsonArray list;
        for (int i = from; i < m_instruments.size() && i < from + m_instrumentPage; ++i) {
            const Instrument &in = m_instruments[i];
            list.append(QJsonObject{
                {QStringLiteral("symbol"), in.symbol},
                {QStringLiteral("contractType"), QStringLiteral("LinearPerpetual")},
                {QStringLiteral("status"), in.status},
                {QStringLiteral("baseCoin"), in.symbol.chopped(4)},
                {QStringLiteral("quoteCoin"), QStringLiteral("USDT")},
                {QStringLiteral("priceFilter"), QJsonObject{{QStringLiteral("tickSize"), num(in.tickSize)}}},
                {QStringLiteral("lotSizeFilter"),
                 QJsonObject{{QStringLiteral("qtyStep"), num(in.qtyStep)},
                             {QStringLiteral("minOrderQty"), num(in.qtyStep)},
                             {QStringLiteral("minNotionalValue"), QStringLiteral("5")}}}});
        }
        const int next = from + m_instrumentPage;
        return envelope(
            0, QStringLiteral("OK"),
            {{QStringLiteral("category"), QStringLiteral("linear")},
             {QStringLiteral("list"), list},
             {QStringLiteral("nextPageCursor"), next < m_instruments.size() ? QString::number(next) : QString()}});
    }
    if (path == QLatin1String("/v5/market/tickers")) {
        QJsonArray list;
        for (const Instrument &in : std::as_const(m_instruments)) {
            list.append(QJsonObject{{QStringLiteral("symbol"), in.symbol},
                                    {QStringLiteral("lastPrice"), QStringLiteral("101.5")},
                                    {QStringLiteral("prevPrice24h"), QStringLiteral("100")},
                                    {QStringLiteral("price24hPcnt"), QStringLiteral("0.015")},
                                    {QStringLiteral("highPrice24h"), QStringLiteral("103")},
                                    {QStringLiteral("lowPrice24h"), QStringLiteral("99")},
                                    {QStringLiteral("volume24h"), QStringLiteral("12345")},
                                    {QStringLiteral("turnover24h"), num(in.turnover24h)},
                                    {QStringLiteral("openInterestValue"), QStringLiteral("777000")}});
        }
        return envelope(0, QStringLiteral("OK"),
                        {{QStringLiteral("category"), QStringLiteral("linear")}, {QStringLiteral("list"), list}});
    }
    if (path == QLatin1String("/v5/market/kline")) {
        m_klineQueries.append(q);
        const QString symbol = q.queryItemValue(QStringLiteral("symbol"));
        const qint64 interval = q.queryItemValue(QStringLiteral("interval")).toLongLong() * 60000;
        if (interval != m_intervalMs)
            return envelope(10001, QStringLiteral("bad interval"), {});
        const int limit = std::min(1000, q.queryItemValue(QStringLiteral("limit")).toInt());
        qint64 listed = 0;
        for (const Instrument &in : std::as_const(m_instruments))
            if (in.symbol == symbol)
                listed = in.listedMs;
        // Bybit includes the forming bar; the feed must leave it out by asking with an end before it.
        qint64 t = m_nowMs / interval * interval;
        if (q.hasQueryItem(QStringLiteral("end")))
            t = std::min(t, q.queryItemValue(QStringLiteral("end")).toLongLong() / interval * interval);
        QJsonArray list;
        for (int n = 0; n < limit && t >= listed; ++n, t -= interval) {
            const Candle c = klineAt(symbol, t, interval);
            list.append(QJsonArray{QString::number(t), num(c.open), num(c.high), num(c.low), num(c.close),
                                   num(c.volume), num(c.quoteVolume)});
        }
        return envelope(0, QStringLiteral("OK"),
                        {{QStringLiteral("symbol"), symbol},
                         {QStringLiteral("category"), QStringLiteral("linear")},
                         {QStringLiteral("list"), list}});
    }
    return envelope(10001, QStringLiteral("unknown path"), {});
}

void FakeBybitExchange::onWsConnection()
{
    while (QWebSocket *c = m_ws.nextPendingConnection()) {
        m_clients.insert(c, {});
        connect(c, &QWebSocket::textMessageReceived, this, [this, c](const QString &t) { onWsText(c, t); });
        connect(c, &QWebSocket::disconnected, this, [this, c] {
            if (m_clients.remove(c))
                c->deleteLater();
        });
    }
}

void FakeBybitExchange::onWsText(QWebSocket *client, const QString &text)
{
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString op = o.value(QStringLiteral("op")).toString();
    const QJsonArray args = o.value(QStringLiteral("args")).toArray();
    QJsonObject ack{{QStringLiteral("success"), true},
                    {QStringLiteral("ret_msg"), QString()},
                    {QStringLiteral("conn_id"), QStringLiteral("fake")},
                    {QStringLiteral("req_id"), o.value(QStringLiteral("req_id"))},
                    {QStringLiteral("op"), op}};
    if (op == QLatin1String("ping")) {
        ++m_pings;
        ack.insert(QStringLiteral("ret_msg"), QStringLiteral("pong"));
    } else if (op == QLatin1String("subscribe")) {
        m_subscribeSizes.append(static_cast<int>(args.size()));
        if (args.size() > 10) {
            ack.insert(QStringLiteral("success"), false);
            ack.insert(QStringLiteral("ret_msg"), QStringLiteral("args size >10"));
        }
    } else if (op == QLatin1String("unsubscribe")) {
        ++m_unsubscribes;
    }
    client->sendTextMessage(QString::fromUtf8(QJsonDocument(ack).toJson(QJsonDocument::Compact)));
    if (op == QLatin1String("subscribe") && args.size() <= 10) {
        for (const QJsonValue &a : args) {
            const QString topic = a.toString();
            m_clients[client].insert(topic);
            if (topic.startsWith(QLatin1String("orderbook.50.")))
                sendSnapshot(client, topic.mid(13));
        }
    } else if (op == QLatin1String("unsubscribe")) {
        for (const QJsonValue &a : args)
            m_clients[client].remove(a.toString());
    }
}

QSet<QString> FakeBybitExchange::subscribedTopics() const
{
    QSet<QString> all;
    for (const QSet<QString> &t : m_clients)
        all.unite(t);
    return all;
}

void FakeBybitExchange::publish(const QString &topic, const QJsonObject &message)
{
    const QString text = QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact));
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it)
        if (it.value().contains(topic))
            it.key()->sendTextMessage(text);
}

void FakeBybitExchange::setBook(const QString &symbol, const QList<std::pair<double, double>> &bids,
                                const QList<std::pair<double, double>> &asks)
{
    Book &b = m_books[symbol];
    b.bids.clear();
    b.asks.clear();
    for (const auto &[p, q] : bids)
        b.bids[p] = q;
    for (const auto &[p, q] : asks)
        b.asks[p] = q;
}

void FakeBybitExchange::sendSnapshot(QWebSocket *client, const QString &symbol)
{
    const Book &b = m_books[symbol];
    QList<std::pair<double, double>> bids(b.bids.begin(), b.bids.end());
    QList<std::pair<double, double>> asks(b.asks.begin(), b.asks.end());
    const QJsonObject m{{QStringLiteral("topic"), QString(QStringLiteral("orderbook.50.") + symbol)},
                        {QStringLiteral("type"), QStringLiteral("snapshot")},
                        {QStringLiteral("ts"), m_nowMs},
                        {QStringLiteral("data"), QJsonObject{{QStringLiteral("s"), symbol},
                                                             {QStringLiteral("b"), levelsJson(bids)},
                                                             {QStringLiteral("a"), levelsJson(asks)},
                                                             {QStringLiteral("u"), b.u},
                                                             {QStringLiteral("seq"), b.u * 10}}},
                        {QStringLiteral("cts"), m_nowMs}};
    client->sendTextMessage(QString::fromUtf8(QJsonDocument(m).toJson(QJsonDocument::Compact)));
}

void FakeBybitExchange::sendBookDelta(const QString &symbol, const QList<std::pair<double, double>> &bids,
                                      const QList<std::pair<double, double>> &asks, int skipIds)
{
    Book &b = m_books[symbol];
    for (const auto &[p, q] : bids)
        q > 0 ? void(b.bids[p] = q) : void(b.bids.erase(p));
    for (const auto &[p, q] : asks)
        q > 0 ? void(b.asks[p] = q) : void(b.asks.erase(p));
    b.u += 1 + skipIds;
    publish(QString(QStringLiteral("orderbook.50.") + symbol),
            {{QStringLiteral("topic"), QString(QStringLiteral("orderbook.50.") + symbol)},
             {QStringLiteral("type"), QStringLiteral("delta")},
             {QStringLiteral("ts"), m_nowMs},
             {QStringLiteral("data"), QJsonObject{{QStringLiteral("s"), symbol},
                                                  {QStringLiteral("b"), levelsJson(bids)},
                                                  {QStringLiteral("a"), levelsJson(asks)},
                                                  {QStringLiteral("u"), b.u},
                                                  {QStringLiteral("seq"), b.u * 10}}}});
}

void FakeBybitExchange::sendKline(const QString &symbol, const Candle &c, bool confirm)
{
    const QString topic = QStringLiteral("kline.%1.%2").arg(m_intervalMs / 60000).arg(symbol);
    const QJsonObject k{{QStringLiteral("start"), c.openTimeMs},
                        {QStringLiteral("end"), c.openTimeMs + m_intervalMs - 1},
                        {QStringLiteral("interval"), QString::number(m_intervalMs / 60000)},
                        {QStringLiteral("open"), num(c.open)},
                        {QStringLiteral("close"), num(c.close)},
                        {QStringLiteral("high"), num(c.high)},
                        {QStringLiteral("low"), num(c.low)},
                        {QStringLiteral("volume"), num(c.volume)},
                        {QStringLiteral("turnover"), num(c.quoteVolume)},
                        {QStringLiteral("confirm"), confirm},
                        {QStringLiteral("timestamp"), m_nowMs}};
    publish(topic, {{QStringLiteral("topic"), topic},
                    {QStringLiteral("data"), QJsonArray{k}},
                    {QStringLiteral("ts"), m_nowMs},
                    {QStringLiteral("type"), QStringLiteral("snapshot")}});
}

void FakeBybitExchange::sendTicker(const QString &symbol, const QJsonObject &fields, bool snapshot)
{
    QJsonObject data = fields;
    data.insert(QStringLiteral("symbol"), symbol);
    const QString topic = QStringLiteral("tickers.") + symbol;
    publish(topic, {{QStringLiteral("topic"), topic},
                    {QStringLiteral("type"), snapshot ? QStringLiteral("snapshot") : QStringLiteral("delta")},
                    {QStringLiteral("data"), data},
                    {QStringLiteral("cs"), 1},
                    {QStringLiteral("ts"), m_nowMs}});
}

void FakeBybitExchange::sendTrades(const QString &symbol, const QList<qint64> &timestamps)
{
    QJsonArray data;
    int id = 0;
    for (qint64 t : timestamps)
        data.append(QJsonObject{{QStringLiteral("T"), t},
                                {QStringLiteral("s"), symbol},
                                {QStringLiteral("S"), QStringLiteral("Buy")},
                                {QStringLiteral("v"), QStringLiteral("0.01")},
                                {QStringLiteral("p"), QStringLiteral("100.5")},
                                {QStringLiteral("L"), QStringLiteral("PlusTick")},
                                {QStringLiteral("i"), QString::number(++id)},
                                {QStringLiteral("BT"), false}});
    const QString topic = QStringLiteral("publicTrade.") + symbol;
    publish(topic, {{QStringLiteral("topic"), topic},
                    {QStringLiteral("type"), QStringLiteral("snapshot")},
                    {QStringLiteral("ts"), m_nowMs},
                    {QStringLiteral("data"), data}});
}

void FakeBybitExchange::sendRaw(const QString &text)
{
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it)
        it.key()->sendTextMessage(text);
}

void FakeBybitExchange::dropClients()
{
    const auto clients = m_clients.keys();
    m_clients.clear();
    for (QWebSocket *c : clients) {
        c->disconnect(this);
        c->abort();
        c->deleteLater();
    }
}

} // namespace bw::test
