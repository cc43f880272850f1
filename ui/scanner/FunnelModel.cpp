#include "scanner/FunnelModel.h"

#include "common/CellAlignment.h"
#include "common/Theme.h"
#include "scanner/ScanFormat.h"

#include <QLocale>

#include <algorithm>

namespace bw::ui {

FunnelModel::FunnelModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int FunnelModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_stages.size());
}

int FunnelModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

void FunnelModel::setReport(const ScanReportPtr &report)
{
    const QList<FunnelStage> next = report ? report->funnel : QList<FunnelStage>();
    const int total = report ? report->symbolsTotal : 0;
    const int oldCount = static_cast<int>(m_stages.size());
    const int newCount = static_cast<int>(next.size());
    if (newCount < oldCount) {
        beginRemoveRows({}, newCount, oldCount - 1);
        m_stages.resize(newCount);
        endRemoveRows();
    }
    m_total = total;
    const int kept = std::min(oldCount, newCount);
    for (int i = 0; i < kept; ++i)
        m_stages[i] = next.at(i);
    if (kept > 0)
        emit dataChanged(index(0, 0), index(kept - 1, Count - 1));
    if (newCount > oldCount) {
        beginInsertRows({}, oldCount, newCount - 1);
        for (int i = oldCount; i < newCount; ++i)
            m_stages.append(next.at(i));
        endInsertRows();
    }
}

double FunnelModel::share(const FunnelStage &stage) const
{
    return m_total > 0 ? double(stage.symbolsOut) / double(m_total) : 0.0;
}

QVariant FunnelModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FunnelStage &stage = m_stages.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Stage:
            return ScanFormat::stageTitle(stage.stage);
        case In:
            return locale.toString(stage.symbolsIn);
        case Out:
            return locale.toString(stage.symbolsOut);
        case Left:
            return ScanFormat::percent(share(stage) * 100.0, 0, locale);
        case Time:
            return ScanFormat::milliseconds(stage.cpuMs, locale);
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case Stage:
            return int(stage.stage);
        case In:
            return stage.symbolsIn;
        case Out:
            return stage.symbolsOut;
        case Left:
            return share(stage);
        case Time:
            return stage.cpuMs;
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return cellAlignment(index.column() != Stage);
    case Qt::ForegroundRole:
        if (index.column() == Out && stage.symbolsOut < stage.symbolsIn)
            return Theme::warning();
        return {};
    case Qt::ToolTipRole:
        return tr("%1: %2 in, %3 out (%4 removed), %5 of CPU time over all workers")
            .arg(ScanFormat::stageTitle(stage.stage))
            .arg(stage.symbolsIn)
            .arg(stage.symbolsOut)
            .arg(stage.symbolsIn - stage.symbolsOut)
            .arg(ScanFormat::milliseconds(stage.cpuMs, locale));
    default:
        return {};
    }
}

QVariant FunnelModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= Count)
        return {};
    if (role == Qt::TextAlignmentRole)
        return cellAlignment(section != Stage);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Left:
            return tr("Share of all scanned symbols still in after the stage");
        case Time:
            return tr("CPU time of the stage, summed over the worker threads");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Stage:
        return tr("Stage");
    case In:
        return tr("In");
    case Out:
        return tr("Out");
    case Left:
        return tr("Left");
    case Time:
        return tr("CPU time");
    default:
        return {};
    }
}

} // namespace bw::ui
