#pragma once

namespace bw {

// Exponential moving average with alpha = 2 / (period + 1), seeded with the simple mean of the first
// `period` values (so it is ready, like the SMA, after `period` values; no dependence on where the
// history happens to start, unlike seeding with the first value).
class Ema final
{
public:
    explicit Ema(int period);

    void update(double value);
    double value() const { return m_value; }
    bool isReady() const { return m_count >= m_period; }
    void reset();

    int period() const { return m_period; }
    double alpha() const { return m_alpha; }

private:
    int m_period;
    double m_alpha;
    int m_count = 0;
    double m_seedSum = 0.0;
    double m_value;
};

} // namespace bw
