// `breakout-workstation scan`: one scan over a seeded simulated market or recorded candles, printed as
// tables or JSON.

#include "Commands.h"
#include "market/MarketStore.h"
#include "market/ReplayFeed.h"
#include "market/SimulatedMarket.h"
#include "scanner/MarketScanSource.h"
#include "scanner/PresetLoader.h"
#include "scanner/ScanReportJson.h"
#include "scanner/Scanner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>

#include <cmath>
#include <memory>

namespace bw::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("bw::app::ScanCommand", text);
}

int fail(const QString &message)
{
    QTextStream(stderr) << "scan: " << message << '\n';
    return 2;
}

QString compact(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("-");
    const double a = std::abs(v);
    if (a >= 1e9)
        return QString::number(v / 1e9, 'f', 2) + u'B';
    if (a >= 1e6)
        return QString::number(v / 1e6, 'f', 2) + u'M';
    if (a >= 1e3)
        return QString::number(v / 1e3, 'f', 1) + u'k';
    return QString::number(v, 'g', 5);
}

QString opt(const std::optional<double> &v, int decimals)
{
    return v && std::isfinite(*v) ? QString::number(*v, 'f', decimals) : QStringLiteral("-");
}

void printTables(const ScanReport &r, QTextStream &out)
{
    out << tr("Preset %1: %2 symbols, %3 candidates (%4 more beyond max_candidates), %5 ms, %6 threads, "
              "batches of %7")
               .arg(r.presetName)
               .arg(r.symbolsTotal)
               .arg(r.candidates.size())
               .arg(r.candidatesBeyondLimit)
               .arg(QString::number(r.wallMs, 'f', 1))
               .arg(r.threads)
               .arg(r.batchSize)
        << "\n\n";
    out << QStringLiteral("%1  %2 %3 %4 %5 %6 %7 %8 %9  %10\n")
               .arg(QStringLiteral("rank"), 4)
               .arg(QStringLiteral("symbol"), -14)
               .arg(QStringLiteral("score"), 7)
               .arg(QStringLiteral("price"), 11)
               .arg(QStringLiteral("vol 24h"), 9)
               .arg(QStringLiteral("atr15m%"), 8)
               .arg(QStringLiteral("surge1h"), 8)
               .arg(QStringLiteral("surge5m"), 8)
               .arg(QStringLiteral("corr"), 6)
               .arg(QStringLiteral("levels (support < price < resistance)"));
    for (const Candidate &c : r.candidates) {
        const SymbolMetrics &m = c.metrics;
        double support = std::nan("");
        double resistance = std::nan("");
        for (const Level &l : c.levels) {
            if (l.type == LevelType::Support && l.price <= m.price && !(l.price <= support))
                support = l.price;
            if (l.type == LevelType::Resistance && l.price >= m.price && !(l.price >= resistance))
                resistance = l.price;
        }
        const std::optional<double> atrPct =
            m.atr15m && m.price > 0 ? std::optional<double>(*m.atr15m / m.price * 100) : std::nullopt;
        out << QStringLiteral("%1  %2 %3 %4 %5 %6 %7 %8 %9  %10 < %11 < %12 (%13)\n")
                   .arg(c.rank, 4)
                   .arg(c.symbol, -14)
                   .arg(QString::number(c.score, 'f', 3), 7)
                   .arg(QString::number(m.price, 'g', 6), 11)
                   .arg(compact(m.quoteVolume24h), 9)
                   .arg(opt(atrPct, 2), 8)
                   .arg(opt(m.volumeSurge1h, 2), 8)
                   .arg(opt(m.volumeSurge5m, 2), 8)
                   .arg(opt(m.btcCorrelation, 2), 6)
                   .arg(std::isfinite(support) ? QString::number(support, 'g', 6) : QStringLiteral("-"))
                   .arg(QString::number(m.price, 'g', 6))
                   .arg(std::isfinite(resistance) ? QString::number(resistance, 'g', 6) : QStringLiteral("-"))
                   .arg(c.levels.size());
    }
    out << '\n' << tr("Funnel") << '\n';
    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(QStringLiteral("stage"), -14)
               .arg(QStringLiteral("in"), 7)
               .arg(QStringLiteral("out"), 7)
               .arg(QStringLiteral("cpu ms"), 9);
    for (const FunnelStage &f : r.funnel) {
        out << QStringLiteral("%1 %2 %3 %4\n")
                   .arg(scanStageName(f.stage), -14)
                   .arg(f.symbolsIn, 7)
                   .arg(f.symbolsOut, 7)
                   .arg(QString::number(f.cpuMs, 'f', 2), 9);
    }
    // The most common rejection reasons per stage help tune a preset.
    QHash<QString, int> reasons;
    for (const Rejection &rej : r.rejections) {
        for (const QString &part : rej.reason.split(QStringLiteral("; "))) {
            QString key = part;
            // Strip the measured value so that the same failure counts once ("... 1.2M below ..." ).
            const qsizetype cut = key.indexOf(QRegularExpression(QStringLiteral(" [-0-9.]+[kMB]? ")));
            if (cut > 0)
                key = key.left(cut);
            ++reasons[scanStageName(rej.stage) + QStringLiteral(": ") + key];
        }
    }
    QList<std::pair<int, QString>> sorted;
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
        sorted.append({it.value(), it.key()});
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (!sorted.isEmpty())
        out << '\n' << tr("Most common rejection reasons") << '\n';
    for (qsizetype i = 0; i < sorted.size() && i < 10; ++i)
        out << QStringLiteral("%1  %2\n").arg(sorted[i].first, 6).arg(sorted[i].second);
}

