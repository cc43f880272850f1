#include <QFileInfo>
#include <QProcess>
#include <QtTest>

#include <csignal>

using namespace Qt::StringLiterals;

// The executable in its headless mode, as a user starts it: a real process, real signals.
class TestHeadless : public QObject
{
    Q_OBJECT

private:
    static QProcessEnvironment environment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Headless must not need a display server, whatever the developer's session has.
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        env.remove(u"QT_QPA_PLATFORM"_s);
        env.insert(u"LANG"_s, u"C.UTF-8"_s);
        env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        return env;
    }

    struct Result {
        int exitCode = -1;
        QProcess::ExitStatus status = QProcess::CrashExit;
        QString out;
        QString err;
    };

    static Result runToEnd(const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(BW_APP_PATH), arguments);
        Result result;
        if (!process.waitForFinished(60'000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitCode();
        result.status = process.exitStatus();
        result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
        result.err = QString::fromLocal8Bit(process.readAllStandardError());
        return result;
    }

private slots:
    void printsStatusLineAndStopsCleanlyOnSignal_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT (Ctrl-C)") << int(SIGINT);
    }

    void printsStatusLineAndStopsCleanlyOnSignal()
    {
        QFETCH(int, signalNumber);
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(BW_APP_PATH),
                      {u"--headless"_s, u"--symbols"_s, u"25"_s, u"--seed"_s, u"3"_s, u"--status-every"_s, u"1"_s});
        QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));

        QString out;
        const auto readOut = [&] {
            out += QString::fromLocal8Bit(process.readAllStandardOutput());
            return out;
        };
        // Not a terminal: plain lines, the first as soon as the market is known.
        QTRY_VERIFY_WITH_TIMEOUT(readOut().contains(u"| 25 symbols |"_s), 60'000);
        const QString line = out.section(u'\n', 0, 0);
        QVERIFY2(line.startsWith(u"Simulated market"_s), qPrintable(line));
        QVERIFY2(line.contains(u" UTC"_s), qPrintable(line));
        QVERIFY2(line.contains(u"RSS "_s), qPrintable(line));
        QVERIFY2(!out.contains(u'\r'), "no carriage returns when stdout is not a terminal");
        // The engine's part: state, last scan, candidates, open positions, equity.
        QTRY_VERIFY_WITH_TIMEOUT(readOut().contains(u" | engine "_s), 60'000);
        QVERIFY2(out.contains(u", open positions "_s) && out.contains(u", equity "_s), qPrintable(out));

        ::kill(static_cast<pid_t>(process.processId()), signalNumber);
        QVERIFY(process.waitForFinished(30'000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(QString::fromLocal8Bit(process.readAllStandardError()).contains(u"Stopped"_s));
        // The paper-trading journal lives in the data folder, so positions and cash survive a restart.
        const QString journal =
            environment().value(u"XDG_DATA_HOME"_s) + u"/BreakoutWorkstation/breakout-workstation/journal.sqlite"_s;
        QVERIFY2(QFileInfo::exists(journal), qPrintable(journal));
    }

    // --replay DIR: the same headless workstation on recorded candles.
    void runsOnARecordedMarket()
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(BW_APP_PATH),
                      {u"--headless"_s, u"--replay"_s, QStringLiteral(BW_TEST_DATA_DIR "/../data/sim-small"),
                       u"--no-server"_s, u"--no-journal"_s, u"--status-every"_s, u"1"_s});
        QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
        QString out;
        const auto readOut = [&] {
            out += QString::fromLocal8Bit(process.readAllStandardOutput());
            return out;
        };
        QTRY_VERIFY_WITH_TIMEOUT(readOut().contains(u" | engine "_s), 60'000);
        QVERIFY2(out.section(u'\n', 0, 0).startsWith(u"Replay of "_s), qPrintable(out.section(u'\n', 0, 0)));
        ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(30'000));
        QCOMPARE(process.exitCode(), 0);
    }

    void rejectsBadArgumentsWithExitCode2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("symbols, headless") << QStringList{u"--headless"_s, u"--symbols"_s, u"lots"_s} << u"--symbols"_s;
        // Without --headless too: an error must not need a display.
        QTest::newRow("symbols, desktop") << QStringList{u"--symbols"_s, u"0"_s} << u"--symbols"_s;
        QTest::newRow("bar interval") << QStringList{u"--headless"_s, u"--bar-interval"_s, u"7x"_s}
                                      << u"--bar-interval"_s;
        QTest::newRow("speed") << QStringList{u"--headless"_s, u"--speed"_s, u"-1"_s} << u"--speed"_s;
        QTest::newRow("theme") << QStringList{u"--theme"_s, u"pink"_s} << u"--theme"_s;
        QTest::newRow("unknown option") << QStringList{u"--headles"_s} << u"headles"_s;
        QTest::newRow("unknown command") << QStringList{u"scna"_s} << u"scna"_s;
        QTest::newRow("source") << QStringList{u"--headless"_s, u"--source"_s, u"nasdaq"_s} << u"--source"_s;
        QTest::newRow("replay folder") << QStringList{u"--headless"_s, u"--replay"_s, u"/nonexistent/data"_s}
                                       << u"/nonexistent/data"_s;
        QTest::newRow("language without translation")
            << QStringList{u"--headless"_s, u"--lang"_s, u"xx"_s} << u"available: en, de"_s;
    }

    void rejectsBadArgumentsWithExitCode2()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const Result result = runToEnd(arguments);
        QCOMPARE(result.status, QProcess::NormalExit);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
    }

    void explainsAMissingDisplayInsteadOfCrashing()
    {
#ifndef BW_APP_HAS_UI
        QSKIP("built without the desktop UI: the default mode is headless");
#endif
        const Result result = runToEnd({u"--symbols"_s, u"10"_s});
        QCOMPARE(result.status, QProcess::NormalExit);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"--headless"_s), qPrintable(result.err));
    }

    void speaksGermanWhenAsked()
    {
        const Result result = runToEnd({u"--lang"_s, u"de"_s, u"--headless"_s, u"--symbols"_s, u"lots"_s});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(u"ungültiger Wert"_s), qPrintable(result.err));
    }

    void helpListsTheOptions()
    {
        const Result result = runToEnd({u"--help"_s});
        QCOMPARE(result.exitCode, 0);
        for (const QString &option : {u"--headless"_s, u"--symbols"_s, u"--seed"_s, u"--bar-interval"_s, u"--speed"_s,
                                      u"--theme"_s, u"--lang"_s})
            QVERIFY2(result.out.contains(option), qPrintable(option));
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
