#include "trading/PositionSizer.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace bw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PositionSizer", text);
}

PositionSize reject(PositionSize size, RiskRejection rejection, const QString &reason)
{
    size.rejection = rejection;
    size.reason = reason;
    size.qty = 0;
    size.notional = 0;
    size.riskUsd = 0;
    return size;
}

// "1,234.5": thousands separated, at most `decimals` decimals, trailing zeros dropped.
QString amount(double value, int decimals = 2)
{
    // The C locale with grouping: the reason goes to the journal and over the wire as well as to the screen.
    QLocale locale = QLocale::c();
    locale.setNumberOptions(QLocale::DefaultNumberOptions);
    QString text = locale.toString(value, 'f', decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text;
}

// A lot count below one: enough significant digits to tell 0.4 from 0.04.
QString lots(double value)
{
    return QString::number(value, 'g', value < 0.01 ? 1 : 2);
}

} // namespace

QString PositionSizer::zeroLotsReason(const RiskConfig &config, const PositionSize &size, TradeSide side, double entry,
                                      double depth, double unroundedQty, const SymbolInfo &symbol)
{
    const QString lotCount = lots(symbol.lotSize > 0 ? unroundedQty / symbol.lotSize : 0.0);
    const QString lotSize = amount(symbol.lotSize, 12);
    switch (size.cap) {
    case SizeCap::Depth:
        return tr("depth cap: %1 % of %2 USD %3 depth within 0.3 % allows %4 lots of %5 %6 (%7 USD a lot at %8)")
            .arg(amount(config.maxDepthFraction * 100.0, 1), amount(depth, 0),
                 side == TradeSide::Long ? tr("ask") : tr("bid"), lotCount, lotSize, symbol.name,
                 amount(symbol.lotSize * entry), amount(entry, 8));
    case SizeCap::MaxNotional:
        return tr("maximum position cap: %1 USD allows %2 lots of %3 %4 (%5 USD a lot at %6)")
            .arg(amount(config.maxPositionUsd, 0), lotCount, lotSize, symbol.name, amount(symbol.lotSize * entry),
                 amount(entry, 8));
    case SizeCap::None:
        break;
    }
    return tr("risk budget: %1 USD over a stop distance of %2 allows %3 lots of %4 %5 (%6 USD a lot at %7)")
        .arg(amount(size.budgetUsd), amount(size.stopDistance, 8), lotCount, lotSize, symbol.name,
             amount(symbol.lotSize * entry), amount(entry, 8));
}

double PositionSizer::roundDownToLot(double qty, double lotSize)
{
    if (!(lotSize > 0))
        return qty;
    // The small epsilon keeps 0.3 / 0.1 = 2.9999999999999996 from losing a whole lot.
    const double lots = std::floor(qty / lotSize + 1e-9);
    return lots > 0 ? lots * lotSize : 0.0;
}

PositionSize PositionSizer::compute(const RiskConfig &config, double equity, TradeSide side, double entry, double stop,
                                    const BookSummary &book, const SymbolInfo &symbol)
{
    PositionSize size;
    if (!(std::isfinite(equity) && equity > 0))
        return reject(size, RiskRejection::InvalidEquity, tr("equity %1 is not positive").arg(equity));
    if (!(std::isfinite(entry) && entry > 0 && std::isfinite(stop) && stop > 0))
        return reject(size, RiskRejection::InvalidStop,
                      tr("entry %1 and stop %2 must be positive prices").arg(entry).arg(stop));
    const bool correctSide = side == TradeSide::Long ? stop < entry : stop > entry;
    if (!correctSide)
        return reject(size, RiskRejection::InvalidStop,
                      side == TradeSide::Long
                          ? tr("the stop %1 of a long is not below the entry %2").arg(stop).arg(entry)
                          : tr("the stop %1 of a short is not above the entry %2").arg(stop).arg(entry));

    size.stopDistance = std::abs(entry - stop);
    size.budgetUsd = equity * config.riskPerTrade;
    double qty = size.budgetUsd / size.stopDistance;

    if (config.maxPositionUsd > 0 && qty * entry > config.maxPositionUsd) {
        qty = config.maxPositionUsd / entry;
        size.cap = SizeCap::MaxNotional;
    }

    const double depth = side == TradeSide::Long ? book.askDepth03 : book.bidDepth03;
    if (!book.isValid() || !(depth > 0))
        return reject(size, RiskRejection::NoDepth,
                      tr("no order-book depth on the %1 side of %2 to size against")
                          .arg(side == TradeSide::Long ? tr("ask") : tr("bid"), symbol.name));
    const double depthCapNotional = config.maxDepthFraction * depth;
    if (qty * entry > depthCapNotional) {
        qty = depthCapNotional / entry;
        size.cap = SizeCap::Depth;
    }

    const double unrounded = qty;
    qty = roundDownToLot(qty, symbol.lotSize);
    if (!(qty > 0))
        return reject(size, RiskRejection::ZeroQuantity,
                      zeroLotsReason(config, size, side, entry, depth, unrounded, symbol));

    const double minNotional = std::max(config.minNotionalUsd, symbol.minNotional);
    if (qty * entry < minNotional)
        return reject(
            size, RiskRejection::BelowMinNotional,
            tr("order notional %1 is below the minimum %2").arg(qty * entry, 0, 'f', 2).arg(minNotional, 0, 'f', 2));

    size.qty = qty;
    size.notional = qty * entry;
    size.riskUsd = qty * size.stopDistance;
    return size;
}

} // namespace bw
