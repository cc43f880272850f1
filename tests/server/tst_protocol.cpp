// Pure parts of the remote server: topics, request parsing, envelopes, token bucket, auth limiter.

#include "server/AuthRateLimiter.h"
#include "server/Protocol.h"
#include "server/ServerToken.h"
#include "server/TokenBucket.h"

#include <QJsonDocument>
#include <QTest>

using namespace bw;
using namespace bw::protocol;

class TstProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void topicsHaveNamesAndKinds()
    {
        QCOMPARE(allTopics().size(), std::size_t(kTopicCount));
        for (Topic topic : allTopics())
            QCOMPARE(topicFromName(topicName(topic)), std::optional<Topic>(topic));
        QVERIFY(isStateTopic(Topic::Engine));
        QVERIFY(isStateTopic(Topic::Scan));
        QVERIFY(isStateTopic(Topic::Positions));
        QVERIFY(isStateTopic(Topic::Resources));
        QVERIFY(isStateTopic(Topic::Caches));
        QVERIFY(!isStateTopic(Topic::Signals));
        QVERIFY(!isStateTopic(Topic::Orders));
        QVERIFY(!isStateTopic(Topic::Pressure));
        QVERIFY(!isStateTopic(Topic::Log));
        QVERIFY(!topicFromName(QStringLiteral("Engine")));
    }

    void parsesRequests()
    {
        const auto parsed = parseRequest(R"({"type":"subscribe","id":"a","topics":["engine","log","engine"]})");
        const auto *request = std::get_if<Request>(&parsed);
        QVERIFY(request);
        QCOMPARE(request->type, RequestType::Subscribe);
        QCOMPARE(request->id.toString(), QStringLiteral("a"));
        QCOMPARE(request->topics, (QList<Topic>{Topic::Engine, Topic::Log}));

        const auto command = parseRequest(R"({"type":"engine.start","id":3,"args":{"preset":"x"},"extra":1})");
        QVERIFY(std::holds_alternative<Request>(command));
        QCOMPARE(std::get<Request>(command).args.value(u"preset").toString(), QStringLiteral("x"));
        QVERIFY(isOperatorCommand(RequestType::EngineStart));
        QVERIFY(!isOperatorCommand(RequestType::Subscribe));
    }

    void parsesViewerAdditions()
    {
        QCOMPARE(topicFromName(QStringLiteral("market")), std::optional<Topic>(Topic::Market));
        QVERIFY(isStateTopic(Topic::Market));

        const auto candles = parseRequest(R"({"type":"candles","id":7,"symbol":"BTCUSDT","count":50})");
        QVERIFY(std::holds_alternative<Request>(candles));
        QCOMPARE(std::get<Request>(candles).type, RequestType::Candles);
        QCOMPARE(std::get<Request>(candles).symbol, QStringLiteral("BTCUSDT"));
        QCOMPARE(std::get<Request>(candles).count, 50);
        QVERIFY(!isOperatorCommand(RequestType::Candles));
        const auto defaults = parseRequest(R"({"type":"candles","id":8,"symbol":"BTCUSDT"})");
        QCOMPARE(std::get<Request>(defaults).count, kDefaultCandles);

        const auto preset = parseRequest(R"({"type":"engine.preset","id":"p","args":{"name":"breakout_v1"}})");
        QVERIFY(std::holds_alternative<Request>(preset));
        QCOMPARE(std::get<Request>(preset).args.value(u"name").toString(), QStringLiteral("breakout_v1"));
        QVERIFY(isOperatorCommand(RequestType::EnginePreset));
        QVERIFY(isOperatorCommand(RequestType::EngineScanNow));
        QCOMPARE(requestTypeName(RequestType::EngineScanNow), QStringLiteral("engine.scan_now"));
    }

    void parsesTradingCommands()
    {
        const auto close = parseRequest(R"({"type":"position.close","id":"c1","args":{"id":42,"reason":"news"}})");
        QVERIFY(std::holds_alternative<Request>(close));
        QCOMPARE(std::get<Request>(close).type, RequestType::PositionClose);
        QCOMPARE(std::get<Request>(close).args.value(u"id").toInteger(), 42);
        QCOMPARE(std::get<Request>(close).args.value(u"reason").toString(), QStringLiteral("news"));
        const auto flatten = parseRequest(R"({"type":"positions.flatten","id":2})");
        QCOMPARE(std::get<Request>(flatten).type, RequestType::PositionsFlatten);
        const auto halt = parseRequest(R"({"type":"risk.halt","id":3,"args":{"reason":"exchange outage"}})");
        QCOMPARE(std::get<Request>(halt).type, RequestType::RiskHalt);
        const auto reset = parseRequest(R"({"type":"risk.reset","id":4,"args":{}})");
        QCOMPARE(std::get<Request>(reset).type, RequestType::RiskReset);
        for (RequestType type :
             {RequestType::PositionClose, RequestType::PositionsFlatten, RequestType::RiskHalt, RequestType::RiskReset})
            QVERIFY(isOperatorCommand(type));
        QCOMPARE(requestTypeName(RequestType::PositionClose), QStringLiteral("position.close"));
        QCOMPARE(requestTypeName(RequestType::PositionsFlatten), QStringLiteral("positions.flatten"));
        QCOMPARE(requestTypeName(RequestType::RiskHalt), QStringLiteral("risk.halt"));
        QCOMPARE(requestTypeName(RequestType::RiskReset), QStringLiteral("risk.reset"));
    }

    void rejectsBadRequests_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("garbage") << QByteArray("xx") << int(ErrorCode::BadJson) << QString();
        QTest::newRow("number") << QByteArray("3") << int(ErrorCode::BadJson) << QString();
        QTest::newRow("no id") << QByteArray(R"({"type":"ping"})") << int(ErrorCode::BadRequest)
                               << QStringLiteral("'id'");
        QTest::newRow("fractional id") << QByteArray(R"({"type":"ping","id":1.5})") << int(ErrorCode::BadRequest)
                                       << QStringLiteral("'id'");
        QTest::newRow("no type") << QByteArray(R"({"id":1})") << int(ErrorCode::BadRequest) << QStringLiteral("'type'");
        QTest::newRow("unknown") << QByteArray(R"({"id":1,"type":"x"})") << int(ErrorCode::UnknownType)
                                 << QStringLiteral("'x'");
        QTest::newRow("empty topics") << QByteArray(R"({"id":1,"type":"snapshot","topics":[]})")
                                      << int(ErrorCode::BadRequest) << QStringLiteral("'topics'");
        QTest::newRow("auth no token") << QByteArray(R"({"id":1,"type":"auth"})") << int(ErrorCode::BadRequest)
                                       << QStringLiteral("'token'");
        QTest::newRow("auth token number") << QByteArray(R"({"id":1,"type":"auth","token":5})")
                                           << int(ErrorCode::BadRequest) << QStringLiteral("'token'");
        QTest::newRow("candles no symbol") << QByteArray(R"({"id":1,"type":"candles","count":5})")
                                           << int(ErrorCode::BadRequest) << QStringLiteral("'symbol'");
        QTest::newRow("candles too many") << QByteArray(R"({"id":1,"type":"candles","symbol":"X","count":5000})")
                                          << int(ErrorCode::BadRequest) << QStringLiteral("'count'");
        QTest::newRow("candles fractional") << QByteArray(R"({"id":1,"type":"candles","symbol":"X","count":2.5})")
                                            << int(ErrorCode::BadRequest) << QStringLiteral("'count'");
        QTest::newRow("preset no name") << QByteArray(R"({"id":1,"type":"engine.preset","args":{}})")
                                        << int(ErrorCode::BadRequest) << QStringLiteral("'args.name'");
        QTest::newRow("close no id") << QByteArray(R"({"id":1,"type":"position.close"})") << int(ErrorCode::BadRequest)
                                     << QStringLiteral("'args.id'");
        QTest::newRow("close id text") << QByteArray(R"({"id":1,"type":"position.close","args":{"id":"7"}})")
                                       << int(ErrorCode::BadRequest) << QStringLiteral("'args.id'");
        QTest::newRow("close id zero") << QByteArray(R"({"id":1,"type":"position.close","args":{"id":0}})")
                                       << int(ErrorCode::BadRequest) << QStringLiteral("'args.id'");
        QTest::newRow("close id fractional") << QByteArray(R"({"id":1,"type":"position.close","args":{"id":1.5}})")
                                             << int(ErrorCode::BadRequest) << QStringLiteral("'args.id'");
        QTest::newRow("halt reason number") << QByteArray(R"({"id":1,"type":"risk.halt","args":{"reason":5}})")
                                            << int(ErrorCode::BadRequest) << QStringLiteral("'args.reason'");
        QTest::newRow("halt reason too long") << (QByteArray(R"({"id":1,"type":"risk.halt","args":{"reason":")") +
                                                  QByteArray(201, 'x') + QByteArray(R"("}})"))
                                              << int(ErrorCode::BadRequest) << QStringLiteral("'args.reason'");
    }
    void rejectsBadRequests()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        const auto parsed = parseRequest(text);
        const auto *error = std::get_if<RequestError>(&parsed);
        QVERIFY(error);
        QCOMPARE(int(error->code), code);
        QVERIFY2(error->message.contains(mentions), qPrintable(error->message));
    }

    void envelopeHasEveryField()
    {
        const QByteArray bytes =
            encodeTopicMessage(type::delta, Topic::Scan, 12, 1700000000123, {{QStringLiteral("a"), 1}});
        const QJsonObject object = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(object.value(u"v").toInt(), kVersion);
        QCOMPARE(object.value(u"type").toString(), QStringLiteral("delta"));
        QCOMPARE(object.value(u"topic").toString(), QStringLiteral("scan"));
        QCOMPARE(object.value(u"seq").toInteger(), 12);
        QCOMPARE(object.value(u"ts").toInteger(), 1700000000123);
        QCOMPARE(object.value(u"data").toObject().value(u"a").toInt(), 1);
        const QJsonObject error = QJsonDocument::fromJson(encodeError(5, QJsonValue(QStringLiteral("r")),
                                                                      ErrorCode::Forbidden, QStringLiteral("m")))
                                      .object();
        QCOMPARE(error.value(u"data").toObject().value(u"code").toString(), QStringLiteral("forbidden"));
        QCOMPARE(error.value(u"data").toObject().value(u"id").toString(), QStringLiteral("r"));
    }

    void tokenBucketRefills()
    {
        TokenBucket bucket(2.0, 3, 0);
        QVERIFY(bucket.tryTake(0));
        QVERIFY(bucket.tryTake(0));
        QVERIFY(bucket.tryTake(0));
        QVERIFY(!bucket.tryTake(0));
        QVERIFY(!bucket.tryTake(400));
        QVERIFY(bucket.tryTake(500)); // 2 per second: one token after 500 ms
        QVERIFY(!bucket.tryTake(500));
        QVERIFY(bucket.tryTake(10'000));
    }

    void authLimiterBlocksAndForgets()
    {
        AuthRateLimiter limiter(3, 60'000, 30'000, 8);
        const QString a = QStringLiteral("10.0.0.1");
        QVERIFY(!limiter.recordFailure(a, 0));
        QVERIFY(!limiter.recordFailure(a, 1000));
        QVERIFY(!limiter.isBlocked(a, 1000));
        QVERIFY(limiter.recordFailure(a, 2000));
        QVERIFY(limiter.isBlocked(a, 2000));
        QVERIFY(limiter.isBlocked(a, 31'999));
        QVERIFY(!limiter.isBlocked(a, 32'000));
        // Failures outside the window do not add up.
        const QString b = QStringLiteral("10.0.0.2");
        QVERIFY(!limiter.recordFailure(b, 0));
        QVERIFY(!limiter.recordFailure(b, 1000));
        QVERIFY(!limiter.recordFailure(b, 70'000));
        // Bounded memory.
        for (int i = 0; i < 100; ++i)
            limiter.recordFailure(QStringLiteral("192.168.0.%1").arg(i), 100'000 + i);
        QVERIFY(limiter.trackedAddresses() <= 8);
    }

    void generatedTokensAreRandomHex()
    {
        const QString a = ServerToken::generate();
        const QString b = ServerToken::generate();
        QCOMPARE(a.size(), 64);
        QVERIFY(a != b);
        for (QChar c : a)
            QVERIFY((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'));
        QVERIFY(ServerToken::equalConstantTime(a, a));
        QVERIFY(!ServerToken::equalConstantTime(a, b));
        QVERIFY(!ServerToken::equalConstantTime(a, a.left(63)));
    }
};

QTEST_APPLESS_MAIN(TstProtocol)
#include "tst_protocol.moc"
