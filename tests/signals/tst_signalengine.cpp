#include "market/CandleSeries.h"
#include "market/MarketTypes.h"
#include "signals/SignalEngine.h"

#include <QTest>

#include <cmath>

using namespace bw;

namespace {

constexpr qint64 kBar = 300000;
constexpr qint64 kStart = 1700000000000 / kBar * kBar;

// A flat base under a level at 100 (range 98-99.6), then whatever the test appends.
struct Market {
    CandleSeries bars{kBar, 200};
    qint64 next = kStart;

    void add(double open, double high, double low, double close, double volume)
    {
        Candle c;
        c.openTimeMs = next;
        c.open = open;
        c.high = high;
        c.low = low;
        c.close = close;
        c.volume = volume;
        c.quoteVolume = volume * close;
        c.closed = true;
        QCOMPARE_NE(int(bars.apply(c)), int(CandleSeries::AppendResult::Rejected));
        next += kBar;
    }
    void base(int n, double scale = 1.0)
    {
        for (int i = 0; i < n; ++i) {
            const double o = (i % 2 ? 98.6 : 99.0) * scale;
            const double c = (i % 2 ? 99.0 : 98.6) * scale;
            add(o, 99.6 * scale, 98.0 * scale, c, 1000);
        }
    }
    qint64 now() const { return next; } // the last bar just closed
};

BookSummary book(double bid, double ask, double imbalance)
{
    BookSummary b;
    b.bestBid = bid;
    b.bestAsk = ask;
    b.spreadBps = (ask - bid) / ((ask + bid) / 2) * 10000;
    b.bidDepth03 = b.askDepth03 = 1e6;
    b.bidDepth05 = b.askDepth05 = 2e6;
    b.imbalance = imbalance;
    return b;
}

Candidate candidate(double levelPrice, LevelType type, double atr = 1.0, double scale = 1.0)
{
    Candidate c;
    c.symbol = QStringLiteral("ETHUSDT");
    c.score = 1.0;
    c.atr = atr * scale;
    c.metrics.btcCorrelation = 0.55;
    Level l;
    l.price = levelPrice * scale;
    l.type = type;
    l.touches = 3;
    l.strength = 0.8;
    c.levels = {l};
    return c;
}

Preset preset()
{
    Preset p;
    p.name = QStringLiteral("test");
    p.signal.momentumVolumeMultiplier = 1.5;
    p.signal.momentumBodyRatioMin = 0.3;
    p.signal.momentumEpsilon = 0.001;
    p.signal.l2ImbalanceThreshold = 0.15;
    p.signal.retestMaxPierceAtr = 0.35;
    p.position.tp1R = 1.5;
    p.position.tp2R = 2.8;
    return p;
}

} // namespace

class TestSignalEngine : public QObject
{
    Q_OBJECT

private slots:
    void momentumLongAtTheAsk();
    void momentumShortAtTheBid();
    void momentumConditions_data();
    void momentumConditions();
    void chaseGuard();
    void stopOnTheLosingSide();
    void duplicatesRelativeToPrice_data();
    void duplicatesRelativeToPrice();
    void expiry();
    void retestAfterRecordedBreakout();
    void retestNeedsABreakout();
    void retestThatDoesNotHold();
    void retestOncePerBreakout();
    void confidenceWeights();
    void breakoutHistoryIsBounded();
};

void TestSignalEngine::momentumLongAtTheAsk()
{
    Market m;
    m.base(30);
    m.add(99.2, 100.9, 99.1, 100.8, 3000); // breaks 100 on 3x volume, body 1.6/1.8
    SignalEngine engine(preset());
    const auto s =
        engine.evaluateCandidate(candidate(100, LevelType::Resistance), m.bars, book(100.80, 100.85, 0.3), m.now());
    QVERIFY(s.has_value());
    QCOMPARE(s->side, TradeSide::Long);
    QCOMPARE(s->strategy, SignalStrategy::Momentum);
    QCOMPARE(s->entry, 100.85); // the ask, not the level
    QCOMPARE(s->level, 100.0);
    // stop = max(lowest low of 10 bars = 98, entry - 1.2 ATR = 99.65)
    QCOMPARE(s->stop, 100.85 - 1.2);
    QVERIFY(s->stopOnCorrectSide());
    QCOMPARE(s->initialRiskPerUnit, 1.2);
    QVERIFY(std::abs(s->tp1 - (100.85 + 1.5 * 1.2)) < 1e-9);
    QVERIFY(std::abs(s->tp2 - (100.85 + 2.8 * 1.2)) < 1e-9);
    QCOMPARE(s->atr, 1.0);
    QCOMPARE(s->btcCorrelation, 0.55);
    QCOMPARE(s->createdMs, m.now());
    QCOMPARE(s->expiresMs, m.now() + 15 * 60 * 1000);
    QVERIFY(s->validate().isEmpty());
    QVERIFY(!s->reason.isEmpty());
}

