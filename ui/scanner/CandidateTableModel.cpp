#include "scanner/CandidateTableModel.h"

#include "common/CellAlignment.h"
#include "common/NumberFormat.h"
#include "common/Theme.h"
#include "scanner/ScanFormat.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace bw::ui {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

bool same(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

double orMissing(const std::optional<double> &v)
{
    return v ? *v : kMissing;
}

// Missing values sort below every measured one, in both directions the same way a spreadsheet does.
QVariant sortable(double v)
{
    return std::isnan(v) ? -std::numeric_limits<double>::max() : v;
}

// The value a filter measured, when the scan got that far.
double filterValue(const QList<FilterResult> &filters, QLatin1String key)
{
    for (const FilterResult &f : filters) {
        if (f.key == key)
            return f.applicable ? f.value : kMissing;
    }
    return kMissing;
}

// A measured value, or for a report from a server that predates the measured values, what the filter with
// `key` measured.
double measuredOr(double measured, const QList<FilterResult> &filters, QLatin1String key)
{
    return std::isnan(measured) ? filterValue(filters, key) : measured;
}

// The nearest level of each kind to the price.
void nearestLevels(const QList<Level> &levels, double price, double &support, double &resistance)
{
    support = kMissing;
    resistance = kMissing;
    if (std::isnan(price))
        return;
    for (const Level &level : levels) {
        double &slot = level.type == LevelType::Support ? support : resistance;
        if (std::isnan(slot) || std::abs(level.price - price) < std::abs(slot - price))
            slot = level.price;
    }
}

} // namespace

bool CandidateTableModel::sameValues(const Row &a, const Row &b) const
{
    // The candidate and rejection indices point into different reports; only the kind of row shows.
    return a.rank == b.rank && same(a.score, b.score) && same(a.price, b.price) && same(a.volume, b.volume) &&
           same(a.surge1h, b.surge1h) && same(a.surge5m, b.surge5m) && same(a.atrPercent, b.atrPercent) &&
           same(a.bandWidth, b.bandWidth) && same(a.correlation, b.correlation) && same(a.support, b.support) &&
           same(a.resistance, b.resistance) && a.stage == b.stage && a.reason == b.reason &&
           (a.candidate >= 0) == (b.candidate >= 0);
}

CandidateTableModel::Row CandidateTableModel::candidateRow(const Candidate &c, int index)
{
    const SymbolMetrics &m = c.metrics;
    Row row;
    row.symbol = c.symbol;
    row.candidate = index;
    row.rank = c.rank;
    row.score = c.score;
    row.price = m.price;
    row.volume = m.quoteVolume24h;
    row.surge1h = orMissing(m.volumeSurge1h);
    row.surge5m = orMissing(m.volumeSurge5m);
    row.atrPercent = (m.atr15m && m.price > 0) ? *m.atr15m / m.price * 100.0 : kMissing;
    row.bandWidth = orMissing(m.bbWidthPercentile);
    row.correlation = orMissing(m.btcCorrelation);
    nearestLevels(c.levels, m.price, row.support, row.resistance);
    row.stage = ScanStage::Scoring;
    return row;
}

CandidateTableModel::Row CandidateTableModel::rejectionRow(const Rejection &r, int index)
{
    // A rejection carries what the scanner had measured before the stage that removed it: the columns show
    // it so a trader sees how close the symbol came. What was never measured stays empty (NaN), never zero.
    const RejectionMeasures &m = r.measured;
    Row row;
    row.symbol = r.symbol;
    row.rejection = index;
    row.rank = 0;
    row.score = r.scoreBreakdown ? r.scoreBreakdown->total : kMissing;
    row.price = m.price;
    row.volume = measuredOr(m.quoteVolume24h, r.filters, QLatin1String("min_24h_volume"));
    row.surge1h = measuredOr(m.volumeSurge1h, r.filters, QLatin1String("volume_surge_1h"));
    row.surge5m = measuredOr(m.volumeSurge5m, r.filters, QLatin1String("volume_surge_5m"));
    const double atrRatio = filterValue(r.filters, QLatin1String("atr_range"));
    row.atrPercent = std::isnan(m.atrPercent()) ? atrRatio * 100.0 : m.atrPercent();
    row.bandWidth = measuredOr(m.bbWidthPercentile, r.filters, QLatin1String("bb_width_percentile"));
    row.correlation = measuredOr(m.btcCorrelation, r.filters, QLatin1String("correlation"));
    nearestLevels(r.levels, m.price, row.support, row.resistance);
    row.stage = r.stage;
    row.reason = r.reason;
    return row;
}

