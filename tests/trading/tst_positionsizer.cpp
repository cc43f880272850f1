#include "trading/PositionSizer.h"

#include <QTest>

using namespace bw;

Q_DECLARE_METATYPE(bw::TradeSide)
Q_DECLARE_METATYPE(bw::SizeCap)
Q_DECLARE_METATYPE(bw::RiskRejection)

class TestPositionSizer : public QObject
{
    Q_OBJECT

private slots:
    void sizes_data()
    {
        QTest::addColumn<double>("equity");
        QTest::addColumn<double>("riskPerTrade");
        QTest::addColumn<TradeSide>("side");
        QTest::addColumn<double>("entry");
        QTest::addColumn<double>("stop");
        QTest::addColumn<double>("maxPositionUsd");
        QTest::addColumn<double>("askDepth");
        QTest::addColumn<double>("bidDepth");
        QTest::addColumn<double>("lotSize");
        QTest::addColumn<double>("symbolMinNotional");
        QTest::addColumn<double>("expectedQty");
        QTest::addColumn<SizeCap>("expectedCap");
        QTest::addColumn<RiskRejection>("expectedRejection");

        const auto L = TradeSide::Long;
        const auto S = TradeSide::Short;
        const auto ok = RiskRejection::None;
        // 100 000 * 1.5 % = 1 500 at risk; 1 500 / 5 = 300 units = 30 000 notional.
        QTest::newRow("risk budget decides")
            << 1e5 << 0.015 << L << 100.0 << 95.0 << 6e4 << 1e7 << 1e7 << 0.001 << 0.0 << 300.0 << SizeCap::None << ok;
        QTest::newRow("short mirrors long")
            << 1e5 << 0.015 << S << 100.0 << 105.0 << 6e4 << 1e7 << 1e7 << 0.001 << 0.0 << 300.0 << SizeCap::None << ok;
        QTest::newRow("risk per trade scales")
            << 1e5 << 0.005 << L << 100.0 << 95.0 << 6e4 << 1e7 << 1e7 << 0.001 << 0.0 << 100.0 << SizeCap::None << ok;
        // 1 500 / 1 = 1 500 units = 150 000 notional, capped to 60 000 -> 600 units.
        QTest::newRow("max notional caps") << 1e5 << 0.015 << L << 100.0 << 99.0 << 6e4 << 1e7 << 1e7 << 0.001 << 0.0
                                           << 600.0 << SizeCap::MaxNotional << ok;
        // 25 % of 100 000 ask depth = 25 000 notional -> 250 units.
        QTest::newRow("ask depth caps a long")
            << 1e5 << 0.015 << L << 100.0 << 95.0 << 6e4 << 1e5 << 1e9 << 0.001 << 0.0 << 250.0 << SizeCap::Depth << ok;
        QTest::newRow("bid depth caps a short") << 1e5 << 0.015 << S << 100.0 << 105.0 << 6e4 << 1e9 << 1e5 << 0.001
                                                << 0.0 << 250.0 << SizeCap::Depth << ok;
        QTest::newRow("other side's depth is irrelevant")
            << 1e5 << 0.015 << L << 100.0 << 95.0 << 6e4 << 1e9 << 1.0 << 0.001 << 0.0 << 300.0 << SizeCap::None << ok;
        // Depth below the max-notional cap wins.
        QTest::newRow("tightest cap wins")
            << 1e5 << 0.015 << L << 100.0 << 99.0 << 6e4 << 2e5 << 1e9 << 0.001 << 0.0 << 500.0 << SizeCap::Depth << ok;
        // 1 500 / 7 = 214.2857...
        QTest::newRow("rounds down to whole lots")
            << 1e5 << 0.015 << L << 100.0 << 93.0 << 6e4 << 1e7 << 1e7 << 1.0 << 0.0 << 214.0 << SizeCap::None << ok;
        QTest::newRow("rounds down to 10-lots")
            << 1e5 << 0.015 << L << 100.0 << 93.0 << 6e4 << 1e7 << 1e7 << 10.0 << 0.0 << 210.0 << SizeCap::None << ok;
        QTest::newRow("rounds down to 0.01 lots")
            << 1e5 << 0.015 << L << 100.0 << 93.0 << 6e4 << 1e7 << 1e7 << 0.01 << 0.0 << 214.28 << SizeCap::None << ok;
        // 1 500 / 5 000 = 0.3 exactly; 0.3 / 0.1 is 2.999... in binary and must still give 3 lots.
        QTest::newRow("exact multiple survives binary")
            << 1e5 << 0.015 << L << 50000.0 << 45000.0 << 6e4 << 1e9 << 1e9 << 0.1 << 0.0 << 0.3 << SizeCap::None << ok;
        QTest::newRow("no lot size, no rounding") << 1e5 << 0.015 << L << 100.0 << 93.0 << 6e4 << 1e7 << 1e7 << 0.0
                                                  << 0.0 << 1500.0 / 7.0 << SizeCap::None << ok;
        // 20 * 1.5 % = 0.3 at risk / 5 = 0.06 units = 6 USD < 10 USD.
        QTest::newRow("below the 10 USD minimum") << 20.0 << 0.015 << L << 100.0 << 95.0 << 6e4 << 1e7 << 1e7 << 0.001
                                                  << 0.0 << 0.0 << SizeCap::None << RiskRejection::BelowMinNotional;
        // 30 000 notional against a symbol minimum of 50 000.
        QTest::newRow("below the symbol's minimum") << 1e5 << 0.015 << L << 100.0 << 95.0 << 6e4 << 1e7 << 1e7 << 0.001
                                                    << 5e4 << 0.0 << SizeCap::None << RiskRejection::BelowMinNotional;
        QTest::newRow("rounds to zero lots") << 1e5 << 0.015 << L << 50000.0 << 45000.0 << 6e4 << 1e9 << 1e9 << 1.0
                                             << 0.0 << 0.0 << SizeCap::None << RiskRejection::ZeroQuantity;
        QTest::newRow("long stop above entry") << 1e5 << 0.015 << L << 100.0 << 101.0 << 6e4 << 1e7 << 1e7 << 0.001
                                               << 0.0 << 0.0 << SizeCap::None << RiskRejection::InvalidStop;
        QTest::newRow("short stop below entry") << 1e5 << 0.015 << S << 100.0 << 99.0 << 6e4 << 1e7 << 1e7 << 0.001
                                                << 0.0 << 0.0 << SizeCap::None << RiskRejection::InvalidStop;
        QTest::newRow("zero stop distance") << 1e5 << 0.015 << L << 100.0 << 100.0 << 6e4 << 1e7 << 1e7 << 0.001 << 0.0
                                            << 0.0 << SizeCap::None << RiskRejection::InvalidStop;
        QTest::newRow("no depth to size against") << 1e5 << 0.015 << L << 100.0 << 95.0 << 6e4 << 0.0 << 1e7 << 0.001
                                                  << 0.0 << 0.0 << SizeCap::None << RiskRejection::NoDepth;
        QTest::newRow("no equity") << 0.0 << 0.015 << L << 100.0 << 95.0 << 6e4 << 1e7 << 1e7 << 0.001 << 0.0 << 0.0
                                   << SizeCap::None << RiskRejection::InvalidEquity;
    }

