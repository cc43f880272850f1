#include "market/SimulatedFeedConfig.h"

#include <QCoreApplication>

#include <cmath>

namespace bw {

QString SimulatedFeedConfig::validate() const
{
    if (symbols < 1 || symbols > kMaxSymbols)
        return QCoreApplication::translate("SimulatedFeedConfig",
                                           "simulated market: symbols must be between 1 and %1, got %2")
            .arg(kMaxSymbols)
            .arg(symbols);
    if (barIntervalMs < 1000 || barIntervalMs > 86400000)
        return QCoreApplication::translate("SimulatedFeedConfig",
                                           "simulated market: barIntervalMs must be between 1000 and 86400000, got %1")
            .arg(barIntervalMs);
    if (!std::isfinite(speedUp) || speedUp <= 0)
        return QCoreApplication::translate("SimulatedFeedConfig",
                                           "simulated market: speedUp must be a positive number, got %1")
            .arg(speedUp);
    if (backfillBars < 0 || backfillBars > 100000)
        return QCoreApplication::translate("SimulatedFeedConfig",
                                           "simulated market: backfillBars must be between 0 and 100000, got %1")
            .arg(backfillBars);
    if (ticksPerBar < 1 || ticksPerBar > 1000)
        return QCoreApplication::translate("SimulatedFeedConfig",
                                           "simulated market: ticksPerBar must be between 1 and 1000, got %1")
            .arg(ticksPerBar);
    return {};
}

int SimulatedFeedConfig::tickIntervalMs() const
{
    const double ms = static_cast<double>(barIntervalMs) / speedUp / ticksPerBar;
    if (!(ms >= 1.0))
        return 0;
    return ms > 3.6e6 ? 3600000 : static_cast<int>(std::lround(ms));
}

} // namespace bw
