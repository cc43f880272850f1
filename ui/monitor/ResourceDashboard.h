#pragma once

#include "app/WorkstationSession.h"
#include "common/Clock.h"
#include "common/MemoryPressure.h"
#include "monitor/DashboardSeries.h"
#include "monitor/PressureGovernor.h"
#include "monitor/ResourceLimits.h"
#include "monitor/ResourceMonitor.h"
#include "monitor/ResourceSample.h"
#include "scanner/ScanReport.h"

#include <QList>
#include <QMetaObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <array>
#include <optional>

class QBoxLayout;
class QButtonGroup;
class QCustomPlot;
class QLabel;
class QSplitter;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace bw {
class EventLoopLagProbe;
}

namespace bw::ui {

class CacheTableModel;

// The workstation's own health: CPU, memory, threads and descriptors over time, scan durations and batch
// sizes, the bounded caches, the remote viewers, the memory pressure level with what the governor did
// about it, the resource alerts, and how late the GUI's event loop runs.
//
// It is fed by a WorkstationSession (setSession): locally or from a remote server alike, so a remote
// viewer's dashboard shows the server's process and caches. A session alone is enough; the history then
// starts with the first sample received. Locally, setMonitor adds the monitor's stored history (the last
// hour at 1 s, the day at one point a minute) and setGovernor the current pressure level. Without a
// session, the monitor, the governor and this process's cache registry feed it directly.
//
// What it shows is one process's history. A source switch rebuilds the engine, not the process, whether
// this process's (a local session) or a server's a viewer watches (a remote session's sourceChanged without
// processChanged): everything stays (resources, scans, viewers, alerts, governor actions) and goes on
// growing. A remote session's processChanged means another server process (or a restarted one): everything
// is cleared.
class ResourceDashboard final : public QWidget
{
    Q_OBJECT

public:
    enum class Range { OneMinute, FifteenMinutes, OneHour, OneDay };
    static constexpr int kMaxListEntries = 200;

    explicit ResourceDashboard(QWidget *parent = nullptr, const bw::Clock &clock = bw::SystemClock::instance());
    ~ResourceDashboard() override;

    // Follows the session's resources, pressure, governor actions, caches, viewers and scans; a session's
    // processChanged clears what was shown, its sourceChanged keeps it (the same process). Setting the
    // same session again does nothing; nullptr detaches.
    void setSession(bw::WorkstationSession *session);
    bw::WorkstationSession *session() const { return m_session.data(); }
    // Takes the monitor's stored history (and, without a session, its live samples and alerts); never while
    // a remote session feeds the dashboard (the monitor is this process's, not the server's). The monitor
    // may live on another thread; that thread must be stopped before this widget is destroyed.
    void setMonitor(bw::ResourceMonitor *monitor);
    // Shows the governor's current level (and, without a session, its changes and actions).
    void setGovernor(bw::PressureGovernor *governor);

    void setRange(Range range);
    Range range() const { return m_range; }
    static qint64 rangeMs(Range range);

    QCustomPlot *cpuPlot() const { return m_cpuPlot; }
    QCustomPlot *memoryPlot() const { return m_memoryPlot; }
    QCustomPlot *countsPlot() const { return m_countsPlot; }
    QCustomPlot *scanPlot() const { return m_scanPlot; }
    QCustomPlot *viewerPlot() const { return m_viewerPlot; }
    CacheTableModel *cacheModel() const { return m_cacheModel; }
    QTreeWidget *alertList() const { return m_alerts; }
    QTreeWidget *actionList() const { return m_actions; }
    QLabel *pressureLabel() const { return m_pressure; }
    // "Only 3 min received since connecting" when the range reaches further back than the data.
    QLabel *historyNote() const { return m_historyNote; }
    bw::EventLoopLagProbe *lagProbe() const { return m_lagProbe; }

public slots:
    void showSample(const bw::ResourceSample &sample);
    void showAlert(const bw::AlertEvent &alert);
    void showAction(const bw::GovernorAction &action);
    void showPressureLevel(bw::PressureLevel level, const QString &reason = {});
    void showCaches(const QList<bw::CacheStats> &caches);
    void showScan(bw::ScanReportPtr report);
    void showViewers(const bw::ViewerStats &viewers);
    // Forgets everything shown (another process is shown now); a local monitor's history is taken again.
    void clear();
    // Reads this process's cache registry (used while no session feeds the caches).
    void refreshCaches();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    enum Tile { ProcessCpu, SystemCpu, Rss, Heap, Threads, OpenFiles, SystemMemory, Lag, TileCount };
    enum SideTile { LastScan, ScanBatch, ScanSymbols, Viewers, Queued, Drops, Resyncs, SideTileCount };

