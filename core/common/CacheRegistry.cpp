#include "common/CacheRegistry.h"

#include <algorithm>

namespace bw {

CacheRegistry &CacheRegistry::instance()
{
    static CacheRegistry registry;
    return registry;
}

void CacheRegistry::add(RegisteredCache *cache)
{
    std::lock_guard lock(m_mutex);
    if (std::find(m_caches.begin(), m_caches.end(), cache) != m_caches.end())
        return;
    m_caches.push_back(cache);
    if (m_evictableFactor < 1.0 || m_otherFactor < 1.0)
        cache->setCapacityFactor(cache->cacheStats().evictable ? m_evictableFactor : m_otherFactor);
}

void CacheRegistry::remove(RegisteredCache *cache)
{
    std::lock_guard lock(m_mutex);
    m_caches.erase(std::remove(m_caches.begin(), m_caches.end(), cache), m_caches.end());
}

void CacheRegistry::setPressureFactors(double evictable, double others)
{
    std::lock_guard lock(m_mutex);
    m_evictableFactor = std::clamp(evictable, 0.0, 1.0);
    m_otherFactor = std::clamp(others, 0.0, 1.0);
}

double CacheRegistry::pressureFactor(bool evictable) const
{
    std::lock_guard lock(m_mutex);
    return evictable ? m_evictableFactor : m_otherFactor;
}

QList<CacheStats> CacheRegistry::stats() const
{
    QList<CacheStats> result;
    forEach([&](const RegisteredCache &cache) { result.append(cache.cacheStats()); });
    std::sort(result.begin(), result.end(), [](const CacheStats &a, const CacheStats &b) { return a.name < b.name; });
    return result;
}

qint64 CacheRegistry::totalEstimatedBytes() const
{
    qint64 total = 0;
    forEach([&](const RegisteredCache &cache) { total += cache.cacheStats().estimatedBytes; });
    return total;
}

} // namespace bw
