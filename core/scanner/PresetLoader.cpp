#include "scanner/PresetLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>

#include <cmath>

// Forces the presets resource (compiled into the static bw_core) to be linked and registered.
static void bwInitPresetResources()
{
    Q_INIT_RESOURCE(presets);
}

namespace bw {

QString scoreComponentKey(ScoreComponent component)
{
    switch (component) {
    case ScoreComponent::VolSurge:
        return QStringLiteral("vol_surge");
    case ScoreComponent::OiDelta:
        return QStringLiteral("oi_delta");
    case ScoreComponent::AtrQuality:
        return QStringLiteral("atr_quality");
    case ScoreComponent::Correlation:
        return QStringLiteral("correlation");
    case ScoreComponent::TradesPerMinute:
        return QStringLiteral("trades_per_minute");
    case ScoreComponent::GainersMomentum:
        return QStringLiteral("gainers_momentum");
    case ScoreComponent::Count:
        break;
    }
    return {};
}

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("bw::PresetLoader", text);
}

struct ParseError {
    QString key;
    QString message;
};

// Reads one JSON object strictly: every accessor records the key as known, finish() rejects the rest.
// The first error wins and later reads become no-ops.
class ObjectReader
{
public:
    ObjectReader(const QJsonObject &object, QString path, std::optional<ParseError> &error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    {}

    QString keyPath(const QString &key) const
    {
        if (key.isEmpty())
            return m_path;
        return m_path.isEmpty() ? key : m_path + u'.' + key;
    }

    void fail(const QString &key, const QString &message)
    {
        if (!m_error)
            m_error = ParseError{keyPath(key), message};
    }

    bool failed() const { return m_error.has_value(); }

    // Returns the value if present (and not null when nullable); records an error when a required key
    // is missing.
    std::optional<QJsonValue> take(const QString &key, bool required, bool nullable = false)
    {
        m_known.insert(key);
        if (failed())
            return std::nullopt;
        const auto it = m_object.constFind(key);
        if (it == m_object.constEnd()) {
            if (required)
                fail(key, tr("missing"));
            return std::nullopt;
        }
        if (it->isNull()) {
            if (!nullable)
                fail(key, tr("must not be null"));
            return std::nullopt;
        }
        return *it;
    }

    enum class Bound { Open, Closed, None };

    // A number within [lo, hi] (or (lo, hi) per bound kind).
    void number(const QString &key, double &out, bool required, double lo, Bound loBound, double hi, Bound hiBound)
    {
        std::optional<double> value;
        numberOpt(key, value, required, false, lo, loBound, hi, hiBound);
        if (value)
            out = *value;
    }

    void numberOpt(const QString &key, std::optional<double> &out, bool required, bool nullable, double lo,
                   Bound loBound, double hi, Bound hiBound)
    {
        const auto value = take(key, required, nullable);
        if (!value)
            return;
        if (!value->isDouble()) {
            fail(key, tr("expected a number, got %1").arg(typeName(*value)));
            return;
        }
        const double v = value->toDouble();
        const bool loOk = loBound == Bound::None || (loBound == Bound::Open ? v > lo : v >= lo);
        const bool hiOk = hiBound == Bound::None || (hiBound == Bound::Open ? v < hi : v <= hi);
        if (!std::isfinite(v) || !loOk || !hiOk) {
            fail(key, tr("%1 is out of range %2").arg(QString::number(v), rangeText(lo, loBound, hi, hiBound)));
            return;
        }
        out = v;
    }

    void integer(const QString &key, int &out, bool required, int lo, int hi)
    {
        std::optional<int> value;
        integerOpt(key, value, required, false, lo, hi);
        if (value)
            out = *value;
    }

    void integerOpt(const QString &key, std::optional<int> &out, bool required, bool nullable, int lo, int hi)
    {
        const auto value = take(key, required, nullable);
        if (!value)
            return;
        const double v = value->toDouble();
        if (!value->isDouble() || std::floor(v) != v) {
            fail(key, tr("expected an integer, got %1").arg(typeName(*value)));
            return;
        }
        if (v < lo || v > hi) {
            fail(key, tr("%1 is out of range [%2, %3]").arg(QString::number(v)).arg(lo).arg(hi));
            return;
        }
        out = int(v);
    }

    void boolean(const QString &key, bool &out, bool required)
    {
        const auto value = take(key, required);
        if (!value)
            return;
        if (!value->isBool()) {
            fail(key, tr("expected true or false, got %1").arg(typeName(*value)));
            return;
        }
        out = value->toBool();
    }

    void string(const QString &key, QString &out, bool required)
    {
        const auto value = take(key, required);
        if (!value)
            return;
        if (!value->isString()) {
            fail(key, tr("expected a string, got %1").arg(typeName(*value)));
            return;
        }
        out = value->toString();
    }

    std::optional<QStringList> stringList(const QString &key, bool required, bool nullable)
    {
        const auto value = take(key, required, nullable);
        if (!value)
            return std::nullopt;
        if (!value->isArray()) {
            fail(key, tr("expected an array of symbol names, got %1").arg(typeName(*value)));
            return std::nullopt;
        }
        QStringList out;
        const QJsonArray array = value->toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString() || array.at(i).toString().trimmed().isEmpty()) {
                fail(key + u'[' + QString::number(i) + u']', tr("expected a non-empty symbol name"));
                return std::nullopt;
            }
            out.append(array.at(i).toString().trimmed().toUpper());
        }
        return out;
    }

    std::optional<QJsonObject> object(const QString &key, bool required)
    {
        const auto value = take(key, required);
        if (!value)
            return std::nullopt;
        if (!value->isObject()) {
            fail(key, tr("expected an object, got %1").arg(typeName(*value)));
            return std::nullopt;
        }
        return value->toObject();
    }

    void finish()
    {
        if (failed())
            return;
        QStringList keys = m_object.keys();
        keys.sort();
        for (const QString &key : std::as_const(keys)) {
            if (!m_known.contains(key)) {
                fail(key, tr("unknown key"));
                return;
            }
        }
    }

    static QString typeName(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Null:
            return tr("null");
        case QJsonValue::Bool:
            return tr("a boolean");
        case QJsonValue::Double:
            return tr("a number");
        case QJsonValue::String:
            return tr("a string");
        case QJsonValue::Array:
            return tr("an array");
        case QJsonValue::Object:
            return tr("an object");
        case QJsonValue::Undefined:
            break;
        }
        return tr("nothing");
    }

    static QString rangeText(double lo, Bound loBound, double hi, Bound hiBound)
    {
        const QString left =
            loBound == Bound::None
                ? QStringLiteral("(-inf")
                : (loBound == Bound::Open ? QStringLiteral("(") : QStringLiteral("[")) + QString::number(lo);
        const QString right =
            hiBound == Bound::None
                ? QStringLiteral("inf)")
                : QString::number(hi) + (hiBound == Bound::Open ? QStringLiteral(")") : QStringLiteral("]"));
        return left + QStringLiteral(", ") + right;
    }

