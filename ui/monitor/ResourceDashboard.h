#pragma once

#include "common/MemoryPressure.h"
#include "common/RingBuffer.h"
#include "monitor/PressureGovernor.h"
#include "monitor/ResourceLimits.h"
#include "monitor/ResourceMonitor.h"
#include "monitor/ResourceSample.h"

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <array>

class QButtonGroup;
class QCustomPlot;
class QLabel;
class QTableView;
class QTreeWidget;

namespace bw {
class EventLoopLagProbe;
}

namespace bw::ui {

class CacheTableModel;

// The workstation's own health: CPU, memory, threads and descriptors over time, the bounded caches, the
// memory pressure level with what the governor did about it, the resource alerts, and how late the GUI's
// event loop runs. It only reads: the monitor and the governor live on the engine thread and reach it
// through queued signals; the cache registry is thread-safe.
class ResourceDashboard final : public QWidget
{
    Q_OBJECT

public:
    enum class Range { OneMinute, FifteenMinutes, OneHour, OneDay };
    static constexpr int kMaxListEntries = 200;

    explicit ResourceDashboard(QWidget *parent = nullptr);
    ~ResourceDashboard() override;

    // Follows `monitor`'s samples and alerts and fills the plots from its history. The monitor may live on
    // another thread; that thread must be stopped before this widget is destroyed (AppContext::stop()).
    void setMonitor(bw::ResourceMonitor *monitor);
    // Follows the governor's level and actions (same threading rule as setMonitor).
    void setGovernor(bw::PressureGovernor *governor);

    void setRange(Range range);
    Range range() const { return m_range; }
    static qint64 rangeMs(Range range);

    QCustomPlot *cpuPlot() const { return m_cpuPlot; }
    QCustomPlot *memoryPlot() const { return m_memoryPlot; }
    QCustomPlot *countsPlot() const { return m_countsPlot; }
    CacheTableModel *cacheModel() const { return m_cacheModel; }
    QTreeWidget *alertList() const { return m_alerts; }
    QTreeWidget *actionList() const { return m_actions; }
    QLabel *pressureLabel() const { return m_pressure; }
    bw::EventLoopLagProbe *lagProbe() const { return m_lagProbe; }

public slots:
    void showSample(const bw::ResourceSample &sample);
    void showAlert(const bw::AlertEvent &alert);
    void showAction(const bw::GovernorAction &action);
    void showPressureLevel(bw::PressureLevel level, const QString &reason = {});
    void refreshCaches();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildTiles();
    QWidget *buildRangeButtons();
    QWidget *buildPlots();
    QWidget *buildTables();
    QCustomPlot *makePlot(const QString &valueLabel, const QString &firstSeries, const QString &secondSeries);
    void applyTheme();
    void setRecentHistory(const QList<bw::HistoryPoint> &points);
    void setLongHistory(const QList<bw::HistoryPoint> &points);
    void requestLongHistory();
    void mergeAlertHistory(const QList<bw::AlertEvent> &stored);
    void listAlert(const bw::AlertEvent &alert);
    void rebuildPlots();
    void addPoint(const bw::HistoryPoint &point);
    void trimAndRescale();
    void scheduleReplot();
    void replotNow();
    void updateLag();
    QString formatAlertValue(bw::Metric metric, double value) const;

    QPointer<bw::ResourceMonitor> m_monitor;
    QPointer<bw::PressureGovernor> m_governor;
    Range m_range = Range::OneMinute;
    RingBuffer<bw::HistoryPoint> m_recent;
    QList<bw::HistoryPoint> m_long; // the monitor's one-point-a-minute history, for the 24 h range
    qint64 m_lastTimeMs = 0;
    // Alerts shown live while the monitor's stored alerts are on their way, so that none is listed twice.
    bool m_alertHistoryPending = false;
    QList<bw::AlertEvent> m_liveAlerts;
    qint64 m_longRequestedMs = 0;

    QCustomPlot *m_cpuPlot = nullptr;
    QCustomPlot *m_memoryPlot = nullptr;
    QCustomPlot *m_countsPlot = nullptr;
    QList<QLabel *> m_plotTitles;
    QButtonGroup *m_rangeButtons = nullptr;

    std::array<QLabel *, 8> m_tileValues{};
    QLabel *m_pressure = nullptr;
    PressureLevel m_level = PressureLevel::Normal;

    CacheTableModel *m_cacheModel = nullptr;
    QTableView *m_cacheTable = nullptr;
    QLabel *m_noCaches = nullptr;
    QTreeWidget *m_alerts = nullptr;
    QTreeWidget *m_actions = nullptr;

    bw::EventLoopLagProbe *m_lagProbe = nullptr;
    QTimer m_secondTimer;
    QTimer m_replotTimer;
};

} // namespace bw::ui
