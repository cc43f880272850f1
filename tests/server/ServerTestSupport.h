#pragma once

#include "WsWire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QWebSocket>

#include <arpa/inet.h>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bw::test {

inline QJsonObject parseJson(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

// A well-behaved viewer: a real QWebSocket that records every message it receives.
class TestClient
{
public:
    explicit TestClient(QObject *context = nullptr)
        : m_socket(std::make_unique<QWebSocket>())
    {
        Q_UNUSED(context);
        QObject::connect(m_socket.get(), &QWebSocket::textMessageReceived, m_socket.get(),
                         [this](const QString &text) { messages.append(parseJson(text.toUtf8())); });
        QObject::connect(m_socket.get(), &QWebSocket::disconnected, m_socket.get(), [this] { disconnected = true; });
    }

    void open(const QString &url) { m_socket->open(QUrl(url)); }
    QWebSocket *socket() const { return m_socket.get(); }
    bool isConnected() const { return m_socket->state() == QAbstractSocket::ConnectedState; }

    void send(const QJsonObject &object)
    {
        m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    }
    void sendRaw(const QString &text) { m_socket->sendTextMessage(text); }

    void auth(const QString &token, int id = 1)
    {
        send({{QStringLiteral("type"), QStringLiteral("auth")},
              {QStringLiteral("id"), id},
              {QStringLiteral("token"), token}});
    }
    void subscribe(const QStringList &topics, int id = 2)
    {
        send({{QStringLiteral("type"), QStringLiteral("subscribe")},
              {QStringLiteral("id"), id},
              {QStringLiteral("topics"), QJsonArray::fromStringList(topics)}});
    }

    // Index of the first message at or after `from` with this type (and topic), -1 if none.
    int indexOf(const QString &type, const QString &topic = {}, int from = 0) const
    {
        for (int i = from; i < messages.size(); ++i) {
            if (messages[i].value(u"type").toString() == type &&
                (topic.isEmpty() || messages[i].value(u"topic").toString() == topic))
                return i;
        }
        return -1;
    }
    bool has(const QString &type, const QString &topic = {}) const { return indexOf(type, topic) >= 0; }
    QJsonObject first(const QString &type, const QString &topic = {}) const
    {
        const int index = indexOf(type, topic);
        return index < 0 ? QJsonObject() : messages[index];
    }
    int count(const QString &type, const QString &topic = {}) const
    {
        int n = 0;
        for (int i = indexOf(type, topic); i >= 0; i = indexOf(type, topic, i + 1))
            ++n;
        return n;
    }

    QList<QJsonObject> messages;
    bool disconnected = false;

private:
    std::unique_ptr<QWebSocket> m_socket;
};

// A client on a raw TCP socket with a tiny receive buffer: it can stop reading (stall) so the server's
// writes back up, and it can send broken frames.
class RawClient
{
public:
    // Connects (blocking connect on loopback completes without the server's event loop) and sends the
    // upgrade request; call handshakeDone() under QTRY_VERIFY.
    bool connectTo(quint16 port, int receiveBufferBytes = 4096)
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return false;
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBufferBytes, sizeof(receiveBufferBytes));
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0) {
            ::close(fd);
            return false;
        }
        socket = std::make_unique<QTcpSocket>();
        if (!socket->setSocketDescriptor(fd)) {
            ::close(fd);
            return false;
        }
        socket->write(wswire::handshakeRequest("127.0.0.1", port));
        return true;
    }

    // Reads what arrived; true once the 101 response is complete.
    bool handshakeDone()
    {
        if (m_handshaken)
            return true;
        m_buffer.append(socket->readAll());
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        if (!m_buffer.startsWith("HTTP/1.1 101"))
            return false;
        m_parser.feed(m_buffer.mid(end + 4));
        m_buffer.clear();
        m_handshaken = true;
        return true;
    }

    void sendText(const QByteArray &json) { socket->write(wswire::clientFrame(json)); }
    void sendJson(const QJsonObject &object) { sendText(QJsonDocument(object).toJson(QJsonDocument::Compact)); }

    // Stops pulling bytes from the kernel: the receive window closes and the server's writes back up.
    void stall() { socket->setReadBufferSize(1); }
    void resume() { socket->setReadBufferSize(0); }

    // Parses everything readable into `messages` (text messages as JSON).
    void drain()
    {
        m_parser.feed(socket->readAll());
        while (auto frame = m_parser.next()) {
            if (frame->opcode == 1)
                messages.append(parseJson(frame->payload));
            else if (frame->opcode == 8)
                closeReceived = true;
        }
    }

    std::unique_ptr<QTcpSocket> socket;
    QList<QJsonObject> messages;
    bool closeReceived = false;

private:
    QByteArray m_buffer;
    wswire::FrameParser m_parser;
    bool m_handshaken = false;
};

} // namespace bw::test
