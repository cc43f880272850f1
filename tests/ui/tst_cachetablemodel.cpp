#include "common/BoundedCache.h"
#include "common/CacheRegistry.h"
#include "monitor/CacheTableModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

#include <memory>

using namespace bw;
using namespace bw::ui;
using namespace Qt::StringLiterals;

namespace {

using IntCache = BoundedCache<int, int>;

std::unique_ptr<IntCache> makeCache(const QString &name, qint64 capacity)
{
    IntCache::Options options;
    options.name = name;
    options.capacity = capacity;
    return std::make_unique<IntCache>(options);
}

int rowOf(const CacheTableModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, CacheTableModel::Name).data().toString() == name)
            return row;
    }
    return -1;
}

} // namespace

// The cache occupancy table over real caches registered in the process-wide registry.
class TestCacheTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void showsEveryRegisteredCache()
    {
        auto quotes = makeCache(u"test.quotes"_s, 10);
        for (int i = 0; i < 5; ++i)
            quotes->put(i, i);
        QVERIFY(quotes->get(1));
        QVERIFY(!quotes->get(99));

        CacheTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh(CacheRegistry::instance().stats());

        const int row = rowOf(model, u"test.quotes"_s);
        QVERIFY(row >= 0);
        QCOMPARE(model.columnCount(), int(CacheTableModel::Count));
        QCOMPARE(model.index(row, CacheTableModel::Occupancy).data().toString(), u"5 / 10"_s);
        QCOMPARE(model.index(row, CacheTableModel::Occupancy).data(CacheTableModel::SortRole).toDouble(), 0.5);
        QCOMPARE(model.index(row, CacheTableModel::HitRate).data(CacheTableModel::SortRole).toDouble(), 0.5);
        QCOMPARE(model.index(row, CacheTableModel::HitRate).data().toString(), u"50.0 %"_s);
        QVERIFY(model.index(row, CacheTableModel::EstimatedBytes).data(CacheTableModel::SortRole).toLongLong() > 0);
    }

    void refreshUpdatesInPlaceWithoutReset()
    {
        auto small = makeCache(u"test.small"_s, 2);
        small->put(1, 1);
        CacheTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh(CacheRegistry::instance().stats());
        const int row = rowOf(model, u"test.small"_s);
        QVERIFY(row >= 0);

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        small->put(2, 2);
        small->put(3, 3); // evicts the least recently used entry
        model.refresh(CacheRegistry::instance().stats());

        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserts.count(), 0);
        QCOMPARE(changes.count(), 1);
        const QModelIndex topLeft = changes.at(0).at(0).toModelIndex();
        const QModelIndex bottomRight = changes.at(0).at(1).toModelIndex();
        QVERIFY(topLeft.row() <= row && row <= bottomRight.row());
        QCOMPARE(bottomRight.column(), CacheTableModel::Count - 1);
        QCOMPARE(model.index(row, CacheTableModel::Evictions).data(CacheTableModel::SortRole).toLongLong(), 1);
        QCOMPARE(model.index(row, CacheTableModel::Occupancy).data().toString(), u"2 / 2"_s);

        // Nothing changed: no signal at all.
        changes.clear();
        model.refresh(CacheRegistry::instance().stats());
        QCOMPARE(changes.count(), 0);
    }

    void cachesComeAndGoAsRows()
    {
        CacheTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh(CacheRegistry::instance().stats());
        const int before = model.rowCount();
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        {
            auto temporary = makeCache(u"test.temporary"_s, 4);
            model.refresh(CacheRegistry::instance().stats());
            QCOMPARE(model.rowCount(), before + 1);
            QVERIFY(rowOf(model, u"test.temporary"_s) >= 0);
        }
        model.refresh(CacheRegistry::instance().stats());
        QCOMPARE(model.rowCount(), before);
        QCOMPARE(rowOf(model, u"test.temporary"_s), -1);
        QCOMPARE(resets.count(), 0);
    }
    void onlyChangedRowsAreReported()
    {
        // Figures as a remote server reports them: three caches, the middle one idle.
        QList<CacheStats> stats(3);
        stats[0].name = u"remote.a"_s;
        stats[1].name = u"remote.idle"_s;
        stats[2].name = u"remote.c"_s;
        for (CacheStats &s : stats)
            s.capacity = 10;
        CacheTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh(stats);
        QCOMPARE(model.rowCount(), 3);

        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        stats[0].hits = 4;
        stats[2].evictions = 1;
        model.refresh(stats);
        QCOMPARE(resets.count(), 0);
        // Two ranges, one per changed row: the idle row between them is not part of either.
        QCOMPARE(changes.count(), 2);
        QCOMPARE(changes.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changes.at(0).at(1).toModelIndex().row(), 0);
        QCOMPARE(changes.at(1).at(0).toModelIndex().row(), 2);
        QCOMPARE(changes.at(1).at(1).toModelIndex().row(), 2);

        // Adjacent changed rows share one range.
        changes.clear();
        stats[0].hits = 5;
        stats[1].size = 1;
        model.refresh(stats);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changes.at(0).at(1).toModelIndex().row(), 1);
    }

    void cachesOfTheSameNameAreSeparateRows()
    {
        auto older = makeCache(u"test.twin"_s, 4);
        auto newer = makeCache(u"test.twin"_s, 8);
        CacheTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh(CacheRegistry::instance().stats());
        int twins = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            twins += model.index(row, CacheTableModel::Name).data().toString() == u"test.twin"_s ? 1 : 0;
        QCOMPARE(twins, 2);
        older.reset();
        model.refresh(CacheRegistry::instance().stats());
        const int row = rowOf(model, u"test.twin"_s);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, CacheTableModel::Occupancy).data().toString(), u"0 / 8"_s);
    }
};

QTEST_MAIN(TestCacheTableModel)
#include "tst_cachetablemodel.moc"
