#include "engine/EngineLog.h"

Q_LOGGING_CATEGORY(lcEngine, "bw.engine", QtInfoMsg)
