#include "scanner/SymbolScanState.h"

#include <cmath>
#include <limits>

namespace bw {

SymbolScanState::SymbolScanState(const ScanStateConfig &config)
    : m_config(config)
    , m_atr15m(14)
    , m_atrBase(14)
    , m_bollinger(20, 2.0)
    , m_bbPercentile(config.bbPercentileLookback)
    , m_surge1h(12, 12)
    , m_surge5m(20)
    , m_correlation(config.correlationWindow)
    , m_donchian{Donchian(kDonchianPeriods[0]), Donchian(kDonchianPeriods[1]), Donchian(kDonchianPeriods[2]),
                 Donchian(kDonchianPeriods[3])}
    , m_swings(config.swingBars, config.swingBars, config.swingHistory)
    , m_gaps(std::size_t(std::max(1, config.gapWindow)))
    , m_lastLogReturn(std::numeric_limits<double>::quiet_NaN())
{}

void SymbolScanState::reset()
{
    m_atr15m.reset();
    m_atrBase.reset();
    m_bollinger.reset();
    m_bbPercentile.reset();
    m_surge1h.reset();
    m_surge5m.reset();
    m_correlation.reset();
    for (Donchian &d : m_donchian)
        d.reset();
    m_swings.reset();
    m_gaps.clear();
    m_gapSum = 0;
    m_duplicates = 0;
    m_lastBaseOpenMs = -1;
    m_last15mOpenMs = -1;
    m_lastClose = 0;
    m_lastLogReturn = std::numeric_limits<double>::quiet_NaN();
    m_baseBars = 0;
    m_bars15m = 0;
}

void SymbolScanState::onBaseBar(qint64 openTimeMs, double high, double low, double close, double volume,
                                double referenceReturn, qint64 intervalMs)
{
    if (openTimeMs <= m_lastBaseOpenMs) {
        ++m_duplicates;
        return;
    }
    std::uint16_t gap = 0;
    if (m_lastBaseOpenMs >= 0 && intervalMs > 0)
        gap = std::uint16_t(std::min<qint64>((openTimeMs - m_lastBaseOpenMs) / intervalMs - 1, 65535));
    if (m_gaps.isFull())
        m_gapSum -= m_gaps[0];
    m_gaps.push(gap);
    m_gapSum += gap;

    m_lastLogReturn =
        (m_lastClose > 0 && close > 0) ? std::log(close / m_lastClose) : std::numeric_limits<double>::quiet_NaN();
    m_lastClose = close;
    m_lastBaseOpenMs = openTimeMs;
    ++m_baseBars;

    m_atrBase.update(high, low, close);
    m_bollinger.update(close);
    if (m_bollinger.isReady())
        m_bbPercentile.update(m_bollinger.bandWidthPct());
    m_surge1h.update(volume);
    m_surge5m.update(volume);
    if (std::isfinite(m_lastLogReturn) && std::isfinite(referenceReturn))
        m_correlation.update(m_lastLogReturn, referenceReturn);
    for (Donchian &d : m_donchian)
        d.update(high, low);
    m_swings.update(openTimeMs, high, low);
}

void SymbolScanState::on15mBar(qint64 openTimeMs, double high, double low, double close)
{
    if (openTimeMs <= m_last15mOpenMs)
        return;
    m_last15mOpenMs = openTimeMs;
    ++m_bars15m;
    m_atr15m.update(high, low, close);
}

} // namespace bw
