// qcustomplot.h (the distribution's 2.1) uses Q_FOREACH, which the project's QT_NO_FOREACH removes; the
// macro must be gone before the first Qt header is read. This file's own code does not use foreach.
#undef QT_NO_FOREACH

#include "trading/EquityCurve.h"

#include "common/NumberFormat.h"
#include "common/Theme.h"
#include "trading/TradingText.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace bw::ui {

namespace {

// Series colours chosen to read on both the dark and the light background (as on the resource plots).
const QColor kEquityColour(0x3d, 0x8b, 0xfd);
const QColor kCashColour(0xf0, 0x8c, 0x2e);

double key(qint64 timeMs)
{
    return static_cast<double>(timeMs) / 1000.0;
}

} // namespace

EquityCurve::EquityCurve(int capacity, QWidget *parent)
    : QWidget(parent)
    , m_capacity(std::max(2, capacity))
{
    setObjectName(QStringLiteral("equityCurve"));
    // The figures in a column on the left, the curve wide and short beside them.
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(buildFigures());

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("equityPlot"));
    m_plot->setMinimumHeight(120);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setPlottingHint(QCP::phCacheLabels, true);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setDateTimeFormat(QStringLiteral("MM-dd HH:mm"));
    ticker->setTickCount(6);
    m_plot->xAxis->setTicker(ticker);
    m_plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom);
    m_plot->axisRect()->setMargins(QMargins(0, 6, 12, 0));

    QCPGraph *equity = m_plot->addGraph();
    equity->setName(tr("Equity"));
    equity->setPen(QPen(kEquityColour, 1.8));
    QColor fill = kEquityColour;
    fill.setAlpha(36);
    equity->setBrush(fill);
    equity->setAdaptiveSampling(true);
    QCPGraph *cash = m_plot->addGraph();
    cash->setName(tr("Cash"));
    cash->setPen(QPen(kCashColour, 1.3));
    cash->setAdaptiveSampling(true);
    // The equity area fills down (or up) to the cash line: the gap is the open positions' unrealised PnL.
    equity->setChannelFillGraph(cash);

    m_startLine = new QCPItemStraightLine(m_plot);
    m_startLine->setVisible(false);
    m_startLine->setSelectable(false);
    layout->addWidget(m_plot, 1);

    // Replots are queued and at most ten a second, however often the account changes.
    m_replotTimer.setSingleShot(true);
    m_replotTimer.setInterval(100);
    connect(&m_replotTimer, &QTimer::timeout, this, &EquityCurve::replotNow);

    applyTheme();
    updateFigures();
}

EquityCurve::~EquityCurve() = default;

QWidget *EquityCurve::buildFigures()
{
    auto *column = new QWidget(this);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto *title = new QLabel(tr("Equity curve"), column);
    QFont titleFont = title->font();
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    layout->addWidget(title);
    // A short line in the series colour before a caption stands in for a legend.
    const auto marker = [](const QColor &colour) {
        return QStringLiteral("<span style=\"color:%1\">&#9473;&#9473;</span>&nbsp;").arg(colour.name());
    };
    const auto addFigure = [&](const QString &caption, const QString &name, const QString &toolTip) {
        auto *figure = new QWidget(column);
        auto *figureLayout = new QVBoxLayout(figure);
        figureLayout->setContentsMargins(0, 0, 0, 0);
        figureLayout->setSpacing(0);
        auto *captionLabel = new QLabel(caption, figure);
        captionLabel->setForegroundRole(QPalette::PlaceholderText);
        auto *value = new QLabel(figure);
        value->setObjectName(name);
        QFont bold = value->font();
        bold.setWeight(QFont::DemiBold);
        value->setFont(bold);
        figure->setToolTip(toolTip);
        figureLayout->addWidget(captionLabel);
        figureLayout->addWidget(value);
        layout->addWidget(figure);
        return value;
    };
    m_startValue = addFigure(tr("Starting equity"), QStringLiteral("equityStart"),
                             tr("Equity at the first account update since the view started (dashed line)"));
    m_currentValue = addFigure(marker(kEquityColour) + tr("Equity"), QStringLiteral("equityCurrent"),
                               tr("Cash plus the unrealised PnL of the open positions"));
    m_cashValue = addFigure(marker(kCashColour) + tr("Cash"), QStringLiteral("equityCash"),
                            tr("Moves only by realised PnL and fees"));
    m_returnValue =
        addFigure(tr("Return"), QStringLiteral("equityReturn"), tr("Current equity against the starting equity"));
    m_drawdownValue = addFigure(tr("Max drawdown"), QStringLiteral("equityMaxDrawdown"),
                                tr("Largest fall of equity from a previous peak, in percent of that peak"));
    layout->addStretch(1);
    return column;
}

void EquityCurve::addAccount(const AccountSnapshot &account)
{
    addPoint(account.timeMs, account.equity, account.cash);
}

