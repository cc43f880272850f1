#include "market/bybit/BybitOrderBook.h"
#include "market/bybit/RateLimiter.h"

#include <QTest>

using namespace bw;

class TestBybitOrderBook : public QObject
{
    Q_OBJECT

private slots:
    void deltasNeedASnapshotAndConsecutiveIds()
    {
        BybitOrderBook book;
        QCOMPARE(book.applyDelta({{1.0, 1.0}}, {}, 5), BybitOrderBook::DeltaResult::NotReady);
        book.applySnapshot({{10.0, 1.0}, {9.9, 2.0}}, {{10.1, 1.0}}, 7);
        QCOMPARE(book.applyDelta({{9.9, 0.0}}, {{10.2, 3.0}}, 8), BybitOrderBook::DeltaResult::Applied);
        QCOMPARE(book.bidLevels(), 1);
        QCOMPARE(book.askLevels(), 2);
        QCOMPARE(book.applyDelta({}, {}, 10), BybitOrderBook::DeltaResult::Gap);
        QVERIFY(!book.isValid());
        QVERIFY(!book.summary(0).isValid());
        QCOMPARE(book.applyDelta({}, {}, 11), BybitOrderBook::DeltaResult::NotReady);
    }

    void summaryBandsArePercentOfPrice()
    {
        // At a price of 30 000 a 0.3 % band is 90 wide: depth must not depend on the price level (ref. §11.13).
        BybitOrderBook book;
        book.applySnapshot({{30000.0, 1.0}, {29920.0, 1.0}, {29880.0, 1.0}, {29800.0, 1.0}},
                           {{30010.0, 2.0}, {30150.0, 1.0}}, 1);
        const BookSummary s = book.summary(42);
        QCOMPARE(s.bestBid, 30000.0);
        QCOMPARE(s.bestAsk, 30010.0);
        QCOMPARE(s.bidDepth03, 30000.0 + 29920.0);
        QCOMPARE(s.bidDepth05, 30000.0 + 29920.0 + 29880.0);
        QCOMPARE(s.askDepth03, 60020.0);
        QCOMPARE(s.askDepth05, 60020.0 + 30150.0);
        QCOMPARE(s.updatedMs, 42);
    }

    void bookStaysBounded()
    {
        BybitOrderBook book;
        QList<BybitOrderBook::Level> bids;
        for (int i = 0; i < 500; ++i)
            bids.append({1000.0 - i, 1.0});
        book.applySnapshot(bids, {{1001.0, 1.0}}, 1);
        QCOMPARE(book.bidLevels(), BybitOrderBook::kMaxLevels);
        QCOMPARE(book.summary(0).bestBid, 1000.0);
    }

    void rateLimiterSlidingWindow()
    {
        RateLimiter limiter;
        using C = RateLimiter::Category;
        QCOMPARE(RateLimiter::categoryForPath(u"/v5/market/kline"), C::MarketData);
        QCOMPARE(RateLimiter::categoryForPath(u"/v5/order/create"), C::Trading);
        QCOMPARE(RateLimiter::categoryForPath(u"/v5/account/wallet-balance"), C::Account);
        limiter.setLimit(C::MarketData, {3, 1000, 0});
        QCOMPARE(limiter.tryAcquire(C::MarketData, 0), 0);
        QCOMPARE(limiter.tryAcquire(C::MarketData, 100), 0);
        QCOMPARE(limiter.tryAcquire(C::MarketData, 200), 0);
        QCOMPARE(limiter.tryAcquire(C::MarketData, 300), 700); // the first leaves the window at 1000
        QCOMPARE(limiter.tryAcquire(C::Trading, 300), 0);      // categories are independent
        QCOMPARE(limiter.tryAcquire(C::MarketData, 1000), 0);
        QCOMPARE(limiter.inWindow(C::MarketData, 1000), 3);
        limiter.blockUntil(C::MarketData, 5000);
        QCOMPARE(limiter.tryAcquire(C::MarketData, 4000), 1000);
        limiter.setLimit(C::Public, {10, 1000, 20});
        QCOMPARE(limiter.tryAcquire(C::Public, 0), 0);
        QCOMPARE(limiter.tryAcquire(C::Public, 5), 15); // minimum spacing
    }
};

QTEST_APPLESS_MAIN(TestBybitOrderBook)
#include "tst_bybitorderbook.moc"
