#include "common/SymbolKeyedTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace bw::ui;
using namespace Qt::StringLiterals;

namespace {

// A row with a key, a shown value and a note that no cell shows (so a change of it alone is not reported).
struct TestRow {
    QString key;
    int value = 0;
    QString note;
};

// The smallest leaf model over the shared base: a key column and a value column.
class TestKeyedModel final : public SymbolKeyedTableModel<TestRow>
{
public:
    enum Column { Key, Value, Count };

    explicit TestKeyedModel(ChangeReport report = ChangeReport::PerRun, QList<int> roles = {})
        : SymbolKeyedTableModel(report, std::move(roles), nullptr)
    {}

    void setRows(const QList<TestRow> &rows) { mergeRows(rows); }
    template <typename AfterRemoval>
    void setRows(const QList<TestRow> &rows, AfterRemoval afterRemoval)
    {
        mergeRows(rows, afterRemoval);
    }
    void clear() { clearRows(); }
    const TestRow &row(int row) const { return rowAt(row); }

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : Count; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const TestRow &row = rowAt(index.row());
        if (role == Qt::DisplayRole)
            return index.column() == Key ? QVariant(row.key) : QVariant(QString::number(row.value));
        if (role == SortRole)
            return index.column() == Key ? QVariant(row.key) : QVariant(row.value);
        return {};
    }

private:
    QString keyOf(const TestRow &row) const override { return row.key; }
    bool sameValues(const TestRow &a, const TestRow &b) const override { return a.value == b.value; }
};

QList<TestRow> rows(const QStringList &keys, int value = 0)
{
    QList<TestRow> out;
    for (const QString &key : keys)
        out.append({key, value, {}});
    return out;
}

QStringList keys(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, TestKeyedModel::Key).data().toString();
    return out;
}

// (first row, last row) of every removal or insertion a spy saw.
QList<std::pair<int, int>> ranges(const QSignalSpy &spy)
{
    QList<std::pair<int, int>> out;
    for (const QList<QVariant> &args : spy)
        out.append({args.at(1).toInt(), args.at(2).toInt()});
    return out;
}

// (first row, last row) of every dataChanged a spy saw; each must span every column.
QList<std::pair<int, int>> changedRows(const QSignalSpy &spy)
{
    QList<std::pair<int, int>> out;
    for (const QList<QVariant> &args : spy) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        if (topLeft.column() != 0 || bottomRight.column() != TestKeyedModel::Count - 1)
            return {{-1, -1}};
        out.append({topLeft.row(), bottomRight.row()});
    }
    return out;
}

using Ranges = QList<std::pair<int, int>>;

} // namespace

class TestSymbolKeyedTableModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTesterThroughEveryKindOfMerge()
    {
        TestKeyedModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(TestKeyedModel::SortRole);
        proxy.sort(TestKeyedModel::Value, Qt::DescendingOrder);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QList<TestRow> list = rows({u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s});
        model.setRows(list);
        list[1].value = 7;
        list[3].value = 9;
        model.setRows(list);
        list.removeAt(2);
        list.removeAt(0);
        list.append({u"F"_s, 3, {}});
        model.setRows(list);
        QCOMPARE(keys(model), QStringList({u"B"_s, u"D"_s, u"E"_s, u"F"_s}));
        QCOMPARE(keys(proxy), QStringList({u"D"_s, u"B"_s, u"F"_s, u"E"_s}));
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
        model.setRows(list);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOf(u"B"_s), -1);
    }

    void appendsNewKeysInTheirListedOrder()
    {
        TestKeyedModel model;
        model.setRows(rows({u"A"_s, u"B"_s}));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // New keys come before, between and after the kept ones in the list; they go to the bottom, once.
        model.setRows(rows({u"Z"_s, u"A"_s, u"M"_s, u"B"_s, u"C"_s}));
        QCOMPARE(keys(model), QStringList({u"A"_s, u"B"_s, u"Z"_s, u"M"_s, u"C"_s}));
        QCOMPARE(ranges(inserted), Ranges({{2, 4}}));
        QCOMPARE(removed.count(), 0);
        QCOMPARE(reset.count(), 0);
        for (const QString &key : {u"A"_s, u"B"_s, u"Z"_s, u"M"_s, u"C"_s})
            QCOMPARE(model.rowOf(key), keys(model).indexOf(key));
    }

    void aKeyListedTwiceCountsOnceWithItsLastEntry()
    {
        TestKeyedModel model;
        model.setRows({{u"A"_s, 1, {}}, {u"B"_s, 2, {}}, {u"A"_s, 3, {}}});
        QCOMPARE(keys(model), QStringList({u"B"_s, u"A"_s}));
        QCOMPARE(model.row(model.rowOf(u"A"_s)).value, 3);

        model.setRows({{u"A"_s, 4, {}}, {u"B"_s, 2, {}}, {u"A"_s, 5, {}}});
        QCOMPARE(keys(model), QStringList({u"B"_s, u"A"_s}));
        QCOMPARE(model.row(model.rowOf(u"A"_s)).value, 5);
    }

    void removesMissingKeysInRunsFromTheBottom()
    {
        TestKeyedModel model;
        model.setRows(rows({u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s, u"F"_s, u"G"_s}));
        const QPersistentModelIndex kept = model.index(4, TestKeyedModel::Key); // E
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // B-C and F-G vanish: two runs, the lower one first so that the upper one's rows still hold.
        model.setRows(rows({u"A"_s, u"D"_s, u"E"_s}));
        QCOMPARE(ranges(removed), Ranges({{5, 6}, {1, 2}}));
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(keys(model), QStringList({u"A"_s, u"D"_s, u"E"_s}));
        QVERIFY(kept.isValid());
        QCOMPARE(kept.row(), 2);
        QCOMPARE(kept.data().toString(), u"E"_s);
        QCOMPARE(model.rowOf(u"E"_s), 2);
        QCOMPARE(model.rowOf(u"B"_s), -1);

        // Everything vanishes: one run.
        removed.clear();
        model.setRows({});
        QCOMPARE(ranges(removed), Ranges({{0, 2}}));
    }

    void unchangedRowsEmitNoDataChanged()
    {
        TestKeyedModel model;
        model.setRows(rows({u"A"_s, u"B"_s, u"C"_s}, 1));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        model.setRows(rows({u"A"_s, u"B"_s, u"C"_s}, 1));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);

        // What no cell shows is not reported, but the row still holds the newest value.
        QList<TestRow> noted = rows({u"A"_s, u"B"_s, u"C"_s}, 1);
        noted[1].note = u"later"_s;
        model.setRows(noted);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(model.row(1).note, u"later"_s);
    }

    void changedRowsEmitDataChangedPerRun()
    {
        TestKeyedModel model(TestKeyedModel::ChangeReport::PerRun, {Qt::DisplayRole, TestKeyedModel::SortRole});
        QList<TestRow> list = rows({u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s, u"F"_s});
        model.setRows(list);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        list[1].value = 1;
        list[2].value = 1;
        list[5].value = 1;
        model.setRows(list);
        QCOMPARE(changedRows(changed), Ranges({{1, 2}, {5, 5}}));
        for (const QList<QVariant> &args : std::as_const(changed))
            QCOMPARE(args.at(2).value<QList<int>>(), QList<int>({Qt::DisplayRole, TestKeyedModel::SortRole}));
        QCOMPARE(model.index(2, TestKeyedModel::Value).data().toString(), u"1"_s);
    }

    void changedRowsAsOneSpan()
    {
        TestKeyedModel model(TestKeyedModel::ChangeReport::OneSpan);
        QList<TestRow> list = rows({u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s, u"F"_s});
        model.setRows(list);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        list[1].value = 1;
        list[4].value = 1;
        model.setRows(list);
        QCOMPARE(changedRows(changed), Ranges({{1, 4}}));
        QVERIFY(changed.at(0).at(2).value<QList<int>>().isEmpty()); // every role
    }

    void changesAreReportedAfterRemovalsWithTheRowsTheyThenHave()
    {
        TestKeyedModel model;
        QList<TestRow> list = rows({u"A"_s, u"B"_s, u"C"_s, u"D"_s});
        model.setRows(list);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // B goes, D changes: D is row 2 by then.
        list.removeAt(1);
        list[2].value = 5;
        model.setRows(list);
        QCOMPARE(changedRows(changed), Ranges({{2, 2}}));
        QCOMPARE(model.index(2, TestKeyedModel::Value).data().toString(), u"5"_s);
    }

    void afterRemovalRunsBetweenTheRemovalsAndTheUpdates()
    {
        TestKeyedModel model;
        QList<TestRow> list = rows({u"A"_s, u"B"_s, u"C"_s});
        model.setRows(list);

        QStringList events;
        connect(&model, &QAbstractItemModel::rowsRemoved, this, [&] { events << u"removed"_s; });
        connect(&model, &QAbstractItemModel::dataChanged, this, [&] { events << u"changed"_s; });
        connect(&model, &QAbstractItemModel::rowsInserted, this, [&] { events << u"inserted"_s; });
        list.removeAt(0);
        list[0].value = 2;
        list.append({u"D"_s, 0, {}});
        model.setRows(list, [&] {
            // The kept rows still hold their old values here.
            events << u"hook"_s + QString::number(model.row(model.rowOf(u"B"_s)).value);
        });
        QCOMPARE(events, QStringList({u"removed"_s, u"hook0"_s, u"changed"_s, u"inserted"_s}));
    }
};

QTEST_GUILESS_MAIN(TestSymbolKeyedTableModel)
#include "tst_symbolkeyedtablemodel.moc"
