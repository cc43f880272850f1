#include "market/MarketTableModel.h"

#include "common/NumberFormat.h"
#include "common/Theme.h"

#include <QLocale>

namespace bw::ui {

namespace {

bool sameValues(const SymbolOverview &a, const SymbolOverview &b)
{
    return a.lastPrice == b.lastPrice && a.changePct24h == b.changePct24h && a.quoteVolume24h == b.quoteVolume24h &&
           a.spreadBps == b.spreadBps && a.tradesPerMinute == b.tradesPerMinute &&
           a.lastClosedBarOpenMs == b.lastClosedBarOpenMs && a.stale == b.stale;
}

// Emits one dataChanged per run of consecutive changed rows.
template <typename Emit>
void forEachRun(const QList<int> &rows, Emit emitRun)
{
    qsizetype start = 0;
    for (qsizetype i = 1; i <= rows.size(); ++i) {
        if (i == rows.size() || rows.at(i) != rows.at(i - 1) + 1) {
            emitRun(rows.at(start), rows.at(i - 1));
            start = i;
        }
    }
}

} // namespace

MarketTableModel::MarketTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int MarketTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MarketTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

void MarketTableModel::setSymbols(const QList<SymbolOverview> &symbols)
{
    QHash<QString, int> incoming;
    incoming.reserve(symbols.size());
    for (int i = 0; i < symbols.size(); ++i)
        incoming.insert(symbols.at(i).symbol, i);

    removeMissing(incoming);

    // Update the rows that stay, in place.
    QList<int> changed;
    for (int row = 0; row < m_rows.size(); ++row) {
        const SymbolOverview &next = symbols.at(incoming.value(m_rows.at(row).symbol));
        if (!sameValues(m_rows.at(row), next)) {
            m_rows[row] = next;
            changed.append(row);
        }
    }
    if (!changed.isEmpty()) {
        const QList<int> roles{Qt::DisplayRole, SortRole, Qt::ForegroundRole, Qt::ToolTipRole};
        forEachRun(changed,
                   [&](int first, int last) { emit dataChanged(index(first, 0), index(last, Count - 1), roles); });
    }

    // Append the symbols that are new, in the order the overview lists them.
    QList<int> added;
    for (int i = 0; i < symbols.size(); ++i) {
        // A symbol listed twice counts once (its last entry), as in the update above.
        const QString &symbol = symbols.at(i).symbol;
        if (!m_index.contains(symbol) && incoming.value(symbol) == i)
            added.append(i);
    }
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const int i : std::as_const(added)) {
            m_index.insert(symbols.at(i).symbol, static_cast<int>(m_rows.size()));
            m_rows.append(symbols.at(i));
        }
        endInsertRows();
    }
}

void MarketTableModel::removeMissing(const QHash<QString, int> &incoming)
{
    // From the bottom up so that row numbers of the runs still to remove stay valid.
    int row = static_cast<int>(m_rows.size()) - 1;
    bool removed = false;
    while (row >= 0) {
        if (incoming.contains(m_rows.at(row).symbol)) {
            --row;
            continue;
        }
        const int last = row;
        while (row >= 0 && !incoming.contains(m_rows.at(row).symbol))
            --row;
        const int first = row + 1;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        removed = true;
    }
    if (removed || m_index.size() != m_rows.size())
        rebuildIndex();
}

void MarketTableModel::rebuildIndex()
{
    m_index.clear();
    m_index.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_index.insert(m_rows.at(row).symbol, row);
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
    const SymbolOverview &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, column);
    case SortRole:
        return sortValue(row, column);
    case Qt::TextAlignmentRole:
        return column == Symbol ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
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
        return section == Symbol ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                 : QVariant(Qt::AlignRight | Qt::AlignVCenter);
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
