#include "scanner/CandleChartView.h"

#include "common/NumberFormat.h"
#include "common/Theme.h"

#include <QDateTime>
#include <QEvent>
#include <QLocale>
#include <QSet>
#include <QtCharts/QBarSet>
#include <QtCharts/QCandlestickSeries>
#include <QtCharts/QCandlestickSet>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QLineSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <limits>

namespace bw::ui {

namespace {

// The candles take the upper part of the plot and the volume bars the lower quarter, without overlapping.
constexpr double kVolumeShare = 0.22;

QColor withAlpha(QColor colour, float alpha)
{
    colour.setAlphaF(alpha);
    return colour;
}

} // namespace

CandleChartView::CandleChartView(QWidget *parent)
    : QChartView(parent)
    , m_timeAxis(new QCategoryAxis)
    , m_indexAxis(new QValueAxis)
    , m_priceAxis(new QValueAxis)
    , m_volumeAxis(new QValueAxis)
{
    setObjectName(QStringLiteral("candleChart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    QChart *c = chart();
    c->legend()->hide();
    c->setBackgroundRoundness(0);
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setAnimationOptions(QChart::NoAnimation);

    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_timeAxis->setGridLineVisible(false);
    m_priceAxis->setTickCount(6);
    m_volumeAxis->setVisible(false);
    m_indexAxis->setVisible(false);
    c->addAxis(m_timeAxis, Qt::AlignBottom);
    c->addAxis(m_indexAxis, Qt::AlignBottom);
    c->addAxis(m_priceAxis, Qt::AlignRight);
    c->addAxis(m_volumeAxis, Qt::AlignLeft);
    applyTheme();
    showMessage(tr("Select a symbol to see its chart"));
}

void CandleChartView::setCandles(const QString &symbol, const QList<Candle> &candles)
{
    m_symbol = symbol;
    m_candles = candles;
    m_message.clear();
    if (m_candles.isEmpty())
        m_message = tr("No candles for %1").arg(symbol);
    rebuild();
}

void CandleChartView::setLevels(const QList<Level> &levels)
{
    // A new scan mostly finds the same levels; the chart draws only price and side, and redrawing it
    // rebuilds every candle, so an unchanged set is not redrawn.
    const auto drawnAlike = [](const Level &a, const Level &b) { return a.price == b.price && a.type == b.type; };
    if (std::equal(levels.cbegin(), levels.cend(), m_levels.cbegin(), m_levels.cend(), drawnAlike))
        return;
    m_levels = levels;
    if (!m_candles.isEmpty())
        rebuild();
}

void CandleChartView::showMessage(const QString &text)
{
    m_candles.clear();
    m_levels.clear();
    m_message = text;
    rebuild();
}

void CandleChartView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyTheme();
        rebuild(); // the up/down colours are the theme's
    }
    QChartView::changeEvent(event);
}

void CandleChartView::applyTheme()
{
    const QPalette p = palette();
    QChart *c = chart();
    c->setBackgroundBrush(p.color(QPalette::Base));
    c->setPlotAreaBackgroundVisible(false);
    c->setTitleBrush(p.color(QPalette::Text));
    const QColor grid = withAlpha(p.color(QPalette::Mid), 0.6f);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_priceAxis)}) {
        axis->setLabelsBrush(p.color(QPalette::Text));
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
    }
    QFont title = font();
    title.setBold(true);
    c->setTitleFont(title);
}

