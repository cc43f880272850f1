#include "trading/PositionTableModel.h"

#include "common/CellAlignment.h"
#include "common/NumberFormat.h"
#include "common/Theme.h"
#include "trading/TradingText.h"

#include <QLocale>
#include <QSet>

#include <algorithm>

namespace bw::ui {

namespace {

bool isNumeric(int column)
{
    switch (column) {
    case PositionTableModel::Symbol:
    case PositionTableModel::Side:
    case PositionTableModel::Status:
    case PositionTableModel::Opened:
        return false;
    default:
        return true;
    }
}

bool holds(const Position &p)
{
    return p.status == PositionStatus::Open && p.qty > 0;
}

} // namespace

PositionTableModel::PositionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int PositionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PositionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

void PositionTableModel::applyUpdate(const TradingUpdate &update)
{
    // The latest state of each position in this step; `finished` may repeat what `positions` says.
    QList<Position> latest;
    QHash<qint64, qsizetype> latestIndex;
    const auto take = [&](const Position &p) {
        if (const auto it = latestIndex.constFind(p.id); it != latestIndex.cend())
            latest[*it] = p;
        else {
            latestIndex.insert(p.id, latest.size());
            latest.append(p);
        }
    };
    for (const Position &p : update.positions)
        take(p);
    for (const Position &p : update.finished)
        take(p);

    QList<int> gone;
    QList<int> changed;
    QList<Position> added;
    for (const Position &p : std::as_const(latest)) {
        const int row = m_index.value(p.id, -1);
        if (!p.isLive()) {
            if (row >= 0)
                gone.append(row);
        } else if (row >= 0) {
            m_rows[row].position = p;
            if (p.lastPrice > 0)
                m_rows[row].mark = p.lastPrice;
            changed.append(row);
        } else {
            added.append(p);
        }
    }
    // Changes are reported before removals so that their row numbers are still the ones they name.
    emitChanged(changed, 0, Count - 1);
    removeRows(gone);
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const Position &p : std::as_const(added)) {
            m_index.insert(p.id, static_cast<int>(m_rows.size()));
            m_rows.append(Row{p, p.lastPrice > 0 ? p.lastPrice : p.avgEntry});
        }
        endInsertRows();
    }
}

void PositionTableModel::setMarks(const QList<SymbolOverview> &symbols)
{
    if (m_rows.isEmpty())
        return;
    QHash<QString, double> prices;
    for (const Row &row : std::as_const(m_rows))
        prices.insert(row.position.symbol, 0.0);
    for (const SymbolOverview &s : symbols) {
        if (s.lastPrice > 0 && prices.contains(s.symbol))
            prices.insert(s.symbol, s.lastPrice);
    }
    QList<int> changed;
    for (int row = 0; row < m_rows.size(); ++row) {
        const double price = prices.value(m_rows.at(row).position.symbol);
        if (price > 0 && price != m_rows.at(row).mark) {
            m_rows[row].mark = price;
            changed.append(row);
        }
    }
    emitChanged(changed, Mark, PnlR);
}

void PositionTableModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, static_cast<int>(m_rows.size()) - 1);
    m_rows.clear();
    m_index.clear();
    endRemoveRows();
}

double PositionTableModel::unrealisedTotal() const
{
    double total = 0;
    for (const Row &row : m_rows)
        total += row.position.unrealisedPnlUsd(row.mark);
    return total;
}

int PositionTableModel::openCount() const
{
    return static_cast<int>(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return holds(r.position); }));
}

void PositionTableModel::removeRows(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // From the bottom up, one removal per run, so that the rows still to remove keep their numbers.
    qsizetype end = rows.size();
    while (end > 0) {
        qsizetype start = end - 1;
        while (start > 0 && rows.at(start - 1) == rows.at(start) - 1)
            --start;
        const int first = rows.at(start);
        const int last = rows.at(end - 1);
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        end = start;
    }
    rebuildIndex();
}

void PositionTableModel::emitChanged(QList<int> rows, int firstColumn, int lastColumn)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    qsizetype start = 0;
    for (qsizetype i = 1; i <= rows.size(); ++i) {
        if (i == rows.size() || rows.at(i) != rows.at(i - 1) + 1) {
            emit dataChanged(index(rows.at(start), firstColumn), index(rows.at(i - 1), lastColumn));
            start = i;
        }
    }
}

void PositionTableModel::rebuildIndex()
{
    m_index.clear();
    for (int row = 0; row < m_rows.size(); ++row)
        m_index.insert(m_rows.at(row).position.id, row);
}