CandidateTableModel::CandidateTableModel(QObject *parent)
    // One dataChanged from the first changed row to the last, for every role.
    : SymbolKeyedTableModel(ChangeReport::OneSpan, {}, parent)
{}

int CandidateTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Count;
}

const Candidate *CandidateTableModel::candidateAt(int row) const
{
    if (!m_report || row < 0 || row >= rowCount() || rowAt(row).candidate < 0)
        return nullptr;
    return &m_report->candidates.at(rowAt(row).candidate);
}

const Rejection *CandidateTableModel::rejectionAt(int row) const
{
    if (!m_report || row < 0 || row >= rowCount() || rowAt(row).rejection < 0)
        return nullptr;
    return &m_report->rejections.at(rowAt(row).rejection);
}

void CandidateTableModel::clear()
{
    clearRows();
    m_report.reset();
}

void CandidateTableModel::setReport(ScanReportPtr report)
{
    if (!report) {
        clear();
        return;
    }

    // The rows the new report asks for: candidates in rank order, then the rejected symbols.
    QList<Row> next;
    next.reserve(report->candidates.size() + report->rejections.size());
    for (int i = 0; i < report->candidates.size(); ++i)
        next.append(candidateRow(report->candidates.at(i), i));
    for (int i = 0; i < report->rejections.size(); ++i)
        next.append(rejectionRow(report->rejections.at(i), i));
    // The kept rows point into the new report once they take their new values.
    mergeRows(next, [&] { m_report = std::move(report); });
}

double CandidateTableModel::levelDistancePercent(const Row &row)
{
    if (!(row.price > 0))
        return kMissing;
    double nearest = kMissing;
    for (const double level : {row.support, row.resistance}) {
        if (std::isnan(level))
            continue;
        const double distance = std::abs(level - row.price) / row.price * 100.0;
        if (std::isnan(nearest) || distance < nearest)
            nearest = distance;
    }
    return nearest;
}

QVariant CandidateTableModel::displayValue(const Row &row, int column) const
{
    const QLocale locale;
    auto optional = [](double v, const auto &format) { return std::isnan(v) ? QString() : format(v); };
    // Two values in one cell, "a / b"; a missing one shows as a dash, both missing as nothing.
    auto pair = [](double a, double b, const auto &format) -> QString {
        if (std::isnan(a) && std::isnan(b))
            return QString();
        const QString dash = QStringLiteral("–");
        return (std::isnan(a) ? dash : format(a)) + QStringLiteral(" / ") + (std::isnan(b) ? dash : format(b));
    };
    switch (column) {
    case Symbol:
        return row.symbol;
    case Rank:
        return row.candidate >= 0 ? locale.toString(row.rank) : QString();
    case Score:
        return optional(row.score, [&](double v) { return locale.toString(v, 'f', 2); });
    case Price:
        return optional(row.price, [&](double v) { return NumberFormat::price(v, locale); });
    case Volume24h:
        return optional(row.volume, [&](double v) { return NumberFormat::compact(v, locale); });
    case Surges:
        return pair(row.surge1h, row.surge5m, [&](double v) { return ScanFormat::surge(v, locale); });
    case AtrPercent:
        return optional(row.atrPercent, [&](double v) { return ScanFormat::percent(v, 2, locale); });
    case BandWidthPercentile:
        return optional(row.bandWidth, [&](double v) { return locale.toString(v, 'f', 0); });
    case BtcCorrelation:
        return optional(row.correlation, [&](double v) { return locale.toString(v, 'f', 2); });
    case Levels:
        // As distances from the price: how far a breakout or a breakdown is. The prices are in the tooltip
        // and on the chart.
        if (!(row.price > 0))
            return QString();
        return pair(row.support, row.resistance, [&](double v) {
            return NumberFormat::signedPercent((v - row.price) / row.price * 100.0, 2, locale);
        });
    case Status:
        if (row.candidate >= 0)
            return tr("Passed");
        return row.reason.isEmpty() ? ScanFormat::stageTitle(row.stage)
                                    : tr("%1: %2").arg(ScanFormat::stageTitle(row.stage), row.reason);
    default:
        return {};
    }
}

