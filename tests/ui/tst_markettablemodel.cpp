#include "common/SortFilterProxyModel.h"
#include "common/Theme.h"
#include "market/MarketTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace bw;
using namespace Qt::StringLiterals;
using namespace bw::ui;

namespace {

SymbolOverview symbol(const QString &name, double price, double changePct, double volume, double spread = 1.5,
                      double trades = 40)
{
    SymbolOverview s;
    s.symbol = name;
    s.lastPrice = price;
    s.changePct24h = changePct;
    s.quoteVolume24h = volume;
    s.spreadBps = spread;
    s.tradesPerMinute = trades;
    return s;
}

QList<SymbolOverview> market()
{
    return {symbol(QStringLiteral("BTCUSDT"), 97345.5, 2.5, 1.2e9),
            symbol(QStringLiteral("ETHUSDT"), 3456.78, -1.25, 9e6),
            symbol(QStringLiteral("PEPEUSDT"), 0.00001234, 12.0, 4.5e7),
            symbol(QStringLiteral("XRPUSDT"), 0.5123, 0.0, 3.4e8)};
}

QStringList column(const QAbstractItemModel &model, int col, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.data(model.index(row, col), role).toString();
    return values;
}

} // namespace

class TestMarketTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void passesModelTesterThroughRefreshesAndSymbolChanges()
    {
        MarketTableModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(MarketTableModel::SortRole);
        proxy.sort(MarketTableModel::Volume24h, Qt::DescendingOrder);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QList<SymbolOverview> symbols = market();
        model.setSymbols(symbols);
        QCOMPARE(model.rowCount(), 4);
        symbols[1].lastPrice = 3500;
        model.setSymbols(symbols);
        symbols.removeAt(2);
        symbols.append(symbol(QStringLiteral("SOLUSDT"), 210.3, 5.1, 7.7e8));
        model.setSymbols(symbols);
        QCOMPARE(model.rowCount(), 4);
        model.setSymbols({});
        QCOMPARE(model.rowCount(), 0);
    }

    void formatsValuesForPeople()
    {
        MarketTableModel model;
        model.setSymbols(market());
        QCOMPARE(column(model, MarketTableModel::Symbol),
                 QStringList({u"BTCUSDT"_s, u"ETHUSDT"_s, u"PEPEUSDT"_s, u"XRPUSDT"_s}));
        QCOMPARE(column(model, MarketTableModel::LastPrice),
                 QStringList({u"97345.50"_s, u"3456.78"_s, u"0.00001234"_s, u"0.512300"_s}));
        QCOMPARE(column(model, MarketTableModel::Change24h),
                 QStringList({u"+2.50 %"_s, u"-1.25 %"_s, u"+12.00 %"_s, u"0.00 %"_s}));
        QCOMPARE(column(model, MarketTableModel::Volume24h),
                 QStringList({u"1.2 B"_s, u"9.0 M"_s, u"45.0 M"_s, u"340 M"_s}));
    }

    void coloursChangeUpGreenAndDownRed()
    {
        MarketTableModel model;
        model.setSymbols(market());
        const auto colour = [&](int row) {
            return model.data(model.index(row, MarketTableModel::Change24h), Qt::ForegroundRole).value<QColor>();
        };
        QCOMPARE(colour(0), Theme::up());
        QCOMPARE(colour(1), Theme::down());
        QVERIFY(!model.data(model.index(3, MarketTableModel::Change24h), Qt::ForegroundRole).isValid());
    }

    void sortsOnRawValuesNotOnDisplayText_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("ascending");
        // As text "1.2 B" < "340 M" < "45.0 M" < "9.0 M"; by value 9e6 < 4.5e7 < 3.4e8 < 1.2e9.
        QTest::newRow("volume") << int(MarketTableModel::Volume24h)
                                << QStringList({u"ETHUSDT"_s, u"PEPEUSDT"_s, u"XRPUSDT"_s, u"BTCUSDT"_s});
        // As text "0.00001234" < "0.512300" < "3456.78" < "97345.50" happens to agree; a negative change
        // shows that "-1.25 %" sorts below "0.00 %" by value.
        QTest::newRow("change") << int(MarketTableModel::Change24h)
                                << QStringList({u"ETHUSDT"_s, u"XRPUSDT"_s, u"BTCUSDT"_s, u"PEPEUSDT"_s});
        QTest::newRow("price") << int(MarketTableModel::LastPrice)
                               << QStringList({u"PEPEUSDT"_s, u"XRPUSDT"_s, u"ETHUSDT"_s, u"BTCUSDT"_s});
    }

    void sortsOnRawValuesNotOnDisplayText()
    {
        QFETCH(int, column);
        QFETCH(QStringList, ascending);
        MarketTableModel model;
        model.setSymbols(market());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(MarketTableModel::SortRole);
        proxy.sort(column, Qt::AscendingOrder);
        QCOMPARE(::column(proxy, MarketTableModel::Symbol), ascending);
        proxy.sort(column, Qt::DescendingOrder);
        std::reverse(ascending.begin(), ascending.end());
        QCOMPARE(::column(proxy, MarketTableModel::Symbol), ascending);
    }

    void refreshEmitsDataChangedAndNeverResets()
    {
        MarketTableModel model;
        QList<SymbolOverview> symbols = market();
        model.setSymbols(symbols);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        symbols[1].lastPrice = 3500.0;
        symbols[2].changePct24h = 13.0;
        model.setSymbols(symbols);

        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        // Rows 1 and 2 changed: one range covering both, all columns.
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(1, 0));
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), model.index(2, MarketTableModel::Count - 1));
        QCOMPARE(model.data(model.index(1, MarketTableModel::LastPrice)).toString(), QStringLiteral("3500.00"));

        // Nothing changed: no signal at all.
        model.setSymbols(symbols);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(reset.count(), 0);
    }

    void insertsAndRemovesRowsOnlyWhenTheSymbolSetChanges()
    {
        MarketTableModel model;
        QList<SymbolOverview> symbols = market();
        model.setSymbols(symbols);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        symbols.removeAt(1); // ETHUSDT delisted
        symbols.append(symbol(QStringLiteral("SOLUSDT"), 210.3, 5.1, 7.7e8));
        model.setSymbols(symbols);

        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(column(model, MarketTableModel::Symbol),
                 QStringList({u"BTCUSDT"_s, u"PEPEUSDT"_s, u"XRPUSDT"_s, u"SOLUSDT"_s}));
        QCOMPARE(model.symbolAt(3).lastPrice, 210.3);
    }

    void filtersBySymbol()
    {
        MarketTableModel model;
        model.setSymbols(market());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterKeyColumn(MarketTableModel::Symbol);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy.setFilterFixedString(QStringLiteral("eth"));
        QCOMPARE(column(proxy, MarketTableModel::Symbol), QStringList({u"ETHUSDT"_s}));
    }

    void headerShowsTheSortArrowBesideTheCaption()
    {
        MarketTableModel model;
        model.setSymbols(market());
        SortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QSignalSpy headerChanged(&proxy, &QAbstractItemModel::headerDataChanged);
        proxy.sort(MarketTableModel::Volume24h, Qt::DescendingOrder);
        QCOMPARE(headerChanged.count(), 1);
        // Right-aligned numbers: the arrow goes in front so the caption stays flush with them.
        QCOMPARE(proxy.headerData(MarketTableModel::Volume24h, Qt::Horizontal).toString(), u"\u25BE 24h volume"_s);
        QCOMPARE(proxy.headerData(MarketTableModel::Change24h, Qt::Horizontal).toString(), u"24h change"_s);
        proxy.sort(MarketTableModel::Symbol, Qt::AscendingOrder);
        QCOMPARE(proxy.headerData(MarketTableModel::Symbol, Qt::Horizontal).toString(), u"Symbol \u25B4"_s);
        QCOMPARE(proxy.headerData(MarketTableModel::Volume24h, Qt::Horizontal).toString(), u"24h volume"_s);
        // And it sorts on raw values by default.
        QCOMPARE(proxy.index(0, MarketTableModel::Symbol).data().toString(), u"BTCUSDT"_s);
        proxy.sort(MarketTableModel::Volume24h, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, MarketTableModel::Symbol).data().toString(), u"ETHUSDT"_s);
    }

    void marksStaleRows()
    {
        MarketTableModel model;
        QList<SymbolOverview> symbols = market();
        symbols[0].stale = true;
        model.setSymbols(symbols);
        QCOMPARE(model.data(model.index(0, MarketTableModel::Change24h), Qt::ForegroundRole).value<QColor>(),
                 Theme::neutral());
        QVERIFY(model.data(model.index(0, MarketTableModel::Symbol), Qt::ToolTipRole).toString().contains(u"BTCUSDT"));
    }
};

QTEST_MAIN(TestMarketTableModel)
#include "tst_markettablemodel.moc"
