#pragma once

#include "trading/PaperBroker.h"
#include "trading/TradingUpdate.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace bw {

// The engine's states: the reference's (original-system.md §1.4) with the per-scan steps LevelBuilding,
// SignalWait, Sizing and Execution folded into the handling of one finished scan (they run synchronously
// on the engine thread in well under a bar, so they are never observable states of their own). Between
// scans the engine is Managing: open positions are managed on every price update in every running state
// (Managing, Scanning, Paused, Emergency), so a stop is never missed.
enum class EngineState {
    Idle,         // built, not started
    Initializing, // journal restored, market feed loading its history
    Scanning,     // a scan runs on the scanner pool
    Managing,     // between scans: positions managed, the next scan waits for the scan interval
    Paused,       // operator pause: no scans, no entries; positions still managed
    Error,        // the engine cannot run (journal or feed failure); stop() is the way out
    Emergency,    // halted (kill switch or operator halt): no new entries until stopped
    Stopped,
};

QString toCode(EngineState state); // "idle", "initializing", ...

// One state transition, with the reason a user reads.
struct EngineEvent {
    EngineState from = EngineState::Idle;
    EngineState to = EngineState::Idle;
    QString reason;
    qint64 marketTimeMs = 0; // the engine's clock (market time)
};

// What the status line, the UI and the server show. An immutable value published by queued signal.
struct EngineStatus {
    EngineState state = EngineState::Idle;
    QString presetName;
    QString source; // feed name
    int symbols = 0;
    qint64 marketTimeMs = 0;
    qint64 lastScanMs = 0;         // market time the last scan started (0: none yet)
    double lastScanDurationMs = 0; // wall time
    int scans = 0;
    int candidates = 0; // of the last scan
    int signalsTotal = 0;
    int entriesTotal = 0; // signals the risk manager approved and the broker entered
    int openPositions = 0;
    int closedTrades = 0;
    double equity = 0;
    double cash = 0;
    bool killSwitch = false;
    double feedProgress = -1; // replay: share of the recorded bar times delivered, 0-1; -1 unknown
    QString lastReason;       // reason of the last transition
};

// The headless status line: state, symbols, last scan time (market time, UTC), candidates, open positions,
// equity and the process RSS (rssBytes < 0: unknown). One line, no newline.
QString engineStatusLine(const EngineStatus &status, qint64 rssBytes);

} // namespace bw

Q_DECLARE_METATYPE(bw::EngineEvent)
Q_DECLARE_METATYPE(bw::EngineStatus)
Q_DECLARE_METATYPE(bw::TradingUpdate)
Q_DECLARE_METATYPE(bw::AccountSnapshot)
