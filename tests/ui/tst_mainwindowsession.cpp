#include "RecordingSession.h"
#include "app/AppContext.h"
#include "common/Theme.h"
#include "log/LogDock.h"
#include "log/LogTableModel.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/MessageBar.h"
#include "monitor/ResourceMonitor.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDialog>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPointer>
#include <QSettings>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace bw;
using namespace bw::ui;
using namespace Qt::StringLiterals;

namespace {

QString label(const MainWindow &window, const QString &name)
{
    auto *found = window.findChild<QLabel *>(name);
    return found != nullptr ? found->text() : u"<no label %1>"_s.arg(name);
}

QAction *action(const MainWindow &window, const QString &name)
{
    return window.findChild<QAction *>(name);
}

QToolButton *button(const MainWindow &window, const QString &name)
{
    return window.findChild<QToolButton *>(name);
}

EngineStatus status(EngineState state)
{
    EngineStatus s;
    s.state = state;
    s.presetName = u"default"_s;
    return s;
}

QWidget *tablePage(const QString &tableName, QStandardItemModel *model)
{
    auto *table = new QTableView;
    table->setObjectName(tableName);
    table->setModel(model);
    return table;
}

QPointer<test::RecordingSession> g_logSession;

// Hands the process's log lines to the session, as LocalSession's log capture does.
void forwardLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    LogLine line{QDateTime::currentMSecsSinceEpoch(), type, QString::fromLatin1(context.category), message};
    if (QPointer<test::RecordingSession> session = g_logSession)
        QMetaObject::invokeMethod(
            session,
            [session, line] {
                if (session)
                    emit session->logged(line);
            },
            Qt::QueuedConnection);
}

} // namespace

// Catches QDesktopServices::openUrl for file: URLs, so that no file manager starts during the test.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void openUrl(const QUrl &url) { urls << url; }
};

