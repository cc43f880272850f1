#pragma once

#include "app/WorkstationSession.h"

#include <QAbstractTableModel>
#include <QList>

#include <deque>

namespace bw::ui {

// The session's log lines as a table, oldest first, bounded: once `capacity` lines are held, each new
// batch removes as many of the oldest. Lines only ever arrive at the end and leave at the front, so the
// model reports row inserts and removals, never a reset (except when the user clears it).
class LogTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Level, Category, Message, Count };
    // Severity rank of a row (0 debug, 1 info, 2 warning, 3 error) for the level filter.
    static constexpr int SeverityRole = Qt::UserRole;
    static constexpr int DefaultCapacity = 5000;

    explicit LogTableModel(QObject *parent = nullptr, int capacity = DefaultCapacity);

    // Ranks QtMsgType by severity (QtInfoMsg has the highest enum value, so the enum cannot be compared).
    static int severity(QtMsgType level);
    // "Debug", "Info", "Warning", "Error" (translated).
    static QString levelName(QtMsgType level);

    // Adds lines at the end in one insert, after dropping the oldest lines that no longer fit.
    void append(const QList<bw::LogLine> &lines);
    void append(const bw::LogLine &line) { append(QList<bw::LogLine>{line}); }
    void clear();

    int capacity() const { return m_capacity; }
    const LogLine &lineAt(int row) const { return m_lines.at(static_cast<std::size_t>(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::deque<LogLine> m_lines;
    int m_capacity;
};

} // namespace bw::ui
