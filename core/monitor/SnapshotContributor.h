#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <mutex>
#include <vector>

namespace bw {

// A subsystem's section of the memory snapshot: its name, the memory it holds (estimate) and whatever
// counters explain it. The market store reports itself as "market_store" (its bytes become the
// snapshot's market_store_bytes); the server reports per-client queues; anything else may add its own.
// Implementations must be thread-safe: the snapshot may be taken on another thread than the owner's.
struct SnapshotSection {
    QString name;
    qint64 bytes = -1; // -1: the subsystem does not estimate its memory
    QJsonObject counters;
};

class SnapshotContributor
{
public:
    virtual ~SnapshotContributor() = default;
    virtual SnapshotSection snapshotSection() const = 0;
};

// Every contributor in the process. Add on construction, remove before destruction (or use
// ScopedSnapshotProvider, which does both).
class SnapshotRegistry final
{
public:
    static SnapshotRegistry &instance();

    void add(SnapshotContributor *contributor);
    void remove(SnapshotContributor *contributor);
    // Sections of every contributor, sorted by name.
    QList<SnapshotSection> collect() const;

private:
    SnapshotRegistry() = default;
    mutable std::mutex m_mutex;
    std::vector<SnapshotContributor *> m_contributors;
};

// A contributor made of a callback, registered for its lifetime. The callback returns the counters as a
// QVariantMap; an integer under the key "bytes" is taken as the subsystem's memory estimate.
class ScopedSnapshotProvider final : public SnapshotContributor
{
public:
    using Provider = std::function<QVariantMap()>;

    ScopedSnapshotProvider(QString name, Provider provider);
    ~ScopedSnapshotProvider() override;
    ScopedSnapshotProvider(const ScopedSnapshotProvider &) = delete;
    ScopedSnapshotProvider &operator=(const ScopedSnapshotProvider &) = delete;

    SnapshotSection snapshotSection() const override;

private:
    QString m_name;
    Provider m_provider;
};

} // namespace bw
