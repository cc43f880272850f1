#pragma once

#include "market/Candle.h"
#include "scanner/ScanReport.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAbstractItemModel;
class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;

namespace bw {
class WorkstationSession;
}

namespace bw::ui {

class CandidateScopeProxy;
class CandidateTableModel;
class FunnelPanel;
class SortFilterProxyModel;
class SymbolDetailPanel;

// The Scanner page: every symbol of the last scan (ranked candidates first, rejected symbols with their
// reason), a filter row, the selected symbol's chart, score and filters, and the scan's funnel. Fed by a
// WorkstationSession (setSession) or directly (showReport / showCandles). The selection survives new
// reports; splitter positions, column widths and the candidates/all choice are remembered.
class ScannerView final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kCandleCount = 200; // bars asked for the chart

    // A session's reports are shown at most this often (ms), and while the page is hidden, kHiddenRefreshMs.
    static constexpr int kRefreshMs = 250;
    static constexpr int kHiddenRefreshMs = 2000;
    static constexpr int kChartRefreshMs = 1000; // the selected symbol's candles, on new reports

    explicit ScannerView(QWidget *parent = nullptr);
    ~ScannerView() override;

    // Connects scanFinished, candlesReady and sourceChanged, and asks for candles of the selected symbol.
    // Null disconnects.
    void setSession(bw::WorkstationSession *session);

    QString selectedSymbol() const { return m_selectedSymbol; }
    void selectSymbol(const QString &symbol);
    void setCandidatesOnly(bool candidatesOnly);
    bool candidatesOnly() const;
    void setSymbolFilter(const QString &text);

    CandidateTableModel *model() const { return m_model; }
    QAbstractItemModel *viewModel() const; // what the table shows (scoped, filtered, sorted)
    QTableView *table() const { return m_table; }
    SymbolDetailPanel *detail() const { return m_detail; }
    FunnelPanel *funnel() const { return m_funnel; }
    QString summaryText() const;

public slots:
    void showReport(bw::ScanReportPtr report);

    void showCandles(const QString &symbol, const QList<bw::Candle> &candles);
    // Drops everything shown (a new data source).
    void clear();

signals:
    // The selected symbol changed (empty: none).
    void symbolSelected(const QString &symbol);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildFilterRow();
    void onCurrentChanged(const QModelIndex &current);
    void refreshDetail();
    void requestCandles();
    void updateSummary();
    void restoreLayout();
    void saveLayout() const;

    CandidateTableModel *m_model = nullptr;
    CandidateScopeProxy *m_scope = nullptr;
    SortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    SymbolDetailPanel *m_detail = nullptr;
    FunnelPanel *m_funnel = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QPushButton *m_candidatesButton = nullptr;
    QPushButton *m_allButton = nullptr;
    QLabel *m_summary = nullptr;
    QSplitter *m_splitter = nullptr;       // table above, the rest below
    QSplitter *m_bottomSplitter = nullptr; // selected symbol | funnel
    QPointer<WorkstationSession> m_session;
    QString m_selectedSymbol;
    bool m_updating = false; // the model is merging a report
    // A fast market scans many times a second, and each report re-ranks every symbol and redraws the chart:
    // the newest report waits in m_pending until the refresh interval has passed; older ones are skipped.
    void queueReport(bw::ScanReportPtr report);
    void applyPending();
    bw::ScanReportPtr m_pending;
    QTimer m_refreshTimer;
    QElapsedTimer m_sinceApplied;
    QElapsedTimer m_sinceCandles;
};

} // namespace bw::ui
