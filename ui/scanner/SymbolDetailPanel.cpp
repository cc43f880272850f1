#include "scanner/SymbolDetailPanel.h"

#include "common/NumberFormat.h"
#include "common/Theme.h"
#include "scanner/CandleChartView.h"
#include "scanner/FilterTableModel.h"
#include "scanner/ScanFormat.h"
#include "scanner/ScoreBreakdownModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace bw::ui {

namespace {

// A table that is as tall as its rows (no empty band below the last one), with an optional line under it.
QWidget *section(QTableView *table, QWidget *footer, int rows, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(6);
    table->setMaximumHeight(table->horizontalHeader()->sizeHint().height() +
                            rows * table->verticalHeader()->defaultSectionSize() + 2 * table->frameWidth());
    layout->addWidget(table, 1);
    if (footer)
        layout->addWidget(footer);
    layout->addStretch(0);
    return box;
}

} // namespace

SymbolDetailPanel::SymbolDetailPanel(QWidget *parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_scoreTotal(new QLabel(this))
    , m_chart(new CandleChartView(this))
    , m_scoreModel(new ScoreBreakdownModel(this))
    , m_filterModel(new FilterTableModel(this))
{
    setObjectName(QStringLiteral("symbolDetail"));
    m_headline->setObjectName(QStringLiteral("detailHeadline"));
    m_headline->setTextFormat(Qt::RichText);
    m_headline->setWordWrap(true);
    QFont headlineFont = m_headline->font();
    if (headlineFont.pointSizeF() > 0)
        headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.15);
    m_headline->setFont(headlineFont);

    m_scoreTable = makeTable(this);
    m_scoreTable->setObjectName(QStringLiteral("scoreTable"));
    m_scoreTable->setModel(m_scoreModel);
    m_scoreTable->horizontalHeader()->setSectionResizeMode(ScoreBreakdownModel::Component, QHeaderView::Stretch);
    m_scoreTotal->setObjectName(QStringLiteral("scoreTotal"));

    m_filterTable = makeTable(this);
    m_filterTable->setObjectName(QStringLiteral("filterTable"));
    m_filterTable->setModel(m_filterModel);
    m_filterTable->horizontalHeader()->setSectionResizeMode(FilterTableModel::Name, QHeaderView::Stretch);

    // The score and the filters share one place beside the chart: each gets the full width of it.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(section(m_scoreTable, m_scoreTotal, kScoreComponentCount, this), tr("Score breakdown"));
    // Every filter of the scanner fits without scrolling when there is room.
    m_tabs->addTab(section(m_filterTable, nullptr, 16, this), tr("Filters"));

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("detailSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_chart);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_headline);
    layout->addWidget(m_splitter, 1);
    clear();
}

QTableView *SymbolDetailPanel::makeTable(QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setFocusPolicy(Qt::NoFocus);
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return table;
}

QString SymbolDetailPanel::headline() const
{
    return m_headline->text();
}

void SymbolDetailPanel::switchSymbol(const QString &symbol)
{
    if (symbol == m_symbol)
        return;
    m_symbol = symbol;
    m_chart->showMessage(symbol.isEmpty() ? tr("Select a symbol to see its chart") : tr("Loading %1…").arg(symbol));
}

void SymbolDetailPanel::showCandidate(const Candidate &c)
{
    switchSymbol(c.symbol);
    const QLocale locale;
    const QString scoreColour = (c.score >= 0 ? Theme::up() : Theme::down()).name();
    m_headline->setText(tr("<b>%1</b> &nbsp; #%2 &nbsp; score <b><span style=\"color:%3\">%4</span></b> &nbsp; "
                           "price %5 &nbsp; levels: %6")
                            .arg(c.symbol.toHtmlEscaped(), locale.toString(c.rank), scoreColour,
                                 locale.toString(c.score, 'f', 2), NumberFormat::price(c.metrics.price, locale),
                                 locale.toString(c.levels.size())));
    m_scoreModel->setBreakdown(c.scoreBreakdown);
    m_scoreTotal->setText(tr("Total %1 (ATR quality %2)")
                              .arg(locale.toString(c.scoreBreakdown.total, 'f', 3),
                                   locale.toString(c.scoreBreakdown.atrQuality, 'f', 2)));
    m_filterModel->setFilters(c.filters);
    m_levels = c.levels;
    m_chart->setLevels(m_levels);
}

void SymbolDetailPanel::showRejection(const Rejection &r)
{
    switchSymbol(r.symbol);
    const QLocale locale;
    QString headline =
        tr("<b>%1</b> &nbsp; <span style=\"color:%2\">rejected at %3</span>: %4")
            .arg(r.symbol.toHtmlEscaped(), Theme::down().name(), scanStageName(r.stage), r.reason.toHtmlEscaped());
    // What the scanner had measured before it rejected the symbol, when it got that far.
    if (r.measured.price > 0)
        headline += tr(" &nbsp; price %1").arg(NumberFormat::price(r.measured.price, locale));
    if (!r.levels.isEmpty())
        headline += tr(" &nbsp; levels: %1").arg(locale.toString(r.levels.size()));
    m_headline->setText(headline);
    m_scoreModel->setBreakdown(r.scoreBreakdown ? std::optional<ScoreBreakdown>(*r.scoreBreakdown) : std::nullopt);
    if (r.scoreBreakdown) {
        m_scoreTotal->setText(tr("Total %1 (ATR quality %2)")
                                  .arg(locale.toString(r.scoreBreakdown->total, 'f', 3),
                                       locale.toString(r.scoreBreakdown->atrQuality, 'f', 2)));
    } else {
        m_scoreTotal->setText(tr("Not scored: only symbols that pass every filter are."));
    }
    m_filterModel->setFilters(r.filters);
    // Show why the symbol is not a candidate: its filters, or for one scored beyond the limit, its score.
    m_tabs->setCurrentIndex(r.scoreBreakdown ? kScoreTab : kFiltersTab);
    // Levels the scanner computed for it (a symbol scored beyond max_candidates) are drawn like a candidate's.
    m_levels = r.levels;
    m_chart->setLevels(m_levels);
}

void SymbolDetailPanel::clear()
{
    switchSymbol(QString());
    m_headline->setText(tr("Select a symbol in the table to see its chart, score and filters."));
    m_scoreModel->setBreakdown(std::nullopt);
    m_scoreTotal->clear();
    m_filterModel->setFilters({});
    m_levels.clear();
    m_chart->showMessage(tr("Select a symbol to see its chart"));
}

void SymbolDetailPanel::setCandles(const QString &symbol, const QList<Candle> &candles)
{
    if (symbol.isEmpty() || symbol != m_symbol)
        return;
    m_chart->setCandles(symbol, candles);
    m_chart->setLevels(m_levels);
}

} // namespace bw::ui
