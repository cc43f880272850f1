#include "trading/TradingText.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace bw::ui {

QString TradingText::side(TradeSide side)
{
    return side == TradeSide::Long ? tr("Long") : tr("Short");
}

QString TradingText::side(OrderSide side)
{
    return side == OrderSide::Buy ? tr("Buy") : tr("Sell");
}

QString TradingText::strategy(SignalStrategy strategy)
{
    return strategy == SignalStrategy::Momentum ? tr("Momentum") : tr("Retest");
}

QString TradingText::orderType(OrderType type)
{
    switch (type) {
    case OrderType::Market:
        return tr("Market");
    case OrderType::Limit:
        return tr("Limit");
    case OrderType::StopMarket:
        return tr("Stop market");
    }
    return {};
}

QString TradingText::orderStatus(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Open:
        return tr("Open");
    case OrderStatus::PartiallyFilled:
        return tr("Partially filled");
    case OrderStatus::Filled:
        return tr("Filled");
    case OrderStatus::Cancelled:
        return tr("Cancelled");
    case OrderStatus::Rejected:
        return tr("Rejected");
    }
    return {};
}

QString TradingText::purpose(OrderPurpose purpose)
{
    switch (purpose) {
    case OrderPurpose::Entry:
        return tr("Entry");
    case OrderPurpose::StopLoss:
        return tr("Stop loss");
    case OrderPurpose::Breakeven:
        return tr("Breakeven stop");
    case OrderPurpose::TrailingStop:
        return tr("Trailing stop");
    case OrderPurpose::TakeProfit1:
        return tr("Take profit 1");
    case OrderPurpose::TakeProfit2:
        return tr("Take profit 2");
    case OrderPurpose::MaxHold:
        return tr("Max hold time");
    case OrderPurpose::Manual:
        return tr("Manual");
    case OrderPurpose::KillSwitch:
        return tr("Kill switch");
    }
    return {};
}

QString TradingText::positionStatus(PositionStatus status)
{
    switch (status) {
    case PositionStatus::Pending:
        return tr("Pending");
    case PositionStatus::Open:
        return tr("Open");
    case PositionStatus::Closed:
        return tr("Closed");
    case PositionStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString TradingText::stopKind(StopKind kind)
{
    switch (kind) {
    case StopKind::Initial:
        return tr("initial");
    case StopKind::Breakeven:
        return tr("breakeven");
    case StopKind::Trailing:
        return tr("trailing");
    }
    return {};
}

QString TradingText::liquidity(Liquidity liquidity)
{
    return liquidity == Liquidity::Maker ? tr("Maker") : tr("Taker");
}

QString TradingText::rejection(const QString &code)
{
    struct Entry {
        const char *code;
        const char *text;
    };
    // The risk manager's codes (RiskRejection) and the engine's own.
    static const Entry entries[] = {
        {"invalid_signal", QT_TR_NOOP("Invalid signal")},
        {"signal_expired", QT_TR_NOOP("Signal expired")},
        {"kill_switch", QT_TR_NOOP("Kill switch")},
        {"daily_loss_limit", QT_TR_NOOP("Daily loss limit")},
        {"cooldown", QT_TR_NOOP("Cooldown after losses")},
        {"max_positions", QT_TR_NOOP("Max positions")},
        {"duplicate_symbol", QT_TR_NOOP("Already in symbol")},
        {"correlation", QT_TR_NOOP("Correlation limit")},
        {"invalid_equity", QT_TR_NOOP("Invalid equity")},
        {"invalid_stop", QT_TR_NOOP("Invalid stop")},
        {"no_depth", QT_TR_NOOP("No book depth")},
        {"zero_quantity", QT_TR_NOOP("Size rounds to zero")},
        {"below_min_notional", QT_TR_NOOP("Below min notional")},
        {"engine_halted", QT_TR_NOOP("Engine takes no entries")},
        {"entry_refused", QT_TR_NOOP("Entry refused")},
    };
    for (const Entry &entry : entries) {
        if (code == QLatin1String(entry.code))
            return tr(entry.text);
    }
    return code;
}

QString TradingText::time(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("–");
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("MM-dd HH:mm:ss"));
}

QString TradingText::fullTime(qint64 ms)
{
    if (ms <= 0)
        return {};
    return tr("%1 UTC").arg(
        QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

QString TradingText::holdTime(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms / 1000);
    const QLatin1Char zero('0');
    if (seconds < 60)
        return tr("%1s", "seconds").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1m", "minutes").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return tr("%1h %2m", "hours and minutes").arg(hours).arg(minutes % 60, 2, 10, zero);
    return tr("%1d %2h", "days and hours").arg(hours / 24).arg(hours % 24, 2, 10, zero);
}

QString TradingText::quantity(double qty, const QLocale &locale)
{
    if (!std::isfinite(qty))
        return QStringLiteral("–");
    // About six significant digits, without the zeros a lot size does not have.
    const double magnitude = std::fabs(qty);
    const int decimals =
        magnitude > 0.0 ? std::clamp(5 - static_cast<int>(std::floor(std::log10(magnitude))), 0, 8) : 0;
    QString text = locale.toString(qty, 'f', decimals);
    if (decimals > 0) {
        const QString point = locale.decimalPoint();
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text;
}

QString TradingText::rMultiple(double r, const QLocale &locale)
{
    if (!std::isfinite(r))
        return QStringLiteral("–");
    const bool roundsToZero = std::fabs(r) < 0.005;
    QString number = locale.toString(roundsToZero ? 0.0 : r, 'f', 2);
    if (!roundsToZero && r > 0)
        number.prepend(locale.positiveSign());
    return tr("%1 R").arg(number);
}

} // namespace bw::ui