    // Less than one lot: the reason names the limit that bound the size and its numbers, so the user can
    // tell a thin book from a small account or a tight position cap.
    void zeroLotsNamesTheBindingCap()
    {
        SymbolInfo symbol;
        symbol.name = QStringLiteral("TESTUSDT");
        symbol.lotSize = 100;
        BookSummary book;
        book.bestBid = 3.899;
        book.bestAsk = 3.9;
        book.askDepth03 = 1234;
        book.bidDepth03 = 1e6;

        RiskConfig config;
        config.maxDepthFraction = 0.1;
        // 10 % of 1 234 = 123.4 USD -> 31.6 units = 0.32 lots of 100.
        PositionSize size = PositionSizer::compute(config, 1e5, TradeSide::Long, 3.9, 3.8, book, symbol);
        QCOMPARE(size.rejection, RiskRejection::ZeroQuantity);
        QCOMPARE(size.cap, SizeCap::Depth);
        QCOMPARE(size.reason, QStringLiteral("depth cap: 10 % of 1,234 USD ask depth within 0.3 % allows 0.32 lots "
                                             "of 100 TESTUSDT (390 USD a lot at 3.9)"));

        config = RiskConfig{};
        config.maxPositionUsd = 50; // 50 / 3.9 = 12.8 units = 0.13 lots
        size = PositionSizer::compute(config, 1e5, TradeSide::Long, 3.9, 3.8, book, symbol);
        QCOMPARE(size.cap, SizeCap::MaxNotional);
        QCOMPARE(
            size.reason,
            QStringLiteral("maximum position cap: 50 USD allows 0.13 lots of 100 TESTUSDT (390 USD a lot at 3.9)"));

        config = RiskConfig{};
        config.riskPerTrade = 0.01; // 1 000 * 1 % = 10 USD over 1 USD a unit = 10 units = 0.1 lots
        size = PositionSizer::compute(config, 1000, TradeSide::Long, 3.9, 2.9, book, symbol);
        QCOMPARE(size.cap, SizeCap::None);
        QCOMPARE(size.reason, QStringLiteral("risk budget: 10 USD over a stop distance of 1 allows 0.1 lots of 100 "
                                             "TESTUSDT (390 USD a lot at 3.9)"));
    }

