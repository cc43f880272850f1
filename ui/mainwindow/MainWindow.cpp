#include "mainwindow/MainWindow.h"

#include "app/StatusLine.h"
#include "app/WorkstationSession.h"
#include "common/NumberFormat.h"
#include "common/SortFilterProxyModel.h"
#include "common/Theme.h"
#include "log/LogDock.h"
#include "mainwindow/ConnectDialog.h"
#include "mainwindow/MessageBar.h"
#include "market/MarketHeader.h"
#include "market/MarketTableModel.h"
#include "monitor/ResourceDashboard.h"
#include "scanner/ScannerView.h"
#include "trading/TradingView.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPainter>
#include <QPixmap>
#include <QScopedValueRollback>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace bw::ui {

namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kMarketHeaderKey = QStringLiteral("mainWindow/marketTableHeader");
const QString kAutoFitKey = QStringLiteral("mainWindow/marketTableAutoFit");
const QString kTablesGroup = QStringLiteral("mainWindow/tables");
const QSize kDefaultSize(1280, 800);

QString dash()
{
    return QStringLiteral("–");
}

// The state as a trader reads it; "managing" is the engine's word for running between two scans.
QString stateName(EngineState state)
{
    switch (state) {
    case EngineState::Idle:
        return MainWindow::tr("Idle");
    case EngineState::Initializing:
        return MainWindow::tr("Starting");
    case EngineState::Scanning:
        return MainWindow::tr("Scanning");
    case EngineState::Managing:
        return MainWindow::tr("Running");
    case EngineState::Paused:
        return MainWindow::tr("Paused");
    case EngineState::Error:
        return MainWindow::tr("Error");
    case EngineState::Emergency:
        return MainWindow::tr("Halted");
    case EngineState::Stopped:
        return MainWindow::tr("Stopped");
    }
    return {};
}

QColor stateColour(EngineState state)
{
    switch (state) {
    case EngineState::Scanning:
    case EngineState::Managing:
        return Theme::up();
    case EngineState::Paused:
    case EngineState::Initializing:
        return Theme::warning();
    case EngineState::Error:
    case EngineState::Emergency:
        return Theme::critical();
    case EngineState::Idle:
    case EngineState::Stopped:
        break;
    }
    return Theme::neutral();
}

QString connectionName(WorkstationSession::ConnectionState state)
{
    switch (state) {
    case WorkstationSession::ConnectionState::Connecting:
        return MainWindow::tr("Connecting");
    case WorkstationSession::ConnectionState::Connected:
        return MainWindow::tr("Connected");
    case WorkstationSession::ConnectionState::Reconnecting:
        return MainWindow::tr("Reconnecting");
    case WorkstationSession::ConnectionState::Disconnected:
        return MainWindow::tr("Disconnected");
    }
    return {};
}

QColor connectionColour(WorkstationSession::ConnectionState state)
{
    switch (state) {
    case WorkstationSession::ConnectionState::Connected:
        return Theme::up();
    case WorkstationSession::ConnectionState::Connecting:
    case WorkstationSession::ConnectionState::Reconnecting:
        return Theme::warning();
    case WorkstationSession::ConnectionState::Disconnected:
        break;
    }
    return Theme::critical();
}

QString dotted(const QColor &colour, const QString &text)
{
    return QStringLiteral("<span style=\"color:%1\">\u25CF</span>&nbsp;%2").arg(colour.name(), text.toHtmlEscaped());
}

enum class Glyph { Play, Pause, Stop };

