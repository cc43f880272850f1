#include "market/bybit/BybitFeedConfig.h"

#include <QCoreApplication>

#include <array>

namespace bw {

bool BybitSymbolSelection::parse(const QString &text, BybitSymbolSelection &out, QString *error)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("all")) {
        out.topN = 0;
        return true;
    }
    if (t.startsWith(QLatin1String("top:"))) {
        bool ok = false;
        const int n = t.mid(4).toInt(&ok);
        if (ok && n >= 1) {
            out.topN = n;
            return true;
        }
    }
    if (error)
        *error = QCoreApplication::translate("bw::BybitFeedConfig",
                                             "invalid symbol selection \"%1\": use \"all\" or \"top:N\" with N >= 1")
                     .arg(text);
    return false;
}

QString BybitSymbolSelection::toString() const
{
    return topN > 0 ? QStringLiteral("top:%1").arg(topN) : QStringLiteral("all");
}

QString BybitFeedConfig::validate() const
{
    const auto bad = [](const char *field, const QString &why) {
        return QCoreApplication::translate("bw::BybitFeedConfig", "Bybit feed setting %1: %2")
            .arg(QLatin1String(field), why);
    };
    if (!restBaseUrl.isValid() || restBaseUrl.scheme().isEmpty())
        return bad("restBaseUrl", QCoreApplication::translate("bw::BybitFeedConfig", "not a valid URL"));
    if (!wsBaseUrl.isValid() ||
        (wsBaseUrl.scheme() != QLatin1String("ws") && wsBaseUrl.scheme() != QLatin1String("wss")))
        return bad("wsBaseUrl", QCoreApplication::translate("bw::BybitFeedConfig", "must be a ws:// or wss:// URL"));
    constexpr std::array<int, 9> intervals{1, 3, 5, 15, 30, 60, 120, 240, 360};
    bool intervalOk = intervalMinutes == 720;
    for (int i : intervals)
        intervalOk = intervalOk || i == intervalMinutes;
    if (!intervalOk)
        return bad("intervalMinutes",
                   QCoreApplication::translate("bw::BybitFeedConfig", "%1 is not a Bybit kline interval")
                       .arg(intervalMinutes));
    const auto positive = [&](const char *field, int v, int min, int max) -> QString {
        if (v < min || v > max)
            return bad(
                field,
                QCoreApplication::translate("bw::BybitFeedConfig", "%1 is outside [%2, %3]").arg(v).arg(min).arg(max));
        return {};
    };
    for (const QString &e :
         {positive("backfillBars", backfillBars, 0, 100000), positive("klinePageLimit", klinePageLimit, 1, 1000),
          positive("maxTopicsPerRequest", maxTopicsPerRequest, 1, 10),
          positive("maxTopicsPerConnection", maxTopicsPerConnection, 4, 10000),
          positive("marketRequestsPerWindow", marketRequestsPerWindow, 1, 600),
          positive("marketWindowMs", marketWindowMs, 1, 60000),
          positive("minRequestSpacingMs", minRequestSpacingMs, 0, 10000),
          positive("maxConcurrentRequests", maxConcurrentRequests, 1, 64),
          positive("requestTimeoutMs", requestTimeoutMs, 1, 600000), positive("maxRetries", maxRetries, 0, 100),
          positive("retryBaseMs", retryBaseMs, 1, 600000), positive("retryMaxMs", retryMaxMs, retryBaseMs, 3600000),
          positive("pingIntervalMs", pingIntervalMs, 1, 600000),
          positive("reconnectBaseMs", reconnectBaseMs, 1, 600000),
          positive("reconnectMaxMs", reconnectMaxMs, reconnectBaseMs, 3600000),
          positive("batchIntervalMs", batchIntervalMs, 1, 60000), positive("staleAfterMs", staleAfterMs, 1, 86400000),
          positive("staleCheckIntervalMs", staleCheckIntervalMs, 1, 600000)}) {
        if (!e.isEmpty())
            return e;
    }
    return {};
}

} // namespace bw
