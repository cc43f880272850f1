// qcustomplot.h (the distribution's 2.1) uses Q_FOREACH, which the project's QT_NO_FOREACH removes; the
// macro must be gone before the first Qt header is read. This file's own code does not use foreach.
#undef QT_NO_FOREACH

#include "monitor/ResourceDashboard.h"

#include "common/CacheRegistry.h"
#include "common/NumberFormat.h"
#include "common/Theme.h"
#include "monitor/CacheBarDelegate.h"
#include "monitor/CacheTableModel.h"
#include "monitor/EventLoopLagProbe.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace bw::ui {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;
constexpr double kKiB = 1024.0;
constexpr int kRecentCapacity = 3600;  // 1 h at the monitor's 1 s
constexpr int kMinuteCapacity = 1440;  // 24 h at one point a minute
constexpr qint64 kMinSpacingMs = 1000; // scans and viewer reports: at most one point a second
// A range is "covered" when the data starts at most this long after its beginning (a sample interval
// and some slack), so the note does not flicker at the edge.
constexpr qint64 kCoverageSlackMs = 2500;
// Below this height the tables sit beside the plots rather than under them.
constexpr int kTablesBesideBelowHeight = 560;
const char *const kMinimumTop = "bwMinimumTop"; // axis property: the smallest upper bound of the value range

// Series colours chosen to read on both the dark and the light background.
const QColor kFirstSeries(0x3d, 0x8b, 0xfd);
const QColor kSecondSeries(0xf0, 0x8c, 0x2e);

// Flat headers that read as part of the table, as in the market table.
const QString kTableStyle =
    QStringLiteral("QTableView::item, QTreeView::item { padding: 0px 8px; border: none; }"
                   "QHeaderView::section { padding: 4px 8px; border: none; border-bottom: 1px solid palette(mid);"
                   " background: palette(window); color: palette(placeholder-text); font-weight: 600; }"
                   "QHeaderView::up-arrow, QHeaderView::down-arrow { image: none; width: 0px; height: 0px; }");

double key(qint64 timeMs)
{
    return static_cast<double>(timeMs) / 1000.0;
}

QString timeOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("HH:mm:ss"));
}

QTreeWidget *makeList(const QString &objectName, const QStringList &headers, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setObjectName(objectName);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAlternatingRowColors(true);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setFrameShape(QFrame::NoFrame);
    list->setStyleSheet(kTableStyle);
    list->header()->setStretchLastSection(true);
    list->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return list;
}

void prepend(QTreeWidget *list, QTreeWidgetItem *item)
{
    list->insertTopLevelItem(0, item);
    while (list->topLevelItemCount() > ResourceDashboard::kMaxListEntries)
        delete list->takeTopLevelItem(list->topLevelItemCount() - 1);
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

// The default ticker's readable steps (1, 2, 2.5, 5 x 10^n), never below 1 and never a fraction.
class WholeNumberTicker final : public QCPAxisTicker
{
protected:
    double getTickStep(const QCPRange &range) override
    {
        return std::max(1.0, std::floor(QCPAxisTicker::getTickStep(range)));
    }
};

// Replaces the newest point of a graph (a merged report) or appends one.
void putPoint(QCPGraph *graph, double x, double value, bool replaceLast)
{
    if (replaceLast && !graph->data()->isEmpty()) {
        const double lastKey = (graph->data()->constEnd() - 1)->key;
        graph->data()->remove(lastKey);
    }
    graph->addData(x, value);
}

} // namespace