private:
    QJsonObject m_object;
    QString m_path;
    std::optional<ParseError> &m_error;
    QSet<QString> m_known;
};

using B = ObjectReader::Bound;
constexpr double kInf = 0;

void readRisk(ObjectReader &r, RiskSection &c)
{
    r.number(QStringLiteral("risk_per_trade"), c.riskPerTrade, true, 0, B::Open, 1, B::Closed);
    r.integer(QStringLiteral("max_concurrent_positions"), c.maxConcurrentPositions, true, 1, 10);
    r.number(QStringLiteral("daily_risk_limit"), c.dailyRiskLimit, true, 0, B::Open, 1, B::Closed);
    r.numberOpt(QStringLiteral("max_position_size_usd"), c.maxPositionSizeUsd, false, true, 0, B::Open, kInf, B::None);
    r.number(QStringLiteral("kill_switch_loss_limit"), c.killSwitchLossLimit, true, 0, B::Open, 1, B::Closed);
    r.number(QStringLiteral("correlation_limit"), c.correlationLimit, true, 0, B::Closed, 1, B::Closed);
    r.integer(QStringLiteral("max_consecutive_losses"), c.maxConsecutiveLosses, false, 1, 20);
    r.finish();
}

void readLiquidity(ObjectReader &r, LiquiditySection &c)
{
    r.number(QStringLiteral("min_24h_volume_usd"), c.min24hVolumeUsd, true, 0, B::Open, kInf, B::None);
    r.numberOpt(QStringLiteral("min_oi_usd"), c.minOiUsd, false, true, 0, B::Open, kInf, B::None);
    r.number(QStringLiteral("max_spread_bps"), c.maxSpreadBps, true, 0, B::Open, 10000, B::Closed);
    r.number(QStringLiteral("min_depth_usd_0_5pct"), c.minDepthUsd05, true, 0, B::Open, kInf, B::None);
    r.number(QStringLiteral("min_depth_usd_0_3pct"), c.minDepthUsd03, true, 0, B::Open, kInf, B::None);
    r.number(QStringLiteral("min_trades_per_minute"), c.minTradesPerMinute, true, 0, B::Closed, kInf, B::None);
    r.finish();
}

