#pragma once

#include "trading/TradeSide.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace bw {

enum class SignalStrategy { Momentum, Retest };

QString toCode(SignalStrategy strategy);
std::optional<SignalStrategy> signalStrategyFromString(const QString &text);

// A trade proposal produced by the signal engine and judged by the RiskManager. A plain value: it is
// copied across threads and written to the journal as it is.
//
// Prices are quote currency. `entry` is the price the signal engine expects to achieve (the touch plus
// an allowance), not the level. `initialRiskPerUnit` = |entry - stop|: the R the targets are measured in;
// the PositionManager freezes R again from the actual entry fills.
struct Signal {
    QString id; // unique, e.g. "BTCUSDT:momentum:1700000000000"
    QString symbol;
    TradeSide side = TradeSide::Long;
    SignalStrategy strategy = SignalStrategy::Momentum;
    double entry = 0;
    double level = 0; // the broken or retested level
    double stop = 0;
    double tp1 = 0;
    double tp2 = 0;
    double initialRiskPerUnit = 0;
    double confidence = 0; // [0, 1]
    double atr = 0;        // ATR at signal time, price units; the chandelier trail uses it until a fresher one arrives
    double btcCorrelation = 0; // [-1, 1], correlation of returns with BTC; 0 when unknown
    qint64 createdMs = 0;
    qint64 expiresMs = 0; // 0: never expires
    QString reason;       // human-readable: why the signal fired

    // True when the stop is strictly on the losing side of the entry (below for a long, above for a short).
    bool stopOnCorrectSide() const { return side == TradeSide::Long ? stop < entry : stop > entry; }

    bool isExpired(qint64 nowMs) const { return expiresMs > 0 && nowMs >= expiresMs; }

    // Sets initialRiskPerUnit from entry and stop and places tp1/tp2 at tp1R/tp2R multiples of it.
    void setTargetsFromR(double tp1R, double tp2R);

    // Empty when the signal is usable; otherwise a readable sentence naming the first problem.
    QString validate() const;
};

} // namespace bw

Q_DECLARE_METATYPE(bw::Signal)
