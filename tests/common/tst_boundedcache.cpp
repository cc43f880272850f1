#include "common/BoundedCache.h"

#include <QTest>

using namespace bw;

namespace {

// A (symbol, bar) key whose slot is the symbol, like the scanner's caches.
struct BarKey {
    int symbol = 0;
    qint64 bar = 0;
    bool operator==(const BarKey &) const = default;
};
struct BarKeyHash {
    std::size_t operator()(const BarKey &k) const noexcept { return std::hash<qint64>()(k.bar * 1'000'003 + k.symbol); }
};
struct SymbolSlot {
    int operator()(const BarKey &k) const noexcept { return k.symbol; }
};
using SlotCache = BoundedCache<BarKey, int, BarKeyHash, SymbolSlot>;

} // namespace

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

    void newKeyOfASlotReplacesTheOldEntryAtOnce()
    {
        SlotCache cache({QStringLiteral("test.slots"), 10});
        cache.put({1, 100}, 10);
        cache.put({2, 100}, 20);
        cache.put({1, 200}, 11); // symbol 1's next bar: its bar-100 entry is useless from now on
        QCOMPARE(cache.size(), 2);
        QVERIFY(!cache.get({1, 100}));
        QCOMPARE(cache.get({1, 200}).value_or(-1), 11);
        QCOMPARE(cache.get({2, 100}).value_or(-1), 20);
        CacheStats stats = cache.cacheStats();
        QCOMPARE(stats.replacements, 1);
        QCOMPARE(stats.evictions, 0);
        QCOMPARE(stats.expirations, 0);

        // Rewriting the same key is an update, not a replacement.
        cache.put({1, 200}, 12);
        QCOMPARE(cache.get({1, 200}).value_or(-1), 12);
        QCOMPARE(cache.cacheStats().replacements, 1);

        // Many bars over a few symbols: one entry per symbol, the rest replaced, nothing evicted.
        for (qint64 bar = 300; bar < 1300; bar += 100) {
            for (int symbol = 0; symbol < 5; ++symbol)
                cache.put({symbol, bar}, symbol);
        }
        stats = cache.cacheStats();
        QCOMPARE(stats.size, 5);
        QCOMPARE(stats.evictions, 0);
        // Bar 300 supersedes symbols 1 and 2 (0, 3, 4 are new); each of the nine later bars all five.
        QCOMPARE(stats.replacements, 1 + 2 + 9 * 5);
    }

    void replacingAtFullCapacityEvictsNothingElse()
    {
        SlotCache cache({QStringLiteral("test.slotsfull"), 3});
        cache.put({1, 0}, 1);
        cache.put({2, 0}, 2);
        cache.put({3, 0}, 3);
        cache.put({1, 1}, 4); // full, but symbol 1's old entry makes the room: 2 and 3 stay
        QCOMPARE(cache.size(), 3);
        QVERIFY(cache.get({2, 0}));
        QVERIFY(cache.get({3, 0}));
        QCOMPARE(cache.cacheStats().evictions, 0);
        QCOMPARE(cache.cacheStats().replacements, 1);
    }

    void capacityStillEvictsAcrossSlots()
    {
        SlotCache cache({QStringLiteral("test.slotslru"), 3});
        cache.put({1, 0}, 1);
        cache.put({2, 0}, 2);
        cache.put({3, 0}, 3);
        QVERIFY(cache.get({1, 0})); // 2 is now the least recently used
        cache.put({4, 0}, 4);       // a fourth symbol: real pressure, the LRU entry goes
        QCOMPARE(cache.size(), 3);
        QVERIFY(!cache.get({2, 0}));
        QVERIFY(cache.get({1, 0}));
        CacheStats stats = cache.cacheStats();
        QCOMPARE(stats.evictions, 1);
        QCOMPARE(stats.replacements, 0);

        // The evicted symbol's slot is free again: its next bar is a plain insert (an eviction, no
        // replacement), and the slot index never points at a gone entry.
        cache.put({2, 1}, 5);
        stats = cache.cacheStats();
        QCOMPARE(stats.evictions, 2);
        QCOMPARE(stats.replacements, 0);
        QCOMPARE(cache.get({2, 1}).value_or(-1), 5);

        // Pressure trimming and removal release slots the same way.
        cache.trimTo(0.0);
        QCOMPARE(cache.size(), 0);
        cache.put({1, 9}, 9);
        cache.put({2, 9}, 9);
        QVERIFY(cache.remove({2, 9}));
        cache.put({2, 10}, 10);
        stats = cache.cacheStats();
        QCOMPARE(stats.replacements, 0);
        QCOMPARE(cache.size(), 2);
    }

    void ttlIsUnaffectedBySlots()
    {
        ManualClock clock(0);
        SlotCache cache({QStringLiteral("test.slotsttl"), 10, 1000}, clock);
        cache.put({1, 0}, 1);
        cache.put({2, 0}, 2);
        clock.advanceMs(999);
        QCOMPARE(cache.get({1, 0}).value_or(-1), 1);
        clock.advanceMs(1);
        QVERIFY(!cache.get({1, 0})); // expired on lookup, as without slots
        QCOMPARE(cache.cacheStats().expirations, 1);

        // Symbol 2's entry has outlived its TTL before its next bar arrives: it went stale by age, so it
        // counts as expired, exactly as its next lookup would have counted it.
        cache.put({2, 1}, 3);
        CacheStats stats = cache.cacheStats();
        QCOMPARE(stats.expirations, 2);
        QCOMPARE(stats.replacements, 0);
        QCOMPARE(stats.size, 1);

        // A live entry superseded within its TTL is a replacement; its successor gets a full TTL.
        clock.advanceMs(500);
        cache.put({2, 2}, 4);
        QCOMPARE(cache.cacheStats().replacements, 1);
        clock.advanceMs(999);
        QCOMPARE(cache.get({2, 2}).value_or(-1), 4);
        QCOMPARE(cache.purgeExpired(), 0);
        clock.advanceMs(1);
        QCOMPARE(cache.purgeExpired(), 1);
        QCOMPARE(cache.size(), 0);
        cache.put({2, 3}, 5); // the purged entry freed its slot
        QCOMPARE(cache.cacheStats().replacements, 1);
    }

    void supersedeAllCountsReplacements()
    {
        SlotCache cache({QStringLiteral("test.supersede"), 10});
        for (int symbol = 0; symbol < 4; ++symbol)
            cache.put({symbol, 0}, symbol);
        QCOMPARE(cache.supersedeAll(), 4);
        QCOMPARE(cache.size(), 0);
        cache.put({0, 1}, 1); // slots were released with the entries
        const CacheStats stats = cache.cacheStats();
        QCOMPARE(stats.replacements, 4);
        QCOMPARE(stats.evictions, 0);
        QCOMPARE(stats.size, 1);
    }

    void supersedeIfDropsWhatTheOwnerWillNotAskFor()
    {
        SlotCache cache({QStringLiteral("test.supersedeif"), 4});
        for (int symbol = 0; symbol < 4; ++symbol)
            cache.put({symbol, 0}, symbol);
        // Symbols 1 and 3 left the owner's working set: their room is free at once.
        QCOMPARE(cache.supersedeIf([](const BarKey &k) { return k.symbol % 2 == 1; }), 2);
        QCOMPARE(cache.size(), 2);
        QVERIFY(!cache.get({1, 0}));
        QVERIFY(cache.get({0, 0}));
        // Two newcomers fit without evicting, and symbol 1's slot is free (its return is a plain insert).
        cache.put({5, 0}, 5);
        cache.put({1, 1}, 1);
        const CacheStats stats = cache.cacheStats();
        QCOMPARE(stats.size, 4);
        QCOMPARE(stats.evictions, 0);
        QCOMPARE(stats.replacements, 2);
        QVERIFY(cache.get({0, 0}) && cache.get({2, 0}));
    }

    void slotsCostNothingWhenUnused()
    {
        // Without a projection the slot index is an empty member: same object size as a cache that never
        // had the feature, and no bytes in the estimate.
        using Plain = BoundedCache<BarKey, int, BarKeyHash>;
        QVERIFY(sizeof(Plain) < sizeof(SlotCache));
        Plain plain({QStringLiteral("test.plain"), 10});
        SlotCache slotted({QStringLiteral("test.slotted"), 10});
        plain.put({1, 0}, 1);
        slotted.put({1, 0}, 1);
        QVERIFY(slotted.cacheStats().estimatedBytes > plain.cacheStats().estimatedBytes);
        plain.put({1, 1}, 2); // no slots: both bars stay
        QCOMPARE(plain.size(), 2);
        QCOMPARE(plain.cacheStats().replacements, 0);
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
