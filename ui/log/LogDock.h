#pragma once

#include "app/WorkstationSession.h"

#include <QDockWidget>
#include <QList>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;

namespace bw::ui {

class LogFilterProxyModel;
class LogTableModel;

// The log dock: the session's log lines in a bounded table with a level filter and a text filter. It
// follows the newest line unless the user scrolled up to read something, and then keeps that line in
// place. Lines are collected as they arrive and added to the table at most ten times a second.
class LogDock final : public QDockWidget
{
    Q_OBJECT

public:
    explicit LogDock(QWidget *parent = nullptr, int capacity = 5000);

    // Shows what `session` logs from now on; null detaches. Lines already shown stay.
    void setSession(bw::WorkstationSession *session);

    LogTableModel *model() const { return m_model; }
    LogFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    // True while the table sticks to the newest line.
    bool isFollowingTail() const;

public slots:
    // Queues a line; it is shown at the next flush.
    void addLine(const bw::LogLine &line);
    // Adds the queued lines to the table now.
    void flush();
    void clear();

private:
    void setMinimumSeverity(int severity);
    void updateCount();

    LogTableModel *m_model = nullptr;
    LogFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_level = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_count = nullptr;
    QToolButton *m_clear = nullptr;
    QTimer *m_flushTimer = nullptr;
    QList<LogLine> m_pending;
    bool m_following = true;
    int m_removedAbove = 0; // visible rows dropped from the front during one flush
    QPointer<bw::WorkstationSession> m_session;
    QMetaObject::Connection m_sessionConnection;
};

} // namespace bw::ui
