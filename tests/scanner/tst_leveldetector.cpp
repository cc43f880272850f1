#include "scanner/LevelDetector.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace bw;

namespace {

struct Series {
    std::vector<qint64> t;
    std::vector<double> h, l, c, v;

    BarView view() const { return BarView{t, h, l, c, v}; }

    void add(double high, double low, double close, double volume)
    {
        t.push_back(qint64(t.size()) * 300000);
        h.push_back(high);
        l.push_back(low);
        c.push_back(close);
        v.push_back(volume);
    }

    Series scaled(double s) const
    {
        Series out = *this;
        for (std::size_t i = 0; i < h.size(); ++i) {
            out.h[i] *= s;
            out.l[i] *= s;
            out.c[i] *= s;
        }
        return out;
    }
};

// A range between 100 and 110: every 10 bars price touches the top, every 10 bars (offset 5) the bottom.
Series rangeSeries(int bars)
{
    Series s;
    for (int i = 0; i < bars; ++i) {
        const int phase = i % 10;
        const double mid = 105.0 + 4.0 * std::sin(double(phase) / 10.0 * 2.0 * M_PI - M_PI / 2.0 + M_PI);
        double high = mid + 0.6;
        double low = mid - 0.6;
        if (phase == 0)
            high = 110.0; // touch resistance
        if (phase == 5)
            low = 100.0; // touch support
        high = std::max(high, low + 0.1);
        s.add(high, low, (high + low) / 2.0, phase == 0 || phase == 5 ? 2000.0 : 1000.0);
    }
    return s;
}

const Level *nearest(const std::vector<Level> &levels, LevelType type, double price)
{
    const Level *best = nullptr;
    for (const Level &l : levels) {
        if (l.type == type && (!best || std::abs(l.price - price) < std::abs(best->price - price)))
            best = &l;
    }
    return best;
}

} // namespace

class TestLevelDetector : public QObject
{
    Q_OBJECT

private slots:
    void findsTheRangeBounds()
    {
        const Series s = rangeSeries(200);
        LevelDetector::Scratch scratch;
        const std::vector<Level> levels = LevelDetector::detect(s.view(), 1.0, LevelsSection{}, scratch);
        QVERIFY(!levels.empty());
        const Level *res = nearest(levels, LevelType::Resistance, 110.0);
        const Level *sup = nearest(levels, LevelType::Support, 100.0);
        QVERIFY(res);
        QVERIFY(sup);
        QVERIFY2(std::abs(res->price - 110.0) < 0.5, qPrintable(QString::number(res->price)));
        QVERIFY2(std::abs(sup->price - 100.0) < 0.5, qPrintable(QString::number(sup->price)));
        QVERIFY(res->touches >= 20);
        QVERIFY(sup->touches >= 20);
        QVERIFY(res->strength > 0.8);
        QVERIFY(res->methods & LevelFromSwing);
        QVERIFY(res->methods & LevelFromDonchian);
        QVERIFY(res->methods & LevelFromVolume);
        QCOMPARE(res->firstTouchMs, 0);
        QCOMPARE(res->lastTouchMs, qint64(190) * 300000);
        QVERIFY(res->baseHeight.has_value());
        QVERIFY(std::abs(*res->baseHeight - 10.0) < 0.5);
        // Strongest first, and same-type levels are at least 2 ATR apart.
        for (std::size_t i = 1; i < levels.size(); ++i)
            QVERIFY(levels[i - 1].strength >= levels[i].strength);
        for (std::size_t i = 0; i < levels.size(); ++i)
            for (std::size_t j = i + 1; j < levels.size(); ++j)
                if (levels[i].type == levels[j].type)
                    QVERIFY(std::abs(levels[i].price - levels[j].price) >= 2.0);
    }

    void piercedLevelsAreWeaker()
    {
        Series clean = rangeSeries(200);
        Series pierced = clean;
        // Closes well above the top in a quarter of the bars.
        for (std::size_t i = 0; i < pierced.c.size(); i += 4) {
            pierced.h[i] = 112;
            pierced.c[i] = 111.5;
        }
        LevelDetector::Scratch scratch;
        const auto a = LevelDetector::detect(clean.view(), 1.0, LevelsSection{}, scratch);
        const auto b = LevelDetector::detect(pierced.view(), 1.0, LevelsSection{}, scratch);
        const Level *ra = nearest(a, LevelType::Resistance, 110.0);
        const Level *rb = nearest(b, LevelType::Resistance, 110.0);
        QVERIFY(ra && rb);
        if (std::abs(rb->price - 110.0) < 0.5)
            QVERIFY(rb->strength < ra->strength);
    }

    void minTouchesDropsLevels()
    {
        const Series s = rangeSeries(200);
        LevelsSection config;
        config.minTouches = 1000;
        LevelDetector::Scratch scratch;
        QVERIFY(LevelDetector::detect(s.view(), 1.0, config, scratch).empty());
    }

    void tooFewBarsGivesNothing()
    {
        const Series s = rangeSeries(19);
        LevelDetector::Scratch scratch;
        QVERIFY(LevelDetector::detect(s.view(), 1.0, LevelsSection{}, scratch).empty());
    }

    // The original fell back to an absolute ATR of 0.01: meaningless for a coin at 0.0001 or 100,000.
    void atrFallbackScalesWithPrice_data()
    {
        QTest::addColumn<double>("scale");
        QTest::newRow("0.0001 coin") << 1e-6;
        QTest::newRow("1.0 coin") << 0.01;
        QTest::newRow("100k coin") << 1000.0;
    }

    void atrFallbackScalesWithPrice()
    {
        QFETCH(double, scale);
        const Series base = rangeSeries(200);
        const Series s = base.scaled(scale);
        LevelDetector::Scratch scratch;
        const auto reference = LevelDetector::detect(base.view(), std::nan(""), LevelsSection{}, scratch);
        const auto levels = LevelDetector::detect(s.view(), std::nan(""), LevelsSection{}, scratch);
        QVERIFY(!reference.empty());
        QCOMPARE(levels.size(), reference.size());
        for (std::size_t i = 0; i < levels.size(); ++i) {
            QCOMPARE(levels[i].type, reference[i].type);
            QCOMPARE(levels[i].touches, reference[i].touches);
            QVERIFY(std::abs(levels[i].price / scale - reference[i].price) < 1e-6 * reference[i].price);
        }
        QVERIFY(LevelDetector::effectiveAtr(s.view(), std::nan("")) > 0);
        QVERIFY(std::abs(LevelDetector::effectiveAtr(s.view(), 0.0) / scale -
                         LevelDetector::effectiveAtr(base.view(), 0.0)) < 1e-6);
    }

    void flatSeriesFallsBackToAFractionOfPrice()
    {
        Series s;
        for (int i = 0; i < 50; ++i)
            s.add(0.5, 0.5, 0.5, 10);
        QCOMPARE(LevelDetector::effectiveAtr(s.view(), std::nan("")), 0.5 * 0.001);
    }
};

QTEST_APPLESS_MAIN(TestLevelDetector)
#include "tst_leveldetector.moc"
