#pragma once

#include "app/WorkstationSession.h" // declares the Candle meta type the queued signal carries
#include "market/Candle.h"

#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>

namespace bw {

class Engine;

// Reads closed bars out of the engine's MarketStore for the server thread (the `candles` request). It
// lives on the engine thread, where the store may be read, and answers through a queued signal, so a
// reader and a receiver on different threads never touch each other's objects and either may go first.
class EngineCandleReader final : public QObject
{
    Q_OBJECT

public:
    explicit EngineCandleReader(Engine *engine);

public slots:
    // Emits candlesRead with the last `count` closed base bars of `symbol`, oldest first; `found` is false
    // when the engine has no such symbol (or no market yet).
    void read(const QString &symbol, int count, quint64 clientId, const QJsonValue &requestId);

signals:
    void candlesRead(const QString &symbol, qint64 intervalMs, const QList<bw::Candle> &candles, bool found,
                     quint64 clientId, const QJsonValue &requestId);

private:
    QPointer<Engine> m_engine;
};

} // namespace bw