ResourceDashboard::ResourceDashboard(QWidget *parent, const Clock &clock)
    : QWidget(parent)
    , m_clock(clock)
    , m_resources(kRecentCapacity, kMinuteCapacity)
    , m_scans(kRecentCapacity, kMinuteCapacity, 60'000, kMinSpacingMs)
    , m_viewers(kRecentCapacity, kMinuteCapacity, 60'000, kMinSpacingMs)
    , m_cacheModel(new CacheTableModel(this, clock))
    , m_lagProbe(new EventLoopLagProbe(100, 60'000, this))
{
    setObjectName(QStringLiteral("resourceDashboard"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(6);
    // The figures scroll sideways in a narrow window instead of holding the main window wide.
    auto *tiles = new QScrollArea(this);
    tiles->setFrameShape(QFrame::NoFrame);
    tiles->setWidgetResizable(true);
    tiles->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tiles->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    tiles->setWidget(buildTiles());
    tiles->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    // Room for the scroll bar, so that it never covers the figures.
    tiles->setFixedHeight(tiles->widget()->sizeHint().height() + tiles->horizontalScrollBar()->sizeHint().height() + 2);
    auto *top = new QHBoxLayout;
    top->setSpacing(12);
    top->addWidget(tiles, 1);
    top->addWidget(buildRangeButtons(), 0, Qt::AlignTop);
    layout->addLayout(top);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("dashboardSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(buildPlots());
    m_splitter->addWidget(buildTables());
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter, 1);

    // Replots are queued and at most ten a second, however often data arrives.
    m_replotTimer.setSingleShot(true);
    m_replotTimer.setInterval(100);
    connect(&m_replotTimer, &QTimer::timeout, this, &ResourceDashboard::replotNow);

    m_secondTimer.setInterval(1000);
    connect(&m_secondTimer, &QTimer::timeout, this, [this] {
        if (!m_session)
            refreshCaches(); // a session brings its own (possibly remote) caches
        updateLag();
    });
    m_secondTimer.start();
    m_lagProbe->start();

    applyTheme();
    resetFigures();
    refreshCaches();
    updateLag();
    setRange(Range::OneMinute);
}

ResourceDashboard::~ResourceDashboard() = default;

QWidget *ResourceDashboard::buildTiles()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);

    const auto addTile = [&](const QString &caption, QLabel **value, const QString &name) {
        auto *tile = new QWidget(row);
        auto *tileLayout = new QVBoxLayout(tile);
        tileLayout->setContentsMargins(0, 0, 0, 0);
        tileLayout->setSpacing(1);
        auto *captionLabel = new QLabel(caption, tile);
        captionLabel->setForegroundRole(QPalette::PlaceholderText);
        *value = new QLabel(tr("–"), tile);
        (*value)->setObjectName(name);
        QFont font = (*value)->font();
        font.setPointSizeF(font.pointSizeF() * 1.3);
        font.setWeight(QFont::DemiBold);
        (*value)->setFont(font);
        tileLayout->addWidget(captionLabel);
        tileLayout->addWidget(*value);
        tileLayout->addStretch(1); // caption and figure stay together when the row is taller
        layout->addWidget(tile);
    };

    addTile(tr("Memory pressure"), &m_pressure, QStringLiteral("pressureLevel"));
    addTile(tr("Process CPU"), &m_tileValues[ProcessCpu], QStringLiteral("tileProcessCpu"));
    addTile(tr("System CPU"), &m_tileValues[SystemCpu], QStringLiteral("tileSystemCpu"));
    addTile(tr("Resident memory"), &m_tileValues[Rss], QStringLiteral("tileRss"));
    addTile(tr("Heap in use / free"), &m_tileValues[Heap], QStringLiteral("tileHeap"));
    addTile(tr("Threads"), &m_tileValues[Threads], QStringLiteral("tileThreads"));
    addTile(tr("Open files"), &m_tileValues[OpenFiles], QStringLiteral("tileOpenFiles"));
    addTile(tr("System memory"), &m_tileValues[SystemMemory], QStringLiteral("tileSystemMemory"));
    addTile(tr("GUI lag p50 / p99"), &m_tileValues[Lag], QStringLiteral("tileLag"));
    m_tileValues[Lag]->setToolTip(tr("How late a 100 ms timer fires on this window's event loop, over the last "
                                     "minute"));
    layout->addStretch(1);

    return row;
}

QWidget *ResourceDashboard::buildRangeButtons()
{
    auto *box = new QWidget(this);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto *bar = new QWidget(box);
    m_rangeButtons = new QButtonGroup(bar);
    m_rangeButtons->setExclusive(true);
    const std::array<std::pair<Range, QString>, 4> ranges{{{Range::OneMinute, tr("1 min")},
                                                           {Range::FifteenMinutes, tr("15 min")},
                                                           {Range::OneHour, tr("1 h")},
                                                           {Range::OneDay, tr("24 h")}}};
    auto *buttons = new QHBoxLayout(bar);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(2);
    for (const auto &[range, text] : ranges) {
        auto *button = new QToolButton(bar);
        button->setText(text);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setObjectName(QStringLiteral("range%1").arg(static_cast<int>(range)));
        m_rangeButtons->addButton(button, static_cast<int>(range));
        buttons->addWidget(button);
    }
    connect(m_rangeButtons, &QButtonGroup::idClicked, this, [this](int id) { setRange(static_cast<Range>(id)); });
    column->addWidget(bar, 0, Qt::AlignRight);

    m_historyNote = new QLabel(box);
    m_historyNote->setObjectName(QStringLiteral("historyNote"));
    m_historyNote->setForegroundRole(QPalette::PlaceholderText);
    QFont small = m_historyNote->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_historyNote->setFont(small);
    m_historyNote->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_historyNote->hide();
    column->addWidget(m_historyNote, 0, Qt::AlignRight);
    return box;
}

QCustomPlot *ResourceDashboard::makePlot(const QString &objectName, const QString &valueLabel,
                                         const QString &firstSeries, const QString &secondSeries,
                                         const QString &secondAxisLabel)
{
    auto *plot = new QCustomPlot(this);
    plot->setObjectName(objectName);
    plot->setMinimumHeight(120);
    plot->setNoAntialiasingOnDrag(true);
    plot->setPlottingHint(QCP::phCacheLabels, true);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setDateTimeFormat(QStringLiteral("HH:mm"));
    ticker->setTickCount(4);
    plot->xAxis->setTicker(ticker);
    plot->yAxis->setLabel(valueLabel);
    plot->yAxis->ticker()->setTickCount(4);
    plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom |
                                     (secondAxisLabel.isEmpty() ? QCP::msNone : QCP::msRight));
    plot->axisRect()->setMargins(QMargins(0, 8, 10, 0));

    const bool twoAxes = !secondAxisLabel.isEmpty();
    if (twoAxes) {
        plot->yAxis2->setVisible(true);
        plot->yAxis2->setTickLabels(true);
        plot->yAxis2->setLabel(secondAxisLabel);
        plot->yAxis2->ticker()->setTickCount(4);
    }
    const std::array<std::pair<QString, QColor>, 2> series{
        {{firstSeries, kFirstSeries}, {secondSeries, kSecondSeries}}};
    for (const auto &[name, colour] : series) {
        QCPGraph *graph = plot->addGraph(plot->xAxis, twoAxes && plot->graphCount() == 1 ? plot->yAxis2 : plot->yAxis);
        graph->setName(name);
        graph->setPen(QPen(colour, 1.6));
        graph->setAdaptiveSampling(true);
    }
    QColor fill = kFirstSeries;
    fill.setAlpha(40);
    plot->graph(0)->setBrush(fill);

    plot->legend->setVisible(true);
    plot->legend->setIconSize(14, 8);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    plot->legend->setFont(legendFont);
    // The legend in a row of its own above the axis rect, so that it never hides a line near the top.
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    plot->plotLayout()->setRowSpacing(0);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setMargins(QMargins(4, 0, 4, 0));
    plot->legend->setColumnSpacing(16);
    return plot;
}

QWidget *ResourceDashboard::buildPlotCell(const QString &title, QCustomPlot *plot,
                                          const QList<std::pair<QString, SideTile>> &figures)
{
    auto *cell = new QWidget(this);
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto *header = new QHBoxLayout;
    header->setSpacing(6);
    header->addWidget(sectionTitle(title, cell));
    header->addStretch(1);
    // The latest figures beside the title: what the plot shows now, and counters a plot would hide.
    for (const auto &[caption, tile] : figures) {
        auto *captionLabel = new QLabel(caption, cell);
        captionLabel->setForegroundRole(QPalette::PlaceholderText);
        auto *value = new QLabel(tr("–"), cell);
        QFont font = value->font();
        font.setWeight(QFont::DemiBold);
        value->setFont(font);
        header->addSpacing(8);
        header->addWidget(captionLabel);
        header->addWidget(value);
        m_sideValues[tile] = value;
    }
    column->addLayout(header);
    column->addWidget(plot, 1);
    return cell;
}

QWidget *ResourceDashboard::buildPlots()
{
    auto *area = new QWidget(this);
    auto *grid = new QGridLayout(area);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(6);

    m_cpuPlot = makePlot(QStringLiteral("cpuPlot"), tr("CPU %"), tr("Process"), tr("System"));
    m_memoryPlot = makePlot(QStringLiteral("memoryPlot"), tr("MiB"), tr("Resident (RSS)"), tr("Heap in use"));
    m_countsPlot = makePlot(QStringLiteral("countsPlot"), tr("Count"), tr("Threads"), tr("Open files"));
    m_scanPlot = makePlot(QStringLiteral("scanPlot"), tr("ms"), tr("Scan duration"), tr("Batch size"), tr("Batch"));
    m_viewerPlot = makePlot(QStringLiteral("viewerPlot"), tr("Clients"), tr("Viewers"), tr("Queued"), tr("KiB"));
    m_countsPlot->graph(1)->setBrush(Qt::NoBrush);
    // Scans are seconds apart: dots show where each one is.
    m_scanPlot->graph(0)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    m_scanPlot->graph(1)->setLineStyle(QCPGraph::lsStepLeft);
    m_viewerPlot->graph(0)->setLineStyle(QCPGraph::lsStepLeft);
    m_viewerPlot->graph(1)->setLineStyle(QCPGraph::lsStepLeft);

    m_cpuPlot->yAxis->setProperty(kMinimumTop, 10.0); // an idle process must not magnify noise
    m_memoryPlot->yAxis->setProperty(kMinimumTop, 4.0);
    m_countsPlot->yAxis->setProperty(kMinimumTop, 4.0);
    m_scanPlot->yAxis->setProperty(kMinimumTop, 10.0);
    m_scanPlot->yAxis2->setProperty(kMinimumTop, 20.0);
    m_viewerPlot->yAxis->setProperty(kMinimumTop, 2.0);
    m_viewerPlot->yAxis2->setProperty(kMinimumTop, 4.0);
    // Whole numbers on the count axes: no 0.5 thread, no exponents.
    for (QCPAxis *axis : {m_countsPlot->yAxis, m_scanPlot->yAxis2, m_viewerPlot->yAxis}) {
        auto ticker = QSharedPointer<WholeNumberTicker>::create();
        ticker->setTickCount(4);
        axis->setTicker(ticker);
        axis->setNumberFormat(QStringLiteral("f"));
        axis->setNumberPrecision(0);
    }
    m_scanPlot->graph(0)->setBrush(Qt::NoBrush); // a fill under scattered scans suggests a continuum

    // Top row: the process (three plots); bottom row: what the engine and the server do (two, wider).
    grid->addWidget(buildPlotCell(tr("CPU"), m_cpuPlot, {}), 0, 0, 1, 2);
    grid->addWidget(buildPlotCell(tr("Memory"), m_memoryPlot, {}), 0, 2, 1, 2);
    grid->addWidget(buildPlotCell(tr("Threads and open files"), m_countsPlot, {}), 0, 4, 1, 2);
    grid->addWidget(buildPlotCell(tr("Scans"), m_scanPlot,
                                  {{tr("Last"), LastScan}, {tr("Batch"), ScanBatch}, {tr("Symbols"), ScanSymbols}}),
                    1, 0, 1, 3);
    grid->addWidget(
        buildPlotCell(
            tr("Remote viewers"), m_viewerPlot,
            {{tr("Clients"), Viewers}, {tr("Queued"), Queued}, {tr("Drops"), Drops}, {tr("Resyncs"), Resyncs}}),
        1, 3, 1, 3);
    for (int column = 0; column < 6; ++column)
        grid->setColumnStretch(column, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    m_sideValues[LastScan]->setObjectName(QStringLiteral("tileLastScan"));
    m_sideValues[ScanBatch]->setObjectName(QStringLiteral("tileBatchSize"));
    m_sideValues[ScanSymbols]->setObjectName(QStringLiteral("tileScanSymbols"));
    m_sideValues[Viewers]->setObjectName(QStringLiteral("tileViewers"));
    m_sideValues[Queued]->setObjectName(QStringLiteral("tileQueued"));
    m_sideValues[Drops]->setObjectName(QStringLiteral("tileDrops"));
    m_sideValues[Resyncs]->setObjectName(QStringLiteral("tileResyncs"));
    m_sideValues[Queued]->setToolTip(tr("Bytes waiting in the server's outbound queues, all clients together"));
    m_sideValues[Drops]->setToolTip(tr("Messages the server dropped because a client's queue overflowed"));
    m_sideValues[Resyncs]->setToolTip(tr("Fresh snapshots the server sent to clients that fell behind"));
    return area;
}

QList<QCustomPlot *> ResourceDashboard::plots() const
{
    return {m_cpuPlot, m_memoryPlot, m_countsPlot, m_scanPlot, m_viewerPlot};
}

QWidget *ResourceDashboard::buildTables()
{
    auto *area = new QWidget(this);
    m_tablesLayout = new QBoxLayout(QBoxLayout::LeftToRight, area);
    QBoxLayout *layout = m_tablesLayout;
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(12);

    auto *cacheColumn = new QVBoxLayout;
    cacheColumn->setSpacing(2);
    cacheColumn->addWidget(sectionTitle(tr("Caches"), area));
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_cacheModel);
    proxy->setSortRole(CacheTableModel::SortRole);
    m_cacheTable = new QTableView(area);
    m_cacheTable->setObjectName(QStringLiteral("cacheTable"));
    m_cacheTable->setModel(proxy);
    m_cacheTable->setSortingEnabled(true);
    m_cacheTable->sortByColumn(CacheTableModel::EstimatedBytes, Qt::DescendingOrder);
    m_cacheTable->setItemDelegateForColumn(CacheTableModel::Occupancy, new CacheBarDelegate(m_cacheTable));
    m_cacheTable->setAlternatingRowColors(true);
    m_cacheTable->setShowGrid(false);
    m_cacheTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_cacheTable->setFrameShape(QFrame::NoFrame);
    m_cacheTable->verticalHeader()->hide();
    m_cacheTable->verticalHeader()->setDefaultSectionSize(m_cacheTable->fontMetrics().height() + 8);
    // Tighter cells than the lists: six columns must fit a third of a laptop screen.
    m_cacheTable->setStyleSheet(QString(kTableStyle)
                                    .replace(QStringLiteral("0px 8px"), QStringLiteral("0px 4px"))
                                    .replace(QStringLiteral("4px 8px"), QStringLiteral("4px 4px")));
    QHeaderView *header = m_cacheTable->horizontalHeader();
    header->setHighlightSections(false);
    // Names and figures at their natural width; the occupancy bar takes what is left, so nothing is
    // elided when the table sits in a narrow column.
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CacheTableModel::Occupancy, QHeaderView::Stretch);
    header->setMinimumSectionSize(60);
    m_cacheTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    cacheColumn->addWidget(m_cacheTable, 1);
    m_noCaches = new QLabel(tr("No bounded caches are registered yet; they appear here as the services "
                               "that own them start."),
                            area);
    m_noCaches->setObjectName(QStringLiteral("noCaches"));
    m_noCaches->setForegroundRole(QPalette::PlaceholderText);
    m_noCaches->setWordWrap(true);
    cacheColumn->addWidget(m_noCaches);
    layout->addLayout(cacheColumn, 5);

    // Alerts and governor actions share one place: each gets the full height, and the tab titles count
    // what each holds, so nothing is hidden without a hint.
    m_eventTabs = new QTabWidget(area);
    m_eventTabs->setObjectName(QStringLiteral("eventTabs"));
    m_eventTabs->setDocumentMode(true);
    m_alerts = makeList(QStringLiteral("resourceAlerts"),
                        {tr("Time"), tr("Metric"), tr("Value"), tr("Threshold"), tr("Level")}, m_eventTabs);
    m_actions =
        makeList(QStringLiteral("governorActions"), {tr("Time"), tr("Level"), tr("Action"), tr("Detail")}, m_eventTabs);
    m_eventTabs->addTab(m_alerts, QString());
    m_eventTabs->addTab(m_actions, QString());
    updateEventTabs();
    layout->addWidget(m_eventTabs, 4);
    return area;
}

void ResourceDashboard::updateEventTabs()
{
    const QLocale locale;
    m_eventTabs->setTabText(0, tr("Alerts (%1)").arg(locale.toString(m_alerts->topLevelItemCount())));
    m_eventTabs->setTabText(1, tr("Governor actions (%1)").arg(locale.toString(m_actions->topLevelItemCount())));
}

// ---- sources -------------------------------------------------------------------------------------------

void ResourceDashboard::setSession(WorkstationSession *session)
{
    if (session == m_session.data())
        return;
    for (const QMetaObject::Connection &connection : std::as_const(m_sessionConnections))
        disconnect(connection);
    m_sessionConnections.clear();
    // Another process from now on (this one <-> a server, or one server -> another): what is shown is not
    // its history.
    const bool wasThisProcess = showsThisProcess();
    const bool hadSession = !m_session.isNull();
    m_session = session;
    const bool otherProcess = wasThisProcess != showsThisProcess() || (!wasThisProcess && hadSession && session);
    if (session) {
        using S = WorkstationSession;
        m_sessionConnections << connect(session, &S::resourceSampled, this, &ResourceDashboard::showSample)
                             << connect(session, &S::alertRaised, this, &ResourceDashboard::showAlert)
                             << connect(session, &S::pressureChanged, this, &ResourceDashboard::showPressureLevel)
                             << connect(session, &S::governorActed, this, &ResourceDashboard::showAction)
                             << connect(session, &S::cachesUpdated, this, &ResourceDashboard::showCaches)
                             << connect(session, &S::viewersChanged, this, &ResourceDashboard::showViewers)
                             << connect(session, &S::scanFinished, this, &ResourceDashboard::showScan)
                             << connect(session, &S::sourceChanged, this, &ResourceDashboard::onSourceChanged)
                             << connect(session, &S::processChanged, this, &ResourceDashboard::clear)
                             // A session destroyed without detaching: back to the direct sources.
                             << connect(session, &QObject::destroyed, this, [this] {
                                    m_sessionConnections.clear();
                                    connectLiveSources();
                                });
        // The registry's caches were this process's; a remote session's are the server's.
        if (session->isRemote())
            m_cacheModel->refresh({});
    }
    connectLiveSources();
    if (otherProcess && showsAnything())
        clear();
    updateHistoryNote();
}

bool ResourceDashboard::showsAnything() const
{
    return m_resources.firstTimeMs() >= 0 || m_scans.firstTimeMs() >= 0 || m_viewers.firstTimeMs() >= 0 ||
           m_alerts->topLevelItemCount() > 0 || m_actions->topLevelItemCount() > 0;
}

void ResourceDashboard::connectLiveSources()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_liveConnections))
        disconnect(connection);
    m_liveConnections.clear();
    if (m_session)
        return; // the session forwards the same samples, alerts, levels and actions
    if (m_monitor) {
        m_liveConnections << connect(m_monitor, &ResourceMonitor::sampled, this, &ResourceDashboard::showSample)
                          << connect(m_monitor, &ResourceMonitor::alertRaised, this, &ResourceDashboard::showAlert);
    }
    if (m_governor) {
        m_liveConnections << connect(m_governor, &PressureGovernor::levelChanged, this,
                                     &ResourceDashboard::showPressureLevel)
                          << connect(m_governor, &PressureGovernor::actionTaken, this, &ResourceDashboard::showAction);
    }
    refreshCaches();
}

