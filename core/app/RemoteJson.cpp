#include "app/RemoteJson.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>
#include <limits>

namespace bw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("bw::RemoteJson", text);
}

QJsonValue num(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

// Reads fields of one object and keeps the first problem; the caller returns null when there was one.
struct Reader {
    const QJsonObject &o;
    QString error;

    void fail(const QString &what)
    {
        if (error.isEmpty())
            error = what;
    }
    double number(const char16_t *key, double fallback = 0)
    {
        const QJsonValue v = o.value(QStringView(key));
        if (v.isUndefined())
            return fallback;
        if (v.isNull())
            return std::numeric_limits<double>::quiet_NaN();
        if (!v.isDouble())
            fail(tr("field '%1' must be a number").arg(QString::fromUtf16(key)));
        return v.toDouble();
    }
    qint64 integer(const char16_t *key, qint64 fallback = 0)
    {
        const QJsonValue v = o.value(QStringView(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isDouble()) {
            fail(tr("field '%1' must be an integer").arg(QString::fromUtf16(key)));
            return fallback;
        }
        return v.toInteger();
    }
    QString text(const char16_t *key)
    {
        const QJsonValue v = o.value(QStringView(key));
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            fail(tr("field '%1' must be a string").arg(QString::fromUtf16(key)));
        return v.toString();
    }
    bool flag(const char16_t *key, bool fallback = false)
    {
        const QJsonValue v = o.value(QStringView(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isBool())
            fail(tr("field '%1' must be true or false").arg(QString::fromUtf16(key)));
        return v.toBool();
    }
    QString required(const char16_t *key)
    {
        const QString value = text(key);
        if (value.isEmpty())
            fail(tr("field '%1' is missing").arg(QString::fromUtf16(key)));
        return value;
    }
    // An enumeration stored by its code: `parse` maps the code back, or returns nullopt.
    template <typename E, typename Parse>
    E code(const char16_t *key, E fallback, Parse parse)
    {
        const QJsonValue v = o.value(QStringView(key));
        if (v.isUndefined())
            return fallback;
        const std::optional<E> value = parse(v.toString());
        if (!value) {
            fail(tr("field '%1' has an unknown value '%2'").arg(QString::fromUtf16(key), v.toString().left(64)));
            return fallback;
        }
        return *value;
    }
};

template <typename T>
std::optional<T> finish(T value, const Reader &r, const QString &what, QString *error)
{
    if (r.error.isEmpty())
        return value;
    if (error)
        *error = QStringLiteral("%1: %2").arg(what, r.error);
    return std::nullopt;
}

// Reverse of a name function over an enumeration of `count` values starting at 0.
template <typename E, typename Name>
auto byName(Name name, int count)
{
    return [name, count](const QString &text) -> std::optional<E> {
        for (int i = 0; i < count; ++i) {
            if (name(static_cast<E>(i)) == text)
                return static_cast<E>(i);
        }
        return std::nullopt;
    };
}

const auto engineStateFromCode = byName<EngineState>([](EngineState s) { return toCode(s); }, 8);
const auto pressureFromName = byName<PressureLevel>(pressureLevelName, 3);
const auto governorKindFromName = byName<GovernorActionKind>(governorActionKindName, 7);
const auto metricFromName = byName<Metric>(metricName, 6);
const auto alertLevelFromName = byName<AlertLevel>(alertLevelName, 3);

std::optional<Liquidity> liquidityFromCode(const QString &text)
{
    if (text == u"maker")
        return Liquidity::Maker;
    if (text == u"taker")
        return Liquidity::Taker;
    return std::nullopt;
}

std::optional<QtMsgType> logLevelFromName(const QString &text)
{
    for (QtMsgType level : {QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg, QtFatalMsg}) {
        if (RemoteJson::logLevelName(level) == text)
            return level;
    }
    return std::nullopt;
}

const QStringList &marketColumns()
{
    static const QStringList columns{QStringLiteral("symbol"),
                                     QStringLiteral("lastPrice"),
                                     QStringLiteral("changePct24h"),
                                     QStringLiteral("quoteVolume24h"),
                                     QStringLiteral("spreadBps"),
                                     QStringLiteral("tradesPerMinute"),
                                     QStringLiteral("lastClosedBarOpen"),
                                     QStringLiteral("stale")};
    return columns;
}

const QStringList &candleColumns()
{
    static const QStringList columns{QStringLiteral("openTime"),    QStringLiteral("open"),  QStringLiteral("high"),
                                     QStringLiteral("low"),         QStringLiteral("close"), QStringLiteral("volume"),
                                     QStringLiteral("quoteVolume"), QStringLiteral("trades")};
    return columns;
}

// Rows are read by the column names the sender listed, so a sender may add or reorder columns.
QList<int> columnIndexes(const QJsonArray &sent, const QStringList &wanted, QString *missing)
{
    QList<int> indexes;
    for (const QString &name : wanted) {
        int found = -1;
        for (int i = 0; i < sent.size(); ++i) {
            if (sent.at(i).toString() == name)
                found = i;
        }
        if (found < 0 && missing->isEmpty())
            *missing = name;
        indexes.append(found);
    }
    return indexes;
}

} // namespace

QJsonObject RemoteJson::engineEventToJson(const EngineEvent &e)
{
    return QJsonObject{
        {QStringLiteral("from"), toCode(e.from)},
        {QStringLiteral("to"), toCode(e.to)},
        {QStringLiteral("reason"), e.reason},
        {QStringLiteral("marketTime"), e.marketTimeMs},
    };
}

std::optional<EngineEvent> RemoteJson::engineEventFromJson(const QJsonObject &json, QString *error)
{
    Reader r{json, {}};
    EngineEvent e;
    e.from = r.code(u"from", EngineState::Idle, engineStateFromCode);
    e.to = r.code(u"to", EngineState::Idle, engineStateFromCode);
    e.reason = r.text(u"reason");
    e.marketTimeMs = r.integer(u"marketTime");
    return finish(e, r, tr("engine transition"), error);
}

QJsonObject RemoteJson::engineStatusToJson(const EngineStatus &s, const std::optional<EngineEvent> &transition,
                                           const QStringList &presets)
{
    const bool running =
        s.state != EngineState::Idle && s.state != EngineState::Stopped && s.state != EngineState::Error;
    QJsonObject o{
        {QStringLiteral("state"), toCode(s.state)},
        {QStringLiteral("running"), running},
        {QStringLiteral("preset"), s.presetName},
        {QStringLiteral("source"), s.source},
        {QStringLiteral("symbols"), s.symbols},
        {QStringLiteral("marketTime"), s.marketTimeMs},
        {QStringLiteral("lastScan"), s.lastScanMs},
        {QStringLiteral("lastScanDurationMs"), num(s.lastScanDurationMs)},
        {QStringLiteral("scans"), s.scans},
        {QStringLiteral("candidates"), s.candidates},
        {QStringLiteral("signals"), s.signalsTotal},
        {QStringLiteral("entries"), s.entriesTotal},
        {QStringLiteral("openPositions"), s.openPositions},
        {QStringLiteral("closedTrades"), s.closedTrades},
        {QStringLiteral("equity"), num(s.equity)},
        {QStringLiteral("cash"), num(s.cash)},
        {QStringLiteral("killSwitch"), s.killSwitch},
        {QStringLiteral("feedProgress"), num(s.feedProgress)},
        {QStringLiteral("reason"), s.lastReason},
    };
    if (transition)
        o.insert(QStringLiteral("transition"), engineEventToJson(*transition));
    if (!presets.isEmpty())
        o.insert(QStringLiteral("presets"), QJsonArray::fromStringList(presets));
    return o;
}

std::optional<EngineStatus> RemoteJson::engineStatusFromJson(const QJsonObject &json, QString *error)
{
    Reader r{json, {}};
    EngineStatus s;
    s.state = r.code(u"state", EngineState::Idle, engineStateFromCode);
    s.presetName = r.text(u"preset");
    s.source = r.text(u"source");
    s.symbols = int(r.integer(u"symbols"));
    s.marketTimeMs = r.integer(u"marketTime");
    s.lastScanMs = r.integer(u"lastScan");
    s.lastScanDurationMs = r.number(u"lastScanDurationMs");
    s.scans = int(r.integer(u"scans"));
    s.candidates = int(r.integer(u"candidates"));
    s.signalsTotal = int(r.integer(u"signals"));
    s.entriesTotal = int(r.integer(u"entries"));
    s.openPositions = int(r.integer(u"openPositions"));
    s.closedTrades = int(r.integer(u"closedTrades"));
    s.equity = r.number(u"equity");
    s.cash = r.number(u"cash");
    s.killSwitch = r.flag(u"killSwitch");
    s.feedProgress = r.number(u"feedProgress", -1);
    s.lastReason = r.text(u"reason");
    return finish(s, r, tr("engine status"), error);
}

QJsonObject RemoteJson::signalToJson(const Signal &s)
{
    return QJsonObject{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("symbol"), s.symbol},
        {QStringLiteral("side"), toCode(s.side)},
        {QStringLiteral("strategy"), toCode(s.strategy)},
        {QStringLiteral("entry"), num(s.entry)},
        {QStringLiteral("level"), num(s.level)},
        {QStringLiteral("stop"), num(s.stop)},
        {QStringLiteral("tp1"), num(s.tp1)},
        {QStringLiteral("tp2"), num(s.tp2)},
        {QStringLiteral("initialRiskPerUnit"), num(s.initialRiskPerUnit)},
        {QStringLiteral("confidence"), num(s.confidence)},
        {QStringLiteral("atr"), num(s.atr)},
        {QStringLiteral("btcCorrelation"), num(s.btcCorrelation)},
        {QStringLiteral("created"), s.createdMs},
        {QStringLiteral("expires"), s.expiresMs},
        {QStringLiteral("reason"), s.reason},
    };
}

std::optional<Signal> RemoteJson::signalFromJson(const QJsonObject &json, QString *error)
{
    Reader r{json, {}};
    Signal s;
    s.id = r.required(u"id");
    s.symbol = r.required(u"symbol");
    s.side = r.code(u"side", TradeSide::Long, tradeSideFromString);
    s.strategy = r.code(u"strategy", SignalStrategy::Momentum, signalStrategyFromString);
    s.entry = r.number(u"entry");
    s.level = r.number(u"level");
    s.stop = r.number(u"stop");
    s.tp1 = r.number(u"tp1");
    s.tp2 = r.number(u"tp2");
    s.initialRiskPerUnit = r.number(u"initialRiskPerUnit");
    s.confidence = r.number(u"confidence");
    s.atr = r.number(u"atr");
    s.btcCorrelation = r.number(u"btcCorrelation");
    s.createdMs = r.integer(u"created");
    s.expiresMs = r.integer(u"expires");
    s.reason = r.text(u"reason");
    return finish(s, r, tr("signal"), error);
}

QJsonObject RemoteJson::orderToJson(const Order &o)
{
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("order")},
        {QStringLiteral("id"), o.id},
        {QStringLiteral("positionId"), o.positionId},
        {QStringLiteral("symbol"), o.symbol},
        {QStringLiteral("side"), toCode(o.side)},
        {QStringLiteral("type"), toCode(o.type)},
        {QStringLiteral("purpose"), toCode(o.purpose)},
        {QStringLiteral("status"), toCode(o.status)},
        {QStringLiteral("qty"), num(o.qty)},
        {QStringLiteral("limitPrice"), num(o.limitPrice)},
        {QStringLiteral("stopPrice"), num(o.stopPrice)},
        {QStringLiteral("reduceOnly"), o.reduceOnly},
        {QStringLiteral("triggered"), o.triggered},
        {QStringLiteral("filledQty"), num(o.filledQty)},
        {QStringLiteral("avgFillPrice"), num(o.avgFillPrice)},
        {QStringLiteral("feesUsd"), num(o.feesUsd)},
        {QStringLiteral("created"), o.createdMs},
        {QStringLiteral("updated"), o.updatedMs},
        {QStringLiteral("reason"), o.reason},
        {QStringLiteral("note"), o.note},
    };
}

