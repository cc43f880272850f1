#include "app/UnixSignalWatcher.h"

#include "app/AppLog.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bw {

namespace {

int g_socketPair[2] = {-1, -1};

extern "C" void forwardSignal(int signalNumber)
{
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    // Nothing to do if the pipe is full: a shutdown is already pending.
    [[maybe_unused]] const ssize_t written = ::write(g_socketPair[0], &byte, 1);
    errno = savedErrno;
}

} // namespace

UnixSignalWatcher::UnixSignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent)
    : QObject(parent)
{
    if (g_socketPair[0] >= 0) {
        qCWarning(lcApp) << "only one UnixSignalWatcher per process";
        return;
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, g_socketPair) != 0) {
        qCWarning(lcApp) << "socketpair failed:" << std::strerror(errno);
        return;
    }
    m_notifier = new QSocketNotifier(g_socketPair[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignalWatcher::readPending);

    for (const int signalNumber : signalNumbers) {
        struct sigaction action {
        };
        action.sa_handler = forwardSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        if (::sigaction(signalNumber, &action, nullptr) == 0)
            m_signals.append(signalNumber);
        else
            qCWarning(lcApp) << "cannot watch signal" << signalNumber << std::strerror(errno);
    }
}

UnixSignalWatcher::~UnixSignalWatcher()
{
    for (const int signalNumber : std::as_const(m_signals))
        ::signal(signalNumber, SIG_DFL);
    if (m_notifier) {
        delete m_notifier;
        ::close(g_socketPair[0]);
        ::close(g_socketPair[1]);
        g_socketPair[0] = g_socketPair[1] = -1;
    }
}

void UnixSignalWatcher::readPending()
{
    unsigned char byte = 0;
    while (::read(g_socketPair[1], &byte, 1) == 1) {
        // The next one of the same signal acts as usual: a second Ctrl-C ends a shutdown that hangs.
        ::signal(byte, SIG_DFL);
        emit signalReceived(byte);
    }
}

} // namespace bw
