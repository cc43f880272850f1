#include "market/MarketLog.h"

Q_LOGGING_CATEGORY(lcMarket, "bw.market", QtInfoMsg)
