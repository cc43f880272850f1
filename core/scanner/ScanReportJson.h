#pragma once

#include "scanner/ScanReport.h"

#include <QJsonObject>

#include <optional>

namespace bw {

// JSON form of a ScanReport (the `scan --json` output and the WebSocket `scan` topic). Field names are
// snake_case; absent optional values are null; NaN becomes null. fromJson is the inverse (a remote viewer
// rebuilds the report from it): toJson(fromJson(toJson(r))) == toJson(r).
class ScanReportJson final
{
public:
    // How much of the rejections a JSON report carries. Full: every rejection with its filters (`scan --json`).
    // Summary: no filter lists and at most kSummaryRejections, the symbols that got furthest first (the
    // WebSocket `scan` topic, which must fit a client's outbound queue); rejections_omitted counts the rest.
    // Levels (up to the preset's max_levels each) go with the first kSummaryRejectionsWithLevels only.
    enum class Rejections { None, Summary, Full };
    static constexpr int kSummaryRejections = 400;
    static constexpr int kSummaryRejectionsWithLevels = 100; // the best ranked beyond max_candidates

    static QJsonObject toJson(const ScanReport &report, bool includeRejections = true);
    static QJsonObject toJson(const ScanReport &report, Rejections rejections);
    static QJsonObject rejectionToJson(const Rejection &rejection, bool withFilters = true);
    static QJsonObject candidateToJson(const Candidate &candidate);
    static QJsonObject filterToJson(const FilterResult &filter);
    static QJsonObject levelToJson(const Level &level);

    // Null with `error` naming the field when a required field is missing or has a value this version
    // does not know (an unknown stage or level type). Unknown extra fields are ignored.
    static std::optional<ScanReport> fromJson(const QJsonObject &json, QString *error = nullptr);
    static std::optional<Candidate> candidateFromJson(const QJsonObject &json, QString *error = nullptr);
    // Fields a sender older than the measured values did not write are left "not measured".
    static std::optional<Rejection> rejectionFromJson(const QJsonObject &json, QString *error = nullptr);
    static std::optional<FilterResult> filterFromJson(const QJsonObject &json, QString *error = nullptr);
    static std::optional<Level> levelFromJson(const QJsonObject &json, QString *error = nullptr);
};

} // namespace bw
