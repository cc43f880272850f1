#include "scanner/FunnelBarDelegate.h"

#include "scanner/FunnelModel.h"

#include <QPainter>

#include <algorithm>

namespace bw::ui {

void FunnelBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const double share = std::clamp(index.data(FunnelModel::SortRole).toDouble(), 0.0, 1.0);
    QStyleOptionViewItem textOption(option);
    initStyleOption(&textOption, index);

    painter->save();
    const QRect track = option.rect.adjusted(4, 4, -4, -4);
    QColor trackColour = option.palette.color(QPalette::Mid);
    trackColour.setAlphaF(0.3f);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(trackColour);
    painter->drawRoundedRect(track, 2, 2);
    if (share > 0) {
        QRect fill = track;
        fill.setWidth(std::max(2, static_cast<int>(track.width() * share)));
        QColor colour = option.palette.color(QPalette::Highlight);
        colour.setAlphaF(0.6f);
        painter->setBrush(colour);
        painter->drawRoundedRect(fill, 2, 2);
    }
    painter->restore();

    textOption.backgroundBrush = Qt::NoBrush;
    textOption.rect = option.rect.adjusted(0, 0, -8, 0);
    QStyledItemDelegate::paint(painter, textOption, index);
}

QSize FunnelBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), 140));
    return size;
}

} // namespace bw::ui
