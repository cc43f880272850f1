#pragma once

#include "market/CandleSeries.h"
#include "market/MarketTypes.h"
#include "scanner/Preset.h"
#include "scanner/ScanReport.h"
#include "signals/BreakoutHistory.h"
#include "trading/Signal.h"

#include <QList>
#include <QString>

#include <deque>

namespace bw {

class MarketStore;

// Choices the reference does not configure (documented in docs/trading.md, "Signals").
struct SignalEngineSettings {
    int levelsPerSymbol = 2;          // strongest levels tried per candidate (reference: 2)
    int minBars = 21;                 // closed bars needed: the breakout bar plus 20 for the volume median
    int volumeMedianBars = 20;        // bars before the signal bar in the volume median
    int stopLookbackBars = 10;        // momentum stop: lowest low / highest high of these bars
    double momentumStopAtr = 1.2;     // momentum stop at most this many ATRs from entry
    double retestStopAtr = 1.0;       // retest stop: level -/+ this many ATRs
    double maxEntryDistanceAtr = 1.5; // no signal when the achievable entry is further than this from the level
    double retestTouchPct = 0.005;    // the retest bar comes back within 0.5 % of the level
    double retestMinActivity = 0.8;   // mean volume of the last 5 bars / mean of the 15 before
    qint64 retestMaxAgeMs = 24LL * 3600 * 1000; // breakouts older than this are not retested
    double breakoutMatchAtr = 0.25;             // a recorded breakout belongs to a level within this many ATRs
    int maxBreakoutScanBars = 12;               // bars examined for breakouts per symbol and call (bounded work)
    qint64 expiryMs = 15LL * 60 * 1000;         // reference signal timeout
    double duplicateBps = 10; // same symbol and side with entries this close (bps of price) = duplicate
    int maxActive = 50;       // reference: 50 active signals
};

// Why a candidate level gave no signal: the first failed condition (for logs and tests).
struct SignalCheck {
    QString symbol;
    double level = 0;
    SignalStrategy strategy = SignalStrategy::Momentum;
    QString failed; // empty when a signal formed
};

// Turns a scan's candidates and the market store's CLOSED bars into trade signals (original-system.md §5,
// without the bugs of §11 items 7-9, 14, 15, 20): a momentum breakout of the newest closed bar, or a
// retest of a recorded breakout; book imbalance must point the trade's way; the entry is the achievable
// touch (ask for a long, bid for a short) and is refused when it is too far from the level; the stop must be
// on the losing side of the entry; targets come from the initial R; duplicates are judged in bps.
//
// Not thread-safe; lives on the engine thread. Remembers breakouts (bounded) and the active signals it
// emitted (bounded, expired by market time) for duplicate detection.
class SignalEngine final
{
public:
    SignalEngine(const Preset &preset, SignalEngineSettings settings = {});

    void setPreset(const Preset &preset);
    const SignalEngineSettings &settings() const { return m_settings; }

    // Every signal for the report's candidates (one per symbol at most), highest confidence first. Reads
    // the closed bars and books of `store`; nowMs is market time. Records breakouts first, so a breakout
    // seen now can be retested by a later call.
    QList<Signal> evaluate(const ScanReport &report, const MarketStore &store, qint64 nowMs);

    // One candidate against its bars and book (what evaluate() does per symbol).
    std::optional<Signal> evaluateCandidate(const Candidate &candidate, const CandleSeries &bars,
                                            const BookSummary &book, qint64 nowMs);

    // Records breakouts of `levels` in the closed bars not examined yet (at most maxBreakoutScanBars).
    void recordBreakouts(const QString &symbol, const QList<Level> &levels, const CandleSeries &bars, double atr);

    // Momentum and retest rules alone (no duplicate or history bookkeeping beyond reading breakouts).
    std::optional<Signal> momentum(const Candidate &candidate, const Level &level, const CandleSeries &bars,
                                   const BookSummary &book, qint64 nowMs, QString *failed = nullptr) const;
    std::optional<Signal> retest(const Candidate &candidate, const Level &level, const CandleSeries &bars,
                                 const BookSummary &book, qint64 nowMs, QString *failed = nullptr) const;

    // True when an active (unexpired) signal has the same symbol and side and an entry within
    // duplicateBps of this one.
    bool isDuplicate(const Signal &signal, qint64 nowMs) const;
    QList<Signal> activeSignals(qint64 nowMs) const;
    // The engine acted on (or dropped) this signal: it no longer blocks duplicates.
    void release(const QString &signalId);

    const BreakoutHistory &breakouts() const { return m_breakouts; }
    // The last evaluate()'s failed checks, bounded by candidates x levels x strategies.
    const QList<SignalCheck> &lastChecks() const { return m_checks; }

    // Reference confidence weights (§5.2 / §5.3), clamped to [0.1, 1].
    static double momentumConfidence(double scanScore, double volumeRatio, double bodyRatio, double imbalance);
    static double retestConfidence(double scanScore, bool hasBreakout, double hoursSince, int touches,
                                   double activityRatio);

private:
    void expire(qint64 nowMs);
    double medianVolumeBefore(const CandleSeries &bars, int index) const;
    Signal makeSignal(const Candidate &candidate, const Level &level, SignalStrategy strategy, TradeSide side,
                      double entry, double stop, double atr, qint64 nowMs) const;

    Preset m_preset;
    SignalEngineSettings m_settings;
    BreakoutHistory m_breakouts;
    std::deque<Signal> m_active; // oldest first, at most maxActive
    QList<SignalCheck> m_checks;
};

} // namespace bw
