// qcustomplot.h uses Q_FOREACH, which the project's QT_NO_FOREACH removes (see ResourceDashboard.cpp).
#undef QT_NO_FOREACH

#include "DashboardTestSession.h"
#include "app/AppContext.h"
#include "app/LocalSession.h"
#include "common/BoundedCache.h"
#include "common/CacheRegistry.h"
#include "common/Clock.h"
#include "common/Theme.h"
#include "engine/Engine.h"
#include "mainwindow/MainWindow.h"
#include "market/MarketStore.h"
#include "market/SimulatedMarket.h"
#include "monitor/CacheTableModel.h"
#include "monitor/EventLoopLagProbe.h"
#include "monitor/PressureGovernor.h"
#include "monitor/ProcSampler.h"
#include "monitor/ProcessMonitor.h"
#include "monitor/ResourceDashboard.h"
#include "monitor/ResourceMonitor.h"
#include "scanner/MarketScanSource.h"
#include "scanner/PresetLoader.h"
#include "scanner/Scanner.h"
#include "server/RemoteClient.h"
#include "server/RemoteServer.h"
#include "server/ServerConfig.h"
#include "support/SessionTestMarkets.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QLabel>
#include <QSettings>
#include <QTreeWidget>
#include <QtTest>
#include <qcustomplot.h>

#include <cmath>

using namespace bw;
using namespace bw::ui;
using namespace Qt::StringLiterals;

namespace {

// A bounded cache registered under a name, left alone by the test.
struct IntCacheHolder {
    explicit IntCacheHolder(const QString &name)
        : cache([&] {
            BoundedCache<int, int>::Options options;
            options.name = name;
            options.capacity = 8;
            return options;
        }())
    {
        cache.put(1, 1);
    }
    BoundedCache<int, int> cache;
};

constexpr qint64 kStartMs = 1'700'000'040'000; // on a minute boundary, as the day view's buckets

// A real scanner over a seeded simulated market: its reports are real scans and its three caches are
// registered in the process's cache registry like the engine's.
struct ScanRig {
    ScanRig()
        : market(config())
        , store(300000, 300)
        , source(store)
    {
        store.setSymbols(market.symbols());
        preset = *PresetLoader::load(u"breakout_v1_relaxed"_s).preset;
        source.configure(preset);
        for (int b = 0; b < 120; ++b)
            bar();
        scanner.setPreset(preset);
        scanner.setSource(&source);
    }

    static SimulatedFeedConfig config()
    {
        SimulatedFeedConfig c;
        c.seed = 5;
        c.symbols = 60;
        c.backfillBars = 0;
        c.startTimeMs = kStartMs;
        return c;
    }

    void bar()
    {
        market.stepBar();
        MarketUpdateBatch batch;
        market.appendCandles(batch);
        market.appendTickers(batch);
        market.appendBooks(batch);
        batch.marketTimeMs = market.marketTimeMs();
        source.onBarsClosed(store.apply(batch));
    }

    ScanReportPtr scan()
    {
        QSignalSpy spy(&scanner, &Scanner::scanFinished);
        if (!scanner.requestScan() || !spy.wait(60'000))
            return {};
        return spy.takeFirst().at(0).value<ScanReportPtr>();
    }

    SimulatedMarket market;
    MarketStore store;
    MarketScanSource source;
    Preset preset;
    Scanner scanner{ScannerSettings{2}};
};

QString tile(const ResourceDashboard &dashboard, const QString &name)
{
    auto *label = dashboard.findChild<QLabel *>(name);
    return label ? label->text() : u"<no %1>"_s.arg(name);
}

int rowOf(const QAbstractItemModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, CacheTableModel::Name).data().toString() == name)
            return row;
    }
    return -1;
}

// Real samples of this process, one a second on the manual clock.
void feedSamples(ProcSampler &sampler, ManualClock &clock, test::DashboardTestSession &session, int count)
{
    for (int i = 0; i < count; ++i) {
        ResourceSample sample;
        QVERIFY2(sampler.sample(sample, clock.nowMs()), qPrintable(sampler.errorString()));
        emit session.resourceSampled(sample);
        clock.advanceMs(1000);
    }
}