void TestSignalEngine::momentumShortAtTheBid()
{
    Market m;
    m.base(30);
    m.add(98.7, 98.8, 97.0, 97.1, 3000); // breaks support 98 downwards
    SignalEngine engine(preset());
    const auto s =
        engine.evaluateCandidate(candidate(98, LevelType::Support), m.bars, book(97.05, 97.1, -0.4), m.now());
    QVERIFY(s.has_value());
    QCOMPARE(s->side, TradeSide::Short);
    QCOMPARE(s->entry, 97.05);
    QVERIFY(s->stop > s->entry);
    QVERIFY(s->tp1 < s->entry && s->tp2 < s->tp1);
}

void TestSignalEngine::momentumConditions_data()
{
    QTest::addColumn<double>("close");
    QTest::addColumn<double>("volume");
    QTest::addColumn<double>("open");
    QTest::addColumn<double>("imbalance");
    QTest::addColumn<bool>("fires");
    QTest::newRow("all conditions") << 100.8 << 3000.0 << 99.2 << 0.3 << true;
    QTest::newRow("close within epsilon") << 100.05 << 3000.0 << 99.2 << 0.3 << false;
    QTest::newRow("volume 1.4x median") << 100.8 << 1400.0 << 99.2 << 0.3 << false;
    QTest::newRow("volume 1.5x median") << 100.8 << 1500.0 << 99.2 << 0.3 << true;
    QTest::newRow("small body (doji)") << 100.8 << 3000.0 << 100.6 << 0.3 << false;
    QTest::newRow("ask-heavy book against a long") << 100.8 << 3000.0 << 99.2 << -0.3 << false;
    QTest::newRow("balanced book") << 100.8 << 3000.0 << 99.2 << 0.1 << false;
}

void TestSignalEngine::momentumConditions()
{
    QFETCH(double, close);
    QFETCH(double, volume);
    QFETCH(double, open);
    QFETCH(double, imbalance);
    QFETCH(bool, fires);
    Market m;
    m.base(30);
    m.add(open, 100.9, 99.1, close, volume);
    SignalEngine engine(preset());
    QString failed;
    const auto s =
        engine.momentum(candidate(100, LevelType::Resistance), candidate(100, LevelType::Resistance).levels[0], m.bars,
                        book(close, close + 0.05, imbalance), m.now(), &failed);
    QCOMPARE(s.has_value(), fires);
    QCOMPARE(failed.isEmpty(), fires);
}

void TestSignalEngine::chaseGuard()
{
    Market m;
    m.base(30);
    m.add(99.2, 100.9, 99.1, 100.8, 3000);
    SignalEngine engine(preset());
    const Candidate c = candidate(100, LevelType::Resistance);
    QString failed;
    // The market ran to 102 since the bar closed: 2 ATR above the level (> 1.5).
    QVERIFY(!engine.momentum(c, c.levels[0], m.bars, book(101.95, 102.0, 0.3), m.now(), &failed));
    QVERIFY(failed.contains(QStringLiteral("too far")));
    // And a bar after the breaking one is not a new breakout.
    m.add(100.8, 101.2, 100.7, 101.1, 3000);
    QVERIFY(!engine.momentum(c, c.levels[0], m.bars, book(101.1, 101.15, 0.3), m.now(), &failed));
}

void TestSignalEngine::stopOnTheLosingSide()
{
    // The stop is max(lowest low of 10 bars, entry - k ATR); with k = 0 it lands on the entry itself, which
    // is no stop at all: no signal rather than a zero-risk (infinitely sized) trade.
    Market m;
    m.base(30);
    m.add(99.2, 100.9, 100.2, 100.8, 3000);
    SignalEngine engine(preset());
    Candidate c = candidate(100, LevelType::Resistance);
    QString failed;
    SignalEngineSettings settings;
    settings.momentumStopAtr = 0;
    SignalEngine zero(preset(), settings);
    QVERIFY(!zero.momentum(c, c.levels[0], m.bars, book(100.1, 100.15, 0.3), m.now(), &failed));
    QVERIFY(failed.contains(QStringLiteral("stop")));
    QVERIFY(engine.momentum(c, c.levels[0], m.bars, book(100.1, 100.15, 0.3), m.now()));
}

