#pragma once

#include "trading/PaperBroker.h"
#include "trading/Position.h"
#include "trading/TradingUpdate.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace bw {

// The result of a replay: every closed trade and the equity after every trading step, summarised the way
// a trader reads a backtest. Fed from the engine's tradingUpdated/accountUpdated on the engine thread;
// everything in it is market time, so the same recorded data gives the same report.
class BacktestReport final
{
public:
    struct Trade {
        qint64 positionId = 0;
        QString symbol;
        QString side;
        QString strategy;
        qint64 openedMs = 0;
        qint64 closedMs = 0;
        double avgEntry = 0;
        double qty = 0;
        double netPnl = 0; // after fees
        double fees = 0;
        double r = 0; // netPnl / initial risk in USD
        QString exitReason;
    };
    struct EquityPoint {
        qint64 timeMs = 0;
        double equity = 0;
    };

    // At most this many equity points are kept (the curve is thinned by dropping every other point, so it
    // stays evenly spread); trades are all kept (each is a closed position).
    static constexpr int kMaxCurvePoints = 2000;

    explicit BacktestReport(double startingEquity = 0);

    void addUpdate(const TradingUpdate &update);
    void addAccount(const AccountSnapshot &account);
    void setMeta(const QString &preset, const QString &dataPath, int symbols, qint64 firstMs, qint64 lastMs);
    void setFinalAccount(const AccountSnapshot &account, int openPositions);

    int tradeCount() const { return int(m_trades.size()); }
    double winRate() const;
    std::optional<double> profitFactor() const; // absent without a losing trade
    double expectancyR() const;
    double maxDrawdown() const { return m_maxDrawdown; } // fraction of the peak
    double maxDrawdownUsd() const { return m_maxDrawdownUsd; }
    double netPnl() const;
    const QList<Trade> &trades() const { return m_trades; }
    const QList<EquityPoint> &equityCurve() const { return m_curve; }

    QJsonObject toJson() const;
    QString summary() const; // readable, several lines

private:
    void addPoint(qint64 timeMs, double equity);

    QList<Trade> m_trades;
    QList<EquityPoint> m_curve;
    int m_curveStride = 1; // keep every m_curveStride-th point after thinning
    qint64 m_pointsSeen = 0;
    double m_startEquity = 0;
    double m_peak = 0;
    double m_maxDrawdown = 0;
    double m_maxDrawdownUsd = 0;
    AccountSnapshot m_final;
    int m_openAtEnd = 0;
    QString m_preset;
    QString m_data;
    int m_symbols = 0;
    qint64 m_firstMs = 0;
    qint64 m_lastMs = 0;
};

} // namespace bw