std::optional<Order> RemoteJson::orderFromJson(const QJsonObject &json, QString *error)
{
    Reader r{json, {}};
    Order o;
    o.id = r.integer(u"id");
    o.positionId = r.integer(u"positionId");
    o.symbol = r.required(u"symbol");
    o.side = r.code(u"side", OrderSide::Buy, orderSideFromString);
    o.type = r.code(u"type", OrderType::Market, orderTypeFromString);
    o.purpose = r.code(u"purpose", OrderPurpose::Manual, orderPurposeFromString);
    o.status = r.code(u"status", OrderStatus::Open, orderStatusFromString);
    o.qty = r.number(u"qty");
    o.limitPrice = r.number(u"limitPrice");
    o.stopPrice = r.number(u"stopPrice");
    o.reduceOnly = r.flag(u"reduceOnly");
    o.triggered = r.flag(u"triggered");
    o.filledQty = r.number(u"filledQty");
    o.avgFillPrice = r.number(u"avgFillPrice");
    o.feesUsd = r.number(u"feesUsd");
    o.createdMs = r.integer(u"created");
    o.updatedMs = r.integer(u"updated");
    o.reason = r.text(u"reason");
    // Absent from servers older than the note: empty. Bounded as the broker bounds it, as a viewer should
    // not trust a server to have done so.
    o.note = boundedOrderNote(r.text(u"note"));
    return finish(o, r, tr("order"), error);
}

