#pragma once

#include "engine/EngineTypes.h"
#include "market/MarketTypes.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <optional>

namespace bw {

// The headless mode's status line. On a terminal it rewrites one line every second (carriage return and
// clear-to-end-of-line, cut to the terminal width so it never wraps); into a pipe or a log file it prints
// a plain line as soon as the market is known and then every `plainEverySeconds`.
class HeadlessStatus final : public QObject
{
    Q_OBJECT

public:
    HeadlessStatus(std::FILE *out, QString sourceName, int plainEverySeconds, QObject *parent = nullptr);
    ~HeadlessStatus() override;

    bool isTerminal() const { return m_terminal; }

    void start();
    // Ends the terminal line so the shell prompt starts on a fresh one.
    void finish();

    void showOverview(const bw::MarketOverview &overview);
    // The engine's part of the line: state, last scan, candidates, open positions, equity.
    void showEngineStatus(const bw::EngineStatus &status);

private:
    void tick();
    void print(const QString &line);
    // Log messages go to stderr, usually the same terminal: clear the status line first so a message
    // never ends up glued to it; the next tick draws the line again below the message.
    static void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message);
    void clearLine();
    int terminalColumns() const;

    std::FILE *m_out;
    QString m_sourceName;
    int m_plainEverySeconds;
    bool m_terminal;
    bool m_printedPlain = false;
    std::atomic<bool> m_lineOpen = false; // a status line is on the terminal without a newline
    int m_ticksSincePlain = 0;
    std::optional<MarketOverview> m_latest;
    std::optional<EngineStatus> m_engine;
    QTimer m_timer;
    QtMessageHandler m_previousHandler = nullptr;
};

} // namespace bw
