#include "trading/Signal.h"

#include <QCoreApplication>

#include <cmath>

namespace bw {

QString toCode(SignalStrategy strategy)
{
    return strategy == SignalStrategy::Momentum ? QStringLiteral("momentum") : QStringLiteral("retest");
}

std::optional<SignalStrategy> signalStrategyFromString(const QString &text)
{
    if (text == QLatin1String("momentum"))
        return SignalStrategy::Momentum;
    if (text == QLatin1String("retest"))
        return SignalStrategy::Retest;
    return std::nullopt;
}

void Signal::setTargetsFromR(double tp1R, double tp2R)
{
    initialRiskPerUnit = std::abs(entry - stop);
    const double sign = sideSign(side);
    tp1 = entry + sign * tp1R * initialRiskPerUnit;
    tp2 = entry + sign * tp2R * initialRiskPerUnit;
}

QString Signal::validate() const
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Signal", text); };
    if (symbol.isEmpty())
        return tr("the signal has no symbol");
    if (!(std::isfinite(entry) && entry > 0))
        return tr("entry price %1 is not a positive number").arg(entry);
    if (!(std::isfinite(stop) && stop > 0))
        return tr("stop price %1 is not a positive number").arg(stop);
    if (!stopOnCorrectSide())
        return side == TradeSide::Long ? tr("the stop %1 of a long is not below the entry %2").arg(stop).arg(entry)
                                       : tr("the stop %1 of a short is not above the entry %2").arg(stop).arg(entry);
    if (!(confidence >= 0 && confidence <= 1))
        return tr("confidence %1 is outside [0, 1]").arg(confidence);
    return {};
}

} // namespace bw
