#include "monitor/CacheBarDelegate.h"

#include "common/Theme.h"
#include "monitor/CacheTableModel.h"

#include <QPainter>

#include <algorithm>

namespace bw::ui {

void CacheBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const double share = std::clamp(index.data(CacheTableModel::SortRole).toDouble(), 0.0, 1.0);
    QStyleOptionViewItem textOption(option);
    initStyleOption(&textOption, index);

    painter->save();
    const QRect track = option.rect.adjusted(6, 4, -6, -4);
    QColor trackColour = option.palette.color(QPalette::Mid);
    trackColour.setAlphaF(0.35);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(trackColour);
    painter->drawRoundedRect(track, 3, 3);
    if (share > 0) {
        QRect fill = track;
        fill.setWidth(std::max(2, static_cast<int>(track.width() * share)));
        QColor colour = index.data(CacheTableModel::PressureRole).toBool() ? Theme::warning()
                                                                           : option.palette.color(QPalette::Highlight);
        colour.setAlphaF(0.55);
        painter->setBrush(colour);
        painter->drawRoundedRect(fill, 3, 3);
    }
    painter->restore();

    // The text over the bar, without the style's own background.
    textOption.backgroundBrush = Qt::NoBrush;
    textOption.rect = option.rect.adjusted(0, 0, -10, 0);
    QStyledItemDelegate::paint(painter, textOption, index);
}

} // namespace bw::ui
