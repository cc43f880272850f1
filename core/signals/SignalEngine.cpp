#include "signals/SignalEngine.h"

#include "market/MarketStore.h"
#include "signals/SignalsLog.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <vector>

namespace bw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SignalEngine", text);
}

double clamp01(double v)
{
    return std::clamp(v, 0.0, 1.0);
}

bool positiveFinite(double v)
{
    return std::isfinite(v) && v > 0;
}

// Book imbalance in the trade's direction: bid-heavy (positive) supports a long, ask-heavy a short.
double directionalImbalance(const BookSummary &book, TradeSide side)
{
    return side == TradeSide::Long ? book.imbalance : -book.imbalance;
}

double achievableEntry(const BookSummary &book, TradeSide side)
{
    return side == TradeSide::Long ? book.bestAsk : book.bestBid;
}

} // namespace

SignalEngine::SignalEngine(const Preset &preset, SignalEngineSettings settings)
    : m_preset(preset)
    , m_settings(settings)
{}

void SignalEngine::setPreset(const Preset &preset)
{
    m_preset = preset;
}

double SignalEngine::momentumConfidence(double scanScore, double volumeRatio, double bodyRatio, double imbalance)
{
    const double c = 0.4 * clamp01((scanScore + 2.0) / 4.0) + 0.3 * std::min(1.0, volumeRatio / 5.0) +
                     0.2 * std::min(1.0, bodyRatio / 0.8) + 0.1 * std::min(1.0, std::abs(imbalance) / 0.5);
    return std::clamp(c, 0.1, 1.0);
}

double SignalEngine::retestConfidence(double scanScore, bool hasBreakout, double hoursSince, int touches,
                                      double activityRatio)
{
    const double c = 0.3 * clamp01((scanScore + 2.0) / 4.0) + 0.3 * (hasBreakout ? 0.8 : 0.5) +
                     0.2 * std::max(0.3, 1.0 - hoursSince / 24.0) + 0.1 * std::min(1.0, touches / 5.0) +
                     0.1 * std::min(1.0, activityRatio);
    return std::clamp(c, 0.1, 1.0);
}

double SignalEngine::medianVolumeBefore(const CandleSeries &bars, int index) const
{
    const int n = m_settings.volumeMedianBars;
    if (index < n)
        return 0;
    std::vector<double> v;
    v.reserve(std::size_t(n));
    for (int i = index - n; i < index; ++i)
        v.push_back(bars.volume(i));
    const auto mid = v.begin() + n / 2;
    std::nth_element(v.begin(), mid, v.end());
    if (n % 2 == 1)
        return *mid;
    const double upper = *mid;
    const double lower = *std::max_element(v.begin(), mid);
    return (lower + upper) / 2.0;
}

Signal SignalEngine::makeSignal(const Candidate &candidate, const Level &level, SignalStrategy strategy, TradeSide side,
                                double entry, double stop, double atr, qint64 nowMs) const
{
    Signal s;
    s.symbol = candidate.symbol;
    s.side = side;
    s.strategy = strategy;
    s.id = QStringLiteral("%1:%2:%3").arg(candidate.symbol, toCode(strategy)).arg(nowMs);
    s.entry = entry;
    s.level = level.price;
    s.stop = stop;
    s.setTargetsFromR(m_preset.position.tp1R, m_preset.position.tp2R);
    s.atr = atr;
    s.btcCorrelation = candidate.metrics.btcCorrelation.value_or(0.0);
    s.createdMs = nowMs;
    s.expiresMs = m_settings.expiryMs > 0 ? nowMs + m_settings.expiryMs : 0;
    return s;
}