// The engine buttons' icons, drawn in the theme's trading colours: the style's media icons are black
// glyphs that vanish on the dark palette.
QIcon glyphIcon(Glyph glyph, const QColor &colour)
{
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        const double unit = size / 16.0;
        switch (glyph) {
        case Glyph::Play: {
            const QPointF points[] = {{4 * unit, 2.5 * unit}, {13.5 * unit, 8 * unit}, {4 * unit, 13.5 * unit}};
            painter.drawPolygon(points, 3);
            break;
        }
        case Glyph::Pause:
            painter.drawRoundedRect(QRectF(3.5 * unit, 3 * unit, 3.2 * unit, 10 * unit), unit * 0.6, unit * 0.6);
            painter.drawRoundedRect(QRectF(9.3 * unit, 3 * unit, 3.2 * unit, 10 * unit), unit * 0.6, unit * 0.6);
            break;
        case Glyph::Stop:
            painter.drawRoundedRect(QRectF(3.5 * unit, 3.5 * unit, 9 * unit, 9 * unit), unit, unit);
            break;
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

// What the user clicked, for "… failed" messages; the protocol's command name otherwise.
QString commandTitle(const QString &command)
{
    if (command == u"engine.start")
        return MainWindow::tr("Starting the engine");
    if (command == u"engine.pause")
        return MainWindow::tr("Pausing the engine");
    if (command == u"engine.resume")
        return MainWindow::tr("Resuming the engine");
    if (command == u"engine.stop")
        return MainWindow::tr("Stopping the engine");
    if (command == u"engine.scan_now")
        return MainWindow::tr("Scan now");
    if (command == u"engine.preset")
        return MainWindow::tr("Switching the preset");
    if (command == u"snapshot.export")
        return MainWindow::tr("The memory snapshot");
    if (command == u"position.close")
        return MainWindow::tr("Closing the position");
    if (command == u"positions.flatten")
        return MainWindow::tr("Flattening the positions");
    if (command == u"risk.halt")
        return MainWindow::tr("Halting trading");
    if (command == u"risk.reset")
        return MainWindow::tr("Resetting the kill switch");
    if (command == u"source.select")
        return MainWindow::tr("Switching the data source");
    return MainWindow::tr("The command “%1”").arg(command);
}

QString scanDuration(double ms)
{
    const QLocale locale;
    if (ms < 1000)
        return MainWindow::tr("%1 ms").arg(locale.toString(ms, 'f', ms < 10 ? 1 : 0));
    return MainWindow::tr("%1 s").arg(locale.toString(ms / 1000, 'f', 1));
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new MarketTableModel(this))
    , m_proxy(new SortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Breakout Workstation"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(MarketTableModel::SortRole);
    m_proxy->setFilterKeyColumn(MarketTableModel::Symbol);

    m_header = new MarketHeader(this);
    m_toolBar = addToolBar(tr("Market"));
    m_toolBar->setObjectName(QStringLiteral("marketToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setFloatable(false);
    m_toolBar->addWidget(m_header);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(6);

    auto *filterRow = new QHBoxLayout;
    auto *title = new QLabel(tr("Market"), central);
    QFont titleFont = title->font();
    titleFont.setWeight(QFont::DemiBold);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    title->setFont(titleFont);
    m_filter = new QLineEdit(central);
    m_filter->setObjectName(QStringLiteral("marketFilter"));
    m_filter->setPlaceholderText(tr("Filter symbols (e.g. BTC)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(240);
    m_filter->setMaximumWidth(320);
    m_filterSummary = new QLabel(central);
    m_filterSummary->setObjectName(QStringLiteral("marketFilterSummary"));
    m_filterSummary->setForegroundRole(QPalette::PlaceholderText);
    filterRow->addWidget(title);
    filterRow->addSpacing(12);
    filterRow->addWidget(m_filter);
    filterRow->addWidget(m_filterSummary);
    filterRow->addStretch(1);
    layout->addLayout(filterRow);

    m_table = new QTableView(central);
    m_table->setObjectName(QStringLiteral("marketTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setFrameShape(QFrame::NoFrame);
    // Room between a number and the next column, and a flat header that reads as part of the table.
    m_table->setStyleSheet(
        QStringLiteral("QTableView::item { padding: 0px 10px; border: none; }"
                       "QHeaderView::section { padding: 5px 10px; border: none; border-bottom: 1px solid palette(mid);"
                       " background: palette(window); color: palette(placeholder-text); font-weight: 600; }"
                       "QHeaderView::up-arrow, QHeaderView::down-arrow { image: none; width: 0px; height: 0px; }"));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setStretchLastSection(false);
    header->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    header->setSortIndicator(MarketTableModel::Volume24h, Qt::DescendingOrder);
    layout->addWidget(m_table, 1);

    // The market stays the first page; the workstation's own health is one click away.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    // The trader's day in the order it is read: the market, what the scanner found, what is traded, and the
    // workstation's own health.
    m_scanner = new ScannerView(m_tabs);
    m_trading = new TradingView(m_tabs);
    m_dashboard = new ResourceDashboard(m_tabs);
    addPage(QStringLiteral("market"), tr("Market"), central);
    addPage(QStringLiteral("scanner"), tr("Scanner"), m_scanner);
    addPage(QStringLiteral("trading"), tr("Trading"), m_trading);
    addPage(QStringLiteral("resources"), tr("Resources"), m_dashboard);

    // Command results show above the pages, without taking the focus from what the user was doing.
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    m_messageBar = new MessageBar(centre);
    centreLayout->addWidget(m_messageBar);
    centreLayout->addWidget(m_tabs, 1);
    setCentralWidget(centre);
    connect(m_messageBar, &MessageBar::actionTriggered, this, &MainWindow::openSnapshotFolder);

    m_logDock = new LogDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    resizeDocks({m_logDock}, {140}, Qt::Vertical);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateFilterSummary();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateFilterSummary);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateFilterSummary);

    buildEngineToolBar();
    buildMenus();
    buildStatusBar();
    updateFilterSummary();
    updateActions();
    resize(kDefaultSize);
    fitColumns();
    m_defaultState = saveState();
    restoreLayout();
    // A width the user chose by hand stays; our own fitting does not count.
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (!m_fittingColumns)
            m_autoFitColumns = false;
    });
    m_table->viewport()->installEventFilter(this);
}

MainWindow::~MainWindow() = default;

std::array<int, MarketTableModel::Count> MainWindow::naturalColumnWidths() const
{
    // Wide enough for the longest value each column shows, in English and German.
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto width = [&](const QString &sample) { return metrics.horizontalAdvance(sample) + 28; };
    std::array<int, MarketTableModel::Count> widths{};
    widths[MarketTableModel::Symbol] = width(QStringLiteral("1000SHIBUSDT__"));
    widths[MarketTableModel::LastPrice] = width(QStringLiteral("100,000.00__"));
    widths[MarketTableModel::Change24h] = width(QStringLiteral("+100.00 %__"));
    widths[MarketTableModel::Volume24h] = width(QStringLiteral("999.9 Mrd.__"));
    widths[MarketTableModel::SpreadBps] = width(QStringLiteral("Spread (bps)__"));
    widths[MarketTableModel::TradesPerMinute] = width(QStringLiteral("Trades/min__"));
    return widths;
}

void MainWindow::fitColumns()
{
    // Spread the columns over the table's width (up to a limit, so that a very wide window does not pull
    // a row's numbers too far apart), until the user sizes a column by hand.
    const std::array<int, MarketTableModel::Count> natural = naturalColumnWidths();
    int total = 0;
    for (const int width : natural)
        total += width;
    const int available = m_table->viewport()->width();
    const double scale = std::clamp(static_cast<double>(available) / total, 1.0, 2.2);
    QScopedValueRollback<bool> fitting(m_fittingColumns, true);
    int used = 0;
    for (int column = 0; column < MarketTableModel::Count; ++column) {
        int width = static_cast<int>(natural[column] * scale);
        if (column == MarketTableModel::Count - 1 && scale < 2.2)
            width = std::max(natural[column], available - used);
        m_table->setColumnWidth(column, width);
        used += width;
    }
}

void MainWindow::resetColumns()
{
    m_autoFitColumns = true;
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < MarketTableModel::Count; ++column)
        header->moveSection(header->visualIndex(column), column);
    fitColumns();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize && m_autoFitColumns)
        fitColumns();
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::buildEngineToolBar()
{
    m_engineToolBar = new QToolBar(tr("Engine"), this);
    m_engineToolBar->setObjectName(QStringLiteral("engineToolBar"));
    m_engineToolBar->setMovable(false);
    m_engineToolBar->setFloatable(false);
    m_engineToolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_engineToolBar->setIconSize(QSize(16, 16));
    insertToolBar(m_toolBar, m_engineToolBar);
    insertToolBarBreak(m_toolBar);

    const auto makeAction = [this](QStyle::StandardPixmap icon, const QString &text, const QString &tip,
                                   const QString &name) {
        auto *action = new QAction(style()->standardIcon(icon), text, this);
        action->setObjectName(name);
        action->setToolTip(tip);
        return action;
    };
    m_startAction =
        makeAction(QStyle::SP_MediaPlay, tr("Start"), tr("Start the engine"), QStringLiteral("startAction"));
    m_pauseAction = makeAction(QStyle::SP_MediaPause, tr("Pause"),
                               tr("Pause scanning and new entries; open positions are still managed"),
                               QStringLiteral("pauseAction"));
    m_resumeAction = makeAction(QStyle::SP_MediaPlay, tr("Resume"), tr("Resume scanning and trading"),
                                QStringLiteral("resumeAction"));
    m_stopAction = makeAction(QStyle::SP_MediaStop, tr("Stop"), tr("Stop the engine"), QStringLiteral("stopAction"));
    m_scanAction = makeAction(QStyle::SP_BrowserReload, tr("Scan now"),
                              tr("Scan every symbol now instead of waiting for the scan interval (F5)"),
                              QStringLiteral("scanNowAction"));
    m_scanAction->setShortcut(Qt::Key_F5);
    m_snapshotAction = makeAction(QStyle::SP_DialogSaveButton, tr("Export snapshot"),
                                  tr("Write a memory snapshot (JSON) of the engine's process (Ctrl+E)"),
                                  QStringLiteral("exportSnapshotAction"));
    m_snapshotAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_settingsAction =
        makeAction(QStyle::SP_FileDialogDetailedView, tr("Settings…"),
                   tr("Scan, memory, server and data source settings (Ctrl+,)"), QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);

    refreshEngineIcons();

    connect(m_startAction, &QAction::triggered, this, [this] {
        if (m_session)
            m_session->startEngine();
    });
    connect(m_pauseAction, &QAction::triggered, this, [this] {
        if (m_session)
            m_session->pauseEngine();
    });
    connect(m_resumeAction, &QAction::triggered, this, [this] {
        if (m_session)
            m_session->resumeEngine();
    });
    connect(m_stopAction, &QAction::triggered, this, [this] {
        if (m_session)
            m_session->stopEngine();
    });
    connect(m_scanAction, &QAction::triggered, this, [this] {
        if (m_session)
            m_session->scanNow();
    });
    connect(m_snapshotAction, &QAction::triggered, this, [this] {
        if (!m_session)
            return;
        m_messageBar->showMessage(MessageBar::Kind::Information, tr("Writing a memory snapshot…"));
        m_session->exportSnapshot();
    });
    connect(m_settingsAction, &QAction::triggered, this, [this] { emit settingsRequested(QString()); });

    m_presets = new QComboBox(m_engineToolBar);
    m_presets->setObjectName(QStringLiteral("presetCombo"));
    m_presets->setToolTip(tr("The scanner preset used from the next scan on"));
    m_presets->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_presets->setMinimumContentsLength(10);
    connect(m_presets, &QComboBox::activated, this, [this] {
        const QString name = m_presets->currentText();
        if (m_session && !name.isEmpty() && name != m_session->activePreset())
            m_session->selectPreset(name);
    });

    m_sourceButton = new QToolButton(m_engineToolBar);
    m_sourceButton->setObjectName(QStringLiteral("sourceButton"));
    m_sourceButton->setIcon(style()->standardIcon(QStyle::SP_DriveNetIcon));
    m_sourceButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_sourceButton->setAutoRaise(true);
    m_sourceButton->setText(tr("No data source"));
    connect(m_sourceButton, &QToolButton::clicked, this, [this] { emit settingsRequested(QStringLiteral("source")); });

    const auto caption = [this](const QString &text) {
        auto *label = new QLabel(text, m_engineToolBar);
        label->setForegroundRole(QPalette::PlaceholderText);
        label->setContentsMargins(8, 0, 4, 0);
        return label;
    };

    m_engineToolBar->addAction(m_startAction);
    m_engineToolBar->addAction(m_pauseAction);
    m_engineToolBar->addAction(m_resumeAction);
    m_engineToolBar->addAction(m_stopAction);
    m_engineToolBar->addSeparator();
    m_engineToolBar->addAction(m_scanAction);
    m_engineToolBar->addAction(m_snapshotAction);
    m_engineToolBar->addSeparator();
    m_engineToolBar->addWidget(caption(tr("Preset")));
    m_engineToolBar->addWidget(m_presets);
    m_engineToolBar->addWidget(caption(tr("Source")));
    m_engineToolBar->addWidget(m_sourceButton);
    auto *spacer = new QWidget(m_engineToolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_engineToolBar->addWidget(spacer);
    m_engineToolBar->addAction(m_settingsAction);
    // The buttons are named after their actions (tests and style sheets find them by name).
    const QList<QAction *> actions = m_engineToolBar->actions();
    for (QAction *action : actions) {
        auto *button = qobject_cast<QToolButton *>(m_engineToolBar->widgetForAction(action));
        if (button != nullptr && !action->objectName().isEmpty())
            button->setObjectName(action->objectName() + QStringLiteral("Button"));
    }
}

void MainWindow::refreshEngineIcons()
{
    m_startAction->setIcon(glyphIcon(Glyph::Play, Theme::up()));
    m_pauseAction->setIcon(glyphIcon(Glyph::Pause, Theme::warning()));
    m_resumeAction->setIcon(glyphIcon(Glyph::Play, Theme::up()));
    m_stopAction->setIcon(glyphIcon(Glyph::Stop, Theme::critical()));
}

void MainWindow::buildMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    m_connectAction = fileMenu->addAction(tr("&Connect to remote…"), this, &MainWindow::showConnectDialog);
    m_connectAction->setObjectName(QStringLiteral("connectAction"));
    m_disconnectAction = fileMenu->addAction(tr("&Disconnect"), this, &MainWindow::disconnectRequested);
    m_disconnectAction->setObjectName(QStringLiteral("disconnectAction"));
    fileMenu->addSeparator();
    fileMenu->addAction(m_snapshotAction);
    fileMenu->addAction(m_settingsAction);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *engineMenu = menuBar()->addMenu(tr("&Engine"));
    engineMenu->addAction(m_startAction);
    engineMenu->addAction(m_pauseAction);
    engineMenu->addAction(m_resumeAction);
    engineMenu->addAction(m_stopAction);
    engineMenu->addSeparator();
    engineMenu->addAction(m_scanAction);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    auto *themes = new QActionGroup(this);
    QAction *dark = viewMenu->addAction(tr("&Dark theme"));
    QAction *light = viewMenu->addAction(tr("&Light theme"));
    for (QAction *action : {dark, light}) {
        action->setCheckable(true);
        themes->addAction(action);
    }
    (Theme::current() == ThemeMode::Dark ? dark : light)->setChecked(true);
    connect(dark, &QAction::triggered, this, [this] {
        Theme::apply(ThemeMode::Dark);
        m_table->viewport()->update();
    });
    connect(light, &QAction::triggered, this, [this] {
        Theme::apply(ThemeMode::Light);
        m_table->viewport()->update();
    });
    viewMenu->addSeparator();
    QAction *showLog = m_logDock->toggleViewAction();
    showLog->setText(tr("Show &log"));
    showLog->setObjectName(QStringLiteral("showLogAction"));
    showLog->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    viewMenu->addAction(showLog);
    viewMenu->addSeparator();
    QAction *resetColumns = viewMenu->addAction(tr("Reset &column widths"));
    connect(resetColumns, &QAction::triggered, this, &MainWindow::resetColumns);
    QAction *resetLayoutAction = viewMenu->addAction(tr("&Reset layout"));
    resetLayoutAction->setObjectName(QStringLiteral("resetLayoutAction"));
    connect(resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);
}

void MainWindow::buildStatusBar()
{
    // Each item is as wide as its widest value from the start, so that the bar does not jitter as numbers
    // change.
    const auto makeLabel = [this](const QString &name, const QString &widest) {
        auto *label = new QLabel(this);
        label->setObjectName(name);
        label->setContentsMargins(6, 0, 6, 0);
        if (!widest.isEmpty())
            label->setMinimumWidth(label->fontMetrics().horizontalAdvance(widest) + 14);
        return label;
    };
    const QLocale locale;
    m_statusEngine = makeLabel(QStringLiteral("statusEngine"), QStringLiteral("\u25CF ") + tr("Reconnecting"));
    m_statusEngine->setTextFormat(Qt::RichText);
    m_statusSource = makeLabel(QStringLiteral("statusSource"), QString());
    m_statusScan = makeLabel(QStringLiteral("statusScan"),
                             tr("Scan %1 · %2").arg(QStringLiteral("00:00:00"), tr("%1 ms").arg(999)));
    m_statusCandidates = makeLabel(QStringLiteral("statusCandidates"), tr("Candidates %1").arg(9999));
    m_statusPositions = makeLabel(QStringLiteral("statusPositions"), tr("Positions %1").arg(99));
    m_statusEquity =
        makeLabel(QStringLiteral("statusEquity"), tr("Equity %1").arg(locale.toString(1'000'000.0, 'f', 2)));
    m_statusCpu = makeLabel(QStringLiteral("statusCpu"), tr("CPU %1 %").arg(locale.toString(199.9, 'f', 1)));
    m_statusRss = makeLabel(QStringLiteral("statusRss"), tr("RSS %1").arg(NumberFormat::bytes(999 * 1024 * 1024)));
    m_statusViewers = makeLabel(QStringLiteral("statusViewers"), tr("Viewers %1").arg(99));
    m_statusConnection = makeLabel(QStringLiteral("statusConnection"), QStringLiteral("\u25CF ") + tr("Reconnecting"));
    m_statusConnection->setTextFormat(Qt::RichText);
    m_statusLag = makeLabel(QStringLiteral("statusLag"), tr("Lag %1").arg(tr("%1 ms").arg(9999)));
    m_statusResyncs = makeLabel(QStringLiteral("statusResyncs"), tr("Resyncs %1").arg(999));
    m_statusSource->setText(tr("Waiting for market data…"));

    m_statusScan->setToolTip(tr("Market time the last scan started (UTC) and how long it took"));
    m_statusCandidates->setToolTip(tr("Candidates of the last scan"));
    m_statusPositions->setToolTip(tr("Open paper positions"));
    m_statusEquity->setToolTip(tr("Paper account equity: cash plus unrealised PnL"));
    m_statusCpu->setToolTip(tr("CPU of the engine's process (100 % = one core)"));
    m_statusViewers->setToolTip(tr("Remote viewers connected to the WebSocket server"));
    m_statusLag->setToolTip(tr("Round trip to the server"));
    m_statusResyncs->setToolTip(tr("Fresh snapshots the server sent after this viewer fell behind"));

    statusBar()->addWidget(m_statusEngine);
    statusBar()->addWidget(m_statusSource, 1);
    for (QLabel *label : {m_statusConnection, m_statusLag, m_statusResyncs, m_statusScan, m_statusCandidates,
                          m_statusPositions, m_statusEquity, m_statusCpu, m_statusRss, m_statusViewers})
        statusBar()->addPermanentWidget(label);
    clearStatus();
}

void MainWindow::clearStatus()
{
    m_engineState = EngineState::Idle;
    m_engineReason.clear();
    m_connectionState = WorkstationSession::ConnectionState::Disconnected;
    m_storeBytes = -1;
    m_resyncs = 0;
    m_statusEngine->setText(dash());
    m_statusEngine->setToolTip(QString());
    m_statusScan->setText(tr("Scan %1").arg(dash()));
    m_statusCandidates->setText(tr("Candidates %1").arg(dash()));
    m_statusPositions->setText(tr("Positions %1").arg(dash()));
    m_statusEquity->setText(tr("Equity %1").arg(dash()));
    m_statusCpu->setText(tr("CPU %1").arg(dash()));
    m_statusRss->setText(tr("RSS %1").arg(dash()));
    m_statusRss->setToolTip(tr("Resident memory of the engine's process"));
    m_statusViewers->setText(tr("Viewers %1").arg(dash()));
    m_statusConnection->setText(dash());
    m_statusLag->setText(tr("Lag %1").arg(dash()));
    m_statusResyncs->setText(tr("Resyncs %1").arg(0));
    const bool remote = m_session && m_session->isRemote();
    m_statusConnection->setVisible(remote);
    m_statusLag->setVisible(remote);
    m_statusResyncs->setVisible(remote);
}

void MainWindow::addPage(const QString &name, const QString &title, QWidget *page)
{
    if (page->objectName().isEmpty())
        page->setObjectName(name + QStringLiteral("Page"));
    m_pages.insert(name, page);
    m_tabs->addTab(page, title);
    // Pages arrive after the constructor restored the layout; their tables get their widths now.
    if (m_statusEngine != nullptr)
        restoreTableHeaders();
}

bool MainWindow::selectTab(const QString &name)
{
    QWidget *page = m_pages.value(name);
    if (page == nullptr)
        return false;
    m_tabs->setCurrentWidget(page);
    return true;
}

void MainWindow::setSession(WorkstationSession *session)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sessionConnections))
        disconnect(connection);
    m_sessionConnections.clear();
    m_session = session;
    m_logDock->setSession(session);
    m_scanner->setSession(session);
    m_trading->setSession(session);
    m_dashboard->setSession(session);
    m_messageBar->hide();
    m_snapshotFolder.clear();
    clearStatus();
    refreshPresets();
    if (session == nullptr) {
        updateActions();
        return;
    }
    m_sourceName.clear();
    setSourceName(session->sourceName());
    if (session->isRemote())
        showConnectionState(WorkstationSession::ConnectionState::Connecting, QString());
    using S = WorkstationSession;
    m_sessionConnections << connect(session, &S::overviewReady, this, &MainWindow::showOverview)
                         << connect(session, &S::sourceChanged, this, &MainWindow::setSourceName)
                         << connect(session, &S::engineStatusChanged, this, &MainWindow::showEngineStatus)
                         << connect(session, &S::controlChanged, this, &MainWindow::updateActions)
                         << connect(session, &S::resourceSampled, this, &MainWindow::showResources)
                         << connect(session, &S::viewersChanged, this, &MainWindow::showViewers)
                         << connect(session, &S::connectionStateChanged, this, &MainWindow::showConnectionState)
                         << connect(session, &S::latencyMeasured, this,
                                    [this](qint64 ms) {
                                        m_statusLag->setText(tr("Lag %1").arg(tr("%1 ms").arg(QLocale().toString(ms))));
                                    })
                         << connect(session, &S::resynced, this,
                                    [this](const QString &topic, const QString &reason) {
                                        ++m_resyncs;
                                        m_statusResyncs->setText(tr("Resyncs %1").arg(QLocale().toString(m_resyncs)));
                                        m_statusResyncs->setToolTip(tr("Last: %1 (%2)").arg(topic, reason));
                                    })
                         << connect(session, &S::accountUpdated, this,
                                    [this](const AccountSnapshot &account) {
                                        m_statusEquity->setText(
                                            tr("Equity %1").arg(QLocale().toString(account.equity, 'f', 2)));
                                    })
                         << connect(session, &S::snapshotExported, this, &MainWindow::showSnapshotExported)
                         << connect(session, &S::commandFailed, this, &MainWindow::showCommandFailed)
                         // A session that goes away takes its commands with it.
                         << connect(session, &QObject::destroyed, this, [this] { setSession(nullptr); });
    updateActions();
}

