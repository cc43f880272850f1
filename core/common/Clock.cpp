#include "common/Clock.h"

#include <QDateTime>

namespace bw {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

const Clock &SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace bw
