#include "monitor/MonitorLog.h"

Q_LOGGING_CATEGORY(lcMonitor, "bw.monitor", QtInfoMsg)