QJsonObject RemoteJson::fillToJson(const Fill &f)
{
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("fill")},
        {QStringLiteral("id"), f.id},
        {QStringLiteral("orderId"), f.orderId},
        {QStringLiteral("positionId"), f.positionId},
        {QStringLiteral("symbol"), f.symbol},
        {QStringLiteral("side"), toCode(f.side)},
        {QStringLiteral("purpose"), toCode(f.purpose)},
        {QStringLiteral("qty"), num(f.qty)},
        {QStringLiteral("price"), num(f.price)},
        {QStringLiteral("feeUsd"), num(f.feeUsd)},
        {QStringLiteral("liquidity"),
         f.liquidity == Liquidity::Maker ? QStringLiteral("maker") : QStringLiteral("taker")},
        {QStringLiteral("realisedPnlUsd"), num(f.realisedPnlUsd)},
        {QStringLiteral("time"), f.timeMs},
    };
}

std::optional<Fill> RemoteJson::fillFromJson(const QJsonObject &json, QString *error)
{
    Reader r{json, {}};
    Fill f;
    f.id = r.integer(u"id");
    f.orderId = r.integer(u"orderId");
    f.positionId = r.integer(u"positionId");
    f.symbol = r.required(u"symbol");
    f.side = r.code(u"side", OrderSide::Buy, orderSideFromString);
    f.purpose = r.code(u"purpose", OrderPurpose::Manual, orderPurposeFromString);
    f.qty = r.number(u"qty");
    f.price = r.number(u"price");
    f.feeUsd = r.number(u"feeUsd");
    f.liquidity = r.code(u"liquidity", Liquidity::Taker, liquidityFromCode);
    f.realisedPnlUsd = r.number(u"realisedPnlUsd");
    f.timeMs = r.integer(u"time");
    return finish(f, r, tr("fill"), error);
}

