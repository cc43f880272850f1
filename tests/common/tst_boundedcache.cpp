#include "common/BoundedCache.h"

#include <QTest>

using namespace bw;

class TestBoundedCache : public QObject
{
    Q_OBJECT

private slots:
    void thousandInsertsKeepTwoHundred()
    {
        BoundedCache<int, double> cache({QStringLiteral("test.thousand"), 200});
        for (int i = 0; i < 1000; ++i)
            cache.put(i, i * 0.5);
        const CacheStats stats = cache.cacheStats();
        QCOMPARE(stats.size, 200);
        QCOMPARE(stats.capacity, 200);
        QCOMPARE(stats.evictions, 800);
        // The survivors are the 200 most recent keys.
        QVERIFY(!cache.get(799).has_value());
        QCOMPARE(cache.get(800).value_or(-1), 400.0);
        QCOMPARE(cache.get(999).value_or(-1), 499.5);
    }

    void leastRecentlyUsedIsEvictedFirst()
    {
        BoundedCache<int, int> cache({QStringLiteral("test.lru"), 3});
        cache.put(1, 10);
        cache.put(2, 20);
        cache.put(3, 30);
        QVERIFY(cache.get(1)); // 1 becomes the most recent; 2 is now the oldest
        cache.put(4, 40);
        QVERIFY(!cache.get(2));
        QVERIFY(cache.get(1));
        QVERIFY(cache.get(3));
        QVERIFY(cache.get(4));
    }

    void overwriteRefreshesRecencyWithoutGrowing()
    {
        BoundedCache<int, int> cache({QStringLiteral("test.overwrite"), 2});
        cache.put(1, 10);
        cache.put(2, 20);
        cache.put(1, 11);
        cache.put(3, 30); // evicts 2, not the rewritten 1
        QCOMPARE(cache.size(), 2);
        QCOMPARE(cache.get(1).value_or(-1), 11);
        QVERIFY(!cache.get(2));
    }

    void ttlExpiresWithManualClock()
    {
        ManualClock clock(1'000'000);
        BoundedCache<QString, int> cache({QStringLiteral("test.ttl"), 10, 60'000}, clock);
        cache.put(QStringLiteral("BTCUSDT"), 1);
        clock.advanceMs(59'999);
        QCOMPARE(cache.get(QStringLiteral("BTCUSDT")).value_or(-1), 1);
        clock.advanceMs(1);
        QVERIFY(!cache.get(QStringLiteral("BTCUSDT")));
        const CacheStats stats = cache.cacheStats();
        QCOMPARE(stats.size, 0);
        QCOMPARE(stats.expirations, 1);
    }

    void purgeExpiredRemovesOnlyStaleEntries()
    {
        ManualClock clock(0);
        BoundedCache<int, int> cache({QStringLiteral("test.purge"), 10, 1000}, clock);
        cache.put(1, 1);
        clock.advanceMs(600);
        cache.put(2, 2);
        clock.advanceMs(500);
        QCOMPARE(cache.purgeExpired(), 1);
        QCOMPARE(cache.size(), 1);
        QVERIFY(cache.get(2));
    }

    void hitAndMissCounts()
    {
        BoundedCache<int, int> cache({QStringLiteral("test.hits"), 10});
        cache.put(1, 1);
        QVERIFY(cache.get(1));
        QVERIFY(cache.get(1));
        QVERIFY(!cache.get(2));
        const CacheStats stats = cache.cacheStats();
        QCOMPARE(stats.hits, 2);
        QCOMPARE(stats.misses, 1);
        QCOMPARE(stats.hitRate(), 2.0 / 3.0);
    }

    void trimAndCapacityFactorForThePressureGovernor()
    {
        BoundedCache<int, int> cache({QStringLiteral("test.trim"), 100});
        for (int i = 0; i < 100; ++i)
            cache.put(i, i);
        cache.trimTo(0.5);
        QCOMPARE(cache.size(), 50);
        QVERIFY(cache.get(99)); // the most recent half survives
        QVERIFY(!cache.get(0));

        cache.setCapacityFactor(0.2);
        QCOMPARE(cache.capacity(), 20);
        QCOMPARE(cache.size(), 20);
        cache.setCapacityFactor(1.0);
        QCOMPARE(cache.capacity(), 100);
        cache.trimTo(0.0);
        QCOMPARE(cache.size(), 0);
    }

    void baseCapacityFollowsItsUserUnderThePressureFactor()
    {
        BoundedCache<int, int> cache({QStringLiteral("test.base"), 200});
        cache.setBaseCapacity(300); // e.g. one entry per symbol a scan evaluates
        for (int i = 0; i < 300; ++i)
            cache.put(i, i);
        QCOMPARE(cache.size(), 300);
        QCOMPARE(cache.cacheStats().evictions, 0);
        QCOMPARE(cache.baseCapacity(), 300);

        cache.setCapacityFactor(0.5); // the governor at High pressure
        QCOMPARE(cache.capacity(), 150);
        cache.setBaseCapacity(400); // still halved
        QCOMPARE(cache.capacity(), 200);
        cache.setBaseCapacity(100);
        QCOMPARE(cache.capacity(), 50);
        QCOMPARE(cache.size(), 50);
        QVERIFY(cache.get(299)); // the most recent survive
        cache.setCapacityFactor(1.0);
        QCOMPARE(cache.capacity(), 100);
    }

    void registersItselfWhileAlive()
    {
        const auto named = [](const QString &name) {
            const QList<CacheStats> all = CacheRegistry::instance().stats();
            return std::any_of(all.begin(), all.end(), [&](const CacheStats &s) { return s.name == name; });
        };
        {
            BoundedCache<int, int> cache({QStringLiteral("test.registry"), 5});
            cache.put(1, 1);
            QVERIFY(named(QStringLiteral("test.registry")));
            QVERIFY(CacheRegistry::instance().totalEstimatedBytes() > 0);
        }
        QVERIFY(!named(QStringLiteral("test.registry")));
    }
};

QTEST_APPLESS_MAIN(TestBoundedCache)
#include "tst_boundedcache.moc"
