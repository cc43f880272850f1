#pragma once

#include "common/RingBuffer.h"
#include "market/MarketStore.h"
#include "scanner/Preset.h"
#include "scanner/ScanSource.h"
#include "scanner/SymbolScanState.h"

#include <QList>

#include <vector>

namespace bw {

// The scanner's view of a MarketStore: per symbol a SymbolScanState updated in O(1) per closed bar
// (call onBarsClosed with MarketStore::apply's result, or MarketService::barsClosed), and the live
// ticker, book and trade rate read from the store at scan time. Lives on the store's thread; scanner
// workers read it only while the store's updates are held.
class MarketScanSource final : public ScanSource
{
public:
    explicit MarketScanSource(const MarketStore &store);

    // Windows and the reference symbol come from the preset; a change rebuilds the state.
    void configure(const Preset &preset);
    // Recomputes every symbol's state from the candles the store holds.
    void rebuild();
    // New closed bars for these symbols (ascending indices, as MarketStore::apply returns them).
    void onBarsClosed(const QList<int> &symbols);

    const SymbolScanState &state(int i) const { return m_states[std::size_t(i)]; }
    int referenceIndex() const { return m_reference; }
    const MarketStore &store() const { return m_store; }
    // Approximate bytes of scan state held (for the memory snapshot).
    qint64 bytesHeld() const;

    int symbolCount() const override;
    QString symbolName(int i) const override;
    double quoteVolume24h(int i) const override;
    qint64 closedBarOpenMs(int i) const override;
    void fillMetrics(int i, SymbolMetrics &out) const override;
    double baseAtr(int i) const override;
    void copyBars(int i, BarBuffer &out) const override;
    bool levelSeeds(int i, std::vector<LevelSeed> &out) const override;

private:
    struct ReferenceReturn {
        qint64 openTimeMs = 0;
        double logReturn = 0;
    };

    void ensureSized();
    void advance(int i);
    double referenceReturnAt(qint64 openTimeMs) const;

    const MarketStore &m_store;
    ScanStateConfig m_config;
    QString m_referenceName = QStringLiteral("BTCUSDT");
    double m_staleAfterBars = 3.0;
    int m_reference = -1;
    std::vector<SymbolScanState> m_states;
    RingBuffer<ReferenceReturn> m_referenceReturns;
};

} // namespace bw
