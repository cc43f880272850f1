#pragma once

#include "market/Candle.h"
#include "scanner/ScanReport.h"

#include <QWidget>

class QLabel;
class QSplitter;
class QTabWidget;
class QTableView;

namespace bw::ui {

class CandleChartView;
class FilterTableModel;
class ScoreBreakdownModel;

// Everything about the selected symbol: a headline (rank, score, price, or why it was rejected), its chart
// with volume and levels, and beside it the score breakdown and each filter's value against its threshold
// (one tab each).
class SymbolDetailPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit SymbolDetailPanel(QWidget *parent = nullptr);

    // Shows a candidate or a rejected symbol. The chart keeps its candles when the symbol stays the same
    // (a new report for the selected symbol) and is emptied when it changes.
    void showCandidate(const bw::Candidate &candidate);
    void showRejection(const bw::Rejection &rejection);
    void clear();
    // Candles for the shown symbol; candles for any other symbol are ignored (a late answer).
    void setCandles(const QString &symbol, const QList<bw::Candle> &candles);

    QString symbol() const { return m_symbol; }
    CandleChartView *chart() const { return m_chart; }
    ScoreBreakdownModel *scoreModel() const { return m_scoreModel; }
    FilterTableModel *filterModel() const { return m_filterModel; }
    QSplitter *splitter() const { return m_splitter; }
    QTabWidget *tabs() const { return m_tabs; }
    static constexpr int kScoreTab = 0;
    static constexpr int kFiltersTab = 1;
    QString headline() const;

private:
    void switchSymbol(const QString &symbol);
    static QTableView *makeTable(QWidget *parent);

    QString m_symbol;
    QList<Level> m_levels;
    QLabel *m_headline = nullptr;
    QLabel *m_scoreTotal = nullptr;
    CandleChartView *m_chart = nullptr;
    ScoreBreakdownModel *m_scoreModel = nullptr;
    FilterTableModel *m_filterModel = nullptr;
    QTableView *m_scoreTable = nullptr;
    QTableView *m_filterTable = nullptr;
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_tabs = nullptr;
};

} // namespace bw::ui
