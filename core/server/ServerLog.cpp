#include "server/ServerLog.h"

Q_LOGGING_CATEGORY(lcServer, "bw.server", QtInfoMsg)
