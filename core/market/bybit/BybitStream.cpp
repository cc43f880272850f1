#include "market/bybit/BybitStream.h"

#include "market/MarketLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>

namespace bw {

BybitStream::BybitStream(const QUrl &url, const QStringList &topics, const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_topics(topics)
    , m_settings(settings)
    , m_socket(QString(), QWebSocketProtocol::VersionLatest, this)
    , m_pingTimer(this)
    , m_reconnectTimer(this)
{
    m_pingTimer.setInterval(m_settings.pingIntervalMs);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_socket, &QWebSocket::connected, this, &BybitStream::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &BybitStream::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &BybitStream::onText);
    connect(&m_pingTimer, &QTimer::timeout, this, &BybitStream::sendPing);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        if (m_wanted)
            m_socket.open(m_url);
    });
}

BybitStream::~BybitStream()
{
    m_wanted = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

void BybitStream::open()
{
    m_wanted = true;
    m_socket.open(m_url);
}

void BybitStream::close()
{
    m_wanted = false;
    m_pingTimer.stop();
    m_reconnectTimer.stop();
    m_socket.close();
}

void BybitStream::sendOp(const char *op, const QStringList &args)
{
    QJsonObject o;
    o.insert(QStringLiteral("req_id"), QString::number(++m_reqId));
    o.insert(QStringLiteral("op"), QLatin1String(op));
    if (!args.isEmpty())
        o.insert(QStringLiteral("args"), QJsonArray::fromStringList(args));
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

void BybitStream::onConnected()
{
    m_connected = true;
    m_attempt = 0;
    m_sinceReceived.start();
    const int step = std::max(1, m_settings.maxTopicsPerRequest);
    for (qsizetype i = 0; i < m_topics.size(); i += step)
        sendOp("subscribe", m_topics.mid(i, step));
    m_pingTimer.start();
    emit connected();
}

void BybitStream::onDisconnected()
{
    const bool was = m_connected;
    m_connected = false;
    m_pingTimer.stop();
    if (was)
        emit disconnected();
    if (m_wanted)
        scheduleReconnect();
}

void BybitStream::scheduleReconnect()
{
    if (m_reconnectTimer.isActive())
        return;
    const int shift = std::min(m_attempt, 20);
    const qint64 base = std::min<qint64>(m_settings.reconnectMaxMs, qint64(m_settings.reconnectBaseMs) << shift);
    // Jitter up to a quarter of the delay, so many clients dropped together do not come back in lockstep.
    const qint64 jitter = QRandomGenerator::global()->bounded(base / 4 + 1);
    ++m_attempt;
    ++m_reconnects;
    qCInfo(lcMarket) << "Bybit stream" << m_url.toString() << "reconnecting in" << base + jitter << "ms";
    m_reconnectTimer.start(static_cast<int>(std::min<qint64>(m_settings.reconnectMaxMs, base + jitter)));
}

void BybitStream::resubscribe(const QString &topic)
{
    if (!m_connected)
        return; // the reconnect resubscribes everything anyway
    sendOp("unsubscribe", {topic});
    sendOp("subscribe", {topic});
}

void BybitStream::sendPing()
{
    if (m_sinceReceived.elapsed() > 2LL * m_settings.pingIntervalMs) {
        qCWarning(lcMarket) << "Bybit stream" << m_url.toString() << "silent for two ping intervals; reconnecting";
        m_socket.abort();
        return;
    }
    sendOp("ping", {});
}

void BybitStream::onText(const QString &text)
{
    m_sinceReceived.start();
    const QByteArray bytes = text.toUtf8();
    // Answers to our own ops are handled here; everything else goes to the feed (which counts garbage).
    if (bytes.contains("\"op\"")) {
        const QJsonObject o = QJsonDocument::fromJson(bytes).object();
        const QString op = o.value(QStringLiteral("op")).toString();
        if (op == QLatin1String("pong") || op == QLatin1String("ping"))
            return;
        if (op == QLatin1String("subscribe") || op == QLatin1String("unsubscribe")) {
            if (!o.value(QStringLiteral("success")).toBool(true)) {
                ++m_subscribeFailures;
                qCWarning(lcMarket) << "Bybit" << op << "refused:" << o.value(QStringLiteral("ret_msg")).toString();
            }
            return;
        }
    }
    emit messageReceived(bytes);
}

} // namespace bw