QJsonObject RemoteJson::positionToJson(const Position &p)
{
    const double mark = p.lastPrice > 0 ? p.lastPrice : p.avgEntry;
    QJsonObject o{
        {QStringLiteral("id"), p.id},
        {QStringLiteral("signalId"), p.signalId},
        {QStringLiteral("symbol"), p.symbol},
        {QStringLiteral("side"), toCode(p.side)},
        {QStringLiteral("strategy"), toCode(p.strategy)},
        {QStringLiteral("status"), toCode(p.status)},
        {QStringLiteral("submitted"), p.submittedMs},
        {QStringLiteral("opened"), p.openedMs},
        {QStringLiteral("closed"), p.closedMs},
        {QStringLiteral("targetQty"), num(p.targetQty)},
        {QStringLiteral("entryQty"), num(p.entryQty)},
        {QStringLiteral("qty"), num(p.qty)},
        {QStringLiteral("entry"), num(p.avgEntry)},
        {QStringLiteral("initialStop"), num(p.initialStop)},
        {QStringLiteral("initialRiskPerUnit"), num(p.initialRiskPerUnit)},
        {QStringLiteral("initialRiskUsd"), num(p.initialRiskUsd)},
        {QStringLiteral("stop"), num(p.stop)},
        {QStringLiteral("stopKind"), toCode(p.stopKind)},
        {QStringLiteral("tp1"), num(p.tp1Price)},
        {QStringLiteral("tp2"), num(p.tp2Price)},
        {QStringLiteral("tp1Done"), p.tp1Done},
        {QStringLiteral("tp2Done"), p.tp2Done},
        {QStringLiteral("entryComplete"), p.entryComplete},
        {QStringLiteral("highestSinceEntry"), num(p.highestSinceEntry)},
        {QStringLiteral("lowestSinceEntry"), num(p.lowestSinceEntry)},
        {QStringLiteral("atr"), num(p.atr)},
        {QStringLiteral("btcCorrelation"), num(p.btcCorrelation)},
        {QStringLiteral("lastPrice"), num(p.lastPrice)},
        {QStringLiteral("realisedPnlUsd"), num(p.realisedPnlUsd)},
        {QStringLiteral("feesUsd"), num(p.feesUsd)},
        {QStringLiteral("entryOrderId"), p.entryOrderId},
        {QStringLiteral("exitOrderId"), p.exitOrderId},
        // Derived, for simple clients: the mark and the PnL at it, in $ and in R.
        {QStringLiteral("mark"), num(mark)},
        {QStringLiteral("pnlUsd"), num(p.realisedPnlUsd + p.unrealisedPnlUsd(mark) - p.feesUsd)},
        {QStringLiteral("r"), num(p.pnlR(mark))},
    };
    if (p.exitReason)
        o.insert(QStringLiteral("exitReason"), toCode(*p.exitReason));
    return o;
}

std::optional<Position> RemoteJson::positionFromJson(const QJsonObject &json, QString *error)
{
    Reader r{json, {}};
    Position p;
    p.id = r.integer(u"id");
    p.signalId = r.text(u"signalId");
    p.symbol = r.required(u"symbol");
    p.side = r.code(u"side", TradeSide::Long, tradeSideFromString);
    p.strategy = r.code(u"strategy", SignalStrategy::Momentum, signalStrategyFromString);
    p.status = r.code(u"status", PositionStatus::Pending, positionStatusFromString);
    p.submittedMs = r.integer(u"submitted");
    p.openedMs = r.integer(u"opened");
    p.closedMs = r.integer(u"closed");
    p.targetQty = r.number(u"targetQty");
    p.entryQty = r.number(u"entryQty");
    p.qty = r.number(u"qty");
    p.avgEntry = r.number(u"entry");
    p.initialStop = r.number(u"initialStop");
    p.initialRiskPerUnit = r.number(u"initialRiskPerUnit");
    p.initialRiskUsd = r.number(u"initialRiskUsd");
    p.stop = r.number(u"stop");
    p.stopKind = r.code(u"stopKind", StopKind::Initial, stopKindFromString);
    p.tp1Price = r.number(u"tp1");
    p.tp2Price = r.number(u"tp2");
    p.tp1Done = r.flag(u"tp1Done");
    p.tp2Done = r.flag(u"tp2Done");
    p.entryComplete = r.flag(u"entryComplete");
    p.highestSinceEntry = r.number(u"highestSinceEntry");
    p.lowestSinceEntry = r.number(u"lowestSinceEntry");
    p.atr = r.number(u"atr");
    p.btcCorrelation = r.number(u"btcCorrelation");
    p.lastPrice = r.number(u"lastPrice");
    p.realisedPnlUsd = r.number(u"realisedPnlUsd");
    p.feesUsd = r.number(u"feesUsd");
    p.entryOrderId = r.integer(u"entryOrderId");
    p.exitOrderId = r.integer(u"exitOrderId");
    if (json.contains(u"exitReason"))
        p.exitReason = r.code(u"exitReason", OrderPurpose::Manual, orderPurposeFromString);
    return finish(p, r, tr("position"), error);
}

