#pragma once

#include "common/SymbolKeyedTableModel.h"
#include "scanner/ScanReport.h"

#include <QList>

Q_DECLARE_METATYPE(bw::Candidate)
Q_DECLARE_METATYPE(bw::Rejection)

namespace bw::ui {

// What a row of CandidateTableModel shows, derived once per report. NaN marks a value the scan did not measure (a
// symbol rejected early has no ATR).
struct CandidateRow {
    QString symbol;
    int candidate = -1; // index into the report's candidates, or -1
    int rejection = -1; // index into the report's rejections, or -1
    int rank = 0;
    double score = 0;
    double price = 0;
    double volume = 0;
    double surge1h = 0;
    double surge5m = 0;
    double atrPercent = 0;
    double bandWidth = 0;
    double correlation = 0;
    double support = 0; // nearest level prices
    double resistance = 0;
    ScanStage stage = ScanStage::Scoring;
    QString reason;
};

// Every symbol the latest scan saw, one row each: the ranked candidates and the rejected symbols with the
// stage and reason that removed them. A new report is merged by symbol (rows that stay are updated in
// place with one dataChanged over the changed range, new symbols are appended, vanished ones removed), so
// views keep their selection and scroll position from scan to scan. Holds one report: its size bounds the
// model.
class CandidateTableModel final : public SymbolKeyedTableModel<CandidateRow>
{
    Q_OBJECT

public:
    enum Column {
        Symbol,
        Rank,
        Score,
        Price,
        Volume24h,
        Surges, // 1 h / 5 m; sorts on the 1 h surge
        AtrPercent,
        BandWidthPercentile,
        BtcCorrelation,
        Levels, // nearest support / resistance as % from the price; sorts on the distance to the nearer one
        Status, // "Passed", or the stage and reason that rejected the symbol
        Count
    };
    // SortRole (Qt::UserRole, from the base): raw values for sorting; never sort the display strings.
    static constexpr int CandidateRole = Qt::UserRole + 1; // bw::Candidate; invalid for a rejected symbol
    static constexpr int RejectionRole = Qt::UserRole + 2; // bw::Rejection; invalid for a candidate
    static constexpr int PassedRole = Qt::UserRole + 3;    // bool
    static constexpr int SymbolRole = Qt::UserRole + 4;    // QString, any column

    explicit CandidateTableModel(QObject *parent = nullptr);

    void setReport(bw::ScanReportPtr report);
    void clear();
    ScanReportPtr report() const { return m_report; }

    // Null when the row is not a candidate (or not a rejection); valid until the next report.
    const Candidate *candidateAt(int row) const;
    const Rejection *rejectionAt(int row) const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    using Row = CandidateRow;

    QString keyOf(const Row &row) const override { return row.symbol; }
    bool sameValues(const Row &a, const Row &b) const override;
    static Row candidateRow(const Candidate &c, int index);
    static Row rejectionRow(const Rejection &r, int index);
    QVariant displayValue(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    QVariant toolTip(const Row &row, int column) const;
    static double levelDistancePercent(const Row &row); // to the nearer level, NaN without levels

    ScanReportPtr m_report;
};

} // namespace bw::ui