std::optional<Signal> SignalEngine::momentum(const Candidate &candidate, const Level &level, const CandleSeries &bars,
                                             const BookSummary &book, qint64 nowMs, QString *failed) const
{
    const auto fail = [failed](const QString &why) -> std::optional<Signal> {
        if (failed)
            *failed = why;
        return std::nullopt;
    };
    const SignalSection &cfg = m_preset.signal;
    const double atr = candidate.atr;
    if (bars.size() < m_settings.minBars)
        return fail(tr("fewer closed bars than needed"));
    if (!positiveFinite(atr))
        return fail(tr("no ATR"));
    if (!book.isValid())
        return fail(tr("no order book"));
    const int last = bars.size() - 1;
    const double close = bars.close(last);
    const double eps = cfg.momentumEpsilon;
    const TradeSide side = level.type == LevelType::Resistance ? TradeSide::Long : TradeSide::Short;
    const double threshold = side == TradeSide::Long ? level.price * (1 + eps) : level.price * (1 - eps);
    const bool beyond = side == TradeSide::Long ? close > threshold : close < threshold;
    if (!beyond)
        return fail(tr("the closed bar is not beyond the level"));
    // Only the bar that breaks counts: a bar after it is chasing an old move.
    const double prevClose = bars.close(last - 1);
    if (side == TradeSide::Long ? prevClose > threshold : prevClose < threshold)
        return fail(tr("the level broke before the last closed bar"));
    const double median = medianVolumeBefore(bars, last);
    const double volumeRatio = median > 0 ? bars.volume(last) / median : 0;
    if (volumeRatio < cfg.momentumVolumeMultiplier)
        return fail(tr("volume below the multiplier of the median"));
    const double range = bars.high(last) - bars.low(last);
    if (!(range > 0))
        return fail(tr("the bar has no range"));
    const double body = std::abs(close - bars.open(last)) / range;
    if (body < cfg.momentumBodyRatioMin)
        return fail(tr("body ratio below the minimum"));
    // A replay has no order book (BookSummary::estimated): like the reference without L2, the gate is
    // not applied.
    const double imbalance = directionalImbalance(book, side);
    if (!book.estimated && imbalance < cfg.l2ImbalanceThreshold)
        return fail(tr("order book imbalance not in the trade's direction"));
    const double entry = achievableEntry(book, side);
    if (std::abs(entry - level.price) > m_settings.maxEntryDistanceAtr * atr)
        return fail(tr("the price ran too far from the level"));
    if (side == TradeSide::Long ? entry <= level.price : entry >= level.price)
        return fail(tr("the price is back behind the level"));
    const int from = std::max(0, last - m_settings.stopLookbackBars + 1);
    double extreme = side == TradeSide::Long ? bars.low(last) : bars.high(last);
    for (int i = from; i <= last; ++i)
        extreme = side == TradeSide::Long ? std::min(extreme, bars.low(i)) : std::max(extreme, bars.high(i));
    const double stop = side == TradeSide::Long ? std::max(extreme, entry - m_settings.momentumStopAtr * atr)
                                                : std::min(extreme, entry + m_settings.momentumStopAtr * atr);
    Signal s = makeSignal(candidate, level, SignalStrategy::Momentum, side, entry, stop, atr, nowMs);
    if (!s.stopOnCorrectSide())
        return fail(tr("the stop is not on the losing side of the entry"));
    s.confidence = momentumConfidence(candidate.score, volumeRatio, body, book.imbalance);
    s.reason = tr("%1 breakout of %2 at %3: volume %4x median, body %5, imbalance %6")
                   .arg(side == TradeSide::Long ? tr("upward") : tr("downward"))
                   .arg(level.type == LevelType::Resistance ? tr("resistance") : tr("support"))
                   .arg(level.price, 0, 'g', 8)
                   .arg(volumeRatio, 0, 'f', 2)
                   .arg(body, 0, 'f', 2)
                   .arg(book.imbalance, 0, 'f', 2);
    return s;
}