void EquityCurve::addPoint(qint64 timeMs, double equity, double cash)
{
    if (timeMs <= 0 || !std::isfinite(equity) || !std::isfinite(cash) || timeMs < m_lastTimeMs)
        return;
    QCPGraph *equityGraph = m_plot->graph(0);
    QCPGraph *cashGraph = m_plot->graph(1);
    if (timeMs == m_lastTimeMs && !equityGraph->data()->isEmpty()) {
        // Several trading steps at one market time: the last state stands for that time.
        (equityGraph->data()->end() - 1)->value = equity;
        (cashGraph->data()->end() - 1)->value = cash;
    } else {
        equityGraph->addData(key(timeMs), equity);
        cashGraph->addData(key(timeMs), cash);
        const int excess = equityGraph->data()->size() - m_capacity;
        if (excess > 0) {
            // Keys only grow, so everything before the first point kept is exactly the excess.
            const double firstKept = (equityGraph->data()->constBegin() + excess)->key;
            equityGraph->data()->removeBefore(firstKept);
            cashGraph->data()->removeBefore(firstKept);
        }
    }
    if (m_points == 0) {
        m_start = equity;
        m_peak = equity;
    }
    ++m_points;
    m_lastTimeMs = timeMs;
    m_current = equity;
    m_cash = cash;
    m_peak = std::max(m_peak, equity);
    if (m_peak > 0)
        m_maxDrawdownPct = std::max(m_maxDrawdownPct, (m_peak - equity) / m_peak * 100.0);
    updateFigures();
    scheduleReplot();
}

void EquityCurve::clear()
{
    for (int i = 0; i < m_plot->graphCount(); ++i)
        m_plot->graph(i)->data()->clear();
    m_points = 0;
    m_lastTimeMs = 0;
    m_start = m_current = m_cash = m_peak = m_maxDrawdownPct = 0;
    updateFigures();
    scheduleReplot();
}

int EquityCurve::pointCount() const
{
    return m_plot->graph(0)->data()->size();
}

double EquityCurve::returnPercent() const
{
    return m_start > 0 ? (m_current / m_start - 1.0) * 100.0 : 0.0;
}

void EquityCurve::updateFigures()
{
    if (m_points == 0) {
        for (QLabel *label : {m_startValue, m_currentValue, m_cashValue, m_returnValue, m_drawdownValue})
            label->setText(tr("–"));
        m_returnValue->setPalette(palette());
        return;
    }
    const QLocale locale;
    m_startValue->setText(NumberFormat::money(m_start, locale));
    m_currentValue->setText(NumberFormat::money(m_current, locale));
    m_cashValue->setText(NumberFormat::money(m_cash, locale));
    const double ret = returnPercent();
    m_returnValue->setText(NumberFormat::signedPercent(ret, 2, locale));
    QPalette pal = palette();
    if (std::fabs(ret) >= 0.005)
        pal.setColor(QPalette::WindowText, ret > 0 ? Theme::up() : Theme::down());
    m_returnValue->setPalette(pal);
    m_drawdownValue->setText(tr("%1 %").arg(locale.toString(m_maxDrawdownPct, 'f', 2)));
}

void EquityCurve::rescale()
{
    QCPGraph *equityGraph = m_plot->graph(0);
    if (equityGraph->data()->isEmpty())
        return;
    const double first = equityGraph->data()->constBegin()->key;
    const double last = (equityGraph->data()->constEnd() - 1)->key;
    // A single point still gets a visible span of time around it.
    m_plot->xAxis->setRange(first, std::max(last, first + 60.0));

    double low = m_start;
    double high = m_start;
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        bool found = false;
        const QCPRange values = m_plot->graph(i)->getValueRange(found);
        if (found) {
            low = std::min(low, values.lower);
            high = std::max(high, values.upper);
        }
    }
    // Headroom, and a minimum span so that cents of fees do not look like a crash.
    const double span = std::max(high - low, std::max(1.0, std::fabs(m_start) * 0.002));
    const double middle = (high + low) / 2.0;
    m_plot->yAxis->setRange(middle - span * 0.6, middle + span * 0.6);

    m_startLine->setVisible(m_points > 0);
    m_startLine->point1->setCoords(first, m_start);
    m_startLine->point2->setCoords(first + 1.0, m_start);
}

void EquityCurve::scheduleReplot()
{
    if (!m_replotTimer.isActive())
        m_replotTimer.start();
}

void EquityCurve::replotNow()
{
    rescale();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void EquityCurve::applyTheme()
{
    const QPalette pal = palette();
    const QColor muted = pal.color(QPalette::PlaceholderText);
    const QColor grid = pal.color(QPalette::Mid);
    m_plot->setBackground(pal.color(QPalette::Base));
    m_plot->axisRect()->setBackground(pal.color(QPalette::Base));
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(QPen(muted, 1));
        axis->setTickPen(QPen(muted, 1));
        axis->setSubTickPen(QPen(muted, 1));
        axis->setTickLabelColor(muted);
        axis->setLabelColor(muted);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        axis->grid()->setZeroLinePen(QPen(grid, 1));
        axis->setSubTicks(false);
    }
    m_startLine->setPen(QPen(muted, 1, Qt::DashLine));
    updateFigures();
    scheduleReplot();
}

void EquityCurve::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_plot)
        applyTheme();
    QWidget::changeEvent(event);
}

} // namespace bw::ui
