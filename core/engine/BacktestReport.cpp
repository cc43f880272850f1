#include "engine/BacktestReport.h"

#include "trading/Order.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace bw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BacktestReport", text);
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

BacktestReport::BacktestReport(double startingEquity)
    : m_startEquity(startingEquity)
    , m_peak(startingEquity)
{}

void BacktestReport::setMeta(const QString &preset, const QString &dataPath, int symbols, qint64 firstMs, qint64 lastMs)
{
    m_preset = preset;
    m_data = dataPath;
    m_symbols = symbols;
    m_firstMs = firstMs;
    m_lastMs = lastMs;
}

void BacktestReport::addUpdate(const TradingUpdate &update)
{
    for (const Position &p : update.finished) {
        if (p.status != PositionStatus::Closed)
            continue;
        Trade t;
        t.positionId = p.id;
        t.symbol = p.symbol;
        t.side = toCode(p.side);
        t.strategy = toCode(p.strategy);
        t.openedMs = p.openedMs;
        t.closedMs = p.closedMs;
        t.avgEntry = p.avgEntry;
        t.qty = p.entryQty;
        t.netPnl = p.netRealisedUsd();
        t.fees = p.feesUsd;
        t.r = p.initialRiskUsd > 0 ? t.netPnl / p.initialRiskUsd : 0;
        t.exitReason = p.exitReason ? toCode(*p.exitReason) : QString();
        m_trades.append(t);
    }
}

void BacktestReport::addAccount(const AccountSnapshot &account)
{
    if (m_peak <= 0)
        m_peak = account.equity;
    m_peak = std::max(m_peak, account.equity);
    const double dd = m_peak - account.equity;
    m_maxDrawdownUsd = std::max(m_maxDrawdownUsd, dd);
    if (m_peak > 0)
        m_maxDrawdown = std::max(m_maxDrawdown, dd / m_peak);
    addPoint(account.timeMs, account.equity);
}

void BacktestReport::addPoint(qint64 timeMs, double equity)
{
    if (m_pointsSeen++ % m_curveStride != 0)
        return;
    m_curve.append({timeMs, equity});
    if (m_curve.size() > kMaxCurvePoints) {
        QList<EquityPoint> thinned;
        thinned.reserve(m_curve.size() / 2 + 1);
        for (qsizetype i = 0; i < m_curve.size(); i += 2)
            thinned.append(m_curve[i]);
        m_curve = thinned;
        m_curveStride *= 2;
    }
}

void BacktestReport::setFinalAccount(const AccountSnapshot &account, int openPositions)
{
    m_final = account;
    m_openAtEnd = openPositions;
}

double BacktestReport::winRate() const
{
    if (m_trades.isEmpty())
        return 0;
    const auto wins = std::count_if(m_trades.begin(), m_trades.end(), [](const Trade &t) { return t.netPnl > 0; });
    return double(wins) / double(m_trades.size());
}

std::optional<double> BacktestReport::profitFactor() const
{
    double won = 0;
    double lost = 0;
    for (const Trade &t : m_trades)
        (t.netPnl > 0 ? won : lost) += std::abs(t.netPnl);
    if (lost <= 0)
        return std::nullopt;
    return won / lost;
}

double BacktestReport::expectancyR() const
{
    if (m_trades.isEmpty())
        return 0;
    double sum = 0;
    for (const Trade &t : m_trades)
        sum += t.r;
    return sum / double(m_trades.size());
}

double BacktestReport::netPnl() const
{
    double sum = 0;
    for (const Trade &t : m_trades)
        sum += t.netPnl;
    return sum;
}

QJsonObject BacktestReport::toJson() const
{
    QJsonArray trades;
    for (const Trade &t : m_trades) {
        trades.append(QJsonObject{{QStringLiteral("id"), t.positionId},
                                  {QStringLiteral("symbol"), t.symbol},
                                  {QStringLiteral("side"), t.side},
                                  {QStringLiteral("strategy"), t.strategy},
                                  {QStringLiteral("opened"), isoTime(t.openedMs)},
                                  {QStringLiteral("closed"), isoTime(t.closedMs)},
                                  {QStringLiteral("avg_entry"), t.avgEntry},
                                  {QStringLiteral("qty"), t.qty},
                                  {QStringLiteral("net_pnl"), t.netPnl},
                                  {QStringLiteral("fees"), t.fees},
                                  {QStringLiteral("r"), t.r},
                                  {QStringLiteral("exit"), t.exitReason}});
    }
    QJsonArray curve;
    for (const EquityPoint &p : m_curve)
        curve.append(QJsonArray{p.timeMs, p.equity});
    const auto pf = profitFactor();
    return QJsonObject{
        {QStringLiteral("preset"), m_preset},
        {QStringLiteral("data"), m_data},
        {QStringLiteral("symbols"), m_symbols},
        {QStringLiteral("from"), isoTime(m_firstMs)},
        {QStringLiteral("to"), isoTime(m_lastMs)},
        {QStringLiteral("starting_equity"), m_startEquity},
        {QStringLiteral("final_equity"), m_final.equity},
        {QStringLiteral("final_cash"), m_final.cash},
        {QStringLiteral("open_positions_at_end"), m_openAtEnd},
        {QStringLiteral("trades"), int(m_trades.size())},
        {QStringLiteral("win_rate"), winRate()},
        {QStringLiteral("profit_factor"), pf ? QJsonValue(*pf) : QJsonValue()},
        {QStringLiteral("expectancy_r"), expectancyR()},
        {QStringLiteral("net_pnl"), netPnl()},
        {QStringLiteral("max_drawdown"), m_maxDrawdown},
        {QStringLiteral("max_drawdown_usd"), m_maxDrawdownUsd},
        {QStringLiteral("trade_list"), trades},
        {QStringLiteral("equity_curve"), curve},
    };
}

QString BacktestReport::summary() const
{
    const auto pf = profitFactor();
    QString out;
    out += tr("Replay of %1 symbols with preset %2, %3 to %4\n")
               .arg(m_symbols)
               .arg(m_preset, isoTime(m_firstMs), isoTime(m_lastMs));
    out += tr("Trades: %1, win rate %2 %, profit factor %3, expectancy %4 R\n")
               .arg(m_trades.size())
               .arg(winRate() * 100, 0, 'f', 1)
               .arg(pf ? QString::number(*pf, 'f', 2) : tr("n/a (no losing trade)"))
               .arg(expectancyR(), 0, 'f', 2);
    out += tr("Net PnL %1 USD; equity %2 -> %3 USD; max drawdown %4 % (%5 USD); %6 positions still open\n")
               .arg(netPnl(), 0, 'f', 2)
               .arg(m_startEquity, 0, 'f', 2)
               .arg(m_final.equity, 0, 'f', 2)
               .arg(m_maxDrawdown * 100, 0, 'f', 2)
               .arg(m_maxDrawdownUsd, 0, 'f', 2)
               .arg(m_openAtEnd);
    return out;
}

} // namespace bw
