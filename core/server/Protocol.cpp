#include "server/Protocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace bw::protocol {
namespace {

struct TopicInfo {
    Topic topic;
    const char16_t *name;
    TopicKind kind;
};

constexpr std::array<TopicInfo, kTopicCount> kTopics{{
    {Topic::Engine, u"engine", TopicKind::State},
    {Topic::Scan, u"scan", TopicKind::State},
    {Topic::Signals, u"signals", TopicKind::Event},
    {Topic::Positions, u"positions", TopicKind::State},
    {Topic::Orders, u"orders", TopicKind::Event},
    {Topic::Resources, u"resources", TopicKind::State},
    {Topic::Caches, u"caches", TopicKind::State},
    {Topic::Pressure, u"pressure", TopicKind::Event},
    {Topic::Log, u"log", TopicKind::Event},
    {Topic::Market, u"market", TopicKind::State},
}};

struct RequestInfo {
    RequestType type;
    const char16_t *name;
    bool operatorOnly;
};

constexpr std::array<RequestInfo, 17> kRequests{{
    {RequestType::Auth, u"auth", false},
    {RequestType::Subscribe, u"subscribe", false},
    {RequestType::Unsubscribe, u"unsubscribe", false},
    {RequestType::Snapshot, u"snapshot", false},
    {RequestType::Ping, u"ping", false},
    {RequestType::EngineStart, u"engine.start", true},
    {RequestType::EngineStop, u"engine.stop", true},
    {RequestType::EnginePause, u"engine.pause", true},
    {RequestType::EngineResume, u"engine.resume", true},
    {RequestType::SnapshotExport, u"snapshot.export", true},
    {RequestType::EngineScanNow, u"engine.scan_now", true},
    {RequestType::EnginePreset, u"engine.preset", true},
    {RequestType::Candles, u"candles", false},
    {RequestType::PositionClose, u"position.close", true},
    {RequestType::PositionsFlatten, u"positions.flatten", true},
    {RequestType::RiskHalt, u"risk.halt", true},
    {RequestType::RiskReset, u"risk.reset", true},
}};

QString tr(const char *text)
{
    return QCoreApplication::translate("bw::protocol", text);
}

bool isValidId(const QJsonValue &id)
{
    if (id.isString())
        return !id.toString().isEmpty() && id.toString().size() <= 128;
    if (id.isDouble()) {
        const double value = id.toDouble();
        return std::isfinite(value) && value == std::floor(value) && std::fabs(value) <= 9007199254740991.0;
    }
    return false;
}

RequestError fail(ErrorCode code, const QString &message, const QJsonValue &id = QJsonValue())
{
    return RequestError{code, message, id};
}

} // namespace

TopicKind topicKind(Topic topic)
{
    return kTopics[static_cast<std::size_t>(topicIndex(topic))].kind;
}

QString operatorReason(const QString &who, const QString &words)
{
    const QString said = words.left(kMaxReasonLength).trimmed();
    return said.isEmpty() ? who : QStringLiteral("%1: %2").arg(who, said);
}

QString topicName(Topic topic)
{
    return QString::fromUtf16(kTopics[static_cast<std::size_t>(topicIndex(topic))].name);
}

std::optional<Topic> topicFromName(const QString &name)
{
    for (const TopicInfo &info : kTopics) {
        if (name == QStringView(info.name))
            return info.topic;
    }
    return std::nullopt;
}

const std::array<Topic, kTopicCount> &allTopics()
{
    static const std::array<Topic, kTopicCount> topics = [] {
        std::array<Topic, kTopicCount> result{};
        for (std::size_t i = 0; i < kTopics.size(); ++i)
            result[i] = kTopics[i].topic;
        return result;
    }();
    return topics;
}

QString roleName(Role role)
{
    return role == Role::Operator ? QStringLiteral("operator") : QStringLiteral("viewer");
}

