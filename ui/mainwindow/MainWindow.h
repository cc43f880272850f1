#pragma once

#include "app/WorkstationSession.h"
#include "engine/EngineTypes.h"
#include "market/MarketTableModel.h"
#include "market/MarketTypes.h"

#include <QByteArray>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <array>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QToolBar;
class QToolButton;

namespace bw::ui {

class ConnectDialog;
class LogDock;
class MarketHeader;
class MessageBar;
class ResourceDashboard;
class ScannerView;
class TradingView;

// The workstation's main window. It only shows what it is given: the composition root connects the
// engine's published snapshots (today the market overview) to its slots, so the same window can later
// be fed by a remote viewer connection.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The name of the data source until the first overview names it, e.g. for the title bar.
    void setSourceName(const QString &name);

    void showOverview(const bw::MarketOverview &overview);

    // Shows what `session` publishes (a local engine or a remote server) and sends the user's commands to
    // it. The session must outlive the window or be replaced before it is deleted; null detaches.
    void setSession(bw::WorkstationSession *session);
    bw::WorkstationSession *session() const { return m_session; }

    // Adds a page to the main tabs; `name` is what selectTab() and --tab accept. Column widths of the
    // page's tables (those with an objectName) are remembered with the layout.
    void addPage(const QString &name, const QString &title, QWidget *page);

    MarketTableModel *marketModel() const { return m_model; }
    QSortFilterProxyModel *marketProxy() const { return m_proxy; }
    // The row with the market header strip.
    QToolBar *marketToolBar() const { return m_toolBar; }
    // The row with the engine controls, preset, data source, scan now, snapshot and settings.
    QToolBar *engineToolBar() const { return m_engineToolBar; }
    LogDock *logDock() const { return m_logDock; }
    MessageBar *messageBar() const { return m_messageBar; }
    // The "Resources" page; the composition root hands it the resource monitor and the governor.
    ResourceDashboard *resourceDashboard() const { return m_dashboard; }
    ScannerView *scannerView() const { return m_scanner; }
    TradingView *tradingView() const { return m_trading; }
    // Shows the page named "market", "resources" or one added with addPage(); false for any other name.
    bool selectTab(const QString &name);

public slots:
    // Opens File > Connect to remote (non-modal); OK emits connectRequested.
    void showConnectDialog();
    // Window size, toolbars, the log dock and every table's columns back to their defaults.
    void resetLayout();

signals:
    // The user wants the settings dialog, opened on `page` ("" the first page, "source" the data source).
    void settingsRequested(const QString &page);
    // File > Connect to remote was accepted: the composition root builds a RemoteSession and calls
    // setSession() with it. The token is for the first message, never the URL.
    void connectRequested(const QUrl &url, const QString &token, bool acceptAnyCertificate);
    // File > Disconnect: back from a remote session (the composition root decides to what).
    void disconnectRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildEngineToolBar();
    void refreshEngineIcons();
    void buildMenus();
    void buildStatusBar();
    void clearStatus();
    void updateActions();
    void refreshPresets();
    void showEngineStatus(const bw::EngineStatus &status);
    void showEngineState();
    void showResources(const bw::ResourceSample &sample);
    void showViewers(const bw::ViewerStats &viewers);
    void showConnectionState(bw::WorkstationSession::ConnectionState state, const QString &detail);
    void showSnapshotExported(const QString &path);
    void showCommandFailed(const QString &command, const QString &reason);
    void openSnapshotFolder();
    void restoreTableHeaders();
    QList<QTableView *> rememberedTables() const;
    void updateFilterSummary();
    void restoreLayout();
    void saveLayout() const;
    std::array<int, MarketTableModel::Count> naturalColumnWidths() const;
    void fitColumns();
    void resetColumns();

    MarketTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_filterSummary = nullptr;
    MarketHeader *m_header = nullptr;
    QToolBar *m_toolBar = nullptr;
    QTabWidget *m_tabs = nullptr;
    ResourceDashboard *m_dashboard = nullptr;
    ScannerView *m_scanner = nullptr;
    TradingView *m_trading = nullptr;
    LogDock *m_logDock = nullptr;
    MessageBar *m_messageBar = nullptr;
    QPointer<ConnectDialog> m_connectDialog;

    QToolBar *m_engineToolBar = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_scanAction = nullptr;
    QAction *m_snapshotAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QComboBox *m_presets = nullptr;
    QToolButton *m_sourceButton = nullptr;

    QLabel *m_statusEngine = nullptr;
    QLabel *m_statusSource = nullptr;
    QLabel *m_statusScan = nullptr;
    QLabel *m_statusCandidates = nullptr;
    QLabel *m_statusPositions = nullptr;
    QLabel *m_statusEquity = nullptr;
    QLabel *m_statusCpu = nullptr;
    QLabel *m_statusRss = nullptr;
    QLabel *m_statusViewers = nullptr;
    QLabel *m_statusConnection = nullptr;
    QLabel *m_statusLag = nullptr;
    QLabel *m_statusResyncs = nullptr;
    QString m_sourceName;
    bw::EngineState m_engineState = bw::EngineState::Idle;
    QString m_engineReason;
    bw::WorkstationSession::ConnectionState m_connectionState = bw::WorkstationSession::ConnectionState::Disconnected;
    QString m_connectionDetail;
    qint64 m_storeBytes = -1;
    qint64 m_resyncs = 0;
    QString m_snapshotFolder;
    QByteArray m_defaultState;
    QHash<QString, QByteArray> m_defaultHeaders; // table objectName -> header state before any restore
    QSet<QString> m_restoredHeaders;
    QPointer<bw::WorkstationSession> m_session;
    QList<QMetaObject::Connection> m_sessionConnections;
    QHash<QString, QWidget *> m_pages;
    bool m_autoFitColumns = true;
    bool m_fittingColumns = false;
};

} // namespace bw::ui
