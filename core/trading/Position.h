#pragma once

#include "trading/Order.h"
#include "trading/Signal.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace bw {

enum class PositionStatus {
    Pending,  // entry order sent, nothing filled yet (counts against the concurrent-position limit)
    Open,     // holds quantity
    Closed,   // every unit exited
    Cancelled // the entry order ended without any fill
};

// Which rule placed the current stop; a stop exit is reported under this name.
enum class StopKind { Initial, Breakeven, Trailing };

QString toCode(PositionStatus status);
QString toCode(StopKind kind);
std::optional<PositionStatus> positionStatusFromString(const QString &text);
std::optional<StopKind> stopKindFromString(const QString &text);

// One trade from entry to exit, as the PositionManager manages it. A plain value.
struct Position {
    qint64 id = 0;
    QString signalId;
    QString symbol;
    TradeSide side = TradeSide::Long;
    SignalStrategy strategy = SignalStrategy::Momentum;
    PositionStatus status = PositionStatus::Pending;
    qint64 submittedMs = 0; // time the entry order was sent
    qint64 openedMs = 0;    // time of the first entry fill (submission time while pending)
    qint64 closedMs = 0;

    double targetQty = 0; // quantity the entry order asked for
    double entryQty = 0;  // quantity filled by entry orders
    double qty = 0;       // quantity still held
    double avgEntry = 0;  // volume-weighted entry fill price

    // Frozen initial risk: initialRiskUsd = sum over entry fills of |fill price - initialStop| * fill qty,
    // and initialRiskPerUnit = initialRiskUsd / entryQty. Targets and R multiples use these, never the
    // current stop.
    double initialStop = 0;
    double initialRiskPerUnit = 0;
    double initialRiskUsd = 0;
    double stop = 0; // current stop
    StopKind stopKind = StopKind::Initial;
    double tp1Price = 0;
    double tp2Price = 0;
    bool tp1Done = false;
    bool tp2Done = false;
    bool entryComplete = false; // the entry order has ended (filled or its remainder cancelled)

    double highestSinceEntry = 0; // highest high seen since the first entry fill
    double lowestSinceEntry = 0;  // lowest low
    double atr = 0;               // latest ATR used by the chandelier trail
    double btcCorrelation = 0;
    double lastPrice = 0; // last mark

    double realisedPnlUsd = 0;              // price PnL of the exits so far
    double feesUsd = 0;                     // entry and exit fees
    std::optional<OrderPurpose> exitReason; // the rule that closed the last units
    qint64 entryOrderId = 0;
    qint64 exitOrderId = 0; // exit order in flight (0: none)

    bool isLive() const { return status == PositionStatus::Pending || status == PositionStatus::Open; }
    double unrealisedPnlUsd(double mark) const { return (mark - avgEntry) * qty * sideSign(side); }
    double notional() const { return qty * avgEntry; }
    // Price PnL (realised + unrealised at `mark`) in multiples of the initial risk; 0 before any entry fill.
    double pnlR(double mark) const
    {
        return initialRiskUsd > 0 ? (realisedPnlUsd + unrealisedPnlUsd(mark)) / initialRiskUsd : 0.0;
    }
    // Realised PnL after every fee: what the trade did to cash once closed.
    double netRealisedUsd() const { return realisedPnlUsd - feesUsd; }
};

} // namespace bw

Q_DECLARE_METATYPE(bw::Position)
