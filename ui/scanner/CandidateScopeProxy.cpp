#include "scanner/CandidateScopeProxy.h"

#include "scanner/CandidateTableModel.h"

namespace bw::ui {

CandidateScopeProxy::CandidateScopeProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Re-filters when a symbol moves between passed and rejected from one report to the next.
    setDynamicSortFilter(true);
}

void CandidateScopeProxy::setCandidatesOnly(bool candidatesOnly)
{
    if (candidatesOnly == m_candidatesOnly)
        return;
    m_candidatesOnly = candidatesOnly;
    invalidateRowsFilter();
}

bool CandidateScopeProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_candidatesOnly)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(CandidateTableModel::PassedRole).toBool();
}

} // namespace bw::ui
