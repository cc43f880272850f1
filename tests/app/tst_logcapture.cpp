#include "app/LogCapture.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace bw;

namespace {

Q_LOGGING_CATEGORY(lcCaptureTest, "test.capture")

// Counts what reaches the handler installed before the capture (the terminal's, in the program).
std::atomic<int> g_previousSaw{0};
QtMessageHandler g_qtestHandler = nullptr;

void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "test.capture") == 0)
        ++g_previousSaw;
    else if (g_qtestHandler)
        g_qtestHandler(type, context, message);
}

} // namespace

class TestLogCapture : public QObject
{
    Q_OBJECT

private slots:
    // Lines of the test category go to a counting handler instead of the test log.
    void init()
    {
        g_previousSaw = 0;
        g_qtestHandler = qInstallMessageHandler(countingHandler);
    }
    void cleanup()
    {
        if (g_qtestHandler)
            qInstallMessageHandler(g_qtestHandler);
        g_qtestHandler = nullptr;
    }
    void linesFromSeveralThreadsArrive();
    void rateLimitReportsDroppedLines();
    void pendingLinesAreBounded();
};

void TestLogCapture::linesFromSeveralThreadsArrive()
{
    {
        LogCapture::Limits limits;
        limits.linesPerSecond = 1e6;
        limits.burstLines = 100000;
        limits.maxPending = 100000;
        limits.recentLines = 100;
        LogCapture capture(limits);
        QList<LogLine> lines;
        int offThread = 0;
        connect(&capture, &LogCapture::lineCaptured, this, [&](const LogLine &line) {
            if (QThread::currentThread() != thread())
                ++offThread;
            if (line.category == u"test.capture")
                lines.append(line);
        });

        constexpr int kThreads = 4;
        constexpr int kLines = 250;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back(QThread::create([t] {
                for (int i = 0; i < kLines; ++i) {
                    if (i % 2 == 0)
                        qCInfo(lcCaptureTest).noquote() << QStringLiteral("thread %1 line %2").arg(t).arg(i);
                    else
                        qCWarning(lcCaptureTest).noquote() << QStringLiteral("thread %1 line %2").arg(t).arg(i);
                }
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(60000));
        QTRY_COMPARE(lines.size(), kThreads * kLines);
        QCOMPARE(offThread, 0);
        QCOMPARE(capture.droppedLines(), 0);
        // Every line once, each thread's lines in the order it logged them, with level and time.
        std::vector<int> next(kThreads, 0);
        for (const LogLine &line : std::as_const(lines)) {
            const QStringList parts = line.message.split(u' ');
            QCOMPARE(parts.size(), 4);
            const int t = parts.at(1).toInt();
            const int i = parts.at(3).toInt();
            QCOMPARE(i, next[std::size_t(t)]++);
            QCOMPARE(line.level, i % 2 == 0 ? QtInfoMsg : QtWarningMsg);
            QVERIFY(line.timeMs > 0);
        }
        // The handler that was there before still saw every line.
        QCOMPARE(g_previousSaw.load(), kThreads * kLines);
        // The recent ring keeps the latest lines only.
        QCOMPARE(capture.recentLines().size(), 100);
        QCOMPARE(capture.recentLines().constLast().message, lines.constLast().message);
    }
    // The capture gone, its predecessor is the handler again.
    const QtMessageHandler current = qInstallMessageHandler(g_qtestHandler);
    g_qtestHandler = nullptr;
    QVERIFY(current == &countingHandler);
}

void TestLogCapture::rateLimitReportsDroppedLines()
{
    ManualClock clock(1'700'000'000'000);
    LogCapture::Limits limits;
    limits.linesPerSecond = 10;
    limits.burstLines = 20;
    limits.maxPending = 1000;
    limits.recentLines = 30;
    LogCapture capture(limits, clock);
    QList<LogLine> lines;
    connect(&capture, &LogCapture::lineCaptured, this, [&](const LogLine &line) { lines.append(line); });

    // A burst of 100 lines at one instant: the burst allowance passes, the rest is counted, not queued.
    for (int i = 0; i < 100; ++i)
        qCInfo(lcCaptureTest) << "burst" << i;
    QCoreApplication::processEvents();
    QTRY_COMPARE(lines.size(), 21);
    QCOMPARE(capture.droppedLines(), 80);
    QCOMPARE(lines.constLast().level, QtWarningMsg);
    QVERIFY2(lines.constLast().message.contains(QStringLiteral("log lines dropped: 80")),
             qPrintable(lines.constLast().message));

    // A second later the rate allows ten more.
    clock.advanceMs(1000);
    for (int i = 0; i < 15; ++i)
        qCInfo(lcCaptureTest) << "later" << i;
    QTRY_COMPARE(lines.size(), 21 + 10 + 1);
    QVERIFY(lines.constLast().message.contains(QStringLiteral("log lines dropped: 5")));
    QCOMPARE(capture.droppedLines(), 85);
    // The ring holds its capacity, newest last.
    const QList<LogLine> recent = capture.recentLines();
    QCOMPARE(recent.size(), 30);
    QCOMPARE(recent.constLast().message, lines.constLast().message);
}

void TestLogCapture::pendingLinesAreBounded()
{
    ManualClock clock(1'700'000'000'000);
    LogCapture::Limits limits;
    limits.linesPerSecond = 1e6;
    limits.burstLines = 100000;
    limits.maxPending = 50;
    LogCapture capture(limits, clock);
    QList<LogLine> lines;
    connect(&capture, &LogCapture::lineCaptured, this, [&](const LogLine &line) { lines.append(line); });
    // The receiving thread is busy (no event processing here): the queue stops at its bound.
    for (int i = 0; i < 200; ++i)
        qCInfo(lcCaptureTest) << "queued" << i;
    QCOMPARE(capture.droppedLines(), 150);
    QTRY_COMPARE(lines.size(), 51);
    QVERIFY(lines.constLast().message.contains(QStringLiteral("log lines dropped: 150")));
}

QTEST_GUILESS_MAIN(TestLogCapture)
#include "tst_logcapture.moc"
