#pragma once

#include <QSortFilterProxyModel>

namespace bw::ui {

// The workstation's table proxy: sorts on the raw-value role (Qt::UserRole), filters case-insensitively,
// and draws the sort indicator as part of the header text, on the side the column is aligned to, so a
// right-aligned caption stays flush with its numbers instead of being overlapped by the style's arrow.
class SortFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SortFilterProxyModel(QObject *parent = nullptr);

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

} // namespace bw::ui
