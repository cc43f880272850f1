#pragma once

#include "scanner/ScanTypes.h"

#include <QAbstractTableModel>

#include <optional>

namespace bw::ui {

// A candidate's score, component by component: the normalised value, the preset's weight and the
// weighted contribution that the total sums. One row per component while a breakdown is shown, none
// otherwise (a rejected symbol is never scored).
class ScoreBreakdownModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Component, Normalised, Weight, Contribution, Count };
    static constexpr int SortRole = Qt::UserRole; // raw doubles; NaN where a component is not weighted

    explicit ScoreBreakdownModel(QObject *parent = nullptr);

    void setBreakdown(const std::optional<bw::ScoreBreakdown> &breakdown);
    const std::optional<ScoreBreakdown> &breakdown() const { return m_breakdown; }

    // The weight the contribution implies (contribution / normalised value); absent when the component is
    // not weighted or its value is 0 (the report keeps contributions, not the preset's weights).
    std::optional<double> weightOf(int component) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::optional<ScoreBreakdown> m_breakdown;
};

} // namespace bw::ui
