#pragma once

#include <QStyledItemDelegate>

namespace bw::ui {

// Draws the share of symbols left after a funnel stage (the model's SortRole, 0..1) as a horizontal bar
// behind its percentage, so the funnel reads as a funnel.
class FunnelBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace bw::ui