void readVolatility(ObjectReader &r, VolatilitySection &c)
{
    r.number(QStringLiteral("atr_range_min"), c.atrRangeMin, true, 0, B::Open, 1, B::Closed);
    r.number(QStringLiteral("atr_range_max"), c.atrRangeMax, true, 0, B::Open, 1, B::Closed);
    if (!r.failed() && c.atrRangeMax < c.atrRangeMin)
        r.fail(QStringLiteral("atr_range_max"), tr("must be at least atr_range_min"));
    r.number(QStringLiteral("bb_width_percentile_max"), c.bbWidthPercentileMax, true, 0, B::Closed, 100, B::Closed);
    r.number(QStringLiteral("volume_surge_1h_min"), c.volumeSurge1hMin, true, 0, B::Closed, 1000, B::Closed);
    r.number(QStringLiteral("volume_surge_5m_min"), c.volumeSurge5mMin, true, 0, B::Closed, 1000, B::Closed);
    r.numberOpt(QStringLiteral("oi_delta_threshold"), c.oiDeltaThreshold, false, true, 0, B::Open, 10, B::Closed);
    r.finish();
}

void readSignal(ObjectReader &r, SignalSection &c)
{
    r.number(QStringLiteral("momentum_volume_multiplier"), c.momentumVolumeMultiplier, true, 0, B::Open, 100,
             B::Closed);
    r.number(QStringLiteral("momentum_body_ratio_min"), c.momentumBodyRatioMin, true, 0, B::Closed, 1, B::Closed);
    r.number(QStringLiteral("momentum_epsilon"), c.momentumEpsilon, true, 0, B::Closed, 0.1, B::Closed);
    r.number(QStringLiteral("retest_pierce_tolerance"), c.retestPierceTolerance, true, 0, B::Closed, 0.1, B::Closed);
    r.number(QStringLiteral("retest_max_pierce_atr"), c.retestMaxPierceAtr, true, 0, B::Closed, 10, B::Closed);
    r.number(QStringLiteral("l2_imbalance_threshold"), c.l2ImbalanceThreshold, true, 0, B::Closed, 1, B::Closed);
    r.number(QStringLiteral("vwap_gap_max_atr"), c.vwapGapMaxAtr, true, 0, B::Open, 100, B::Closed);
    r.number(QStringLiteral("prelevel_limit_offset_bps"), c.prelevelLimitOffsetBps, false, 0, B::Closed, 1000,
             B::Closed);
    r.number(QStringLiteral("enter_on_density_eat_ratio"), c.enterOnDensityEatRatio, false, 0, B::Closed, 1, B::Closed);
    r.number(QStringLiteral("tpm_on_touch_frac"), c.tpmOnTouchFrac, false, 0, B::Closed, 1, B::Closed);
    r.finish();
}

