#pragma once

#include "common/CacheRegistry.h"
#include "common/Clock.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <list>
#include <mutex>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <utility>

namespace bw {

// The default slot projection of a BoundedCache: keys never supersede one another.
struct NoCacheSlot {
};

namespace detail {

// Which entry holds each slot, for a cache with a slot projection. One entry per slot at most, so the
// index is as large as the cache and an entry's slot always names that entry.
template <typename Key, typename SlotOf, typename Iterator>
class CacheSlotIndex
{
public:
    using Slot = std::decay_t<std::invoke_result_t<const SlotOf &, const Key &>>;
    // Hash node (slot, iterator, next pointer) and bucket slot, for the cache's memory estimate.
    static constexpr qint64 kBytesPerEntry = qint64(sizeof(Slot) + sizeof(Iterator) + 2 * sizeof(void *));

    const Iterator *holder(const Key &key) const
    {
        const auto it = m_index.find(m_slotOf(key));
        return it == m_index.end() ? nullptr : &it->second;
    }
    void assign(const Key &key, Iterator entry) { m_index.insert_or_assign(m_slotOf(key), entry); }
    void release(const Key &key) { m_index.erase(m_slotOf(key)); }
    void clear() { m_index.clear(); }
    void reserve(std::size_t count) { m_index.reserve(count); }
    qint64 bucketBytes() const { return qint64(m_index.bucket_count() * sizeof(void *)); }

private:
    [[no_unique_address]] SlotOf m_slotOf;
    std::unordered_map<Slot, Iterator> m_index;
};

// Without a projection: no index, no hashing, no bytes ([[no_unique_address]] at the member).
template <typename Key, typename Iterator>
class CacheSlotIndex<Key, NoCacheSlot, Iterator>
{
public:
    static constexpr qint64 kBytesPerEntry = 0;

    const Iterator *holder(const Key &) const { return nullptr; }
    void assign(const Key &, Iterator) {}
    void release(const Key &) {}
    void clear() {}
    void reserve(std::size_t) {}
    qint64 bucketBytes() const { return 0; }
};

} // namespace detail

// A bounded LRU cache with an optional time-to-live. Every operation is O(1) (hash map + intrusive
// recency list). Thread-safe through one short mutex per cache: callers on the scanner pool touch it a
// few times per symbol, never in an inner loop. Registers itself in the CacheRegistry.
//
// Slots (optional): SlotOf projects a key onto its slot (e.g. the symbol of a (symbol, bar) key), for
// caches whose newer keys make older ones of the same slot useless. Inserting a key whose slot holds a
// different key removes that entry at once and counts it as a replacement, so a stale entry neither
// holds memory until the LRU reaches it nor shows up as an eviction: evictions then mean capacity
// pressure only. A superseded entry that had already outlived its TTL counts as an expiration, as it
// would have on its next lookup. The default (NoCacheSlot) keeps no index and costs nothing. SlotOf must
// be default-constructible and its result hashable by std::hash.
template <typename Key, typename Value, typename Hash = std::hash<Key>, typename SlotOf = NoCacheSlot>
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
        m_slots.reserve(std::size_t(m_capacity));
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
        // Before the capacity check: the superseded entry's place goes to its successor, so replacing
        // never pushes out an unrelated entry.
        if (const auto *holder = m_slots.holder(key)) {
            ++(isExpired(**holder) ? m_expirations : m_replacements);
            eraseEntry(*holder);
        }
        while (qint64(m_map.size()) >= m_capacity)
            evictOldest();
        m_order.push_front(Entry{key, std::move(value), now});
        m_map.emplace(key, m_order.begin());
        m_slots.assign(key, m_order.begin());
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
        m_slots.clear();
    }

    // Drops every entry as superseded (the owner's inputs changed as a whole, e.g. a new preset), counted as
    // replacements like a slot's old entry: nothing was pushed out for lack of room. Returns how many went.
    qint64 supersedeAll()
    {
        std::lock_guard lock(m_mutex);
        const auto removed = qint64(m_map.size());
        m_map.clear();
        m_order.clear();
        m_slots.clear();
        m_replacements += removed;
        return removed;
    }

    // Drops the entries whose key the owner knows it will not ask for again (pred(key) true; e.g. a symbol
    // that left the scan), counted as replacements, so that they free their room now instead of being
    // pushed out later as if the cache were short of it. O(size) under the cache's mutex, with pred called
    // under it: the owner calls it once per cycle, not per lookup. Returns how many went.
    template <typename Pred>
    qint64 supersedeIf(Pred &&pred)
    {
        std::lock_guard lock(m_mutex);
        qint64 removed = 0;
        for (auto it = m_order.begin(); it != m_order.end();) {
            if (pred(std::as_const(it->key))) {
                eraseEntry(it++);
                ++removed;
            } else {
                ++it;
            }
        }
        m_replacements += removed;
        return removed;
    }

    // Removes expired entries; returns how many went.
    qint64 purgeExpired()
    {
        std::lock_guard lock(m_mutex);
        qint64 removed = 0;
        for (auto it = m_order.begin(); it != m_order.end();) {
            if (isExpired(*it)) {
                eraseEntry(it++);
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
        s.replacements = m_replacements;
        s.evictable = m_options.evictable;
        // list node (two pointers + entry) + hash node (key, iterator, next pointer) + bucket slot, and the
        // slot index's node when there is one
        const qint64 perEntry = qint64(sizeof(Entry) + 2 * sizeof(void *)) + qint64(sizeof(Key) + sizeof(void *) * 2) +
                                qint64(sizeof(void *)) + SlotIndex::kBytesPerEntry + m_options.extraBytesPerEntry;
        s.estimatedBytes = s.size * perEntry + qint64(m_map.bucket_count() * sizeof(void *)) + m_slots.bucketBytes();
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
    using SlotIndex = detail::CacheSlotIndex<Key, SlotOf, typename Order::iterator>;

    bool isExpired(const Entry &entry) const
    {
        return m_options.ttlMs > 0 && m_clock.nowMs() - entry.storedAtMs >= m_options.ttlMs;
    }

    // Every removal goes through here, so the map, the recency list and the slot index stay in step.
    // Takes the iterator by value: callers may pass a reference into the structures being erased from.
    void eraseEntry(typename Order::iterator entry)
    {
        m_slots.release(entry->key);
        m_map.erase(entry->key);
        m_order.erase(entry);
    }
    // The same with the map position at hand: no second hash lookup.
    void eraseEntry(typename Map::iterator it)
    {
        const auto entry = it->second;
        m_slots.release(entry->key);
        m_map.erase(it);
        m_order.erase(entry);
    }

    void evictOldest()
    {
        if (m_order.empty())
            return;
        eraseEntry(std::prev(m_order.end()));
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
    [[no_unique_address]] SlotIndex m_slots;
    qint64 m_hits = 0;
    qint64 m_misses = 0;
    qint64 m_evictions = 0;
    qint64 m_expirations = 0;
    qint64 m_replacements = 0;
};

} // namespace bw
