#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace bw {

// One connection to Bybit's public v5 stream with a fixed set of topics. Subscribes in requests of at most
// maxTopicsPerRequest topics, sends {"op":"ping"} every pingIntervalMs, drops a connection that stayed silent
// for two ping intervals, and reconnects with capped exponential backoff plus jitter (resubscribing once).
class BybitStream final : public QObject
{
    Q_OBJECT

public:
    struct Settings {
        int maxTopicsPerRequest = 10;
        int pingIntervalMs = 20000;
        int reconnectBaseMs = 1000;
        int reconnectMaxMs = 60000;
    };

    BybitStream(const QUrl &url, const QStringList &topics, const Settings &settings, QObject *parent = nullptr);
    ~BybitStream() override;

    void open();
    void close();
    // Unsubscribes and subscribes again, so the exchange sends a fresh snapshot (book resync).
    void resubscribe(const QString &topic);

    const QStringList &topics() const { return m_topics; }
    bool isConnected() const { return m_connected; }
    qint64 reconnectCount() const { return m_reconnects; }
    qint64 subscribeFailures() const { return m_subscribeFailures; }

signals:
    // Every text frame that is not an answer to our own op (subscribe, ping): market data or garbage.
    void messageReceived(const QByteArray &message);
    void connected();
    void disconnected();

private:
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void sendPing();
    void scheduleReconnect();
    void sendOp(const char *op, const QStringList &args);

    QUrl m_url;
    QStringList m_topics;
    Settings m_settings;
    QWebSocket m_socket;
    QTimer m_pingTimer;
    QTimer m_reconnectTimer;
    bool m_wanted = false;
    bool m_connected = false;
    int m_attempt = 0;
    QElapsedTimer m_sinceReceived; // real time: a silent socket is a network matter, not market time
    qint64 m_reconnects = 0;
    qint64 m_subscribeFailures = 0;
    qint64 m_reqId = 0;
};

} // namespace bw
