#pragma once

#include "app/WorkstationSession.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace bw {

// The JSON of the WebSocket topics (docs/protocol.md) in both directions: RemoteBridge publishes with the
// toJson side, RemoteSession rebuilds the same values with the fromJson side, so a remote window shows
// what a local one would. For every type toJson(fromJson(toJson(x))) == toJson(x).
//
// Parsers ignore fields they do not know and default absent optional ones; they return null, with `error`
// naming the field, when a field has the wrong type or an enumeration value this version does not know.
// (The scan report's JSON lives with its type: ScanReportJson.)
class RemoteJson final
{
public:
    // The `engine` topic: the status, plus the last transition when one is known.
    static QJsonObject engineStatusToJson(const EngineStatus &status, const std::optional<EngineEvent> &transition = {},
                                          const QStringList &presets = {});
    static std::optional<EngineStatus> engineStatusFromJson(const QJsonObject &json, QString *error = nullptr);
    static QJsonObject engineEventToJson(const EngineEvent &event);
    static std::optional<EngineEvent> engineEventFromJson(const QJsonObject &json, QString *error = nullptr);

    static QJsonObject signalToJson(const Signal &signal);
    static std::optional<Signal> signalFromJson(const QJsonObject &json, QString *error = nullptr);

    // `orders` topic events: {"kind":"order"|"fill"|"position", ...}.
    static QJsonObject orderToJson(const Order &order);
    static std::optional<Order> orderFromJson(const QJsonObject &json, QString *error = nullptr);
    static QJsonObject fillToJson(const Fill &fill);
    static std::optional<Fill> fillFromJson(const QJsonObject &json, QString *error = nullptr);
    static QJsonObject positionToJson(const Position &position);
    static std::optional<Position> positionFromJson(const QJsonObject &json, QString *error = nullptr);
    static QJsonObject accountToJson(const AccountSnapshot &account);
    static std::optional<AccountSnapshot> accountFromJson(const QJsonObject &json, QString *error = nullptr);

    static QJsonObject resourceSampleToJson(const ResourceSample &sample);
    static std::optional<ResourceSample> resourceSampleFromJson(const QJsonObject &json, QString *error = nullptr);
    static QJsonObject alertToJson(const AlertEvent &alert);
    static std::optional<AlertEvent> alertFromJson(const QJsonObject &json, QString *error = nullptr);
    // The totals of RemoteServer::statsUpdated ({"clients","queuedBytes","dropped","resyncs",...}).
    static QJsonObject viewerStatsToJson(const ViewerStats &viewers);
    static std::optional<ViewerStats> viewerStatsFromJson(const QJsonObject &totals, QString *error = nullptr);

    static QJsonObject governorActionToJson(const GovernorAction &action);
    static std::optional<GovernorAction> governorActionFromJson(const QJsonObject &json, QString *error = nullptr);
    static QJsonObject cacheStatsToJson(const CacheStats &cache);
    static std::optional<CacheStats> cacheStatsFromJson(const QJsonObject &json, QString *error = nullptr);

    static QJsonObject logLineToJson(const LogLine &line);
    static std::optional<LogLine> logLineFromJson(const QJsonObject &json, QString *error = nullptr);
    static QString logLevelName(QtMsgType level); // "debug", "info", "warning", "critical", "fatal"

    // The `market` topic: a header plus one row (array) per symbol in the order of `columns`, which keeps
    // a 2,000-symbol overview near 120 KB.
    static QJsonObject marketOverviewToJson(const MarketOverview &overview);
    static std::optional<MarketOverview> marketOverviewFromJson(const QJsonObject &json, QString *error = nullptr);

    // A `candles` reply: {"symbol","intervalMs","columns":[...],"bars":[[...]...]}.
    static QJsonObject candlesToJson(const QString &symbol, qint64 intervalMs, const QList<Candle> &candles);
    static std::optional<QList<Candle>> candlesFromJson(const QJsonObject &json, QString *error = nullptr);
};

} // namespace bw
