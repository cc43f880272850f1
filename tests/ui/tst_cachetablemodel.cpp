#include "common/BoundedCache.h"
#include "common/CacheRegistry.h"
#include "common/Theme.h"
#include "monitor/CacheBarDelegate.h"
#include "monitor/CacheTableModel.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QPainter>
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

// A (symbol, bar) key whose slot is the symbol, as in the scanner's caches.
struct BarKey {
    int symbol = 0;
    qint64 bar = 0;
    bool operator==(const BarKey &) const = default;
};
struct BarKeyHash {
    std::size_t operator()(const BarKey &k) const noexcept { return std::hash<qint64>()(k.bar * 100'003 + k.symbol); }
};
struct SymbolSlot {
    int operator()(const BarKey &k) const noexcept { return k.symbol; }
};
using BarCache = BoundedCache<BarKey, int, BarKeyHash, SymbolSlot>;

// One scan per closed bar over `symbols` symbols, each looked up first (a miss on a new bar), as the
// scanner does at the live cadence.
void scanBars(BarCache &cache, int symbols, qint64 fromBar, qint64 toBar)
{
    for (qint64 bar = fromBar; bar < toBar; ++bar) {
        for (int symbol = 0; symbol < symbols; ++symbol) {
            if (!cache.get({symbol, bar}))
                cache.put({symbol, bar}, symbol);
            QVERIFY(cache.get({symbol, bar})); // a second scan on the same bar
        }
    }
}

// The colour the delegate paints inside the occupancy bar of the given cell.
QColor barColour(const QModelIndex &index)
{
    QImage image(200, 24, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    QStyleOptionViewItem option;
    option.rect = image.rect();
    option.palette.setColor(QPalette::Highlight, QColor(0x20, 0x60, 0xc0));
    option.palette.setColor(QPalette::Mid, Qt::white);
    CacheBarDelegate delegate;
    delegate.paint(&painter, option, index);
    painter.end();
    return image.pixelColor(9, 12); // inside the filled part (it starts 6 px in), left of the text
}

// The delegate's bar colour (55 % opaque) over the white test background.
QColor overWhite(const QColor &colour)
{
    const auto blend = [](int c) { return qRound(c * 0.55 + 255 * 0.45); };
    return QColor(blend(colour.red()), blend(colour.green()), blend(colour.blue()));
}

bool near(const QColor &a, const QColor &b)
{
    return qAbs(a.red() - b.red()) <= 2 && qAbs(a.green() - b.green()) <= 2 && qAbs(a.blue() - b.blue()) <= 2;
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

    void replacedEntriesHaveTheirOwnColumn()
    {
        QList<CacheStats> stats(1);
        stats[0].name = u"remote.filters"_s;
        stats[0].size = 200;
        stats[0].capacity = 200;
        stats[0].hits = 6000;
        stats[0].misses = 4000;
        stats[0].evictions = 2;
        stats[0].expirations = 1;
        stats[0].replacements = 3600;
        CacheTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh(stats);

        QCOMPARE(model.headerData(CacheTableModel::Replacements, Qt::Horizontal).toString(), u"Replaced"_s);
        const QString headerTip =
            model.headerData(CacheTableModel::Replacements, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(headerTip.contains(u"not a sign of pressure"), qPrintable(headerTip));
        QVERIFY(!model.headerData(CacheTableModel::Evictions, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());

        const QModelIndex replaced = model.index(0, CacheTableModel::Replacements);
        QCOMPARE(replaced.data().toString(), u"3600"_s);
        QCOMPARE(replaced.data(CacheTableModel::SortRole).toLongLong(), 3600);
        QVERIFY(replaced.data(Qt::ToolTipRole).toString().contains(u"3600"));
        QCOMPARE(model.index(0, CacheTableModel::Evictions).data().toString(), u"2"_s);
        // The evictions' tooltip names all three ways out (the narrow layout hides the replaced column).
        const QString evictionsTip = model.index(0, CacheTableModel::Evictions).data(Qt::ToolTipRole).toString();
        QVERIFY2(evictionsTip.contains(u"2 evicted") && evictionsTip.contains(u"1 expired") &&
                     evictionsTip.contains(u"3600 replaced"),
                 qPrintable(evictionsTip));

        // Only replacements moving is a change of that row like any other.
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        stats[0].replacements = 3800;
        model.refresh(stats);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(model.index(0, CacheTableModel::Replacements).data().toString(), u"3800"_s);
    }

    void fullCacheReplacingAtTheLiveCadenceIsNotAmber()
    {
        // The scanner's situation: one entry per symbol, sized to the symbols, a new bar every scan or so.
        ManualClock clock(1'800'000'000'000);
        BarCache healthy({u"test.live.healthy"_s, 100});
        BarCache small({u"test.live.small"_s, 80}); // 100 symbols through 80 places: real pressure
        CacheTableModel model(nullptr, clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh(CacheRegistry::instance().stats());
        for (qint64 bar = 0; bar < 6; ++bar) {
            scanBars(healthy, 100, bar, bar + 1);
            scanBars(small, 100, bar, bar + 1);
            clock.advanceMs(60'000);
            model.refresh(CacheRegistry::instance().stats());
        }
        const int healthyRow = rowOf(model, u"test.live.healthy"_s);
        const int smallRow = rowOf(model, u"test.live.small"_s);
        QVERIFY(healthyRow >= 0 && smallRow >= 0);

        // Full, hit rate 0.5 (a miss and a hit per symbol and bar), 500 replaced, nothing evicted: healthy.
        QCOMPARE(model.index(healthyRow, CacheTableModel::Occupancy).data().toString(), u"100 / 100"_s);
        QCOMPARE(model.index(healthyRow, CacheTableModel::Evictions).data().toString(), u"0"_s);
        QCOMPARE(model.index(healthyRow, CacheTableModel::Replacements).data().toString(), u"500"_s);
        QVERIFY(!model.isUnderPressure(healthyRow));
        for (int column = 0; column < CacheTableModel::Count; ++column)
            QCOMPARE(model.index(healthyRow, column).data(CacheTableModel::PressureRole).toBool(), false);
        QVERIFY(!model.index(healthyRow, CacheTableModel::Evictions).data(Qt::ForegroundRole).isValid());

        // The undersized cache evicts at every bar: under pressure, in amber.
        QVERIFY(model.statsAt(smallRow).evictions > 0);
        QVERIFY(model.isUnderPressure(smallRow));
        QVERIFY(model.index(smallRow, CacheTableModel::Occupancy).data(CacheTableModel::PressureRole).toBool());
        QVERIFY(model.index(smallRow, CacheTableModel::Evictions).data(Qt::ForegroundRole).isValid());
        QVERIFY(model.index(smallRow, CacheTableModel::Occupancy)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"pushed out for lack of room"));

        // What the user sees: the healthy bar in the highlight colour, the pressured one in amber.
        const QColor highlightBar = barColour(model.index(healthyRow, CacheTableModel::Occupancy));
        const QColor amberBar = barColour(model.index(smallRow, CacheTableModel::Occupancy));
        QVERIFY2(near(highlightBar, overWhite(QColor(0x20, 0x60, 0xc0))), qPrintable(highlightBar.name()));
        QVERIFY2(near(amberBar, overWhite(Theme::warning())), qPrintable(amberBar.name()));
    }

    void pressureMarkEndsWhenEvictionsStop()
    {
        ManualClock clock(1'800'000'000'000);
        QList<CacheStats> stats(2);
        stats[0].name = u"remote.levels"_s;
        stats[1].name = u"remote.scores"_s;
        for (CacheStats &s : stats) {
            s.capacity = 300;
            s.size = 300;
            s.evictions = 50; // from before the model saw the cache: says nothing about now
        }
        CacheTableModel model(nullptr, clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh(stats);
        QVERIFY(!model.isUnderPressure(0));

        // Replacements alone never mark a cache.
        clock.advanceMs(1000);
        stats[0].replacements = 300;
        model.refresh(stats);
        QVERIFY(!model.isUnderPressure(0));

        clock.advanceMs(1000);
        stats[0].evictions = 60;
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.refresh(stats);
        QVERIFY(model.isUnderPressure(0));
        QVERIFY(!model.isUnderPressure(1));
        QCOMPARE(changes.count(), 1);

        // Same figures within the window: no signal, still marked.
        changes.clear();
        clock.advanceMs(CacheTableModel::kPressureWindowMs - 1);
        model.refresh(stats);
        QCOMPARE(changes.count(), 0);
        QVERIFY(model.isUnderPressure(0));

        // The window passes without a new eviction: the mark goes, the row is repainted though its figures
        // did not change, and only that row.
        clock.advanceMs(1);
        model.refresh(stats);
        QVERIFY(!model.isUnderPressure(0));
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changes.at(0).at(1).toModelIndex().row(), 0);

        // A new cache of that name in the row's place starts its counts afresh: not a rise.
        clock.advanceMs(1000);
        stats[0].evictions = 3;
        model.refresh(stats);
        QVERIFY(!model.isUnderPressure(0));
        clock.advanceMs(1000);
        stats[0].evictions = 4;
        model.refresh(stats);
        QVERIFY(model.isUnderPressure(0));
    }
};

QTEST_MAIN(TestCacheTableModel)
#include "tst_cachetablemodel.moc"
