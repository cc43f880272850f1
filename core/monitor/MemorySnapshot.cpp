#include "monitor/MemorySnapshot.h"

#include "common/CacheRegistry.h"
#include "monitor/MonitorLog.h"
#include "monitor/ProcParsers.h"
#include "monitor/ProcSampler.h"
#include "monitor/SnapshotContributor.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSysInfo>

#include <algorithm>
#include <cmath>
#include <dirent.h>
#include <unistd.h>
#include <vector>

namespace bw {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("bw::MemorySnapshot", text);
}

QJsonValue orNull(qint64 value)
{
    return value >= 0 ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

QString processKey(qint64 pid, qint64 startTicks)
{
    return QString::number(pid) + u':' + QString::number(startTicks);
}

// Every descriptor of pid with its target, at most kMaxListedFiles listed.
QJsonObject openFiles(qint64 pid)
{
    QJsonObject result;
    const QByteArray dirPath = "/proc/" + QByteArray::number(pid) + "/fd";
    DIR *dir = ::opendir(dirPath.constData());
    if (!dir)
        return result;
    const int ownDirFd = ::dirfd(dir);
    const bool self = pid == ProcSampler::ownPid();
    qint64 count = 0;
    qint64 files = 0;
    qint64 sockets = 0;
    qint64 pipes = 0;
    qint64 other = 0;
    std::vector<std::pair<int, QString>> entries;
    char target[4096];
    while (const dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] == '.')
            continue;
        const int fd = std::atoi(entry->d_name);
        if (self && fd == ownDirFd)
            continue; // the descriptor of this very listing
        ++count;
        const ssize_t len = ::readlinkat(::dirfd(dir), entry->d_name, target, sizeof target);
        const std::string_view link = len > 0 ? std::string_view(target, std::size_t(len)) : std::string_view();
        switch (proc::classifyFdTarget(link)) {
        case proc::FdKind::File:
            ++files;
            break;
        case proc::FdKind::Socket:
            ++sockets;
            break;
        case proc::FdKind::Pipe:
            ++pipes;
            break;
        case proc::FdKind::AnonInode:
        case proc::FdKind::Other:
            ++other;
            break;
        }
        entries.emplace_back(fd, QString::fromUtf8(link.data(), qsizetype(link.size())));
    }
    ::closedir(dir);
    std::sort(entries.begin(), entries.end());
    QJsonArray sorted;
    for (std::size_t i = 0; i < entries.size() && i < std::size_t(MemorySnapshot::kMaxListedFiles); ++i)
        sorted.append(
            QJsonObject{{QStringLiteral("fd"), entries[i].first}, {QStringLiteral("target"), entries[i].second}});
    result.insert(QStringLiteral("count"), count);
    result.insert(QStringLiteral("files"), files);
    result.insert(QStringLiteral("sockets"), sockets);
    result.insert(QStringLiteral("pipes"), pipes);
    result.insert(QStringLiteral("other"), other);
    result.insert(QStringLiteral("entries"), sorted);
    result.insert(QStringLiteral("entries_truncated"), count > MemorySnapshot::kMaxListedFiles);
    return result;
}

QJsonObject cacheJson(const CacheStats &s)
{
    return {{QStringLiteral("name"), s.name},
            {QStringLiteral("size"), s.size},
            {QStringLiteral("capacity"), s.capacity},
            {QStringLiteral("hits"), s.hits},
            {QStringLiteral("misses"), s.misses},
            {QStringLiteral("evictions"), s.evictions},
            {QStringLiteral("expirations"), s.expirations},
            {QStringLiteral("replacements"), s.replacements},
            {QStringLiteral("hit_rate"), round2(s.hitRate())},
            {QStringLiteral("estimated_bytes"), s.estimatedBytes},
            {QStringLiteral("evictable"), s.evictable}};
}

qint64 intOf(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    return v.isDouble() ? qint64(v.toDouble()) : -1;
}

} // namespace

MemorySnapshot::MemorySnapshot(const Clock &clock)
    : m_clock(clock)
    , m_folder(defaultFolder())
{}

QString MemorySnapshot::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/snapshots");
}

QString MemorySnapshot::fileNameFor(qint64 timeMs)
{
    return QStringLiteral("memory_snapshot_") +
           QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).toString(QStringLiteral("yyyyMMdd_HHmmss_zzz")) +
           QStringLiteral(".json");
}

