#pragma once

#include "common/RingBuffer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace bw {

// Measures how late the event loop of the thread it lives on runs a timer: a precise timer asks for a
// tick every intervalMs, and each tick records how much later than asked it arrived. A busy or blocked
// loop (long slot, synchronous I/O, a big relayout) shows up as lag the user feels as stutter. Keeps
// the last window (one minute at the default interval) in a fixed ring.
class EventLoopLagProbe final : public QObject
{
    Q_OBJECT

public:
    explicit EventLoopLagProbe(int intervalMs = 100, int windowMs = 60'000, QObject *parent = nullptr);

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    int intervalMs() const { return m_intervalMs; }

    // Lag of the ticks in the window, in milliseconds; 0 while there are none.
    double percentile(double p) const;
    double maxLagMs() const;
    int sampleCount() const { return static_cast<int>(m_lags.size()); }

signals:
    void tick(double lagMs);

private:
    void onTimeout();

    int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    RingBuffer<double> m_lags;
};

} // namespace bw
