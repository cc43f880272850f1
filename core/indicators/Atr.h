#pragma once

#include <limits>

namespace bw {

enum class AtrSmoothing {
    Wilder, // seed = mean of the first `period` true ranges, then atr += (tr - atr) / period
    Ema,    // alpha = 2 / (period + 1) seeded with the first true range: the original's "ATR", for parity
};

// Average true range of closed bars. The first bar's true range is high - low (there is no previous
// close); after that max(high - low, |high - prevClose|, |low - prevClose|). Ready after `period` bars
// in both smoothings.
class Atr final
{
public:
    explicit Atr(int period = 14, AtrSmoothing smoothing = AtrSmoothing::Wilder);

    // A bar with any non-finite input is ignored.
    void update(double high, double low, double close);
    double value() const { return isReady() ? m_value : std::numeric_limits<double>::quiet_NaN(); }
    bool isReady() const { return m_count >= m_period; }
    void reset();

    int period() const { return m_period; }
    AtrSmoothing smoothing() const { return m_smoothing; }
    // True range of the last accepted bar (NaN before the first).
    double trueRange() const { return m_trueRange; }

private:
    int m_period;
    AtrSmoothing m_smoothing;
    double m_alpha;
    int m_count = 0;
    double m_prevClose;
    double m_trueRange;
    double m_value = 0.0; // the seed sum while warming up (Wilder)
};

} // namespace bw
