#include "trading/ClosedPositionTableModel.h"

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
    case ClosedPositionTableModel::Quantity:
    case ClosedPositionTableModel::AvgEntry:
    case ClosedPositionTableModel::AvgExit:
    case ClosedPositionTableModel::Held:
    case ClosedPositionTableModel::Fees:
    case ClosedPositionTableModel::NetPnl:
    case ClosedPositionTableModel::NetR:
        return true;
    default:
        return false;
    }
}

qint64 heldMs(const Position &p)
{
    return p.closedMs > p.openedMs ? p.closedMs - p.openedMs : 0;
}

} // namespace

ClosedPositionTableModel::ClosedPositionTableModel(int capacity, QObject *parent)
    : BoundedTableModel(capacity, parent)
{}

int ClosedPositionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

void ClosedPositionTableModel::addFinished(const QList<Position> &finished)
{
    QList<std::pair<qint64, Position>> batch;
    for (const Position &p : finished) {
        if (p.status == PositionStatus::Closed)
            batch.append({p.id, p});
    }
    if (!batch.isEmpty())
        applyBatch(batch, [](Position &row, const Position &incoming) { row = incoming; });
}

double ClosedPositionTableModel::averageExit(const Position &p)
{
    if (!(p.entryQty > 0))
        return 0;
    return p.avgEntry + sideSign(p.side) * p.realisedPnlUsd / p.entryQty;
}

double ClosedPositionTableModel::netR(const Position &p)
{
    return p.initialRiskUsd > 0 ? p.netRealisedUsd() / p.initialRiskUsd : 0.0;
}

QVariant ClosedPositionTableModel::displayValue(const Position &p, int column) const
{
    const QLocale locale;
    switch (column) {
    case Closed:
        return TradingText::time(p.closedMs);
    case Symbol:
        return p.symbol;
    case Side:
        return TradingText::side(p.side);
    case Strategy:
        return TradingText::strategy(p.strategy);
    case Quantity:
        return TradingText::quantity(p.entryQty, locale);
    case AvgEntry:
        return NumberFormat::price(p.avgEntry, locale);
    case AvgExit:
        return NumberFormat::price(averageExit(p), locale);
    case ExitReason:
        return p.exitReason ? TradingText::purpose(*p.exitReason) : QStringLiteral("–");
    case Held:
        return TradingText::holdTime(heldMs(p));
    case Fees:
        return NumberFormat::money(p.feesUsd, locale);
    case NetPnl:
        return NumberFormat::signedMoney(p.netRealisedUsd(), locale);
    case NetR:
        return TradingText::rMultiple(netR(p), locale);
    default:
        return {};
    }
}

QVariant ClosedPositionTableModel::sortValue(const Position &p, int column) const
{
    switch (column) {
    case Closed:
        return p.closedMs;
    case Symbol:
        return p.symbol;
    case Side:
        return static_cast<int>(p.side);
    case Strategy:
        return static_cast<int>(p.strategy);
    case Quantity:
        return p.entryQty;
    case AvgEntry:
        return p.avgEntry;
    case AvgExit:
        return averageExit(p);
    case ExitReason:
        return p.exitReason ? static_cast<int>(*p.exitReason) : -1;
    case Held:
        return heldMs(p);
    case Fees:
        return p.feesUsd;
    case NetPnl:
        return p.netRealisedUsd();
    case NetR:
        return netR(p);
    default:
        return {};
    }
}

QVariant ClosedPositionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Position &p = rowAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(p, column);
    case SortRole:
        return sortValue(p, column);
    case Qt::TextAlignmentRole:
        return cellAlignment(isNumeric(column));
    case Qt::ForegroundRole:
        if (column == Side)
            return p.side == TradeSide::Long ? Theme::up() : Theme::down();
        if ((column == NetPnl || column == NetR) && p.netRealisedUsd() != 0)
            return p.netRealisedUsd() > 0 ? Theme::up() : Theme::down();
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Closed:
            return tr("Opened %1, closed %2").arg(TradingText::fullTime(p.openedMs), TradingText::fullTime(p.closedMs));
        case Symbol:
            return tr("Position %1, signal %2").arg(p.id).arg(p.signalId);
        case NetPnl:
        case NetR:
            return tr("Price PnL %1 minus fees %2; initial risk %3")
                .arg(NumberFormat::signedMoney(p.realisedPnlUsd), NumberFormat::money(p.feesUsd),
                     NumberFormat::money(p.initialRiskUsd));
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ClosedPositionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= Count)
        return {};
    if (role == Qt::TextAlignmentRole)
        return cellAlignment(isNumeric(section));
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Closed:
            return tr("Closed");
        case Symbol:
            return tr("Symbol");
        case Side:
            return tr("Side");
        case Strategy:
            return tr("Strategy");
        case Quantity:
            return tr("Qty");
        case AvgEntry:
            return tr("Avg entry");
        case AvgExit:
            return tr("Avg exit");
        case ExitReason:
            return tr("Exit");
        case Held:
            return tr("Held");
        case Fees:
            return tr("Fees ($)");
        case NetPnl:
            return tr("Net PnL ($)");
        case NetR:
            return tr("Net R");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Closed:
            return tr("Market time the last units were closed (UTC)");
        case AvgExit:
            return tr("Volume-weighted price of the exit fills");
        case ExitReason:
            return tr("The rule that closed the last units");
        case Held:
            return tr("Time from the first entry fill to the last exit fill");
        case NetPnl:
            return tr("Realised price PnL minus entry and exit fees: what the trade did to cash");
        case NetR:
            return tr("Net PnL in multiples of the initial risk frozen at entry");
        default:
            return {};
        }
    }
    return {};
}

} // namespace bw::ui
