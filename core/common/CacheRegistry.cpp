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
    if (std::find(m_caches.begin(), m_caches.end(), cache) == m_caches.end())
        m_caches.push_back(cache);
}

void CacheRegistry::remove(RegisteredCache *cache)
{
    std::lock_guard lock(m_mutex);
    m_caches.erase(std::remove(m_caches.begin(), m_caches.end(), cache), m_caches.end());
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