std::optional<Role> roleFromName(const QString &name)
{
    if (name == u"operator")
        return Role::Operator;
    if (name == u"viewer")
        return Role::Viewer;
    return std::nullopt;
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadJson:
        return QStringLiteral("bad_json");
    case ErrorCode::BadRequest:
        return QStringLiteral("bad_request");
    case ErrorCode::UnknownType:
        return QStringLiteral("unknown_type");
    case ErrorCode::UnknownTopic:
        return QStringLiteral("unknown_topic");
    case ErrorCode::UnsupportedVersion:
        return QStringLiteral("unsupported_version");
    case ErrorCode::UnsupportedFrame:
        return QStringLiteral("unsupported_frame");
    case ErrorCode::AuthRequired:
        return QStringLiteral("auth_required");
    case ErrorCode::AuthFailed:
        return QStringLiteral("auth_failed");
    case ErrorCode::AlreadyAuthenticated:
        return QStringLiteral("already_authenticated");
    case ErrorCode::Forbidden:
        return QStringLiteral("forbidden");
    case ErrorCode::RateLimited:
        return QStringLiteral("rate_limited");
    case ErrorCode::Unavailable:
        return QStringLiteral("unavailable");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    }
    return QStringLiteral("bad_request");
}

QString requestTypeName(RequestType type)
{
    for (const RequestInfo &info : kRequests) {
        if (info.type == type)
            return QString::fromUtf16(info.name);
    }
    return {};
}

bool isOperatorCommand(RequestType type)
{
    for (const RequestInfo &info : kRequests) {
        if (info.type == type)
            return info.operatorOnly;
    }
    return false;
}

