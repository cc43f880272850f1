#pragma once

#include "app/WorkstationSession.h"
#include "market/MarketTableModel.h"
#include "market/MarketTypes.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <array>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QToolBar;

namespace bw::ui {

class MarketHeader;
class ResourceDashboard;

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

    // Adds a page to the main tabs; `name` is what selectTab() and --tab accept.
    void addPage(const QString &name, const QString &title, QWidget *page);

    MarketTableModel *marketModel() const { return m_model; }
    QSortFilterProxyModel *marketProxy() const { return m_proxy; }
    // Where the engine controls of the full workstation will go.
    QToolBar *marketToolBar() const { return m_toolBar; }
    // The "Resources" page; the composition root hands it the resource monitor and the governor.
    ResourceDashboard *resourceDashboard() const { return m_dashboard; }
    // Shows the page named "market", "resources" or one added with addPage(); false for any other name.
    bool selectTab(const QString &name);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildMenus();
    void buildStatusBar();
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

    QLabel *m_statusSource = nullptr;
    QLabel *m_statusTime = nullptr;
    QLabel *m_statusSymbols = nullptr;
    QLabel *m_statusStore = nullptr;
    QString m_sourceName;
    QPointer<bw::WorkstationSession> m_session;
    QList<QMetaObject::Connection> m_sessionConnections;
    QHash<QString, QWidget *> m_pages;
    bool m_autoFitColumns = true;
    bool m_fittingColumns = false;
};

} // namespace bw::ui
