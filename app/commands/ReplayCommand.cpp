// `breakout-workstation replay`: runs the engine over recorded candles and reports the backtest.

#include "Commands.h"
#include "engine/BacktestReport.h"
#include "engine/Engine.h"
#include "market/ReplayFeed.h"
#include "scanner/PresetLoader.h"
#include "trading/PaperBroker.h"
#include "trading/PositionBook.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>
#include <QThread>

namespace bw::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReplayCommand", text);
}

void drawProgress(QTextStream &err, double fraction, const EngineStatus &s)
{
    constexpr int kWidth = 30;
    const int filled = std::clamp(int(fraction * kWidth), 0, kWidth);
    err << '\r' << '[' << QString(filled, QLatin1Char('#')) << QString(kWidth - filled, QLatin1Char('.')) << "] "
        << QString::number(fraction * 100, 'f', 0) << "% "
        << tr("scans %1, trades %2, open %3, equity %4")
               .arg(s.scans)
               .arg(s.closedTrades)
               .arg(s.openPositions)
               .arg(s.equity, 0, 'f', 2)
        << "   ";
    err.flush();
}

} // namespace

int runReplayCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Run the trading engine over recorded candles and report the result."));
    parser.addHelpOption();
    const QCommandLineOption dataOption(QStringLiteral("data"), tr("Folder (or file) of recorded candles."), tr("dir"));
    const QCommandLineOption presetOption(QStringLiteral("preset"), tr("Preset name or file."), tr("name"));
    const QCommandLineOption speedOption(QStringLiteral("speed"),
                                         tr("max (default) or bar times per second of wall time."), tr("max|N"),
                                         QStringLiteral("max"));
    const QCommandLineOption reportOption(QStringLiteral("report"), tr("Write the JSON report to this file."),
                                          tr("file"));
    const QCommandLineOption backfillOption(QStringLiteral("backfill"),
                                            tr("Bar times delivered as history before trading starts."), tr("n"),
                                            QStringLiteral("200"));
    const QCommandLineOption cashOption(QStringLiteral("cash"), tr("Starting cash in USD."), tr("usd"),
                                        QStringLiteral("100000"));
    const QCommandLineOption quietOption(QStringLiteral("quiet"), tr("No progress bar."));
    parser.addOptions({dataOption, presetOption, speedOption, reportOption, backfillOption, cashOption, quietOption});
    parser.process(arguments);
    QTextStream err(stderr);
    QTextStream out(stdout);
    if (!parser.isSet(dataOption) || !parser.isSet(presetOption)) {
        err << tr("replay: --data DIR and --preset NAME are required") << '\n';
        return 2;
    }
    const QString data = parser.value(dataOption);
    if (!QFileInfo::exists(data)) {
        err << tr("replay: the data path %1 does not exist").arg(data) << '\n';
        return 2;
    }
    const PresetLoadResult loaded = PresetLoader::load(parser.value(presetOption));
    if (!loaded.preset) {
        err << tr("replay: %1").arg(loaded.error) << '\n';
        return 2;
    }
    double barsPerSecond = 0;
    if (parser.value(speedOption) != QStringLiteral("max")) {
        bool ok = false;
        barsPerSecond = parser.value(speedOption).toDouble(&ok);
        if (!ok || !(barsPerSecond > 0)) {
            err << tr("replay: --speed must be max or a positive number of bars per second, not \"%1\"")
                       .arg(parser.value(speedOption))
                << '\n';
            return 2;
        }
    }
    bool ok = false;
    const int backfill = parser.value(backfillOption).toInt(&ok);
    if (!ok || backfill < 0) {
        err << tr("replay: --backfill must be a non-negative whole number") << '\n';
        return 2;
    }
    const double cash = parser.value(cashOption).toDouble(&ok);
    if (!ok || !(cash > 0)) {
        err << tr("replay: --cash must be a positive amount") << '\n';
        return 2;
    }

    ReplayConfig replay;
    replay.path = data;
    replay.barsPerSecond = barsPerSecond;
    replay.backfillBars = backfill;
    replay.maxBatchesInFlight = 1; // lockstep with the engine: the same data always gives the same trades
    EngineConfig config;
    config.preset = *loaded.preset;
    config.startingCash = cash;
    config.lockstep = true;
    config.statusIntervalMs = 250;
    // Scans are paced by market time, not by threads: two workers keep the run light next to other work.
    config.scanner.threads = 2;

    QThread thread;
    thread.setObjectName(QStringLiteral("bw-engine"));
    auto *engine = new Engine(config, new ReplayFeed(replay));
    BacktestReport report(cash);
    // Direct connections: the report is filled on the engine thread and read after it stopped.
    QObject::connect(
        engine, &Engine::tradingUpdated, engine, [&report](const TradingUpdate &u) { report.addUpdate(u); },
        Qt::DirectConnection);
    QObject::connect(
        engine, &Engine::accountUpdated, engine, [&report](const AccountSnapshot &a) { report.addAccount(a); },
        Qt::DirectConnection);
    qint64 firstMs = 0;
    int exitCode = 0;
    QString failure;
    const bool progress = !parser.isSet(quietOption);
    QObject context;
    QObject::connect(engine, &Engine::stateChanged, &context, [&](const EngineEvent &e) {
        if (e.to == EngineState::Managing && firstMs == 0)
            firstMs = e.marketTimeMs;
        if (e.to == EngineState::Error) {
            failure = e.reason;
            exitCode = 1;
            QCoreApplication::exit(1);
        }
    });
    QObject::connect(engine, &Engine::statusChanged, &context, [&](const EngineStatus &s) {
        if (progress && s.feedProgress >= 0)
            drawProgress(err, s.feedProgress, s);
    });
    QObject::connect(engine, &Engine::marketFinished, &context, [] { QCoreApplication::exit(0); });
    engine->moveToThread(&thread);
    thread.start();
    QMetaObject::invokeMethod(engine, &Engine::start, Qt::QueuedConnection);
    QCoreApplication::exec();

    EngineStatus last;
    int symbols = 0;
    QMetaObject::invokeMethod(
        engine,
        [&] {
            engine->stop(tr("replay finished"));
            last = engine->status();
            symbols = last.symbols;
            if (engine->broker())
                report.setFinalAccount(engine->broker()->account(), engine->positions()->openCount());
        },
        Qt::BlockingQueuedConnection);
    engine->deleteLater(); // on its own thread, when the thread finishes
    thread.quit();
    thread.wait();
    if (progress)
        err << '\n';
    if (exitCode != 0) {
        err << tr("replay: %1").arg(failure) << '\n';
        return exitCode;
    }
    report.setMeta(config.preset.name, QDir::cleanPath(data), symbols, firstMs, last.marketTimeMs);
    out << report.summary();
    if (parser.isSet(reportOption)) {
        QSaveFile file(parser.value(reportOption));
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
            err << tr("replay: cannot write the report %1: %2").arg(parser.value(reportOption), file.errorString())
                << '\n';
            return 1;
        }
        out << tr("Report written to %1").arg(parser.value(reportOption)) << '\n';
    }
    return 0;
}

} // namespace bw::app