// The main window over a session: toolbar commands, their enablement, the status bar, the message bar,
// the log dock and the remembered layout. The session is a test double that records commands.
class TestMainWindowSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        QCoreApplication::setOrganizationName(u"BreakoutWorkstationTests"_s);
        QSettings().clear();
    }

    void withoutSessionNothingIsEnabled()
    {
        MainWindow window;
        for (const QString &name : {u"startAction"_s, u"pauseAction"_s, u"resumeAction"_s, u"stopAction"_s,
                                    u"scanNowAction"_s, u"exportSnapshotAction"_s})
            QVERIFY2(!action(window, name)->isEnabled(), qPrintable(name));
        QVERIFY(action(window, u"settingsAction"_s)->isEnabled());
        QVERIFY(!window.findChild<QComboBox *>(u"presetCombo"_s)->isEnabled());
    }

    void buttonsFollowTheEngineStateAndCallTheSession()
    {
        MainWindow window;
        test::RecordingSession session;
        window.setSession(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Idle: only Start.
        emit session.engineStatusChanged(status(EngineState::Idle));
        QVERIFY(action(window, u"startAction"_s)->isEnabled());
        QVERIFY(!action(window, u"pauseAction"_s)->isEnabled());
        QVERIFY(!action(window, u"stopAction"_s)->isEnabled());
        QVERIFY(!action(window, u"scanNowAction"_s)->isEnabled());
        QTest::mouseClick(button(window, u"startActionButton"_s), Qt::LeftButton);
        QCOMPARE(session.commands, QStringList{u"engine.start"_s});

        // Running between scans: Pause, Stop and Scan now.
        emit session.engineStatusChanged(status(EngineState::Managing));
        QVERIFY(!action(window, u"startAction"_s)->isEnabled());
        QVERIFY(action(window, u"pauseAction"_s)->isEnabled());
        QVERIFY(action(window, u"stopAction"_s)->isEnabled());
        QVERIFY(action(window, u"scanNowAction"_s)->isEnabled());
        QVERIFY(!button(window, u"resumeActionButton"_s)->isVisible());
        QTest::mouseClick(button(window, u"scanNowActionButton"_s), Qt::LeftButton);
        QTest::mouseClick(button(window, u"pauseActionButton"_s), Qt::LeftButton);
        QCOMPARE(session.commands.mid(1), (QStringList{u"scan.now"_s, u"engine.pause"_s}));

        // A scan runs: no second one.
        emit session.engineStatusChanged(status(EngineState::Scanning));
        QVERIFY(!action(window, u"scanNowAction"_s)->isEnabled());
        QVERIFY(action(window, u"pauseAction"_s)->isEnabled());

        // Paused: Resume takes Pause's place.
        emit session.engineStatusChanged(status(EngineState::Paused));
        QTRY_VERIFY(button(window, u"resumeActionButton"_s)->isVisible());
        QTRY_VERIFY(!button(window, u"pauseActionButton"_s)->isVisible());
        QVERIFY(!action(window, u"scanNowAction"_s)->isEnabled());
        QTest::mouseClick(button(window, u"resumeActionButton"_s), Qt::LeftButton);
        QTest::mouseClick(button(window, u"stopActionButton"_s), Qt::LeftButton);
        QCOMPARE(session.commands.mid(3), (QStringList{u"engine.resume"_s, u"engine.stop"_s}));

        emit session.engineStatusChanged(status(EngineState::Error));
        QVERIFY(!action(window, u"startAction"_s)->isEnabled());
        QVERIFY(action(window, u"stopAction"_s)->isEnabled());

        // The shortcuts reach the same commands.
        emit session.engineStatusChanged(status(EngineState::Managing));
        QCOMPARE(action(window, u"scanNowAction"_s)->shortcut(), QKeySequence(Qt::Key_F5));
        QCOMPARE(action(window, u"exportSnapshotAction"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QCOMPARE(action(window, u"settingsAction"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        session.commands.clear();
        QTest::keyClick(&window, Qt::Key_F5);
        QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier);
        QCOMPARE(session.commands, (QStringList{u"scan.now"_s, u"snapshot.export"_s}));
    }

    void controlsNeedOperatorRights()
    {
        MainWindow window;
        test::RecordingSession session;
        session.setRemote(true);
        session.setCanControl(false);
        window.setSession(&session);
        emit session.engineStatusChanged(status(EngineState::Managing));
        for (const QString &name :
             {u"startAction"_s, u"pauseAction"_s, u"stopAction"_s, u"scanNowAction"_s, u"exportSnapshotAction"_s})
            QVERIFY2(!action(window, name)->isEnabled(), qPrintable(name));
        QVERIFY(!window.findChild<QComboBox *>(u"presetCombo"_s)->isEnabled());
        // The source is the server's business.
        QVERIFY(!button(window, u"sourceButton"_s)->isEnabled());
        QVERIFY(action(window, u"disconnectAction"_s)->isEnabled());

        // An operator token arrives.
        session.setCanControl(true);
        QVERIFY(action(window, u"pauseAction"_s)->isEnabled());
        QVERIFY(action(window, u"stopAction"_s)->isEnabled());
        QVERIFY(action(window, u"scanNowAction"_s)->isEnabled());
        QVERIFY(action(window, u"exportSnapshotAction"_s)->isEnabled());
        QVERIFY(window.findChild<QComboBox *>(u"presetCombo"_s)->isEnabled());

        session.setCanControl(false);
        QVERIFY(!action(window, u"pauseAction"_s)->isEnabled());

        QSignalSpy disconnectRequested(&window, &MainWindow::disconnectRequested);
        action(window, u"disconnectAction"_s)->trigger();
        QCOMPARE(disconnectRequested.count(), 1);
    }

    void presetComboSelectsThePreset()
    {
        MainWindow window;
        test::RecordingSession session;
        session.setPresets({u"default"_s, u"aggressive"_s, u"conservative"_s}, u"aggressive"_s);
        window.setSession(&session);
        auto *combo = window.findChild<QComboBox *>(u"presetCombo"_s);
        QVERIFY(combo);
        QCOMPARE(combo->count(), 3);
        QCOMPARE(combo->currentText(), u"aggressive"_s);
        QVERIFY(combo->isEnabled());

        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentText(), u"conservative"_s);
        QCOMPARE(session.commands, QStringList{u"preset.select:conservative"_s});

        // The engine reports the preset it runs; the combo follows without sending it back.
        EngineStatus s = status(EngineState::Managing);
        s.presetName = u"default"_s;
        emit session.engineStatusChanged(s);
        QCOMPARE(combo->currentText(), u"default"_s);
        QCOMPARE(session.commands.size(), 1);
    }

    void sourceAndSettingsAskForTheSettings()
    {
        MainWindow window;
        test::RecordingSession session;
        window.setSession(&session);
        QSignalSpy settings(&window, &MainWindow::settingsRequested);
        QToolButton *source = button(window, u"sourceButton"_s);
        QVERIFY(source);
        QVERIFY(source->text().startsWith(u"Simulated market"_s));
        QVERIFY(source->isEnabled());
        source->click();
        action(window, u"settingsAction"_s)->trigger();
        QCOMPARE(settings.count(), 2);
        QCOMPARE(settings.at(0).at(0).toString(), u"source"_s);
        QCOMPARE(settings.at(1).at(0).toString(), QString());

        emit session.sourceChanged(u"Replay of /data/candles"_s);
        QCOMPARE(source->text(), u"Replay of /data/candles"_s);
        QCOMPARE(label(window, u"statusSource"_s), u"Replay of /data/candles"_s);
        QVERIFY(window.windowTitle().contains(u"Replay of /data/candles"_s));
    }

    void snapshotExportShowsThePathAndOpensTheFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(u"file"_s, &catcher, "openUrl");

        MainWindow window;
        test::RecordingSession session;
        window.setSession(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        MessageBar *bar = window.messageBar();
        QVERIFY(!bar->isVisible());

        QTest::mouseClick(button(window, u"exportSnapshotActionButton"_s), Qt::LeftButton);
        QCOMPARE(session.commands, QStringList{u"snapshot.export"_s});
        QVERIFY(bar->isVisible());
        QVERIFY(bar->text().contains(u"Writing"_s));

        const QString path = dir.filePath(u"snapshot-20261127-184501.json"_s);
        emit session.snapshotExported(path);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->kind(), MessageBar::Kind::Information);
        QVERIFY2(bar->text().contains(QDir::toNativeSeparators(path)), qPrintable(bar->text()));
        auto *open = bar->findChild<QToolButton *>(u"messageAction"_s);
        QVERIFY(open);
        QVERIFY(open->isVisible());
        QCOMPARE(open->text(), u"Open folder"_s);
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(catcher.urls, QList<QUrl>{QUrl::fromLocalFile(dir.path())});

        // A failure says why, with nothing to open.
        emit session.commandFailed(u"snapshot.export"_s, u"No space left on device"_s);
        QCOMPARE(bar->kind(), MessageBar::Kind::Error);
        QVERIFY(bar->text().contains(u"No space left on device"_s));
        QVERIFY(bar->text().contains(u"snapshot"_s));
        QVERIFY(!open->isVisible());

        // The user closes it.
        QTest::mouseClick(bar->findChild<QToolButton *>(u"messageClose"_s), Qt::LeftButton);
        QVERIFY(!bar->isVisible());
        QDesktopServices::unsetUrlHandler(u"file"_s);
    }

    void statusBarShowsTheSessionsValues()
    {
        MainWindow window;
        test::RecordingSession session;
        window.setSession(&session);

        EngineStatus s = status(EngineState::Managing);
        s.lastScanMs = 1'790'000'123'456; // 2026-09-21 14:15:23 UTC
        s.lastScanDurationMs = 42.4;
        s.scans = 17;
        s.candidates = 12;
        s.openPositions = 3;
        s.equity = 10'234.5;
        emit session.engineStatusChanged(s);
        QVERIFY(label(window, u"statusEngine"_s).contains(u"Running"_s));
        QCOMPARE(label(window, u"statusScan"_s), u"Scan 14:15:23 · 42 ms"_s);
        QCOMPARE(label(window, u"statusCandidates"_s), u"Candidates 12"_s);
        QCOMPARE(label(window, u"statusPositions"_s), u"Positions 3"_s);
        QCOMPARE(label(window, u"statusEquity"_s), u"Equity 10234.50"_s);

        ResourceSample sample;
        sample.process.cpuPercent = 12.34;
        sample.process.rssBytes = 150LL * 1024 * 1024;
        emit session.resourceSampled(sample);
        QCOMPARE(label(window, u"statusCpu"_s), u"CPU 12.3 %"_s);
        QVERIFY(label(window, u"statusRss"_s).startsWith(u"RSS 150"_s));

        ViewerStats viewers;
        viewers.clients = 2;
        emit session.viewersChanged(viewers);
        QCOMPARE(label(window, u"statusViewers"_s), u"Viewers 2"_s);

        AccountSnapshot account;
        account.equity = 9'876.25;
        emit session.accountUpdated(account);
        QCOMPARE(label(window, u"statusEquity"_s), u"Equity 9876.25"_s);

        emit session.engineStatusChanged(status(EngineState::Emergency));
        QVERIFY(label(window, u"statusEngine"_s).contains(u"Halted"_s));

        // Local sessions have no connection to show.
        QVERIFY(window.findChild<QLabel *>(u"statusConnection"_s)->isHidden());
        QVERIFY(window.findChild<QLabel *>(u"statusLag"_s)->isHidden());
    }

    void swappingSessionsClearsTheStatusAndDisconnectsTheOldOne()
    {
        MainWindow window;
        test::RecordingSession local;
        window.setSession(&local);
        EngineStatus s = status(EngineState::Managing);
        s.candidates = 12;
        emit local.engineStatusChanged(s);
        QCOMPARE(label(window, u"statusCandidates"_s), u"Candidates 12"_s);

        test::RecordingSession remote;
        remote.setRemote(true);
        remote.setSourceName(u"ws://10.0.0.5:8765"_s);
        remote.setPresets({u"server-preset"_s}, u"server-preset"_s);
        window.setSession(&remote);
        QCOMPARE(label(window, u"statusCandidates"_s), u"Candidates –"_s);
        QCOMPARE(label(window, u"statusSource"_s), u"ws://10.0.0.5:8765"_s);
        QCOMPARE(window.findChild<QComboBox *>(u"presetCombo"_s)->currentText(), u"server-preset"_s);

        // The old session no longer reaches the window, and the window no longer commands it.
        emit local.engineStatusChanged(s);
        QCOMPARE(label(window, u"statusCandidates"_s), u"Candidates –"_s);
        emit remote.engineStatusChanged(status(EngineState::Managing));
        action(window, u"pauseAction"_s)->trigger();
        QCOMPARE(local.commands, QStringList{});
        QCOMPARE(remote.commands, QStringList{u"engine.pause"_s});

        // Remote: connection state, lag and resyncs.
        QVERIFY(!window.findChild<QLabel *>(u"statusConnection"_s)->isHidden());
        emit remote.connectionStateChanged(WorkstationSession::ConnectionState::Connected, u"operator"_s);
        emit remote.latencyMeasured(23);
        emit remote.resynced(u"scanner"_s, u"queue overflow"_s);
        emit remote.resynced(u"log"_s, u"queue overflow"_s);
        QVERIFY(label(window, u"statusConnection"_s).contains(u"Connected"_s));
        QCOMPARE(label(window, u"statusLag"_s), u"Lag 23 ms"_s);
        QCOMPARE(label(window, u"statusResyncs"_s), u"Resyncs 2"_s);
        emit remote.connectionStateChanged(WorkstationSession::ConnectionState::Reconnecting, u"timeout"_s);
        QVERIFY(label(window, u"statusConnection"_s).contains(u"Reconnecting"_s));

        // Back to no session: nothing can be commanded.
        window.setSession(nullptr);
        QVERIFY(!action(window, u"pauseAction"_s)->isEnabled());
        QVERIFY(window.findChild<QLabel *>(u"statusConnection"_s)->isHidden());

        // A session deleted while shown detaches itself.
        {
            test::RecordingSession shortLived;
            window.setSession(&shortLived);
            emit shortLived.engineStatusChanged(status(EngineState::Managing));
            QVERIFY(action(window, u"pauseAction"_s)->isEnabled());
        }
        QCOMPARE(window.session(), nullptr);
        QVERIFY(!action(window, u"pauseAction"_s)->isEnabled());
    }

    void logDockShowsTheSessionsLog()
    {
        MainWindow window;
        test::RecordingSession session;
        window.setSession(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        LogDock *dock = window.logDock();
        QVERIFY(dock->isVisible());
        emit session.logged(LogLine{1'790'000'000'000, QtWarningMsg, u"bw.monitor"_s, u"pressure high"_s});
        emit session.logged(LogLine{1'790'000'000'100, QtInfoMsg, u"bw.engine"_s, u"scan finished"_s});
        QTRY_COMPARE(dock->model()->rowCount(), 2);
        QCOMPARE(dock->model()->lineAt(0).message, u"pressure high"_s);

        QAction *show = action(window, u"showLogAction"_s);
        QVERIFY(show);
        show->trigger();
        QVERIFY(!dock->isVisible());
        show->trigger();
        QVERIFY(dock->isVisible());
    }

    void remembersDockAndEveryTablesColumns()
    {
        QSettings().clear();
        QStandardItemModel model(0, 3);
        {
            MainWindow window;
            window.addPage(u"test"_s, u"Test"_s, tablePage(u"testTable"_s, &model));
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.findChild<QTableView *>(u"testTable"_s)->setColumnWidth(1, 187);
            window.findChild<QTableView *>(u"logTable"_s)->setColumnWidth(LogTableModel::Category, 211);
            window.logDock()->hide();
            window.close();
        }
        {
            MainWindow again;
            again.addPage(u"test"_s, u"Test"_s, tablePage(u"testTable"_s, &model));
            again.show();
            QVERIFY(QTest::qWaitForWindowExposed(&again));
            QCOMPARE(again.findChild<QTableView *>(u"testTable"_s)->columnWidth(1), 187);
            QCOMPARE(again.findChild<QTableView *>(u"logTable"_s)->columnWidth(LogTableModel::Category), 211);
            QVERIFY(!again.logDock()->isVisible());

            // Reset layout brings back the dock and the default widths.
            const int defaultWidth = QTableView().horizontalHeader()->defaultSectionSize();
            again.resize(900, 600);
            again.resetLayout();
            QVERIFY(again.logDock()->isVisible());
            QCOMPARE(again.findChild<QTableView *>(u"testTable"_s)->columnWidth(1), defaultWidth);
            QVERIFY(again.findChild<QTableView *>(u"logTable"_s)->columnWidth(LogTableModel::Category) != 211);
            QCOMPARE(again.size(), QSize(1280, 800));
            again.close();
        }
        QSettings().clear();
    }

    // Not a check: with BW_SCREENSHOT_DIR set (run it under xvfb-run), writes the main window on a real
    // simulated market in both themes, to look at.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("BW_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set BW_SCREENSHOT_DIR to write screenshots");
        SimulatedFeedConfig config;
        config.seed = 7;
        config.symbols = 120;
        config.backfillBars = 200;
        AppContext context(config);
        test::RecordingSession session;
        session.setSourceName(context.sourceName());
        session.setPresets({u"breakout_v1"_s, u"breakout_fast"_s}, u"breakout_v1"_s);
        connect(&context, &AppContext::overviewReady, &session,
                [&session](const MarketOverview &overview) { emit session.overviewReady(overview); });
        int scans = 0;
        connect(&context, &AppContext::engineStatusChanged, &session, [&session, &scans](const EngineStatus &s) {
            scans = s.scans;
            emit session.engineStatusChanged(s);
        });
        connect(context.resourceMonitor(), &ResourceMonitor::sampled, &session,
                [&session](const ResourceSample &sample) { emit session.resourceSampled(sample); });
        g_logSession = &session;
        const QtMessageHandler previous = qInstallMessageHandler(forwardLog);
        QLoggingCategory::setFilterRules(u"bw.*.debug=true"_s);

        Theme::apply(ThemeMode::Dark);
        MainWindow window;
        window.setSession(&session);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        context.start();
        QTRY_VERIFY_WITH_TIMEOUT(scans >= 3, 120'000);
        emit session.viewersChanged(ViewerStats{});
        QTemporaryDir snapshots;
        emit session.snapshotExported(snapshots.filePath(u"snapshot-20261127-190412.json"_s));
        QTest::qWait(500); // let the log dock's flush and the repaint happen (a picture, not a check)
        QVERIFY(window.grab().save(dir + u"/mainwindow-dark.png"_s));
        Theme::apply(ThemeMode::Light);
        QTest::qWait(300);
        QVERIFY(window.grab().save(dir + u"/mainwindow-light.png"_s));
        Theme::apply(ThemeMode::Dark);
        emit session.commandFailed(u"snapshot.export"_s, u"cannot write /var/snapshots: Permission denied"_s);
        window.showConnectDialog();
        auto *dialog = window.findChild<QDialog *>(u"connectDialog"_s);
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(u"connectUrl"_s)->setText(u"http://10.0.0.5:8765"_s);
        QTest::qWait(300);
        QVERIFY(dialog->grab().save(dir + u"/connect-dialog.png"_s));
        QVERIFY(window.grab().save(dir + u"/mainwindow-error.png"_s));
        dialog->close();
        qInstallMessageHandler(previous);
        g_logSession = nullptr;
        context.stop();
    }
};

QTEST_MAIN(TestMainWindowSession)
#include "tst_mainwindowsession.moc"
