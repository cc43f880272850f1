#pragma once

#include "market/MarketTypes.h"
#include "trading/PositionSizer.h"
#include "trading/RiskConfig.h"
#include "trading/RiskRejection.h"
#include "trading/Signal.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace bw {

class Clock;

// What the risk rules need to know about the book of trades at decision time. PositionBook::portfolio()
// builds one.
struct PortfolioSnapshot {
    double equity = 0;
    int openPositions = 0;         // positions holding quantity
    int entriesInFlight = 0;       // entry orders sent but not yet filled (they count against the limit)
    double openNotional = 0;       // sum of qty * entry over open positions
    double correlatedNotional = 0; // the part of openNotional whose |btc correlation| is above the limit
    QStringList liveSymbols;       // symbols with an open position or an entry in flight
};

struct RiskDecision {
    RiskRejection rejection = RiskRejection::None;
    QString reason; // readable sentence for the user; empty when approved
    PositionSize size;
    // evaluate() feeds the portfolio's equity to updateEquity(); true when that tripped the kill switch,
    // so the caller reacts exactly as it would to updateEquity() returning true.
    bool killSwitchTripped = false;

    bool approved() const { return rejection == RiskRejection::None; }
    QString code() const { return toCode(rejection); }
};

// The risk manager's memory, persisted by the journal so that a restart neither forgets a tripped kill
// switch nor today's baseline.
struct RiskState {
    bool hasBaseline = false;
    qint64 dayStartMs = 0;      // 00:00 UTC of the day the baseline belongs to
    double dailyBaseline = 0;   // equity at 00:00 UTC (the first equity seen, on the first day)
    double lastEquity = 0;      // latest equity seen
    double peakEquity = 0;      // high-water mark for the kill switch
    bool dailyLimitHit = false; // latched until the next UTC midnight
    bool killSwitch = false;    // latched until resetKillSwitch()
    qint64 killSwitchMs = 0;
    QString killSwitchReason;
    int consecutiveLosses = 0;
    qint64 cooldownUntilMs = 0;

    QJsonObject toJson() const;
    static RiskState fromJson(const QJsonObject &json);
};

// Portfolio-level rules (original-system.md §6.1-6.2, without the bugs of §11: the position limit counts
// entries in flight and uses >=, the daily baseline resets only at UTC midnight, and the kill switch,
// measured from the equity peak, really trips and stays tripped).
//
// Not thread-safe; lives on the engine thread with the rest of the trading objects.
class RiskManager final
{
public:
    RiskManager(const RiskConfig &config, const Clock &clock);

    const RiskConfig &config() const { return m_config; }
    void setConfig(const RiskConfig &config) { m_config = config; }

    // Feed the current equity (cash + unrealised PnL) on every price update. Rolls the daily baseline at
    // UTC midnight, latches the daily limit, and trips the kill switch. Returns true only on the call
    // that trips the kill switch, so the caller can halt entries (and flatten when the config says so).
    bool updateEquity(double equity);

    // Feed every closed trade's net result (after fees); consecutive losses start a cooldown.
    void onTradeClosed(double netPnlUsd);

    // Judges a signal against every rule and sizes it. Also feeds portfolio.equity to updateEquity().
    RiskDecision evaluate(const Signal &signal, const SymbolInfo &symbol, const BookSummary &book,
                          const PortfolioSnapshot &portfolio);

    bool isKillSwitchTripped() const { return m_state.killSwitch; }
    QString killSwitchReason() const { return m_state.killSwitchReason; }
    // Operator action: clears the kill switch and restarts the drawdown measurement from `equity`.
    void resetKillSwitch(double equity);

    bool isDailyLimitHit() const { return m_state.dailyLimitHit; }
    double dailyBaseline() const { return m_state.dailyBaseline; }
    double dailyPnl() const { return m_state.lastEquity - m_state.dailyBaseline; }
    double peakEquity() const { return m_state.peakEquity; }
    double drawdown() const; // fraction of the peak
    int consecutiveLosses() const { return m_state.consecutiveLosses; }
    bool isCoolingDown() const;
    qint64 cooldownUntilMs() const { return m_state.cooldownUntilMs; }

    const RiskState &state() const { return m_state; }
    void restoreState(const RiskState &state) { m_state = state; }

    // 00:00 UTC of the day containing ms.
    static qint64 utcDayStart(qint64 ms);

private:
    RiskDecision judge(const Signal &signal, const SymbolInfo &symbol, const BookSummary &book,
                       const PortfolioSnapshot &portfolio, qint64 now) const;
    RiskDecision reject(RiskRejection rejection, const QString &reason, const PositionSize &size = {}) const;

    RiskConfig m_config;
    const Clock &m_clock;
    RiskState m_state;
};

} // namespace bw
