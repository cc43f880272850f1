#pragma once

#include "market/CandleFileTypes.h"
#include "market/MarketFeed.h"
#include "market/ReplayBookEstimator.h"
#include "market/ReplayTickerWindow.h"

#include <QElapsedTimer>
#include <QTimer>

#include <memory>
#include <vector>

namespace bw {

class CandleFileReader;

struct ReplayConfig {
    QString path;               // a folder of *.csv / *.jsonl files, or one such file
    CandleReadOptions read;     // bad-line policy and limits
    double barsPerSecond = 0;   // bar times per wall-clock second; <= 0: as fast as possible
    int backfillBars = 0;       // the first K bar times are delivered as backfill (indicators warm up)
    int chunkBarTimes = 64;     // bar times emitted per event-loop turn at full speed and in backfill
    int maxBatchesInFlight = 0; // > 0: pause after this many batches until acknowledge() (cross-thread use)
    ReplayBookModel book;       // how the order book is estimated from each bar
};

// Replays recorded candles (docs/data-format.md) as a MarketFeed: one MarketUpdateBatch per bar time,
// holding every symbol that has a bar at that time, in global time order, with a 24 h ticker computed from
// the replayed bars and an estimated book (BookSummary::estimated is set). Everything runs on the feed's
// thread through its event loop, so start() returns at once and nothing blocks for long: files are loaded
// one per event-loop turn, full speed goes chunk by chunk, paced speed on a timer. (No worker thread: the
// engine has nothing to do before the symbols are known, and the feed stays free of cross-thread state.)
//
// Signals: symbolsReady, [feedError for lines skipped under SkipBadLines], backfill batches with
// backfillProgress, backfillFinished (always, also with no backfill), live batches, finished.
// A load that fails emits feedError with the report (first problems and how many more) and finished.
// stop() ends the replay without finished(). Deterministic: the same files give the same batches.
class ReplayFeed final : public MarketFeed
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Backfilling, Replaying, Finished, Failed, Stopped };
    Q_ENUM(State)

    explicit ReplayFeed(ReplayConfig config, QObject *parent = nullptr);
    ~ReplayFeed() override;

    QString sourceName() const override;
    qint64 barIntervalMs() const override; // 0 until the data is loaded
    void start() override;
    void stop() override;

    State state() const { return m_state; }
    bool isPaused() const { return m_paused; }
    // How the load went: issue list, counts, interval (valid once symbolsReady or feedError came).
    const CandleLoadResult &loadResult() const { return m_data; }
    int barTimesTotal() const { return int(m_times.size()); }
    int barTimesEmitted() const { return int(m_next); }
    void setBarsPerSecond(double barsPerSecond);

public slots:
    void pause();
    void resume();
    // With maxBatchesInFlight > 0: the consumer has processed `batches` more batches.
    void acknowledge(int batches = 1);

private:
    void loadNextFile();
    void onLoaded();
    void schedule();
    void pump();
    void emitBarTime(qint64 timeMs);
    void finishReplay();
    bool blocked() const;
    void restartPacing();

    ReplayConfig m_config;
    State m_state = State::Idle;
    bool m_paused = false;

    std::unique_ptr<CandleFileReader> m_reader; // while loading
    QStringList m_pendingFiles;

    CandleLoadResult m_data;
    std::vector<qint64> m_times;     // distinct bar open times, ascending
    std::vector<qsizetype> m_cursor; // per symbol: next candle to replay
    std::vector<ReplayTickerWindow> m_tickers;
    qsizetype m_next = 0; // next index into m_times
    qsizetype m_backfillEnd = 0;
    int m_inFlight = 0;

    quint64 m_generation = 0; // invalidates queued pump calls after stop()/pause()
    bool m_pumpQueued = false;
    QTimer m_pacer;
    QElapsedTimer m_paceClock;
    qsizetype m_paceBase = 0; // m_next when m_paceClock started
};

} // namespace bw