int emitReport(const ScanReport &report, bool json)
{
    QTextStream out(stdout);
    if (json)
        out << QJsonDocument(ScanReportJson::toJson(report)).toJson(QJsonDocument::Indented);
    else
        printTables(report, out);
    out.flush();
    return 0;
}

} // namespace

int runScanCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Runs one scan and prints the ranked candidates and the funnel."));
    parser.addHelpOption();
    const QCommandLineOption presetOption(QStringLiteral("preset"), tr("Preset name (shipped or user)."),
                                          QStringLiteral("NAME"));
    const QCommandLineOption symbolsOption(QStringLiteral("symbols"), tr("Simulated symbols, 1-10000."),
                                           QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), tr("Simulated market seed."), QStringLiteral("S"),
                                        QStringLiteral("42"));
    const QCommandLineOption barsOption(QStringLiteral("bars"), tr("Simulated history bars, 30-100000."),
                                        QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), tr("Scanner threads (default: cores)."),
                                           QStringLiteral("T"), QStringLiteral("0"));
    const QCommandLineOption dataOption(QStringLiteral("data"), tr("Recorded candles (docs/data-format.md)."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print the report as JSON."));
    parser.addOptions({presetOption, symbolsOption, seedOption, barsOption, threadsOption, dataOption, jsonOption});
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(tr("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(presetOption))
        return fail(tr("--preset NAME is required (available: %1)")
                        .arg(PresetLoader::availablePresetNames().join(QStringLiteral(", "))));

    bool ok = false;
    const int symbols = parser.value(symbolsOption).toInt(&ok);
    if (!ok || symbols < 1 || symbols > SimulatedFeedConfig::kMaxSymbols)
        return fail(tr("--symbols: \"%1\" is not a number from 1 to %2")
                        .arg(parser.value(symbolsOption))
                        .arg(SimulatedFeedConfig::kMaxSymbols));
    const quint64 seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return fail(tr("--seed: \"%1\" is not a non-negative integer").arg(parser.value(seedOption)));
    const int bars = parser.value(barsOption).toInt(&ok);
    if (!ok || bars < 30 || bars > 100000)
        return fail(tr("--bars: \"%1\" is not a number from 30 to 100000").arg(parser.value(barsOption)));
    const int threads = parser.value(threadsOption).toInt(&ok);
    if (!ok || threads < 0 || threads > 256)
        return fail(tr("--threads: \"%1\" is not a number from 0 to 256").arg(parser.value(threadsOption)));
    const bool json = parser.isSet(jsonOption);

    const PresetLoadResult loaded = PresetLoader::load(parser.value(presetOption));
    if (!loaded.ok())
        return fail(loaded.error);
    const Preset preset = *loaded.preset;

    ScannerSettings settings;
    settings.threads = threads;
    Scanner scanner(settings);
    scanner.setPreset(preset);
    int exitCode = 0;
    QObject::connect(&scanner, &Scanner::scanFinished, &scanner, [&](const ScanReportPtr &report) {
        exitCode = emitReport(*report, json);
        QCoreApplication::exit(exitCode);
    });

    if (parser.isSet(dataOption)) {
        const QString path = parser.value(dataOption);
        if (!QFileInfo::exists(path))
            return fail(tr("--data: \"%1\" does not exist").arg(path));
        ReplayConfig config;
        config.path = path;
        ReplayFeed feed(config);
        // The replay reports its bar interval once loaded, so the store is built on symbolsReady. The
        // feed runs to its end before the scan starts: nothing mutates the store while the scan reads it.
        std::unique_ptr<MarketStore> store;
        std::unique_ptr<MarketScanSource> source;
        QString loadError;
        QObject::connect(&feed, &MarketFeed::symbolsReady, &scanner, [&](const QList<SymbolInfo> &symbols) {
            store = std::make_unique<MarketStore>(feed.barIntervalMs(), MarketStore::kDefaultCapacity);
            store->setSymbols(symbols);
            source = std::make_unique<MarketScanSource>(*store);
            source->configure(preset);
        });
        QObject::connect(&feed, &MarketFeed::updatesReady, &scanner, [&](const MarketUpdateBatch &batch) {
            if (store)
                source->onBarsClosed(store->apply(batch));
        });
        QObject::connect(&feed, &MarketFeed::feedError, &scanner,
                         [&loadError](const QString &message) { loadError = message; });
        QObject::connect(&feed, &MarketFeed::finished, &scanner, [&] {
            if (feed.state() == ReplayFeed::State::Failed || !source) {
                QCoreApplication::exit(fail(loadError.isEmpty() ? tr("cannot load %1").arg(path) : loadError));
                return;
            }
            if (!loadError.isEmpty())
                QTextStream(stderr) << "scan: " << loadError << '\n';
            scanner.setSource(source.get());
            scanner.requestScan();
        });
        feed.start();
        const int rc = QCoreApplication::exec();
        return rc == 0 ? exitCode : rc;
    }

    SimulatedFeedConfig config;
    config.seed = seed;
    config.symbols = symbols;
    config.backfillBars = 0;
    config.startTimeMs = 1'700'000'000'000; // fixed: the same seed prints the same scan
    if (const QString problem = config.validate(); !problem.isEmpty())
        return fail(problem);
    SimulatedMarket market(config);
    MarketStore store(config.barIntervalMs, MarketStore::kDefaultCapacity);
    store.setSymbols(market.symbols());
    MarketScanSource source(store);
    source.configure(preset);
    for (int b = 0; b < bars; ++b) {
        market.stepBar();
        MarketUpdateBatch batch;
        market.appendCandles(batch);
        if (b == bars - 1) {
            market.appendTickers(batch);
            market.appendBooks(batch);
        }
        batch.marketTimeMs = market.marketTimeMs();
        source.onBarsClosed(store.apply(batch));
    }
    scanner.setSource(&source);
    scanner.requestScan();
    QCoreApplication::exec();
    return exitCode;
}

} // namespace bw::app
