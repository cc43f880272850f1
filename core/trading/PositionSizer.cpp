#include "trading/PositionSizer.h"

#include <QCoreApplication>

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

} // namespace

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

    qty = roundDownToLot(qty, symbol.lotSize);
    if (!(qty > 0))
        return reject(size, RiskRejection::ZeroQuantity,
                      tr("the size rounds down to zero lots of %1 (lot size %2)").arg(symbol.name).arg(symbol.lotSize));

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
