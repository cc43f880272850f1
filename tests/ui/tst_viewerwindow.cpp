#include "app/AppContext.h"
#include "app/RemoteSession.h"
#include "mainwindow/MainWindow.h"

#include <QSettings>
#include <QTableView>
#include <QtTest>

using namespace bw;
using namespace bw::ui;
using namespace Qt::StringLiterals;

// The viewer mode: the main window fed by a RemoteSession connected over a real loopback WebSocket to a
// workstation (AppContext with its server) running a seeded simulated market.
class TestViewerWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        QCoreApplication::setOrganizationName(u"BreakoutWorkstationTests"_s);
        QSettings().clear();
    }

    void marketTableFillsFromTheRemoteWorkstation()
    {
        SimulatedFeedConfig feed;
        feed.seed = 7;
        feed.symbols = 20;
        feed.backfillBars = 60;
        AppContext context(feed);
        ServerConfig config;
        config.port = 0;
        const QString token = u"viewer-token-for-the-window-test"_s;
        config.tokens.insert(token, protocol::Role::Viewer);
        context.enableServer(config);
        QSignalSpy started(&context, &AppContext::serverStarted);
        context.start();
        QVERIFY(started.wait(10'000));

        const QUrl url(u"ws://127.0.0.1:%1"_s.arg(started.constFirst().at(0).value<quint16>()));
        RemoteSession session(url, token);
        MainWindow window;
        window.setSession(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.open();

        // The title names the remote workstation, and its market fills the table.
        QVERIFY(window.windowTitle().contains(url.toString()));
        auto *table = window.findChild<QTableView *>(u"marketTable"_s);
        QVERIFY(table);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 20, 60'000);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.marketModel()
                    ->data(window.marketModel()->index(0, MarketTableModel::LastPrice), MarketTableModel::SortRole)
                    .toDouble() > 0,
            10'000);
        window.setSession(nullptr);
        session.close();
        context.stop();
    }
};

QTEST_MAIN(TestViewerWindow)
#include "tst_viewerwindow.moc"