void MainWindow::refreshPresets()
{
    const QSignalBlocker blocker(m_presets);
    m_presets->clear();
    if (!m_session)
        return;
    m_presets->addItems(m_session->presetNames());
    const QString active = m_session->activePreset();
    if (!active.isEmpty() && m_presets->findText(active) < 0)
        m_presets->addItem(active);
    m_presets->setCurrentIndex(m_presets->findText(active));
}

void MainWindow::updateActions()
{
    const bool haveSession = !m_session.isNull();
    const bool control = haveSession && m_session->canControl();
    const bool remote = haveSession && m_session->isRemote();
    const EngineState state = m_engineState;
    const bool running = state == EngineState::Scanning || state == EngineState::Managing;

    m_startAction->setEnabled(control && (state == EngineState::Idle || state == EngineState::Stopped));
    m_pauseAction->setEnabled(control && running);
    m_resumeAction->setEnabled(control && state == EngineState::Paused);
    m_stopAction->setEnabled(control && state != EngineState::Idle && state != EngineState::Stopped);
    // Pause and Resume share a place: only the one that applies is shown.
    m_pauseAction->setVisible(state != EngineState::Paused);
    m_resumeAction->setVisible(state == EngineState::Paused);
    m_scanAction->setEnabled(control && state == EngineState::Managing);
    m_snapshotAction->setEnabled(control);
    m_presets->setEnabled(control && m_presets->count() > 0);
    m_sourceButton->setEnabled(haveSession && !remote);
    m_disconnectAction->setEnabled(remote);

    m_sourceButton->setToolTip(remote ? tr("The data source is chosen on the server")
                                      : tr("The market data the engine runs on; click to choose another"));
}

