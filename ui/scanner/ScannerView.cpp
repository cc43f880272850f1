#include "scanner/ScannerView.h"

#include "app/WorkstationSession.h"
#include "common/SortFilterProxyModel.h"
#include "scanner/CandidateScopeProxy.h"
#include "scanner/CandidateTableModel.h"
#include "scanner/FunnelPanel.h"
#include "scanner/SymbolDetailPanel.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace bw::ui {

namespace {

const QString kGroup = QStringLiteral("scannerView");
const QString kSplitterKey = QStringLiteral("splitter");
const QString kBottomSplitterKey = QStringLiteral("bottomSplitter");
const QString kDetailSplitterKey = QStringLiteral("detailSplitter");
const QString kDetailTabKey = QStringLiteral("detailTab");
const QString kColumnsKey = QStringLiteral("columns");
const QString kCandidatesOnlyKey = QStringLiteral("candidatesOnly");

} // namespace

ScannerView::ScannerView(QWidget *parent)
    : QWidget(parent)
    , m_model(new CandidateTableModel(this))
    , m_scope(new CandidateScopeProxy(this))
    , m_proxy(new SortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_detail(new SymbolDetailPanel(this))
    , m_funnel(new FunnelPanel(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("scannerView"));
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ScannerView::applyPending);
    m_scope->setSourceModel(m_model);
    m_proxy->setSourceModel(m_scope);
    m_proxy->setFilterKeyColumn(CandidateTableModel::Symbol);

    m_table->setObjectName(QStringLiteral("candidateTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CandidateTableModel::Rank, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    // Compact default widths: wide enough for the caption (with the sort arrow) and a typical value.
    const QFontMetrics metrics = m_table->fontMetrics();
    const int digit = metrics.horizontalAdvance(QLatin1Char('0'));
    const int digits[CandidateTableModel::Count] = {13, 3, 5, 10, 7, 13, 7, 3, 5, 19, 40};
    for (int column = 0; column < CandidateTableModel::Count; ++column) {
        const QString caption = m_model->headerData(column, Qt::Horizontal).toString();
        header->resizeSection(column,
                              std::max(metrics.horizontalAdvance(caption) + 2 * digit, digits[column] * digit) + 10);
    }

    m_summary->setObjectName(QStringLiteral("scanSummary"));

    auto *tableSide = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableSide);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(6);
    tableLayout->addWidget(buildFilterRow());
    tableLayout->addWidget(m_table, 1);

    // The table takes the full width (every column fits); the selected symbol and the funnel share the
    // lower part.
    m_bottomSplitter = new QSplitter(Qt::Horizontal, this);
    m_bottomSplitter->setObjectName(QStringLiteral("scannerBottomSplitter"));
    m_bottomSplitter->setChildrenCollapsible(false);
    m_bottomSplitter->addWidget(m_detail);
    m_bottomSplitter->addWidget(m_funnel);
    m_bottomSplitter->setStretchFactor(0, 1);
    m_bottomSplitter->setStretchFactor(1, 0);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("scannerSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(tableSide);
    m_splitter->addWidget(m_bottomSplitter);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    restoreLayout();
    updateSummary();
}

ScannerView::~ScannerView()
{
    saveLayout();
}

QWidget *ScannerView::buildFilterRow()
{
    auto *row = new QWidget(this);
    m_filterEdit = new QLineEdit(row);
    m_filterEdit->setObjectName(QStringLiteral("symbolFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter symbols…"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setMaximumWidth(220);
    connect(m_filterEdit, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_proxy->setFilterFixedString(text.trimmed()); });

    m_candidatesButton = new QPushButton(tr("Candidates only"), row);
    m_candidatesButton->setObjectName(QStringLiteral("candidatesOnlyButton"));
    m_allButton = new QPushButton(tr("All symbols"), row);
    m_allButton->setObjectName(QStringLiteral("allSymbolsButton"));
    m_candidatesButton->setToolTip(tr("Show only the symbols that passed every stage"));
    m_allButton->setToolTip(tr("Show every symbol the scan saw, with the reason each rejected one failed"));
    // A segmented pair: the checked half in the highlight colour, in either theme.
    m_candidatesButton->setStyleSheet(
        QStringLiteral("QPushButton { padding: 3px 10px; border: 1px solid palette(mid); border-right: none;"
                       " border-top-left-radius: 3px; border-bottom-left-radius: 3px; background: palette(button); }"
                       "QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
                       " border-color: palette(highlight); }"));
    m_allButton->setStyleSheet(
        QStringLiteral("QPushButton { padding: 3px 10px; border: 1px solid palette(mid);"
                       " border-top-right-radius: 3px; border-bottom-right-radius: 3px; background: palette(button); }"
                       "QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
                       " border-color: palette(highlight); }"));
    auto *group = new QButtonGroup(row);
    for (QPushButton *button : {m_candidatesButton, m_allButton}) {
        button->setCheckable(true);
        button->setFocusPolicy(Qt::TabFocus);
        group->addButton(button);
    }
    m_allButton->setChecked(true);
    connect(m_candidatesButton, &QPushButton::toggled, this, [this](bool on) { m_scope->setCandidatesOnly(on); });

    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_filterEdit, 1);
    layout->addSpacing(6);
    auto *segments = new QHBoxLayout;
    segments->setSpacing(0);
    segments->addWidget(m_candidatesButton);
    segments->addWidget(m_allButton);
    layout->addLayout(segments);
    layout->addSpacing(12);
    layout->addWidget(m_summary, 2, Qt::AlignRight | Qt::AlignVCenter);
    return row;
}

void ScannerView::setSession(WorkstationSession *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (!session)
        return;
    connect(session, &WorkstationSession::scanFinished, this, &ScannerView::queueReport);
    connect(session, &WorkstationSession::candlesReady, this, &ScannerView::showCandles);
    connect(session, &WorkstationSession::sourceChanged, this, [this] { clear(); });
    requestCandles();
}

QAbstractItemModel *ScannerView::viewModel() const
{
    return m_proxy;
}

bool ScannerView::candidatesOnly() const
{
    return m_scope->candidatesOnly();
}

void ScannerView::setCandidatesOnly(bool candidatesOnly)
{
    (candidatesOnly ? m_candidatesButton : m_allButton)->setChecked(true);
}

void ScannerView::setSymbolFilter(const QString &text)
{
    m_filterEdit->setText(text);
}

QString ScannerView::summaryText() const
{
    return m_summary->text();
}

void ScannerView::queueReport(ScanReportPtr report)
{
    m_pending = std::move(report);
    if (m_refreshTimer.isActive())
        return;
    const int interval = isVisible() ? kRefreshMs : kHiddenRefreshMs;
    const qint64 since = m_sinceApplied.isValid() ? m_sinceApplied.elapsed() : interval;
    if (since >= interval)
        applyPending();
    else
        m_refreshTimer.start(static_cast<int>(interval - since));
}

void ScannerView::applyPending()
{
    m_refreshTimer.stop();
    if (!m_pending)
        return;
    m_sinceApplied.start();
    showReport(std::exchange(m_pending, nullptr));
}

void ScannerView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // A report that waited while the page was hidden is shown as the user arrives.
    if (m_pending)
        applyPending();
}

void ScannerView::showReport(ScanReportPtr report)
{
    if (!report) {
        clear();
        return;
    }
    // While the model merges the report, a removed or filtered-out current row moves the view's current
    // index; onCurrentChanged then only notes the symbol, and the detail is refreshed once below.
    const QString before = m_selectedSymbol;
    m_updating = true;
    m_model->setReport(report);
    m_updating = false;
    m_funnel->setReport(report);
    updateSummary();

    if (!m_selectedSymbol.isEmpty() && m_model->rowOf(m_selectedSymbol) >= 0) {
        selectSymbol(m_selectedSymbol); // no-op when the row is still current
        refreshDetail();
        // The symbol has new closed bars; on a fast market the chart follows at most once a second.
        if (!m_sinceCandles.isValid() || m_sinceCandles.elapsed() >= kChartRefreshMs)
            requestCandles();
        if (m_selectedSymbol != before)
            emit symbolSelected(m_selectedSymbol);
        return;
    }
    // Nothing (still) selected: show the best candidate.
    m_selectedSymbol.clear();
    if (m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, CandidateTableModel::Symbol));
    if (m_selectedSymbol.isEmpty()) {
        refreshDetail();
        if (!before.isEmpty())
            emit symbolSelected(QString());
    }
}

