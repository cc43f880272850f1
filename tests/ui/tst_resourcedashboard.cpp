// qcustomplot.h uses Q_FOREACH, which the project's QT_NO_FOREACH removes (see ResourceDashboard.cpp).
#undef QT_NO_FOREACH

#include "common/Clock.h"
#include "mainwindow/MainWindow.h"
#include "monitor/EventLoopLagProbe.h"
#include "monitor/PressureGovernor.h"
#include "monitor/ResourceDashboard.h"
#include "monitor/ResourceMonitor.h"

#include <QLabel>
#include <QSettings>
#include <QTreeWidget>
#include <QtTest>
#include <qcustomplot.h>

using namespace bw;
using namespace bw::ui;
using namespace Qt::StringLiterals;

// The dashboard fed by a real resource monitor sampling this process through /proc.
class TestResourceDashboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        QCoreApplication::setOrganizationName(u"BreakoutWorkstationTests"_s);
        QSettings().clear();
    }

    void plotsRealSamples()
    {
        ResourceMonitor::Options options;
        options.intervalMs = 50;
        ResourceMonitor monitor(options);
        QVERIFY(monitor.attach());
        ResourceDashboard dashboard;
        dashboard.setMonitor(&monitor);
        dashboard.resize(1200, 700);
        dashboard.show();
        monitor.start();

        QTRY_VERIFY(dashboard.cpuPlot()->graph(0)->dataCount() >= 3);
        QTRY_VERIFY(dashboard.memoryPlot()->graph(0)->dataCount() >= 3);
        QVERIFY(dashboard.countsPlot()->graph(0)->dataCount() >= 3);
        // A live process has resident memory and at least one thread.
        QVERIFY(dashboard.memoryPlot()->graph(0)->data()->constBegin()->value > 0);
        QVERIFY(dashboard.countsPlot()->graph(0)->data()->constBegin()->value >= 1);
        QVERIFY(dashboard.findChild<QLabel *>(u"tileThreads"_s)->text() != u"–"_s);
    }

    void rangeButtonsChangeTheTimeAxis()
    {
        ResourceMonitor::Options options;
        options.intervalMs = 50;
        ResourceMonitor monitor(options);
        QVERIFY(monitor.attach());
        ResourceDashboard dashboard;
        dashboard.setMonitor(&monitor);
        monitor.start();
        QTRY_VERIFY(dashboard.cpuPlot()->graph(0)->dataCount() >= 2);

        dashboard.setRange(ResourceDashboard::Range::OneMinute);
        QCOMPARE(dashboard.cpuPlot()->xAxis->range().size(), 60.0);
        auto *hour = dashboard.findChild<QAbstractButton *>(
            u"range%1"_s.arg(static_cast<int>(ResourceDashboard::Range::OneHour)));
        QVERIFY(hour);
        hour->click();
        QCOMPARE(dashboard.range(), ResourceDashboard::Range::OneHour);
        QCOMPARE(dashboard.memoryPlot()->xAxis->range().size(), 3600.0);
        dashboard.setRange(ResourceDashboard::Range::OneDay);
        QCOMPARE(dashboard.countsPlot()->xAxis->range().size(), 86400.0);
        // The 24 h range shows the recent points until the averaged minutes exist.
        QTRY_VERIFY(dashboard.cpuPlot()->graph(0)->dataCount() >= 2);
    }

    void alertsAndGovernorActionsAreListed()
    {
        ManualClock clock(1'700'000'000'000);
        ResourceMonitor::Options options;
        options.limits.threads = {0, 1}; // any process with a thread is over this
        options.limits.cooldownMs = 0;
        ResourceMonitor monitor(options, clock);
        PressureThresholds thresholds;
        thresholds.rssBudgetBytes = 1024; // any real process is far over a 1 KiB budget
        PressureGovernor governor(thresholds, clock);
        governor.attachMonitor(&monitor);

        ResourceDashboard dashboard;
        dashboard.setMonitor(&monitor);
        dashboard.setGovernor(&governor);
        QCOMPARE(dashboard.alertList()->topLevelItemCount(), 0);

        QVERIFY(monitor.attach());
        QVERIFY(monitor.sampleNow());

        QTRY_VERIFY(dashboard.alertList()->topLevelItemCount() >= 1);
        // The history handed over by setMonitor does not repeat an alert already shown live.
        QTest::qWait(0);
        QCoreApplication::processEvents();
        QCOMPARE(dashboard.alertList()->topLevelItemCount(), int(monitor.alerts().size()));
        const QTreeWidgetItem *alert = dashboard.alertList()->topLevelItem(0);
        QCOMPARE(alert->text(1), u"Threads"_s);
        QCOMPARE(alert->text(3), u"1"_s);
        QCOMPARE(alert->text(4), u"Critical"_s);

        QVERIFY(dashboard.actionList()->topLevelItemCount() >= 1);
        QVERIFY(dashboard.pressureLabel()->text().contains(u"Critical"_s));
        // Newest first.
        const int before = dashboard.actionList()->topLevelItemCount();
        GovernorAction action;
        action.timeMs = clock.nowMs();
        action.kind = GovernorActionKind::HeapTrim;
        action.level = PressureLevel::Critical;
        action.detail = u"released 12 MiB"_s;
        emit governor.actionTaken(action);
        QCOMPARE(dashboard.actionList()->topLevelItemCount(), before + 1);
        QCOMPARE(dashboard.actionList()->topLevelItem(0)->text(2), u"Heap trimmed"_s);
        QCOMPARE(dashboard.actionList()->topLevelItem(0)->text(3), u"released 12 MiB"_s);
    }

    void listsAreBounded()
    {
        ResourceDashboard dashboard;
        AlertEvent alert;
        alert.metric = Metric::Disk;
        alert.level = AlertLevel::Warning;
        for (int i = 0; i < ResourceDashboard::kMaxListEntries + 25; ++i) {
            alert.value = i;
            dashboard.showAlert(alert);
        }
        QCOMPARE(ResourceDashboard::kMaxListEntries, 200);
        QCOMPARE(dashboard.alertList()->topLevelItemCount(), ResourceDashboard::kMaxListEntries);
        QCOMPARE(dashboard.alertList()->topLevelItem(0)->text(2), u"224.0 %"_s); // the newest
    }

    void eventLoopLagIsMeasured()
    {
        ResourceDashboard dashboard;
        QTRY_VERIFY(dashboard.lagProbe()->sampleCount() >= 3);
        QVERIFY(dashboard.lagProbe()->percentile(0.99) >= dashboard.lagProbe()->percentile(0.5));
        QTRY_VERIFY(dashboard.findChild<QLabel *>(u"tileLag"_s)->text().endsWith(u" ms"_s));
    }

    void mainWindowHasAResourcesTab()
    {
        MainWindow window;
        QVERIFY(window.resourceDashboard());
        QVERIFY(window.selectTab(u"resources"_s));
        QVERIFY(window.resourceDashboard()->isVisibleTo(&window));
        QVERIFY(window.selectTab(u"market"_s));
        QVERIFY(!window.selectTab(u"nonsense"_s));
    }
};

QTEST_MAIN(TestResourceDashboard)
#include "tst_resourcedashboard.moc"