void readPosition(ObjectReader &r, PositionSection &c)
{
    r.number(QStringLiteral("tp1_r"), c.tp1R, true, 0, B::Open, 100, B::Closed);
    r.number(QStringLiteral("tp1_size_pct"), c.tp1SizePct, true, 0, B::Closed, 1, B::Closed);
    r.number(QStringLiteral("tp2_r"), c.tp2R, true, 0, B::Open, 100, B::Closed);
    r.number(QStringLiteral("tp2_size_pct"), c.tp2SizePct, true, 0, B::Closed, 1, B::Closed);
    if (!r.failed() && c.tp1R >= c.tp2R)
        r.fail(QStringLiteral("tp2_r"), tr("must be greater than tp1_r (%1)").arg(c.tp1R));
    if (!r.failed() && c.tp1SizePct + c.tp2SizePct > 1.0 + 1e-9)
        r.fail(QStringLiteral("tp2_size_pct"), tr("tp1_size_pct + tp2_size_pct must not exceed 1"));
    r.number(QStringLiteral("chandelier_atr_mult"), c.chandelierAtrMult, false, 0, B::Open, 20, B::Closed);
    r.integer(QStringLiteral("chandelier_lookback_bars"), c.chandelierLookbackBars, false, 2, 500);
    r.number(QStringLiteral("max_hold_time_hours"), c.maxHoldTimeHours, false, 0, B::Open, 24 * 365, B::Closed);
    r.boolean(QStringLiteral("add_on_enabled"), c.addOnEnabled, false);
    r.number(QStringLiteral("add_on_max_size_pct"), c.addOnMaxSizePct, false, 0, B::Closed, 1, B::Closed);
    r.number(QStringLiteral("sl_r"), c.slR, false, 0, B::Open, 10, B::Closed);
    r.numberOpt(QStringLiteral("time_stop_minutes"), c.timeStopMinutes, false, true, 0, B::Open, 60 * 24 * 30,
                B::Closed);
    r.boolean(QStringLiteral("panic_exit_on_activity_drop"), c.panicExitOnActivityDrop, false);
    r.number(QStringLiteral("activity_drop_threshold"), c.activityDropThreshold, false, 0, B::Closed, 1, B::Closed);
    r.finish();
}

void readWeights(ObjectReader &r, ScoreWeights &weights)
{
    for (int i = 0; i < kScoreComponentCount; ++i) {
        std::optional<double> w;
        r.numberOpt(scoreComponentKey(ScoreComponent(i)), w, false, false, -1, B::Closed, 1, B::Closed);
        weights[std::size_t(i)] = w;
    }
    r.finish();
    if (r.failed())
        return;
    double sum = 0;
    for (const auto &w : weights)
        sum += w ? std::abs(*w) : 0.0;
    if (sum < 0.8 - 1e-9 || sum > 1.2 + 1e-9)
        r.fail(QString(), tr("the absolute weights sum to %1; it must be within 0.8-1.2").arg(sum));
}

void readScanner(ObjectReader &r, ScannerSection &c, std::optional<ParseError> &error)
{
    r.integer(QStringLiteral("max_candidates"), c.maxCandidates, true, 1, 10000);
    r.integer(QStringLiteral("scan_interval_seconds"), c.scanIntervalSeconds, true, 1, 86400);
    if (const auto weights = r.object(QStringLiteral("score_weights"), true)) {
        ObjectReader w(*weights, r.keyPath(QStringLiteral("score_weights")), error);
        readWeights(w, c.scoreWeights);
    }
    c.symbolWhitelist = r.stringList(QStringLiteral("symbol_whitelist"), false, true);
    if (const auto black = r.stringList(QStringLiteral("symbol_blacklist"), false, true))
        c.symbolBlacklist = *black;
    r.integerOpt(QStringLiteral("top_n_by_volume"), c.topNByVolume, false, true, 1, 100000);
    r.integer(QStringLiteral("correlation_window"), c.correlationWindow, false, 10, 1000);
    r.integer(QStringLiteral("bb_percentile_lookback"), c.bbPercentileLookback, false, 20, 2000);
    r.number(QStringLiteral("stale_after_bars"), c.staleAfterBars, false, 1, B::Closed, 1000, B::Closed);
    r.string(QStringLiteral("reference_symbol"), c.referenceSymbol, false);
    c.referenceSymbol = c.referenceSymbol.trimmed().toUpper();
    r.finish();
}

