#include "app/LogCapture.h"

#include <QDateTime>

#include <algorithm>
#include <mutex>
#include <vector>

namespace bw {

namespace {

constexpr qint64 kDropReportIntervalMs = 1000;

// The one message handler of the process and the captures it feeds.
struct Registry {
    std::mutex mutex;
    std::vector<LogCapture *> captures;
    QtMessageHandler previous = nullptr;
};

Registry &registry()
{
    static Registry r;
    return r;
}

// A capture's delivery may log (a queued call that fails says so): such lines go to the previous handler
// only, never back into the lock this thread holds.
thread_local bool t_inHandler = false;

} // namespace

struct LogCaptureHandler {
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        QtMessageHandler previous = nullptr;
        {
            Registry &r = registry();
            std::lock_guard lock(r.mutex);
            previous = r.previous;
            if (!t_inHandler) {
                t_inHandler = true;
                for (LogCapture *capture : r.captures)
                    capture->capture(type, context.category, message);
                t_inHandler = false;
            }
        }
        if (previous)
            previous(type, context, message);
    }
};

LogCapture::LogCapture(QObject *parent)
    : LogCapture(Limits{}, SystemClock::instance(), parent)
{}

LogCapture::LogCapture(Limits limits, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_clock(clock)
    , m_recent(std::size_t(std::max(1, limits.recentLines)))
    , m_reportTimer(this)
{
    qRegisterMetaType<LogLine>("bw::LogLine");
    m_limits.linesPerSecond = std::max(1.0, m_limits.linesPerSecond);
    m_limits.burstLines = std::max(1, m_limits.burstLines);
    m_limits.maxPending = std::max(1, m_limits.maxPending);
    m_tokens = m_limits.burstLines;
    m_refillMs = m_clock.nowMs();
    m_reportTimer.setSingleShot(true);
    connect(&m_reportTimer, &QTimer::timeout, this, &LogCapture::flush);

    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    if (r.captures.empty())
        r.previous = qInstallMessageHandler(&LogCaptureHandler::handle);
    r.captures.push_back(this);
}

LogCapture::~LogCapture()
{
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    r.captures.erase(std::remove(r.captures.begin(), r.captures.end(), this), r.captures.end());
    if (r.captures.empty()) {
        qInstallMessageHandler(r.previous);
        r.previous = nullptr;
    }
}

QString LogCapture::levelName(QtMsgType level)
{
    switch (level) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("critical");
    case QtFatalMsg:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("info");
}

void LogCapture::capture(QtMsgType type, const char *category, const QString &message)
{
    const qint64 now = m_clock.nowMs();
    // Token bucket: linesPerSecond on average, burstLines at once.
    if (now > m_refillMs) {
        m_tokens = std::min(double(m_limits.burstLines),
                            m_tokens + double(now - m_refillMs) * m_limits.linesPerSecond / 1000.0);
        m_refillMs = now;
    }
    if (m_tokens < 1.0 || m_pending.size() >= m_limits.maxPending) {
        ++m_droppedUnreported;
        ++m_droppedTotal;
    } else {
        m_tokens -= 1.0;
        m_pending.append(
            LogLine{now, type, category ? QString::fromLatin1(category) : QStringLiteral("default"), message});
    }
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &LogCapture::flush, Qt::QueuedConnection);
    }
}

void LogCapture::flush()
{
    QList<LogLine> lines;
    qint64 dropped = 0;
    const qint64 now = m_clock.nowMs();
    bool reportLater = false;
    {
        std::lock_guard lock(registry().mutex);
        m_flushQueued = false;
        lines.swap(m_pending);
        if (m_droppedUnreported > 0) {
            // One report a second at most, or a flood of drops would become a flood of reports.
            if (now - m_lastDropReportMs >= kDropReportIntervalMs) {
                dropped = m_droppedUnreported;
                m_droppedUnreported = 0;
                m_lastDropReportMs = now;
            } else {
                reportLater = true;
            }
        }
    }
    if (dropped > 0) {
        lines.append(LogLine{
            now, QtWarningMsg, QStringLiteral("bw.app"),
            tr("log lines dropped: %1 (more than %2 lines per second)").arg(dropped).arg(m_limits.linesPerSecond)});
    }
    if (reportLater && !m_reportTimer.isActive())
        m_reportTimer.start(int(std::max<qint64>(1, kDropReportIntervalMs - (now - m_lastDropReportMs))));
    for (const LogLine &line : std::as_const(lines)) {
        m_recent.push(line);
        emit lineCaptured(line);
    }
}

QList<LogLine> LogCapture::recentLines() const
{
    QList<LogLine> out;
    out.reserve(qsizetype(m_recent.size()));
    for (std::size_t i = 0; i < m_recent.size(); ++i)
        out.append(m_recent[i]);
    return out;
}

qint64 LogCapture::droppedLines() const
{
    std::lock_guard lock(registry().mutex);
    return m_droppedTotal;
}

} // namespace bw