void ScannerView::showCandles(const QString &symbol, const QList<Candle> &candles)
{
    m_detail->setCandles(symbol, candles);
}

void ScannerView::clear()
{
    m_pending.reset();
    m_refreshTimer.stop();
    m_model->clear();
    m_funnel->clear();
    m_selectedSymbol.clear();
    m_detail->clear();
    updateSummary();
}

void ScannerView::selectSymbol(const QString &symbol)
{
    const int sourceRow = m_model->rowOf(symbol);
    if (sourceRow < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_scope->mapFromSource(m_model->index(sourceRow, 0)));
    if (!index.isValid())
        return; // filtered out of the view
    if (m_table->currentIndex().row() != index.row())
        m_table->setCurrentIndex(index);
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ScannerView::onCurrentChanged(const QModelIndex &current)
{
    const QString symbol = current.data(CandidateTableModel::SymbolRole).toString();
    if (symbol == m_selectedSymbol)
        return;
    m_selectedSymbol = symbol;
    if (m_updating)
        return;
    refreshDetail();
    requestCandles();
    emit symbolSelected(symbol);
}

void ScannerView::changeEvent(QEvent *event)
{
    // The headline's colours are the theme's: redraw it in the new ones.
    if (event->type() == QEvent::PaletteChange)
        refreshDetail();
    QWidget::changeEvent(event);
}

void ScannerView::refreshDetail()
{
    const int row = m_model->rowOf(m_selectedSymbol);
    if (const Candidate *candidate = m_model->candidateAt(row))
        m_detail->showCandidate(*candidate);
    else if (const Rejection *rejection = m_model->rejectionAt(row))
        m_detail->showRejection(*rejection);
    else
        m_detail->clear();
}

void ScannerView::requestCandles()
{
    if (m_session && !m_selectedSymbol.isEmpty()) {
        m_sinceCandles.start();
        m_session->requestCandles(m_selectedSymbol, kCandleCount);
    }
}

void ScannerView::updateSummary()
{
    const ScanReportPtr report = m_model->report();
    if (!report) {
        m_summary->setText(tr("Waiting for the first scan"));
        return;
    }
    const QLocale locale;
    QString text = tr("Candidates: %1 · rejected: %2 · scanned: %3")
                       .arg(locale.toString(report->candidates.size()), locale.toString(report->rejections.size()),
                            locale.toString(report->symbolsTotal));
    if (report->candidatesBeyondLimit > 0)
        text += QStringLiteral(" · ") +
                tr("%1 more passed beyond the candidate limit").arg(locale.toString(report->candidatesBeyondLimit));
    m_summary->setText(text);
}

void ScannerView::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(kGroup);
    const auto restore = [&](QSplitter *splitter, const QString &key, const QList<int> &defaults) {
        const QByteArray state = settings.value(key).toByteArray();
        if (state.isEmpty() || !splitter->restoreState(state))
            splitter->setSizes(defaults);
    };
    restore(m_splitter, kSplitterKey, {400, 380});
    restore(m_bottomSplitter, kBottomSplitterKey, {850, 400});
    restore(m_detail->splitter(), kDetailSplitterKey, {520, 380});
    m_detail->tabs()->setCurrentIndex(settings.value(kDetailTabKey, SymbolDetailPanel::kScoreTab).toInt());
    const QByteArray columns = settings.value(kColumnsKey).toByteArray();
    if (!columns.isEmpty())
        m_table->horizontalHeader()->restoreState(columns);
    setCandidatesOnly(settings.value(kCandidatesOnlyKey, false).toBool());
    settings.endGroup();
}

void ScannerView::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(kGroup);
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kBottomSplitterKey, m_bottomSplitter->saveState());
    settings.setValue(kDetailSplitterKey, m_detail->splitter()->saveState());
    settings.setValue(kDetailTabKey, m_detail->tabs()->currentIndex());
    settings.setValue(kColumnsKey, m_table->horizontalHeader()->saveState());
    settings.setValue(kCandidatesOnlyKey, candidatesOnly());
    settings.endGroup();
}

} // namespace bw::ui