    void sizes()
    {
        QFETCH(double, equity);
        QFETCH(double, riskPerTrade);
        QFETCH(TradeSide, side);
        QFETCH(double, entry);
        QFETCH(double, stop);
        QFETCH(double, maxPositionUsd);
        QFETCH(double, askDepth);
        QFETCH(double, bidDepth);
        QFETCH(double, lotSize);
        QFETCH(double, symbolMinNotional);
        QFETCH(double, expectedQty);
        QFETCH(SizeCap, expectedCap);
        QFETCH(RiskRejection, expectedRejection);

        RiskConfig config;
        config.riskPerTrade = riskPerTrade;
        config.maxPositionUsd = maxPositionUsd;
        BookSummary book;
        book.bestBid = entry * 0.9999;
        book.bestAsk = entry * 1.0001;
        book.askDepth03 = askDepth;
        book.bidDepth03 = bidDepth;
        SymbolInfo symbol;
        symbol.name = QStringLiteral("TESTUSDT");
        symbol.lotSize = lotSize;
        symbol.minNotional = symbolMinNotional;

        const PositionSize size = PositionSizer::compute(config, equity, side, entry, stop, book, symbol);
        QCOMPARE(size.rejection, expectedRejection);
        if (expectedRejection != RiskRejection::None) {
            QVERIFY(!size.isValid());
            QVERIFY2(!size.reason.isEmpty(), "every rejection explains itself");
            QCOMPARE(size.qty, 0.0);
            return;
        }
        QVERIFY2(size.reason.isEmpty(), qPrintable(size.reason));
        QVERIFY2(std::abs(size.qty - expectedQty) <= 1e-9 * expectedQty,
                 qPrintable(QStringLiteral("qty %1, expected %2").arg(size.qty, 0, 'g', 17).arg(expectedQty)));
        QCOMPARE(size.cap, expectedCap);
        QCOMPARE(size.notional, size.qty * entry);
        QCOMPARE(size.stopDistance, std::abs(entry - stop));
        // Never more risk than the budget, never more than either cap.
        QVERIFY(size.riskUsd <= equity * riskPerTrade * (1 + 1e-12));
        QVERIFY(size.notional <= maxPositionUsd * (1 + 1e-12));
        QVERIFY(size.notional <=
                config.maxDepthFraction * (side == TradeSide::Long ? askDepth : bidDepth) * (1 + 1e-12));
        if (lotSize > 0) {
            const double lots = size.qty / lotSize;
            QVERIFY2(std::abs(lots - std::round(lots)) < 1e-6, "a whole number of lots");
        }
    }

    void roundDownToLot()
    {
        QCOMPARE(PositionSizer::roundDownToLot(0.29999, 0.1), 0.2);
        QCOMPARE(PositionSizer::roundDownToLot(7.0, 2.0), 6.0);
        QCOMPARE(PositionSizer::roundDownToLot(0.5, 1.0), 0.0);
        QCOMPARE(PositionSizer::roundDownToLot(1.2345, 0.0), 1.2345);
    }
};

QTEST_APPLESS_MAIN(TestPositionSizer)
#include "tst_positionsizer.moc"
