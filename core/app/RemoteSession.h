#pragma once

#include "app/WorkstationSession.h"
#include "server/Protocol.h"
#include "server/RemoteClient.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

#include <array>
#include <optional>

class QTimer;

namespace bw {

// A WorkstationSession fed by a remote workstation's WebSocket server (docs/protocol.md) through a
// RemoteClient: the topics become the same typed signals a LocalSession emits (RemoteJson and
// ScanReportJson turn the JSON back into core values), and the engine commands become protocol requests.
//
// Connection: open() connects, authenticates with the token and subscribes to every topic. When the
// connection drops, it reconnects with capped exponential backoff and jitter (1 s .. 30 s); a refused token
// ends it (Disconnected, with the server's reason), as does close(). Engine controls need an operator
// token: canControl() follows the role the server granted (controlChanged).
//
// sourceChanged: the server replaced its engine (the `engine` topic's `engineId` changed, on another source
// as a rule; the server process and its history are the same), or the server is another process
// (processChanged first).
class RemoteSession final : public WorkstationSession
{
    Q_OBJECT

public:
    static constexpr qint64 kMinReconnectMs = 1000;
    static constexpr qint64 kMaxReconnectMs = 30000;

    // `url` is ws:// or wss://; the token is sent in the first message, never in the URL. For wss:// with a
    // self-signed certificate, `acceptAnyCertificate` skips verification (the user pinned the server some
    // other way).
    RemoteSession(const QUrl &url, const QString &token, QObject *parent = nullptr);
    RemoteSession(const QUrl &url, const QString &token, bool acceptAnyCertificate, QObject *parent = nullptr);
    ~RemoteSession() override;

    // Checks a viewer URL: empty when usable, otherwise a sentence naming what is wrong.
    static QString validateUrl(const QUrl &url);
    // The wait before reconnect attempt `attempt` (1 = the first after a drop): min(30 s, 1 s x 2^(n-1)),
    // of which the upper half is scaled by `jitter` in [0, 1], so that viewers of a restarted server do not
    // all come back at the same moment; never below 1 s.
    static qint64 reconnectDelayMs(int attempt, double jitter);

    void open();
    // Closes the connection for good (no reconnect).
    void close();

    ConnectionState connectionState() const { return m_state; }
    // Why the last connection ended ("authentication failed: unknown token", "connection refused", ...).
    QString lastError() const { return m_lastError; }
    // Reconnect attempts since the last successful connection; whether one is scheduled.
    int reconnectAttempts() const { return m_attempt; }
    bool isReconnectScheduled() const;
    RemoteClient *client() const { return m_client; }

    QString sourceName() const override;
    bool isRemote() const override { return true; }
    bool canControl() const override { return m_canControl; }
    QStringList presetNames() const override { return m_presets; }
    QString activePreset() const override { return m_activePreset; }

public slots:
    void startEngine() override;
    void pauseEngine() override;
    void resumeEngine() override;
    void stopEngine() override;
    void scanNow() override;
    void selectPreset(const QString &name) override;
    void exportSnapshot() override;
    void requestCandles(const QString &symbol, int count) override;
    void selectSource(const bw::FeedOptions &options) override;
    void closePosition(qint64 positionId, const QString &reason) override;
    void flattenAll(const QString &reason) override;
    void haltTrading(const QString &reason) override;
    void resetKillSwitch() override;

private:
    struct Pending {
        QString command; // protocol name ("engine.pause", "candles", ...)
        QString symbol;  // candles
    };

    void setState(ConnectionState state, const QString &detail);
    void setControl(bool canControl);
    void sendCommand(protocol::RequestType type, const QJsonObject &args = {});
    void onReady(protocol::Role role);
    void onDisconnected(int closeCode, const QString &reason);
    void onAcked(const QString &id, const QJsonObject &data);
    void onFailed(const QString &id, const QString &code, const QString &message);
    void onSnapshot(protocol::Topic topic, const QJsonObject &data, quint64 seq);
    void onState(protocol::Topic topic, const QJsonObject &data);
    void onEvent(protocol::Topic topic, const QJsonObject &data);
    void scheduleReconnect(const QString &why);
    void failPending(const QString &reason);
    void warnBadData(protocol::Topic topic, const QString &error);
    // Forgets what was shown of the server's engine (it was replaced) so that the new one's values are shown.
    void forgetEngine();

    QUrl m_url;
    QString m_token;
    bool m_acceptAnyCertificate = false;
    RemoteClient *m_client = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    ConnectionState m_state = ConnectionState::Disconnected;
    QString m_lastError;
    bool m_closing = false;
    bool m_authFailed = false;
    bool m_everConnected = false;
    bool m_canControl = false;
    int m_attempt = 0;
    QStringList m_presets;
    QString m_activePreset;
    QHash<QString, Pending> m_pending; // request id -> what it asked; cleared when the connection ends
    // Accepted commands whose outcome arrives on the log topic (snapshot.export, the trading commands):
    // request id -> command. Cleared when the connection ends.
    QHash<QString, QString> m_awaitingResults;
    std::array<quint64, protocol::kTopicCount> m_applied{}; // last event seq shown per topic
    std::optional<EngineEvent> m_lastTransition;
    qint64 m_engineId = 0; // the `engine` topic's engineId: its change is another engine on the same server
    QString m_lastScanId;
    qint64 m_lastAccountMs = -1;
    qint64 m_lastAlertMs = -1;
    int m_badDataWarnings = 0;
};

} // namespace bw