void MainWindow::setSourceName(const QString &name)
{
    if (name == m_sourceName)
        return;
    m_sourceName = name;
    setWindowTitle(tr("Breakout Workstation — %1").arg(name));
    m_statusSource->setText(name);
    m_statusSource->setToolTip(tr("Data source: %1").arg(name));
    const QString elided = m_sourceButton->fontMetrics().elidedText(name, Qt::ElideRight, 280);
    m_sourceButton->setText(elided);
}

void MainWindow::showOverview(const MarketOverview &overview)
{
    if (!overview.sourceName.isEmpty())
        setSourceName(overview.sourceName);
    m_model->setSymbols(overview.symbols);
    m_header->showOverview(overview);
    m_storeBytes = overview.storeBytes;
    updateFilterSummary();
}

void MainWindow::showEngineStatus(const EngineStatus &status)
{
    const bool stateChanged = status.state != m_engineState || status.lastReason != m_engineReason;
    m_engineState = status.state;
    m_engineReason = status.lastReason;
    if (stateChanged || m_statusEngine->text() == dash()) {
        showEngineState();
        updateActions();
    }
    const QLocale locale;
    if (status.lastScanMs > 0) {
        const QString time =
            QDateTime::fromMSecsSinceEpoch(status.lastScanMs, QTimeZone::utc()).toString(QStringLiteral("HH:mm:ss"));
        m_statusScan->setText(tr("Scan %1 · %2").arg(time, scanDuration(status.lastScanDurationMs)));
        m_statusScan->setToolTip(tr("Last scan started at %1 (market time) and took %2; %3 scans so far")
                                     .arg(StatusLine::utcTime(status.lastScanMs),
                                          scanDuration(status.lastScanDurationMs), locale.toString(status.scans)));
    } else {
        m_statusScan->setText(tr("Scan %1").arg(dash()));
    }
    m_statusCandidates->setText(tr("Candidates %1").arg(locale.toString(status.candidates)));
    m_statusPositions->setText(tr("Positions %1").arg(locale.toString(status.openPositions)));
    m_statusEquity->setText(tr("Equity %1").arg(locale.toString(status.equity, 'f', 2)));
    if (!status.presetName.isEmpty() && status.presetName != m_presets->currentText()) {
        const QSignalBlocker blocker(m_presets);
        if (m_presets->findText(status.presetName) < 0)
            m_presets->addItem(status.presetName);
        m_presets->setCurrentIndex(m_presets->findText(status.presetName));
        updateActions();
    }
}