std::variant<Request, RequestError> parseRequest(const QByteArray &utf8)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(
            ErrorCode::BadJson,
            tr("message is not valid JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return fail(ErrorCode::BadJson, tr("message must be a JSON object"));
    const QJsonObject object = document.object();

    // The id comes first so that every later error can echo it.
    const QJsonValue id = object.value(u"id");
    if (id.isUndefined())
        return fail(ErrorCode::BadRequest, tr("field 'id' is missing"));
    if (!isValidId(id))
        return fail(ErrorCode::BadRequest, tr("field 'id' must be a non-empty string (at most 128 characters) or an "
                                              "integer"));

    const QJsonValue version = object.value(u"v");
    if (!version.isUndefined() && (!version.isDouble() || version.toDouble() != kVersion))
        return fail(ErrorCode::UnsupportedVersion, tr("field 'v' must be %1, the protocol version").arg(kVersion), id);

    const QJsonValue typeValue = object.value(u"type");
    if (typeValue.isUndefined())
        return fail(ErrorCode::BadRequest, tr("field 'type' is missing"), id);
    if (!typeValue.isString())
        return fail(ErrorCode::BadRequest, tr("field 'type' must be a string"), id);
    const QString typeName = typeValue.toString();

    const RequestInfo *info = nullptr;
    for (const RequestInfo &candidate : kRequests) {
        if (typeName == QStringView(candidate.name))
            info = &candidate;
    }
    if (!info)
        return fail(ErrorCode::UnknownType, tr("unknown request type '%1'").arg(typeName.left(64)), id);

    Request request;
    request.type = info->type;
    request.id = id;

    switch (request.type) {
    case RequestType::Auth: {
        const QJsonValue token = object.value(u"token");
        if (!token.isString() || token.toString().isEmpty())
            return fail(ErrorCode::BadRequest, tr("field 'token' must be a non-empty string"), id);
        request.token = token.toString();
        break;
    }
    case RequestType::Subscribe:
    case RequestType::Unsubscribe:
    case RequestType::Snapshot: {
        const QJsonValue topics = object.value(u"topics");
        if (!topics.isArray() || topics.toArray().isEmpty())
            return fail(ErrorCode::BadRequest, tr("field 'topics' must be a non-empty array of topic names"), id);
        const QJsonArray array = topics.toArray();
        if (array.size() > 4 * kTopicCount)
            return fail(ErrorCode::BadRequest, tr("field 'topics' lists too many topics"), id);
        for (const QJsonValue &entry : array) {
            if (!entry.isString())
                return fail(ErrorCode::BadRequest, tr("field 'topics' must contain only strings"), id);
            const std::optional<Topic> topic = topicFromName(entry.toString());
            if (!topic)
                return fail(ErrorCode::UnknownTopic, tr("unknown topic '%1'").arg(entry.toString().left(64)), id);
            if (!request.topics.contains(*topic))
                request.topics.append(*topic);
        }
        break;
    }
    case RequestType::Ping:
        break;
    case RequestType::EngineStart:
    case RequestType::EngineStop:
    case RequestType::EnginePause:
    case RequestType::EngineResume:
    case RequestType::SnapshotExport:
    case RequestType::EngineScanNow:
    case RequestType::EnginePreset:
    case RequestType::PositionClose:
    case RequestType::PositionsFlatten:
    case RequestType::RiskHalt:
    case RequestType::RiskReset: {
        const QJsonValue args = object.value(u"args");
        if (!args.isUndefined() && !args.isObject())
            return fail(ErrorCode::BadRequest, tr("field 'args' must be an object"), id);
        request.args = args.toObject();
        if (request.type == RequestType::EnginePreset) {
            const QJsonValue name = request.args.value(u"name");
            if (!name.isString() || name.toString().isEmpty() || name.toString().size() > 128)
                return fail(ErrorCode::BadRequest,
                            tr("field 'args.name' must be a preset name (a non-empty string of at most 128 "
                               "characters)"),
                            id);
        }
        if (request.type == RequestType::PositionClose) {
            const QJsonValue positionId = request.args.value(u"id");
            const double value = positionId.toDouble(-1);
            if (!positionId.isDouble() || value != std::floor(value) || value < 1 || value > 9007199254740991.0)
                return fail(ErrorCode::BadRequest, tr("field 'args.id' must be a position id (a positive integer)"),
                            id);
        }
        const bool takesReason = request.type == RequestType::PositionClose ||
                                 request.type == RequestType::PositionsFlatten ||
                                 request.type == RequestType::RiskHalt || request.type == RequestType::RiskReset;
        if (takesReason && request.args.contains(u"reason")) {
            const QJsonValue reason = request.args.value(u"reason");
            if (!reason.isString() || reason.toString().size() > kMaxReasonLength)
                return fail(ErrorCode::BadRequest,
                            tr("field 'args.reason' must be a string of at most %1 characters").arg(kMaxReasonLength),
                            id);
        }
        break;
    }
    case RequestType::Candles: {
        const QJsonValue symbol = object.value(u"symbol");
        if (!symbol.isString() || symbol.toString().isEmpty() || symbol.toString().size() > 64)
            return fail(ErrorCode::BadRequest,
                        tr("field 'symbol' must be a symbol name (a non-empty string of at most 64 characters)"), id);
        request.symbol = symbol.toString();
        const QJsonValue count = object.value(u"count");
        if (count.isUndefined()) {
            request.count = kDefaultCandles;
        } else {
            const double value = count.toDouble(-1);
            if (!count.isDouble() || value != std::floor(value) || value < 1 || value > kMaxCandles)
                return fail(ErrorCode::BadRequest, tr("field 'count' must be an integer from 1 to %1").arg(kMaxCandles),
                            id);
            request.count = static_cast<int>(value);
        }
        break;
    }
    }
    return request;
}

QByteArray encodeTopicMessage(const QString &type, Topic topic, quint64 seq, qint64 tsMs, const QJsonObject &data)
{
    QJsonObject envelope;
    envelope.insert(QStringLiteral("v"), kVersion);
    envelope.insert(QStringLiteral("type"), type);
    envelope.insert(QStringLiteral("topic"), topicName(topic));
    envelope.insert(QStringLiteral("seq"), static_cast<qint64>(seq));
    envelope.insert(QStringLiteral("ts"), tsMs);
    envelope.insert(QStringLiteral("data"), data);
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

QByteArray encodeControlMessage(const QString &type, qint64 tsMs, const QJsonObject &data)
{
    QJsonObject envelope;
    envelope.insert(QStringLiteral("v"), kVersion);
    envelope.insert(QStringLiteral("type"), type);
    envelope.insert(QStringLiteral("ts"), tsMs);
    envelope.insert(QStringLiteral("data"), data);
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

QByteArray encodeError(qint64 tsMs, const QJsonValue &id, ErrorCode code, const QString &message)
{
    QJsonObject data;
    if (!id.isUndefined() && !id.isNull())
        data.insert(QStringLiteral("id"), id);
    data.insert(QStringLiteral("code"), errorCodeName(code));
    data.insert(QStringLiteral("message"), message);
    return encodeControlMessage(type::error, tsMs, data);
}

QByteArray encodeAck(qint64 tsMs, const QJsonValue &id, QJsonObject data)
{
    data.insert(QStringLiteral("id"), id);
    return encodeControlMessage(type::ack, tsMs, data);
}

} // namespace bw::protocol