QVariant CandidateTableModel::sortValue(const Row &row, int column) const
{
    switch (column) {
    case Symbol:
        return row.symbol;
    case Rank:
        // Rejected symbols after every candidate, ascending.
        return row.candidate >= 0 ? double(row.rank) : std::numeric_limits<double>::max();
    case Score:
        return sortable(row.score);
    case Price:
        return sortable(row.price);
    case Volume24h:
        return sortable(row.volume);
    case Surges:
        return sortable(row.surge1h);
    case AtrPercent:
        return sortable(row.atrPercent);
    case BandWidthPercentile:
        return sortable(row.bandWidth);
    case BtcCorrelation:
        return sortable(row.correlation);
    case Levels: {
        // Closest to a level first when ascending; symbols without levels last.
        const double distance = levelDistancePercent(row);
        return std::isnan(distance) ? std::numeric_limits<double>::max() : distance;
    }
    case Status:
        // Passed first, then by the stage that rejected the symbol (the funnel's order).
        return row.candidate >= 0 ? -1.0 : double(row.stage);
    default:
        return {};
    }
}

QVariant CandidateTableModel::toolTip(const Row &row, int column) const
{
    const QLocale locale;
    switch (column) {
    case Surges:
        if (std::isnan(row.surge1h) && std::isnan(row.surge5m))
            return {};
        return tr("Volume surge over 1 h: %1; over the last 5 m bar: %2")
            .arg(ScanFormat::surge(row.surge1h, locale), ScanFormat::surge(row.surge5m, locale));
    case Levels: {
        if (!(row.price > 0))
            return {};
        auto describe = [&](double level) {
            return std::isnan(level)
                       ? tr("none")
                       : tr("%1 (%2 from the price)")
                             .arg(NumberFormat::price(level, locale),
                                  NumberFormat::signedPercent((level - row.price) / row.price * 100.0, 2, locale));
        };
        return tr("Nearest support: %1\nNearest resistance: %2").arg(describe(row.support), describe(row.resistance));
    }
    case Status:
        if (row.candidate >= 0)
            return tr("Passed every stage; ranked %1 by score").arg(row.rank);
        return tr("Rejected at %1: %2").arg(scanStageName(row.stage), row.reason);
    default:
        return {};
    }
}

QVariant CandidateTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rowAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, column);
    case SortRole:
        return sortValue(row, column);
    case SymbolRole:
        return row.symbol;
    case PassedRole:
        return row.candidate >= 0;
    case CandidateRole:
        if (const Candidate *c = candidateAt(index.row()))
            return QVariant::fromValue(*c);
        return {};
    case RejectionRole:
        if (const Rejection *r = rejectionAt(index.row()))
            return QVariant::fromValue(*r);
        return {};
    case Qt::TextAlignmentRole:
        return cellAlignment(column != Symbol && column != Status);
    case Qt::ForegroundRole:
        // Candidates in the normal text colour, rejected symbols muted, so the ranked ones stand out.
        if (column == Status)
            return row.candidate >= 0 ? Theme::up() : Theme::neutral();
        if (row.candidate < 0)
            return Theme::neutral();
        if (column == Score && row.score != 0)
            return row.score > 0 ? Theme::up() : Theme::down();
        return {};
    case Qt::ToolTipRole:
        return toolTip(row, column);
    default:
        return {};
    }
}

QVariant CandidateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= Count)
        return {};
    if (role == Qt::TextAlignmentRole)
        return cellAlignment(section != Symbol && section != Status);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Symbol:
            return tr("Symbol");
        case Rank:
            return tr("Rank");
        case Score:
            return tr("Score");
        case Price:
            return tr("Price");
        case Volume24h:
            return tr("24h volume");
        case Surges:
            return tr("Surge 1h / 5m");
        case AtrPercent:
            return tr("ATR %");
        case BandWidthPercentile:
            return tr("BB pctl");
        case BtcCorrelation:
            return tr("BTC corr");
        case Levels:
            return tr("Support / resistance");
        case Status:
            return tr("Passed or why not");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Symbol:
            return tr("Perpetual contract");
        case Rank:
            return tr("Rank by score among the symbols that passed every stage");
        case Score:
            return tr("Weighted sum of the score components (see the breakdown)");
        case Price:
            return tr("Last price when the scan ran");
        case Volume24h:
            return tr("Turnover over the last 24 hours in the quote currency (USDT)");
        case Surges:
            return tr("1 h: median volume of the last 12 closed bars against the 12 before; 5 m: the last closed "
                      "bar's volume against the median of the 20 before. Sorts on the 1 h surge");
        case AtrPercent:
            return tr("ATR(14) on closed 15 m bars as a percentage of the price");
        case BandWidthPercentile:
            return tr("Percentile of the current Bollinger band width over its lookback (low: a squeeze)");
        case BtcCorrelation:
            return tr("Correlation of log returns with BTC");
        case Levels:
            return tr("Distance from the price to the nearest support and resistance levels; sorts on the nearer one");
        case Status:
            return tr("Passed every stage, or the stage and the filters that rejected the symbol");
        default:
            return {};
        }
    }
    return {};
}

} // namespace bw::ui
