#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <utility>

namespace bw::ui {

// The shared mechanics of a table with one row per key (a symbol) that is refreshed with the whole list of
// rows at a time: the new list is merged by key, so that views keep their selection, scroll position and
// sort order from refresh to refresh. Rows whose key is gone are removed (one removal per run of
// consecutive rows), rows that stay take their new values in place and are reported with dataChanged only
// where sameValues() says they show something else, and new keys are appended in the order the list gives
// them. The model is never reset.
//
// The leaf model says how a row's key is read (keyOf) and when two rows show the same (sameValues), and
// supplies the columns, data and headers. moc cannot process a class template, so this class has no
// Q_OBJECT (it adds no signals, slots or properties); the leaf models have theirs, and with it their own
// tr() context.
template <typename Row>
class SymbolKeyedTableModel : public QAbstractTableModel
{
public:
    // The raw value of a cell (double or QString) for sorting; never sort the display strings.
    static constexpr int SortRole = Qt::UserRole;

    // How the rows updated in place are reported.
    enum class ChangeReport {
        PerRun,  // one dataChanged per run of consecutive changed rows
        OneSpan, // one dataChanged from the first changed row to the last, the unchanged ones between included
    };

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }

    // The row showing `key`, or -1.
    int rowOf(const QString &key) const { return m_index.value(key, -1); }

protected:
    // `changedRoles` go with every dataChanged; empty means every role.
    SymbolKeyedTableModel(ChangeReport report, QList<int> changedRoles, QObject *parent)
        : QAbstractTableModel(parent)
        , m_report(report)
        , m_changedRoles(std::move(changedRoles))
    {}

    virtual QString keyOf(const Row &row) const = 0;
    // Whether every cell of `current` shows what it would show for `next`: the rows that differ are the
    // ones reported with dataChanged.
    virtual bool sameValues(const Row &current, const Row &next) const = 0;

    const Row &rowAt(int row) const { return m_rows.at(row); }

    // Makes the table show `next`; a key listed twice counts once, its last entry. Every kept row takes the
    // value `next` has for its key, changed or not, so that what sameValues() does not compare is current
    // too. `afterRemoval` runs after the vanished rows are removed and before the kept rows take their new
    // values: a leaf model whose rows point into data it holds swaps that data there, so that views reacting
    // to the removals still read the old data through the rows they keep.
    template <typename AfterRemoval>
    void mergeRows(const QList<Row> &next, AfterRemoval afterRemoval)
    {
        QHash<QString, int> incoming; // key -> position in `next`
        incoming.reserve(next.size());
        for (int i = 0; i < next.size(); ++i)
            incoming.insert(keyOf(next.at(i)), i);

        removeMissing(incoming);
        afterRemoval();
        updateKept(next, incoming);
        appendNew(next, incoming);
    }

    void mergeRows(const QList<Row> &next)
    {
        mergeRows(next, [] {});
    }

    // Drops every row: one removal, not a reset.
    void clearRows()
    {
        if (m_rows.isEmpty())
            return;
        beginRemoveRows({}, 0, static_cast<int>(m_rows.size()) - 1);
        m_rows.clear();
        m_index.clear();
        endRemoveRows();
    }

private:
    void removeMissing(const QHash<QString, int> &incoming)
    {
        // From the bottom up, one removal per run of consecutive rows, so that the row numbers of the runs
        // still to remove stay valid.
        int row = static_cast<int>(m_rows.size()) - 1;
        bool removed = false;
        while (row >= 0) {
            if (incoming.contains(keyOf(m_rows.at(row)))) {
                --row;
                continue;
            }
            const int last = row;
            while (row >= 0 && !incoming.contains(keyOf(m_rows.at(row))))
                --row;
            const int first = row + 1;
            beginRemoveRows({}, first, last);
            m_rows.remove(first, last - first + 1);
            endRemoveRows();
            removed = true;
        }
        if (removed || m_index.size() != m_rows.size())
            rebuildIndex();
    }

    void updateKept(const QList<Row> &next, const QHash<QString, int> &incoming)
    {
        QList<int> changed;
        for (int row = 0; row < m_rows.size(); ++row) {
            const Row &fresh = next.at(incoming.value(keyOf(m_rows.at(row))));
            if (!sameValues(m_rows.at(row), fresh))
                changed.append(row);
            m_rows[row] = fresh;
        }
        reportChanged(changed);
    }

    void appendNew(const QList<Row> &next, const QHash<QString, int> &incoming)
    {
        // A key listed twice is appended once, at the place of its last entry.
        QList<int> added;
        for (int i = 0; i < next.size(); ++i) {
            const QString key = keyOf(next.at(i));
            if (!m_index.contains(key) && incoming.value(key) == i)
                added.append(i);
        }
        if (added.isEmpty())
            return;
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const int i : std::as_const(added)) {
            m_index.insert(keyOf(next.at(i)), static_cast<int>(m_rows.size()));
            m_rows.append(next.at(i));
        }
        endInsertRows();
    }

    // `rows` ascending.
    void reportChanged(const QList<int> &rows)
    {
        if (rows.isEmpty())
            return;
        const int lastColumn = columnCount() - 1;
        if (m_report == ChangeReport::OneSpan) {
            emit dataChanged(index(rows.first(), 0), index(rows.last(), lastColumn), m_changedRoles);
            return;
        }
        qsizetype start = 0;
        for (qsizetype i = 1; i <= rows.size(); ++i) {
            if (i == rows.size() || rows.at(i) != rows.at(i - 1) + 1) {
                emit dataChanged(index(rows.at(start), 0), index(rows.at(i - 1), lastColumn), m_changedRoles);
                start = i;
            }
        }
    }

    void rebuildIndex()
    {
        m_index.clear();
        m_index.reserve(m_rows.size());
        for (int row = 0; row < m_rows.size(); ++row)
            m_index.insert(keyOf(m_rows.at(row)), row);
    }

    const ChangeReport m_report;
    const QList<int> m_changedRoles;
    QList<Row> m_rows;
    QHash<QString, int> m_index; // key -> row
};

} // namespace bw::ui
