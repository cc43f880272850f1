#pragma once

#include "market/MarketFeed.h"
#include "market/ReplayFeed.h"
#include "market/SimulatedFeedConfig.h"
#include "market/bybit/BybitFeedConfig.h"

#include <QString>

#include <memory>

namespace bw {

// What the command line (--source simulated|replay|bybit, --symbols all|top:N) and the settings choose.
struct FeedOptions {
    enum class Source { Simulated, Replay, Bybit };
    Source source = Source::Simulated; // the embedded market is the default: it needs no network
    SimulatedFeedConfig simulated;
    ReplayConfig replay;
    BybitFeedConfig bybit;

    // "simulated", "replay" or "bybit"; false (and error naming the text) otherwise.
    static bool parseSource(const QString &text, Source &out, QString *error = nullptr);
};

// Builds the chosen feed. nullptr with *error set when the options are unusable (the message names the bad
// setting). The caller owns the feed (hand it to a MarketService).
std::unique_ptr<MarketFeed> createFeed(const FeedOptions &options, QString *error = nullptr);

} // namespace bw
