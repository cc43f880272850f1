#pragma once

#include "monitor/MemorySnapshot.h"

#include <QObject>
#include <QString>

#include <functional>

namespace bw {

// The `snapshot.export` command, one implementation for the operator command over the WebSocket protocol
// (RemoteBridge) and the desktop's button (LocalSession): one memory snapshot (docs/snapshot.md) written
// atomically into MemorySnapshot::defaultFolder() on the engine thread, the outcome logged naming who asked.
class SnapshotExport final
{
public:
    using Done = std::function<void(const MemorySnapshot::Result &result)>;

    // Writes on `engineObject`'s thread (any object living there, e.g. the Engine) and calls `done` on
    // `context`'s thread with the result; `done` is not called when `context` is gone by then.
    // `requestedBy` names the requester in the log ("remote operator #3 (request 7)", "the desktop").
    static void run(QObject *engineObject, QObject *context, const QString &requestedBy, Done done);

    // The write itself, on the calling thread (what run() does on the engine thread).
    static MemorySnapshot::Result write(const QString &requestedBy);
};

} // namespace bw