std::optional<Signal> SignalEngine::retest(const Candidate &candidate, const Level &level, const CandleSeries &bars,
                                           const BookSummary &book, qint64 nowMs, QString *failed) const
{
    const auto fail = [failed](const QString &why) -> std::optional<Signal> {
        if (failed)
            *failed = why;
        return std::nullopt;
    };
    const SignalSection &cfg = m_preset.signal;
    const double atr = candidate.atr;
    if (bars.size() < m_settings.minBars)
        return fail(tr("fewer closed bars than needed"));
    if (!positiveFinite(atr))
        return fail(tr("no ATR"));
    if (!book.isValid())
        return fail(tr("no order book"));
    const qint64 barMs = bars.intervalMs();
    // Either side may have broken this price; the retest trades in the breakout's direction.
    std::optional<Breakout> breakout;
    for (TradeSide side : {TradeSide::Long, TradeSide::Short}) {
        const auto b = m_breakouts.find(candidate.symbol, level.price, side, m_settings.breakoutMatchAtr * atr, nowMs,
                                        barMs, m_settings.retestMaxAgeMs);
        if (b && (!breakout || b->barCloseMs > breakout->barCloseMs))
            breakout = b;
    }
    if (!breakout)
        return fail(tr("no recorded breakout of the level"));
    const TradeSide side = breakout->side;
    const int last = bars.size() - 1;
    if (bars.openTime(last) <= breakout->barOpenMs)
        return fail(tr("no bar after the breakout yet"));
    const double L = level.price;
    const double low = bars.low(last);
    const double high = bars.high(last);
    const double close = bars.close(last);
    // Pullback: the bar came back to the level (within the touch band) ...
    const double nearest = side == TradeSide::Long ? low : high;
    if (std::abs(nearest - L) / L > m_settings.retestTouchPct)
        return fail(tr("the price did not pull back to the level"));
    // ... pierced it by no more than the tolerance ...
    const double pierce = side == TradeSide::Long ? std::max(0.0, L - low) : std::max(0.0, high - L);
    if (pierce > cfg.retestMaxPierceAtr * atr)
        return fail(tr("the pullback pierced the level too far"));
    // ... and held: the bar closed back on the breakout side.
    if (side == TradeSide::Long ? close <= L : close >= L)
        return fail(tr("the level did not hold"));
    double recent = 0;
    double before = 0;
    for (int i = last - 4; i <= last; ++i)
        recent += bars.volume(i);
    for (int i = last - 19; i < last - 4; ++i)
        before += bars.volume(i);
    recent /= 5.0;
    before /= 15.0;
    const double activity = before > 0 ? recent / before : 0;
    if (activity < m_settings.retestMinActivity)
        return fail(tr("trading activity dropped"));
    // A replay has no order book (BookSummary::estimated): like the reference without L2, the gate is
    // not applied.
    const double imbalance = directionalImbalance(book, side);
    if (!book.estimated && imbalance < cfg.l2ImbalanceThreshold)
        return fail(tr("order book imbalance not in the trade's direction"));
    const double entry = achievableEntry(book, side);
    if (std::abs(entry - L) > m_settings.maxEntryDistanceAtr * atr)
        return fail(tr("the price ran too far from the level"));
    const double stop =
        side == TradeSide::Long ? L - m_settings.retestStopAtr * atr : L + m_settings.retestStopAtr * atr;
    Signal s = makeSignal(candidate, level, SignalStrategy::Retest, side, entry, stop, atr, nowMs);
    if (!s.stopOnCorrectSide())
        return fail(tr("the stop is not on the losing side of the entry"));
    const double hours = double(nowMs - breakout->barCloseMs) / 3600000.0;
    s.confidence = retestConfidence(candidate.score, true, hours, level.touches, activity);
    s.reason = tr("retest of the %1 breakout of %2 (%3 h ago), held with pierce %4 ATR, activity %5")
                   .arg(side == TradeSide::Long ? tr("upward") : tr("downward"))
                   .arg(L, 0, 'g', 8)
                   .arg(hours, 0, 'f', 1)
                   .arg(pierce / atr, 0, 'f', 2)
                   .arg(activity, 0, 'f', 2);
    return s;
}

void SignalEngine::recordBreakouts(const QString &symbol, const QList<Level> &levels, const CandleSeries &bars,
                                   double atr)
{
    if (bars.size() < 2 || !positiveFinite(atr))
        return;
    const qint64 checked = m_breakouts.lastCheckedBar(symbol);
    int from = bars.size() - 1;
    while (from > 1 && bars.openTime(from - 1) > checked && bars.size() - from < m_settings.maxBreakoutScanBars)
        --from;
    const double eps = m_preset.signal.momentumEpsilon;
    for (int i = std::max(1, from); i < bars.size(); ++i) {
        if (bars.openTime(i) <= checked)
            continue;
        for (const Level &level : levels) {
            const bool up = level.type == LevelType::Resistance;
            const double threshold = up ? level.price * (1 + eps) : level.price * (1 - eps);
            const bool now = up ? bars.close(i) > threshold : bars.close(i) < threshold;
            const bool before = up ? bars.close(i - 1) > threshold : bars.close(i - 1) < threshold;
            if (now && !before) {
                Breakout b;
                b.level = level.price;
                b.side = up ? TradeSide::Long : TradeSide::Short;
                b.barOpenMs = bars.openTime(i);
                b.barCloseMs = bars.openTime(i) + bars.intervalMs();
                m_breakouts.record(symbol, b, m_settings.breakoutMatchAtr * atr);
            }
        }
    }
    m_breakouts.setLastCheckedBar(symbol, bars.lastOpenTimeMs());
}

