#include "app/SnapshotExport.h"

#include "app/AppLog.h"

#include <memory>

namespace bw {

MemorySnapshot::Result SnapshotExport::write(const QString &requestedBy)
{
    const MemorySnapshot::Result result = MemorySnapshot().write();
    if (result.ok)
        qCInfo(lcApp).noquote() << "memory snapshot written to" << result.path << "for" << requestedBy;
    else
        qCWarning(lcApp).noquote() << "memory snapshot for" << requestedBy << "failed:" << result.error;
    return result;
}

void SnapshotExport::run(QObject *engineObject, QObject *context, const QString &requestedBy, Done done)
{
    Q_ASSERT(engineObject && context);
    // The answer travels as the relay's destroyed() signal, connected here on the context's thread: Qt drops
    // the queued call by itself when the context is deleted meanwhile (a raw pointer to it, used from the
    // engine thread, could dangle).
    auto result = std::make_shared<MemorySnapshot::Result>();
    auto *relay = new QObject;
    QObject::connect(
        relay, &QObject::destroyed, context,
        [result, done = std::move(done)] {
            if (done)
                done(*result);
        },
        Qt::QueuedConnection);
    relay->moveToThread(engineObject->thread());
    QMetaObject::invokeMethod(
        relay,
        [relay, result, requestedBy] {
            *result = write(requestedBy);
            delete relay;
        },
        Qt::QueuedConnection);
}

} // namespace bw
