#pragma once

#include "trading/NewestFirstRows.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <algorithm>
#include <utility>

namespace bw::ui {

// The shared mechanics of the trading page's event tables (signals, orders, fills, closed positions): a
// bounded list shown newest first, keyed so that a later state of the same item updates its row in place.
// A batch changes the model with one dataChanged per run of updated rows, then one row insertion at the
// top, after removing the oldest rows beyond the capacity; it never resets the model.
template <typename Key, typename Row>
class BoundedTableModel : public QAbstractTableModel
{
public:
    // The raw value of a cell (double, qint64 or QString) for sorting; never sort the display strings.
    static constexpr int SortRole = Qt::UserRole;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_rows.size(); }
    int capacity() const { return m_rows.capacity(); }
    const Row &rowAt(int row) const { return m_rows.at(row); }
    // The row showing `key`, or -1.
    int rowOf(const Key &key) const { return m_rows.rowOf(key); }

    // Drops every row (a new data source); one removal, not a reset.
    void clear()
    {
        if (m_rows.isEmpty())
            return;
        beginRemoveRows({}, 0, m_rows.size() - 1);
        m_rows.clear();
        endRemoveRows();
    }

protected:
    explicit BoundedTableModel(int capacity, QObject *parent = nullptr)
        : QAbstractTableModel(parent)
        , m_rows(capacity)
    {}

    // Applies `batch` (oldest first). A key already shown is merged into its row with `merge(row, incoming)`;
    // a key seen twice in the batch keeps its last state.
    template <typename Merge>
    void applyBatch(const QList<std::pair<Key, Row>> &batch, Merge merge)
    {
        QList<int> changed;
        QList<std::pair<Key, Row>> added;
        QHash<Key, qsizetype> addedIndex;
        for (const auto &[key, value] : batch) {
            if (const int row = m_rows.rowOf(key); row >= 0) {
                merge(m_rows.at(row), value);
                changed.append(row);
            } else if (const auto it = addedIndex.constFind(key); it != addedIndex.cend()) {
                merge(added[*it].second, value);
            } else {
                addedIndex.insert(key, added.size());
                added.append({key, value});
            }
        }
        emitChanged(changed);

        // More new rows than the table holds: only the newest fit.
        const qsizetype skip = std::max<qsizetype>(0, added.size() - m_rows.capacity());
        const int count = static_cast<int>(added.size() - skip);
        if (count == 0)
            return;
        const int overflow = std::max(0, m_rows.size() + count - m_rows.capacity());
        if (overflow > 0) {
            beginRemoveRows({}, m_rows.size() - overflow, m_rows.size() - 1);
            m_rows.dropOldest(overflow);
            endRemoveRows();
        }
        beginInsertRows({}, 0, count - 1);
        for (qsizetype i = skip; i < added.size(); ++i)
            m_rows.prepend(added.at(i).first, added.at(i).second);
        endInsertRows();
    }

    // One dataChanged per run of consecutive rows, across every column.
    void emitChanged(QList<int> rows)
    {
        if (rows.isEmpty())
            return;
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        const int lastColumn = columnCount() - 1;
        qsizetype start = 0;
        for (qsizetype i = 1; i <= rows.size(); ++i) {
            if (i == rows.size() || rows.at(i) != rows.at(i - 1) + 1) {
                emit dataChanged(index(rows.at(start), 0), index(rows.at(i - 1), lastColumn));
                start = i;
            }
        }
    }

    Row &mutableRow(int row) { return m_rows.at(row); }

private:
    NewestFirstRows<Key, Row> m_rows;
};

} // namespace bw::ui
