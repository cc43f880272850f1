#pragma once

#include <QList>
#include <QString>

#include <mutex>
#include <vector>

namespace bw {

struct CacheStats {
    QString name;
    qint64 size = 0;
    qint64 capacity = 0;
    qint64 hits = 0;
    qint64 misses = 0;
    qint64 evictions = 0;   // pushed out by capacity (or a pressure trim): the cache is smaller than its use
    qint64 expirations = 0; // outlived the time-to-live
    // Superseded: a newer key of the same slot took the entry's place (BoundedCache slots), or the owner
    // dropped entries it will not ask for again (supersedeAll / supersedeIf). Not pressure.
    qint64 replacements = 0;
    qint64 estimatedBytes = 0;
    bool evictable = true; // false: entries are needed for correctness, trimming only drops hot data

    double hitRate() const
    {
        const qint64 lookups = hits + misses;
        return lookups > 0 ? double(hits) / double(lookups) : 0.0;
    }
};

// What the registry needs of a cache. Implementations must be thread-safe: the registry is read from the
// monitor thread while the owner uses the cache on its own threads.
class RegisteredCache
{
public:
    virtual ~RegisteredCache() = default;
    virtual CacheStats cacheStats() const = 0;
    // Shrinks to at most fraction x capacity entries (0 empties the cache), evicting least recently used.
    virtual void trimTo(double fraction) = 0;
    // Temporarily lowers the capacity (fraction of the configured one); 1.0 restores it.
    virtual void setCapacityFactor(double factor) = 0;
};

// One registry of every bounded cache in the process. The dashboard, the memory snapshot, the WebSocket
// caches topic and the pressure governor all read it. Caches register themselves on construction and
// unregister on destruction; registration is thread-safe.
class CacheRegistry final
{
public:
    static CacheRegistry &instance();

    void add(RegisteredCache *cache);
    void remove(RegisteredCache *cache);

    QList<CacheStats> stats() const;
    qint64 totalEstimatedBytes() const;

    // The capacity factors memory pressure imposes (the pressure governor sets them with each level, 1.0 at
    // Normal): every cache registered from then on starts with its factor, so that caches created under
    // pressure (the scanner of an engine rebuilt on a new data source) are as limited as those that were
    // there when the level changed. Caches already registered are left to the caller (forEach).
    void setPressureFactors(double evictable, double others);
    double pressureFactor(bool evictable) const;

    // Applies fn to every registered cache while holding the registry lock; fn must not register or
    // unregister caches.
    template <typename Fn>
    void forEach(Fn &&fn) const
    {
        std::lock_guard lock(m_mutex);
        for (RegisteredCache *cache : m_caches)
            fn(*cache);
    }

private:
    CacheRegistry() = default;

    mutable std::mutex m_mutex;
    std::vector<RegisteredCache *> m_caches;
    double m_evictableFactor = 1.0;
    double m_otherFactor = 1.0;
};

} // namespace bw