QJsonObject RemoteJson::accountToJson(const AccountSnapshot &a)
{
    return QJsonObject{
        {QStringLiteral("time"), a.timeMs},
        {QStringLiteral("cash"), num(a.cash)},
        {QStringLiteral("unrealisedPnl"), num(a.unrealisedPnl)},
        {QStringLiteral("equity"), num(a.equity)},
    };
}

std::optional<AccountSnapshot> RemoteJson::accountFromJson(const QJsonObject &json, QString *error)
{
    Reader r{json, {}};
    AccountSnapshot a;
    a.timeMs = r.integer(u"time");
    a.cash = r.number(u"cash");
    a.unrealisedPnl = r.number(u"unrealisedPnl");
    a.equity = r.number(u"equity");
    return finish(a, r, tr("account"), error);
}

QJsonObject RemoteJson::resourceSampleToJson(const ResourceSample &s)
{
    const ProcessSample &p = s.process;
    const SystemSample &y = s.system;
    const AllocatorStats &a = s.allocator;
    QJsonArray cores;
    for (double c : y.coreCpuPercent)
        cores.append(num(c));
    return QJsonObject{
        {QStringLiteral("time"), s.timeMs},
        // The headline figures, flat, for simple clients.
        {QStringLiteral("cpuPercent"), num(p.cpuPercent)},
        {QStringLiteral("rssBytes"), p.rssBytes},
        {QStringLiteral("vmsBytes"), p.vmsBytes},
        {QStringLiteral("threads"), p.threads},
        {QStringLiteral("openFiles"), p.openFiles},
        {QStringLiteral("systemCpuPercent"), num(y.cpuPercent)},
        {QStringLiteral("systemMemoryPercent"), num(y.memPercent)},
        {QStringLiteral("process"),
         QJsonObject{
             {QStringLiteral("pid"), p.pid},
             {QStringLiteral("name"), p.name},
             {QStringLiteral("state"), QString(QLatin1Char(p.state))},
             {QStringLiteral("startTimeTicks"), p.startTimeTicks},
             {QStringLiteral("cpuPercent"), num(p.cpuPercent)},
             {QStringLiteral("cpuTimeMs"), p.cpuTimeMs},
             {QStringLiteral("rssBytes"), p.rssBytes},
             {QStringLiteral("vmsBytes"), p.vmsBytes},
             {QStringLiteral("sharedBytes"), p.sharedBytes},
             {QStringLiteral("pssBytes"), p.pssBytes},
             {QStringLiteral("swapBytes"), p.swapBytes},
             {QStringLiteral("peakRssBytes"), p.peakRssBytes},
             {QStringLiteral("memoryPercent"), num(p.memoryPercent)},
             {QStringLiteral("threads"), p.threads},
             {QStringLiteral("openFiles"), p.openFiles},
             {QStringLiteral("sockets"), p.sockets},
             {QStringLiteral("minorFaults"), p.minorFaults},
             {QStringLiteral("majorFaults"), p.majorFaults},
             {QStringLiteral("ioReadBytes"), p.ioReadBytes},
             {QStringLiteral("ioWriteBytes"), p.ioWriteBytes},
         }},
        {QStringLiteral("system"),
         QJsonObject{
             {QStringLiteral("memTotalBytes"), y.memTotalBytes},
             {QStringLiteral("memAvailableBytes"), y.memAvailableBytes},
             {QStringLiteral("memUsedBytes"), y.memUsedBytes},
             {QStringLiteral("memPercent"), num(y.memPercent)},
             {QStringLiteral("swapTotalBytes"), y.swapTotalBytes},
             {QStringLiteral("swapUsedBytes"), y.swapUsedBytes},
             {QStringLiteral("swapPercent"), num(y.swapPercent)},
             {QStringLiteral("cpuPercent"), num(y.cpuPercent)},
             {QStringLiteral("coreCpuPercent"), cores},
             {QStringLiteral("cpuCount"), y.cpuCount},
             {QStringLiteral("load1"), num(y.load1)},
             {QStringLiteral("load5"), num(y.load5)},
             {QStringLiteral("load15"), num(y.load15)},
             {QStringLiteral("diskPath"), y.diskPath},
             {QStringLiteral("diskTotalBytes"), y.diskTotalBytes},
             {QStringLiteral("diskFreeBytes"), y.diskFreeBytes},
             {QStringLiteral("diskUsedBytes"), y.diskUsedBytes},
             {QStringLiteral("diskPercent"), num(y.diskPercent)},
         }},
        {QStringLiteral("allocator"),
         QJsonObject{
             {QStringLiteral("available"), a.available},
             {QStringLiteral("arenaBytes"), a.arenaBytes},
             {QStringLiteral("mmappedBytes"), a.mmappedBytes},
             {QStringLiteral("inUseBytes"), a.inUseBytes},
             {QStringLiteral("freeBytes"), a.freeBytes},
             {QStringLiteral("releasableBytes"), a.releasableBytes},
         }},
    };
}

