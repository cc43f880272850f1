// ws_load_tool: load generator for the remote server (docs/benchmarks.md, "WebSocket server").
//
// Opens N raw WebSocket clients, authenticates and subscribes them, reads at a given rate (or as fast as
// possible, or never for --stall clients), and reports messages per second, latency percentiles (envelope
// `ts` against the receive time) and the server's RSS (/proc/<pid>/status). With --serve it runs its own
// RemoteServer publishing synthetic messages, so it needs nothing else.

#include "WsWire.h"
#include "server/RemoteServer.h"
#include "server/ServerToken.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QThread>

#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace bw;

namespace {

qint64 rssKiB(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

struct Client {
    int fd = -1;
    bool stalled = false;
    bool closed = false;
    wswire::FrameParser parser;
    quint64 consumed = 0;
    quint64 resyncs = 0;
};

int connectClient(const QByteArray &host, quint16 port, const QString &token, const QByteArray &topicsJson,
                  bool stalled, QByteArray *leftover, QString *error)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (stalled) {
        const int small = 4096;
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small));
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    if (::inet_pton(AF_INET, host.constData(), &address.sin_addr) != 1) {
        *error = QStringLiteral("--host must be an IPv4 address");
        ::close(fd);
        return -1;
    }
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0) {
        *error = QStringLiteral("cannot connect to %1:%2").arg(QString::fromLatin1(host)).arg(port);
        ::close(fd);
        return -1;
    }
    const QByteArray request = wswire::handshakeRequest(host, port);
    // RFC 6455 4.1: nothing more until the server's 101 (Qt's server would not see pipelined frames).
    QByteArray out = wswire::clientFrame(QByteArrayLiteral(R"({"type":"auth","id":1,"token":")") + token.toUtf8() +
                                         QByteArrayLiteral("\"}"));
    out += wswire::clientFrame(QByteArrayLiteral(R"({"type":"subscribe","id":2,"topics":)") + topicsJson +
                               QByteArrayLiteral("}"));
    if (::write(fd, request.constData(), static_cast<size_t>(request.size())) != request.size()) {
        *error = QStringLiteral("cannot send the handshake");
        ::close(fd);
        return -1;
    }
    QByteArray response;
    char chunk[4096];
    while (response.indexOf("\r\n\r\n") < 0) {
        const ssize_t n = ::read(fd, chunk, sizeof(chunk));
        if (n <= 0) {
            *error = QStringLiteral("connection closed during the handshake");
            ::close(fd);
            return -1;
        }
        response.append(chunk, n);
    }
    if (!response.startsWith("HTTP/1.1 101")) {
        *error =
            QStringLiteral("handshake refused: %1").arg(QString::fromLatin1(response.left(response.indexOf('\r'))));
        ::close(fd);
        return -1;
    }
    *leftover = response.mid(response.indexOf("\r\n\r\n") + 4);
    if (::write(fd, out.constData(), static_cast<size_t>(out.size())) != out.size()) {
        *error = QStringLiteral("cannot send auth and subscribe");
        ::close(fd);
        return -1;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

double percentile(const std::vector<qint64> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    return double(sorted[std::min(sorted.size() - 1, std::size_t(double(sorted.size()) * p))]);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ws_load_tool"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Load generator for the breakout-workstation WebSocket server."));
    parser.addHelpOption();
    const QCommandLineOption hostOption(QStringLiteral("host"), QStringLiteral("Server IPv4 address."),
                                        QStringLiteral("ip"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Server port."), QStringLiteral("n"),
                                        QStringLiteral("8765"));
    const QCommandLineOption tokenOption(QStringLiteral("token"), QStringLiteral("Access token."),
                                         QStringLiteral("token"));
    const QCommandLineOption tokenFileOption(QStringLiteral("token-file"),
                                             QStringLiteral("File holding the access token."), QStringLiteral("path"));
    const QCommandLineOption clientsOption(QStringLiteral("clients"), QStringLiteral("Number of clients."),
                                           QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption stallOption(QStringLiteral("stall"), QStringLiteral("How many of the clients never read."),
                                         QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption rateOption(QStringLiteral("read-rate"),
                                        QStringLiteral("Messages per second each client reads (0: all it can)."),
                                        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption topicsOption(QStringLiteral("topics"), QStringLiteral("Comma-separated topics."),
                                          QStringLiteral("list"),
                                          QStringLiteral("engine,scan,signals,positions,orders,resources,caches,"
                                                         "pressure,log"));
    const QCommandLineOption durationOption(QStringLiteral("duration"), QStringLiteral("Seconds to run."),
                                            QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption pidOption(QStringLiteral("pid"), QStringLiteral("Server process id, for its RSS."),
                                       QStringLiteral("pid"));
    const QCommandLineOption serveOption(QStringLiteral("serve"),
                                         QStringLiteral("Run an in-process server publishing synthetic messages."));
    const QCommandLineOption publishRateOption(QStringLiteral("publish-rate"),
                                               QStringLiteral("--serve: messages per second on the log topic."),
                                               QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("--serve: message size in bytes."),
                                        QStringLiteral("bytes"), QStringLiteral("2048"));
    parser.addOptions({hostOption, portOption, tokenOption, tokenFileOption, clientsOption, stallOption, rateOption,
                       topicsOption, durationOption, pidOption, serveOption, publishRateOption, sizeOption});
    parser.process(app);

    const auto fail = [](const QString &message) {
        std::fprintf(stderr, "ws_load_tool: %s\n", qPrintable(message));
        return 2;
    };
    bool ok = true;
    const auto intOption = [&](const QCommandLineOption &option, int minimum) {
        bool parsed = false;
        const int value = parser.value(option).toInt(&parsed);
        if (!parsed || value < minimum) {
            ok = false;
            std::fprintf(stderr, "ws_load_tool: --%s must be an integer >= %d\n", qPrintable(option.names().first()),
                         minimum);
        }
        return value;
    };
    const int clients = intOption(clientsOption, 1);
    const int stall = intOption(stallOption, 0);
    const int readRate = intOption(rateOption, 0);
    const int duration = intOption(durationOption, 1);
    const int publishRate = intOption(publishRateOption, 1);
    const int size = intOption(sizeOption, 16);
    int port = intOption(portOption, 0);
    if (!ok)
        return 2;
    if (stall > clients)
        return fail(QStringLiteral("--stall cannot exceed --clients"));
    QByteArray topicsJson = "[";
    for (const QString &topic : parser.value(topicsOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!protocol::topicFromName(topic))
            return fail(QStringLiteral("unknown topic '%1' in --topics").arg(topic));
        topicsJson += (topicsJson.size() > 1 ? ",\"" : "\"") + topic.toUtf8() + '"';
    }
    topicsJson += ']';

    QString token = parser.value(tokenOption);
    if (parser.isSet(tokenFileOption)) {
        QFile file(parser.value(tokenFileOption));
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        token = QString::fromUtf8(file.readAll()).trimmed();
    }

    qint64 pid = parser.isSet(pidOption) ? parser.value(pidOption).toLongLong() : 0;
    QThread serverThread;
    RemoteServer *server = nullptr;
    if (parser.isSet(serveOption)) {
        QLoggingCategory::setFilterRules(QStringLiteral("bw.server.info=false"));
        ServerConfig config;
        config.port = 0;
        token = ServerToken::generate();
        config.tokens.insert(token, protocol::Role::Viewer);
        config.maxClients = clients + 1;
        server = new RemoteServer(config);
        server->moveToThread(&serverThread);
        QObject::connect(&serverThread, &QThread::finished, server, &QObject::deleteLater);
        serverThread.start();
        bool started = false;
        QMetaObject::invokeMethod(server, &RemoteServer::start, Qt::BlockingQueuedConnection, &started);
        if (!started)
            return fail(server->errorString());
        port = server->port();
        pid = QCoreApplication::applicationPid();
    }
    if (token.isEmpty())
        return fail(QStringLiteral("give --token, --token-file or --serve"));

    const QByteArray host = parser.value(hostOption).toLatin1();
    std::vector<std::unique_ptr<Client>> all;
    for (int i = 0; i < clients; ++i) {
        auto client = std::make_unique<Client>();
        client->stalled = i < stall;
        QByteArray leftover;
        QString error;
        client->fd = connectClient(host, quint16(port), token, topicsJson, client->stalled, &leftover, &error);
        if (client->fd < 0)
            return fail(error);
        client->parser.feed(leftover);
        all.push_back(std::move(client));
    }
    std::printf(
        "%d clients connected (%d stalled), read rate %s, %d s%s\n", clients, stall,
        readRate > 0 ? qPrintable(QStringLiteral("%1/s").arg(readRate)) : "unlimited", duration,
        server ? qPrintable(QStringLiteral(", in-process server publishing %1 x %2 B/s").arg(publishRate).arg(size))
               : "");

    using SteadyClock = std::chrono::steady_clock;
    const auto start = SteadyClock::now();
    const auto end = start + std::chrono::seconds(duration);
    auto nextReport = start + std::chrono::seconds(1);
    qint64 published = 0;
    quint64 messages = 0;
    quint64 lastMessages = 0;
    quint64 closes = 0;
    std::vector<qint64> latencies;
    std::vector<char> chunk(64 * 1024);
    const QString pad(size, QLatin1Char('x'));

    while (SteadyClock::now() < end) {
        const double elapsed = std::chrono::duration<double>(SteadyClock::now() - start).count();
        if (server) {
            const qint64 due = qint64(elapsed * publishRate);
            for (; published < due; ++published)
                server->publish(protocol::Topic::Log,
                                QJsonObject{{QStringLiteral("n"), published}, {QStringLiteral("pad"), pad}});
        }
        std::vector<pollfd> fds;
        std::vector<Client *> polled;
        for (auto &client : all) {
            if (client->stalled || client->closed)
                continue;
            const quint64 allowed = readRate > 0 ? quint64(elapsed * readRate) : ~quint64(0);
            // Consume what is already parsed first; read from the socket only when within the rate.
            while (client->consumed < allowed) {
                auto frame = client->parser.next();
                if (!frame)
                    break;
                if (frame->opcode == 8) {
                    if (closes == 0 && frame->payload.size() >= 2)
                        std::printf("first close: code %d, %s\n",
                                    (static_cast<unsigned char>(frame->payload[0]) << 8) |
                                        static_cast<unsigned char>(frame->payload[1]),
                                    frame->payload.mid(2).constData());
                    client->closed = true;
                    ++closes;
                    break;
                }
                if (frame->opcode != 1)
                    continue;
                ++client->consumed;
                ++messages;
                const qint64 ts = wswire::envelopeTs(frame->payload);
                if (ts > 0)
                    latencies.push_back(QDateTime::currentMSecsSinceEpoch() - ts);
                if (frame->payload.contains("\"type\":\"resync\""))
                    ++client->resyncs;
                if (latencies.size() > 2'000'000) // bounded: keep a sample
                    latencies.erase(latencies.begin(), latencies.begin() + 1'000'000);
            }
            if (!client->closed && client->consumed < allowed) {
                fds.push_back(pollfd{client->fd, POLLIN, 0});
                polled.push_back(client.get());
            }
        }
        ::poll(fds.data(), fds.size(), 5);
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP)))
                continue;
            const ssize_t n = ::read(fds[i].fd, chunk.data(), chunk.size());
            if (n > 0) {
                polled[i]->parser.feed(chunk.data(), n);
            } else if (n == 0) {
                polled[i]->closed = true;
                ++closes;
            }
        }
        if (SteadyClock::now() >= nextReport) {
            nextReport += std::chrono::seconds(1);
            std::printf("t=%3.0fs  %8llu msg/s  rss %s\n", elapsed,
                        static_cast<unsigned long long>(messages - lastMessages),
                        pid > 0 ? qPrintable(QStringLiteral("%1 KiB").arg(rssKiB(pid))) : "n/a (no --pid)");
            std::fflush(stdout);
            lastMessages = messages;
        }
    }

    const double seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
    std::sort(latencies.begin(), latencies.end());
    quint64 resyncs = 0;
    for (const auto &client : all)
        resyncs += client->resyncs;
    std::printf("messages %llu in %.1f s: %.0f msg/s (all clients)\n", static_cast<unsigned long long>(messages),
                seconds, double(messages) / seconds);
    std::printf("latency ms p50 %.0f p90 %.0f p99 %.0f max %.0f (envelope ts vs receive, ms resolution)\n",
                percentile(latencies, 0.5), percentile(latencies, 0.9), percentile(latencies, 0.99),
                latencies.empty() ? 0.0 : double(latencies.back()));
    std::printf("resyncs %llu, closed by server %llu\n", static_cast<unsigned long long>(resyncs),
                static_cast<unsigned long long>(closes));
    if (pid > 0)
        std::printf("server rss %lld KiB (pid %lld)\n", static_cast<long long>(rssKiB(pid)),
                    static_cast<long long>(pid));
    if (server) {
        for (const ClientStats &stats : server->clientStats()) {
            if (stats.resyncs > 0 || stats.queuedBytes > 64 * 1024)
                std::printf("server view of client %llu: queued %lld B, dropped %llu, resyncs %llu\n",
                            static_cast<unsigned long long>(stats.id), static_cast<long long>(stats.queuedBytes),
                            static_cast<unsigned long long>(stats.dropped),
                            static_cast<unsigned long long>(stats.resyncs));
        }
    }
    for (auto &client : all)
        ::close(client->fd);
    if (server) {
        QMetaObject::invokeMethod(server, &RemoteServer::stop, Qt::BlockingQueuedConnection);
        serverThread.quit();
        serverThread.wait();
    }
    return 0;
}
