#pragma once

#include "market/MarketTypes.h"

#include <QObject>
#include <QTimer>

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

    bool isTerminal() const { return m_terminal; }

    void start();
    // Ends the terminal line so the shell prompt starts on a fresh one.
    void finish();

    void showOverview(const bw::MarketOverview &overview);

private:
    void tick();
    void print(const QString &line);
    int terminalColumns() const;

    std::FILE *m_out;
    QString m_sourceName;
    int m_plainEverySeconds;
    bool m_terminal;
    bool m_printedPlain = false;
    bool m_lineOpen = false;
    int m_ticksSincePlain = 0;
    std::optional<MarketOverview> m_latest;
    QTimer m_timer;
};

} // namespace bw
