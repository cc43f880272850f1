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
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
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
constexpr int kRecentCapacity = 3600; // 1 h at the monitor's 1 s

enum Tile { ProcessCpu, SystemCpu, Rss, Heap, Threads, OpenFiles, SystemMemory, Lag };

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

} // namespace

ResourceDashboard::ResourceDashboard(QWidget *parent)
    : QWidget(parent)
    , m_recent(kRecentCapacity)
    , m_cacheModel(new CacheTableModel(this))
    , m_lagProbe(new EventLoopLagProbe(100, 60'000, this))
{
    setObjectName(QStringLiteral("resourceDashboard"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(8);
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
    top->addWidget(buildRangeButtons(), 0, Qt::AlignVCenter);
    layout->addLayout(top);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildPlots());
    splitter->addWidget(buildTables());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    // Replots are queued and at most ten a second, however often data arrives.
    m_replotTimer.setSingleShot(true);
    m_replotTimer.setInterval(100);
    connect(&m_replotTimer, &QTimer::timeout, this, &ResourceDashboard::replotNow);

    m_secondTimer.setInterval(1000);
    connect(&m_secondTimer, &QTimer::timeout, this, &ResourceDashboard::refreshCaches);
    connect(&m_secondTimer, &QTimer::timeout, this, &ResourceDashboard::updateLag);
    m_secondTimer.start();
    m_lagProbe->start();

    applyTheme();
    showPressureLevel(PressureLevel::Normal);
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
    addTile(tr("GUI event-loop lag p50 / p99"), &m_tileValues[Lag], QStringLiteral("tileLag"));
    m_tileValues[Lag]->setToolTip(tr("How late a 100 ms timer fires on the GUI thread, over the last minute"));
    layout->addStretch(1);

    return row;
}

QWidget *ResourceDashboard::buildRangeButtons()
{
    auto *bar = new QWidget(this);
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
    return bar;
}

QCustomPlot *ResourceDashboard::makePlot(const QString &valueLabel, const QString &firstSeries,
                                         const QString &secondSeries)
{
    auto *plot = new QCustomPlot(this);
    plot->setMinimumHeight(160);
    plot->setNoAntialiasingOnDrag(true);
    plot->setPlottingHint(QCP::phCacheLabels, true);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setDateTimeFormat(QStringLiteral("HH:mm"));
    ticker->setTickCount(4);
    plot->xAxis->setTicker(ticker);
    plot->yAxis->setLabel(valueLabel);
    plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom);
    plot->axisRect()->setMargins(QMargins(0, 8, 10, 0));

    const std::array<std::pair<QString, QColor>, 2> series{
        {{firstSeries, kFirstSeries}, {secondSeries, kSecondSeries}}};
    for (const auto &[name, colour] : series) {
        QCPGraph *graph = plot->addGraph();
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

QWidget *ResourceDashboard::buildPlots()
{
    auto *area = new QWidget(this);
    auto *grid = new QGridLayout(area);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(4);

    m_cpuPlot = makePlot(tr("CPU %"), tr("Process"), tr("System"));
    m_cpuPlot->setObjectName(QStringLiteral("cpuPlot"));
    m_memoryPlot = makePlot(tr("MiB"), tr("Resident (RSS)"), tr("Heap in use"));
    m_memoryPlot->setObjectName(QStringLiteral("memoryPlot"));
    m_countsPlot = makePlot(tr("Count"), tr("Threads"), tr("Open files"));
    m_countsPlot->setObjectName(QStringLiteral("countsPlot"));

    const std::array<std::pair<QString, QCustomPlot *>, 3> plots{
        {{tr("CPU"), m_cpuPlot}, {tr("Memory"), m_memoryPlot}, {tr("Threads and open files"), m_countsPlot}}};
    int column = 0;
    for (const auto &[title, plot] : plots) {
        QLabel *label = sectionTitle(title, area);
        m_plotTitles.append(label);
        grid->addWidget(label, 0, column);
        grid->addWidget(plot, 1, column);
        grid->setColumnStretch(column, 1);
        ++column;
    }
    grid->setRowStretch(1, 1);
    return area;
}

QWidget *ResourceDashboard::buildTables()
{
    auto *area = new QWidget(this);
    auto *layout = new QHBoxLayout(area);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(12);

    auto *cacheColumn = new QVBoxLayout;
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
    m_cacheTable->verticalHeader()->setDefaultSectionSize(m_cacheTable->fontMetrics().height() + 10);
    m_cacheTable->setStyleSheet(kTableStyle);
    QHeaderView *header = m_cacheTable->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Stretch);
    header->setSectionResizeMode(CacheTableModel::Name, QHeaderView::Stretch);
    cacheColumn->addWidget(m_cacheTable, 1);
    m_noCaches = new QLabel(tr("No bounded caches are registered yet; they appear here as the services "
                               "that own them start."),
                            area);
    m_noCaches->setObjectName(QStringLiteral("noCaches"));
    m_noCaches->setForegroundRole(QPalette::PlaceholderText);
    m_noCaches->setWordWrap(true);
    cacheColumn->addWidget(m_noCaches);
    layout->addLayout(cacheColumn, 5);

    auto *eventsColumn = new QVBoxLayout;
    eventsColumn->addWidget(sectionTitle(tr("Governor actions"), area));
    m_actions =
        makeList(QStringLiteral("governorActions"), {tr("Time"), tr("Level"), tr("Action"), tr("Detail")}, area);
    eventsColumn->addWidget(m_actions, 1);
    eventsColumn->addWidget(sectionTitle(tr("Alerts"), area));
    m_alerts = makeList(QStringLiteral("resourceAlerts"),
                        {tr("Time"), tr("Metric"), tr("Value"), tr("Threshold"), tr("Level")}, area);
    eventsColumn->addWidget(m_alerts, 1);
    layout->addLayout(eventsColumn, 4);
    return area;
}

void ResourceDashboard::setMonitor(ResourceMonitor *monitor)
{
    if (m_monitor)
        disconnect(m_monitor, nullptr, this, nullptr);
    m_monitor = monitor;
    if (!monitor)
        return;
    connect(monitor, &ResourceMonitor::sampled, this, &ResourceDashboard::showSample);
    connect(monitor, &ResourceMonitor::alertRaised, this, &ResourceDashboard::showAlert);

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
                    self->setRecentHistory(recent);
                    self->setLongHistory(longer);
                    self->mergeAlertHistory(alerts);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void ResourceDashboard::setGovernor(PressureGovernor *governor)
{
    if (m_governor)
        disconnect(m_governor, nullptr, this, nullptr);
    m_governor = governor;
    if (!governor)
        return;
    connect(governor, &PressureGovernor::levelChanged, this, &ResourceDashboard::showPressureLevel);
    connect(governor, &PressureGovernor::actionTaken, this, &ResourceDashboard::showAction);
    showPressureLevel(governor->pressureLevel()); // an atomic, safe to read here
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
    for (QCustomPlot *plot : {m_cpuPlot, m_memoryPlot, m_countsPlot}) {
        if (auto ticker = plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>())
            ticker->setDateTimeFormat(format);
    }
    if (range == Range::OneDay)
        requestLongHistory();
    rebuildPlots();
}

void ResourceDashboard::requestLongHistory()
{
    ResourceMonitor *monitor = m_monitor.data();
    if (!monitor)
        return;
    m_longRequestedMs = m_lastTimeMs;
    const QPointer<ResourceDashboard> self(this);
    QMetaObject::invokeMethod(
        monitor,
        [monitor, self] {
            const QList<HistoryPoint> points = monitor->longHistory();
            if (!self)
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, points] {
                    if (self)
                        self->setLongHistory(points);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void ResourceDashboard::setRecentHistory(const QList<HistoryPoint> &points)
{
    // Points that arrived by signal before the history came back are newer; keep them after it.
    QList<HistoryPoint> newer;
    const qint64 lastHistoric = points.isEmpty() ? 0 : points.constLast().timeMs;
    for (std::size_t i = 0; i < m_recent.size(); ++i) {
        if (m_recent[i].timeMs > lastHistoric)
            newer.append(m_recent[i]);
    }
    m_recent.clear();
    for (const HistoryPoint &point : points)
        m_recent.push(point);
    for (const HistoryPoint &point : std::as_const(newer))
        m_recent.push(point);
    if (!m_recent.isEmpty())
        m_lastTimeMs = std::max(m_lastTimeMs, m_recent.back().timeMs);
    rebuildPlots();
}

void ResourceDashboard::setLongHistory(const QList<HistoryPoint> &points)
{
    m_long = points;
    if (m_range == Range::OneDay)
        rebuildPlots();
}

void ResourceDashboard::addPoint(const HistoryPoint &point)
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

void ResourceDashboard::rebuildPlots()
{
    for (QCustomPlot *plot : {m_cpuPlot, m_memoryPlot, m_countsPlot}) {
        for (int i = 0; i < plot->graphCount(); ++i)
            plot->graph(i)->data()->clear();
    }
    qint64 after = 0;
    if (m_range == Range::OneDay) {
        for (const HistoryPoint &point : std::as_const(m_long))
            addPoint(point);
        // The current, not yet averaged minute comes from the recent history.
        after = m_long.isEmpty() ? 0 : m_long.constLast().timeMs;
    }
    for (std::size_t i = 0; i < m_recent.size(); ++i) {
        if (m_recent[i].timeMs > after)
            addPoint(m_recent[i]);
    }
    trimAndRescale();
    scheduleReplot();
}

void ResourceDashboard::trimAndRescale()
{
    if (m_lastTimeMs <= 0)
        return;
    const double upper = key(m_lastTimeMs);
    const double lower = key(m_lastTimeMs - rangeMs(m_range));
    const QCPRange keyRange(lower, upper);
    for (QCustomPlot *plot : {m_cpuPlot, m_memoryPlot, m_countsPlot}) {
        double top = 0;
        for (int i = 0; i < plot->graphCount(); ++i) {
            QCPGraph *graph = plot->graph(i);
            graph->data()->removeBefore(lower);
            bool found = false;
            const QCPRange values = graph->getValueRange(found, QCP::sdBoth, keyRange);
            if (found)
                top = std::max(top, values.upper);
        }
        plot->xAxis->setRange(lower, upper);
        // Zero-based, with headroom; a minimum so that an idle process does not magnify noise.
        const double minimum = plot == m_cpuPlot ? 10.0 : 4.0;
        plot->yAxis->setRange(0, std::max(minimum, top * 1.15));
    }
}

void ResourceDashboard::showSample(const ResourceSample &sample)
{
    const HistoryPoint point = ResourceMonitor::toHistoryPoint(sample);
    if (point.timeMs <= m_lastTimeMs && !m_recent.isEmpty())
        return; // already part of the history handed over by setMonitor
    m_recent.push(point);
    m_lastTimeMs = point.timeMs;
    addPoint(point);
    trimAndRescale();
    scheduleReplot();
    // The 24 h range gains a point a minute; fetch it when one is due.
    if (m_range == Range::OneDay && m_lastTimeMs - m_longRequestedMs >= 60'000)
        requestLongHistory();

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

void ResourceDashboard::scheduleReplot()
{
    if (!m_replotTimer.isActive())
        m_replotTimer.start();
}

void ResourceDashboard::replotNow()
{
    for (QCustomPlot *plot : {m_cpuPlot, m_memoryPlot, m_countsPlot})
        plot->replot(QCustomPlot::rpQueuedReplot);
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
}

void ResourceDashboard::showPressureLevel(PressureLevel level, const QString &reason)
{
    m_level = level;
    QColor colour;
    QString text;
    switch (level) {
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

void ResourceDashboard::refreshCaches()
{
    m_cacheModel->refresh(CacheRegistry::instance().stats());
    m_noCaches->setVisible(m_cacheModel->rowCount() == 0);
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
    for (QCustomPlot *plot : {m_cpuPlot, m_memoryPlot, m_countsPlot}) {
        plot->setBackground(pal.color(QPalette::Base));
        plot->axisRect()->setBackground(pal.color(QPalette::Base));
        for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
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
        QColor legendBackground = pal.color(QPalette::Base);

        plot->legend->setBrush(legendBackground);
        plot->legend->setBorderPen(Qt::NoPen);
        plot->legend->setTextColor(text);
    }
    showPressureLevel(m_level);
    scheduleReplot();
}

void ResourceDashboard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_cpuPlot)
        applyTheme();
    QWidget::changeEvent(event);
}

} // namespace bw::ui