QJsonObject MemorySnapshot::capture(qint64 pid, QString *errorMessage) const
{
    ProcSampler::Options options;
    options.detailIntervalMs = 0;
    ProcSampler sampler(options);
    if (!sampler.attach(pid)) {
        if (errorMessage)
            *errorMessage = sampler.errorString();
        return {};
    }
    ResourceSample sample;
    const qint64 now = m_clock.nowMs();
    if (!sampler.sample(sample, now)) {
        if (errorMessage)
            *errorMessage = sampler.errorString();
        return {};
    }
    const ProcessSample &p = sample.process;
    const SystemSample &s = sample.system;
    const bool self = sampler.isSelf();

    QJsonObject doc;
    doc.insert(QStringLiteral("schema"), QStringLiteral("breakout-workstation.memory-snapshot"));
    doc.insert(QStringLiteral("schema_version"), kSchemaVersion);
    doc.insert(QStringLiteral("timestamp"), QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODateWithMs));
    doc.insert(QStringLiteral("timestamp_ms"), now);
    doc.insert(QStringLiteral("host"), QJsonObject{{QStringLiteral("hostname"), QSysInfo::machineHostName()},
                                                   {QStringLiteral("kernel"), QSysInfo::kernelVersion()},
                                                   {QStringLiteral("os"), QSysInfo::prettyProductName()},
                                                   {QStringLiteral("cpu_count"), s.cpuCount},
                                                   {QStringLiteral("page_size"), qint64(::sysconf(_SC_PAGESIZE))}});
    doc.insert(QStringLiteral("application"),
               QJsonObject{{QStringLiteral("name"), QCoreApplication::applicationName()},
                           {QStringLiteral("version"), QCoreApplication::applicationVersion()},
                           {QStringLiteral("snapshot_of_self"), self}});
    doc.insert(QStringLiteral("system"), QJsonObject{{QStringLiteral("total_bytes"), s.memTotalBytes},
                                                     {QStringLiteral("available_bytes"), s.memAvailableBytes},
                                                     {QStringLiteral("used_bytes"), s.memUsedBytes},
                                                     {QStringLiteral("percent_used"), round2(s.memPercent)},
                                                     {QStringLiteral("swap_total_bytes"), s.swapTotalBytes},
                                                     {QStringLiteral("swap_used_bytes"), s.swapUsedBytes},
                                                     {QStringLiteral("load_1"), s.load1},
                                                     {QStringLiteral("load_5"), s.load5},
                                                     {QStringLiteral("load_15"), s.load15}});
    doc.insert(QStringLiteral("process"), QJsonObject{{QStringLiteral("pid"), p.pid},
                                                      {QStringLiteral("name"), p.name},
                                                      {QStringLiteral("start_time_ticks"), p.startTimeTicks},
                                                      {QStringLiteral("rss_bytes"), p.rssBytes},
                                                      {QStringLiteral("vms_bytes"), p.vmsBytes},
                                                      {QStringLiteral("pss_bytes"), orNull(p.pssBytes)},
                                                      {QStringLiteral("swap_bytes"), orNull(p.swapBytes)},
                                                      {QStringLiteral("shared_bytes"), p.sharedBytes},
                                                      {QStringLiteral("peak_rss_bytes"), orNull(p.peakRssBytes)},
                                                      {QStringLiteral("percent_of_system"), round2(p.memoryPercent)},
                                                      {QStringLiteral("cpu_time_ms"), p.cpuTimeMs},
                                                      {QStringLiteral("minor_faults"), p.minorFaults},
                                                      {QStringLiteral("major_faults"), p.majorFaults},
                                                      {QStringLiteral("thread_count"), p.threads},
                                                      {QStringLiteral("open_file_count"), orNull(p.openFiles)}});

    if (self && sample.allocator.available) {
        const AllocatorStats &a = sample.allocator;
        doc.insert(QStringLiteral("allocator"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("glibc")},
                                                            {QStringLiteral("arena_bytes"), a.arenaBytes},
                                                            {QStringLiteral("mmapped_bytes"), a.mmappedBytes},
                                                            {QStringLiteral("in_use_bytes"), a.inUseBytes},
                                                            {QStringLiteral("free_bytes"), a.freeBytes},
                                                            {QStringLiteral("releasable_bytes"), a.releasableBytes}});
    } else {
        doc.insert(QStringLiteral("allocator"), QJsonValue::Null);
    }

    if (self) {
        QJsonArray caches;
        qint64 cacheBytes = 0;
        const QList<CacheStats> stats = CacheRegistry::instance().stats();
        for (const CacheStats &c : stats) {
            caches.append(cacheJson(c));
            cacheBytes += c.estimatedBytes;
        }
        doc.insert(QStringLiteral("caches"), caches);
        doc.insert(QStringLiteral("caches_total_bytes"), cacheBytes);

        QJsonArray subsystems;
        QJsonValue marketStoreBytes = QJsonValue::Null;
        const QList<SnapshotSection> sections = SnapshotRegistry::instance().collect();
        for (const SnapshotSection &section : sections) {
            subsystems.append(QJsonObject{{QStringLiteral("name"), section.name},
                                          {QStringLiteral("estimated_bytes"), orNull(section.bytes)},
                                          {QStringLiteral("counters"), section.counters}});
            if (section.name == QLatin1String("market_store") && section.bytes >= 0)
                marketStoreBytes = section.bytes;
        }
        doc.insert(QStringLiteral("subsystems"), subsystems);
        doc.insert(QStringLiteral("market_store_bytes"), marketStoreBytes);
    } else {
        // Another process's caches and subsystems live in its own memory; /proc cannot show them.
        doc.insert(QStringLiteral("caches"), QJsonValue::Null);
        doc.insert(QStringLiteral("caches_total_bytes"), QJsonValue::Null);
        doc.insert(QStringLiteral("subsystems"), QJsonValue::Null);
        doc.insert(QStringLiteral("market_store_bytes"), QJsonValue::Null);
    }

    QJsonArray threads;
    const QList<ThreadInfo> threadList = sampler.threads();
    for (const ThreadInfo &t : threadList)
        threads.append(QJsonObject{{QStringLiteral("tid"), t.tid}, {QStringLiteral("name"), t.name}});
    doc.insert(QStringLiteral("threads"), threads);
    doc.insert(QStringLiteral("open_files"), openFiles(p.pid));
    doc.insert(QStringLiteral("diff"), QJsonValue::Null);
    return doc;
}

