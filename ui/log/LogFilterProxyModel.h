#pragma once

#include <QSortFilterProxyModel>

namespace bw::ui {

// What the log dock shows of a LogTableModel: lines at or above a minimum severity whose category or
// message contains a text (case-insensitive). Keeps the model's order (a log is read in time order).
class LogFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LogFilterProxyModel(QObject *parent = nullptr);

    // 0 debug and above, 1 info and above, 2 warnings and errors, 3 errors only.
    void setMinimumSeverity(int severity);
    int minimumSeverity() const { return m_minimumSeverity; }
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_minimumSeverity = 1;
    QString m_text;
};

} // namespace bw::ui
