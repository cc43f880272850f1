#include "monitor/SnapshotContributor.h"

#include <algorithm>

namespace bw {

SnapshotRegistry &SnapshotRegistry::instance()
{
    static SnapshotRegistry registry;
    return registry;
}

void SnapshotRegistry::add(SnapshotContributor *contributor)
{
    std::lock_guard lock(m_mutex);
    if (std::find(m_contributors.begin(), m_contributors.end(), contributor) == m_contributors.end())
        m_contributors.push_back(contributor);
}

void SnapshotRegistry::remove(SnapshotContributor *contributor)
{
    std::lock_guard lock(m_mutex);
    m_contributors.erase(std::remove(m_contributors.begin(), m_contributors.end(), contributor), m_contributors.end());
}

QList<SnapshotSection> SnapshotRegistry::collect() const
{
    QList<SnapshotSection> sections;
    {
        std::lock_guard lock(m_mutex);
        sections.reserve(qsizetype(m_contributors.size()));
        for (const SnapshotContributor *contributor : m_contributors)
            sections.append(contributor->snapshotSection());
    }
    std::sort(sections.begin(), sections.end(),
              [](const SnapshotSection &a, const SnapshotSection &b) { return a.name < b.name; });
    return sections;
}

ScopedSnapshotProvider::ScopedSnapshotProvider(QString name, Provider provider)
    : m_name(std::move(name))
    , m_provider(std::move(provider))
{
    SnapshotRegistry::instance().add(this);
}

ScopedSnapshotProvider::~ScopedSnapshotProvider()
{
    SnapshotRegistry::instance().remove(this);
}

SnapshotSection ScopedSnapshotProvider::snapshotSection() const
{
    SnapshotSection section;
    section.name = m_name;
    QVariantMap map = m_provider ? m_provider() : QVariantMap{};
    const auto it = map.constFind(QStringLiteral("bytes"));
    if (it != map.constEnd()) {
        bool ok = false;
        const qint64 bytes = it->toLongLong(&ok);
        section.bytes = ok ? bytes : -1;
        map.remove(QStringLiteral("bytes"));
    }
    section.counters = QJsonObject::fromVariantMap(map);
    return section;
}

} // namespace bw
