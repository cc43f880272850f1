#include "app/EngineCandleReader.h"

#include "engine/Engine.h"
#include "market/MarketService.h"

#include <algorithm>

namespace bw {

EngineCandleReader::EngineCandleReader(Engine *engine)
    : m_engine(engine)
{}

void EngineCandleReader::read(const QString &symbol, int count, quint64 clientId, const QJsonValue &requestId)
{
    const MarketService *market = m_engine ? m_engine->market() : nullptr;
    if (!market) {
        Q_EMIT candlesRead(symbol, 0, {}, false, clientId, requestId);
        return;
    }
    const MarketStore &store = market->store();
    const int index = store.indexOf(symbol);
    if (index < 0) {
        Q_EMIT candlesRead(symbol, store.baseIntervalMs(), {}, false, clientId, requestId);
        return;
    }
    const CandleSeries &bars = store.market(index).bars;
    const int n = std::min(std::max(count, 0), bars.size());
    QList<Candle> candles;
    candles.reserve(n);
    for (int i = bars.size() - n; i < bars.size(); ++i)
        candles.append(bars.at(i));
    Q_EMIT candlesRead(symbol, store.baseIntervalMs(), candles, true, clientId, requestId);
}

} // namespace bw
