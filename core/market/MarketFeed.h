#pragma once

#include "market/MarketTypes.h"

#include <QObject>

namespace bw {

// A source of market data. Asynchronous: start() returns at once and the feed reports through signals
// on the thread it lives on, so simulated, replayed and network feeds look the same to the engine.
//
// Order of signals: symbolsReady once, then backfill (history, every candle closed) as one or more
// updatesReady batches with backfillProgress, then backfillFinished, then live updatesReady batches.
class MarketFeed : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~MarketFeed() override = default;

    // Human-readable description for the status bar, e.g. "Simulated market (300 symbols, seed 42)".
    virtual QString sourceName() const = 0;
    // Interval of the base candle series the feed produces. Valid from symbolsReady on; before that it may be
    // 0 (a replay learns it from its files).
    virtual qint64 barIntervalMs() const = 0;

    virtual void start() = 0;
    virtual void stop() = 0;

signals:
    void symbolsReady(const QList<bw::SymbolInfo> &symbols);
    void updatesReady(const bw::MarketUpdateBatch &batch);
    void backfillProgress(int done, int total);
    void backfillFinished();
    // A problem the user should see; fatal ones are followed by finished().
    void feedError(const QString &message);
    // No more data will come (end of a replay, or a fatal error).
    void finished();
};

} // namespace bw
