#include "market/FeedFactory.h"

#include "market/SimulatedFeed.h"
#include "market/bybit/BybitFeed.h"

#include <QCoreApplication>

namespace bw {

bool FeedOptions::parseSource(const QString &text, Source &out, QString *error)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("simulated")) {
        out = Source::Simulated;
        return true;
    }
    if (t == QLatin1String("replay")) {
        out = Source::Replay;
        return true;
    }
    if (t == QLatin1String("bybit")) {
        out = Source::Bybit;
        return true;
    }
    if (error)
        *error = QCoreApplication::translate("bw::FeedFactory",
                                             "unknown market source \"%1\": use simulated, replay or bybit")
                     .arg(text);
    return false;
}

std::unique_ptr<MarketFeed> createFeed(const FeedOptions &options, QString *error)
{
    QString problem;
    switch (options.source) {
    case FeedOptions::Source::Simulated:
        problem = options.simulated.validate();
        if (problem.isEmpty())
            return std::make_unique<SimulatedFeed>(options.simulated);
        break;
    case FeedOptions::Source::Replay:
        if (options.replay.path.isEmpty())
            problem = QCoreApplication::translate("bw::FeedFactory", "the replay source needs a path");
        else
            return std::make_unique<ReplayFeed>(options.replay);
        break;
    case FeedOptions::Source::Bybit:
        problem = options.bybit.validate();
        if (problem.isEmpty())
            return std::make_unique<BybitFeed>(options.bybit);
        break;
    }
    if (error)
        *error = problem;
    return nullptr;
}

} // namespace bw
