#include "SeriesSupport.h"
#include "indicators/Batch.h"
#include "indicators/RollingMedian.h"

#include <QTest>

#include <limits>
#include <random>

using namespace bw;

class TestRollingMedian : public QObject
{
    Q_OBJECT

private slots:
    void oddAndEvenWindows()
    {
        RollingMedian odd(3);
        std::vector<double> out;
        for (double v : {5.0, 1.0, 4.0, 2.0, 3.0}) {
            odd.update(v);
            out.push_back(odd.value());
        }
        QVERIFY(std::isnan(out[0]) && std::isnan(out[1]));
        QCOMPARE(out[2], 4.0);
        QCOMPARE(out[3], 2.0);
        QCOMPARE(out[4], 3.0);

        RollingMedian even(4);
        for (double v : {1.0, 2.0, 3.0})
            even.update(v);
        QCOMPARE(even.partialMedian(), 2.0);
        QVERIFY(std::isnan(even.value()));
        even.update(4.0);
        QCOMPARE(even.value(), 2.5);
        even.update(100.0); // 2, 3, 4, 100
        QCOMPARE(even.value(), 3.5);
        QCOMPARE(even.oldest(), 2.0);
    }

    void streamingEqualsBatch_data()
    {
        QTest::addColumn<int>("window");
        QTest::addColumn<int>("distinct");
        QTest::newRow("window 20, continuous") << 20 << 0;
        QTest::newRow("window 20, many ties") << 20 << 5;
        QTest::newRow("window 1") << 1 << 0;
        QTest::newRow("window 2, ties") << 2 << 3;
        QTest::newRow("window 101") << 101 << 0;
    }

    void streamingEqualsBatch()
    {
        QFETCH(int, window);
        QFETCH(int, distinct);
        std::mt19937_64 rng(71);
        std::lognormal_distribution<double> volume(7.0, 1.0);
        std::vector<double> values;
        for (int i = 0; i < 20000; ++i)
            values.push_back(distinct > 0 ? double(rng() % std::uint64_t(distinct)) : volume(rng));
        RollingMedian median(window);
        std::vector<double> streaming;
        for (double v : values) {
            median.update(v);
            streaming.push_back(median.value());
        }
        const QString mismatch = test::firstMismatch(streaming, batch::rollingMedian(values, window), 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void nonFiniteInputIsIgnored()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const std::vector<double> values{3, nan, 1, 2, -std::numeric_limits<double>::infinity(), 10};
        RollingMedian median(3);
        std::vector<double> streaming;
        for (double v : values) {
            median.update(v);
            streaming.push_back(median.value());
        }
        QCOMPARE(streaming[3], 2.0);
        QCOMPARE(streaming[4], 2.0);
        QCOMPARE(streaming[5], 2.0); // 1, 2, 10
        const QString mismatch = test::firstMismatch(streaming, batch::rollingMedian(values, 3), 0.0);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        median.reset();
        QCOMPARE(median.size(), std::size_t(0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, RollingMedian(0));
    }
};

QTEST_APPLESS_MAIN(TestRollingMedian)
#include "tst_rollingmedian.moc"
