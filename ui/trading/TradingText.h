#pragma once

#include "trading/Fill.h"
#include "trading/Order.h"
#include "trading/Position.h"
#include "trading/Signal.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace bw::ui {

// How the trading page names things for people: sides, order states, exit rules and risk refusals in
// words (translated), and the page's quantities, R multiples and times. The machine codes stay in the
// journal and the protocol; the tables show these.
class TradingText final
{
    Q_DECLARE_TR_FUNCTIONS(bw::ui::TradingText)

public:
    static QString side(TradeSide side);
    static QString side(OrderSide side);
    static QString strategy(SignalStrategy strategy);
    static QString orderType(OrderType type);
    static QString orderStatus(OrderStatus status);
    static QString purpose(OrderPurpose purpose);
    static QString positionStatus(PositionStatus status);
    static QString stopKind(StopKind kind);
    static QString liquidity(Liquidity liquidity);
    // A risk manager's or the engine's refusal code ("max_positions", "engine_halted") in a few words; an
    // unknown code is shown as it is.
    static QString rejection(const QString &code);

    // Market time (UTC) of an event: "11-14 22:13:20"; "–" for none.
    static QString time(qint64 ms);
    // The full time for tooltips: "2023-11-14 22:13:20 UTC".
    static QString fullTime(qint64 ms);
    // How long a trade was held, in the units that matter: "45s", "16m", "2h 05m", "3d 04h".
    static QString holdTime(qint64 ms);
    // A quantity with the significant digits it has: 0.0123, 1,250, 12.5.
    static QString quantity(double qty, const QLocale &locale = QLocale());
    // A multiple of the initial risk: "+1.25 R", "-0.98 R".
    static QString rMultiple(double r, const QLocale &locale = QLocale());
};

} // namespace bw::ui