std::optional<ResourceSample> RemoteJson::resourceSampleFromJson(const QJsonObject &json, QString *error)
{
    Reader top{json, {}};
    ResourceSample s;
    s.timeMs = top.integer(u"time");
    const QJsonObject process = json.value(u"process").toObject();
    Reader p{process.isEmpty() ? json : process, {}};
    s.process.pid = p.integer(u"pid");
    s.process.name = p.text(u"name");
    const QString state = p.text(u"state");
    s.process.state = state.isEmpty() ? '?' : state.at(0).toLatin1();
    s.process.startTimeTicks = p.integer(u"startTimeTicks");
    s.process.cpuPercent = p.number(u"cpuPercent");
    s.process.cpuTimeMs = p.integer(u"cpuTimeMs");
    s.process.rssBytes = p.integer(u"rssBytes");
    s.process.vmsBytes = p.integer(u"vmsBytes");
    s.process.sharedBytes = p.integer(u"sharedBytes");
    s.process.pssBytes = p.integer(u"pssBytes", -1);
    s.process.swapBytes = p.integer(u"swapBytes", -1);
    s.process.peakRssBytes = p.integer(u"peakRssBytes", -1);
    s.process.memoryPercent = p.number(u"memoryPercent");
    s.process.threads = p.integer(u"threads");
    s.process.openFiles = p.integer(u"openFiles", -1);
    s.process.sockets = p.integer(u"sockets", -1);
    s.process.minorFaults = p.integer(u"minorFaults");
    s.process.majorFaults = p.integer(u"majorFaults");
    s.process.ioReadBytes = p.integer(u"ioReadBytes", -1);
    s.process.ioWriteBytes = p.integer(u"ioWriteBytes", -1);
    const QJsonObject system = json.value(u"system").toObject();
    Reader y{system, {}};
    s.system.memTotalBytes = y.integer(u"memTotalBytes");
    s.system.memAvailableBytes = y.integer(u"memAvailableBytes");
    s.system.memUsedBytes = y.integer(u"memUsedBytes");
    s.system.memPercent = system.isEmpty() ? top.number(u"systemMemoryPercent") : y.number(u"memPercent");
    s.system.swapTotalBytes = y.integer(u"swapTotalBytes");
    s.system.swapUsedBytes = y.integer(u"swapUsedBytes");
    s.system.swapPercent = y.number(u"swapPercent");
    s.system.cpuPercent = system.isEmpty() ? top.number(u"systemCpuPercent") : y.number(u"cpuPercent");
    const QJsonArray cores = system.value(u"coreCpuPercent").toArray();
    for (const QJsonValue &c : cores)
        s.system.coreCpuPercent.append(c.toDouble());
    s.system.cpuCount = int(y.integer(u"cpuCount"));
    s.system.load1 = y.number(u"load1");
    s.system.load5 = y.number(u"load5");
    s.system.load15 = y.number(u"load15");
    s.system.diskPath = y.text(u"diskPath");
    s.system.diskTotalBytes = y.integer(u"diskTotalBytes", -1);
    s.system.diskFreeBytes = y.integer(u"diskFreeBytes", -1);
    s.system.diskUsedBytes = y.integer(u"diskUsedBytes", -1);
    s.system.diskPercent = y.number(u"diskPercent");
    const QJsonObject allocator = json.value(u"allocator").toObject();
    Reader a{allocator, {}};
    s.allocator.available = a.flag(u"available");
    s.allocator.arenaBytes = a.integer(u"arenaBytes");
    s.allocator.mmappedBytes = a.integer(u"mmappedBytes");
    s.allocator.inUseBytes = a.integer(u"inUseBytes");
    s.allocator.freeBytes = a.integer(u"freeBytes");
    s.allocator.releasableBytes = a.integer(u"releasableBytes");
    for (const Reader *r : {&top, &p, &y, &a}) {
        if (!r->error.isEmpty())
            return finish(s, *r, tr("resource sample"), error);
    }
    return s;
}

QJsonObject RemoteJson::alertToJson(const AlertEvent &a)
{
    return QJsonObject{
        {QStringLiteral("time"), a.timeMs},
        {QStringLiteral("metric"), metricName(a.metric)},
        {QStringLiteral("value"), num(a.value)},
        {QStringLiteral("threshold"), num(a.threshold)},
        {QStringLiteral("level"), alertLevelName(a.level)},
        {QStringLiteral("text"), a.describe()},
    };
}

