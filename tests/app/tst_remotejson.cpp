#include "app/RemoteJson.h"
#include "scanner/ScanReportJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>

using namespace bw;
using namespace Qt::StringLiterals;

// What a remote viewer rebuilds from the WebSocket topics must be what the workstation published: every
// parser is the exact inverse of its serialiser (toJson -> fromJson -> toJson gives the same JSON), and a
// value the parser cannot know is an error naming the field.
class TestRemoteJson : public QObject
{
    Q_OBJECT

private:
    template <typename T, typename To, typename From>
    static void roundTrip(const T &value, To toJson, From fromJson)
    {
        const QJsonObject json = toJson(value);
        QString error;
        const std::optional<T> parsed = fromJson(json, &error);
        QVERIFY2(parsed.has_value(), qPrintable(error));
        QCOMPARE(QJsonDocument(toJson(*parsed)).toJson(QJsonDocument::Compact),
                 QJsonDocument(json).toJson(QJsonDocument::Compact));
    }

    static ScanReport scanReport()
    {
        ScanReport r;
        r.scanId = 4242;
        r.startedAtMs = 1'764'259'200'000;
        r.finishedAtMs = 1'764'259'200'038;
        r.presetName = QStringLiteral("breakout_v1");
        r.symbolsTotal = 300;
        r.candidatesBeyondLimit = 3;
        r.wallMs = 37.5;
        r.batchSize = 15;
        r.batches = 20;
        r.threads = 2;
        r.maxConcurrentBatches = 4;
        r.pressure = PressureLevel::High;
        Candidate c;
        c.rank = 1;
        c.symbol = QStringLiteral("ETHUSDT");
        c.score = 0.81;
        c.metrics.symbol = c.symbol;
        c.metrics.price = 3412.5;
        c.metrics.quoteVolume24h = 8.2e8;
        c.metrics.openInterestUsd = 1.5e9;
        c.metrics.oiChange24h = 0.04;
        c.metrics.hasBook = true;
        c.metrics.spreadBps = 1.25;
        c.metrics.depthUsd03 = 420000;
        c.metrics.depthUsd05 = 910000;
        c.metrics.tradesPerMinute = 88;
        c.metrics.atr15m = 12.5;
        c.metrics.closed15mBars = 40;
        c.metrics.bbWidthPercentile = 12;
        c.metrics.volumeSurge1h = 1.8;
        c.metrics.volumeSurge5m = 2.4;
        c.metrics.btcCorrelation = 0.35;
        c.metrics.gainersMomentum = 0.7;
        c.metrics.closedBars = 120;
        c.metrics.gaps = 1;
        c.metrics.lastClosedBarOpenMs = 1'764'258'900'000;
        c.metrics.dataAgeMs = 1200;
        c.metrics.staleAfterMs = 900000;
        c.scoreBreakdown.weighted[0] = 0.3;
        c.scoreBreakdown.weighted[2] = 0.21;
        c.scoreBreakdown.normalised[0] = 0.9;
        c.scoreBreakdown.normalised[2] = 0.7;
        c.scoreBreakdown.atrQuality = 0.7;
        c.scoreBreakdown.total = 0.81;
        FilterResult f;
        f.key = QStringLiteral("atr_range");
        f.stage = ScanStage::Volatility;
        f.value = 0.0037;
        f.comparison = FilterComparison::Within;
        f.limit = 0.005;
        f.limitHigh = 0.12;
        f.passed = false;
        f.reason = QStringLiteral("ATR 0.37 % below 0.5 %");
        c.filters = {f};
        Level l;
        l.price = 3450;
        l.type = LevelType::Resistance;
        l.touches = 3;
        l.strength = 0.8;
        l.firstTouchMs = 1'764'200'000'000;
        l.lastTouchMs = 1'764'250'000'000;
        l.baseHeight = 55;
        l.methods = LevelFromDonchian | LevelFromVolume;
        c.levels = {l};
        c.atr = 11.9;
        c.closedBarOpenMs = c.metrics.lastClosedBarOpenMs;
        r.candidates = {c};
        r.funnel = {{ScanStage::SymbolLists, 300, 300, 0.1}, {ScanStage::Scoring, 12, 5, 4.5}};
        r.rejections = rejections(f, l);
        return r;
    }

