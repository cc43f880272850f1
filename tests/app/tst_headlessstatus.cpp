#include "app/HeadlessStatus.h"

#include <QSignalSpy>
#include <QSocketNotifier>
#include <QtTest>

#include <cstdio>
#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

using namespace bw;
using namespace Qt::StringLiterals;

namespace {

MarketOverview overview(int symbols)
{
    MarketOverview o;
    o.sourceName = u"Test market"_s;
    o.marketTimeMs = 1'764'258'432'000;
    o.barIntervalMs = 300'000;
    o.formingBarOpenMs = o.marketTimeMs - o.marketTimeMs % o.barIntervalMs;
    for (int i = 0; i < symbols; ++i) {
        SymbolOverview s;
        s.symbol = u"SYM%1USDT"_s.arg(i);
        s.lastPrice = 1 + i;
        o.symbols.append(s);
    }
    return o;
}

// A pseudo-terminal: what the status line writes to the slave side, the test reads from the master.
struct Pty {
    int master = -1;
    std::FILE *slave = nullptr;

    explicit Pty(unsigned short columns)
    {
        int slaveFd = -1;
        winsize size{};
        size.ws_col = columns;
        size.ws_row = 24;
        if (::openpty(&master, &slaveFd, nullptr, nullptr, &size) == 0) {
            ::fcntl(master, F_SETFL, O_NONBLOCK);
            slave = ::fdopen(slaveFd, "w");
        }
    }
    ~Pty()
    {
        if (slave)
            std::fclose(slave);
        if (master >= 0)
            ::close(master);
    }
    QByteArray read() const
    {
        QByteArray all;
        char buffer[4096];
        ssize_t n = 0;
        while ((n = ::read(master, buffer, sizeof buffer)) > 0)
            all.append(buffer, n);
        return all;
    }
};

} // namespace

class TestHeadlessStatus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void rewritesOneTerminalLineInPlace()
    {
        Pty pty(200);
        QVERIFY(pty.slave);
        HeadlessStatus status(pty.slave, u"Test market"_s, 10);
        QVERIFY(status.isTerminal());
        status.start();
        status.showOverview(overview(3));
        QByteArray seen;
        // Two refreshes: each starts with a carriage return and clears to the end of the line.
        QTRY_VERIFY_WITH_TIMEOUT((seen += pty.read()).count("\x1b[K") >= 3, 10'000);
        QVERIFY(seen.startsWith('\r'));
        QVERIFY(seen.contains("| 3 symbols |"));
        QVERIFY(!seen.contains('\n'));
        status.finish();
        QTRY_VERIFY((seen += pty.read()).endsWith("\r\n") || seen.endsWith('\n'));
    }

    void cutsTheLineToTheTerminalWidth()
    {
        Pty pty(60);
        QVERIFY(pty.slave);
        HeadlessStatus status(pty.slave, u"Test market"_s, 10);
        status.start();
        status.showOverview(overview(300));
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += pty.read()).contains("Test market | 20"), 10'000);
        // Every line drawn fits in 59 columns, so the terminal never wraps it.
        const QList<QByteArray> lines = seen.split('\r');
        for (const QByteArray &line : lines) {
            const QString text = QString::fromUtf8(QByteArray(line).replace("\x1b[K", ""));
            QVERIFY2(text.size() <= 59, qPrintable(text));
        }
        QVERIFY(seen.contains("\xe2\x80\xa6")); // the ellipsis shows that something was cut
    }

    void printsPlainLinesIntoAPipe()
    {
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
        std::FILE *out = ::fdopen(fds[1], "w");
        {
            HeadlessStatus status(out, u"Test market"_s, 10);
            QVERIFY(!status.isTerminal());
            status.start();
            status.showOverview(overview(5)); // the first overview prints at once
            status.finish();
        }
        std::fclose(out);
        QByteArray text;
        char buffer[4096];
        ssize_t n = 0;
        while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0)
            text.append(buffer, n);
        ::close(fds[0]);
        QVERIFY2(text.startsWith("Test market | "), text.constData());
        QVERIFY(text.contains("| 5 symbols |"));
        QVERIFY(text.endsWith('\n'));
        QCOMPARE(text.count('\n'), 1);
        QVERIFY(!text.contains('\r'));
        QVERIFY(!text.contains("\x1b["));
    }
};

QTEST_GUILESS_MAIN(TestHeadlessStatus)
#include "tst_headlessstatus.moc"
