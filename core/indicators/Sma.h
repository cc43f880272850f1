#pragma once

#include "indicators/WindowMoments.h"

namespace bw {

// Simple moving average of the last `period` values. Ready once `period` values were seen.
// A non-finite input is ignored (state and value unchanged), as in every indicator of this module.
class Sma final
{
public:
    explicit Sma(int period);

    void update(double value);
    double value() const;
    bool isReady() const { return m_window.isFull(); }
    void reset() { m_window.reset(); }

    int period() const { return m_window.window(); }

private:
    WindowMoments m_window;
};

} // namespace bw