QJsonObject MemorySnapshot::previousFor(const QJsonObject &process, const QString &folder) const
{
    const QString key =
        processKey(intOf(process, QStringLiteral("pid")), intOf(process, QStringLiteral("start_time_ticks")));
    if (const auto it = m_previous.constFind(key); it != m_previous.constEnd()) {
        QJsonObject previous = *it;
        previous.insert(QStringLiteral("__path"), m_previousPath.value(key));
        return previous;
    }
    // Not taken by this object (e.g. the previous `snapshot` command run): the newest file in the folder
    // that describes the same process. Names sort by time; look at the last few only.
    QDir dir(folder);
    const QStringList names = dir.entryList({QStringLiteral("memory_snapshot_*.json")}, QDir::Files, QDir::Name);
    int looked = 0;
    for (auto it = names.crbegin(); it != names.crend() && looked < 32; ++it, ++looked) {
        QFile file(dir.filePath(*it));
        if (file.size() > 16 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject p = doc.value(QStringLiteral("process")).toObject();
        if (processKey(intOf(p, QStringLiteral("pid")), intOf(p, QStringLiteral("start_time_ticks"))) == key) {
            QJsonObject previous = doc;
            previous.insert(QStringLiteral("__path"), file.fileName());
            return previous;
        }
    }
    return {};
}

QJsonObject MemorySnapshot::diff(const QJsonObject &current, const QJsonObject &previous, const QString &previousPath)
{
    QJsonObject d;
    d.insert(QStringLiteral("previous_file"), previousPath);
    d.insert(QStringLiteral("previous_timestamp"), previous.value(QStringLiteral("timestamp")));
    d.insert(QStringLiteral("elapsed_ms"),
             intOf(current, QStringLiteral("timestamp_ms")) - intOf(previous, QStringLiteral("timestamp_ms")));

    const auto delta = [](const QJsonObject &a, const QJsonObject &b, const QString &key) -> QJsonValue {
        const QJsonValue va = a.value(key);
        const QJsonValue vb = b.value(key);
        if (!va.isDouble() || !vb.isDouble())
            return QJsonValue::Null;
        return qint64(va.toDouble()) - qint64(vb.toDouble());
    };
    const QJsonObject pc = current.value(QStringLiteral("process")).toObject();
    const QJsonObject pp = previous.value(QStringLiteral("process")).toObject();
    QJsonObject process;
    for (const char *key : {"rss_bytes", "vms_bytes", "pss_bytes", "swap_bytes", "thread_count", "open_file_count",
                            "minor_faults", "major_faults", "cpu_time_ms"})
        process.insert(QLatin1String(key), delta(pc, pp, QLatin1String(key)));
    d.insert(QStringLiteral("process"), process);

    const QJsonObject ac = current.value(QStringLiteral("allocator")).toObject();
    const QJsonObject ap = previous.value(QStringLiteral("allocator")).toObject();
    QJsonObject allocator;
    for (const char *key : {"in_use_bytes", "free_bytes", "arena_bytes", "mmapped_bytes"})
        allocator.insert(QLatin1String(key), delta(ac, ap, QLatin1String(key)));
    d.insert(QStringLiteral("allocator"), allocator);

    d.insert(QStringLiteral("caches_total_bytes"), delta(current, previous, QStringLiteral("caches_total_bytes")));
    d.insert(QStringLiteral("market_store_bytes"), delta(current, previous, QStringLiteral("market_store_bytes")));

    // Per cache and per subsystem, by name; a name present on one side only is "added" or "removed".
    const auto byName = [](const QJsonValue &list) {
        QHash<QString, QJsonObject> map;
        const QJsonArray array = list.toArray();
        for (const QJsonValue &v : array)
            map.insert(v[QStringLiteral("name")].toString(), v.toObject());
        return map;
    };
    const auto compareLists = [&](const QString &listKey, const QStringList &fields) {
        const auto now = byName(current.value(listKey));
        const auto before = byName(previous.value(listKey));
        QJsonObject out;
        for (auto it = now.cbegin(); it != now.cend(); ++it) {
            QJsonObject entry;
            if (!before.contains(it.key())) {
                entry.insert(QStringLiteral("status"), QStringLiteral("added"));
                for (const QString &f : fields)
                    entry.insert(f, it->value(f));
            } else {
                entry.insert(QStringLiteral("status"), QStringLiteral("changed"));
                for (const QString &f : fields)
                    entry.insert(f, delta(*it, before.value(it.key()), f));
            }
            out.insert(it.key(), entry);
        }
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (!now.contains(it.key()))
                out.insert(it.key(), QJsonObject{{QStringLiteral("status"), QStringLiteral("removed")}});
        }
        return out;
    };
    d.insert(QStringLiteral("caches"),
             compareLists(QStringLiteral("caches"),
                          {QStringLiteral("size"), QStringLiteral("estimated_bytes"), QStringLiteral("hits"),
                           QStringLiteral("misses"), QStringLiteral("evictions"), QStringLiteral("replacements")}));
    d.insert(QStringLiteral("subsystems"),
             compareLists(QStringLiteral("subsystems"), {QStringLiteral("estimated_bytes")}));
    return d;
}

