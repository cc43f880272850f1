#include "engine/BacktestReport.h"
#include "engine/EngineTypes.h"
#include "engine/TradingConfigs.h"
#include "trading/Order.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace bw;

namespace {

Position closed(qint64 id, double realised, double fees, double riskUsd)
{
    Position p;
    p.id = id;
    p.symbol = QStringLiteral("ETHUSDT");
    p.status = PositionStatus::Closed;
    p.openedMs = 1000 * id;
    p.closedMs = 1000 * id + 500;
    p.realisedPnlUsd = realised;
    p.feesUsd = fees;
    p.initialRiskUsd = riskUsd;
    p.exitReason = realised > 0 ? OrderPurpose::TakeProfit2 : OrderPurpose::StopLoss;
    return p;
}

} // namespace

class TestBacktestReport : public QObject
{
    Q_OBJECT

private slots:
    void statistics()
    {
        BacktestReport report(1000);
        TradingUpdate u;
        u.finished = {closed(1, 210, 10, 100), closed(2, -95, 5, 100), closed(3, 105, 5, 100)};
        Position cancelled = closed(4, 0, 0, 100);
        cancelled.status = PositionStatus::Cancelled;
        u.finished.append(cancelled); // an entry that never filled is no trade
        report.addUpdate(u);
        QCOMPARE(report.tradeCount(), 3);
        QCOMPARE(report.winRate(), 2.0 / 3.0);
        QCOMPARE(*report.profitFactor(), (200.0 + 100.0) / 100.0);
        QVERIFY(std::abs(report.expectancyR() - (2.0 - 1.0 + 1.0) / 3.0) < 1e-12);
        QCOMPARE(report.netPnl(), 200.0);
        const QJsonObject json = report.toJson();
        QCOMPARE(json.value(QStringLiteral("trades")).toInt(), 3);
        QCOMPARE(json.value(QStringLiteral("trade_list")).toArray().size(), 3);
        QCOMPARE(json.value(QStringLiteral("trade_list"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QStringLiteral("exit"))
                     .toString(),
                 QStringLiteral("stop_loss"));
    }

    void noLosingTradeHasNoProfitFactor()
    {
        BacktestReport report(1000);
        TradingUpdate u;
        u.finished = {closed(1, 50, 1, 100)};
        report.addUpdate(u);
        QVERIFY(!report.profitFactor().has_value());
        QVERIFY(report.toJson().value(QStringLiteral("profit_factor")).isNull());
    }

    void drawdownFromThePeak()
    {
        BacktestReport report(1000);
        for (double equity : {1000.0, 1100.0, 990.0, 1050.0, 1200.0, 1140.0})
            report.addAccount({0, equity, 0, equity});
        QCOMPARE(report.maxDrawdownUsd(), 110.0);
        QCOMPARE(report.maxDrawdown(), 0.1);
    }

    void equityCurveIsBounded()
    {
        BacktestReport report(1000);
        for (int i = 0; i < 100000; ++i)
            report.addAccount({i, 1000.0 + i % 7, 0, 1000.0 + i % 7});
        QVERIFY(report.equityCurve().size() <= BacktestReport::kMaxCurvePoints);
        QVERIFY(report.equityCurve().size() > BacktestReport::kMaxCurvePoints / 4);
        QCOMPARE(report.equityCurve().first().timeMs, 0);
    }

    void statusLine()
    {
        EngineStatus s;
        s.state = EngineState::Managing;
        s.symbols = 300;
        s.lastScanMs = 1704067200000 + 3723000; // 01:02:03 UTC
        s.candidates = 12;
        s.openPositions = 2;
        s.equity = 100123.456;
        QCOMPARE(engineStatusLine(s, 150 * 1024 * 1024),
                 QStringLiteral("managing | 300 symbols | last scan 01:02:03 | 12 candidates | 2 open | equity "
                                "100123.46 | RSS 150.0 MiB"));
        s.lastScanMs = 0;
        QVERIFY(engineStatusLine(s, -1).contains(QStringLiteral("last scan never")));
        QVERIFY(engineStatusLine(s, -1).contains(QStringLiteral("RSS n/a")));
    }

    void presetSectionsReachTheTradingCore()
    {
        Preset p;
        p.risk.riskPerTrade = 0.02;
        p.risk.maxConcurrentPositions = 4;
        p.risk.maxPositionSizeUsd = 5000;
        p.risk.killSwitchLossLimit = 0.12;
        p.execution.maxDepthFraction = 0.1;
        p.execution.takerFeeBps = 5;
        p.execution.makerFeeBps = 1;
        p.execution.deadmanTimeoutMs = 4000;
        p.position.tp1R = 1.2;
        p.position.tp2R = 3.0;
        p.position.maxHoldTimeHours = 8;
        const RiskConfig risk = riskConfigFromPreset(p);
        QCOMPARE(risk.riskPerTrade, 0.02);
        QCOMPARE(risk.maxConcurrentPositions, 4);
        QCOMPARE(risk.maxPositionUsd, 5000.0);
        QCOMPARE(risk.killSwitchLossLimit, 0.12);
        QCOMPARE(risk.maxDepthFraction, 0.1);
        const ExecutionConfig exec = executionConfigFromPreset(p, 25000);
        QCOMPARE(exec.fees.takerBps, 5.0);
        QCOMPARE(exec.fees.makerBps, 1.0);
        QCOMPARE(exec.entryTimeoutMs, qint64(4000));
        QCOMPARE(exec.startingCash, 25000.0);
        const PositionConfig pos = positionConfigFromPreset(p);
        QCOMPARE(pos.tp1R, 1.2);
        QCOMPARE(pos.tp2R, 3.0);
        QCOMPARE(pos.maxHoldHours, 8.0);
    }
};

QTEST_APPLESS_MAIN(TestBacktestReport)
#include "tst_backtestreport.moc"
