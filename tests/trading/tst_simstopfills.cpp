#include "common/Clock.h"
#include "market/SimulatedMarket.h"
#include "trading/MarkPathTracker.h"
#include "trading/PaperBroker.h"
#include "trading/PositionBook.h"
#include "trading/PositionManager.h"
#include "trading/PositionSizer.h"

#include <QHash>
#include <QLoggingCategory>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace bw;

namespace {

Candle candleAt(const MarketUpdateBatch &batch, int symbol)
{
    for (const CandleUpdate &c : batch.candles)
        if (c.symbol == symbol)
            return c.candle;
    return {};
}

BookSummary bookAt(const MarketUpdateBatch &batch, int symbol)
{
    for (const BookUpdate &b : batch.books)
        if (b.symbol == symbol)
            return b.book;
    return {};
}

} // namespace

// Paper stops in the live simulated market: positions opened on a seeded SimulatedMarket and managed tick
// by tick the way the engine does (MarkPathTracker over the forming candle, PositionManager, PaperBroker).
class TestSimStopFills : public QObject
{
    Q_OBJECT

private slots:
    void pathSinceThePreviousObservation()
    {
        MarkPathTracker paths;
        Candle c;
        c.openTimeMs = 300000;
        c.open = 100;
        c.high = 103; // made before the entry
        c.low = 97;
        c.close = 100;
        paths.seed(1, c);

        // Same bar, no new extreme: the path runs from the last price seen to the close.
        c.close = 101;
        MarkUpdate m = paths.observe(1, c, 2.0, 0);
        QCOMPARE(m.open, 100.0);
        QCOMPARE(m.low, 100.0);
        QCOMPARE(m.high, 101.0);
        QCOMPARE(m.last, 101.0);
        QCOMPARE(m.atr, 2.0);

        // A new low since: it is on the path; the old high is not.
        c.low = 95;
        c.close = 96;
        m = paths.observe(1, c, 2.0, 0);
        QCOMPARE(m.open, 101.0);
        QCOMPARE(m.low, 95.0);
        QCOMPARE(m.high, 101.0);

        // A newer bar: all of it lies after the previous observation.
        Candle next;
        next.openTimeMs = 600000;
        next.open = 96;
        next.high = 99;
        next.low = 94;
        next.close = 98;
        m = paths.observe(1, next, 2.0, 0);
        QCOMPARE(m.open, 96.0);
        QCOMPARE(m.low, 94.0);
        QCOMPARE(m.high, 99.0);

        // Unknown key: a forming bar is a tick (its extremes may be older than the position), a closed bar
        // that opened after the position is walked whole.
        m = paths.observe(2, next, 2.0, 0);
        QCOMPARE(m.open, 0.0);
        QCOMPARE(m.low, 98.0);
        next.closed = true;
        m = paths.observe(3, next, 2.0, 500000);
        QCOMPARE(m.open, 96.0);
        paths.forget(1);
        paths.forget(2);
        paths.forget(3);
        QCOMPARE(paths.size(), 0);
    }

