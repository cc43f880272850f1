#include "trading/RiskManager.h"

#include "common/Clock.h"
#include "trading/TradingLog.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cmath>

namespace bw {

namespace {

constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

QString tr(const char *text)
{
    return QCoreApplication::translate("RiskManager", text);
}

QString percent(double fraction)
{
    return QString::number(fraction * 100.0, 'f', 2) + QLatin1Char('%');
}

QString utcTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

QJsonObject RiskState::toJson() const
{
    return QJsonObject{
        {QStringLiteral("hasBaseline"), hasBaseline},
        {QStringLiteral("dayStartMs"), double(dayStartMs)},
        {QStringLiteral("dailyBaseline"), dailyBaseline},
        {QStringLiteral("lastEquity"), lastEquity},
        {QStringLiteral("peakEquity"), peakEquity},
        {QStringLiteral("dailyLimitHit"), dailyLimitHit},
        {QStringLiteral("killSwitch"), killSwitch},
        {QStringLiteral("killSwitchMs"), double(killSwitchMs)},
        {QStringLiteral("killSwitchReason"), killSwitchReason},
        {QStringLiteral("consecutiveLosses"), consecutiveLosses},
        {QStringLiteral("cooldownUntilMs"), double(cooldownUntilMs)},
    };
}

RiskState RiskState::fromJson(const QJsonObject &json)
{
    RiskState s;
    s.hasBaseline = json.value(QStringLiteral("hasBaseline")).toBool();
    s.dayStartMs = qint64(json.value(QStringLiteral("dayStartMs")).toDouble());
    s.dailyBaseline = json.value(QStringLiteral("dailyBaseline")).toDouble();
    s.lastEquity = json.value(QStringLiteral("lastEquity")).toDouble();
    s.peakEquity = json.value(QStringLiteral("peakEquity")).toDouble();
    s.dailyLimitHit = json.value(QStringLiteral("dailyLimitHit")).toBool();
    s.killSwitch = json.value(QStringLiteral("killSwitch")).toBool();
    s.killSwitchMs = qint64(json.value(QStringLiteral("killSwitchMs")).toDouble());
    s.killSwitchReason = json.value(QStringLiteral("killSwitchReason")).toString();
    s.consecutiveLosses = json.value(QStringLiteral("consecutiveLosses")).toInt();
    s.cooldownUntilMs = qint64(json.value(QStringLiteral("cooldownUntilMs")).toDouble());
    return s;
}

RiskManager::RiskManager(const RiskConfig &config, const Clock &clock)
    : m_config(config)
    , m_clock(clock)
{}

qint64 RiskManager::utcDayStart(qint64 ms)
{
    // Floor division, so times before 1970 would still land on their own day.
    qint64 day = ms / kDayMs;
    if (ms % kDayMs < 0)
        --day;
    return day * kDayMs;
}

double RiskManager::drawdown() const
{
    if (!(m_state.peakEquity > 0))
        return 0.0;
    return std::max(0.0, (m_state.peakEquity - m_state.lastEquity) / m_state.peakEquity);
}

bool RiskManager::isCoolingDown() const
{
    return m_state.cooldownUntilMs > m_clock.nowMs();
}

bool RiskManager::updateEquity(double equity)
{
    if (!std::isfinite(equity))
        return false;
    const qint64 now = m_clock.nowMs();
    const qint64 day = utcDayStart(now);
    if (!m_state.hasBaseline) {
        m_state.hasBaseline = true;
        m_state.dayStartMs = day;
        m_state.dailyBaseline = equity;
        m_state.peakEquity = equity;
    } else if (day != m_state.dayStartMs) {
        // The equity held across midnight is the equity at 00:00 UTC: the last value seen before now.
        m_state.dayStartMs = day;
        m_state.dailyBaseline = m_state.lastEquity;
        if (m_state.dailyLimitHit)
            qCInfo(lcTrading) << "daily loss limit released at UTC midnight" << utcTime(day);
        m_state.dailyLimitHit = false;
    }
    m_state.lastEquity = equity;
    m_state.peakEquity = std::max(m_state.peakEquity, equity);

    if (!m_state.dailyLimitHit && m_state.dailyBaseline > 0 &&
        (m_state.dailyBaseline - equity) / m_state.dailyBaseline >= m_config.dailyRiskLimit) {
        m_state.dailyLimitHit = true;
        qCWarning(lcTrading) << "daily loss limit reached: equity" << equity << "baseline" << m_state.dailyBaseline;
    }

    if (!m_state.killSwitch && drawdown() >= m_config.killSwitchLossLimit) {
        m_state.killSwitch = true;
        m_state.killSwitchMs = now;
        m_state.killSwitchReason = tr("kill switch: equity %1 is %2 below its peak %3 (limit %4)")
                                       .arg(equity, 0, 'f', 2)
                                       .arg(percent(drawdown()))
                                       .arg(m_state.peakEquity, 0, 'f', 2)
                                       .arg(percent(m_config.killSwitchLossLimit));
        qCCritical(lcTrading) << m_state.killSwitchReason;
        return true;
    }
    return false;
}

void RiskManager::resetKillSwitch(double equity)
{
    m_state.killSwitch = false;
    m_state.killSwitchMs = 0;
    m_state.killSwitchReason.clear();
    m_state.peakEquity = equity;
    m_state.lastEquity = equity;
    qCInfo(lcTrading) << "kill switch reset by the operator at equity" << equity;
}

void RiskManager::onTradeClosed(double netPnlUsd)
{
    if (netPnlUsd >= 0) {
        m_state.consecutiveLosses = 0;
        return;
    }
    ++m_state.consecutiveLosses;
    if (m_config.maxConsecutiveLosses > 0 && m_state.consecutiveLosses >= m_config.maxConsecutiveLosses) {
        m_state.cooldownUntilMs = m_clock.nowMs() + qint64(m_config.cooldownMinutes) * 60 * 1000;
        qCWarning(lcTrading).noquote() << m_state.consecutiveLosses << "losses in a row: no new entries until"
                                       << utcTime(m_state.cooldownUntilMs);
        // The streak is paid for by the cooldown; the next one starts from zero.
        m_state.consecutiveLosses = 0;
    }
}

RiskDecision RiskManager::reject(RiskRejection rejection, const QString &reason, const PositionSize &size) const
{
    RiskDecision decision;
    decision.rejection = rejection;
    decision.reason = reason;
    decision.size = size;
    return decision;
}

RiskDecision RiskManager::evaluate(const Signal &signal, const SymbolInfo &symbol, const BookSummary &book,
                                   const PortfolioSnapshot &portfolio)
{
    const qint64 now = m_clock.nowMs();
    const bool tripped = updateEquity(portfolio.equity);
    RiskDecision decision = judge(signal, symbol, book, portfolio, now);
    decision.killSwitchTripped = tripped;
    return decision;
}

RiskDecision RiskManager::judge(const Signal &signal, const SymbolInfo &symbol, const BookSummary &book,
                                const PortfolioSnapshot &portfolio, qint64 now) const
{

    if (const QString problem = signal.validate(); !problem.isEmpty())
        return reject(RiskRejection::InvalidSignal, tr("signal %1 rejected: %2").arg(signal.id, problem));
    if (signal.isExpired(now))
        return reject(RiskRejection::SignalExpired,
                      tr("signal %1 for %2 expired at %3").arg(signal.id, signal.symbol, utcTime(signal.expiresMs)));
    if (m_state.killSwitch)
        return reject(RiskRejection::KillSwitch,
                      tr("%1; new entries are halted until an operator resets it").arg(m_state.killSwitchReason));
    if (m_state.dailyLimitHit) {
        const double loss =
            m_state.dailyBaseline > 0 ? (m_state.dailyBaseline - m_state.lastEquity) / m_state.dailyBaseline : 0.0;
        return reject(RiskRejection::DailyLossLimit,
                      tr("daily loss limit reached (%1 lost today, limit %2); entries resume at %3")
                          .arg(percent(std::max(loss, m_config.dailyRiskLimit)))
                          .arg(percent(m_config.dailyRiskLimit))
                          .arg(utcTime(m_state.dayStartMs + kDayMs)));
    }
    if (m_state.cooldownUntilMs > now)
        return reject(RiskRejection::Cooldown, tr("cooling down after %1 losses in a row; entries resume at %2")
                                                   .arg(m_config.maxConsecutiveLosses)
                                                   .arg(utcTime(m_state.cooldownUntilMs)));
    const int live = portfolio.openPositions + portfolio.entriesInFlight;
    if (live >= m_config.maxConcurrentPositions)
        return reject(RiskRejection::MaxPositions, tr("%1 positions open and %2 entries in flight: the maximum is %3")
                                                       .arg(portfolio.openPositions)
                                                       .arg(portfolio.entriesInFlight)
                                                       .arg(m_config.maxConcurrentPositions));
    if (portfolio.liveSymbols.contains(signal.symbol))
        return reject(RiskRejection::DuplicateSymbol,
                      tr("a position or entry in %1 is already live").arg(signal.symbol));

    const PositionSize size =
        PositionSizer::compute(m_config, portfolio.equity, signal.side, signal.entry, signal.stop, book, symbol);
    if (!size.isValid())
        return reject(size.rejection, tr("%1: %2").arg(signal.symbol, size.reason), size);

    const double corr = std::abs(signal.btcCorrelation);
    if (corr > m_config.correlationLimit && portfolio.openNotional > 0) {
        const double share = (portfolio.correlatedNotional + size.notional) / (portfolio.openNotional + size.notional);
        if (share > m_config.maxCorrelatedShare)
            return reject(RiskRejection::Correlation,
                          tr("%1 moves with BTC (|correlation| %2 above %3) and would make %4 of open notional "
                             "BTC-correlated (limit %5)")
                              .arg(signal.symbol)
                              .arg(corr, 0, 'f', 2)
                              .arg(m_config.correlationLimit, 0, 'f', 2)
                              .arg(percent(share))
                              .arg(percent(m_config.maxCorrelatedShare)),
                          size);
    }

    RiskDecision decision;
    decision.size = size;
    return decision;
}

} // namespace bw
