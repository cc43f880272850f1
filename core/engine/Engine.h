#pragma once

#include "common/Clock.h"
#include "common/MemoryPressure.h"
#include "engine/EngineTypes.h"
#include "engine/RuntimeTuning.h"
#include "market/Candle.h"
#include "market/MarketTypes.h"
#include "scanner/Preset.h"
#include "scanner/ScanReport.h"
#include "scanner/Scanner.h"
#include "signals/SignalEngine.h"
#include "trading/MarkPathTracker.h"
#include "trading/Signal.h"
#include "trading/TradingUpdate.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <memory>

namespace bw {

class Journal;
class MarketFeed;
class MarketScanSource;
class MarketService;
class PaperBroker;
class PositionBook;
class PositionManager;
class RiskManager;
class ReplayFeed;
struct MarketUpdateBatch;
struct SymbolInfo;

struct EngineConfig {
    Preset preset;
    QString journalPath;     // empty: no journal (nothing survives a restart)
    double startingCash = 0; // <= 0: the trading core's default (100 000)
    int storeCapacity = 500; // closed base bars per symbol
    ScannerSettings scanner;
    SignalEngineSettings signalSettings;
    // Replay: one feed batch in flight at a time and the feed waits while a scan runs, so that the same
    // recorded data always meets the same scans and gives the same trades (needs a ReplayFeed).
    bool lockstep = false;
    int statusIntervalMs = 1000; // wall time between periodic status publications
    // Memory pressure for the scanner's batch size (the pressure governor); null: always Normal.
    const PressureSource *pressure = nullptr;
};

// The trading engine: owns the market (MarketService with its feed and store), the Scanner, the
// SignalEngine and the trading core (RiskManager, PaperBroker, PositionBook, PositionManager, Journal), and
// drives them in the order docs/trading.md describes. A QObject meant to live on its own thread: the
// composition root creates it, moves it to a QThread and calls the control slots through queued calls. The
// engine builds its parts in start(), on its own thread.
//
// Time is market time: the engine's clock follows the newest batch's marketTimeMs, so the scan interval,
// signal expiry, hold times and the daily loss baseline all run at the feed's pace (a simulated feed with
// speed-up 150 scans 150 times as often in wall time; a replay at full speed as fast as it goes), and a
// replay is deterministic. Scans start when market time reaches the preset's scan_interval_seconds after
// the last scan's start; the store is held (MarketService::holdUpdates) while a scan reads it.
//
// Every transition emits stateChanged and is written to the journal's engine_events with its reason.
class Engine final : public QObject
{
    Q_OBJECT

public:
    // Takes ownership of feed.
    Engine(const EngineConfig &config, MarketFeed *feed, QObject *parent = nullptr);
    ~Engine() override;

    EngineState state() const { return m_state; }
    EngineStatus status() const;
    const EngineConfig &config() const { return m_config; }
    const Clock &clock() const { return m_clock; }
    qint64 scanIntervalMs() const;
    // The cash a new journal (or a run without one) starts with; <= 0: the trading core's default. Only
    // before start(): a restored journal keeps its own cash.
    void setStartingCash(double cash);

    // Engine-thread accessors (tests, the replay report). Null before start().
    const MarketService *market() const { return m_service; }
    const PositionBook *positions() const { return m_book.get(); }
    const PaperBroker *broker() const { return m_broker.get(); }
    const RiskManager *risk() const { return m_risk.get(); }
    Journal *journal() const { return m_journal.get(); }

public slots:
    // Settings applied live: the scan interval (market time; <= 0 returns to the preset's), the scanner's
    // thread count and batches in flight (from the next scan on). Memory thresholds go to the pressure
    // governor and the resource monitor, not here.
    void applyTuning(const bw::RuntimeTuning &tuning);
    // Idle/Stopped -> Initializing: opens and restores the journal, starts the feed. Error when the journal
    // cannot be opened (the file is left untouched).
    void start();
    // No scans and no entries until resume(); positions are still managed.
    void pause(const QString &reason = {});
    void resume(const QString &reason = {});
    // Stops scans, the feed and the timers; positions stay in the journal for the next start.
    void stop(const QString &reason = {});
    // Kill switch: no new entries; every open position is closed at market. Only stop() leaves it.
    void halt(const QString &reason = {});
    // Starts a scan at once instead of waiting for the scan interval (the interval then counts from this
    // scan). Only between scans with the market loaded; otherwise commandRefused("engine.scan_now", why).
    void scanNow();
    // Switches to the preset `name` (PresetLoader::load: a user preset of that name, else a shipped one) for
    // the following scans, signals and risk checks; a scan already running finishes under the old one. The
    // switch is journalled and the status names the new preset. An unknown or invalid preset is refused
    // with commandRefused("engine.preset", the loader's message) and the current preset stays.
    void selectPreset(const QString &name);
    // Answers with candlesReady(symbol, the last `count` closed base bars, oldest first): empty for a
    // symbol the market does not have, before the market is loaded, or for count <= 0.
    void requestCandles(const QString &symbol, int count);

