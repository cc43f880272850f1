#include "app/AppContext.h"
#include "mainwindow/MainWindow.h"
#include "market/MarketTableModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QtTest>

using namespace bw;
using namespace bw::ui;
using namespace Qt::StringLiterals;

namespace {

SimulatedFeedConfig smallMarket()
{
    SimulatedFeedConfig config;
    config.seed = 7;
    config.symbols = 20;
    config.backfillBars = 60;
    return config;
}

} // namespace

// The main window on a real, seeded simulated market running on the engine thread.
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        QCoreApplication::setOrganizationName(u"BreakoutWorkstationTests"_s);
        QSettings().clear();
    }

    void fillsFromTheSimulatedMarket()
    {
        AppContext context(smallMarket());
        MainWindow window;
        window.setSourceName(context.sourceName());
        connect(&context, &AppContext::overviewReady, &window, &MainWindow::showOverview);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        context.start();

        auto *table = window.findChild<QTableView *>(u"marketTable"_s);
        QVERIFY(table);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 20, 60'000);

        // The header strip and the status bar show the market clock and the source.
        auto *marketTime = window.findChild<QLabel *>(u"marketTimeLabel"_s);
        QVERIFY(marketTime);
        QTRY_VERIFY(marketTime->text().contains(u':'));
        QVERIFY(window.findChild<QLabel *>(u"statusSource"_s)->text().contains(u"Simulated"_s));
        QCOMPARE(window.findChild<QLabel *>(u"marketFilterSummary"_s)->text(), u"20 symbols"_s);
        QVERIFY(window.windowTitle().contains(u"Simulated"_s));

        // Every row has a price and a volume, and the default order is by volume, largest first.
        QAbstractItemModel *model = table->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            QVERIFY(model->index(row, MarketTableModel::LastPrice).data(MarketTableModel::SortRole).toDouble() > 0);
            QVERIFY(!model->index(row, MarketTableModel::Volume24h).data().toString().isEmpty());
        }
        for (int row = 1; row < model->rowCount(); ++row) {
            QVERIFY(model->index(row - 1, MarketTableModel::Volume24h).data(MarketTableModel::SortRole).toDouble() >=
                    model->index(row, MarketTableModel::Volume24h).data(MarketTableModel::SortRole).toDouble());
        }

        // Live prices keep moving without resetting the table.
        QSignalSpy resets(window.marketModel(), &QAbstractItemModel::modelReset);
        QSignalSpy changes(window.marketModel(), &QAbstractItemModel::dataChanged);
        QVERIFY(changes.wait(30'000));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(table->model()->rowCount(), 20);

        // The filter narrows the table to matching symbols.
        const QString first = model->index(0, MarketTableModel::Symbol).data().toString();
        auto *filter = window.findChild<QLineEdit *>(u"marketFilter"_s);
        QVERIFY(filter);
        QTest::keyClicks(filter, first.toLower());
        QVERIFY(model->rowCount() >= 1 && model->rowCount() < 20);
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY(model->index(row, MarketTableModel::Symbol).data().toString().contains(first));
        filter->clear();
        QCOMPARE(model->rowCount(), 20);

        context.stop();
        QVERIFY(!context.isRunning());
    }

    void remembersGeometryAndColumnWidths()
    {
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.findChild<QTableView *>(u"marketTable"_s)->setColumnWidth(MarketTableModel::Symbol, 222);
            window.resize(1111, 777);
            window.close();
        }
        MainWindow again;
        QCOMPARE(again.findChild<QTableView *>(u"marketTable"_s)->columnWidth(MarketTableModel::Symbol), 222);
        QCOMPARE(again.size(), QSize(1111, 777));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