    // One rejection per depth a symbol can reach: nothing, the 24 h volume, metrics with gaps, everything.
    static QList<Rejection> rejections(const FilterResult &f, const Level &l)
    {
        Rejection listed;
        listed.symbol = QStringLiteral("LUNAUSDT");
        listed.stage = ScanStage::SymbolLists;
        listed.reason = QStringLiteral("on the blacklist");
        Rejection top;
        top.symbol = QStringLiteral("PEPEUSDT");
        top.stage = ScanStage::TopVolume;
        top.reason = QStringLiteral("outside the top 200 by 24 h volume (cut-off 1000000)");
        top.measured.quoteVolume24h = 812345.5;
        Rejection volatility;
        volatility.symbol = QStringLiteral("XRPUSDT");
        volatility.stage = ScanStage::Volatility;
        volatility.reason = QStringLiteral("ATR too low");
        volatility.filters = {f};
        volatility.measured.price = 0.5123;
        volatility.measured.quoteVolume24h = 4.1e8;
        volatility.measured.spreadBps = 2.5;
        volatility.measured.depthUsd05 = 610000;
        volatility.measured.depthUsd03 = 300000;
        volatility.measured.tradesPerMinute = 41;
        volatility.measured.atr15m = 0.0019;
        volatility.measured.bbWidthPercentile = 64;
        volatility.measured.btcCorrelation = -0.12; // surges not warm yet: stay not measured
        Rejection beyond;
        beyond.symbol = QStringLiteral("SOLUSDT");
        beyond.stage = ScanStage::Scoring;
        beyond.reason = QStringLiteral("beyond max_candidates 30 (ranked 31)");
        beyond.filters = {f};
        beyond.measured = volatility.measured;
        beyond.measured.price = 181.25;
        beyond.measured.volumeSurge1h = 1.4;
        beyond.measured.volumeSurge5m = 0.9;
        beyond.measured.openInterestUsd = 2.2e9;
        ScoreBreakdown score;
        score.weighted[1] = 0.12;
        score.normalised[1] = 0.4;
        score.atrQuality = 0.55;
        score.total = 0.12;
        beyond.scoreBreakdown = std::make_shared<const ScoreBreakdown>(score);
        beyond.levels = {l};
        beyond.atr = 1.75;
        return {listed, top, volatility, beyond};
    }

    static void checkRejections(const ScanReport &parsed, const ScanReport &report)
    {
        const Rejection &listed = parsed.rejections.at(0);
        QCOMPARE(listed.stage, ScanStage::SymbolLists);
        QVERIFY(!listed.measured.any());
        QVERIFY(!listed.scoreBreakdown);
        const Rejection &top = parsed.rejections.at(1);
        QCOMPARE(top.measured.quoteVolume24h, 812345.5);
        QVERIFY(std::isnan(top.measured.price));
        const Rejection &volatility = parsed.rejections.at(2);
        QCOMPARE(volatility.measured, report.rejections.at(2).measured); // NaN stays NaN, numbers exact
        QCOMPARE(volatility.measured.price, 0.5123);
        QVERIFY(std::isnan(volatility.measured.volumeSurge1h));
        QVERIFY(std::isnan(volatility.measured.openInterestUsd));
        QVERIFY(!volatility.scoreBreakdown);
        QVERIFY(volatility.levels.isEmpty());
        QVERIFY(std::isnan(volatility.atr));
        const Rejection &beyond = parsed.rejections.at(3);
        QCOMPARE(beyond.stage, ScanStage::Scoring);
        QCOMPARE(beyond.measured, report.rejections.at(3).measured);
        QVERIFY(beyond.scoreBreakdown);
        QCOMPARE(beyond.scoreBreakdown->total, 0.12);
        QCOMPARE(beyond.scoreBreakdown->weighted[1], std::optional<double>(0.12));
        QVERIFY(!beyond.scoreBreakdown->weighted[0].has_value());
        QCOMPARE(beyond.levels.size(), 1);
        QCOMPARE(beyond.levels.constFirst().price, 3450.0);
        QCOMPARE(beyond.atr, 1.75);
    }

private slots:
    void scanReportRoundTrip()
    {
        const ScanReport report = scanReport();
        roundTrip(
            report, [](const ScanReport &r) { return ScanReportJson::toJson(r); }, &ScanReportJson::fromJson);
        const auto parsed = ScanReportJson::fromJson(ScanReportJson::toJson(report));
        QVERIFY(parsed);
        QCOMPARE(parsed->scanId, report.scanId);
        QCOMPARE(parsed->pressure, PressureLevel::High);
        QCOMPARE(parsed->candidates.size(), 1);
        const Candidate &c = parsed->candidates.constFirst();
        QCOMPARE(c.symbol, QStringLiteral("ETHUSDT"));
        QCOMPARE(c.metrics.btcCorrelation, std::optional<double>(0.35));
        QVERIFY(!c.scoreBreakdown.weighted[1].has_value());
        QCOMPARE(c.filters.constFirst().comparison, FilterComparison::Within);
        QCOMPARE(c.filters.constFirst().thresholdText(),
                 report.candidates.constFirst().filters.constFirst().thresholdText());
        QCOMPARE(c.levels.constFirst().methods, std::uint8_t(LevelFromDonchian | LevelFromVolume));
        QCOMPARE(parsed->funnel.constLast().stage, ScanStage::Scoring);
        QCOMPARE(parsed->rejections.size(), 4);
        QCOMPARE(parsed->rejections.at(2).filters.size(), 1);
        checkRejections(*parsed, report);
    }