// Something on every part of the page: five samples, a scan of `rig` (whose scanner's caches are then in the
// registry), a viewer, a threads warning and a governor action.
void showOneOfEach(ProcSampler &sampler, ManualClock &clock, test::DashboardTestSession &session, ScanRig &rig)
{
    feedSamples(sampler, clock, session, 5);
    emit session.scanFinished(rig.scan());
    emit session.viewersChanged(ViewerStats{1, 10, 0, 0});
    AlertEvent alert;
    alert.timeMs = clock.nowMs();
    alert.metric = Metric::Threads;
    alert.level = AlertLevel::Warning;
    emit session.alertRaised(alert);
    GovernorAction action;
    action.kind = GovernorActionKind::BatchSize;
    emit session.governorActed(action);
}

} // namespace

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

    void sessionAloneFillsEveryPlot()
    {
        ManualClock clock(kStartMs);
        test::DashboardTestSession session(/*remote=*/true);
        ResourceDashboard dashboard(nullptr, clock);
        dashboard.setSession(&session);
        dashboard.resize(1280, 720);
        dashboard.show();

        ProcSampler sampler;
        QVERIFY(sampler.attach(0));
        feedSamples(sampler, clock, session, 70);
        // The one-minute range holds the samples of its minute, both ends included.
        QCOMPARE(dashboard.cpuPlot()->graph(0)->dataCount(), 61);
        QCOMPARE(dashboard.memoryPlot()->graph(0)->dataCount(), 61);
        QVERIFY(dashboard.memoryPlot()->graph(0)->data()->constBegin()->value > 0);  // RSS in MiB
        QVERIFY(dashboard.countsPlot()->graph(0)->data()->constBegin()->value >= 1); // threads
        QVERIFY(dashboard.countsPlot()->graph(1)->data()->constBegin()->value >= 3); // stdin/out/err at least
        QVERIFY(tile(dashboard, u"tileThreads"_s) != u"–"_s);
        QVERIFY(tile(dashboard, u"tileRss"_s).endsWith(u"iB"_s));

        // A real scan: its duration and batch size become points on the scan plot.
        ScanRig rig;
        const ScanReportPtr report = rig.scan();
        QVERIFY(report);
        QVERIFY(report->wallMs > 0);
        emit session.scanFinished(report);
        QCOMPARE(dashboard.scanPlot()->graph(0)->dataCount(), 1);
        QCOMPARE(dashboard.scanPlot()->graph(0)->data()->constBegin()->value, report->wallMs);
        QCOMPARE(dashboard.scanPlot()->graph(1)->data()->constBegin()->value, double(report->batchSize));
        QCOMPARE(dashboard.scanPlot()->graph(1)->data()->constBegin()->value, 20.0); // no pressure: 20
        QVERIFY(tile(dashboard, u"tileLastScan"_s).endsWith(u" ms"_s));
        QCOMPARE(tile(dashboard, u"tileScanSymbols"_s), u"60"_s);
        // On the samples' time axis, not at the engine's market time.
        QCOMPARE(dashboard.scanPlot()->graph(0)->data()->constBegin()->key, double(clock.nowMs()) / 1000.0);
        clock.advanceMs(5000);
        emit session.scanFinished(rig.scan());
        QCOMPARE(dashboard.scanPlot()->graph(0)->dataCount(), 2);

        // Viewers: the tiles and the plot.
        emit session.viewersChanged(ViewerStats{2, 4096, 3, 1});
        QCOMPARE(tile(dashboard, u"tileViewers"_s), u"2"_s);
        QCOMPARE(tile(dashboard, u"tileQueued"_s), u"4.0 KiB"_s);
        QCOMPARE(tile(dashboard, u"tileDrops"_s), u"3"_s);
        QCOMPARE(tile(dashboard, u"tileResyncs"_s), u"1"_s);
        QCOMPARE(dashboard.viewerPlot()->graph(0)->dataCount(), 1);
        QCOMPARE(dashboard.viewerPlot()->graph(0)->data()->constBegin()->value, 2.0);
        QCOMPARE(dashboard.viewerPlot()->graph(1)->data()->constBegin()->value, 4.0); // KiB
        // A second report within the same second replaces the point instead of adding one.
        emit session.viewersChanged(ViewerStats{3, 0, 3, 1});
        QCOMPARE(dashboard.viewerPlot()->graph(0)->dataCount(), 1);
        QCOMPARE(dashboard.viewerPlot()->graph(0)->data()->constBegin()->value, 3.0);
        QCOMPARE(tile(dashboard, u"tileViewers"_s), u"3"_s);

        // A remote dashboard shows the server's caches, never this process's registry.
        QVERIFY(!CacheRegistry::instance().stats().isEmpty()); // the rig's scanner caches
        QCOMPARE(dashboard.cacheModel()->rowCount(), 0);
        emit session.cachesUpdated(CacheRegistry::instance().stats());
        QVERIFY(rowOf(*dashboard.cacheModel(), u"scanner.levels"_s) >= 0);

        // The replot is queued, and happens.
        QSignalSpy replots(dashboard.cpuPlot(), &QCustomPlot::afterReplot);
        emit session.resourceSampled([&] {
            ResourceSample s;
            sampler.sample(s, clock.nowMs());
            return s;
        }());
        QVERIFY(replots.wait(2000));
    }

    void saysWhenTheRangeIsLongerThanWhatWasReceived()
    {
        ManualClock clock(kStartMs);
        test::DashboardTestSession session(true);
        ResourceDashboard dashboard(nullptr, clock);
        dashboard.setSession(&session);
        QVERIFY(!dashboard.historyNote()->isHidden());
        QCOMPARE(dashboard.historyNote()->text(), u"No samples received yet"_s);

        ProcSampler sampler;
        QVERIFY(sampler.attach(0));
        feedSamples(sampler, clock, session, 70);
        dashboard.setRange(ResourceDashboard::Range::OneMinute);
        QVERIFY(dashboard.historyNote()->isHidden());
        dashboard.setRange(ResourceDashboard::Range::FifteenMinutes);
        QVERIFY(!dashboard.historyNote()->isHidden());
        QCOMPARE(dashboard.historyNote()->text(), u"Only 1 min received since connecting"_s);
        QCOMPARE(dashboard.cpuPlot()->graph(0)->dataCount(), 70);
        QCOMPARE(dashboard.cpuPlot()->xAxis->range().size(), 900.0);
    }

    void dayRangeKeepsMinutesOlderThanTheHour()
    {
        ManualClock clock(kStartMs);
        test::DashboardTestSession session(true);
        ResourceDashboard dashboard(nullptr, clock);
        dashboard.setSession(&session);
        ProcSampler sampler;
        QVERIFY(sampler.attach(0));
        // Beyond the hour of one-second points the dashboard keeps (3600).
        feedSamples(sampler, clock, session, 3700);

        dashboard.setRange(ResourceDashboard::Range::OneHour);
        QCOMPARE(dashboard.cpuPlot()->graph(0)->dataCount(), 3600);
        dashboard.setRange(ResourceDashboard::Range::OneDay);
        // The first minute, no longer among the one-second points, comes back as its average.
        QCOMPARE(dashboard.cpuPlot()->graph(0)->dataCount(), 3601);
        QCOMPARE(dashboard.cpuPlot()->graph(0)->data()->constBegin()->key, double(kStartMs) / 1000.0);
        QCOMPARE(dashboard.historyNote()->text(), u"Only 1 h 1 min received since connecting"_s);
    }

    void sourceChangeClearsEverything()
    {
        ManualClock clock(kStartMs);
        test::DashboardTestSession session(true);
        ResourceDashboard dashboard(nullptr, clock);
        dashboard.setSession(&session);
        ProcSampler sampler;
        QVERIFY(sampler.attach(0));
        ScanRig rig;
        showOneOfEach(sampler, clock, session, rig);
        emit session.cachesUpdated(CacheRegistry::instance().stats());
        emit session.pressureChanged(PressureLevel::High, u"RSS at 72 % of its budget"_s);
        QVERIFY(dashboard.cacheModel()->rowCount() > 0);
        QCOMPARE(dashboard.alertList()->topLevelItemCount(), 1);
        QVERIFY(dashboard.pressureLabel()->text().contains(u"High"_s));

        QAbstractItemModelTester tester(dashboard.cacheModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        session.changeProcess(u"ws://other:8765"_s);
        for (QCustomPlot *plot : {dashboard.cpuPlot(), dashboard.memoryPlot(), dashboard.countsPlot(),
                                  dashboard.scanPlot(), dashboard.viewerPlot()}) {
            for (int i = 0; i < plot->graphCount(); ++i)
                QCOMPARE(plot->graph(i)->dataCount(), 0);
        }
        QCOMPARE(dashboard.cacheModel()->rowCount(), 0);
        QCOMPARE(dashboard.alertList()->topLevelItemCount(), 0);
        QCOMPARE(dashboard.actionList()->topLevelItemCount(), 0);
        for (const QString &name :
             {u"tileThreads"_s, u"tileRss"_s, u"tileLastScan"_s, u"tileViewers"_s, u"tileDrops"_s, u"pressureLevel"_s})
            QCOMPARE(tile(dashboard, name), u"–"_s);
        QCOMPARE(dashboard.historyNote()->text(), u"No samples received yet"_s);

        // The new source's figures start from scratch.
        feedSamples(sampler, clock, session, 2);
        QCOMPARE(dashboard.cpuPlot()->graph(0)->dataCount(), 2);
    }

    // A viewer's case: the server it watches switches its data source. The server process (and the
    // connection) go on, so the page keeps what it showed, as it does for a local switch.
    void remoteSourceSwitchKeepsTheHistory()
    {
        ManualClock clock(kStartMs);
        test::DashboardTestSession session(true);
        ResourceDashboard dashboard(nullptr, clock);
        dashboard.setSession(&session);
        ProcSampler sampler;
        QVERIFY(sampler.attach(0));
        ScanRig rig;
        showOneOfEach(sampler, clock, session, rig);

        session.changeSource(u"Replay of /data/candles"_s);
        QCOMPARE(dashboard.cpuPlot()->graph(0)->dataCount(), 5);
        QCOMPARE(dashboard.scanPlot()->graph(0)->dataCount(), 1);
        QVERIFY(dashboard.viewerPlot()->graph(0)->dataCount() > 0);
        QCOMPARE(dashboard.alertList()->topLevelItemCount(), 1);
        QCOMPARE(dashboard.actionList()->topLevelItemCount(), 1);
        QCOMPARE(tile(dashboard, u"tileViewers"_s), u"1"_s);
        feedSamples(sampler, clock, session, 2);
        QCOMPARE(dashboard.cpuPlot()->graph(0)->dataCount(), 7);
    }

    // The desktop's case: the workstation of this process switches its data source. The engine is rebuilt,
    // the process is not, so the page keeps every plot, alert and governor action from before the switch
    // and goes on adding to them. Real LocalSession: simulated market, then the recorded one in tests/data.
    void localSourceSwitchKeepsTheHistory()
    {
        const FeedOptions simulated = test::slowSimulatedMarket(7);
        const FeedOptions recorded = test::recordedSimSmall();

        // Ten samples a second: at Critical the monitor keeps 900 points, a minute and a half of them.
        LocalSessionConfig config;
        config.resourceIntervalMs = 100;
        LocalSession session(simulated, config);
        ResourceMonitor *monitor = session.processMonitor()->resourceMonitor();
        PressureGovernor *governor = session.processMonitor()->pressureGovernor();
        // Tight limits, as a user could set them: a threads alert and Critical pressure from the first sample.
        QMetaObject::invokeMethod(
            monitor,
            [monitor] {
                ResourceLimits limits;
                limits.cpuPercent = {};
                limits.memoryPercent = {};
                limits.diskPercent = {};
                limits.openFiles = {};
                limits.rssBytes = {};
                limits.threads = {0, 1};
                monitor->setLimits(limits);
            },
            Qt::QueuedConnection);
        QMetaObject::invokeMethod(
            governor, [governor] { governor->setMemoryThresholds(1024 * 1024, 0.5, 0.9); }, Qt::QueuedConnection);

        ResourceDashboard dashboard;
        dashboard.setSession(&session);
        dashboard.setMonitor(monitor);
        dashboard.setGovernor(governor);
        dashboard.setRange(ResourceDashboard::Range::FifteenMinutes);
        dashboard.resize(1200, 800);
        dashboard.show();
        QVERIFY(session.start());

        QCPGraph *cpu = dashboard.cpuPlot()->graph(0);
        QCPGraph *scans = dashboard.scanPlot()->graph(0);
        QTRY_VERIFY_WITH_TIMEOUT(cpu->dataCount() >= 10, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(scans->dataCount() >= 1, 60000);
        QTRY_COMPARE(dashboard.alertList()->topLevelItemCount(), 1);
        QTRY_VERIFY(dashboard.actionList()->topLevelItemCount() >= 1);
        const double firstKey = cpu->data()->constBegin()->key;
        // Scans a second apart share one point, which takes the later scan's time: the first point may move
        // within its second, never out of it.
        const auto firstScanSecond = [scans] { return std::floor(scans->data()->constBegin()->key); };
        const double firstScanKey = firstScanSecond();
        const int pointsBefore = cpu->dataCount();
        const int actionsBefore = dashboard.actionList()->topLevelItemCount();
        const QString alertBefore = dashboard.alertList()->topLevelItem(0)->text(0);

        QSignalSpy switched(&session, &WorkstationSession::sourceChanged);
        session.selectSource(recorded);
        QCOMPARE(switched.count(), 1);

        // Nothing from before the switch was dropped, and the plots go on growing.
        QVERIFY(cpu->dataCount() >= pointsBefore);
        QCOMPARE(cpu->data()->constBegin()->key, firstKey);
        QTRY_VERIFY_WITH_TIMEOUT(cpu->dataCount() >= pointsBefore + 10, 30000);
        QCOMPARE(cpu->data()->constBegin()->key, firstKey);
        QCOMPARE(dashboard.memoryPlot()->graph(0)->data()->constBegin()->key, firstKey);
        QCOMPARE(dashboard.countsPlot()->graph(0)->data()->constBegin()->key, firstKey);
        QCOMPARE(firstScanSecond(), firstScanKey);
        // The new engine's first scan joins the earlier ones.
        const int scansAtSwitch = scans->dataCount();
        QTRY_VERIFY_WITH_TIMEOUT(scans->dataCount() > scansAtSwitch, 60000);
        QCOMPARE(firstScanSecond(), firstScanKey);
        // The alert episode and the governor's level go on: the same alert, no new level change.
        QCOMPARE(dashboard.alertList()->topLevelItemCount(), 1);
        QCOMPARE(dashboard.alertList()->topLevelItem(0)->text(0), alertBefore);
        QVERIFY(dashboard.actionList()->topLevelItemCount() >= actionsBefore);
        int levelChanges = 0;
        for (int i = 0; i < dashboard.actionList()->topLevelItemCount(); ++i)
            levelChanges += dashboard.actionList()->topLevelItem(i)->text(2) == u"Level changed"_s ? 1 : 0;
        QCOMPARE(levelChanges, 1);
        QVERIFY(dashboard.pressureLabel()->text().contains(u"Critical"_s));
        QCOMPARE(tile(dashboard, u"tileThreads"_s) == u"–"_s, false);
        QVERIFY(dashboard.historyNote()->text() != u"No samples received yet"_s);

        dashboard.setSession(nullptr);
        session.stop();
    }

    // File > Connect and Disconnect in one window: the page shows one process at a time. The server's
    // figures replace this process's, and this process's own history comes back from its monitor after.
    void anotherProcessReplacesWhatIsShown()
    {
        ManualClock clock(kStartMs);
        ResourceMonitor monitor(ResourceMonitor::Options{}, clock);
        QVERIFY(monitor.attach());
        for (int i = 0; i < 3; ++i) {
            QVERIFY(monitor.sampleNow());
            clock.advanceMs(1000);
        }
        test::DashboardTestSession local(false);
        ResourceDashboard dashboard(nullptr, clock);
        dashboard.setSession(&local);
        dashboard.setMonitor(&monitor);
        QCPGraph *cpu = dashboard.cpuPlot()->graph(0);
        QTRY_COMPARE(cpu->dataCount(), 3);

        test::DashboardTestSession remote(true);
        dashboard.setSession(&remote);
        QCOMPARE(cpu->dataCount(), 0);
        ProcSampler sampler;
        QVERIFY(sampler.attach(0));
        clock.advanceMs(10'000);
        feedSamples(sampler, clock, remote, 2);
        QCoreApplication::processEvents();
        QCOMPARE(cpu->dataCount(), 2); // the server's, and nothing of this process's monitor
        QCOMPARE(dashboard.historyNote()->text(), u"Only 1 s received since connecting"_s);

        dashboard.setSession(&local);
        QCOMPARE(cpu->dataCount(), 0);
        QTRY_COMPARE(cpu->dataCount(), 3); // the monitor's history again
        QCOMPARE(cpu->data()->constBegin()->key, double(kStartMs) / 1000.0);
    }

    void cacheTableFollowsTheSessionWithoutResets()
    {
        ScanRig rig;
        IntCacheHolder idle(u"test.idle"_s);
        test::DashboardTestSession session(false);
        ResourceDashboard dashboard;
        dashboard.setSession(&session);
        CacheTableModel *model = dashboard.cacheModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(rig.scan());
        emit session.cachesUpdated(CacheRegistry::instance().stats());
        const int idleRow = rowOf(*model, u"test.idle"_s);
        const int filtersRow = rowOf(*model, u"scanner.filters"_s);
        QVERIFY(idleRow >= 0);
        QVERIFY(filtersRow >= 0);
        const CacheStats before = model->statsAt(filtersRow);

        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(model, &QAbstractItemModel::dataChanged);
        QSignalSpy layouts(model, &QAbstractItemModel::layoutChanged);
        // New bars and a new scan move the scanner's caches; the idle cache stays as it was.
        for (int round = 0; round < 3; ++round) {
            rig.bar();
            QVERIFY(rig.scan());
            emit session.cachesUpdated(CacheRegistry::instance().stats());
        }
        QCOMPARE(resets.count(), 0);
        QCOMPARE(layouts.count(), 0);
        QVERIFY(changes.count() >= 1);
        for (const QList<QVariant> &change : std::as_const(changes)) {
            const int first = change.at(0).toModelIndex().row();
            const int last = change.at(1).toModelIndex().row();
            QVERIFY2(idleRow < first || idleRow > last, "an unchanged row was reported as changed");
            for (int row = first; row <= last; ++row)
                QVERIFY(row != idleRow);
        }
        const CacheStats after = model->statsAt(filtersRow);
        QVERIFY(after.hits + after.misses > before.hits + before.misses);
        // Each new bar replaced the symbols' previous entries instead of leaving them to be evicted, so the
        // scanner's caches are not shown under pressure.
        QVERIFY(after.replacements > before.replacements);
        QCOMPARE(after.evictions, 0);
        QVERIFY(!model->isUnderPressure(filtersRow));

        // The same figures again: not a single signal.
        changes.clear();
        emit session.cachesUpdated(CacheRegistry::instance().stats());
        QCOMPARE(changes.count(), 0);
    }

    void sessionAndMonitorTogetherShowEachSampleOnce()
    {
        ManualClock clock(kStartMs);
        ResourceMonitor::Options options;
        options.limits.threads = {0, 1}; // any process with a thread is over this
        options.limits.cooldownMs = 0;
        ResourceMonitor monitor(options, clock);
        QVERIFY(monitor.attach());
        QVERIFY(monitor.sampleNow()); // history from before the dashboard existed
        clock.advanceMs(1000);

        // A local session forwards the monitor's samples and alerts, as the engine's session does.
        test::DashboardTestSession session(false);
        connect(&monitor, &ResourceMonitor::sampled, &session, &WorkstationSession::resourceSampled);
        connect(&monitor, &ResourceMonitor::alertRaised, &session, &WorkstationSession::alertRaised);
        ResourceDashboard dashboard(nullptr, clock);
        dashboard.setSession(&session);
        dashboard.setMonitor(&monitor);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(monitor.sampleNow());
            clock.advanceMs(1000);
        }
        QTRY_COMPARE(dashboard.cpuPlot()->graph(0)->dataCount(), 4);
        QCoreApplication::processEvents();
        QCOMPARE(dashboard.cpuPlot()->graph(0)->dataCount(), 4);
        QCOMPARE(dashboard.alertList()->topLevelItemCount(), int(monitor.alerts().size()));
        QVERIFY(dashboard.historyNote()->text().contains(u"recorded since the start"_s));
    }

    // Not a check: writes the Resources tab as the documentation shows it (docs/screenshots/resources.png)
    // when BW_SCREENSHOT_DIR is set. Everything on it is real: the workstation's engine on the simulated
    // market, this process's resource monitor and pressure governor, the engine's scans, and its WebSocket
    // server with two viewers connected. Under Xvfb for real fonts:
    //   BW_SCREENSHOT_DIR=/tmp/shots BW_SCREENSHOT_SECONDS=65 xvfb-run -a -s "-screen 0 1600x1000x24"
    //   build/ci/tests/ui/tst_resourcedashboard -platform xcb screenshot
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("BW_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("BW_SCREENSHOT_DIR is not set");
        QVERIFY(QDir().mkpath(dir));
        const int seconds = std::max(qEnvironmentVariableIntValue("BW_SCREENSHOT_SECONDS"), 5);
        Theme::apply(ThemeMode::Dark);

        SimulatedFeedConfig market;
        market.seed = 42;
        market.symbols = 300;
        AppContext context(market);
        ServerConfig config;
        config.port = 0;
        config.tokens.insert(u"screenshot-viewer-token"_s, protocol::Role::Viewer);
        context.enableServer(config);

        // The session a LocalSession is: the engine thread's signals, delivered on this thread.
        test::DashboardTestSession session(false);
        session.changeSource(context.sourceName());
        ResourceMonitor *monitor = context.resourceMonitor();
        PressureGovernor *governor = context.pressureGovernor();
        connect(monitor, &ResourceMonitor::sampled, &session, &WorkstationSession::resourceSampled);
        connect(monitor, &ResourceMonitor::alertRaised, &session, &WorkstationSession::alertRaised);
        connect(governor, &PressureGovernor::levelChanged, &session, &WorkstationSession::pressureChanged);
        connect(governor, &PressureGovernor::actionTaken, &session, &WorkstationSession::governorActed);
        connect(context.engine(), &Engine::scanFinished, &session, &WorkstationSession::scanFinished);
        QTimer caches;
        caches.setInterval(1000);
        connect(&caches, &QTimer::timeout, &session,
                [&session] { emit session.cachesUpdated(CacheRegistry::instance().stats()); });
        RemoteServer *server = context.remoteServer();
        QVERIFY(server);
        connect(server, &RemoteServer::statsUpdated, &session, [server, &session] {
            ViewerStats viewers;
            for (const ClientStats &client : server->clientStats()) {
                ++viewers.clients;
                viewers.queuedBytes += client.queuedBytes;
                viewers.drops += qint64(client.dropped);
                viewers.resyncs += qint64(client.resyncs);
            }
            emit session.viewersChanged(viewers);
        });
        QSignalSpy serverStarted(&context, &AppContext::serverStarted);

        MainWindow window;
        window.setSession(&session);
        connect(&context, &AppContext::overviewReady, &window, &MainWindow::showOverview);
        ResourceDashboard *dashboard = window.resourceDashboard();
        dashboard->setSession(&session);
        dashboard->setMonitor(monitor);
        dashboard->setGovernor(governor);
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.selectTab(u"resources"_s));
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        context.start();
        caches.start();

        QVERIFY(serverStarted.wait(30'000));
        const QUrl url(u"ws://127.0.0.1:%1"_s.arg(serverStarted.at(0).at(0).value<quint16>()));
        RemoteClient first;
        RemoteClient second;
        for (RemoteClient *client : {&first, &second})
            client->open(url, u"screenshot-viewer-token"_s, {protocol::Topic::Resources, protocol::Topic::Caches});

        // One sample a second; the one-minute range shows at most 61.
        QTRY_VERIFY_WITH_TIMEOUT(dashboard->cpuPlot()->graph(0)->dataCount() >= std::min(seconds, 60),
                                 (seconds + 30) * 1000);
        QVERIFY(dashboard->scanPlot()->graph(0)->dataCount() > 1);
        QVERIFY(dashboard->viewerPlot()->graph(0)->dataCount() > 0);

        const auto shoot = [&](const QSize &size, const QString &name) {
            window.resize(size);
            QSignalSpy replotted(dashboard->cpuPlot(), &QCustomPlot::afterReplot);
            QVERIFY(replotted.wait(5000)); // the next sample's replot, at the new size
            QVERIFY(window.grab().save(dir + u'/' + name));
        };
        shoot(QSize(1600, 1000), u"resources-1600x1000.png"_s);
        shoot(QSize(1280, 800), u"resources.png"_s);
        first.close();
        second.close();
        context.stop();
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
