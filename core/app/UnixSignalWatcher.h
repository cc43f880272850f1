#pragma once

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace bw {

// Turns SIGINT/SIGTERM (or any listed signal) into a Qt signal on the thread the watcher lives on. The
// handler only writes the signal number into a socket pair (async-signal-safe); the event loop reads it
// and emits signalReceived, so shutdown runs as ordinary code. Each signal is caught once; a repeat gets
// the default action (a second Ctrl-C kills a shutdown that hangs). One watcher per process.
class UnixSignalWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

signals:
    void signalReceived(int signalNumber);

private:
    void readPending();

    QSocketNotifier *m_notifier = nullptr;
    QList<int> m_signals;
};

} // namespace bw
