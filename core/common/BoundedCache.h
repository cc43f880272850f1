#pragma once

#include "common/CacheRegistry.h"
#include "common/Clock.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace bw {

// A bounded LRU cache with an optional time-to-live. Every operation is O(1) (hash map + intrusive
// recency list). Thread-safe through one short mutex per cache: callers on the scanner pool touch it a
// few times per symbol, never in an inner loop. Registers itself in the CacheRegistry.
template <typename Key, typename Value, typename Hash = std::hash<Key>>
class BoundedCache final : public RegisteredCache
{
public:
    struct Options {
        QString name;
        qint64 capacity = 200;
        qint64 ttlMs = 0; // 0: entries never expire
        bool evictable = true;
        // Estimated bytes of one entry beyond sizeof(Key) + sizeof(Value); tune for heap-owning values.
        qint64 extraBytesPerEntry = 0;
    };

    BoundedCache(Options options, const Clock &clock = SystemClock::instance())
        : m_options(std::move(options))
        , m_clock(clock)
        , m_baseCapacity(std::max<qint64>(m_options.capacity, 0))
        , m_capacity(m_baseCapacity)
    {
        m_map.reserve(std::size_t(m_capacity));
        // Last: the registry applies the memory pressure in force (setCapacityFactor), which needs the
        // members built; the class is final, so the virtual call reaches this one.
        CacheRegistry::instance().add(this);
    }

    ~BoundedCache() override { CacheRegistry::instance().remove(this); }

    BoundedCache(const BoundedCache &) = delete;
    BoundedCache &operator=(const BoundedCache &) = delete;

    std::optional<Value> get(const Key &key)
    {
        std::lock_guard lock(m_mutex);
        auto it = m_map.find(key);
        if (it == m_map.end()) {
            ++m_misses;
            return std::nullopt;
        }
        if (isExpired(*it->second)) {
            eraseEntry(it);
            ++m_expirations;
            ++m_misses;
            return std::nullopt;
        }
        m_order.splice(m_order.begin(), m_order, it->second);
        ++m_hits;
        return it->second->value;
    }

    void put(const Key &key, Value value)
    {
        std::lock_guard lock(m_mutex);
        if (m_capacity == 0)
            return;
        const qint64 now = m_clock.nowMs();
        auto it = m_map.find(key);
        if (it != m_map.end()) {
            it->second->value = std::move(value);
            it->second->storedAtMs = now;
            m_order.splice(m_order.begin(), m_order, it->second);
            return;
        }
        while (qint64(m_map.size()) >= m_capacity)
            evictOldest();
        m_order.push_front(Entry{key, std::move(value), now});
        m_map.emplace(key, m_order.begin());
    }

    bool remove(const Key &key)
    {
        std::lock_guard lock(m_mutex);
        auto it = m_map.find(key);
        if (it == m_map.end())
            return false;
        eraseEntry(it);
        return true;
    }

    void clear()
    {
        std::lock_guard lock(m_mutex);
        m_map.clear();
        m_order.clear();
    }

    // Removes expired entries; returns how many went.
    qint64 purgeExpired()
    {
        std::lock_guard lock(m_mutex);
        qint64 removed = 0;
        for (auto it = m_order.begin(); it != m_order.end();) {
            if (isExpired(*it)) {
                m_map.erase(it->key);
                it = m_order.erase(it);
                ++removed;
            } else {
                ++it;
            }
        }
        m_expirations += removed;
        return removed;
    }

    qint64 size() const
    {
        std::lock_guard lock(m_mutex);
        return qint64(m_map.size());
    }

    qint64 capacity() const
    {
        std::lock_guard lock(m_mutex);
        return m_capacity;
    }

    CacheStats cacheStats() const override
    {
        std::lock_guard lock(m_mutex);
        CacheStats s;
        s.name = m_options.name;
        s.size = qint64(m_map.size());
        s.capacity = m_capacity;
        s.hits = m_hits;
        s.misses = m_misses;
        s.evictions = m_evictions;
        s.expirations = m_expirations;
        s.evictable = m_options.evictable;
        // list node (two pointers + entry) + hash node (key, iterator, next pointer) + bucket slot
        const qint64 perEntry = qint64(sizeof(Entry) + 2 * sizeof(void *)) + qint64(sizeof(Key) + sizeof(void *) * 2) +
                                qint64(sizeof(void *)) + m_options.extraBytesPerEntry;
        s.estimatedBytes = s.size * perEntry + qint64(m_map.bucket_count() * sizeof(void *));
        return s;
    }

    void trimTo(double fraction) override
    {
        std::lock_guard lock(m_mutex);
        const auto target = qint64(std::floor(double(m_capacity) * std::clamp(fraction, 0.0, 1.0)));
        while (qint64(m_map.size()) > target)
            evictOldest();
    }

    void setCapacityFactor(double factor) override
    {
        std::lock_guard lock(m_mutex);
        m_factor = std::clamp(factor, 0.0, 1.0);
        m_capacity = qint64(std::floor(double(m_baseCapacity) * m_factor));
        while (qint64(m_map.size()) > m_capacity)
            evictOldest();
    }

    // Changes the configured capacity (e.g. to the number of keys a user of the cache cycles through);
    // a pressure factor in force keeps applying to it.
    void setBaseCapacity(qint64 capacity)
    {
        std::lock_guard lock(m_mutex);
        m_baseCapacity = std::max<qint64>(capacity, 0);
        m_capacity = qint64(std::floor(double(m_baseCapacity) * m_factor));
        while (qint64(m_map.size()) > m_capacity)
            evictOldest();
    }
    qint64 baseCapacity() const
    {
        std::lock_guard lock(m_mutex);
        return m_baseCapacity;
    }

private:
    struct Entry {
        Key key;
        Value value;
        qint64 storedAtMs = 0;
    };
    using Order = std::list<Entry>;
    using Map = std::unordered_map<Key, typename Order::iterator, Hash>;

    bool isExpired(const Entry &entry) const
    {
        return m_options.ttlMs > 0 && m_clock.nowMs() - entry.storedAtMs >= m_options.ttlMs;
    }

    void eraseEntry(typename Map::iterator it)
    {
        m_order.erase(it->second);
        m_map.erase(it);
    }

    void evictOldest()
    {
        if (m_order.empty())
            return;
        m_map.erase(m_order.back().key);
        m_order.pop_back();
        ++m_evictions;
    }

    const Options m_options;
    const Clock &m_clock;
    mutable std::mutex m_mutex;
    qint64 m_baseCapacity; // as configured, or as set by setBaseCapacity
    qint64 m_capacity;     // in force: the base times the pressure factor
    double m_factor = 1.0; // from setCapacityFactor (memory pressure)
    Order m_order;
    Map m_map;
    qint64 m_hits = 0;
    qint64 m_misses = 0;
    qint64 m_evictions = 0;
    qint64 m_expirations = 0;
};

} // namespace bw
