#pragma once

#include "indicators/WindowCoMoments.h"

namespace bw {

// Rolling Pearson correlation and beta of a series' log returns against a reference series' log
// returns (e.g. a symbol against BTC) over the last `window` returns. The original correlated price
// levels, which makes any two trending series look correlated.
//
// Two ways to feed it, do not mix them on one object:
//  - updatePrices(price, referencePrice): closes of the same closed bar; log returns are computed here.
//    Ready after window + 1 prices. A bar with a non-positive or non-finite price is ignored (the next
//    return then spans the gap).
//  - update(x, y): log returns already computed, x of the series and y of the reference.
//    Ready after `window` pairs. A pair with a non-finite value is ignored.
class RollingCorrelation final
{
public:
    explicit RollingCorrelation(int window = 100);

    void update(double seriesReturn, double referenceReturn);
    void updatePrices(double price, double referencePrice);
    // The correlation in [-1, 1]; NaN until ready or when either series is flat over the window.
    double value() const { return correlation(); }
    bool isReady() const { return m_moments.isFull(); }
    void reset();

    double correlation() const { return m_correlation; }
    // cov(series, reference) / var(reference): the series' sensitivity to the reference. NaN until ready
    // or when the reference is flat.
    double beta() const { return m_beta; }
    int window() const { return m_moments.window(); }

private:
    void push(double seriesReturn, double referenceReturn);

    WindowCoMoments m_moments;
    double m_correlation;
    double m_beta;
    double m_lastPrice = 0.0;
    double m_lastReferencePrice = 0.0;
    bool m_hasPrices = false;
};

} // namespace bw
