#pragma once

#include "scanner/ScanReport.h"

#include <QJsonObject>

namespace bw {

// JSON form of a ScanReport (the `scan --json` output; usable by the WebSocket server). Field names are
// snake_case; absent optional values are null; NaN becomes null.
class ScanReportJson final
{
public:
    static QJsonObject toJson(const ScanReport &report, bool includeRejections = true);
    static QJsonObject candidateToJson(const Candidate &candidate);
    static QJsonObject filterToJson(const FilterResult &filter);
    static QJsonObject levelToJson(const Level &level);
};

} // namespace bw
