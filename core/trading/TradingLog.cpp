#include "trading/TradingLog.h"

Q_LOGGING_CATEGORY(lcTrading, "bw.trading", QtInfoMsg)
