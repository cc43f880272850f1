#pragma once

#include "trading/PaperBroker.h"

#include <QTimer>
#include <QWidget>

class QCPItemStraightLine;
class QCustomPlot;
class QLabel;

namespace bw::ui {

// The account's equity and cash over (market) time, with the figures a trader checks first: starting
// equity, current equity, return and maximum drawdown. The plot holds at most `capacity` points
// (addData, then removeBefore the oldest beyond it) and replots at most ten times a second, however often
// the account changes. The statistics cover every point seen since the last clear(), not only those
// still plotted.
class EquityCurve final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kDefaultCapacity = 20000;

    explicit EquityCurve(int capacity = kDefaultCapacity, QWidget *parent = nullptr);
    ~EquityCurve() override;

    // Adds the account's equity and cash at its time. A point older than the last one is ignored (the
    // curve only moves forward); one at the same time replaces it.
    void addAccount(const bw::AccountSnapshot &account);
    void addPoint(qint64 timeMs, double equity, double cash);
    void clear();

    int capacity() const { return m_capacity; }
    int pointCount() const;
    bool isEmpty() const { return m_points == 0; }
    double startingEquity() const { return m_start; }
    double currentEquity() const { return m_current; }
    double peakEquity() const { return m_peak; }
    double returnPercent() const;
    double maxDrawdownPercent() const { return m_maxDrawdownPct; }

    QCustomPlot *plot() const { return m_plot; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildFigures();
    void applyTheme();
    void updateFigures();
    void rescale();
    void scheduleReplot();
    void replotNow();

    int m_capacity;
    qint64 m_points = 0; // seen since clear()
    qint64 m_lastTimeMs = 0;
    double m_start = 0;
    double m_current = 0;
    double m_cash = 0;
    double m_peak = 0;
    double m_maxDrawdownPct = 0;

    QCustomPlot *m_plot = nullptr;
    QCPItemStraightLine *m_startLine = nullptr;
    QLabel *m_startValue = nullptr;
    QLabel *m_currentValue = nullptr;
    QLabel *m_cashValue = nullptr;
    QLabel *m_returnValue = nullptr;
    QLabel *m_drawdownValue = nullptr;
    QTimer m_replotTimer;
};

} // namespace bw::ui
