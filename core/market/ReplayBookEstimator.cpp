#include "market/ReplayBookEstimator.h"

#include <algorithm>

namespace bw {

BookSummary ReplayBookEstimator::estimate(const Candle &bar, double tickSize, const ReplayBookModel &model,
                                          qint64 updatedMs)
{
    BookSummary book;
    book.estimated = true;
    book.updatedMs = updatedMs;
    if (!(bar.close > 0))
        return book;
    const double tickBps = tickSize > 0 ? tickSize / bar.close * 10'000.0 : 0.0;
    const double spreadBps = std::max({model.spreadBps, tickBps, 0.0});
    const double half = bar.close * spreadBps / 20'000.0;
    book.bestBid = bar.close - half;
    book.bestAsk = bar.close + half;
    book.spreadBps = spreadBps;
    const double depth05 = std::max(0.0, model.depthFraction05 * bar.quoteVolume);
    book.bidDepth05 = book.askDepth05 = depth05;
    book.bidDepth03 = book.askDepth03 = depth05 * (0.3 / 0.5);
    book.imbalance = 0.0;
    return book;
}

} // namespace bw