    // The WebSocket scan topic: rejections without their filter lists, the furthest first, bounded.
    void scanTopicCarriesMeasuredRejections()
    {
        const ScanReport report = scanReport();
        roundTrip(
            report, [](const ScanReport &r) { return ScanReportJson::toJson(r, ScanReportJson::Rejections::Summary); },
            &ScanReportJson::fromJson);
        const QJsonObject json = ScanReportJson::toJson(report, ScanReportJson::Rejections::Summary);
        const QJsonArray rejections = json.value(u"rejections").toArray();
        QCOMPARE(rejections.size(), 4);
        QCOMPARE(rejections.at(0).toObject().value(u"stage").toString(), QStringLiteral("scoring"));
        QCOMPARE(rejections.at(3).toObject().value(u"stage").toString(), QStringLiteral("symbol lists"));
        for (const QJsonValue &r : rejections)
            QVERIFY(!r.toObject().contains(u"filters"));
        // Not measured is absent, not zero.
        const QJsonObject top = rejections.at(2).toObject();
        QCOMPARE(top.value(u"measured").toObject().keys(), QStringList{QStringLiteral("quote_volume_24h")});
        QVERIFY(!rejections.at(3).toObject().contains(u"measured"));
        const QJsonObject volatility = rejections.at(1).toObject().value(u"measured").toObject();
        QCOMPARE(volatility.value(u"atr_15m_pct").toDouble(), 0.0019 / 0.5123 * 100.0);
        QVERIFY(!volatility.contains(u"volume_surge_1h"));

        const auto parsed = ScanReportJson::fromJson(json);
        QVERIFY(parsed);
        QCOMPARE(parsed->rejectionsOmitted, 0);
        QCOMPARE(parsed->rejections.at(0).symbol, QStringLiteral("SOLUSDT"));
        QVERIFY(parsed->rejections.at(0).filters.isEmpty());
        QCOMPARE(parsed->rejections.at(0).levels.size(), 1);
        QCOMPARE(parsed->rejections.at(1).measured, report.rejections.at(2).measured);
    }