void TestSignalEngine::duplicatesRelativeToPrice_data()
{
    QTest::addColumn<double>("scale");
    QTest::newRow("price 100") << 1.0;
    QTest::newRow("price 0.01") << 0.0001;
    QTest::newRow("price 100000") << 1000.0;
}

void TestSignalEngine::duplicatesRelativeToPrice()
{
    QFETCH(double, scale);
    Market m;
    m.base(30, scale);
    m.add(99.2 * scale, 100.9 * scale, 99.1 * scale, 100.8 * scale, 3000);
    SignalEngine engine(preset());
    const Candidate c = candidate(100, LevelType::Resistance, 1.0, scale);
    const auto first = engine.evaluateCandidate(c, m.bars, book(100.8 * scale, 100.85 * scale, 0.3), m.now());
    QVERIFY(first.has_value());
    Signal near = *first;
    near.entry *= 1.0005; // 5 bps away: a duplicate at every price scale
    QVERIFY(engine.isDuplicate(near, m.now()));
    Signal far = *first;
    far.entry *= 1.005; // 50 bps: a different trade
    QVERIFY(!engine.isDuplicate(far, m.now()));
    Signal other = near;
    other.side = TradeSide::Short;
    QVERIFY(!engine.isDuplicate(other, m.now()));
    // The same bar evaluated again gives nothing new.
    QVERIFY(!engine.evaluateCandidate(c, m.bars, book(100.8 * scale, 100.85 * scale, 0.3), m.now()));
    engine.release(first->id);
    QVERIFY(!engine.isDuplicate(near, m.now()));
}

void TestSignalEngine::expiry()
{
    Market m;
    m.base(30);
    m.add(99.2, 100.9, 99.1, 100.8, 3000);
    SignalEngine engine(preset());
    const auto s =
        engine.evaluateCandidate(candidate(100, LevelType::Resistance), m.bars, book(100.8, 100.85, 0.3), m.now());
    QVERIFY(s);
    QVERIFY(!s->isExpired(m.now() + 15 * 60 * 1000 - 1));
    QVERIFY(s->isExpired(m.now() + 15 * 60 * 1000));
    QCOMPARE(engine.activeSignals(m.now()).size(), 1);
    QCOMPARE(engine.activeSignals(m.now() + 15 * 60 * 1000).size(), 0);
    QVERIFY(!engine.isDuplicate(*s, m.now() + 15 * 60 * 1000));
}

void TestSignalEngine::retestAfterRecordedBreakout()
{
    Market m;
    m.base(30);
    SignalEngine engine(preset());
    const Candidate c = candidate(100, LevelType::Resistance);
    // Breakout on low volume: no momentum signal, but the breakout is recorded.
    m.add(99.2, 100.9, 99.1, 100.8, 900);
    QVERIFY(!engine.evaluateCandidate(c, m.bars, book(100.8, 100.85, 0.3), m.now()));
    QCOMPARE(engine.breakouts().breakoutCount(c.symbol), 1);
    // Two bars drift higher, then a pullback that touches 100.1 (within 0.5 %), pierces nothing and closes above.
    m.add(100.8, 101.3, 100.7, 101.2, 1000);
    m.add(101.2, 101.4, 100.9, 101.0, 1000);
    m.add(101.0, 101.1, 99.9, 100.6, 1000); // pierce 0.1 <= 0.35 ATR, close above the level
    const auto s = engine.evaluateCandidate(c, m.bars, book(100.6, 100.65, 0.25), m.now());
    QVERIFY(s.has_value());
    QCOMPARE(s->strategy, SignalStrategy::Retest);
    QCOMPARE(s->side, TradeSide::Long);
    QCOMPARE(s->entry, 100.65);
    QCOMPARE(s->stop, 99.0); // level - 1 ATR
    QVERIFY(s->stopOnCorrectSide());
    QVERIFY(s->confidence >= 0.1 && s->confidence <= 1.0);
}

void TestSignalEngine::retestNeedsABreakout()
{
    Market m;
    m.base(30);
    m.add(99.0, 100.1, 98.9, 99.5, 1000); // touches the resistance from below, never broke it
    SignalEngine engine(preset());
    const Candidate c = candidate(100, LevelType::Resistance);
    QString failed;
    engine.recordBreakouts(c.symbol, c.levels, m.bars, c.atr);
    QVERIFY(!engine.retest(c, c.levels[0], m.bars, book(99.5, 99.55, 0.3), m.now(), &failed));
    QVERIFY(failed.contains(QStringLiteral("breakout")));
}

