#pragma once

#include <QVariant>

namespace bw::ui {

// The alignment every table of the workstation gives a cell and its header: numbers to the right, so that
// digits line up, text to the left; both centred vertically.
inline QVariant cellAlignment(bool numeric)
{
    return numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
}

} // namespace bw::ui
