#pragma once

// Minimal WebSocket wire helpers (RFC 6455) for the raw clients of the tests, the load tool and the
// benchmark: clients that must stall, read at a chosen rate, or vanish in the middle of a frame, which a
// QWebSocket (it always reads everything) cannot do.

#include <QByteArray>
#include <QRandomGenerator>

#include <cstdint>
#include <optional>

namespace bw::wswire {

inline QByteArray handshakeRequest(const QByteArray &host, quint16 port)
{
    QByteArray request("GET / HTTP/1.1\r\nHost: ");
    request.append(host).append(':').append(QByteArray::number(port));
    request.append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    return request;
}

// A masked client frame (opcode 1 text, 2 binary). `declaredLength` lets a test lie about the payload
// size (to vanish in the middle of a frame).
inline QByteArray clientFrame(const QByteArray &payload, int opcode = 1,
                              std::optional<quint64> declaredLength = std::nullopt)
{
    const quint64 length = declaredLength.value_or(static_cast<quint64>(payload.size()));
    QByteArray frame;
    frame.append(static_cast<char>(0x80 | opcode));
    if (length < 126) {
        frame.append(static_cast<char>(0x80 | length));
    } else if (length <= 0xFFFF) {
        frame.append(static_cast<char>(0x80 | 126));
        frame.append(static_cast<char>((length >> 8) & 0xFF));
        frame.append(static_cast<char>(length & 0xFF));
    } else {
        frame.append(static_cast<char>(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(static_cast<char>((length >> shift) & 0xFF));
    }
    const quint32 maskValue = QRandomGenerator::global()->generate();
    char mask[4];
    for (int i = 0; i < 4; ++i)
        mask[i] = static_cast<char>((maskValue >> (8 * i)) & 0xFF);
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(static_cast<char>(payload[i] ^ mask[i % 4]));
    return frame;
}

struct Frame {
    int opcode = 0;
    QByteArray payload;
};

// Incremental parser of unmasked server frames (server frames are never fragmented by this server
// below 512 KiB; continuation frames are appended to the message in progress).
class FrameParser
{
public:
    void feed(const char *data, qsizetype size) { m_buffer.append(data, size); }
    void feed(const QByteArray &data) { m_buffer.append(data); }

    // Returns the next complete message, if any.
    std::optional<Frame> next()
    {
        while (true) {
            if (m_buffer.size() - m_offset < 2) {
                compact();
                return std::nullopt;
            }
            const auto *bytes = reinterpret_cast<const unsigned char *>(m_buffer.constData() + m_offset);
            const bool fin = (bytes[0] & 0x80) != 0;
            const int opcode = bytes[0] & 0x0F;
            quint64 length = bytes[1] & 0x7F;
            qsizetype header = 2;
            if (length == 126) {
                if (m_buffer.size() - m_offset < 4)
                    return std::nullopt;
                length = (quint64(bytes[2]) << 8) | bytes[3];
                header = 4;
            } else if (length == 127) {
                if (m_buffer.size() - m_offset < 10)
                    return std::nullopt;
                length = 0;
                for (int i = 0; i < 8; ++i)
                    length = (length << 8) | bytes[2 + i];
                header = 10;
            }
            if (static_cast<quint64>(m_buffer.size() - m_offset - header) < length)
                return std::nullopt;
            const QByteArray payload = m_buffer.mid(m_offset + header, static_cast<qsizetype>(length));
            m_offset += header + static_cast<qsizetype>(length);
            if (opcode >= 8) // control frames (close, ping, pong) are returned as they are
                return Frame{opcode, payload};
            if (opcode != 0)
                m_opcode = opcode;
            m_message.append(payload);
            if (fin) {
                Frame frame{m_opcode, m_message};
                m_message.clear();
                return frame;
            }
        }
    }

private:
    void compact()
    {
        if (m_offset > 0) {
            m_buffer.remove(0, m_offset);
            m_offset = 0;
        }
    }

    QByteArray m_buffer;
    qsizetype m_offset = 0;
    QByteArray m_message;
    int m_opcode = 1;
};

// Reads "ts":<digits> from an envelope without a JSON parser (the load tool reads many messages).
inline qint64 envelopeTs(const QByteArray &payload)
{
    const qsizetype at = payload.indexOf("\"ts\":");
    if (at < 0)
        return -1;
    qint64 value = 0;
    for (qsizetype i = at + 5; i < payload.size() && payload[i] >= '0' && payload[i] <= '9'; ++i)
        value = value * 10 + (payload[i] - '0');
    return value;
}

} // namespace bw::wswire