void TestSignalEngine::retestThatDoesNotHold()
{
    Market m;
    m.base(30);
    SignalEngine engine(preset());
    const Candidate c = candidate(100, LevelType::Resistance);
    m.add(99.2, 100.9, 99.1, 100.8, 900);
    engine.recordBreakouts(c.symbol, c.levels, m.bars, c.atr);
    m.add(100.8, 101.3, 100.7, 101.2, 1000);
    m.add(101.0, 101.1, 99.9, 99.8, 1000); // closed back below the level
    QString failed;
    QVERIFY(!engine.retest(c, c.levels[0], m.bars, book(99.8, 99.85, 0.3), m.now(), &failed));
    QVERIFY(failed.contains(QStringLiteral("hold")));
    m.add(99.8, 100.6, 99.55, 100.5, 1000); // pierced 0.45 ATR > 0.35
    QVERIFY(!engine.retest(c, c.levels[0], m.bars, book(100.5, 100.55, 0.3), m.now(), &failed));
    QVERIFY(failed.contains(QStringLiteral("pierced")));
}

void TestSignalEngine::retestOncePerBreakout()
{
    Market m;
    m.base(30);
    SignalEngine engine(preset());
    const Candidate c = candidate(100, LevelType::Resistance);
    m.add(99.2, 100.9, 99.1, 100.8, 900);
    engine.evaluateCandidate(c, m.bars, book(100.8, 100.85, 0.3), m.now());
    m.add(101.0, 101.1, 99.9, 100.6, 1000);
    QVERIFY(engine.evaluateCandidate(c, m.bars, book(100.6, 100.65, 0.25), m.now()));
    m.add(100.6, 100.9, 99.95, 100.5, 1000);
    QString failed;
    QVERIFY(!engine.retest(c, c.levels[0], m.bars, book(100.5, 100.55, 0.25), m.now(), &failed));
}

void TestSignalEngine::confidenceWeights()
{
    // Reference §5.2: 0.4 * clip((score + 2) / 4) + 0.3 * min(1, vol / 5) + 0.2 * min(1, body / 0.8)
    //                 + 0.1 * min(1, |imb| / 0.5), clamped to [0.1, 1].
    QCOMPARE(SignalEngine::momentumConfidence(2, 5, 0.8, 0.5), 1.0);
    QVERIFY(std::abs(SignalEngine::momentumConfidence(0, 2.5, 0.4, 0.25) - (0.2 + 0.15 + 0.1 + 0.05)) < 1e-12);
    QCOMPARE(SignalEngine::momentumConfidence(-5, 0, 0, 0), 0.1);
    // §5.3: 0.3 * scan + 0.3 * (0.8 | 0.5) + 0.2 * max(0.3, 1 - h / 24) + 0.1 * min(1, touches / 5)
    //       + 0.1 * min(1, activity).
    QVERIFY(std::abs(SignalEngine::retestConfidence(0, true, 12, 5, 1) - (0.15 + 0.24 + 0.1 + 0.1 + 0.1)) < 1e-12);
    QVERIFY(std::abs(SignalEngine::retestConfidence(0, false, 48, 0, 0) - (0.15 + 0.15 + 0.06)) < 1e-12);
}

void TestSignalEngine::breakoutHistoryIsBounded()
{
    BreakoutHistory history(3);
    for (int s = 0; s < 10; ++s) {
        for (int i = 0; i < 20; ++i) {
            Breakout b;
            b.level = 100 + i;
            b.barOpenMs = kStart + i * kBar;
            b.barCloseMs = b.barOpenMs + kBar + s;
            history.record(QStringLiteral("S%1").arg(s), b, 0.1);
        }
    }
    QCOMPARE(history.breakoutCount(QStringLiteral("S0")), int(BreakoutHistory::kPerSymbol));
    history.prune(kStart + 20 * kBar, 24LL * 3600 * 1000);
    QCOMPARE(history.symbolCount(), 3);
    QCOMPARE(history.breakoutCount(QStringLiteral("S9")), int(BreakoutHistory::kPerSymbol));
    history.prune(kStart + 30LL * 3600 * 1000, 24LL * 3600 * 1000);
    QCOMPARE(history.symbolCount(), 0);
}

QTEST_APPLESS_MAIN(TestSignalEngine)
#include "tst_signalengine.moc"