    // A stopped-out trade loses its 1 R, the fees and the paper slippage (5 bps of the stop) when the book
    // takes the whole stop: never a tick's move beyond the stop.
    void stopsFillWithinSlippageOfTheStop()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("bw.trading.info=false"));
        SimulatedFeedConfig config;
        config.seed = 11;
        config.symbols = 60;
        config.backfillBars = 0;
        config.startTimeMs = 1'700'000'100'000;
        SimulatedMarket market(config);
        ManualClock clock(market.marketTimeMs());

        ExecutionConfig execution;
        PaperBroker broker(execution, clock);
        PositionBook book;
        PositionManager manager(broker, book, PositionConfig{}, clock);
        MarkPathTracker paths;
        for (const SymbolInfo &info : market.symbols())
            broker.setSymbolInfo(info);
        const RiskConfig risk;

        const int n = market.symbolCount();
        std::vector<double> atr(std::size_t(n), 0.0);
        std::vector<double> prevClose(std::size_t(n), 0.0);
        std::vector<int> atrBars(std::size_t(n), 0);
        std::vector<qint64> live(std::size_t(n), 0);

        struct Outcome {
            double lossPerUnit, riskPerUnit, stop, beyondBps;
            int fills;
        };
        std::vector<Outcome> stops;
        QHash<qint64, int> stopFills;
        int opened = 0;
        int tick = 0;
        const auto open = [&](const QString &symbol, int s, int tick, const BookSummary &bookNow, const Candle &candle,
                              double atrNow) -> qint64 {
            Signal sig;
            sig.symbol = symbol;
            sig.side = (tick / 97 + s) % 2 == 0 ? TradeSide::Long : TradeSide::Short;
            sig.entry = sig.side == TradeSide::Long ? bookNow.bestAsk : bookNow.bestBid;
            sig.stop = sig.entry - (sig.side == TradeSide::Long ? 1 : -1) * 1.2 * atrNow;
            sig.atr = atrNow;
            sig.confidence = 0.5;
            sig.id = QStringLiteral("%1:%2").arg(symbol).arg(tick);
            sig.setTargetsFromR(1.5, 2.8);
            if (!(sig.stop > 0))
                return 0;
            const PositionSize size = PositionSizer::compute(risk, broker.equity(), sig.side, sig.entry, sig.stop,
                                                             bookNow, market.symbols().at(s));
            if (!size.isValid())
                return 0;
            const TradingUpdate u = manager.open(sig, size.qty);
            if (u.positions.isEmpty())
                return 0;
            const qint64 id = u.positions.constFirst().id;
            paths.seed(id, candle); // what the bar did before the entry is not the position's path
            ++opened;
            return id;
        };
        for (int bar = 0; bar < 400; ++bar) {
            for (bool closed = false; !closed; ++tick) {
                closed = market.step();
                clock.setNowMs(market.marketTimeMs());
                MarketUpdateBatch batch;
                market.appendCandles(batch);
                market.appendBooks(batch);
                for (int s = 0; s < n; ++s) {
                    const QString symbol = market.symbols().at(s).name;
                    const Candle candle = candleAt(batch, s);
                    const BookSummary bookNow = bookAt(batch, s);
                    const std::size_t k = std::size_t(s);
                    if (live[k] != 0) {
                        const Position *p = book.find(live[k]);
                        const MarkUpdate mark = p && p->status == PositionStatus::Open
                                                    ? paths.observe(live[k], candle, atr[k], p->openedMs)
                                                    : MarkUpdate::tick(candle.close, atr[k]);
                        const TradingUpdate u = manager.onMarket(symbol, bookNow, mark);
                        for (const Fill &f : u.fills)
                            if (f.purpose == OrderPurpose::StopLoss)
                                ++stopFills[f.positionId];
                        for (const Position &done : u.finished) {
                            paths.forget(done.id);
                            live[k] = 0;
                            if (done.exitReason != OrderPurpose::StopLoss) {
                                stopFills.remove(done.id);
                                continue;
                            }
                            const int fills = stopFills.take(done.id);
                            const double sign = done.side == TradeSide::Long ? 1.0 : -1.0;
                            // Exit price from the realised PnL over the exit quantity (one stop for all).
                            const double exit = done.avgEntry + done.realisedPnlUsd / (sign * done.entryQty);
                            stops.push_back({sign * (done.avgEntry - exit), done.initialRiskPerUnit, done.initialStop,
                                             sign * (done.initialStop - exit) / exit * 1e4, fills});
                        }
                    } else {
                        broker.updateBook(symbol, bookNow);
                    }
                    // Opens mid-bar, spread over ticks and symbols: a long or short with a stop 1.2 ATR
                    // away, sized like the engine does.
                    if (live[k] == 0 && atrBars[k] >= 14 && (tick + 7 * s) % 97 == 0 && bookNow.isValid())
                        live[k] = open(symbol, s, tick, bookNow, candle, atr[k]);
                    if (closed) {
                        // ATR(14), EMA form, from the closed bars.
                        const double pc = prevClose[k] > 0 ? prevClose[k] : candle.open;
                        const double tr =
                            std::max({candle.high - candle.low, std::abs(candle.high - pc), std::abs(candle.low - pc)});
                        atr[k] = atrBars[k] == 0 ? tr : atr[k] + (tr - atr[k]) * 2.0 / 15.0;
                        prevClose[k] = candle.close;
                        ++atrBars[k];
                    }
                }
            }
        }

        QVERIFY2(opened >= 100, qPrintable(QString::number(opened)));
        QVERIFY2(stops.size() >= 40, qPrintable(QString::number(stops.size())));
        const double boundBps = execution.paperSlippageBps;
        int singleFill = 0;
        std::vector<double> beyond;
        double worstR = 0;
        for (const Outcome &o : stops) {
            // Never better than the stop.
            QVERIFY2(o.beyondBps >= -1e-6, qPrintable(QString::number(o.beyondBps)));
            if (o.fills != 1)
                continue; // the book could not take the whole stop at once: the rest fills on later books
            ++singleFill;
            beyond.push_back(o.beyondBps);
            const double lossR = o.lossPerUnit / o.riskPerUnit;
            worstR = std::max(worstR, lossR);
            QVERIFY2(o.lossPerUnit <= o.riskPerUnit + o.stop * boundBps / 1e4 + o.stop * 1e-12,
                     qPrintable(QStringLiteral("lost %1 R, %2 bps beyond the stop").arg(lossR).arg(o.beyondBps)));
        }
        // The normal case: the book absorbs the stop.
        QVERIFY2(singleFill >= int(stops.size()) * 9 / 10, qPrintable(QString::number(singleFill)));
        std::sort(beyond.begin(), beyond.end());
        const double median = beyond[beyond.size() / 2];
        qInfo("%d positions, %d stopped out (%d in one fill): fill beyond the stop median %.1f bps, max %.1f bps; "
              "worst loss %.2f R before fees",
              opened, int(stops.size()), singleFill, median, beyond.back(), worstR);
        QVERIFY(median <= execution.paperSlippageBps + 0.1);
    }
};

QTEST_APPLESS_MAIN(TestSimStopFills)
#include "tst_simstopfills.moc"
