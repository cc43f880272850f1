#include "mainwindow/MainWindow.h"

#include "app/StatusLine.h"
#include "app/WorkstationSession.h"
#include "common/NumberFormat.h"
#include "common/SortFilterProxyModel.h"
#include "common/Theme.h"
#include "market/MarketHeader.h"
#include "market/MarketTableModel.h"
#include "monitor/ResourceDashboard.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QScopedValueRollback>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace bw::ui {

namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kMarketHeaderKey = QStringLiteral("mainWindow/marketTableHeader");
const QString kAutoFitKey = QStringLiteral("mainWindow/marketTableAutoFit");

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
    m_dashboard = new ResourceDashboard(m_tabs);
    addPage(QStringLiteral("market"), tr("Market"), central);
    addPage(QStringLiteral("resources"), tr("Resources"), m_dashboard);
    setCentralWidget(m_tabs);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateFilterSummary();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateFilterSummary);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateFilterSummary);

    buildMenus();
    buildStatusBar();
    updateFilterSummary();
    resize(1280, 800);
    fitColumns();
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

void MainWindow::buildMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

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
    QAction *resetColumns = viewMenu->addAction(tr("&Reset column widths"));
    connect(resetColumns, &QAction::triggered, this, &MainWindow::resetColumns);
}

void MainWindow::buildStatusBar()
{
    const auto makeLabel = [this](const QString &name) {
        auto *label = new QLabel(this);
        label->setObjectName(name);
        label->setContentsMargins(6, 0, 6, 0);
        return label;
    };
    m_statusSource = makeLabel(QStringLiteral("statusSource"));
    m_statusTime = makeLabel(QStringLiteral("statusMarketTime"));
    m_statusSymbols = makeLabel(QStringLiteral("statusSymbols"));
    m_statusStore = makeLabel(QStringLiteral("statusStore"));
    m_statusSource->setText(tr("Waiting for market data…"));
    statusBar()->addWidget(m_statusSource, 1);
    statusBar()->addPermanentWidget(m_statusTime);
    statusBar()->addPermanentWidget(m_statusSymbols);
    statusBar()->addPermanentWidget(m_statusStore);
}

void MainWindow::addPage(const QString &name, const QString &title, QWidget *page)
{
    if (page->objectName().isEmpty())
        page->setObjectName(name + QStringLiteral("Page"));
    m_pages.insert(name, page);
    m_tabs->addTab(page, title);
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
    if (session == nullptr)
        return;
    setSourceName(session->sourceName());
    m_sessionConnections << connect(session, &WorkstationSession::overviewReady, this, &MainWindow::showOverview)
                         << connect(session, &WorkstationSession::sourceChanged, this, &MainWindow::setSourceName);
}

void MainWindow::setSourceName(const QString &name)
{
    if (name == m_sourceName)
        return;
    m_sourceName = name;
    setWindowTitle(tr("Breakout Workstation — %1").arg(name));
    m_statusSource->setText(tr("Source: %1").arg(name));
}

void MainWindow::showOverview(const MarketOverview &overview)
{
    if (!overview.sourceName.isEmpty())
        setSourceName(overview.sourceName);
    m_model->setSymbols(overview.symbols);
    m_header->showOverview(overview);

    if (overview.marketTimeMs > 0)
        m_statusTime->setText(tr("Market time %1").arg(StatusLine::utcTime(overview.marketTimeMs)));
    m_statusSymbols->setText(StatusLine::symbolCount(static_cast<int>(overview.symbols.size())));
    m_statusStore->setText(tr("Store %1").arg(NumberFormat::bytes(overview.storeBytes)));
    updateFilterSummary();
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
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kMarketHeaderKey, m_table->horizontalHeader()->saveState());
    settings.setValue(kAutoFitKey, m_autoFitColumns);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace bw::ui
