#include "app/HeadlessStatus.h"

#include "app/StatusLine.h"

#include <sys/ioctl.h>
#include <unistd.h>

namespace bw {

namespace {
std::atomic<HeadlessStatus *> g_terminalStatus = nullptr; // the instance that owns the terminal line
} // namespace

HeadlessStatus::HeadlessStatus(std::FILE *out, QString sourceName, int plainEverySeconds, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_sourceName(std::move(sourceName))
    , m_plainEverySeconds(std::max(1, plainEverySeconds))
    , m_terminal(::isatty(::fileno(out)) == 1)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &HeadlessStatus::tick);
    HeadlessStatus *none = nullptr;
    if (m_terminal && g_terminalStatus.compare_exchange_strong(none, this)) {
        m_previousHandler = qInstallMessageHandler(&HeadlessStatus::handleMessage);
    }
}

HeadlessStatus::~HeadlessStatus()
{
    if (g_terminalStatus.load() == this) {
        qInstallMessageHandler(m_previousHandler);
        g_terminalStatus.store(nullptr);
    }
}

void HeadlessStatus::handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // Any thread may log (the engine does); the line state is atomic and stdio locks the stream.
    HeadlessStatus *status = g_terminalStatus;
    if (status)
        status->clearLine();
    if (status && status->m_previousHandler)
        status->m_previousHandler(type, context, message);
}

void HeadlessStatus::clearLine()
{
    if (!m_lineOpen.exchange(false))
        return;
    std::fputs("\r\x1b[K", m_out);
    std::fflush(m_out);
}

void HeadlessStatus::start()
{
    m_timer.start();
    if (m_terminal)
        print(StatusLine::waiting(m_sourceName, StatusLine::residentBytes()));
}

void HeadlessStatus::finish()
{
    m_timer.stop();
    if (m_terminal && m_lineOpen) {
        std::fputc('\n', m_out);
        std::fflush(m_out);
        m_lineOpen = false;
    }
}

void HeadlessStatus::showOverview(const MarketOverview &overview)
{
    const bool first = !m_latest.has_value();
    m_latest = overview;
    // A log reader should not wait a full period to learn that the program runs and on what.
    if (first && !m_terminal)
        tick();
}

void HeadlessStatus::showEngineStatus(const EngineStatus &status)
{
    m_engine = status;
}

void HeadlessStatus::tick()
{
    if (!m_latest)
        return;
    if (!m_terminal) {
        if (m_printedPlain && ++m_ticksSincePlain < m_plainEverySeconds)
            return;
        m_ticksSincePlain = 0;
        m_printedPlain = true;
    }
    QString line = StatusLine::format(*m_latest, StatusLine::residentBytes());
    if (m_engine) {
        const QString lastScan = m_engine->lastScanMs > 0 ? StatusLine::utcTime(m_engine->lastScanMs) : tr("never");
        line += tr(" | engine %1, last scan %2, candidates %3, open positions %4, equity %5")
                    .arg(toCode(m_engine->state), lastScan)
                    .arg(m_engine->candidates)
                    .arg(m_engine->openPositions)
                    .arg(m_engine->equity, 0, 'f', 2);
    }
    print(line);
}

int HeadlessStatus::terminalColumns() const
{
    winsize size{};
    if (::ioctl(::fileno(m_out), TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 0;
}

void HeadlessStatus::print(const QString &line)
{
    if (m_terminal) {
        QString text = line;
        const int columns = terminalColumns();
        if (columns > 1 && text.size() >= columns)
            text = text.left(columns - 2) + QChar(0x2026);
        std::fputs("\r", m_out);
        std::fputs(text.toLocal8Bit().constData(), m_out);
        std::fputs("\x1b[K", m_out);
        m_lineOpen = true;
    } else {
        std::fputs(line.toLocal8Bit().constData(), m_out);
        std::fputc('\n', m_out);
    }
    std::fflush(m_out);
}

} // namespace bw
