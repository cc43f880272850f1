#pragma once

#include "scanner/ScanSource.h"

#include <QString>

#include <atomic>
#include <cmath>
#include <semaphore>
#include <vector>

// A ScanSource over plain tables, for scanner tests. Symbol i gets deterministic metrics derived from i;
// a gate can hold the worker that evaluates symbol `blockAt` until the test releases it.
class TableScanSource final : public bw::ScanSource
{
public:
    explicit TableScanSource(int symbols)
    {
        for (int i = 0; i < symbols; ++i) {
            bw::SymbolMetrics m;
            m.symbol = QStringLiteral("S%1USDT").arg(i, 4, 10, QLatin1Char('0'));
            m.price = 1.0 + i;
            m.quoteVolume24h = 1e6 * (1 + (i * 7919) % symbols);
            m.hasBook = true;
            m.spreadBps = 1 + i % 40; // every 40th-ish fails a 30 bps limit
            m.depthUsd03 = 1e5;
            m.depthUsd05 = 2e5;
            m.tradesPerMinute = 5 + i % 50;
            m.atr15m = m.price * (0.004 + 0.001 * (i % 30));
            m.closed15mBars = 100;
            m.bbWidthPercentile = double((i * 37) % 100);
            m.volumeSurge1h = 1.0 + 0.05 * (i % 20);
            m.volumeSurge5m = 1.0 + 0.1 * (i % 17);
            m.btcCorrelation = std::sin(double(i));
            m.closedBars = 300;
            m.staleAfterMs = 900000;
            m_metrics.push_back(m);
        }
    }

    int symbolCount() const override { return int(m_metrics.size()); }
    QString symbolName(int i) const override { return m_metrics[std::size_t(i)].symbol; }
    double quoteVolume24h(int i) const override { return m_metrics[std::size_t(i)].quoteVolume24h; }
    qint64 closedBarOpenMs(int) const override { return m_barOpenMs; }

    void fillMetrics(int i, bw::SymbolMetrics &out) const override
    {
        if (i == blockAt) {
            reached.release();
            release.acquire();
        }
        out = m_metrics[std::size_t(i)];
    }

    double baseAtr(int i) const override { return m_metrics[std::size_t(i)].price * 0.01; }

    void copyBars(int i, bw::BarBuffer &out) const override
    {
        const double p = m_metrics[std::size_t(i)].price;
        out.resize(100);
        for (std::size_t k = 0; k < 100; ++k) {
            const double wave = std::sin(double(k) * 0.6);
            out.openTimeMs[k] = m_barOpenMs - qint64(99 - k) * 300000;
            out.close[k] = p * (1.0 + 0.02 * wave);
            out.high[k] = out.close[k] * 1.004;
            out.low[k] = out.close[k] * 0.996;
            out.volume[k] = 100 + double((k * 13) % 7) * 30;
        }
    }

    void advanceBar() { m_barOpenMs += 300000; }
    // For tests that need a symbol the feed knows less about (no book, indicators not warm yet).
    bw::SymbolMetrics &metrics(int i) { return m_metrics[std::size_t(i)]; }

    int blockAt = -1;
    mutable std::counting_semaphore<16> reached{0};
    mutable std::counting_semaphore<16> release{0};

private:
    std::vector<bw::SymbolMetrics> m_metrics;
    qint64 m_barOpenMs = 1'700'000'000'000;
};
