#pragma once

// A real scan on a seeded simulated market, for the scanner page's tests: a SimulatedMarket driven bar by
// bar into a MarketStore, the scanner's incremental MarketScanSource over it, and a Scanner on its own
// pool. The preset is loose enough to rank candidates and tight enough on 24 h volume that part of the
// market is rejected with a reason.

#include "market/MarketStore.h"
#include "market/SimulatedMarket.h"
#include "scanner/MarketScanSource.h"
#include "scanner/PresetLoader.h"
#include "scanner/Scanner.h"

#include <QSignalSpy>

#include <algorithm>
#include <optional>
#include <vector>

namespace bw::test {

class ScanFixture
{
public:
    explicit ScanFixture(int symbols = 60, quint64 seed = 11)
        : m_market(config(symbols, seed))
        , m_store(300000, 300)
        , m_source(m_store)
        , m_scanner(ScannerSettings{2})
    {
        m_store.setSymbols(m_market.symbols());
        m_preset = *PresetLoader::load(QStringLiteral("breakout_v1_relaxed")).preset;
        m_preset.liquidity.min24hVolumeUsd = 1e5;
        m_preset.liquidity.minDepthUsd03 = 100;
        m_preset.liquidity.minDepthUsd05 = 100;
        m_preset.liquidity.maxSpreadBps = 100;
        m_preset.liquidity.minTradesPerMinute = 0.1;
        m_preset.volatility.atrRangeMin = 0.0001;
        m_preset.volatility.atrRangeMax = 0.5;
        m_preset.volatility.bbWidthPercentileMax = 100;
        m_preset.volatility.volumeSurge1hMin = 0;
        m_preset.volatility.volumeSurge5mMin = 0;
        m_preset.risk.correlationLimit = 1.0;
        m_preset.scanner.topNByVolume.reset();
        m_preset.scanner.maxCandidates = 50;
        m_source.configure(m_preset);
        advance(210); // more than the chart asks for

        // The 24 h volume threshold at the market's 40th percentile: about 40 % fail liquidity.
        std::vector<double> volumes;
        for (int i = 0; i < m_source.symbolCount(); ++i)
            volumes.push_back(m_source.quoteVolume24h(i));
        std::sort(volumes.begin(), volumes.end());
        m_preset.liquidity.min24hVolumeUsd = volumes.at(volumes.size() * 2 / 5);
        m_scanner.setPreset(m_preset);
        m_scanner.setSource(&m_source);
    }

    // Closed bars for every symbol (quotes on the last one, as a live feed would send them).
    void advance(int bars)
    {
        for (int b = 0; b < bars; ++b) {
            m_market.stepBar();
            MarketUpdateBatch batch;
            m_market.appendCandles(batch);
            if (b == bars - 1) {
                m_market.appendTickers(batch);
                m_market.appendBooks(batch);
            }
            batch.marketTimeMs = m_market.marketTimeMs();
            m_source.onBarsClosed(m_store.apply(batch));
        }
    }

    ScanReportPtr scan()
    {
        QSignalSpy spy(&m_scanner, &Scanner::scanFinished);
        if (!m_scanner.requestScan() || !spy.wait(60000))
            return {};
        return spy.takeFirst().at(0).value<ScanReportPtr>();
    }

    // The last `count` closed base bars of a symbol, oldest first (what requestCandles answers).
    QList<Candle> candles(const QString &symbol, int count) const
    {
        QList<Candle> out;
        const int i = m_store.indexOf(symbol);
        if (i < 0)
            return out;
        const CandleSeries &bars = m_store.market(i).bars;
        const int first = std::max(0, bars.size() - count);
        out.reserve(bars.size() - first);
        for (int k = first; k < bars.size(); ++k)
            out.append(bars.at(k));
        return out;
    }

    const Preset &preset() const { return m_preset; }
    // Tighter limits for tests that need symbols cut by the top-volume stage or ranked beyond the candidates.
    void setLimits(int maxCandidates, std::optional<int> topNByVolume)
    {
        m_preset.scanner.maxCandidates = maxCandidates;
        m_preset.scanner.topNByVolume = topNByVolume;
        m_scanner.setPreset(m_preset);
    }

private:
    static SimulatedFeedConfig config(int symbols, quint64 seed)
    {
        SimulatedFeedConfig c;
        c.seed = seed;
        c.symbols = symbols;
        c.backfillBars = 0;
        c.startTimeMs = 1'700'000'000'000;
        return c;
    }

    SimulatedMarket m_market;
    MarketStore m_store;
    MarketScanSource m_source;
    Scanner m_scanner;
    Preset m_preset;
};

} // namespace bw::test