std::optional<AlertEvent> RemoteJson::alertFromJson(const QJsonObject &json, QString *error)
{
    Reader r{json, {}};
    AlertEvent a;
    a.timeMs = r.integer(u"time");
    a.metric = r.code(u"metric", Metric::SystemCpu, metricFromName);
    a.value = r.number(u"value");
    a.threshold = r.number(u"threshold");
    a.level = r.code(u"level", AlertLevel::Normal, alertLevelFromName);
    return finish(a, r, tr("alert"), error);
}

QJsonObject RemoteJson::viewerStatsToJson(const ViewerStats &v)
{
    return QJsonObject{
        {QStringLiteral("clients"), v.clients},
        {QStringLiteral("queuedBytes"), v.queuedBytes},
        {QStringLiteral("dropped"), v.drops},
        {QStringLiteral("resyncs"), v.resyncs},
    };
}

std::optional<ViewerStats> RemoteJson::viewerStatsFromJson(const QJsonObject &totals, QString *error)
{
    Reader r{totals, {}};
    ViewerStats v;
    v.clients = int(r.integer(u"clients"));
    v.queuedBytes = r.integer(u"queuedBytes");
    v.drops = r.integer(u"dropped");
    v.resyncs = r.integer(u"resyncs");
    return finish(v, r, tr("viewer statistics"), error);
}

QJsonObject RemoteJson::governorActionToJson(const GovernorAction &a)
{
    return QJsonObject{
        {QStringLiteral("time"), a.timeMs},
        {QStringLiteral("level"), pressureLevelName(a.level)},
        {QStringLiteral("kind"), governorActionKindName(a.kind)},
        {QStringLiteral("reason"), a.reason},
        {QStringLiteral("detail"), a.detail},
    };
}

std::optional<GovernorAction> RemoteJson::governorActionFromJson(const QJsonObject &json, QString *error)
{
    Reader r{json, {}};
    GovernorAction a;
    a.timeMs = r.integer(u"time");
    a.level = r.code(u"level", PressureLevel::Normal, pressureFromName);
    a.kind = r.code(u"kind", GovernorActionKind::LevelChanged, governorKindFromName);
    a.reason = r.text(u"reason");
    a.detail = r.text(u"detail");
    return finish(a, r, tr("governor action"), error);
}

QJsonObject RemoteJson::cacheStatsToJson(const CacheStats &c)
{
    return QJsonObject{
        {QStringLiteral("name"), c.name},
        {QStringLiteral("size"), c.size},
        {QStringLiteral("capacity"), c.capacity},
        {QStringLiteral("hits"), c.hits},
        {QStringLiteral("misses"), c.misses},
        {QStringLiteral("evictions"), c.evictions},
        {QStringLiteral("expirations"), c.expirations},
        {QStringLiteral("replacements"), c.replacements},
        {QStringLiteral("hitRate"), c.hitRate()},
        {QStringLiteral("estimatedBytes"), c.estimatedBytes},
        {QStringLiteral("evictable"), c.evictable},
    };
}

std::optional<CacheStats> RemoteJson::cacheStatsFromJson(const QJsonObject &json, QString *error)
{
    Reader r{json, {}};
    CacheStats c;
    c.name = r.required(u"name");
    c.size = r.integer(u"size");
    c.capacity = r.integer(u"capacity");
    c.hits = r.integer(u"hits");
    c.misses = r.integer(u"misses");
    c.evictions = r.integer(u"evictions");
    c.expirations = r.integer(u"expirations");
    c.replacements = r.integer(u"replacements"); // absent from servers before session 4: none counted
    c.estimatedBytes = r.integer(u"estimatedBytes");
    c.evictable = r.flag(u"evictable", true);
    return finish(c, r, tr("cache"), error);
}

QString RemoteJson::logLevelName(QtMsgType level)
{
    switch (level) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("critical");
    case QtFatalMsg:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("info");
}

QJsonObject RemoteJson::logLineToJson(const LogLine &line)
{
    return QJsonObject{
        {QStringLiteral("time"), line.timeMs},
        {QStringLiteral("level"), logLevelName(line.level)},
        {QStringLiteral("category"), line.category},
        {QStringLiteral("message"), line.message},
    };
}

std::optional<LogLine> RemoteJson::logLineFromJson(const QJsonObject &json, QString *error)
{
    Reader r{json, {}};
    LogLine line;
    line.timeMs = r.integer(u"time");
    // "error" is what older bridges sent for failures.
    const QString level = json.value(u"level").toString();
    line.level = level == u"error" ? QtCriticalMsg : r.code(u"level", QtInfoMsg, logLevelFromName);
    line.category = r.text(u"category");
    line.message = r.text(u"message");
    return finish(line, r, tr("log line"), error);
}

