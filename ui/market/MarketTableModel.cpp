#include "market/MarketTableModel.h"

#include "common/CellAlignment.h"
#include "common/NumberFormat.h"
#include "common/Theme.h"

#include <QLocale>

namespace bw::ui {

MarketTableModel::MarketTableModel(QObject *parent)
    // The roles a refresh can change; the alignment never does.
    : SymbolKeyedTableModel(ChangeReport::PerRun, {Qt::DisplayRole, SortRole, Qt::ForegroundRole, Qt::ToolTipRole},
                            parent)
{}

int MarketTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

void MarketTableModel::setSymbols(const QList<SymbolOverview> &symbols)
{
    mergeRows(symbols);
}

bool MarketTableModel::sameValues(const SymbolOverview &a, const SymbolOverview &b) const
{
    return a.lastPrice == b.lastPrice && a.changePct24h == b.changePct24h && a.quoteVolume24h == b.quoteVolume24h &&
           a.spreadBps == b.spreadBps && a.tradesPerMinute == b.tradesPerMinute &&
           a.lastClosedBarOpenMs == b.lastClosedBarOpenMs && a.stale == b.stale;
}

QVariant MarketTableModel::displayValue(const SymbolOverview &row, int column) const
{
    const QLocale locale;
    switch (column) {
    case Symbol:
        return row.symbol;
    case LastPrice:
        return NumberFormat::price(row.lastPrice, locale);
    case Change24h:
        return NumberFormat::signedPercent(row.changePct24h, 2, locale);
    case Volume24h:
        return NumberFormat::compact(row.quoteVolume24h, locale);
    case SpreadBps:
        return locale.toString(row.spreadBps, 'f', row.spreadBps < 10 ? 2 : 1);
    case TradesPerMinute:
        return locale.toString(row.tradesPerMinute, 'f', row.tradesPerMinute < 10 ? 1 : 0);
    default:
        return {};
    }
}

QVariant MarketTableModel::sortValue(const SymbolOverview &row, int column) const
{
    switch (column) {
    case Symbol:
        return row.symbol;
    case LastPrice:
        return row.lastPrice;
    case Change24h:
        return row.changePct24h;
    case Volume24h:
        return row.quoteVolume24h;
    case SpreadBps:
        return row.spreadBps;
    case TradesPerMinute:
        return row.tradesPerMinute;
    default:
        return {};
    }
}

QVariant MarketTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SymbolOverview &row = rowAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, column);
    case SortRole:
        return sortValue(row, column);
    case Qt::TextAlignmentRole:
        return cellAlignment(column != Symbol);
    case Qt::ForegroundRole:
        if (row.stale)
            return Theme::neutral();
        if (column == Change24h && row.changePct24h != 0)
            return row.changePct24h > 0 ? Theme::up() : Theme::down();
        return {};
    case Qt::ToolTipRole:
        if (row.stale)
            return tr("%1: no update for a while; the values may be old.").arg(row.symbol);
        return {};
    default:
        return {};
    }
}

QVariant MarketTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= Count)
        return {};
    if (role == Qt::TextAlignmentRole)
        return cellAlignment(section != Symbol);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Symbol:
            return tr("Symbol");
        case LastPrice:
            return tr("Last price");
        case Change24h:
            return tr("24h change");
        case Volume24h:
            return tr("24h volume");
        case SpreadBps:
            return tr("Spread (bps)");
        case TradesPerMinute:
            return tr("Trades/min");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Symbol:
            return tr("Perpetual contract");
        case LastPrice:
            return tr("Last traded price in the quote currency");
        case Change24h:
            return tr("Price change over the last 24 hours");
        case Volume24h:
            return tr("Turnover over the last 24 hours in the quote currency (USDT)");
        case SpreadBps:
            return tr("Best ask minus best bid, in basis points of the mid price");
        case TradesPerMinute:
            return tr("Trades per minute, from the trade counts of recent bars");
        default:
            return {};
        }
    }
    return {};
}

} // namespace bw::ui