    void scanTopicBoundsTheRejections()
    {
        // A market of 5,000 symbols, every rejection fully measured with a filter list: the topic keeps the
        // ones that got furthest and says how many it left out, and stays far below a client's queue limit.
        ScanReport report = scanReport();
        const QList<Rejection> kinds = report.rejections;
        report.rejections.clear();
        for (int i = 0; i < 5000; ++i) {
            Rejection r = kinds.at(i % kinds.size());
            r.symbol = QStringLiteral("S%1USDT").arg(i);
            r.filters = QList<FilterResult>(12, kinds.at(2).filters.constFirst());
            if (!r.levels.isEmpty())
                r.levels = QList<Level>(8, r.levels.constFirst()); // breakout_v1's max_levels
            report.rejections.append(r);
        }
        const QJsonObject json = ScanReportJson::toJson(report, ScanReportJson::Rejections::Summary);
        const QJsonArray rejections = json.value(u"rejections").toArray();
        QCOMPARE(rejections.size(), ScanReportJson::kSummaryRejections);
        QCOMPARE(json.value(u"rejections_omitted").toInt(), 5000 - ScanReportJson::kSummaryRejections);
        for (int i = 0; i < rejections.size(); ++i) { // 1,250 scored ones exist: only they are kept
            const QJsonObject r = rejections.at(i).toObject();
            QCOMPARE(r.value(u"stage").toString(), QStringLiteral("scoring"));
            QCOMPARE(r.value(u"levels").toArray().size(), i < ScanReportJson::kSummaryRejectionsWithLevels ? 8 : 0);
            QVERIFY(r.contains(u"measured") && r.contains(u"score_total"));
        }
        const qsizetype bytes = QJsonDocument(json).toJson(QJsonDocument::Compact).size();
        QVERIFY2(bytes < 1024 * 1024 / 2, qPrintable(QString::number(bytes)));
        qInfo("scan topic for 5,000 rejections: %lld bytes", static_cast<long long>(bytes));
        const auto parsed = ScanReportJson::fromJson(json);
        QVERIFY(parsed);
        QCOMPARE(parsed->rejectionsOmitted, 5000 - ScanReportJson::kSummaryRejections);
    }

    // A server from before the measured values: its rejections parse, with everything "not measured".
    void rejectionFromAnOlderServer()
    {
        const QJsonObject old{{QStringLiteral("symbol"), QStringLiteral("XRPUSDT")},
                              {QStringLiteral("stage"), QStringLiteral("volatility")},
                              {QStringLiteral("reason"), QStringLiteral("ATR too low")},
                              {QStringLiteral("filters"), QJsonArray{}}};
        QString error;
        const auto parsed = ScanReportJson::rejectionFromJson(old, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->stage, ScanStage::Volatility);
        QVERIFY(!parsed->measured.any());
        QVERIFY(!parsed->scoreBreakdown);
        QVERIFY(std::isnan(parsed->atr));

        QJsonObject wrong = old;
        wrong.insert(QStringLiteral("measured"), QJsonObject{{QStringLiteral("price"), QStringLiteral("cheap")}});
        QVERIFY(!ScanReportJson::rejectionFromJson(wrong, &error));
        QVERIFY2(error.contains(u"price") && error.contains(u"XRPUSDT"), qPrintable(error));
    }

    void scanReportErrorsNameTheField()
    {
        QJsonObject json = ScanReportJson::toJson(scanReport());
        QJsonArray funnel = json.value(u"funnel").toArray();
        QJsonObject stage = funnel.at(0).toObject();
        stage.insert(QStringLiteral("stage"), QStringLiteral("astrology"));
        funnel.replace(0, stage);
        json.insert(QStringLiteral("funnel"), funnel);
        QString error;
        QVERIFY(!ScanReportJson::fromJson(json, &error));
        QVERIFY2(error.contains(u"stage") && error.contains(u"astrology"), qPrintable(error));
    }

    void engineStatusAndTransition()
    {
        EngineStatus s;
        s.state = EngineState::Paused;
        s.presetName = QStringLiteral("breakout_v1");
        s.source = QStringLiteral("Simulated market (20 symbols)");
        s.symbols = 20;
        s.marketTimeMs = 1'764'259'200'000;
        s.lastScanMs = 1'764'259'100'000;
        s.lastScanDurationMs = 12.5;
        s.scans = 7;
        s.candidates = 3;
        s.signalsTotal = 2;
        s.entriesTotal = 1;
        s.openPositions = 1;
        s.closedTrades = 4;
        s.equity = 100250.5;
        s.cash = 99000;
        s.killSwitch = true;
        s.feedProgress = 0.25;
        s.lastReason = QStringLiteral("operator pause");
        roundTrip(
            s, [](const EngineStatus &v) { return RemoteJson::engineStatusToJson(v); },
            &RemoteJson::engineStatusFromJson);
        const EngineEvent e{EngineState::Managing, EngineState::Paused, QStringLiteral("remote operator #3"), 42};
        roundTrip(e, &RemoteJson::engineEventToJson, &RemoteJson::engineEventFromJson);

        QJsonObject bad = RemoteJson::engineStatusToJson(s);
        bad.insert(QStringLiteral("state"), QStringLiteral("dancing"));
        QString error;
        QVERIFY(!RemoteJson::engineStatusFromJson(bad, &error));
        QVERIFY2(error.contains(u"'state'") && error.contains(u"dancing"), qPrintable(error));
    }