    QWidget *buildTiles();
    QWidget *buildRangeButtons();
    QWidget *buildPlots();
    QWidget *buildTables();
    QWidget *buildPlotCell(const QString &title, QCustomPlot *plot, const QList<std::pair<QString, SideTile>> &figures);
    QCustomPlot *makePlot(const QString &objectName, const QString &valueLabel, const QString &firstSeries,
                          const QString &secondSeries, const QString &secondAxisLabel = {});
    QList<QCustomPlot *> plots() const;
    void connectLiveSources();
    void onSourceChanged();
    bool showsThisProcess() const;
    bool showsAnything() const;
    void requestMonitorHistory();
    void applyTheme();
    void displayPressure(std::optional<bw::PressureLevel> level, const QString &reason);
    void setMonitorHistory(const QList<bw::HistoryPoint> &recent, const QList<bw::HistoryPoint> &longer);
    void mergeAlertHistory(const QList<bw::AlertEvent> &stored);
    void listAlert(const bw::AlertEvent &alert);
    void updateEventTabs();
    void rebuildPlots();
    void addResourcePoint(const bw::HistoryPoint &point);
    void addScanPoint(const ScanPoint &point);
    void addViewerPoint(const ViewerPoint &point);
    void trimAndRescale();
    void updateHistoryNote();
    void scheduleReplot();
    void replotNow();
    void updateLag();
    void resetFigures();
    qint64 nowOnSampleClock() const;
    qint64 axisEndMs() const;
    QString formatAlertValue(bw::Metric metric, double value) const;

    const Clock &m_clock;
    QPointer<bw::WorkstationSession> m_session;
    QList<QMetaObject::Connection> m_sessionConnections;
    QPointer<bw::ResourceMonitor> m_monitor;
    QPointer<bw::PressureGovernor> m_governor;
    QList<QMetaObject::Connection> m_liveConnections; // monitor and governor, while no session feeds us
    Range m_range = Range::OneMinute;

    ResourceHistory m_resources;
    ScanHistory m_scans;
    ViewerHistory m_viewers;
    qint64 m_lastSampleMs = 0;
    // Sample clock minus this widget's clock at the last sample: places scans and viewer reports, which
    // carry no comparable time of their own, on the samples' time axis (a remote server's clock may differ).
    qint64 m_clockOffsetMs = 0;
    // The data came from the monitor's stored history (this process since it started), not only from what
    // was received since the session connected.
    bool m_haveMonitorHistory = false;
    // Alerts shown live while the monitor's stored alerts are on their way, so that none is listed twice.
    bool m_alertHistoryPending = false;
    QList<bw::AlertEvent> m_liveAlerts;

    QCustomPlot *m_cpuPlot = nullptr;
    QCustomPlot *m_memoryPlot = nullptr;
    QCustomPlot *m_countsPlot = nullptr;
    QCustomPlot *m_scanPlot = nullptr;
    QCustomPlot *m_viewerPlot = nullptr;
    QButtonGroup *m_rangeButtons = nullptr;
    QSplitter *m_splitter = nullptr;
    QBoxLayout *m_tablesLayout = nullptr; // caches and events: side by side, or stacked beside the plots
    QLabel *m_historyNote = nullptr;

    std::array<QLabel *, TileCount> m_tileValues{};
    std::array<QLabel *, SideTileCount> m_sideValues{};
    QLabel *m_pressure = nullptr;
    std::optional<PressureLevel> m_level = PressureLevel::Normal; // nullopt: not known (after a source change)

    CacheTableModel *m_cacheModel = nullptr;
    QTableView *m_cacheTable = nullptr;
    QLabel *m_noCaches = nullptr;
    QTabWidget *m_eventTabs = nullptr;
    QTreeWidget *m_alerts = nullptr;
    QTreeWidget *m_actions = nullptr;

    bw::EventLoopLagProbe *m_lagProbe = nullptr;
    QTimer m_secondTimer;
    QTimer m_replotTimer;
    bool m_replotWhenShown = false;
};

} // namespace bw::ui