void MainWindow::showEngineState()
{
    m_statusEngine->setText(dotted(stateColour(m_engineState), stateName(m_engineState)));
    m_statusEngine->setToolTip(m_engineReason.isEmpty() ? tr("Engine state")
                                                        : tr("Engine state: %1").arg(m_engineReason));
}

void MainWindow::showResources(const ResourceSample &sample)
{
    const QLocale locale;
    m_statusCpu->setText(tr("CPU %1 %").arg(locale.toString(sample.process.cpuPercent, 'f', 1)));
    if (sample.process.rssBytes >= 0)
        m_statusRss->setText(tr("RSS %1").arg(NumberFormat::bytes(sample.process.rssBytes)));
    QString tip = tr("Resident memory of the engine's process");
    if (sample.process.threads > 0)
        tip += u'\n' + tr("%1 threads").arg(sample.process.threads);
    if (m_storeBytes >= 0)
        tip += u'\n' + tr("Market store %1").arg(NumberFormat::bytes(m_storeBytes));
    m_statusRss->setToolTip(tip);
}

void MainWindow::showViewers(const ViewerStats &viewers)
{
    const QLocale locale;
    m_statusViewers->setText(tr("Viewers %1").arg(locale.toString(viewers.clients)));
    m_statusViewers->setToolTip(tr("Remote viewers: %1 connected, %2 queued, %3 drops, %4 resyncs")
                                    .arg(locale.toString(viewers.clients), NumberFormat::bytes(viewers.queuedBytes),
                                         locale.toString(viewers.drops), locale.toString(viewers.resyncs)));
}

