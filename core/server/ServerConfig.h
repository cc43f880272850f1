#pragma once

#include "server/Protocol.h"

#include <QHash>
#include <QHostAddress>
#include <QString>

namespace bw {

// Everything the remote server can be told; every limit has a safe default. The application fills it
// from settings and the command line (--ws-port, --ws-bind).
struct ServerConfig {
    QString serverName = QStringLiteral("breakout-workstation");
    QHostAddress bindAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8765; // 0: any free port (tests), see RemoteServer::port()

    // token -> role. Empty: an operator token is generated at start and written to tokenFilePath.
    QHash<QString, protocol::Role> tokens;
    // Where a generated token is written (mode 0600). Empty: ServerToken::defaultTokenFilePath().
    QString tokenFilePath;

    // TLS (wss) when both are set: PEM files.
    QString certificatePath;
    QString privateKeyPath;

    int maxClients = 64;
    qint64 maxIncomingMessageBytes = 64 * 1024;
    qint64 maxIncomingFrameBytes = 64 * 1024;
    int handshakeTimeoutMs = 5000;
    int authTimeoutMs = 5000;

    // Failed authentications per address: after authFailureLimit failures within authFailureWindowMs the
    // address is refused for authBlockMs.
    int authFailureLimit = 5;
    qint64 authFailureWindowMs = 60'000;
    qint64 authBlockMs = 60'000;

    // Requests per client: a token bucket of requestBurst tokens refilled at requestsPerSecond. A client
    // with more than maxRateViolations rejected requests within rateViolationWindowMs is closed.
    double requestsPerSecond = 20.0;
    int requestBurst = 40;
    int maxRateViolations = 50;
    qint64 rateViolationWindowMs = 10'000;

    // Outbound queue per client, counting the socket's unsent bytes and the pending messages.
    qint64 maxQueueBytes = 1024 * 1024;
    // Messages are handed to the socket only while it holds less than this; the rest waits in the queue
    // where state topics can still be coalesced.
    qint64 socketWatermarkBytes = 64 * 1024;
    // A client that overflowed and has not caught up within this time is disconnected.
    qint64 overflowGraceMs = 10'000;
    // After close() a client that does not complete the closing handshake is aborted after this time.
    int closeLingerMs = 2000;

    // Keepalive: a WebSocket ping every pingIntervalMs; a client silent (no message, no pong) for
    // idleTimeoutMs is closed.
    int pingIntervalMs = 15'000;
    qint64 idleTimeoutMs = 60'000;

    // Housekeeping period: grace and idle checks, statistics signal.
    int housekeepingIntervalMs = 250;
    int statsIntervalMs = 1000;

    // Recent messages of each event topic kept to be sent in its snapshot.
    int eventHistory = 64;
};

} // namespace bw