QJsonObject RemoteJson::marketOverviewToJson(const MarketOverview &m)
{
    QJsonArray rows;
    for (const SymbolOverview &s : m.symbols) {
        rows.append(QJsonArray{s.symbol, num(s.lastPrice), num(s.changePct24h), num(s.quoteVolume24h), num(s.spreadBps),
                               num(s.tradesPerMinute), s.lastClosedBarOpenMs, s.stale});
    }
    return QJsonObject{
        {QStringLiteral("source"), m.sourceName},
        {QStringLiteral("marketTime"), m.marketTimeMs},
        {QStringLiteral("barIntervalMs"), m.barIntervalMs},
        {QStringLiteral("formingBarOpen"), m.formingBarOpenMs},
        {QStringLiteral("backfilling"), m.backfilling},
        {QStringLiteral("backfillDone"), m.backfillDone},
        {QStringLiteral("backfillTotal"), m.backfillTotal},
        {QStringLiteral("storeBytes"), m.storeBytes},
        {QStringLiteral("columns"), QJsonArray::fromStringList(marketColumns())},
        {QStringLiteral("symbols"), rows},
    };
}

std::optional<MarketOverview> RemoteJson::marketOverviewFromJson(const QJsonObject &json, QString *error)
{
    Reader r{json, {}};
    MarketOverview m;
    m.sourceName = r.text(u"source");
    m.marketTimeMs = r.integer(u"marketTime");
    m.barIntervalMs = r.integer(u"barIntervalMs");
    m.formingBarOpenMs = r.integer(u"formingBarOpen");
    m.backfilling = r.flag(u"backfilling");
    m.backfillDone = int(r.integer(u"backfillDone"));
    m.backfillTotal = int(r.integer(u"backfillTotal"));
    m.storeBytes = r.integer(u"storeBytes");
    QString missing;
    const QList<int> at = columnIndexes(json.value(u"columns").toArray(), marketColumns(), &missing);
    if (!missing.isEmpty() && !json.value(u"symbols").toArray().isEmpty())
        r.fail(tr("field 'columns' does not list '%1'").arg(missing));
    const QJsonArray rows = json.value(u"symbols").toArray();
    if (r.error.isEmpty()) {
        m.symbols.reserve(rows.size());
        for (const QJsonValue &value : rows) {
            const QJsonArray row = value.toArray();
            SymbolOverview s;
            s.symbol = row.at(at[0]).toString();
            const auto number = [&row](int i) {
                const QJsonValue v = row.at(i);
                return v.isNull() ? std::numeric_limits<double>::quiet_NaN() : v.toDouble();
            };
            s.lastPrice = number(at[1]);
            s.changePct24h = number(at[2]);
            s.quoteVolume24h = number(at[3]);
            s.spreadBps = number(at[4]);
            s.tradesPerMinute = number(at[5]);
            s.lastClosedBarOpenMs = row.at(at[6]).toInteger();
            s.stale = row.at(at[7]).toBool();
            if (s.symbol.isEmpty()) {
                r.fail(tr("a row of 'symbols' has no symbol"));
                break;
            }
            m.symbols.append(s);
        }
    }
    return finish(m, r, tr("market overview"), error);
}

QJsonObject RemoteJson::candlesToJson(const QString &symbol, qint64 intervalMs, const QList<Candle> &candles)
{
    QJsonArray bars;
    for (const Candle &c : candles) {
        bars.append(QJsonArray{c.openTimeMs, num(c.open), num(c.high), num(c.low), num(c.close), num(c.volume),
                               num(c.quoteVolume), c.trades});
    }
    return QJsonObject{
        {QStringLiteral("symbol"), symbol},
        {QStringLiteral("intervalMs"), intervalMs},
        {QStringLiteral("columns"), QJsonArray::fromStringList(candleColumns())},
        {QStringLiteral("bars"), bars},
    };
}

std::optional<QList<Candle>> RemoteJson::candlesFromJson(const QJsonObject &json, QString *error)
{
    Reader r{json, {}};
    QString missing;
    const QList<int> at = columnIndexes(json.value(u"columns").toArray(), candleColumns(), &missing);
    const QJsonArray bars = json.value(u"bars").toArray();
    if (!missing.isEmpty() && !bars.isEmpty())
        r.fail(tr("field 'columns' does not list '%1'").arg(missing));
    QList<Candle> candles;
    if (r.error.isEmpty()) {
        candles.reserve(bars.size());
        for (const QJsonValue &value : bars) {
            const QJsonArray row = value.toArray();
            Candle c;
            c.openTimeMs = row.at(at[0]).toInteger();
            c.open = row.at(at[1]).toDouble();
            c.high = row.at(at[2]).toDouble();
            c.low = row.at(at[3]).toDouble();
            c.close = row.at(at[4]).toDouble();
            c.volume = row.at(at[5]).toDouble();
            c.quoteVolume = row.at(at[6]).toDouble();
            c.trades = row.at(at[7]).toInteger();
            c.closed = true; // the server sends closed bars only
            candles.append(c);
        }
    }
    return finish(candles, r, tr("candles"), error);
}

} // namespace bw
