#include "scanner/ScannerLog.h"

Q_LOGGING_CATEGORY(lcScanner, "bw.scanner", QtInfoMsg)
