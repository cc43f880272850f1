#include "app/StatusLine.h"

#include <QtTest>

using namespace bw;
using namespace Qt::StringLiterals;

namespace {

SymbolOverview symbol(const QString &name, double changePct)
{
    SymbolOverview s;
    s.symbol = name;
    s.lastPrice = 100;
    s.changePct24h = changePct;
    return s;
}

MarketOverview overview()
{
    MarketOverview o;
    o.sourceName = u"Simulated market (3 symbols, seed 42)"_s;
    // 2026-11-27 15:47:12 UTC; the 5 m bar opened at 15:45 and closes in 2:48.
    o.marketTimeMs = QDateTime(QDate(2026, 11, 27), QTime(15, 47, 12), QTimeZone::utc()).toMSecsSinceEpoch();
    o.barIntervalMs = 300'000;
    o.formingBarOpenMs = QDateTime(QDate(2026, 11, 27), QTime(15, 45), QTimeZone::utc()).toMSecsSinceEpoch();
    o.storeBytes = 3 * 1024 * 1024;
    o.symbols = {symbol(u"BTCUSDT"_s, 1.0), symbol(u"SOLUSDT"_s, 8.12), symbol(u"XRPUSDT"_s, -5.34)};
    return o;
}

} // namespace

class TestStatusLine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void showsEverythingOnOneLine()
    {
        const QString line = StatusLine::format(overview(), 45 * 1024 * 1024, QLocale::c());
        QVERIFY(!line.contains(u'\n'));
        QCOMPARE(line, u"Simulated market (3 symbols, seed 42) | 2026-11-27 15:47:12 UTC | 5m bar 15:45, closes in 2:48"
                       " | 3 symbols | top SOLUSDT +8.1 % | bottom XRPUSDT -5.3 % | store 3.0 MiB | RSS 45.0 MiB"_s);
    }

    void showsBackfillProgressWhileLoading()
    {
        MarketOverview o = overview();
        o.backfilling = true;
        o.backfillDone = 120;
        o.backfillTotal = 300;
        QVERIFY(StatusLine::format(o, -1, QLocale::c()).contains(u"loading history 40 %"_s));
        QVERIFY(!StatusLine::format(o, -1, QLocale::c()).contains(u"RSS"_s));
    }

    void readsOwnResidentMemoryFromProc()
    {
        const qint64 rss = StatusLine::residentBytes();
        // A running Qt test holds at least a megabyte and certainly less than a terabyte.
        QVERIFY2(rss > 1024 * 1024 && rss < (qint64(1) << 40), qPrintable(QString::number(rss)));
        // Touching 64 MiB raises it by about that much.
        QByteArray block(64 * 1024 * 1024, 'x');
        QVERIFY(StatusLine::residentBytes() >= rss + 48 * 1024 * 1024);
        QCOMPARE(block.at(block.size() - 1), 'x');
    }
};

QTEST_APPLESS_MAIN(TestStatusLine)
#include "tst_statusline.moc"