    void signalsOrdersFillsPositionsAccount()
    {
        Signal s;
        s.id = QStringLiteral("BTCUSDT:momentum:1700000000000");
        s.symbol = QStringLiteral("BTCUSDT");
        s.side = TradeSide::Short;
        s.strategy = SignalStrategy::Retest;
        s.entry = 97000;
        s.level = 96900;
        s.stop = 97800;
        s.tp1 = 96000;
        s.tp2 = 95000;
        s.initialRiskPerUnit = 800;
        s.confidence = 0.66;
        s.atr = 420;
        s.btcCorrelation = 1;
        s.createdMs = 1'700'000'000'000;
        s.expiresMs = 1'700'000'900'000;
        s.reason = QStringLiteral("retest of 96900");
        roundTrip(s, &RemoteJson::signalToJson, &RemoteJson::signalFromJson);

        Order o;
        o.id = 311;
        o.positionId = 12;
        o.symbol = QStringLiteral("ETHUSDT");
        o.side = OrderSide::Sell;
        o.type = OrderType::StopMarket;
        o.purpose = OrderPurpose::TrailingStop;
        o.status = OrderStatus::PartiallyFilled;
        o.qty = 0.5;
        o.stopPrice = 3400;
        o.reduceOnly = true;
        o.triggered = true;
        o.filledQty = 0.2;
        o.avgFillPrice = 3399.5;
        o.feesUsd = 0.41;
        o.createdMs = 10;
        o.updatedMs = 20;
        o.note = QStringLiteral("trailing stop at 3400.00 hit (2.3 ATR of 12.000 from the extreme since entry)");
        roundTrip(o, &RemoteJson::orderToJson, &RemoteJson::orderFromJson);
        QCOMPARE(RemoteJson::orderToJson(o).value(u"note").toString(), o.note);
        QCOMPARE(RemoteJson::orderFromJson(RemoteJson::orderToJson(o))->note, o.note);

        Fill f;
        f.id = 77;
        f.orderId = 311;
        f.positionId = 12;
        f.symbol = QStringLiteral("ETHUSDT");
        f.side = OrderSide::Sell;
        f.purpose = OrderPurpose::TrailingStop;
        f.qty = 0.2;
        f.price = 3399.5;
        f.feeUsd = 0.41;
        f.liquidity = Liquidity::Maker;
        f.realisedPnlUsd = -12.5;
        f.timeMs = 20;
        roundTrip(f, &RemoteJson::fillToJson, &RemoteJson::fillFromJson);

        Position p;
        p.id = 12;
        p.signalId = s.id;
        p.symbol = QStringLiteral("ETHUSDT");
        p.side = TradeSide::Long;
        p.strategy = SignalStrategy::Momentum;
        p.status = PositionStatus::Closed;
        p.submittedMs = 1;
        p.openedMs = 2;
        p.closedMs = 3;
        p.targetQty = 0.5;
        p.entryQty = 0.5;
        p.qty = 0.3;
        p.avgEntry = 3412.1;
        p.initialStop = 3380;
        p.initialRiskPerUnit = 32.1;
        p.initialRiskUsd = 16.05;
        p.stop = 3412.1;
        p.stopKind = StopKind::Breakeven;
        p.tp1Price = 3444.2;
        p.tp2Price = 3476.3;
        p.tp1Done = true;
        p.entryComplete = true;
        p.highestSinceEntry = 3450;
        p.lowestSinceEntry = 3401;
        p.atr = 12;
        p.btcCorrelation = 0.5;
        p.lastPrice = 3430;
        p.realisedPnlUsd = 6.4;
        p.feesUsd = 1.2;
        p.exitReason = OrderPurpose::TakeProfit1;
        p.entryOrderId = 300;
        p.exitOrderId = 311;
        roundTrip(p, &RemoteJson::positionToJson, &RemoteJson::positionFromJson);
        const auto parsed = RemoteJson::positionFromJson(RemoteJson::positionToJson(p));
        QVERIFY(parsed);
        QCOMPARE(parsed->pnlR(3430), p.pnlR(3430));
        QCOMPARE(parsed->exitReason, std::optional<OrderPurpose>(OrderPurpose::TakeProfit1));

        roundTrip(AccountSnapshot{5, 99000, 250.5, 99250.5}, &RemoteJson::accountToJson, &RemoteJson::accountFromJson);
    }

