#include "scanner/PresetLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace bw;

class TestPresets : public QObject
{
    Q_OBJECT

private:
    static QString fixture(const QString &name) { return QStringLiteral(BW_TEST_DATA_DIR "/fixtures/") + name; }

private slots:
    void initTestCase()
    {
        // Never the developer's own config folder, even when run outside ctest's private home.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BreakoutWorkstationTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_presets"));
        QDir(PresetLoader::userPresetDirectory()).removeRecursively();
    }

    void everyShippedPresetLoads_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name :
             {"breakout_v1", "breakout_v1_relaxed", "high_liquidity_top30", "scalping_high_freq", "swing_trading_pro"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void everyShippedPresetLoads()
    {
        QFETCH(QString, name);
        const PresetLoadResult result = PresetLoader::load(name);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.preset->name, name);
        QVERIFY(PresetLoader::shippedPresetNames().contains(name));
    }

    void breakoutV1HasTheReferenceValues()
    {
        const PresetLoadResult result = PresetLoader::load(QStringLiteral("breakout_v1"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Preset &p = *result.preset;
        QCOMPARE(p.strategyPriority, StrategyPriority::Momentum);
        QCOMPARE(p.risk.riskPerTrade, 0.015);
        QCOMPARE(p.risk.maxConcurrentPositions, 3);
        QCOMPARE(p.risk.correlationLimit, 0.4);
        QCOMPARE(p.risk.maxPositionSizeUsd.value_or(0), 60000.0);
        QCOMPARE(p.liquidity.min24hVolumeUsd, 5e6);
        QCOMPARE(p.liquidity.minOiUsd.value_or(0), 2e6);
        QCOMPARE(p.liquidity.maxSpreadBps, 30.0);
        QCOMPARE(p.liquidity.minDepthUsd05, 8000.0);
        QCOMPARE(p.liquidity.minDepthUsd03, 5000.0);
        QCOMPARE(p.liquidity.minTradesPerMinute, 3.0);
        QCOMPARE(p.volatility.atrRangeMin, 0.005);
        QCOMPARE(p.volatility.atrRangeMax, 0.12);
        QCOMPARE(p.volatility.bbWidthPercentileMax, 82.0);
        QCOMPARE(p.volatility.volumeSurge1hMin, 1.15);
        QCOMPARE(p.volatility.volumeSurge5mMin, 1.4);
        QCOMPARE(p.position.tp1R, 1.5);
        QCOMPARE(p.position.tp2R, 2.8);
        QCOMPARE(p.position.chandelierAtrMult, 2.3);
        QCOMPARE(p.scanner.maxCandidates, 30);
        QCOMPARE(p.scanner.scanIntervalSeconds, 120);
        QCOMPARE(p.scanner.topNByVolume.value_or(0), 200);
        QVERIFY(!p.scanner.symbolWhitelist.has_value());
        QVERIFY(p.scanner.symbolBlacklist.contains(QStringLiteral("USDCUSDT")));
        QCOMPARE(p.scanner.scoreWeights[std::size_t(ScoreComponent::VolSurge)].value_or(0), 0.3);
        QCOMPARE(p.scanner.scoreWeights[std::size_t(ScoreComponent::AtrQuality)].value_or(0), 0.2);
        QVERIFY(!p.scanner.scoreWeights[std::size_t(ScoreComponent::GainersMomentum)].has_value());
        QCOMPARE(p.execution.twapMinSlices, 4);
        QCOMPARE(p.execution.deadmanTimeoutMs, 8000);
        QCOMPARE(p.execution.takerFeeBps, 6.5);
        // Optional sections take their documented defaults.
        QCOMPARE(p.levels.minTouches, 2);
        QCOMPARE(p.risk.maxConsecutiveLosses, 5);
    }

    void scalpingIsValidAndWhitelistsFeedNames()
    {
        const PresetLoadResult result = PresetLoader::load(QStringLiteral("scalping_high_freq"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.preset->execution.icebergMinNotional > 0);
        QVERIFY(result.preset->scanner.symbolWhitelist->contains(QStringLiteral("BTCUSDT")));
    }

    void badPresetNamesFileAndKey_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected"); // the message starts with this
        auto row = [](const char *file, const char *expected) {
            QTest::newRow(file) << QString::fromLatin1(file) + QStringLiteral(".json")
                                << QString::fromLatin1(file) + QStringLiteral(".json: ") +
                                       QString::fromLatin1(expected);
        };
        row("unknown_key", "risk.risk_per_trad: unknown key");
        row("unknown_top_key", "gainers_filter: unknown key");
        row("unknown_weight", "scanner.score_weights.foo: unknown key");
        row("wrong_type", "liquidity.max_spread_bps: expected a number, got a string");
        row("wrong_type_bool", "execution.enable_twap: expected true or false, got a number");
        row("out_of_range", "risk.risk_per_trade: 1.5 is out of range (0, 1]");
        row("out_of_range_int", "risk.max_concurrent_positions: 11 is out of range [1, 10]");
        row("not_integer", "scanner.max_candidates: expected an integer");
        row("weights_sum_low", "scanner.score_weights: the absolute weights sum to 0.5");
        row("weights_sum_high", "scanner.score_weights: the absolute weights sum to 1.4");
        row("tp_order", "position.tp2_r: must be greater than tp1_r");
        row("missing_key", "liquidity.min_24h_volume_usd: missing");
        row("iceberg_zero", "execution.iceberg_min_notional: 0 is out of range");
        row("atr_range_inverted", "volatility.atr_range_max: must be at least atr_range_min");
        row("bad_priority", "strategy_priority: \"gainers\" is not one of");
        row("name_mismatch", "name: \"breakout_v1_working\" does not match");
        row("bad_json", "invalid JSON");
    }

    void badPresetNamesFileAndKey()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const PresetLoadResult result = PresetLoader::loadFile(fixture(file));
        QVERIFY(!result.ok());
        QVERIFY2(result.error.startsWith(expected), qPrintable(result.error));
    }

    void missingPresetListsTheAvailableOnes()
    {
        const PresetLoadResult result = PresetLoader::load(QStringLiteral("no_such_preset"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QStringLiteral("no_such_preset")), qPrintable(result.error));
        QVERIFY2(result.error.contains(QStringLiteral("breakout_v1")), qPrintable(result.error));
    }

    void userPresetsLoadFromTheConfigFolder()
    {
        const QString dir = PresetLoader::userPresetDirectory();
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::copy(fixture(QStringLiteral("user_custom.json")), dir + QStringLiteral("/user_custom.json")));
        QVERIFY(PresetLoader::availablePresetNames().contains(QStringLiteral("user_custom")));
        const PresetLoadResult result = PresetLoader::load(QStringLiteral("user_custom"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.preset->levels.minTouches, 3);
        QCOMPARE(result.preset->levels.swingBars, 3);
        QCOMPARE(result.preset->scanner.correlationWindow, 80);
        QCOMPARE(*result.preset->scanner.symbolWhitelist,
                 QStringList({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")}));

        // A broken user preset is reported with its own file name.
        QFile broken(dir + QStringLiteral("/broken.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"name\": \"broken\"}");
        broken.close();
        const PresetLoadResult bad = PresetLoader::load(QStringLiteral("broken"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error, QStringLiteral("broken.json: strategy_priority: missing"));
        QDir(dir).removeRecursively();
    }
};

QTEST_GUILESS_MAIN(TestPresets)
#include "tst_presets.moc"
