#include "common/Clock.h"
#include "trading/RiskManager.h"

#include <QDateTime>
#include <QTest>

using namespace bw;

namespace {

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

Signal makeSignal(const QString &symbol, double btcCorrelation = 0.0)
{
    Signal s;
    s.id = symbol + QStringLiteral(":momentum:1");
    s.symbol = symbol;
    s.side = TradeSide::Long;
    s.entry = 100;
    s.stop = 95;
    s.level = 99.5;
    s.confidence = 0.7;
    s.btcCorrelation = btcCorrelation;
    s.setTargetsFromR(1.5, 2.8);
    return s;
}

BookSummary deepBook()
{
    BookSummary b;
    b.bestBid = 99.99;
    b.bestAsk = 100.01;
    b.askDepth03 = 1e7;
    b.bidDepth03 = 1e7;
    return b;
}

SymbolInfo symbolInfo(const QString &name)
{
    SymbolInfo s;
    s.name = name;
    s.lotSize = 0.001;
    return s;
}

PortfolioSnapshot emptyPortfolio(double equity)
{
    PortfolioSnapshot p;
    p.equity = equity;
    return p;
}

} // namespace

class TestRiskManager : public QObject
{
    Q_OBJECT

private:
    RiskDecision evaluate(RiskManager &risk, double equity, const PortfolioSnapshot *portfolio = nullptr,
                          const Signal &signal = makeSignal(QStringLiteral("ETHUSDT")))
    {
        const PortfolioSnapshot p = portfolio ? *portfolio : emptyPortfolio(equity);
        return risk.evaluate(signal, symbolInfo(signal.symbol), deepBook(), p);
    }

private slots:
    void approvesAndSizes()
    {
        ManualClock clock(utc("2026-11-27T10:00:00.000Z"));
        RiskManager risk(RiskConfig{}, clock);
        const RiskDecision d = evaluate(risk, 100000);
        QVERIFY2(d.approved(), qPrintable(d.reason));
        QCOMPARE(d.code(), QStringLiteral("none"));
        QCOMPARE(d.size.qty, 300.0);
        QCOMPARE(d.size.riskUsd, 1500.0);
    }

    void maxPositionsCountsEntriesInFlight()
    {
        ManualClock clock(utc("2026-11-27T10:00:00.000Z"));
        RiskManager risk(RiskConfig{}, clock); // max 3
        PortfolioSnapshot p = emptyPortfolio(100000);
        p.openPositions = 2;
        p.openNotional = 20000;
        QVERIFY(evaluate(risk, 100000, &p).approved());

        p.entriesInFlight = 1; // 2 open + 1 in flight = 3: full, although only 2 are open
        RiskDecision d = evaluate(risk, 100000, &p);
        QCOMPARE(d.rejection, RiskRejection::MaxPositions);
        QCOMPARE(d.code(), QStringLiteral("max_positions"));
        QVERIFY2(d.reason.contains(QStringLiteral("maximum is 3")), qPrintable(d.reason));

        p.entriesInFlight = 0;
        p.openPositions = 3; // exactly at the maximum is full (>=, not >)
        QCOMPARE(evaluate(risk, 100000, &p).rejection, RiskRejection::MaxPositions);
    }

    void duplicateSymbolIsRefused()
    {
        ManualClock clock(utc("2026-11-27T10:00:00.000Z"));
        RiskManager risk(RiskConfig{}, clock);
        PortfolioSnapshot p = emptyPortfolio(100000);
        p.entriesInFlight = 1;
        p.liveSymbols = {QStringLiteral("ETHUSDT")};
        const RiskDecision d = evaluate(risk, 100000, &p);
        QCOMPARE(d.rejection, RiskRejection::DuplicateSymbol);
        QVERIFY(d.reason.contains(QStringLiteral("ETHUSDT")));
    }

