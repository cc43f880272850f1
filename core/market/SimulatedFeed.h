#pragma once

#include "common/Clock.h"
#include "market/MarketFeed.h"
#include "market/SimulatedFeedConfig.h"
#include "market/SimulatedMarket.h"

#include <QTimer>

#include <memory>

namespace bw {

// The embedded default market: a SimulatedMarket driven by timers on whatever thread the feed lives on.
//
// start() schedules everything and returns. Then, from the event loop: symbolsReady; the history
// (backfillBars closed bars per symbol) in chunks of about kBackfillCandlesPerBatch candles, each chunk one
// updatesReady batch (closed candles, then tickers and books as of its end) followed by
// backfillProgress(bars done, bars total); backfillFinished; then one live batch per tick (every symbol's
// forming or just-closed candle, ticker and book) every config.tickIntervalMs() of wall time. The simulated
// clock moves one tick per timer event, so a busy machine slows the market down rather than skipping.
class SimulatedFeed final : public MarketFeed
{
    Q_OBJECT

public:
    static constexpr int kBackfillCandlesPerBatch = 20000;

    // Throws std::invalid_argument with a message naming the bad field when the configuration is unusable
    // (check SimulatedFeedConfig::validate() first to report it nicely). A start time <= 0 is taken from
    // the clock, aligned down to the bar interval.
    explicit SimulatedFeed(const SimulatedFeedConfig &config = {}, const Clock &clock = SystemClock::instance(),
                           QObject *parent = nullptr);
    ~SimulatedFeed() override;

    QString sourceName() const override;
    qint64 barIntervalMs() const override;

    void start() override;
    void stop() override;

    bool isRunning() const { return m_state == State::Backfilling || m_state == State::Live; }
    const SimulatedFeedConfig &config() const { return m_market->config(); }
    const SimulatedMarket &market() const { return *m_market; }

private:
    enum class State { Idle, Backfilling, Live, Stopped };

    void begin();
    void backfillChunk();
    void finishBackfill();
    void liveTick();

    std::unique_ptr<SimulatedMarket> m_market;
    QTimer m_backfillTimer;
    QTimer m_liveTimer;
    State m_state = State::Idle;
    bool m_symbolsSent = false;
    int m_backfillDone = 0;
    bool m_backfillFinished = false;
};

} // namespace bw
