#include "market/ReplayTickerWindow.h"

namespace bw {

ReplayTickerWindow::ReplayTickerWindow(qint64 windowMs)
    : m_windowMs(windowMs)
{}

void ReplayTickerWindow::clear()
{
    m_bars.clear();
    m_highs.clear();
    m_lows.clear();
    m_volume = m_quoteVolume = 0;
    m_evictionsSinceResum = 0;
}

void ReplayTickerWindow::resum()
{
    // Subtracting evicted volumes accumulates rounding error; an exact sum now and then bounds it.
    m_volume = m_quoteVolume = 0;
    for (const Bar &b : m_bars) {
        m_volume += b.volume;
        m_quoteVolume += b.quoteVolume;
    }
    m_evictionsSinceResum = 0;
}

Ticker24h ReplayTickerWindow::add(const Candle &bar, qint64 intervalMs)
{
    const qint64 closeMs = bar.openTimeMs + intervalMs;
    const qint64 oldestOpen = closeMs - m_windowMs; // bars opening before this are older than 24 h

    m_bars.push_back({bar.openTimeMs, bar.open, bar.volume, bar.quoteVolume});
    m_volume += bar.volume;
    m_quoteVolume += bar.quoteVolume;
    while (!m_highs.empty() && m_highs.back().value <= bar.high)
        m_highs.pop_back();
    m_highs.push_back({bar.openTimeMs, bar.high});
    while (!m_lows.empty() && m_lows.back().value >= bar.low)
        m_lows.pop_back();
    m_lows.push_back({bar.openTimeMs, bar.low});

    while (m_bars.size() > 1 && m_bars.front().openTimeMs < oldestOpen) {
        m_volume -= m_bars.front().volume;
        m_quoteVolume -= m_bars.front().quoteVolume;
        m_bars.pop_front();
        ++m_evictionsSinceResum;
    }
    while (m_highs.front().openTimeMs < m_bars.front().openTimeMs)
        m_highs.pop_front();
    while (m_lows.front().openTimeMs < m_bars.front().openTimeMs)
        m_lows.pop_front();
    if (m_evictionsSinceResum >= 1024 || m_volume < 0 || m_quoteVolume < 0)
        resum();

    Ticker24h t;
    t.lastPrice = bar.close;
    t.openPrice24h = m_bars.front().open;
    t.changePct24h = t.openPrice24h > 0 ? (t.lastPrice / t.openPrice24h - 1.0) * 100.0 : 0.0;
    t.high24h = m_highs.front().value;
    t.low24h = m_lows.front().value;
    t.baseVolume24h = m_volume;
    t.quoteVolume24h = m_quoteVolume;
    t.openInterestUsd = -1; // candles carry no open interest
    t.updatedMs = closeMs;
    return t;
}

} // namespace bw