QVariant PositionTableModel::displayValue(const Row &row, int column) const
{
    const QLocale locale;
    const Position &p = row.position;
    const bool entered = p.entryQty > 0;
    switch (column) {
    case Symbol:
        return p.symbol;
    case Side:
        return TradingText::side(p.side);
    case Status:
        return TradingText::positionStatus(p.status);
    case Quantity:
        return TradingText::quantity(entered ? p.qty : p.targetQty, locale);
    case AvgEntry:
        return entered ? NumberFormat::price(p.avgEntry, locale) : QStringLiteral("–");
    case Mark:
        return row.mark > 0 ? NumberFormat::price(row.mark, locale) : QStringLiteral("–");
    case Stop:
        switch (p.stopKind) {
        case StopKind::Initial:
            return NumberFormat::price(p.stop, locale);
        case StopKind::Breakeven:
            return tr("%1 (BE)", "breakeven stop").arg(NumberFormat::price(p.stop, locale));
        case StopKind::Trailing:
            return tr("%1 (trail)", "trailing stop").arg(NumberFormat::price(p.stop, locale));
        }
        return {};
    case Tp1:
        return p.tp1Done ? tr("%1 ✓", "target reached").arg(NumberFormat::price(p.tp1Price, locale))
                         : NumberFormat::price(p.tp1Price, locale);
    case Tp2:
        return p.tp2Done ? tr("%1 ✓", "target reached").arg(NumberFormat::price(p.tp2Price, locale))
                         : NumberFormat::price(p.tp2Price, locale);
    case PnlUsd:
        return entered ? NumberFormat::signedMoney(p.unrealisedPnlUsd(row.mark), locale) : QStringLiteral("–");
    case PnlR:
        return entered ? TradingText::rMultiple(p.pnlR(row.mark), locale) : QStringLiteral("–");
    case Opened:
        return TradingText::time(p.openedMs);
    default:
        return {};
    }
}

QVariant PositionTableModel::sortValue(const Row &row, int column) const
{
    const Position &p = row.position;
    switch (column) {
    case Symbol:
        return p.symbol;
    case Side:
        return static_cast<int>(p.side);
    case Status:
        return static_cast<int>(p.status);
    case Quantity:
        return p.entryQty > 0 ? p.qty : p.targetQty;
    case AvgEntry:
        return p.avgEntry;
    case Mark:
        return row.mark;
    case Stop:
        return p.stop;
    case Tp1:
        return p.tp1Price;
    case Tp2:
        return p.tp2Price;
    case PnlUsd:
        return p.unrealisedPnlUsd(row.mark);
    case PnlR:
        return p.pnlR(row.mark);
    case Opened:
        return p.openedMs;
    default:
        return {};
    }
}

QVariant PositionTableModel::toolTip(const Row &row, int column) const
{
    const Position &p = row.position;
    switch (column) {
    case Symbol:
        return tr("Position %1, %2 signal %3").arg(p.id).arg(TradingText::strategy(p.strategy), p.signalId);
    case Quantity:
        return tr("%1 of %2 entered; %3 asked for")
            .arg(TradingText::quantity(p.qty), TradingText::quantity(p.entryQty), TradingText::quantity(p.targetQty));
    case Stop:
        return tr("Current stop (%1); initial stop %2")
            .arg(TradingText::stopKind(p.stopKind), NumberFormat::price(p.initialStop));
    case PnlUsd:
    case PnlR:
        return tr("Unrealised %1 at %2; realised so far %3, fees %4; initial risk %5")
            .arg(NumberFormat::signedMoney(p.unrealisedPnlUsd(row.mark)), NumberFormat::price(row.mark),
                 NumberFormat::signedMoney(p.realisedPnlUsd), NumberFormat::money(p.feesUsd),
                 NumberFormat::money(p.initialRiskUsd));
    case Opened:
        return TradingText::fullTime(p.openedMs);
    default:
        return {};
    }
}

QVariant PositionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, column);
    case SortRole:
        return sortValue(row, column);
    case Qt::TextAlignmentRole:
        return cellAlignment(isNumeric(column));
    case Qt::ForegroundRole: {
        const Position &p = row.position;
        if (column == Side)
            return p.side == TradeSide::Long ? Theme::up() : Theme::down();
        if (column == Status && p.status == PositionStatus::Pending)
            return Theme::neutral();
        if ((column == Tp1 && p.tp1Done) || (column == Tp2 && p.tp2Done))
            return Theme::neutral();
        if ((column == PnlUsd || column == PnlR) && p.entryQty > 0) {
            const double value = column == PnlUsd ? p.unrealisedPnlUsd(row.mark) : p.pnlR(row.mark);
            if (value != 0)
                return value > 0 ? Theme::up() : Theme::down();
        }
        return {};
    }
    case Qt::ToolTipRole:
        return toolTip(row, column);
    default:
        return {};
    }
}

QVariant PositionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= Count)
        return {};
    if (role == Qt::TextAlignmentRole)
        return cellAlignment(isNumeric(section));
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Symbol:
            return tr("Symbol");
        case Side:
            return tr("Side");
        case Status:
            return tr("Status");
        case Quantity:
            return tr("Qty");
        case AvgEntry:
            return tr("Avg entry");
        case Mark:
            return tr("Mark");
        case Stop:
            return tr("Stop");
        case Tp1:
            return tr("TP1");
        case Tp2:
            return tr("TP2");
        case PnlUsd:
            return tr("PnL ($)");
        case PnlR:
            return tr("PnL (R)");
        case Opened:
            return tr("Opened");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Mark:
            return tr("Latest price the position was valued at");
        case Stop:
            return tr("Current stop: initial, moved to breakeven (BE) after TP1, or trailing");
        case Tp1:
        case Tp2:
            return tr("Take-profit prices at the preset's multiples of the initial risk; ✓ once filled");
        case PnlUsd:
            return tr("Unrealised PnL of the quantity still held, at the mark, before fees");
        case PnlR:
            return tr("Realised and unrealised price PnL in multiples of the initial risk frozen at entry");
        case Opened:
            return tr("Market time of the first entry fill (UTC)");
        default:
            return {};
        }
    }
    return {};
}

} // namespace bw::ui
