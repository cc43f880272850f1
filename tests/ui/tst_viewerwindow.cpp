// qcustomplot.h uses Q_FOREACH, which the project's QT_NO_FOREACH removes (see ResourceDashboard.cpp).
#undef QT_NO_FOREACH

#include "app/AppContext.h"
#include "app/LocalSession.h"
#include "app/RemoteSession.h"
#include "mainwindow/MainWindow.h"
#include "monitor/ResourceDashboard.h"
#include "support/SessionTestMarkets.h"

#include <QSettings>
#include <QTableView>
#include <QtTest>
#include <qcustomplot.h>

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

    // The workstation switches its data source while the viewer watches: the viewer stays connected (its
    // server is the workstation process's), its market page starts afresh on the new source, and its
    // Resources page keeps the history it had, as a local window does on a local switch.
    void viewerFollowsTheWorkstationsSourceSwitch()
    {
        qRegisterMetaType<WorkstationSession::ConnectionState>();
        const FeedOptions simulated = test::slowSimulatedMarket(7);
        const FeedOptions recorded = test::recordedSimSmall();
        LocalSessionConfig config;
        config.resourceIntervalMs = 200;
        ServerConfig server;
        server.port = 0;
        const QString token = u"viewer-token-for-the-switch-test"_s;
        server.tokens.insert(token, protocol::Role::Viewer);
        config.server = server;
        LocalSession workstation(simulated, config);
        QSignalSpy started(&workstation, &LocalSession::serverStarted);
        QVERIFY(workstation.start());
        QVERIFY(started.wait(10'000));

        const QUrl url(u"ws://127.0.0.1:%1"_s.arg(started.constFirst().at(0).value<quint16>()));
        RemoteSession session(url, token);
        MainWindow window;
        window.setSession(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(window.marketModel()->rowCount(), 20, 60'000);
        QCPGraph *cpu = window.resourceDashboard()->cpuPlot()->graph(0);
        QTRY_VERIFY_WITH_TIMEOUT(cpu->dataCount() >= 3, 30'000);
        const double firstKey = cpu->data()->constBegin()->key;
        const int pointsBefore = cpu->dataCount();

        QSignalSpy states(&session, &WorkstationSession::connectionStateChanged);
        QSignalSpy sources(&session, &WorkstationSession::sourceChanged);
        QSignalSpy processes(&session, &WorkstationSession::processChanged);
        workstation.selectSource(recorded);
        QTRY_COMPARE_WITH_TIMEOUT(sources.size(), 1, 30'000);
        QCOMPARE(processes.size(), 0);
        // The market page shows the new source's ten symbols, none of the old twenty.
        QTRY_COMPARE_WITH_TIMEOUT(window.marketModel()->rowCount(), 10, 60'000);
        // The Resources page kept its history and goes on.
        QVERIFY(cpu->dataCount() >= pointsBefore);
        QCOMPARE(cpu->data()->constBegin()->key, firstKey);
        QTRY_VERIFY_WITH_TIMEOUT(cpu->dataCount() >= pointsBefore + 3, 30'000);
        QCOMPARE(cpu->data()->constBegin()->key, firstKey);
        // One connection all along.
        QCOMPARE(states.size(), 0);
        QCOMPARE(session.connectionState(), WorkstationSession::ConnectionState::Connected);

        window.setSession(nullptr);
        session.close();
        workstation.stop();
    }
};

QTEST_MAIN(TestViewerWindow)
#include "tst_viewerwindow.moc"
