#pragma once

namespace bw {

// Wilder's RSI. The first averages are the plain means of the gains and losses of the first `period`
// price changes, so the first value comes with the (period + 1)-th price, i.e. at index `period`
// (the original was one bar late and lagged one change). Then avg = (avg x (period - 1) + x) / period.
// RSI = 100 - 100 / (1 + avgGain / avgLoss); 100 when only gains, 50 when the window is flat.
class Rsi final
{
public:
    explicit Rsi(int period = 14);

    void update(double close);
    double value() const { return m_value; }
    bool isReady() const { return m_changes >= m_period; }
    void reset();

    int period() const { return m_period; }
    double averageGain() const;
    double averageLoss() const;

private:
    int m_period;
    int m_changes = 0; // price changes seen, capped at period
    bool m_hasPrevious = false;
    double m_previous = 0.0;
    double m_avgGain = 0.0; // seed sums while warming up
    double m_avgLoss = 0.0;
    double m_value;
};

} // namespace bw
