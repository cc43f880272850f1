#include "common/NumberFormat.h"

#include <QtTest>

using namespace bw;
using namespace Qt::StringLiterals;

class TestNumberFormat : public QObject
{
    Q_OBJECT

private slots:
    void price_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("100k") << 100000.0 << u"100000.00"_s;
        QTest::newRow("btc") << 97345.5 << u"97345.50"_s;
        QTest::newRow("eth") << 3456.789 << u"3456.79"_s;
        QTest::newRow("sol") << 210.3456 << u"210.346"_s;
        QTest::newRow("ten") << 12.345678 << u"12.3457"_s;
        QTest::newRow("one") << 1.0 << u"1.00000"_s;
        QTest::newRow("cents") << 0.5123 << u"0.512300"_s;
        QTest::newRow("tiny") << 0.0001 << u"0.00010000"_s;
        QTest::newRow("tinier") << 0.00001234 << u"0.00001234"_s;
        QTest::newRow("zero") << 0.0 << u"0.00"_s;
    }
    void price()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(NumberFormat::price(value, QLocale::c()), text);
    }

    void groupsThousandsWhereTheLocaleDoes()
    {
        QCOMPARE(NumberFormat::price(97345.5, QLocale(QLocale::English, QLocale::UnitedStates)), u"97,345.50"_s);
        QCOMPARE(NumberFormat::price(97345.5, QLocale(QLocale::German, QLocale::Germany)), u"97.345,50"_s);
    }

    void compact_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("small") << 950.0 << u"950"_s;
        QTest::newRow("rounds up to K") << 999.7 << u"1.0 K"_s;
        QTest::newRow("K") << 12345.0 << u"12.3 K"_s;
        QTest::newRow("M") << 1.2e6 << u"1.2 M"_s;
        QTest::newRow("hundreds of M") << 345e6 << u"345 M"_s;
        QTest::newRow("rounds up to B") << 999.96e6 << u"1.0 B"_s;
        QTest::newRow("B") << 3.4e9 << u"3.4 B"_s;
        QTest::newRow("T") << 1.25e12 << u"1.3 T"_s;
        QTest::newRow("negative") << -2.5e6 << u"-2.5 M"_s;
    }
    void compact()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(NumberFormat::compact(value, QLocale::c()), text);
    }

    void signedPercent_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("up") << 3.456 << u"+3.46 %"_s;
        QTest::newRow("down") << -0.12 << u"-0.12 %"_s;
        QTest::newRow("zero") << 0.0 << u"0.00 %"_s;
        QTest::newRow("tiny loss has no sign") << -0.001 << u"0.00 %"_s;
    }
    void signedPercent()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(NumberFormat::signedPercent(value, 2, QLocale::c()), text);
    }

    void money()
    {
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(NumberFormat::money(12345.678, english), u"12,345.68"_s);
        QCOMPARE(NumberFormat::money(-5, english), u"-5.00"_s);
        QCOMPARE(NumberFormat::money(-0.004, english), u"0.00"_s); // no "-0.00"
        QCOMPARE(NumberFormat::signedMoney(12.344, english), u"+12.34"_s);
        QCOMPARE(NumberFormat::signedMoney(-1234.5, english), u"-1,234.50"_s);
        QCOMPARE(NumberFormat::signedMoney(0.001, english), u"0.00"_s);
        QCOMPARE(NumberFormat::signedMoney(1234.5, QLocale(QLocale::German, QLocale::Germany)), u"+1.234,50"_s);
    }

    void bytes()
    {
        QCOMPARE(NumberFormat::bytes(512, QLocale::c()), u"512 B"_s);
        QCOMPARE(NumberFormat::bytes(12 * 1024 + 300, QLocale::c()), u"12.3 KiB"_s);
        QCOMPARE(NumberFormat::bytes(45 * 1024 * 1024, QLocale::c()), u"45.0 MiB"_s);
        QCOMPARE(NumberFormat::bytes(3LL * 1024 * 1024 * 1024, QLocale::c()), u"3.0 GiB"_s);
    }

    void durationAndInterval()
    {
        QCOMPARE(NumberFormat::duration(42'000), u"0:42"_s);
        QCOMPARE(NumberFormat::duration(245'100), u"4:06"_s); // a countdown rounds up
        QCOMPARE(NumberFormat::duration(3'723'000), u"1:02:03"_s);
        QCOMPARE(NumberFormat::duration(-5), u"0:00"_s);
        QCOMPARE(NumberFormat::interval(30'000), u"30s"_s);
        QCOMPARE(NumberFormat::interval(300'000), u"5m"_s);
        QCOMPARE(NumberFormat::interval(3'600'000), u"1h"_s);
        QCOMPARE(NumberFormat::interval(86'400'000), u"1d"_s);
    }
};

QTEST_APPLESS_MAIN(TestNumberFormat)
#include "tst_numberformat.moc"
