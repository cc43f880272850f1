#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <array>
#include <optional>
#include <variant>

// The remote viewer protocol (docs/protocol.md is its specification; keep both in step). Pure value code:
// parsing of client requests and encoding of server envelopes, no sockets.
namespace bw::protocol {

// Bumped on any incompatible change of the envelope or of a message's fields.
inline constexpr int kVersion = 1;

enum class Topic { Engine, Scan, Signals, Positions, Orders, Resources, Caches, Pressure, Log, Market };
inline constexpr int kTopicCount = 10;

// State topics carry the full latest value in every message, so a newer one replaces an older one
// (coalescing is lossless). Event topics carry one occurrence each, so every message matters.
enum class TopicKind { State, Event };

TopicKind topicKind(Topic topic);
inline bool isStateTopic(Topic topic)
{
    return topicKind(topic) == TopicKind::State;
}
QString topicName(Topic topic);
std::optional<Topic> topicFromName(const QString &name);
const std::array<Topic, kTopicCount> &allTopics();
inline int topicIndex(Topic topic)
{
    return static_cast<int>(topic);
}

enum class Role { Viewer, Operator };
QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);

// Error codes sent in `error` messages (docs/protocol.md lists what each means).
enum class ErrorCode {
    BadJson,              // not JSON, or not a JSON object
    BadRequest,           // a required field is missing or has the wrong type
    UnknownType,          // `type` names no request
    UnknownTopic,         // a topic name is not one of the topics
    UnsupportedVersion,   // `v` given and not this protocol version
    UnsupportedFrame,     // binary frame: the protocol is JSON text
    AuthRequired,         // the first message was not `auth`
    AuthFailed,           // unknown token
    AlreadyAuthenticated, // a second `auth`
    Forbidden,            // the role does not allow this request
    RateLimited,          // too many requests; slow down
    Unavailable,          // nothing in the application handles operator commands
    NotFound,             // the request names something the server does not have (an unknown symbol)
};
QString errorCodeName(ErrorCode code);

enum class RequestType {
    Auth,
    Subscribe,
    Unsubscribe,
    Snapshot,
    Ping,
    EngineStart,
    EngineStop,
    EnginePause,
    EngineResume,
    SnapshotExport,
    EngineScanNow,    // operator: scan at once instead of waiting for the scan interval
    EnginePreset,     // operator: args.name selects the preset of the following scans
    Candles,          // any role: the last closed bars of a symbol, answered by an ack carrying them
    PositionClose,    // operator: args.id closes that position at market (args.reason optional)
    PositionsFlatten, // operator: closes every live position at market (args.reason optional)
    RiskHalt,         // operator: the kill switch by hand: no entries, everything closed (args.reason optional)
    RiskReset,        // operator: clears the kill switch and the halt; entries resume (args.reason optional)
};
QString requestTypeName(RequestType type);
bool isOperatorCommand(RequestType type);

struct Request {
    RequestType type = RequestType::Ping;
    QJsonValue id;       // string or integer, echoed in the reply
    QString token;       // auth only
    QList<Topic> topics; // subscribe, unsubscribe, snapshot
    QJsonObject args;    // operator commands (optional object)
    QString symbol;      // candles
    int count = 0;       // candles: bars wanted, 1..kMaxCandles
};

// Bars a `candles` request may ask for (the default when `count` is absent: kDefaultCandles).
inline constexpr int kMaxCandles = 1000;
inline constexpr int kDefaultCandles = 200;
// Longest `args.reason` an operator command may carry (it goes to the journal and the log).
inline constexpr int kMaxReasonLength = 200;
// What the engine records of an operator command: who asked and, when given, their words, bounded as above
// ("remote operator #3: news at 14:00"; "the desktop operator" without words). The same for every front end.
QString operatorReason(const QString &who, const QString &words);

struct RequestError {
    ErrorCode code = ErrorCode::BadRequest;
    QString message; // names what is wrong; never contains a token
    QJsonValue id;   // echoed when the request had a usable id
};

// Parses one client text message. Unknown extra fields are ignored so that newer clients can talk to
// this server; missing or mistyped required fields are errors naming the field.
std::variant<Request, RequestError> parseRequest(const QByteArray &utf8);

// Server message types.
namespace type {
inline const QString hello = QStringLiteral("hello");
inline const QString authOk = QStringLiteral("auth_ok");
inline const QString snapshot = QStringLiteral("snapshot");
inline const QString delta = QStringLiteral("delta");
inline const QString event = QStringLiteral("event");
inline const QString resync = QStringLiteral("resync");
inline const QString ack = QStringLiteral("ack");
inline const QString error = QStringLiteral("error");
inline const QString pong = QStringLiteral("pong");
} // namespace type

// Encodes a topic message: {"v","type","topic","seq","ts","data"} as compact UTF-8 JSON.
QByteArray encodeTopicMessage(const QString &type, Topic topic, quint64 seq, qint64 tsMs, const QJsonObject &data);
// Encodes a control message (no topic, no seq): {"v","type","ts","data"}.
QByteArray encodeControlMessage(const QString &type, qint64 tsMs, const QJsonObject &data);
QByteArray encodeError(qint64 tsMs, const QJsonValue &id, ErrorCode code, const QString &message);
QByteArray encodeAck(qint64 tsMs, const QJsonValue &id, QJsonObject data = {});

} // namespace bw::protocol
