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
};

QTEST_MAIN(TestCacheTableModel)
#include "tst_cachetablemodel.moc"