    void dailyLossLimitResetsExactlyAtUtcMidnight()
    {
        ManualClock clock(utc("2026-11-27T10:00:00.000Z"));
        RiskManager risk(RiskConfig{}, clock); // daily limit 8 %
        risk.updateEquity(100000);
        QCOMPARE(risk.dailyBaseline(), 100000.0);

        // An intraday gain does not move the baseline (the reference reset it on any gain).
        risk.updateEquity(105000);
        risk.updateEquity(96000); // 4 % below the baseline, 8.6 % below the intraday high
        QCOMPARE(risk.dailyBaseline(), 100000.0);
        QVERIFY(!risk.isDailyLimitHit());
        QVERIFY(evaluate(risk, 96000).approved());

        // A loss beyond 10 % does not reset it either (the reference did).
        clock.setNowMs(utc("2026-11-27T18:00:00.000Z"));
        risk.updateEquity(88000);
        QVERIFY(risk.isDailyLimitHit());
        RiskDecision d = evaluate(risk, 88000);
        QCOMPARE(d.rejection, RiskRejection::DailyLossLimit);
        QCOMPARE(d.code(), QStringLiteral("daily_loss_limit"));
        QVERIFY2(d.reason.contains(QStringLiteral("2026-11-28T00:00:00")), qPrintable(d.reason));
        QCOMPARE(risk.dailyBaseline(), 100000.0);

        // Latched for the rest of the day, even when equity recovers.
        clock.setNowMs(utc("2026-11-27T23:59:59.999Z"));
        d = evaluate(risk, 99000);
        QCOMPARE(d.rejection, RiskRejection::DailyLossLimit);

        // 00:00:00.000 UTC: a new day with the equity held across midnight as its baseline.
        clock.setNowMs(utc("2026-11-28T00:00:00.000Z"));
        d = evaluate(risk, 99000);
        QVERIFY2(d.approved(), qPrintable(d.reason));
        QCOMPARE(risk.dailyBaseline(), 99000.0);
        QVERIFY(!risk.isDailyLimitHit());

        // Exactly the limit from the new baseline trips it again.
        risk.updateEquity(99000 * (1 - 0.08));
        QVERIFY(risk.isDailyLimitHit());
    }

    void baselineIsTheEquityHeldAcrossMidnight()
    {
        ManualClock clock(utc("2026-11-27T23:00:00.000Z"));
        RiskManager risk(RiskConfig{}, clock);
        risk.updateEquity(100000);
        risk.updateEquity(97000);
        // The first update of the day comes late, after a loss made today: today's baseline is still the
        // equity at midnight, so that loss counts against today.
        clock.setNowMs(utc("2026-11-28T00:30:00.000Z"));
        risk.updateEquity(89000);
        QCOMPARE(risk.dailyBaseline(), 97000.0);
        QVERIFY(risk.isDailyLimitHit()); // 8.2 % below 97 000
    }

    void killSwitchTripsAndStaysTripped()
    {
        ManualClock clock(utc("2026-11-27T10:00:00.000Z"));
        RiskConfig config;
        config.dailyRiskLimit = 0.5; // keep the daily limit out of the way
        RiskManager risk(config, clock);
        QVERIFY(!risk.updateEquity(100000));
        QVERIFY(!risk.updateEquity(120000)); // new peak
        QVERIFY(!risk.updateEquity(99000));  // 17.5 % below the peak
        QVERIFY(!risk.isKillSwitchTripped());
        QVERIFY(risk.updateEquity(98000)); // 18.3 %: trips, and says so exactly once
        QVERIFY(risk.isKillSwitchTripped());
        QVERIFY(!risk.updateEquity(97000));
        QVERIFY(risk.killSwitchReason().contains(QStringLiteral("120000.00")));

        // Recovery, a new day: still tripped until an operator resets it.
        QVERIFY(!risk.updateEquity(130000));
        clock.setNowMs(utc("2026-11-29T10:00:00.000Z"));
        RiskDecision d = evaluate(risk, 130000);
        QCOMPARE(d.rejection, RiskRejection::KillSwitch);
        QCOMPARE(d.code(), QStringLiteral("kill_switch"));
        QVERIFY2(d.reason.contains(QStringLiteral("operator")), qPrintable(d.reason));

        // The state survives a restart through RiskState.
        RiskManager restarted(config, clock);
        restarted.restoreState(RiskState::fromJson(risk.state().toJson()));
        QVERIFY(restarted.isKillSwitchTripped());
        QCOMPARE(evaluate(restarted, 130000).rejection, RiskRejection::KillSwitch);

        // A trip noticed inside evaluate() is reported there too.
        RiskManager other(config, clock);
        QVERIFY(!other
                     .evaluate(makeSignal(QStringLiteral("ETHUSDT")), symbolInfo(QStringLiteral("ETHUSDT")), deepBook(),
                               emptyPortfolio(100000))
                     .killSwitchTripped);
        const RiskDecision tripped =
            other.evaluate(makeSignal(QStringLiteral("ETHUSDT")), symbolInfo(QStringLiteral("ETHUSDT")), deepBook(),
                           emptyPortfolio(80000));
        QVERIFY(tripped.killSwitchTripped);
        QCOMPARE(tripped.rejection, RiskRejection::KillSwitch);

        risk.resetKillSwitch(130000);
        QVERIFY(evaluate(risk, 130000).approved());
    }

