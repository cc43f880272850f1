#pragma once

#include "trading/BoundedTableModel.h"
#include "trading/Signal.h"

#include <QList>
#include <QString>

namespace bw::ui {

// One signal as the trading page shows it: the proposal and what became of it.
struct SignalRow {
    enum class Decision { Pending, Entered, Rejected };

    bw::Signal signal;
    Decision decision = Decision::Pending;
    QString code;   // the refusal code when rejected ("max_positions", ...)
    QString reason; // the refusal, in a sentence
};

// The signals the engine generated, newest first, with their fate: entered, or rejected with the risk
// manager's code and reason. Bounded: the oldest rows leave once it holds `capacity`.
class SignalTableModel final : public BoundedTableModel<QString, SignalRow>
{
    Q_OBJECT

public:
    enum Column { Time, Symbol, Side, Strategy, Entry, Stop, Targets, Confidence, Decision, Reason, Count };
    static constexpr int kDefaultCapacity = 1000;

    explicit SignalTableModel(int capacity = kDefaultCapacity, QObject *parent = nullptr);

    // New signals (one scan's), pending until decided.
    void addSignals(const QList<bw::Signal> &signalList);
    // A signal's fate; a signal not shown yet is added with it.
    void setDecision(const bw::Signal &signal, bool entered, const QString &code, const QString &reason);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const SignalRow &row, int column) const;
    QVariant sortValue(const SignalRow &row, int column) const;
    QString decisionText(const SignalRow &row) const;
};

} // namespace bw::ui
