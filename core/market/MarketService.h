#pragma once

#include "market/MarketFeed.h"
#include "market/MarketStore.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <optional>

namespace bw {

// Owns a market feed and the MarketStore, and keeps the store up to date from the feed's batches. Lives
// on the engine thread together with its feed (the feed is its child, so moving the service moves both).
//
// Publishes overviewReady about once a second (and once when the backfill ends), and barsClosed after
// every applied batch in which some base bar closed (backfill batches included; isBackfilling() tells).
//
// holdUpdates() / releaseUpdates(): while held, batches are queued instead of applied, so the store stays
// unchanged for readers on other threads (a scan). The queue is bounded: beyond kMaxPendingBatches the
// queued batches are merged into one that keeps every closed bar (at most the store capacity per symbol,
// older ones would fall out of the ring anyway) and only the newest forming bar, ticker and book.
class MarketService final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxPendingBatches = 32;
    static constexpr int kDefaultOverviewIntervalMs = 1000;

    // Takes ownership of feed (reparents it to the service). capacity: closed base bars per symbol.
    explicit MarketService(MarketFeed *feed, int capacity = MarketStore::kDefaultCapacity, QObject *parent = nullptr);
    ~MarketService() override;

    const MarketStore &store() const { return m_store; }
    MarketFeed *feed() const { return m_feed; }

    // The overview as of now (what overviewReady carries).
    MarketOverview overview() const;

    bool isBackfilling() const { return m_backfilling; }
    bool isBackfillFinished() const { return m_backfillFinished; }
    void setOverviewIntervalMs(int ms);
    int overviewIntervalMs() const { return m_overviewTimer.interval(); }

    // Nested holds are counted; updates resume when every hold is released.
    void holdUpdates();
    void releaseUpdates();
    bool isHeld() const { return m_holds > 0; }
    int pendingBatchCount() const { return static_cast<int>(m_pending.size()); }
    // How many times queued batches were merged to keep the queue bounded.
    qint64 mergeCount() const { return m_merges; }

    // Merges batches (oldest first) into one: per symbol, the closed candles in order (the newest
    // maxClosedPerSymbol of them), then the newest forming candle if it is newer than those; the newest
    // ticker and book. Candles for symbols outside [0, symbolCount) are dropped.
    static MarketUpdateBatch mergeBatches(const QList<MarketUpdateBatch> &batches, int symbolCount,
                                          int maxClosedPerSymbol);

public slots:
    // Starts the feed and the overview timer; call on the service's thread.
    void start();
    void stop();

signals:
    void overviewReady(const bw::MarketOverview &overview);
    void barsClosed(const QList<int> &symbols);
    void symbolsChanged(int count);
    void backfillFinished();
    void feedError(const QString &message);
    void feedFinished();

private:
    void onSymbols(const QList<bw::SymbolInfo> &symbols);
    void onBatch(const bw::MarketUpdateBatch &batch);
    void onBackfillProgress(int done, int total);
    void onBackfillFinished();
    void applyBatch(const MarketUpdateBatch &batch);
    void publishOverview();

    MarketFeed *m_feed;
    MarketStore m_store;
    QTimer m_overviewTimer;
    int m_holds = 0;
    QList<MarketUpdateBatch> m_pending;
    std::optional<QList<SymbolInfo>> m_pendingSymbols;
    qint64 m_merges = 0;
    bool m_backfilling = false;
    bool m_backfillFinished = false;
    int m_backfillDone = 0;
    int m_backfillTotal = 0;
};

} // namespace bw