    void cooldownAfterConsecutiveLosses()
    {
        ManualClock clock(utc("2026-11-27T10:00:00.000Z"));
        RiskConfig config; // 5 losses, 60 minutes
        RiskManager risk(config, clock);
        for (int i = 0; i < 4; ++i)
            risk.onTradeClosed(-100);
        risk.onTradeClosed(+50); // a win breaks the streak
        QCOMPARE(risk.consecutiveLosses(), 0);
        for (int i = 0; i < 4; ++i)
            risk.onTradeClosed(-100);
        QVERIFY(evaluate(risk, 100000).approved());
        risk.onTradeClosed(-100); // fifth in a row
        QVERIFY(risk.isCoolingDown());
        RiskDecision d = evaluate(risk, 100000);
        QCOMPARE(d.rejection, RiskRejection::Cooldown);
        QCOMPARE(d.code(), QStringLiteral("cooldown"));
        QVERIFY2(d.reason.contains(QStringLiteral("11:00:00")), qPrintable(d.reason));

        clock.setNowMs(utc("2026-11-27T10:59:59.999Z"));
        QCOMPARE(evaluate(risk, 100000).rejection, RiskRejection::Cooldown);
        clock.setNowMs(utc("2026-11-27T11:00:00.000Z"));
        QVERIFY(evaluate(risk, 100000).approved());
        // The streak starts again from zero after a cooldown.
        risk.onTradeClosed(-100);
        QVERIFY(!risk.isCoolingDown());
    }

    void correlationExposure()
    {
        ManualClock clock(utc("2026-11-27T10:00:00.000Z"));
        RiskManager risk(RiskConfig{}, clock); // |corr| > 0.4 is correlated, share <= 60 %
        const Signal correlated = makeSignal(QStringLiteral("SOLUSDT"), -0.85);
        const Signal independent = makeSignal(QStringLiteral("XMRUSDT"), 0.1);

        // The first position of the book may be correlated.
        QVERIFY(evaluate(risk, 100000, nullptr, correlated).approved());

        // One correlated position open: another correlated 30 000 would make all of it correlated.
        PortfolioSnapshot p = emptyPortfolio(100000);
        p.openPositions = 1;
        p.openNotional = 30000;
        p.correlatedNotional = 30000;
        RiskDecision d = evaluate(risk, 100000, &p, correlated);
        QCOMPARE(d.rejection, RiskRejection::Correlation);
        QCOMPARE(d.code(), QStringLiteral("correlation"));
        QVERIFY2(d.reason.contains(QStringLiteral("0.85")) && d.reason.contains(QStringLiteral("100.00%")),
                 qPrintable(d.reason));
        QVERIFY(evaluate(risk, 100000, &p, independent).approved());

        // Enough uncorrelated notional: 30 000 correlated of 60 000 = 50 % <= 60 %.
        p.correlatedNotional = 0;
        QVERIFY(evaluate(risk, 100000, &p, correlated).approved());
    }

    void malformedAndExpiredSignals()
    {
        ManualClock clock(utc("2026-11-27T10:00:00.000Z"));
        RiskManager risk(RiskConfig{}, clock);
        Signal wrongSide = makeSignal(QStringLiteral("ETHUSDT"));
        wrongSide.stop = 101; // above a long's entry
        RiskDecision d = evaluate(risk, 100000, nullptr, wrongSide);
        QCOMPARE(d.rejection, RiskRejection::InvalidSignal);
        QVERIFY2(d.reason.contains(QStringLiteral("not below the entry")), qPrintable(d.reason));

        Signal expired = makeSignal(QStringLiteral("ETHUSDT"));
        expired.expiresMs = clock.nowMs();
        d = evaluate(risk, 100000, nullptr, expired);
        QCOMPARE(d.rejection, RiskRejection::SignalExpired);
        QCOMPARE(d.code(), QStringLiteral("signal_expired"));

        BookSummary empty;
        d = risk.evaluate(makeSignal(QStringLiteral("ETHUSDT")), symbolInfo(QStringLiteral("ETHUSDT")), empty,
                          emptyPortfolio(100000));
        QCOMPARE(d.rejection, RiskRejection::NoDepth);
        QVERIFY(!d.reason.isEmpty());
    }

    void everyRejectionHasACode()
    {
        for (int i = int(RiskRejection::None); i <= int(RiskRejection::BelowMinNotional); ++i) {
            const QString code = toCode(RiskRejection(i));
            QVERIFY(!code.isEmpty());
            QVERIFY(code != QStringLiteral("unknown"));
        }
    }
};

QTEST_APPLESS_MAIN(TestRiskManager)
#include "tst_riskmanager.moc"
