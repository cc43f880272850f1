#include "trading/FillTableModel.h"

#include "common/CellAlignment.h"
#include "common/NumberFormat.h"
#include "common/Theme.h"
#include "trading/TradingText.h"

#include <QLocale>

namespace bw::ui {

namespace {

bool isNumeric(int column)
{
    switch (column) {
    case FillTableModel::OrderId:
    case FillTableModel::Price:
    case FillTableModel::Quantity:
    case FillTableModel::Notional:
    case FillTableModel::Fee:
    case FillTableModel::RealisedPnl:
        return true;
    default:
        return false;
    }
}

bool reduces(const Fill &fill)
{
    return fill.purpose != OrderPurpose::Entry;
}

} // namespace

FillTableModel::FillTableModel(int capacity, QObject *parent)
    : BoundedTableModel(capacity, parent)
{}

int FillTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

void FillTableModel::addFills(const QList<Fill> &fills)
{
    QList<std::pair<qint64, Fill>> batch;
    batch.reserve(fills.size());
    for (const Fill &fill : fills)
        batch.append({fill.id, fill});
    applyBatch(batch, [](Fill &row, const Fill &incoming) { row = incoming; });
}

QVariant FillTableModel::displayValue(const Fill &fill, int column) const
{
    const QLocale locale;
    switch (column) {
    case Time:
        return TradingText::time(fill.timeMs);
    case OrderId:
        return locale.toString(fill.orderId);
    case Symbol:
        return fill.symbol;
    case Purpose:
        return TradingText::purpose(fill.purpose);
    case Side:
        return TradingText::side(fill.side);
    case Price:
        return NumberFormat::price(fill.price, locale);
    case Quantity:
        return TradingText::quantity(fill.qty, locale);
    case Notional:
        return NumberFormat::money(fill.notional(), locale);
    case Fee:
        return NumberFormat::money(fill.feeUsd, locale);
    case Liquidity:
        return TradingText::liquidity(fill.liquidity);
    case RealisedPnl:
        // An entry realises nothing; a dash says so better than a zero.
        return reduces(fill) ? NumberFormat::signedMoney(fill.realisedPnlUsd, locale) : QStringLiteral("–");
    default:
        return {};
    }
}

QVariant FillTableModel::sortValue(const Fill &fill, int column) const
{
    switch (column) {
    case Time:
        return fill.timeMs;
    case OrderId:
        return fill.orderId;
    case Symbol:
        return fill.symbol;
    case Purpose:
        return static_cast<int>(fill.purpose);
    case Side:
        return static_cast<int>(fill.side);
    case Price:
        return fill.price;
    case Quantity:
        return fill.qty;
    case Notional:
        return fill.notional();
    case Fee:
        return fill.feeUsd;
    case Liquidity:
        return static_cast<int>(fill.liquidity);
    case RealisedPnl:
        return fill.realisedPnlUsd;
    default:
        return {};
    }
}

QVariant FillTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Fill &fill = rowAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(fill, column);
    case SortRole:
        return sortValue(fill, column);
    case Qt::TextAlignmentRole:
        return cellAlignment(isNumeric(column));
    case Qt::ForegroundRole:
        if (column == Side)
            return fill.side == OrderSide::Buy ? Theme::up() : Theme::down();
        if (column == RealisedPnl && reduces(fill) && fill.realisedPnlUsd != 0)
            return fill.realisedPnlUsd > 0 ? Theme::up() : Theme::down();
        return {};
    case Qt::ToolTipRole:
        if (column == Time)
            return TradingText::fullTime(fill.timeMs);
        if (column == RealisedPnl && reduces(fill))
            return tr("Realised %1, fee %2: cash moved by %3")
                .arg(NumberFormat::signedMoney(fill.realisedPnlUsd), NumberFormat::money(fill.feeUsd),
                     NumberFormat::signedMoney(fill.realisedPnlUsd - fill.feeUsd));
        if (column == Purpose && fill.positionId > 0)
            return tr("Position %1").arg(fill.positionId);
        return {};
    default:
        return {};
    }
}

QVariant FillTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= Count)
        return {};
    if (role == Qt::TextAlignmentRole)
        return cellAlignment(isNumeric(section));
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Time:
            return tr("Time");
        case OrderId:
            return tr("Order");
        case Symbol:
            return tr("Symbol");
        case Purpose:
            return tr("Purpose");
        case Side:
            return tr("Side");
        case Price:
            return tr("Price");
        case Quantity:
            return tr("Qty");
        case Notional:
            return tr("Notional ($)");
        case Fee:
            return tr("Fee ($)");
        case Liquidity:
            return tr("Liquidity");
        case RealisedPnl:
            return tr("Realised PnL ($)");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Time:
            return tr("Market time of the execution (UTC)");
        case Liquidity:
            return tr("Taker fills took liquidity at once; maker fills rested on the book");
        case RealisedPnl:
            return tr("Price PnL of the part of the fill that reduced the position, before its fee");
        default:
            return {};
        }
    }
    return {};
}

} // namespace bw::ui