    // Operator actions on the trading, each journalled (engine_events, besides the orders and positions it
    // changes) and published as tradingUpdated/accountUpdated. What cannot be done now is refused with
    // commandRefused(protocol name, why): an engine that does not run, a market still loading, nothing to act
    // on. `reason` (who asked, why) goes to the journal and the log; empty: "by the operator". The exit
    // orders carry it as their note: "closed by <reason>", "flatten all by <reason>", the halt's reason.
    //
    // position.close: closes one live position at market (order purpose Manual; an entry not filled yet is
    // cancelled). Refused for an unknown or finished position, or one whose full exit is already working.
    void closePosition(qint64 positionId, const QString &reason = {});
    // positions.flatten: closes every live position at market (purpose Manual). Entries continue: to stop
    // them too, haltTrading().
    void flattenAll(const QString &reason = {});
    // risk.halt: the kill switch by hand, halt(): no new entries, every position closed (purpose KillSwitch).
    void haltTrading(const QString &reason = {});
    // risk.reset: clears a tripped kill switch (the drawdown is measured again from the current equity) and
    // leaves the Emergency state, so that entries resume. Refused when neither is set.
    void resetKillSwitch(const QString &reason = {});

signals:
    void stateChanged(const bw::EngineEvent &event);
    void statusChanged(const bw::EngineStatus &status);
    void scanFinished(bw::ScanReportPtr report);
    void signalsGenerated(const QList<bw::Signal> &signalList);
    // One signal's fate: approved (entered) or rejected with the risk manager's code and reason.
    void signalDecided(const bw::Signal &signal, bool entered, const QString &code, const QString &reason);
    void tradingUpdated(const bw::TradingUpdate &update);
    // The account after every trading step (after tradingUpdated).
    void accountUpdated(const bw::AccountSnapshot &account);
    // Relayed from the MarketService (about once a second): what the market overview and status line show.
    void overviewReady(const bw::MarketOverview &overview);
    // The feed has no more data (a replay reached its end).
    void marketFinished();
    // A command the engine cannot carry out now: its protocol name ("engine.scan_now", "engine.preset",
    // "position.close", "positions.flatten", "risk.halt", "risk.reset") and why.
    void commandRefused(const QString &command, const QString &reason);
    void candlesReady(const QString &symbol, const QList<bw::Candle> &candles);

private:
    void build();
    void transition(EngineState to, const QString &reason);
    bool isRunning() const;
    bool entriesAllowed() const;
    void onSymbols(int count);
    void onBatch(const MarketUpdateBatch &batch);
    void onBackfillFinished();
    void onFeedError(const QString &message);
    void onFeedFinished();
    void maybeScan();
    void onScanStarted();
    void onScanFinished(const ScanReportPtr &report);
    void handleSignals(const QList<Signal> &signalList);
    void apply(const TradingUpdate &update);
    void checkEquity();
    void publishStatus();
    void acknowledgeFeed();
    void applyPreset();
    void refuse(const QString &command, const QString &reason);
    // Why an operator action on the trading cannot run now (empty: it can).
    QString tradingUnavailable() const;
    // The market's newest book for every live position's symbol goes to the broker first, so that a manual
    // exit fills against the market as it is, not as the last position update saw it.
    void refreshBooks();
    void journalAction(const QString &kind, const QString &message, const QJsonObject &data);

    EngineConfig m_config;
    ManualClock m_clock;
    MarketFeed *m_feed = nullptr;       // owned through m_service once built
    MarketService *m_service = nullptr; // child
    Scanner *m_scanner = nullptr;       // child
    ReplayFeed *m_replay = nullptr;     // m_feed when it is a replay in lockstep
    std::unique_ptr<MarketScanSource> m_source;
    std::unique_ptr<SignalEngine> m_signals;
    std::unique_ptr<RiskManager> m_risk;
    std::unique_ptr<PaperBroker> m_broker;
    std::unique_ptr<PositionBook> m_book;
    std::unique_ptr<PositionManager> m_manager;
    MarkPathTracker m_paths; // per live position: the candle seen last, to walk the path between updates
    std::unique_ptr<Journal> m_journal;
    QTimer *m_statusTimer = nullptr;

    EngineState m_state = EngineState::Idle;
    QString m_lastReason;
    bool m_marketReady = false;
    qint64 m_nextScanMs = 0;
    qint64 m_lastScanMs = 0;
    qint64 m_scanIntervalOverrideMs = 0; // applyTuning; 0: the preset's interval
    double m_lastScanWallMs = 0;
    int m_scans = 0;
    int m_lastCandidates = 0;
    int m_signalsTotal = 0;
    int m_entries = 0;
    int m_closedTrades = 0;
    int m_unacknowledged = 0;
    bool m_presetPending = false; // m_config.preset changed while a scan ran: apply when it ends
};

} // namespace bw