void readLevels(ObjectReader &r, LevelsSection &c)
{
    r.integer(QStringLiteral("min_touches"), c.minTouches, false, 1, 50);
    r.number(QStringLiteral("touch_tolerance_atr"), c.touchToleranceAtr, false, 0, B::Open, 10, B::Closed);
    r.number(QStringLiteral("merge_tolerance_atr"), c.mergeToleranceAtr, false, 0, B::Open, 10, B::Closed);
    r.number(QStringLiteral("min_level_separation_atr"), c.minLevelSeparationAtr, false, 0, B::Closed, 50, B::Closed);
    r.number(QStringLiteral("max_pierce_pct"), c.maxPiercePct, false, 0, B::Closed, 0.1, B::Closed);
    r.number(QStringLiteral("volume_percentile"), c.volumePercentile, false, 0.5, B::Closed, 1, B::Open);
    r.integer(QStringLiteral("swing_bars"), c.swingBars, false, 1, 20);
    r.integer(QStringLiteral("max_levels"), c.maxLevels, false, 1, 50);
    r.finish();
}

void readExecution(ObjectReader &r, ExecutionSection &c)
{
    r.boolean(QStringLiteral("enable_twap"), c.enableTwap, true);
    r.boolean(QStringLiteral("enable_iceberg"), c.enableIceberg, true);
    r.number(QStringLiteral("max_depth_fraction"), c.maxDepthFraction, true, 0, B::Open, 1, B::Closed);
    r.integer(QStringLiteral("twap_min_slices"), c.twapMinSlices, true, 1, 50);
    r.integer(QStringLiteral("twap_max_slices"), c.twapMaxSlices, true, 1, 50);
    if (!r.failed() && c.twapMaxSlices < c.twapMinSlices)
        r.fail(QStringLiteral("twap_max_slices"), tr("must be at least twap_min_slices"));
    r.number(QStringLiteral("twap_interval_seconds"), c.twapIntervalSeconds, true, 0, B::Open, 600, B::Closed);
    r.number(QStringLiteral("iceberg_min_notional"), c.icebergMinNotional, true, 0, B::Open, kInf, B::None);
    r.number(QStringLiteral("limit_offset_bps"), c.limitOffsetBps, true, 0, B::Closed, 1000, B::Closed);
    r.number(QStringLiteral("spread_widen_bps"), c.spreadWidenBps, true, 0, B::Closed, 1000, B::Closed);
    r.integer(QStringLiteral("deadman_timeout_ms"), c.deadmanTimeoutMs, true, 100, 600000);
    r.number(QStringLiteral("taker_fee_bps"), c.takerFeeBps, true, 0, B::Closed, 1000, B::Closed);
    r.number(QStringLiteral("maker_fee_bps"), c.makerFeeBps, true, -1000, B::Closed, 1000, B::Closed);
    r.finish();
}

QString displayFileName(const QString &path)
{
    return QFileInfo(path).fileName();
}

} // namespace

