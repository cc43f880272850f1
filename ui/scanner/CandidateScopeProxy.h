#pragma once

#include <QSortFilterProxyModel>

namespace bw::ui {

// "Candidates only" or "All symbols" over a CandidateTableModel (its PassedRole). Sits under the view's
// SortFilterProxyModel, which sorts and filters by symbol text; it neither sorts nor reorders.
class CandidateScopeProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit CandidateScopeProxy(QObject *parent = nullptr);

    bool candidatesOnly() const { return m_candidatesOnly; }
    void setCandidatesOnly(bool candidatesOnly);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_candidatesOnly = false;
};

} // namespace bw::ui
