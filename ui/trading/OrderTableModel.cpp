#include "trading/OrderTableModel.h"

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
    case OrderTableModel::Id:
    case OrderTableModel::Price:
    case OrderTableModel::Quantity:
    case OrderTableModel::Filled:
    case OrderTableModel::AvgFill:
    case OrderTableModel::Fees:
        return true;
    default:
        return false;
    }
}

// The price the order names: its limit, its stop, or none for a market order.
double namedPrice(const Order &order)
{
    switch (order.type) {
    case OrderType::Limit:
        return order.limitPrice;
    case OrderType::StopMarket:
        return order.stopPrice;
    case OrderType::Market:
        break;
    }
    return 0;
}

} // namespace

OrderTableModel::OrderTableModel(int capacity, QObject *parent)
    : BoundedTableModel(capacity, parent)
{}

int OrderTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

void OrderTableModel::addOrders(const QList<Order> &orders)
{
    QList<std::pair<qint64, Order>> batch;
    batch.reserve(orders.size());
    for (const Order &order : orders)
        batch.append({order.id, order});
    applyBatch(batch, [](Order &row, const Order &incoming) { row = incoming; });
}

QVariant OrderTableModel::displayValue(const Order &order, int column) const
{
    const QLocale locale;
    switch (column) {
    case Time:
        return TradingText::time(order.createdMs);
    case Id:
        return locale.toString(order.id);
    case Symbol:
        return order.symbol;
    case Purpose:
        return TradingText::purpose(order.purpose);
    case Note:
        return order.note;
    case Side:
        return TradingText::side(order.side);
    case Type:
        return TradingText::orderType(order.type);
    case Price: {
        const double price = namedPrice(order);
        return price > 0 ? NumberFormat::price(price, locale) : tr("market");
    }
    case Quantity:
        return TradingText::quantity(order.qty, locale);
    case Filled:
        return TradingText::quantity(order.filledQty, locale);
    case AvgFill:
        return order.filledQty > 0 ? NumberFormat::price(order.avgFillPrice, locale) : QStringLiteral("–");
    case Fees:
        return NumberFormat::money(order.feesUsd, locale);
    case Status:
        return TradingText::orderStatus(order.status);
    case Reason:
        return order.reason;
    default:
        return {};
    }
}

QVariant OrderTableModel::sortValue(const Order &order, int column) const
{
    switch (column) {
    case Time:
        return order.createdMs;
    case Id:
        return order.id;
    case Symbol:
        return order.symbol;
    case Purpose:
        return static_cast<int>(order.purpose);
    case Note:
        return order.note;
    case Side:
        return static_cast<int>(order.side);
    case Type:
        return static_cast<int>(order.type);
    case Price:
        return namedPrice(order);
    case Quantity:
        return order.qty;
    case Filled:
        return order.filledQty;
    case AvgFill:
        return order.avgFillPrice;
    case Fees:
        return order.feesUsd;
    case Status:
        return static_cast<int>(order.status);
    case Reason:
        return order.reason;
    default:
        return {};
    }
}

QVariant OrderTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Order &order = rowAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(order, column);
    case SortRole:
        return sortValue(order, column);
    case Qt::TextAlignmentRole:
        return cellAlignment(isNumeric(column));
    case Qt::ForegroundRole:
        if (column == Side)
            return order.side == OrderSide::Buy ? Theme::up() : Theme::down();
        if (column == Status && order.status == OrderStatus::Rejected)
            return Theme::down();
        if (column == Status && (order.status == OrderStatus::Cancelled || order.isActive()))
            return Theme::neutral();
        return {};
    case Qt::ToolTipRole:
        if (column == Time)
            return tr("Created %1, last change %2")
                .arg(TradingText::fullTime(order.createdMs), TradingText::fullTime(order.updatedMs));
        if (column == Reason || column == Status)
            return order.reason.isEmpty() ? QVariant() : QVariant(order.reason);
        // The column is narrow and elides: the whole note (at most a few lines of text) on hover.
        if (column == Note)
            return order.note.isEmpty() ? QVariant() : QVariant(order.note);
        if (column == Purpose && order.positionId > 0)
            return tr("Position %1").arg(order.positionId);
        return {};
    default:
        return {};
    }
}

QVariant OrderTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= Count)
        return {};
    if (role == Qt::TextAlignmentRole)
        return cellAlignment(isNumeric(section));
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Time:
            return tr("Time");
        case Id:
            return tr("Order");
        case Symbol:
            return tr("Symbol");
        case Purpose:
            return tr("Purpose");
        case Note:
            return tr("Note");
        case Side:
            return tr("Side");
        case Type:
            return tr("Type");
        case Price:
            return tr("Price");
        case Quantity:
            return tr("Qty");
        case Filled:
            return tr("Filled");
        case AvgFill:
            return tr("Avg fill");
        case Fees:
            return tr("Fees ($)");
        case Status:
            return tr("Status");
        case Reason:
            return tr("Reason");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Time:
            return tr("Market time the order was sent (UTC)");
        case Purpose:
            return tr("Why the order exists: the entry, or the exit rule that sent it");
        case Note:
            return tr("Why it was placed, in words: the signal of an entry, the level of the exit rule, or who "
                      "closed the position by hand and why");
        case Price:
            return tr("The limit or stop price; market orders name none");
        case Fees:
            return tr("Fees paid on the fills so far, in USD");
        case Reason:
            return tr("Why the order was rejected or cancelled");
        default:
            return {};
        }
    }
    return {};
}

} // namespace bw::ui