    // The note of an order: absent from a server older than it (empty), bounded whatever a server sends, and
    // refused when it is not text.
    void orderNoteFromOlderAndHostileServers()
    {
        Order o;
        o.id = 5;
        o.symbol = QStringLiteral("BTCUSDT");
        o.purpose = OrderPurpose::Manual;
        o.note = QStringLiteral("closed by remote operator #3: news");
        QJsonObject json = RemoteJson::orderToJson(o);

        QJsonObject older = json;
        older.remove(u"note"_s);
        const auto fromOlder = RemoteJson::orderFromJson(older);
        QVERIFY(fromOlder);
        QCOMPARE(fromOlder->note, QString());
        QCOMPARE(fromOlder->purpose, OrderPurpose::Manual);

        QJsonObject hostile = json;
        hostile.insert(u"note"_s, QString(QString(100'000, u'x') + u"\nfake line"_s));
        const auto fromHostile = RemoteJson::orderFromJson(hostile);
        QVERIFY(fromHostile);
        QCOMPARE(fromHostile->note.size(), kMaxOrderNoteLength);
        QVERIFY(fromHostile->note.endsWith(QChar(0x2026)));

        QJsonObject wrong = json;
        wrong.insert(u"note"_s, 42);
        QString error;
        QVERIFY(!RemoteJson::orderFromJson(wrong, &error));
        QVERIFY2(error.contains(u"'note'"_s), qPrintable(error));
    }

    void monitorValues()
    {
        ResourceSample r;
        r.timeMs = 1'764'259'200'000;
        r.process.pid = 4242;
        r.process.name = QStringLiteral("breakout-workst");
        r.process.state = 'S';
        r.process.cpuPercent = 37.5;
        r.process.rssBytes = 180 << 20;
        r.process.vmsBytes = 900 << 20;
        r.process.pssBytes = 170 << 20;
        r.process.threads = 11;
        r.process.openFiles = 42;
        r.system.memTotalBytes = 8LL << 30;
        r.system.memPercent = 41.5;
        r.system.cpuPercent = 55;
        r.system.coreCpuPercent = {60, 50};
        r.system.cpuCount = 2;
        r.system.load1 = 1.5;
        r.system.diskPath = QStringLiteral("/home");
        r.system.diskTotalBytes = 100LL << 30;
        r.allocator.available = true;
        r.allocator.inUseBytes = 64 << 20;
        roundTrip(r, &RemoteJson::resourceSampleToJson, &RemoteJson::resourceSampleFromJson);

        roundTrip(AlertEvent{7, Metric::ProcessMemory, 9e8, 8e8, AlertLevel::Warning}, &RemoteJson::alertToJson,
                  &RemoteJson::alertFromJson);
        roundTrip(ViewerStats{3, 4096, 1, 2}, &RemoteJson::viewerStatsToJson, &RemoteJson::viewerStatsFromJson);
        roundTrip(GovernorAction{9, PressureLevel::Critical, GovernorActionKind::BatchSize,
                                 QStringLiteral("RSS 88 % of the budget"), QStringLiteral("batch size 20 -> 10")},
                  &RemoteJson::governorActionToJson, &RemoteJson::governorActionFromJson);
        CacheStats c;
        c.name = QStringLiteral("scanner.levels");
        c.size = 120;
        c.capacity = 500;
        c.hits = 900;
        c.misses = 100;
        c.evictions = 4;
        c.expirations = 2;
        c.replacements = 3600;
        c.estimatedBytes = 65536;
        c.evictable = false;
        roundTrip(c, &RemoteJson::cacheStatsToJson, &RemoteJson::cacheStatsFromJson);
        const auto parsedCache = RemoteJson::cacheStatsFromJson(RemoteJson::cacheStatsToJson(c));
        QVERIFY(parsedCache);
        QCOMPARE(parsedCache->replacements, 3600);
        QCOMPARE(parsedCache->evictions, 4);
        // A server from before replacements were counted: the field is absent, the viewer shows none.
        QJsonObject older = RemoteJson::cacheStatsToJson(c);
        older.remove(QStringLiteral("replacements"));
        const auto fromOlder = RemoteJson::cacheStatsFromJson(older);
        QVERIFY(fromOlder);
        QCOMPARE(fromOlder->replacements, 0);
        QCOMPARE(fromOlder->evictions, 4);
        // A wrong type is an error naming the field.
        older.insert(QStringLiteral("replacements"), QStringLiteral("many"));
        QString error;
        QVERIFY(!RemoteJson::cacheStatsFromJson(older, &error));
        QVERIFY2(error.contains(u"replacements"), qPrintable(error));
        roundTrip(LogLine{11, QtWarningMsg, QStringLiteral("bw.scanner"), QStringLiteral("scan took 900 ms")},
                  &RemoteJson::logLineToJson, &RemoteJson::logLineFromJson);
    }

    void marketOverviewAndCandles()
    {
        MarketOverview m;
        m.sourceName = QStringLiteral("Simulated market (2 symbols)");
        m.marketTimeMs = 1'764'259'200'000;
        m.barIntervalMs = 300000;
        m.formingBarOpenMs = 1'764'259'100'000;
        m.backfilling = true;
        m.backfillDone = 1;
        m.backfillTotal = 2;
        m.storeBytes = 123456;
        m.symbols = {{QStringLiteral("BTCUSDT"), 97000.5, 1.25, 2.5e9, 0.8, 310, 1'764'258'900'000, false},
                     {QStringLiteral("DOGEUSDT"), 0.41, -3.5, 4e8, 2.1, 95, 1'764'258'900'000, true}};
        roundTrip(m, &RemoteJson::marketOverviewToJson, &RemoteJson::marketOverviewFromJson);
        const auto parsed = RemoteJson::marketOverviewFromJson(RemoteJson::marketOverviewToJson(m));
        QVERIFY(parsed);
        QCOMPARE(parsed->symbols.size(), 2);
        QCOMPARE(parsed->symbols.at(1).symbol, QStringLiteral("DOGEUSDT"));
        QVERIFY(parsed->symbols.at(1).stale);

        QList<Candle> candles;
        for (int i = 0; i < 3; ++i)
            candles.append(Candle{1'764'258'000'000 + i * 300000, 100.0 + i, 102.0 + i, 99.0 + i, 101.0 + i, 10.5,
                                  1050.0, 42 + i, true});
        const QJsonObject json = RemoteJson::candlesToJson(QStringLiteral("BTCUSDT"), 300000, candles);
        const auto back = RemoteJson::candlesFromJson(json);
        QVERIFY(back);
        QCOMPARE(back->size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(back->at(i).openTimeMs, candles.at(i).openTimeMs);
            QCOMPARE(back->at(i).high, candles.at(i).high);
            QCOMPARE(back->at(i).trades, candles.at(i).trades);
            QVERIFY(back->at(i).closed);
        }
        QCOMPARE(RemoteJson::candlesToJson(QStringLiteral("BTCUSDT"), 300000, *back), json);

        // Rows are read by column name, so a sender that lacks one is refused, not misread.
        QJsonObject broken = json;
        broken.insert(QStringLiteral("columns"), QJsonArray{QStringLiteral("openTime")});
        QString error;
        QVERIFY(!RemoteJson::candlesFromJson(broken, &error));
        QVERIFY2(error.contains(u"open"), qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(TestRemoteJson)
#include "tst_remotejson.moc"
