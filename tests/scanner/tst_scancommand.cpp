#include "scanner/PresetLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace bw;

class TestScanCommand : public QObject
{
    Q_OBJECT

private:
    struct Run {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };

    static Run run(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(BW_APP_PATH), QStringList{QStringLiteral("scan")} + arguments);
        Run r;
        if (!process.waitForFinished(120000))
            return r;
        r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        r.out = process.readAllStandardOutput();
        r.err = QString::fromUtf8(process.readAllStandardError());
        return r;
    }

private slots:
    void initTestCase()
    {
        // The same names as the program, so that userPresetDirectory() is the folder it reads.
        QCoreApplication::setOrganizationName(QStringLiteral("BreakoutWorkstation"));
        QCoreApplication::setApplicationName(QStringLiteral("breakout-workstation"));
    }

    void cleanupTestCase() { QFile::remove(PresetLoader::userPresetDirectory() + QStringLiteral("/mine.json")); }

    void jsonReportOfASeededMarket()
    {
        const Run a =
            run({QStringLiteral("--preset"), QStringLiteral("breakout_v1_relaxed"), QStringLiteral("--symbols"),
                 QStringLiteral("150"), QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--json")});
        QCOMPARE(a.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(a.out).object();
        QCOMPARE(report.value(QStringLiteral("preset")).toString(), QStringLiteral("breakout_v1_relaxed"));
        QCOMPARE(report.value(QStringLiteral("symbols_total")).toInt(), 150);
        QCOMPARE(report.value(QStringLiteral("funnel")).toArray().size(), 7);
        QVERIFY(report.value(QStringLiteral("candidates")).isArray());
        QVERIFY(!report.value(QStringLiteral("rejections")).toArray().isEmpty());
        // The same seed prints the same ranking.
        const Run b =
            run({QStringLiteral("--preset"), QStringLiteral("breakout_v1_relaxed"), QStringLiteral("--symbols"),
                 QStringLiteral("150"), QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--json"),
                 QStringLiteral("--threads"), QStringLiteral("1")});
        QCOMPARE(b.exitCode, 0);
        const QJsonObject second = QJsonDocument::fromJson(b.out).object();
        QCOMPARE(second.value(QStringLiteral("candidates")), report.value(QStringLiteral("candidates")));
    }

    void tableOutput()
    {
        const Run r = run({QStringLiteral("--preset"), QStringLiteral("breakout_v1"), QStringLiteral("--symbols"),
                           QStringLiteral("60")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Funnel"));
        QVERIFY(r.out.contains("liquidity"));
    }

    void badInputExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no preset") << QStringList{} << QStringLiteral("--preset NAME is required");
        QTest::newRow("unknown preset") << QStringList{QStringLiteral("--preset"), QStringLiteral("nope")}
                                        << QStringLiteral("nope: no such preset");
        QTest::newRow("symbols not a number") << QStringList{QStringLiteral("--preset"), QStringLiteral("breakout_v1"),
                                                             QStringLiteral("--symbols"), QStringLiteral("many")}
                                              << QStringLiteral("--symbols: \"many\"");
        QTest::newRow("too many symbols") << QStringList{QStringLiteral("--preset"), QStringLiteral("breakout_v1"),
                                                         QStringLiteral("--symbols"), QStringLiteral("20000")}
                                          << QStringLiteral("--symbols");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--preset"), QStringLiteral("breakout_v1"),
                                                       QStringLiteral("--fast")}
                                        << QStringLiteral("fast");
        QTest::newRow("missing data folder")
            << QStringList{QStringLiteral("--preset"), QStringLiteral("breakout_v1"), QStringLiteral("--data"),
                           QStringLiteral("/nonexistent/folder")}
            << QStringLiteral("does not exist");
        QTest::newRow("bad user preset") << QStringList{QStringLiteral("--preset"), QStringLiteral("mine")}
                                         << QStringLiteral("mine.json: scanner.score_weights.foo: unknown key");
    }

    void badInputExitsWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QString dir = PresetLoader::userPresetDirectory();
        QVERIFY(QDir().mkpath(dir));
        QFile mine(dir + QStringLiteral("/mine.json"));
        QFile source(QStringLiteral(BW_TEST_DATA_DIR "/fixtures/unknown_weight.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.write(source.readAll().replace("\"unknown_weight\"", "\"mine\""));
        mine.close();
        const Run r = run(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestScanCommand)
#include "tst_scancommand.moc"