void MainWindow::showConnectionState(WorkstationSession::ConnectionState state, const QString &detail)
{
    m_connectionState = state;
    m_connectionDetail = detail;
    m_statusConnection->setText(dotted(connectionColour(state), connectionName(state)));
    m_statusConnection->setToolTip(detail.isEmpty() ? connectionName(state)
                                                    : tr("%1: %2").arg(connectionName(state), detail));
}

void MainWindow::showSnapshotExported(const QString &path)
{
    const QFileInfo file(path);
    // The folder can be opened only where it is: here, not on a remote server.
    const bool local = m_session && !m_session->isRemote() && file.absoluteDir().exists();
    m_snapshotFolder = local ? file.absolutePath() : QString();
    m_messageBar->showMessage(MessageBar::Kind::Information,
                              local ? tr("Memory snapshot written to %1").arg(QDir::toNativeSeparators(path))
                                    : tr("Memory snapshot written on the server to %1").arg(path),
                              local ? tr("Open folder") : QString());
}

void MainWindow::showCommandFailed(const QString &command, const QString &reason)
{
    m_snapshotFolder.clear();
    m_messageBar->showMessage(MessageBar::Kind::Error, tr("%1 failed: %2").arg(commandTitle(command), reason));
}

void MainWindow::openSnapshotFolder()
{
    if (m_snapshotFolder.isEmpty())
        return;
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(m_snapshotFolder)))
        m_messageBar->showMessage(MessageBar::Kind::Error, tr("Cannot open the folder %1: no file manager is set up.")
                                                               .arg(QDir::toNativeSeparators(m_snapshotFolder)));
}

