#pragma once

#include "scanner/ScanReport.h"

#include <QAbstractTableModel>
#include <QList>

namespace bw::ui {

// The scan's funnel: one row per stage with the symbols that went in and came out, the share of all
// symbols still left after it, and the CPU time it took. The rows are the fixed list of stages, so a new
// report is one dataChanged.
class FunnelModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Stage, In, Out, Left, Time, Count };
    static constexpr int SortRole = Qt::UserRole; // raw numbers; Left: the share 0..1 the bar draws

    explicit FunnelModel(QObject *parent = nullptr);

    void setReport(const bw::ScanReportPtr &report);
    void clear() { setReport({}); }
    const QList<FunnelStage> &stages() const { return m_stages; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    double share(const FunnelStage &stage) const;

    QList<FunnelStage> m_stages;
    int m_total = 0; // symbols the scan started with
};

} // namespace bw::ui
