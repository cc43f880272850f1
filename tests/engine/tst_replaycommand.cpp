#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

// Runs `breakout-workstation replay` (and `record`) as a user would.
class TestReplayCommand : public QObject
{
    Q_OBJECT

private:
    static QByteArray run(const QStringList &arguments, int *exitCode, QByteArray *errorOutput = nullptr)
    {
        QProcess p;
        p.start(QStringLiteral(BW_APP_PATH), arguments);
        if (!p.waitForFinished(300000)) {
            p.kill();
            p.waitForFinished();
        }
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        if (errorOutput)
            *errorOutput = p.readAllStandardError();
        return p.readAllStandardOutput();
    }

    static QString dataDir() { return QStringLiteral(BW_TEST_DATA_DIR "/../data/sim-small"); }

private slots:
    void sameInputSameReport()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray reports[2];
        for (int i = 0; i < 2; ++i) {
            const QString path = dir.filePath(QStringLiteral("report%1.json").arg(i));
            int code = -1;
            QByteArray err;
            const QByteArray out =
                run({QStringLiteral("replay"), QStringLiteral("--data"), dataDir(), QStringLiteral("--preset"),
                     QStringLiteral("breakout_v1_relaxed"), QStringLiteral("--report"), path},
                    &code, &err);
            QCOMPARE(code, 0);
            QVERIFY2(out.contains("Trades:"), out.constData());
            QVERIFY(err.contains("100%")); // the progress bar
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            reports[i] = f.readAll();
        }
        QCOMPARE(reports[0], reports[1]);
        const QJsonObject report = QJsonDocument::fromJson(reports[0]).object();
        QVERIFY(report.value(QStringLiteral("trades")).toInt() > 0);
        QCOMPARE(report.value(QStringLiteral("symbols")).toInt(), 10);
        for (const char *key :
             {"win_rate", "profit_factor", "expectancy_r", "max_drawdown", "equity_curve", "trade_list"})
            QVERIFY2(report.contains(QLatin1String(key)), key);
        // The books balance: starting cash plus every trade's net result is the final cash (no position open).
        if (report.value(QStringLiteral("open_positions_at_end")).toInt() == 0) {
            QVERIFY(std::abs(report.value(QStringLiteral("starting_equity")).toDouble() +
                             report.value(QStringLiteral("net_pnl")).toDouble() -
                             report.value(QStringLiteral("final_cash")).toDouble()) < 1e-6);
        }
    }

    void badArgumentsAreNamed()
    {
        int code = -1;
        QByteArray err;
        run({QStringLiteral("replay"), QStringLiteral("--data"), QStringLiteral("/nonexistent/folder"),
             QStringLiteral("--preset"), QStringLiteral("breakout_v1")},
            &code, &err);
        QCOMPARE(code, 2);
        QVERIFY(err.contains("/nonexistent/folder"));
        run({QStringLiteral("replay"), QStringLiteral("--data"), dataDir(), QStringLiteral("--preset"),
             QStringLiteral("no_such_preset")},
            &code, &err);
        QCOMPARE(code, 2);
        QVERIFY(err.contains("no_such_preset"));
        run({QStringLiteral("replay"), QStringLiteral("--data"), dataDir(), QStringLiteral("--preset"),
             QStringLiteral("breakout_v1"), QStringLiteral("--speed"), QStringLiteral("fast")},
            &code, &err);
        QCOMPARE(code, 2);
        QVERIFY(err.contains("--speed"));
    }

    void recordWritesAReplayableDataSet()
    {
        QTemporaryDir dir;
        int code = -1;
        run({QStringLiteral("record"), QStringLiteral("--out"), dir.path(), QStringLiteral("--symbols"),
             QStringLiteral("3"), QStringLiteral("--bars"), QStringLiteral("300")},
            &code);
        QCOMPARE(code, 0);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("BTCUSDT.csv"))));
        const QByteArray out =
            run({QStringLiteral("replay"), QStringLiteral("--data"), dir.path(), QStringLiteral("--preset"),
                 QStringLiteral("breakout_v1_relaxed"), QStringLiteral("--quiet")},
                &code);
        QCOMPARE(code, 0);
        QVERIFY(out.contains("Replay of 3 symbols"));
        run({QStringLiteral("record"), QStringLiteral("--out"), dir.path(), QStringLiteral("--bars"),
             QStringLiteral("5")},
            &code);
        QCOMPARE(code, 2);
    }
};

QTEST_GUILESS_MAIN(TestReplayCommand)
#include "tst_replaycommand.moc"
