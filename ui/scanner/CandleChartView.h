#pragma once

#include "market/Candle.h"
#include "scanner/ScanTypes.h"

#include <QList>
#include <QString>
#include <QtCharts/QChartView>

QT_BEGIN_NAMESPACE
class QCandlestickSeries;
class QCategoryAxis;
class QLineSeries;
class QStackedBarSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace bw::ui {

// A symbol's recent closed bars as candlesticks, its volume as bars along the bottom (on a hidden second
// axis, coloured like the candle), and a horizontal line per support (up colour) and resistance (down
// colour) level. Bars are placed by index so that gaps in time do not leave holes; the time axis labels a
// few of them.
class CandleChartView final : public QChartView
{
    Q_OBJECT

public:
    explicit CandleChartView(QWidget *parent = nullptr);

    void setCandles(const QString &symbol, const QList<bw::Candle> &candles);
    void setLevels(const QList<bw::Level> &levels);
    // Drops the candles and shows a line of text instead ("Select a symbol", "Loading BTCUSDT…").
    void showMessage(const QString &text);

    QString symbol() const { return m_symbol; }
    int candleCount() const { return static_cast<int>(m_candles.size()); }
    // The series currently drawn (owned by the chart; null or empty without candles).
    QCandlestickSeries *candleSeries() const { return m_candleSeries; }
    QStackedBarSeries *volumeSeries() const { return m_volumeSeries; }
    const QList<QLineSeries *> &levelSeries() const { return m_levelSeries; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void applyTheme();
    void updateTimeLabels();

    QString m_symbol;
    QString m_message;
    QList<Candle> m_candles;
    QList<Level> m_levels;

    QCategoryAxis *m_timeAxis = nullptr;
    // Candlesticks cannot be placed on a category axis: they go on this hidden axis with the same range.
    QValueAxis *m_indexAxis = nullptr;
    QValueAxis *m_priceAxis = nullptr;
    QValueAxis *m_volumeAxis = nullptr;
    QCandlestickSeries *m_candleSeries = nullptr;
    QStackedBarSeries *m_volumeSeries = nullptr;
    QList<QLineSeries *> m_levelSeries;
};

} // namespace bw::ui
