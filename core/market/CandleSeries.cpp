#include "market/CandleSeries.h"

#include <cmath>
#include <stdexcept>

namespace bw {

CandleSeries::CandleSeries(qint64 intervalMs, int capacity)
    : m_intervalMs(intervalMs)
    , m_capacity(capacity)
{
    if (intervalMs <= 0)
        throw std::invalid_argument("CandleSeries: interval must be positive");
    if (capacity < 1)
        throw std::invalid_argument("CandleSeries: capacity must be at least 1");
    const auto n = static_cast<std::size_t>(capacity);
    m_openTime.resize(n);
    m_open.resize(n);
    m_high.resize(n);
    m_low.resize(n);
    m_close.resize(n);
    m_volume.resize(n);
    m_quoteVolume.resize(n);
    m_trades.resize(n);
}

bool CandleSeries::isSane(const Candle &c)
{
    const bool finite = std::isfinite(c.open) && std::isfinite(c.high) && std::isfinite(c.low) &&
                        std::isfinite(c.close) && std::isfinite(c.volume) && std::isfinite(c.quoteVolume);
    return finite && c.low > 0 && c.low <= c.high && c.open > 0 && c.close > 0 && c.volume >= 0 && c.quoteVolume >= 0 &&
           c.trades >= 0;
}

CandleSeries::AppendResult CandleSeries::apply(const Candle &c)
{
    if (c.openTimeMs % m_intervalMs != 0 || !isSane(c))
        return AppendResult::Rejected;
    if (m_size > 0 && c.openTimeMs <= lastOpenTimeMs())
        return AppendResult::Rejected;

    if (!c.closed) {
        if (m_hasForming && c.openTimeMs < m_forming.openTimeMs)
            return AppendResult::Rejected;
        m_forming = c;
        m_hasForming = true;
        return AppendResult::FormingUpdated;
    }

    std::size_t s;
    if (m_size < m_capacity) {
        s = slot(m_size);
        ++m_size;
    } else {
        s = m_head;
        m_head = m_head + 1 == static_cast<std::size_t>(m_capacity) ? 0 : m_head + 1;
    }
    m_openTime[s] = c.openTimeMs;
    m_open[s] = c.open;
    m_high[s] = c.high;
    m_low[s] = c.low;
    m_close[s] = c.close;
    m_volume[s] = c.volume;
    m_quoteVolume[s] = c.quoteVolume;
    m_trades[s] = c.trades;
    if (m_hasForming && m_forming.openTimeMs <= c.openTimeMs)
        m_hasForming = false;
    return AppendResult::BarClosed;
}

void CandleSeries::clear()
{
    m_head = 0;
    m_size = 0;
    m_hasForming = false;
}

Candle CandleSeries::at(int i) const
{
    if (i < 0 || i >= m_size)
        throw std::out_of_range("CandleSeries::at");
    const std::size_t s = slot(i);
    Candle c;
    c.openTimeMs = m_openTime[s];
    c.open = m_open[s];
    c.high = m_high[s];
    c.low = m_low[s];
    c.close = m_close[s];
    c.volume = m_volume[s];
    c.quoteVolume = m_quoteVolume[s];
    c.trades = m_trades[s];
    c.closed = true;
    return c;
}

Candle CandleSeries::last() const
{
    return at(m_size - 1);
}

std::optional<Candle> CandleSeries::forming() const
{
    if (!m_hasForming)
        return std::nullopt;
    return m_forming;
}

std::size_t CandleSeries::bytesForCapacity(int capacity)
{
    const auto n = static_cast<std::size_t>(capacity > 0 ? capacity : 0);
    return sizeof(CandleSeries) + n * (2 * sizeof(qint64) + 6 * sizeof(double));
}

std::size_t CandleSeries::bytesHeld() const
{
    return bytesForCapacity(m_capacity);
}

} // namespace bw