PresetLoadResult PresetLoader::parse(const QByteArray &json, const QString &fileName)
{
    const QString file = displayFileName(fileName);
    PresetLoadResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error =
            tr("%1: invalid JSON at offset %2: %3").arg(file).arg(parseError.offset).arg(parseError.errorString());
        return result;
    }
    if (!doc.isObject()) {
        result.error = tr("%1: the preset must be a JSON object").arg(file);
        return result;
    }

    std::optional<ParseError> error;
    Preset preset;
    ObjectReader root(doc.object(), QString(), error);
    root.string(QStringLiteral("name"), preset.name, true);
    const QString expectedName = QFileInfo(fileName).completeBaseName();
    if (!root.failed() && !expectedName.isEmpty() && preset.name != expectedName)
        root.fail(QStringLiteral("name"),
                  tr("\"%1\" does not match the file name \"%2\"").arg(preset.name, expectedName));
    root.string(QStringLiteral("description"), preset.description, false);
    root.string(QStringLiteral("target_markets"), preset.targetMarkets, false);
    QString priority;
    root.string(QStringLiteral("strategy_priority"), priority, true);
    if (!root.failed()) {
        if (priority == u"momentum" || priority == u"breakout_momentum")
            preset.strategyPriority = StrategyPriority::Momentum;
        else if (priority == u"retest" || priority == u"breakout_retest")
            preset.strategyPriority = StrategyPriority::Retest;
        else
            root.fail(QStringLiteral("strategy_priority"), tr("\"%1\" is not one of momentum, retest").arg(priority));
    }

    const auto section = [&](const QString &key, bool required, auto &&read) {
        if (const auto obj = root.object(key, required)) {
            ObjectReader reader(*obj, key, error);
            read(reader);
        }
    };
    section(QStringLiteral("risk"), true, [&](ObjectReader &r) { readRisk(r, preset.risk); });
    section(QStringLiteral("liquidity"), true, [&](ObjectReader &r) { readLiquidity(r, preset.liquidity); });
    section(QStringLiteral("volatility"), true, [&](ObjectReader &r) { readVolatility(r, preset.volatility); });
    section(QStringLiteral("signal"), true, [&](ObjectReader &r) { readSignal(r, preset.signal); });
    section(QStringLiteral("position"), true, [&](ObjectReader &r) { readPosition(r, preset.position); });
    section(QStringLiteral("scanner"), true, [&](ObjectReader &r) { readScanner(r, preset.scanner, error); });
    section(QStringLiteral("levels"), false, [&](ObjectReader &r) { readLevels(r, preset.levels); });
    section(QStringLiteral("execution"), true, [&](ObjectReader &r) { readExecution(r, preset.execution); });
    root.finish();

    if (error) {
        result.error = error->key.isEmpty()
                           ? QString(file + QStringLiteral(": ") + error->message)
                           : QString(file + QStringLiteral(": ") + error->key + QStringLiteral(": ") + error->message);
        return result;
    }
    preset.sourcePath = fileName;
    result.preset = std::move(preset);
    return result;
}

PresetLoadResult PresetLoader::loadFile(const QString &path)
{
    bwInitPresetResources();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        PresetLoadResult result;
        result.error = tr("%1: cannot read: %2").arg(displayFileName(path), file.errorString());
        return result;
    }
    return parse(file.readAll(), path);
}

PresetLoadResult PresetLoader::load(const QString &name)
{
    bwInitPresetResources();
    const QString fileName = name.endsWith(QLatin1String(".json")) ? name : name + QStringLiteral(".json");
    const QString userPath = QDir(userPresetDirectory()).filePath(fileName);
    if (QFileInfo::exists(userPath))
        return loadFile(userPath);
    const QString shippedPath = QStringLiteral(":/presets/") + fileName;
    if (QFileInfo::exists(shippedPath))
        return loadFile(shippedPath);
    PresetLoadResult result;
    result.error =
        tr("%1: no such preset (available: %2)").arg(name, availablePresetNames().join(QStringLiteral(", ")));
    return result;
}

static QStringList presetNamesIn(const QString &dir)
{
    QStringList names;
    const QFileInfoList files = QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QFileInfo &info : files)
        names.append(info.completeBaseName());
    return names;
}

QStringList PresetLoader::shippedPresetNames()
{
    bwInitPresetResources();
    return presetNamesIn(QStringLiteral(":/presets"));
}

QStringList PresetLoader::userPresetNames()
{
    return presetNamesIn(userPresetDirectory());
}

QStringList PresetLoader::availablePresetNames()
{
    QStringList names = shippedPresetNames() + userPresetNames();
    names.sort();
    names.removeDuplicates();
    return names;
}

QString PresetLoader::userPresetDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("presets"));
}

} // namespace bw
