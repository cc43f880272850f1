#pragma once

#include "common/RingBuffer.h"
#include "indicators/Atr.h"
#include "indicators/BandWidthPercentile.h"
#include "indicators/Bollinger.h"
#include "indicators/Donchian.h"
#include "indicators/RollingCorrelation.h"
#include "indicators/SwingDetector.h"
#include "indicators/VolumeMedianRatio.h"
#include "indicators/VolumeSurge.h"

#include <QtGlobal>

#include <array>
#include <cstdint>

namespace bw {

struct ScanStateConfig {
    int correlationWindow = 50;
    int bbPercentileLookback = 120;
    int swingBars = 2;
    int swingHistory = 128; // swings of each kind kept for level detection
    int gapWindow = 100;    // gaps are counted over this many recent bars

    bool operator==(const ScanStateConfig &) const = default;
};

// Everything the scanner needs of one symbol that depends only on closed bars, kept up to date in O(1)
// per closed bar by streaming indicators so that a scan after one new bar recomputes nothing.
class SymbolScanState final
{
public:
    static constexpr std::array<int, 4> kDonchianPeriods{10, 15, 20, 30};

    explicit SymbolScanState(const ScanStateConfig &config = {});

    void reset();

    // One new closed base bar. referenceReturn: the reference symbol's log return over the same bar (NaN
    // when unknown; the correlation then skips the bar).
    void onBaseBar(qint64 openTimeMs, double high, double low, double close, double volume, double referenceReturn,
                   qint64 intervalMs);
    void on15mBar(qint64 openTimeMs, double high, double low, double close);
    // A close notification that carried no new bar (a repeated bar time).
    void onDuplicate() { ++m_duplicates; }

    qint64 lastBaseOpenMs() const { return m_lastBaseOpenMs; }
    qint64 last15mOpenMs() const { return m_last15mOpenMs; }
    double lastLogReturn() const { return m_lastLogReturn; }
    qint64 baseBars() const { return m_baseBars; }
    int bars15m() const { return m_bars15m; }

    const Atr &atr15m() const { return m_atr15m; }
    const Atr &atrBase() const { return m_atrBase; }
    const Bollinger &bollinger() const { return m_bollinger; }
    const BandWidthPercentile &bandWidthPercentile() const { return m_bbPercentile; }
    const VolumeMedianRatio &surge1h() const { return m_surge1h; }
    const VolumeSurge &surge5m() const { return m_surge5m; }
    const RollingCorrelation &correlation() const { return m_correlation; }
    const Donchian &donchian(std::size_t k) const { return m_donchian[k]; }
    const SwingDetector &swings() const { return m_swings; }
    int recentGaps() const { return m_gapSum; }
    int duplicates() const { return m_duplicates; }

private:
    ScanStateConfig m_config;
    Atr m_atr15m;
    Atr m_atrBase;
    Bollinger m_bollinger;
    BandWidthPercentile m_bbPercentile;
    VolumeMedianRatio m_surge1h;
    VolumeSurge m_surge5m;
    RollingCorrelation m_correlation;
    std::array<Donchian, 4> m_donchian;
    SwingDetector m_swings;
    RingBuffer<std::uint16_t> m_gaps; // missing bars before each of the recent bars
    int m_gapSum = 0;
    int m_duplicates = 0;
    qint64 m_lastBaseOpenMs = -1;
    qint64 m_last15mOpenMs = -1;
    double m_lastClose = 0;
    double m_lastLogReturn;
    qint64 m_baseBars = 0;
    int m_bars15m = 0;
};

} // namespace bw