MemorySnapshot::Result MemorySnapshot::write(qint64 pid, const QString &filePath)
{
    Result result;
    QString error;
    QJsonObject doc = capture(pid, &error);
    if (doc.isEmpty()) {
        result.error = error;
        result.badInput = true;
        return result;
    }
    const qint64 now = intOf(doc, QStringLiteral("timestamp_ms"));
    QString path = filePath;
    if (path.isEmpty()) {
        if (m_folder.isEmpty() || !QDir().mkpath(m_folder)) {
            result.error = tr("cannot create the snapshot folder %1").arg(QDir::toNativeSeparators(m_folder));
            result.badInput = true;
            return result;
        }
        // Unique by time; two snapshots within one millisecond get a suffix.
        const QString base = fileNameFor(now);
        path = QDir(m_folder).filePath(base);
        for (int i = 1; QFileInfo::exists(path); ++i)
            path = QDir(m_folder).filePath(base.chopped(5) + u'_' + QString::number(i) + QStringLiteral(".json"));
    } else {
        const QFileInfo info(path);
        if (info.isDir()) {
            result.error = tr("cannot write the snapshot to %1: it is a folder").arg(QDir::toNativeSeparators(path));
            result.badInput = true;
            return result;
        }
        if (!info.absoluteDir().exists()) {
            result.error = tr("cannot write the snapshot to %1: the folder %2 does not exist")
                               .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(info.absolutePath()));
            result.badInput = true;
            return result;
        }
        path = info.absoluteFilePath();
    }

    const QJsonObject process = doc.value(QStringLiteral("process")).toObject();
    QJsonObject previous = previousFor(process, QFileInfo(path).absolutePath());
    if (!previous.isEmpty()) {
        const QString previousPath = previous.take(QStringLiteral("__path")).toString();
        doc.insert(QStringLiteral("diff"), diff(doc, previous, previousPath));
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error =
            tr("cannot write the snapshot to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        result.badInput = true;
        return result;
    }
    file.write(QJsonDocument(doc).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        result.error =
            tr("cannot write the snapshot to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return result;
    }

    const QString key =
        processKey(intOf(process, QStringLiteral("pid")), intOf(process, QStringLiteral("start_time_ticks")));
    if (!m_previous.contains(key) && m_previous.size() >= kMaxRemembered) {
        m_previous.clear();
        m_previousPath.clear();
    }
    QJsonObject remembered = doc;
    remembered.remove(QStringLiteral("diff")); // a diff of a diff is never needed; keep memory flat
    m_previous.insert(key, remembered);
    m_previousPath.insert(key, path);
    qCInfo(lcMonitor).noquote() << "memory snapshot of process" << process.value(QStringLiteral("pid")).toInteger()
                                << "written to" << path;
    result.ok = true;
    result.path = path;
    result.document = doc;
    return result;
}

} // namespace bw