void SignalEngine::expire(qint64 nowMs)
{
    std::erase_if(m_active, [nowMs](const Signal &s) { return s.isExpired(nowMs); });
    while (int(m_active.size()) > m_settings.maxActive)
        m_active.pop_front();
}

bool SignalEngine::isDuplicate(const Signal &signal, qint64 nowMs) const
{
    for (const Signal &s : m_active) {
        if (s.isExpired(nowMs) || s.symbol != signal.symbol || s.side != signal.side)
            continue;
        const double bps = std::abs(s.entry - signal.entry) / signal.entry * 10000.0;
        if (bps <= m_settings.duplicateBps)
            return true;
    }
    return false;
}

QList<Signal> SignalEngine::activeSignals(qint64 nowMs) const
{
    QList<Signal> out;
    for (const Signal &s : m_active) {
        if (!s.isExpired(nowMs))
            out.append(s);
    }
    return out;
}

void SignalEngine::release(const QString &signalId)
{
    std::erase_if(m_active, [&signalId](const Signal &s) { return s.id == signalId; });
}

std::optional<Signal> SignalEngine::evaluateCandidate(const Candidate &candidate, const CandleSeries &bars,
                                                      const BookSummary &book, qint64 nowMs)
{
    recordBreakouts(candidate.symbol, candidate.levels, bars, candidate.atr);
    const bool momentumFirst = m_preset.strategyPriority == StrategyPriority::Momentum;
    const int levels = std::min<int>(m_settings.levelsPerSymbol, int(candidate.levels.size()));
    for (int k = 0; k < levels; ++k) {
        const Level &level = candidate.levels[k];
        for (int pass = 0; pass < 2; ++pass) {
            const bool useMomentum = (pass == 0) == momentumFirst;
            QString failed;
            std::optional<Signal> s = useMomentum ? momentum(candidate, level, bars, book, nowMs, &failed)
                                                  : retest(candidate, level, bars, book, nowMs, &failed);
            if (s && isDuplicate(*s, nowMs))
                failed = tr("duplicate of an active signal");
            if (m_checks.size() < 4 * 1000)
                m_checks.append({candidate.symbol, level.price,
                                 useMomentum ? SignalStrategy::Momentum : SignalStrategy::Retest,
                                 s && failed.isEmpty() ? QString() : failed});
            if (s && failed.isEmpty()) {
                if (s->strategy == SignalStrategy::Retest) {
                    // One retest per breakout.
                    const auto b = m_breakouts.find(candidate.symbol, level.price, s->side,
                                                    m_settings.breakoutMatchAtr * candidate.atr, nowMs,
                                                    bars.intervalMs(), m_settings.retestMaxAgeMs);
                    if (b)
                        m_breakouts.markRetested(candidate.symbol, b->barOpenMs, b->level);
                }
                m_active.push_back(*s);
                expire(nowMs);
                return s;
            }
        }
    }
    return std::nullopt;
}

QList<Signal> SignalEngine::evaluate(const ScanReport &report, const MarketStore &store, qint64 nowMs)
{
    m_checks.clear();
    expire(nowMs);
    QList<Signal> out;
    for (const Candidate &candidate : report.candidates) {
        const int i = store.indexOf(candidate.symbol);
        if (i < 0)
            continue;
        const SymbolMarket &market = store.market(i);
        if (auto s = evaluateCandidate(candidate, market.bars, market.book, nowMs))
            out.append(*s);
    }
    m_breakouts.prune(nowMs, m_settings.retestMaxAgeMs);
    std::stable_sort(out.begin(), out.end(),
                     [](const Signal &a, const Signal &b) { return a.confidence > b.confidence; });
    if (!out.isEmpty())
        qCDebug(lcSignals) << out.size() << "signals from" << report.candidates.size() << "candidates";
    return out;
}

} // namespace bw