void MainWindow::showConnectDialog()
{
    if (m_connectDialog) {
        m_connectDialog->raise();
        m_connectDialog->activateWindow();
        return;
    }
    m_connectDialog = new ConnectDialog(this);
    m_connectDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_connectDialog, &QDialog::accepted, this, [this, dialog = m_connectDialog.data()] {
        emit connectRequested(dialog->url(), dialog->token(), dialog->acceptAnyCertificate());
    });
    m_connectDialog->open();
}

void MainWindow::updateFilterSummary()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (m_filter->text().trimmed().isEmpty())
        m_filterSummary->setText(StatusLine::symbolCount(total));
    else
        m_filterSummary->setText(tr("%1 of %2").arg(shown).arg(StatusLine::symbolCount(total)));
}

QList<QTableView *> MainWindow::rememberedTables() const
{
    // The market table has its own key (it also remembers whether it fits its columns itself).
    QList<QTableView *> tables;
    const QList<QTableView *> all = findChildren<QTableView *>();
    for (QTableView *table : all) {
        if (table != m_table && !table->objectName().isEmpty() && table->model() != nullptr &&
            table->horizontalHeader()->count() > 0)
            tables << table;
    }
    return tables;
}

void MainWindow::restoreTableHeaders()
{
    const QSettings settings;
    const QList<QTableView *> tables = rememberedTables();
    for (QTableView *table : tables) {
        const QString name = table->objectName();
        if (m_restoredHeaders.contains(name))
            continue;
        m_restoredHeaders.insert(name);
        m_defaultHeaders.insert(name, table->horizontalHeader()->saveState());
        const QByteArray state = settings.value(kTablesGroup + u'/' + name).toByteArray();
        if (!state.isEmpty())
            table->horizontalHeader()->restoreState(state);
    }
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = settings.value(kStateKey).toByteArray();
    if (!state.isEmpty())
        restoreState(state);
    const QByteArray header = settings.value(kMarketHeaderKey).toByteArray();
    if (!header.isEmpty()) {
        QScopedValueRollback<bool> fitting(m_fittingColumns, true);
        m_table->horizontalHeader()->restoreState(header);
        m_autoFitColumns = settings.value(kAutoFitKey, true).toBool();
    }
    restoreTableHeaders();
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kMarketHeaderKey, m_table->horizontalHeader()->saveState());
    settings.setValue(kAutoFitKey, m_autoFitColumns);
    const QList<QTableView *> tables = rememberedTables();
    for (QTableView *table : tables)
        settings.setValue(kTablesGroup + u'/' + table->objectName(), table->horizontalHeader()->saveState());
}

void MainWindow::resetLayout()
{
    if (isMaximized() || isFullScreen())
        showNormal();
    resize(kDefaultSize);
    restoreState(m_defaultState);
    m_logDock->show();
    resizeDocks({m_logDock}, {140}, Qt::Vertical);
    resetColumns();
    const QList<QTableView *> tables = rememberedTables();
    for (QTableView *table : tables) {
        const QByteArray state = m_defaultHeaders.value(table->objectName());
        if (!state.isEmpty())
            table->horizontalHeader()->restoreState(state);
    }
}

void MainWindow::showEvent(QShowEvent *event)
{
    restoreTableHeaders();
    QMainWindow::showEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    // The state dots are drawn in the theme's colours.
    if (event->type() == QEvent::PaletteChange && m_statusEngine != nullptr) {
        refreshEngineIcons();
        if (m_session)
            showEngineState();
        if (m_session && m_session->isRemote())
            showConnectionState(m_connectionState, m_connectionDetail);
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace bw::ui