void ResourceDashboard::onSourceChanged()
{
    // The process switched its data source: the engine is new, the process and its history are not (another
    // server, or the same one restarted, is processChanged, which clears). A remote server's caches come with
    // its next caches message.
    if (!showsThisProcess())
        return;
    // The old engine's caches are gone and the new one's registered; the table shows them at once.
    refreshCaches();
}

bool ResourceDashboard::showsThisProcess() const
{
    return !m_session || !m_session->isRemote();
}

void ResourceDashboard::setMonitor(ResourceMonitor *monitor)
{
    if (monitor == m_monitor.data())
        return;
    m_monitor = monitor;
    connectLiveSources();
    requestMonitorHistory();
}

void ResourceDashboard::requestMonitorHistory()
{
    ResourceMonitor *monitor = m_monitor.data();
    if (!monitor || !showsThisProcess())
        return;
    // The history is read on the monitor's thread and handed back queued.
    m_alertHistoryPending = true;
    m_liveAlerts.clear();
    const QPointer<ResourceDashboard> self(this);
    QMetaObject::invokeMethod(
        monitor,
        [monitor, self] {
            const QList<HistoryPoint> recent = monitor->history();
            const QList<HistoryPoint> longer = monitor->longHistory();
            const QList<AlertEvent> alerts = monitor->alerts();
            if (!self)
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, recent, longer, alerts] {
                    if (!self)
                        return;
                    if (!self->showsThisProcess()) {
                        // A remote session came meanwhile: this process's history does not belong to it.
                        self->m_alertHistoryPending = false;
                        self->m_liveAlerts.clear();
                        return;
                    }
                    self->setMonitorHistory(recent, longer);
                    self->mergeAlertHistory(alerts);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void ResourceDashboard::setGovernor(PressureGovernor *governor)
{
    if (governor == m_governor.data())
        return;
    m_governor = governor;
    connectLiveSources();
    if (governor)
        showPressureLevel(governor->pressureLevel()); // an atomic, safe to read here
}

void ResourceDashboard::setMonitorHistory(const QList<HistoryPoint> &recent, const QList<HistoryPoint> &longer)
{
    // Points that arrived by signal before the history came back are newer; keep them after it.
    QList<HistoryPoint> newer;
    const qint64 lastHistoric = recent.isEmpty() ? 0 : recent.constLast().timeMs;
    const RingBuffer<HistoryPoint> &held = m_resources.recent();
    for (std::size_t i = 0; i < held.size(); ++i) {
        if (held[i].timeMs > lastHistoric)
            newer.append(held[i]);
    }
    m_resources.assign(recent, longer);
    for (const HistoryPoint &point : std::as_const(newer))
        m_resources.add(point);
    m_lastSampleMs = std::max(m_lastSampleMs, m_resources.lastTimeMs());
    m_haveMonitorHistory = true;
    rebuildPlots();
}

qint64 ResourceDashboard::rangeMs(Range range)
{
    switch (range) {
    case Range::OneMinute:
        return 60'000;
    case Range::FifteenMinutes:
        return 15 * 60'000;
    case Range::OneHour:
        return 60 * 60'000;
    case Range::OneDay:
        return 24 * 60 * 60'000;
    }
    return 15 * 60'000;
}

void ResourceDashboard::setRange(Range range)
{
    m_range = range;
    if (QAbstractButton *button = m_rangeButtons->button(static_cast<int>(range)))
        button->setChecked(true);
    const QString format = range == Range::OneMinute ? QStringLiteral("HH:mm:ss")
                           : range == Range::OneDay  ? QStringLiteral("dd. HH:mm")
                                                     : QStringLiteral("HH:mm");
    for (QCustomPlot *plot : plots()) {
        if (auto ticker = plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>())
            ticker->setDateTimeFormat(format);
    }
    rebuildPlots();
}

// ---- plots ---------------------------------------------------------------------------------------------

qint64 ResourceDashboard::nowOnSampleClock() const
{
    return m_clock.nowMs() + m_clockOffsetMs;
}

qint64 ResourceDashboard::axisEndMs() const
{
    return std::max({m_lastSampleMs, m_scans.lastTimeMs(), m_viewers.lastTimeMs()});
}

void ResourceDashboard::addResourcePoint(const HistoryPoint &point)
{
    const double x = key(point.timeMs);
    m_cpuPlot->graph(0)->addData(x, point.processCpu);
    m_cpuPlot->graph(1)->addData(x, point.systemCpu);
    m_memoryPlot->graph(0)->addData(x, static_cast<double>(point.rssBytes) / kMiB);
    m_memoryPlot->graph(1)->addData(x, static_cast<double>(point.heapInUseBytes) / kMiB);
    m_countsPlot->graph(0)->addData(x, static_cast<double>(point.threads));
    // -1: the descriptor count could not be read; a gap says so better than a zero.
    if (point.openFiles >= 0)
        m_countsPlot->graph(1)->addData(x, static_cast<double>(point.openFiles));
}

void ResourceDashboard::addScanPoint(const ScanPoint &point)
{
    m_scanPlot->graph(0)->addData(key(point.timeMs), point.wallMs);
    m_scanPlot->graph(1)->addData(key(point.timeMs), point.batchSize);
}

void ResourceDashboard::addViewerPoint(const ViewerPoint &point)
{
    m_viewerPlot->graph(0)->addData(key(point.timeMs), point.clients);
    m_viewerPlot->graph(1)->addData(key(point.timeMs), point.queuedBytes / kKiB);
}

void ResourceDashboard::rebuildPlots()
{
    for (QCustomPlot *plot : plots()) {
        for (int i = 0; i < plot->graphCount(); ++i)
            plot->graph(i)->data()->clear();
    }
    const qint64 from = axisEndMs() - rangeMs(m_range);
    m_resources.forEachSince(from, [this](const HistoryPoint &p) { addResourcePoint(p); });
    m_scans.forEachSince(from, [this](const ScanPoint &p) { addScanPoint(p); });
    m_viewers.forEachSince(from, [this](const ViewerPoint &p) { addViewerPoint(p); });
    trimAndRescale();
    updateHistoryNote();
    scheduleReplot();
}

void ResourceDashboard::trimAndRescale()
{
    qint64 end = axisEndMs();
    if (end <= 0)
        end = nowOnSampleClock();
    const double upper = key(end);
    const double lower = key(end - rangeMs(m_range));
    const QCPRange keyRange(lower, upper);
    for (QCustomPlot *plot : plots()) {
        double top = 0;
        double top2 = 0;
        for (int i = 0; i < plot->graphCount(); ++i) {
            QCPGraph *graph = plot->graph(i);
            graph->data()->removeBefore(lower);
            bool found = false;
            const QCPRange values = graph->getValueRange(found, QCP::sdBoth, keyRange);
            if (!found)
                continue;
            double &axisTop = graph->valueAxis() == plot->yAxis2 ? top2 : top;
            axisTop = std::max(axisTop, values.upper);
        }
        plot->xAxis->setRange(lower, upper);
        // Zero-based, with headroom; a minimum so that small figures do not fill the plot with noise.
        plot->yAxis->setRange(0, std::max(plot->yAxis->property(kMinimumTop).toDouble(), top * 1.15));
        if (plot->yAxis2->visible())
            plot->yAxis2->setRange(0, std::max(plot->yAxis2->property(kMinimumTop).toDouble(), top2 * 1.15));
    }
}

namespace {

QString spanText(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(ms / 1000, 0);
    if (seconds < 60)
        return ResourceDashboard::tr("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return ResourceDashboard::tr("%1 min").arg(minutes);
    return ResourceDashboard::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

} // namespace

void ResourceDashboard::updateHistoryNote()
{
    qint64 first = m_resources.firstTimeMs();
    for (const qint64 other : {m_scans.firstTimeMs(), m_viewers.firstTimeMs()}) {
        if (other >= 0 && (first < 0 || other < first))
            first = other;
    }
    QString text;
    if (first < 0) {
        if (m_session)
            text = tr("No samples received yet");
    } else {
        const qint64 end = axisEndMs();
        if (first > end - rangeMs(m_range) + kCoverageSlackMs) {
            // Locally the monitor's history reaches back to when this process started; a session alone
            // knows only what arrived since it connected.
            text = m_haveMonitorHistory ? tr("Only %1 recorded since the start").arg(spanText(end - first))
                                        : tr("Only %1 received since connecting").arg(spanText(end - first));
        }
    }
    m_historyNote->setText(text);
    m_historyNote->setVisible(!text.isEmpty());
}

void ResourceDashboard::scheduleReplot()
{
    if (!m_replotTimer.isActive())
        m_replotTimer.start();
}

void ResourceDashboard::replotNow()
{
    // A hidden dashboard (another tab) keeps its data current but draws only when shown again.
    if (!isVisible()) {
        m_replotWhenShown = true;
        return;
    }
    m_replotWhenShown = false;
    for (QCustomPlot *plot : plots()) {
        // About one time label per 90 px, so narrow plots do not run their labels together.
        const int ticks = std::clamp(plot->axisRect()->width() / 90, 2, 6);
        if (plot->xAxis->ticker()->tickCount() != ticks)
            plot->xAxis->ticker()->setTickCount(ticks);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void ResourceDashboard::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_replotWhenShown)
        scheduleReplot();
}

// ---- live data -----------------------------------------------------------------------------------------

void ResourceDashboard::showSample(const ResourceSample &sample)
{
    const HistoryPoint point = ResourceMonitor::toHistoryPoint(sample);
    const auto added = m_resources.add(point);
    if (added != ResourceHistory::Added::New)
        return; // already shown: the monitor's history or the same sample through two sources
    m_lastSampleMs = point.timeMs;
    m_clockOffsetMs = point.timeMs - m_clock.nowMs();
    addResourcePoint(point);
    trimAndRescale();
    updateHistoryNote();
    scheduleReplot();

    const QLocale locale;
    m_tileValues[ProcessCpu]->setText(tr("%1 %").arg(locale.toString(sample.process.cpuPercent, 'f', 1)));
    m_tileValues[SystemCpu]->setText(tr("%1 %").arg(locale.toString(sample.system.cpuPercent, 'f', 1)));
    m_tileValues[Rss]->setText(NumberFormat::bytes(sample.process.rssBytes, locale));
    m_tileValues[Heap]->setText(sample.allocator.available
                                    ? tr("%1 / %2").arg(NumberFormat::bytes(sample.allocator.inUseBytes, locale),
                                                        NumberFormat::bytes(sample.allocator.freeBytes, locale))
                                    : tr("n/a"));
    m_tileValues[Threads]->setText(locale.toString(sample.process.threads));
    m_tileValues[OpenFiles]->setText(sample.process.openFiles >= 0 ? locale.toString(sample.process.openFiles)
                                                                   : tr("n/a"));
    m_tileValues[SystemMemory]->setText(tr("%1 %").arg(locale.toString(sample.system.memPercent, 'f', 1)));
}

void ResourceDashboard::showScan(ScanReportPtr report)
{
    if (!report || report->cancelled)
        return; // a cancelled scan's time says nothing about how long a scan takes
    ScanPoint point;
    point.timeMs = nowOnSampleClock();
    point.wallMs = report->wallMs;
    point.batchSize = report->batchSize;
    point.symbols = report->symbolsTotal;
    const auto added = m_scans.add(point);
    if (added == ScanHistory::Added::Rejected)
        return;
    const ScanPoint &kept = m_scans.recent().back();
    const bool merged = added == ScanHistory::Added::Merged;
    putPoint(m_scanPlot->graph(0), key(kept.timeMs), kept.wallMs, merged);
    putPoint(m_scanPlot->graph(1), key(kept.timeMs), kept.batchSize, merged);
    trimAndRescale();
    updateHistoryNote();
    scheduleReplot();

    const QLocale locale;
    m_sideValues[LastScan]->setText(tr("%1 ms").arg(locale.toString(report->wallMs, 'f', report->wallMs < 10 ? 1 : 0)));
    m_sideValues[LastScan]->setToolTip(tr("Scan %1 (%2) finished at %3 UTC")
                                           .arg(report->scanId)
                                           .arg(report->presetName, timeOf(report->finishedAtMs)));
    m_sideValues[ScanBatch]->setText(
        tr("%1 × %2").arg(locale.toString(report->batchSize), locale.toString(report->batches)));
    m_sideValues[ScanBatch]->setToolTip(tr("Symbols per batch × batches; the batch size follows memory pressure"));
    m_sideValues[ScanSymbols]->setText(locale.toString(report->symbolsTotal));
}

void ResourceDashboard::showViewers(const ViewerStats &viewers)
{
    ViewerPoint point;
    point.timeMs = nowOnSampleClock();
    point.clients = viewers.clients;
    point.queuedBytes = static_cast<double>(viewers.queuedBytes);
    point.drops = viewers.drops;
    point.resyncs = viewers.resyncs;
    const auto added = m_viewers.add(point);
    if (added == ViewerHistory::Added::Rejected)
        return;
    const ViewerPoint &kept = m_viewers.recent().back();
    const bool merged = added == ViewerHistory::Added::Merged;
    putPoint(m_viewerPlot->graph(0), key(kept.timeMs), kept.clients, merged);
    putPoint(m_viewerPlot->graph(1), key(kept.timeMs), kept.queuedBytes / kKiB, merged);
    trimAndRescale();
    updateHistoryNote();
    scheduleReplot();

    const QLocale locale;
    m_sideValues[Viewers]->setText(locale.toString(viewers.clients));
    m_sideValues[Queued]->setText(NumberFormat::bytes(viewers.queuedBytes, locale));
    m_sideValues[Drops]->setText(locale.toString(viewers.drops));
    m_sideValues[Resyncs]->setText(locale.toString(viewers.resyncs));
    QPalette palette = m_sideValues[Drops]->palette();
    palette.setColor(QPalette::WindowText,
                     viewers.drops > 0 ? Theme::warning() : this->palette().color(QPalette::WindowText));
    m_sideValues[Drops]->setPalette(palette);
}

void ResourceDashboard::showCaches(const QList<CacheStats> &caches)
{
    m_cacheModel->refresh(caches);
    m_noCaches->setVisible(m_cacheModel->rowCount() == 0);
}

void ResourceDashboard::refreshCaches()
{
    showCaches(CacheRegistry::instance().stats());
}

void ResourceDashboard::resetFigures()
{
    for (QLabel *label : m_tileValues) {
        if (label != m_tileValues[Lag])
            label->setText(tr("–"));
    }
    for (QLabel *label : m_sideValues) {
        label->setText(tr("–"));
        label->setPalette(QPalette());
    }
    m_sideValues[LastScan]->setToolTip({});
}

void ResourceDashboard::clear()
{
    m_resources.clear();
    m_scans.clear();
    m_viewers.clear();
    m_lastSampleMs = 0;
    m_clockOffsetMs = 0;
    m_haveMonitorHistory = false;
    resetFigures();
    m_alerts->clear();
    m_actions->clear();
    m_liveAlerts.clear();
    updateEventTabs();
    m_cacheModel->refresh({});
    m_noCaches->setVisible(true);
    // A remote server's level is unknown until it reports one; locally the governor's still holds.
    if (m_session && m_session->isRemote())
        displayPressure(std::nullopt, {});
    else if (m_governor)
        showPressureLevel(m_governor->pressureLevel());
    rebuildPlots();
    // This process's own history stays true whatever the data source: take it again from the monitor.
    requestMonitorHistory();
}

QString ResourceDashboard::formatAlertValue(Metric metric, double value) const
{
    const QLocale locale;
    switch (metric) {
    case Metric::ProcessMemory:
        return NumberFormat::bytes(static_cast<qint64>(value), locale);
    case Metric::Threads:
    case Metric::OpenFiles:
        return locale.toString(static_cast<qint64>(std::llround(value)));
    case Metric::SystemCpu:
    case Metric::SystemMemory:
    case Metric::Disk:
        return tr("%1 %").arg(locale.toString(value, 'f', 1));
    }
    return locale.toString(value);
}

void ResourceDashboard::showAlert(const AlertEvent &alert)
{
    if (m_alertHistoryPending && m_liveAlerts.size() < kMaxListEntries)
        m_liveAlerts.append(alert);
    listAlert(alert);
}

void ResourceDashboard::mergeAlertHistory(const QList<AlertEvent> &stored)
{
    const auto same = [](const AlertEvent &a, const AlertEvent &b) {
        return a.timeMs == b.timeMs && a.metric == b.metric && a.level == b.level;
    };
    QList<AlertEvent> merged = stored;
    for (const AlertEvent &live : std::as_const(m_liveAlerts)) {
        if (std::none_of(stored.cbegin(), stored.cend(), [&](const AlertEvent &s) { return same(s, live); }))
            merged.append(live);
    }
    m_alertHistoryPending = false;
    m_liveAlerts.clear();
    m_alerts->clear();
    const qsizetype first = std::max<qsizetype>(0, merged.size() - kMaxListEntries);
    for (qsizetype i = first; i < merged.size(); ++i)
        listAlert(merged.at(i));
}

void ResourceDashboard::listAlert(const AlertEvent &alert)
{
    QString metric;
    switch (alert.metric) {
    case Metric::SystemCpu:
        metric = tr("System CPU");
        break;
    case Metric::SystemMemory:
        metric = tr("System memory");
        break;
    case Metric::Disk:
        metric = tr("Disk");
        break;
    case Metric::Threads:
        metric = tr("Threads");
        break;
    case Metric::OpenFiles:
        metric = tr("Open files");
        break;
    case Metric::ProcessMemory:
        metric = tr("Process memory");
        break;
    }
    QString level;
    QColor colour;
    switch (alert.level) {
    case AlertLevel::Normal:
        level = tr("Cleared");
        colour = Theme::up();
        break;
    case AlertLevel::Warning:
        level = tr("Warning");
        colour = Theme::warning();
        break;
    case AlertLevel::Critical:
        level = tr("Critical");
        colour = Theme::critical();
        break;
    }
    auto *item = new QTreeWidgetItem({timeOf(alert.timeMs), metric, formatAlertValue(alert.metric, alert.value),
                                      formatAlertValue(alert.metric, alert.threshold), level});
    item->setForeground(4, colour);
    item->setToolTip(1, alert.describe());
    prepend(m_alerts, item);
    updateEventTabs();
}

void ResourceDashboard::showAction(const GovernorAction &action)
{
    QString kind;
    switch (action.kind) {
    case GovernorActionKind::LevelChanged:
        kind = tr("Level changed");
        break;
    case GovernorActionKind::BatchSize:
        kind = tr("Scanner batch size");
        break;
    case GovernorActionKind::CacheShrink:
        kind = tr("Caches shrunk");
        break;
    case GovernorActionKind::CacheClear:
        kind = tr("Caches cleared");
        break;
    case GovernorActionKind::CacheRestore:
        kind = tr("Caches restored");
        break;
    case GovernorActionKind::HeapTrim:
        kind = tr("Heap trimmed");
        break;
    case GovernorActionKind::HistoryRetention:
        kind = tr("History retention");
        break;
    }
    const QString level = action.level == PressureLevel::Critical ? tr("Critical")
                          : action.level == PressureLevel::High   ? tr("High")
                                                                  : tr("Normal");
    auto *item = new QTreeWidgetItem({timeOf(action.timeMs), level, kind, action.detail});
    item->setToolTip(3, action.reason.isEmpty() ? action.detail : action.reason);
    item->setToolTip(2, action.reason);
    prepend(m_actions, item);
    updateEventTabs();
}

void ResourceDashboard::showPressureLevel(PressureLevel level, const QString &reason)
{
    displayPressure(level, reason);
}

void ResourceDashboard::displayPressure(std::optional<PressureLevel> level, const QString &reason)
{
    m_level = level;
    if (!level) {
        m_pressure->setText(tr("–"));
        m_pressure->setPalette(QPalette());
        m_pressure->setToolTip(tr("Not reported yet"));
        return;
    }
    QColor colour;
    QString text;
    switch (*level) {
    case PressureLevel::Normal:
        text = tr("Normal");
        colour = Theme::up();
        break;
    case PressureLevel::High:
        text = tr("High");
        colour = Theme::warning();
        break;
    case PressureLevel::Critical:
        text = tr("Critical");
        colour = Theme::critical();
        break;
    }
    m_pressure->setText(QStringLiteral("● ") + text);
    QPalette palette = m_pressure->palette();
    palette.setColor(QPalette::WindowText, colour);
    m_pressure->setPalette(palette);
    if (!reason.isEmpty())
        m_pressure->setToolTip(reason);
}

void ResourceDashboard::updateLag()
{
    if (m_lagProbe->sampleCount() == 0) {
        m_tileValues[Lag]->setText(tr("–"));
        return;
    }
    const QLocale locale;
    m_tileValues[Lag]->setText(tr("%1 / %2 ms")
                                   .arg(locale.toString(m_lagProbe->percentile(0.50), 'f', 0),
                                        locale.toString(m_lagProbe->percentile(0.99), 'f', 0)));
}

void ResourceDashboard::applyTheme()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor muted = pal.color(QPalette::PlaceholderText);
    QColor grid = pal.color(QPalette::Mid);
    for (QCustomPlot *plot : plots()) {
        plot->setBackground(pal.color(QPalette::Base));
        plot->axisRect()->setBackground(pal.color(QPalette::Base));
        for (QCPAxis *axis : {plot->xAxis, plot->yAxis, plot->yAxis2}) {
            axis->setBasePen(QPen(muted, 1));
            axis->setTickPen(QPen(muted, 1));
            axis->setSubTickPen(QPen(muted, 1));
            axis->setTickLabelColor(muted);
            axis->setLabelColor(muted);
            axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
            axis->grid()->setZeroLinePen(QPen(grid, 1));
        }
        plot->xAxis->setSubTicks(false);
        plot->yAxis->setSubTicks(false);
        plot->yAxis2->setSubTicks(false);
        QColor legendBackground = pal.color(QPalette::Base);

        plot->legend->setBrush(legendBackground);
        plot->legend->setBorderPen(Qt::NoPen);
        plot->legend->setTextColor(text);
    }
    displayPressure(m_level, m_pressure->toolTip());
    scheduleReplot();
}

void ResourceDashboard::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Short and wide (a laptop screen with the log dock open): the tables move beside the plots, so the
    // plots keep a readable height instead of shrinking to strips and the cache table to two rows.
    const bool beside = height() < kTablesBesideBelowHeight && width() >= 2 * height();
    const Qt::Orientation wanted = beside ? Qt::Horizontal : Qt::Vertical;
    if (m_splitter->orientation() == wanted)
        return;
    m_splitter->setOrientation(wanted);
    m_tablesLayout->setDirection(beside ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    // A third of a laptop screen holds four columns; the memory estimate stays in the name's tooltip, the
    // replaced count in the evictions' tooltip.
    m_cacheTable->setColumnHidden(CacheTableModel::EstimatedBytes, beside);
    m_cacheTable->setColumnHidden(CacheTableModel::Replacements, beside);
    if (beside)
        m_splitter->setSizes({width() * 2 / 3, width() / 3});
    else
        m_splitter->setSizes({height() * 3 / 4, height() / 4});
}

void ResourceDashboard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_cpuPlot)
        applyTheme();
    QWidget::changeEvent(event);
}

} // namespace bw::ui
