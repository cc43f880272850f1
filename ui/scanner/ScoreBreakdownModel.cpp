#include "scanner/ScoreBreakdownModel.h"

#include "common/CellAlignment.h"
#include "common/Theme.h"
#include "scanner/ScanFormat.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace bw::ui {

ScoreBreakdownModel::ScoreBreakdownModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ScoreBreakdownModel::rowCount(const QModelIndex &parent) const
{
    return (parent.isValid() || !m_breakdown) ? 0 : kScoreComponentCount;
}

int ScoreBreakdownModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

void ScoreBreakdownModel::setBreakdown(const std::optional<ScoreBreakdown> &breakdown)
{
    if (breakdown && m_breakdown) {
        m_breakdown = breakdown;
        emit dataChanged(index(0, 0), index(kScoreComponentCount - 1, Count - 1));
    } else if (breakdown) {
        beginInsertRows({}, 0, kScoreComponentCount - 1);
        m_breakdown = breakdown;
        endInsertRows();
    } else if (m_breakdown) {
        beginRemoveRows({}, 0, kScoreComponentCount - 1);
        m_breakdown.reset();
        endRemoveRows();
    }
}

std::optional<double> ScoreBreakdownModel::weightOf(int component) const
{
    if (!m_breakdown || component < 0 || component >= kScoreComponentCount)
        return std::nullopt;
    const auto i = std::size_t(component);
    const std::optional<double> &weighted = m_breakdown->weighted[i];
    const double normalised = m_breakdown->normalised[i];
    if (!weighted || normalised == 0)
        return std::nullopt;
    return *weighted / normalised;
}

QVariant ScoreBreakdownModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_breakdown)
        return {};
    const int row = index.row();
    const auto component = ScoreComponent(row);
    const std::optional<double> &weighted = m_breakdown->weighted[std::size_t(row)];
    const double normalised = m_breakdown->normalised[std::size_t(row)];
    const std::optional<double> weight = weightOf(row);
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Component:
            return ScanFormat::componentName(component);
        case Normalised:
            return locale.toString(normalised, 'f', 2);
        case Weight:
            if (!weighted)
                return tr("not weighted");
            return weight ? locale.toString(*weight, 'f', 2) : QStringLiteral("–");
        case Contribution:
            return weighted ? locale.toString(*weighted, 'f', 3) : QString();
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case Component:
            return ScanFormat::componentName(component);
        case Normalised:
            return normalised;
        case Weight:
            return weight.value_or(std::numeric_limits<double>::quiet_NaN());
        case Contribution:
            return weighted.value_or(std::numeric_limits<double>::quiet_NaN());
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return cellAlignment(index.column() != Component);
    case Qt::ForegroundRole:
        if (!weighted)
            return Theme::neutral();
        if (index.column() == Contribution && *weighted != 0)
            return *weighted > 0 ? Theme::up() : Theme::down();
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Component) {
            QString tip = ScanFormat::componentDescription(component);
            if (component == ScoreComponent::AtrQuality)
                tip += u'\n' + tr("Raw quality: %1 (0 to 1)").arg(locale.toString(m_breakdown->atrQuality, 'f', 2));
            return tip;
        }
        if (index.column() == Weight && weighted && !weight)
            return tr("The component is 0, so it adds nothing whatever its weight");
        return {};
    default:
        return {};
    }
}

QVariant ScoreBreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= Count)
        return {};
    if (role == Qt::TextAlignmentRole)
        return cellAlignment(section != Component);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Normalised:
            return tr("The component's value before weighting, clipped to its range");
        case Weight:
            return tr("The preset's weight for the component");
        case Contribution:
            return tr("Value × weight; the score is the sum of this column");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Component:
        return tr("Component");
    case Normalised:
        return tr("Value");
    case Weight:
        return tr("Weight");
    case Contribution:
        return tr("Weighted");
    default:
        return {};
    }
}

} // namespace bw::ui
