#pragma once

#include "market/Candle.h"
#include "market/MarketTypes.h"
#include "trading/PaperBroker.h"
#include "trading/PositionBook.h"
#include "trading/PositionConfig.h"
#include "trading/Signal.h"
#include "trading/TradingUpdate.h"

#include <QHash>
#include <QString>

namespace bw {

class Clock;

// One price observation for position management: a tick (high = low = last) or a bar.
struct MarkUpdate {
    double last = 0;
    double high = 0;
    double low = 0;
    double atr = 0; // current ATR in price units; 0 keeps the last known one
    // A bar's open: with it the bar is walked as a path (see PositionManager); without it (0) the range is
    // one observation whose exits fill against the book.
    double open = 0;

    static MarkUpdate tick(double price, double atr = 0) { return {price, price, price, atr, 0}; }
    static MarkUpdate bar(const Candle &candle, double atr = 0)
    {
        return {candle.close, candle.high, candle.low, atr, candle.open};
    }
};

// Turns signals into positions and manages them on every price update. Every exit is a reduce-only order
// through the PaperBroker, so exits return cash and pay fees like entries do.
//
// Rules, checked in this order on every update of a symbol (original-system.md §6.5 without the bugs of
// §11: stops are checked, R is frozen, exits are orders):
//   1. stop: the bar's low (long) or high (short) crosses the current stop -> triggered stop-market order
//      for everything left, filled at the stop or worse; reported as stop_loss, breakeven or
//      trailing_stop after the rule that placed the stop;
//   2. maximum hold time -> market order for everything left;
//   3. TP1 at avgEntry +/- tp1R * initial R: reduce-only limit for tp1SizePct of the entry quantity; once
//      filled the stop moves to breakeven (entry +/- round-trip taker fees + paperSlippageBps + breakevenExtraBps);
//      TP2 at tp2R * initial R (after TP1): limit for tp2SizePct of the entry quantity;
//   4. chandelier trail (after TP1 unless trailAfterTp1 is off): highest high since entry - k * ATR for a
//      long (lowest low + k * ATR for a short), moved only when it tightens; applies from the next update.
// A bar (MarkUpdate with an open) is walked as the path open -> adverse extreme -> favourable extreme ->
// close (low before high for a long, high before low for a short: the conservative order, so a bar that
// spans both the stop and a target stops out). At each point the rules above run; an exit reached inside
// the bar fills at its own price (the stop or the target), one reached at the open (the bar gapped
// through it) at the open; fills after the first come from the books. A range without an open is one
// observation: a stop and a target crossed by it count as the stop, and exits fill against the book.
//
// Not thread-safe; lives on the engine thread.
class PositionManager final
{
public:
    PositionManager(PaperBroker &broker, PositionBook &book, const PositionConfig &config, const Clock &clock);

    const PositionConfig &config() const { return m_config; }
    void setConfig(const PositionConfig &config) { m_config = config; }

    // Sends the entry market order for an approved signal. Refused (empty update, *error set) when the
    // signal is invalid, qty is not positive or a position in that symbol is already live. The order's
    // note names the signal and, when given, the preset that produced it.
    TradingUpdate open(const Signal &signal, double qty, QString *error = nullptr, const QString &preset = {});

    // A new book snapshot and price for `symbol`: resting orders fill first, then the rules run.
    TradingUpdate onMarket(const QString &symbol, const BookSummary &book, const MarkUpdate &mark);
    // Same, with the book mid as the price.
    TradingUpdate onBook(const QString &symbol, const BookSummary &book);
    // Time-only rules (entry timeout, maximum hold) for every live position, against the last books.
    TradingUpdate onTimer();

    // Closes one position at market (manual) or every live one (e.g. the kill switch's flatten). `note`
    // says why on each exit order (who asked, the operator's words); empty: a default for the purpose.
    TradingUpdate close(qint64 positionId, OrderPurpose purpose = OrderPurpose::Manual, const QString &note = {});
    TradingUpdate flattenAll(OrderPurpose purpose, const QString &note = {});

    // Breakeven stop for a long or short entered at avgEntry.
    double breakevenPrice(TradeSide side, double avgEntry) const;

private:
    struct Step; // collects one call's changes

    void apply(const BrokerResult &result, Step &step);
    void manage(qint64 positionId, const MarkUpdate &mark, Step &step);
    // Where an observation lies: off a bar's path (exits fill against the book), the bar's open (exits due
    // there fill at the open) or a later point reached continuously (exits fill at their own price).
    enum class PathPoint { None, Open, Inside };
    // Stop, then targets, against [lo, hi]; true when a full exit is working (nothing more to do).
    bool checkExits(qint64 positionId, double hi, double lo, PathPoint point, Step &step);
    void checkTime(qint64 positionId, Step &step);
    void exitAll(qint64 positionId, OrderPurpose purpose, Step &step, double pathPrice = 0, const QString &note = {});
    // The note of a full exit that the caller did not word: the rule that fired, with its level.
    QString exitNote(const Position &position, OrderPurpose purpose) const;
    void sendTakeProfit(qint64 positionId, OrderPurpose purpose, double price, double fraction, Step &step,
                        double pathPrice = 0);
    void touch(const Position &position, Step &step);
    TradingUpdate finish(Step &step);

    PaperBroker &m_broker;
    PositionBook &m_book;
    PositionConfig m_config;
    const Clock &m_clock;
};

} // namespace bw