void CandleChartView::rebuild()
{
    QChart *c = chart();
    c->removeAllSeries(); // deletes them
    m_candleSeries = nullptr;
    m_volumeSeries = nullptr;
    m_levelSeries.clear();

    const bool empty = m_candles.isEmpty();
    m_timeAxis->setVisible(!empty);
    m_priceAxis->setVisible(!empty);
    if (empty) {
        c->setTitle(m_message);
        return;
    }

    const int n = static_cast<int>(m_candles.size());
    const qint64 interval = n > 1 ? m_candles.at(n - 1).openTimeMs - m_candles.at(n - 2).openTimeMs : 0;
    c->setTitle(
        interval > 0
            ? tr("%1 · last %2 bars of %3").arg(m_symbol, QLocale().toString(n), NumberFormat::interval(interval))
            : tr("%1 · last %2 bars").arg(m_symbol, QLocale().toString(n)));

    const QColor up = Theme::up();
    const QColor down = Theme::down();
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    double maxVolume = 0;

    auto *volume = new QStackedBarSeries;
    auto *upVolume = new QBarSet(tr("Volume up"));
    auto *downVolume = new QBarSet(tr("Volume down"));
    auto *candles = new QCandlestickSeries;
    candles->setName(tr("Price"));
    for (int i = 0; i < n; ++i) {
        const Candle &k = m_candles.at(i);
        low = std::min(low, k.low);
        high = std::max(high, k.high);
        maxVolume = std::max(maxVolume, k.quoteVolume);
        const bool rising = k.close >= k.open;
        upVolume->append(rising ? k.quoteVolume : 0.0);
        downVolume->append(rising ? 0.0 : k.quoteVolume);
        candles->append(new QCandlestickSet(k.open, k.high, k.low, k.close, double(i)));
    }
    for (const Level &level : std::as_const(m_levels)) {
        low = std::min(low, level.price);
        high = std::max(high, level.price);
    }

    upVolume->setColor(withAlpha(up, 0.45f));
    upVolume->setBorderColor(Qt::transparent);
    downVolume->setColor(withAlpha(down, 0.45f));
    downVolume->setBorderColor(Qt::transparent);
    volume->append(upVolume);
    volume->append(downVolume);
    volume->setBarWidth(0.7);
    c->addSeries(volume);
    volume->attachAxis(m_timeAxis);
    volume->attachAxis(m_volumeAxis);
    m_volumeSeries = volume;

    for (const Level &level : std::as_const(m_levels)) {
        auto *line = new QLineSeries;
        const bool support = level.type == LevelType::Support;
        line->setName(support ? tr("Support %1").arg(NumberFormat::price(level.price))
                              : tr("Resistance %1").arg(NumberFormat::price(level.price)));
        // Stronger levels are drawn more opaque.
        QPen pen(withAlpha(support ? up : down, float(0.45 + 0.55 * std::clamp(level.strength, 0.0, 1.0))));
        pen.setWidthF(1.5);
        pen.setStyle(Qt::DashLine);
        line->setPen(pen);
        line->append(-0.5, level.price);
        line->append(n - 0.5, level.price);
        c->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_priceAxis);
        m_levelSeries.append(line);
    }

    candles->setIncreasingColor(up);
    candles->setDecreasingColor(down);
    candles->setBodyOutlineVisible(false);
    candles->setCapsVisible(false);
    candles->setBodyWidth(0.7);
    candles->setMinimumColumnWidth(1);
    candles->setMaximumColumnWidth(24);
    candles->setPen(QPen(withAlpha(palette().color(QPalette::Text), 0.55f), 1));
    c->addSeries(candles);
    candles->attachAxis(m_indexAxis);
    candles->attachAxis(m_priceAxis);
    m_candleSeries = candles;

    // Room below the candles for the volume bars, and a little above the highest price.
    const double span = std::max(high - low, high * 1e-6);
    const double bottom = low - span * kVolumeShare / (1.0 - kVolumeShare) - span * 0.02;
    m_priceAxis->setRange(bottom, high + span * 0.04);
    m_priceAxis->setLabelFormat(QStringLiteral("%.%1f").arg(NumberFormat::priceDecimals(high)));
    m_volumeAxis->setRange(0, maxVolume > 0 ? maxVolume / kVolumeShare * 1.05 : 1.0);
    updateTimeLabels();
}

void CandleChartView::updateTimeLabels()
{
    const QStringList old = m_timeAxis->categoriesLabels();
    for (const QString &label : old)
        m_timeAxis->remove(label);
    const int n = static_cast<int>(m_candles.size());
    m_timeAxis->setStartValue(-0.5);
    m_timeAxis->setRange(-0.5, n - 0.5);
    m_indexAxis->setRange(-0.5, n - 0.5);
    if (n == 0)
        return;
    // About five labels; a day boundary inside the window puts the date in front of the time.
    const qint64 spanMs = m_candles.last().openTimeMs - m_candles.first().openTimeMs;
    const QString format = spanMs >= 24LL * 3600 * 1000 ? QStringLiteral("dd.MM HH:mm") : QStringLiteral("HH:mm");
    const int step = std::max(1, n / 5);
    QSet<QString> used;
    for (int i = step / 2; i < n; i += step) {
        QString label = QDateTime::fromMSecsSinceEpoch(m_candles.at(i).openTimeMs).toLocalTime().toString(format);
        if (used.contains(label))
            continue; // category labels must be unique
        used.insert(label);
        m_timeAxis->append(label, i);
    }
}

} // namespace bw::ui
