#pragma once

#include <QStyledItemDelegate>

namespace bw::ui {

// Draws a cache's occupancy (the model's SortRole share, 0..1) as a bar behind the "size / capacity"
// text, so a full cache stands out in a long list. The bar turns to the warning colour while the cache is
// under pressure (the model's PressureRole: evicting for lack of room), not merely because it is full: a
// cache sized to its working set is full and healthy.
class CacheBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace bw::ui
