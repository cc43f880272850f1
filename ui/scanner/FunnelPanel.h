#pragma once

#include "scanner/ScanReport.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace bw::ui {

class FunnelModel;

// How the last scan narrowed the market down: a row per stage (symbols in, out, the share left as a bar,
// CPU time) and a line with the scan's wall time, batches, threads and memory-pressure level.
class FunnelPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit FunnelPanel(QWidget *parent = nullptr);

    void setReport(const bw::ScanReportPtr &report);
    void clear();

    FunnelModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString summaryText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateSummary();

    FunnelModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    ScanReportPtr m_report;
};

} // namespace bw::ui
