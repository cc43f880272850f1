#include "signals/SignalsLog.h"

Q_LOGGING_CATEGORY(lcSignals, "bw.signals", QtInfoMsg)
