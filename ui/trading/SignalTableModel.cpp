#include "trading/SignalTableModel.h"

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
    case SignalTableModel::Entry:
    case SignalTableModel::Stop:
    case SignalTableModel::Targets:
    case SignalTableModel::Confidence:
        return true;
    default:
        return false;
    }
}

} // namespace

SignalTableModel::SignalTableModel(int capacity, QObject *parent)
    : BoundedTableModel(capacity, parent)
{}

int SignalTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

void SignalTableModel::addSignals(const QList<Signal> &signalList)
{
    QList<std::pair<QString, SignalRow>> batch;
    batch.reserve(signalList.size());
    for (const Signal &signal : signalList)
        batch.append({signal.id, SignalRow{signal, SignalRow::Decision::Pending, {}, {}}});
    // A signal published again keeps the decision it already has.
    applyBatch(batch, [](SignalRow &row, const SignalRow &incoming) { row.signal = incoming.signal; });
}

void SignalTableModel::setDecision(const Signal &signal, bool entered, const QString &code, const QString &reason)
{
    SignalRow decided{signal, entered ? SignalRow::Decision::Entered : SignalRow::Decision::Rejected,
                      entered ? QString() : code, entered ? QString() : reason};
    applyBatch({{signal.id, decided}}, [](SignalRow &row, const SignalRow &incoming) { row = incoming; });
}

QString SignalTableModel::decisionText(const SignalRow &row) const
{
    switch (row.decision) {
    case SignalRow::Decision::Pending:
        return tr("Pending");
    case SignalRow::Decision::Entered:
        return tr("Entered");
    case SignalRow::Decision::Rejected:
        return tr("Rejected: %1").arg(TradingText::rejection(row.code));
    }
    return {};
}

QVariant SignalTableModel::displayValue(const SignalRow &row, int column) const
{
    const QLocale locale;
    const Signal &s = row.signal;
    switch (column) {
    case Time:
        return TradingText::time(s.createdMs);
    case Symbol:
        return s.symbol;
    case Side:
        return TradingText::side(s.side);
    case Strategy:
        return TradingText::strategy(s.strategy);
    case Entry:
        return NumberFormat::price(s.entry, locale);
    case Stop:
        return NumberFormat::price(s.stop, locale);
    case Targets:
        return tr("%1 / %2").arg(NumberFormat::price(s.tp1, locale), NumberFormat::price(s.tp2, locale));
    case Confidence:
        return tr("%1 %").arg(locale.toString(s.confidence * 100.0, 'f', 0));
    case Decision:
        return decisionText(row);
    case Reason:
        // Why it was refused; for a signal that was not refused, why it fired.
        return row.decision == SignalRow::Decision::Rejected ? row.reason : s.reason;
    default:
        return {};
    }
}

QVariant SignalTableModel::sortValue(const SignalRow &row, int column) const
{
    const Signal &s = row.signal;
    switch (column) {
    case Time:
        return s.createdMs;
    case Symbol:
        return s.symbol;
    case Side:
        return static_cast<int>(s.side);
    case Strategy:
        return static_cast<int>(s.strategy);
    case Entry:
        return s.entry;
    case Stop:
        return s.stop;
    case Targets:
        return s.tp1;
    case Confidence:
        return s.confidence;
    case Decision:
        return decisionText(row);
    case Reason:
        return displayValue(row, Reason);
    default:
        return {};
    }
}

QVariant SignalTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SignalRow &row = rowAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, column);
    case SortRole:
        return sortValue(row, column);
    case Qt::TextAlignmentRole:
        return cellAlignment(isNumeric(column));
    case Qt::ForegroundRole:
        if (column == Side)
            return row.signal.side == TradeSide::Long ? Theme::up() : Theme::down();
        if (column == Decision && row.decision == SignalRow::Decision::Entered)
            return Theme::up();
        if ((column == Decision || column == Reason) && row.decision != SignalRow::Decision::Entered)
            return Theme::neutral();
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Time:
            return TradingText::fullTime(row.signal.createdMs);
        case Decision:
            return row.decision == SignalRow::Decision::Rejected ? tr("%1 (%2)").arg(row.reason, row.code) : QVariant();
        case Reason:
            return displayValue(row, Reason);
        case Targets:
            return tr("Take profit 1 at %1, take profit 2 at %2; initial risk %3 per unit")
                .arg(NumberFormat::price(row.signal.tp1), NumberFormat::price(row.signal.tp2),
                     NumberFormat::price(row.signal.initialRiskPerUnit));
        default:
            return row.signal.reason.isEmpty() ? QVariant() : QVariant(row.signal.reason);
        }
    default:
        return {};
    }
}

QVariant SignalTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= Count)
        return {};
    if (role == Qt::TextAlignmentRole)
        return cellAlignment(isNumeric(section));
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Time:
            return tr("Time");
        case Symbol:
            return tr("Symbol");
        case Side:
            return tr("Side");
        case Strategy:
            return tr("Strategy");
        case Entry:
            return tr("Entry");
        case Stop:
            return tr("Stop");
        case Targets:
            return tr("TP1 / TP2");
        case Confidence:
            return tr("Confidence");
        case Decision:
            return tr("Decision");
        case Reason:
            return tr("Reason");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Time:
            return tr("Market time the signal fired (UTC)");
        case Entry:
            return tr("The price the signal expects to achieve, not the level");
        case Targets:
            return tr("Take-profit prices at the preset's multiples of the initial risk");
        case Confidence:
            return tr("The signal engine's confidence from its weighted components");
        case Decision:
            return tr("Entered, or rejected by the risk manager with its reason");
        case Reason:
            return tr("Why the risk manager refused the signal, or why it fired");
        default:
            return {};
        }
    }
    return {};
}

} // namespace bw::ui
