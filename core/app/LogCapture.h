#pragma once

#include "app/WorkstationSession.h"
#include "common/Clock.h"
#include "common/RingBuffer.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace bw {

// Captures every log line of the process (a Qt message handler, chained to the one installed before, so
// the terminal output stays) and hands it to the thread this object lives on (the GUI thread for the log
// dock), as lineCaptured(line) through that thread's event loop. Any thread may log.
//
// Bounded: lines are accepted at most at Limits::linesPerSecond (with a burst allowance); what is over the
// rate, or would queue beyond Limits::maxPending while the receiving thread is busy, is counted and reported
// as one warning line "log lines dropped: N" (at most once a second) instead of queueing without end. The
// latest Limits::recentLines lines are kept for a view opened later (recentLines()).
//
// Several captures may exist (each gets every line); the handler is installed with the first and the
// previous one restored when the last goes. Lines logged while a capture delivers are captured too; a line
// logged from inside the handler itself (re-entrant) only reaches the previous handler.
class LogCapture final : public QObject
{
    Q_OBJECT

public:
    struct Limits {
        int recentLines = 2000;
        double linesPerSecond = 200;
        int burstLines = 500;
        int maxPending = 1000; // lines waiting for the receiving thread
    };

    explicit LogCapture(QObject *parent = nullptr);
    explicit LogCapture(Limits limits, const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    ~LogCapture() override;

    const Limits &limits() const { return m_limits; }
    // The latest lines, oldest first (receiving thread).
    QList<LogLine> recentLines() const;
    // Lines dropped since construction (any thread).
    qint64 droppedLines() const;

    // "debug", "info", "warning", "critical", "fatal": the level names of the protocol's log topic.
    static QString levelName(QtMsgType level);

signals:
    void lineCaptured(const bw::LogLine &line);

private:
    friend struct LogCaptureHandler;
    // Called by the message handler with the registry's lock held.
    void capture(QtMsgType type, const char *category, const QString &message);
    void flush();

    Limits m_limits;
    const Clock &m_clock;
    // Guarded by the registry's lock.
    QList<LogLine> m_pending;
    double m_tokens = 0;
    qint64 m_refillMs = 0;
    qint64 m_droppedUnreported = 0;
    qint64 m_droppedTotal = 0;
    bool m_flushQueued = false;
    // Receiving thread only.
    RingBuffer<LogLine> m_recent;
    qint64 m_lastDropReportMs = 0;
    QTimer m_reportTimer;
};

} // namespace bw
