#pragma once

#include "app/WorkstationSession.h"
#include "engine/EngineTypes.h"
#include "market/MarketTypes.h"
#include "trading/Signal.h"
#include "trading/TradingConfirmation.h"
#include "trading/TradingUpdate.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <array>
#include <functional>

class QAbstractItemModel;
class QAction;
class QLabel;

class QToolButton;
class QSplitter;
class QTabWidget;
class QTableView;

namespace bw::ui {

class ClosedPositionTableModel;
class EquityCurve;
class FillTableModel;
class OrderTableModel;
class PositionTableModel;
class SignalTableModel;
class SortFilterProxyModel;

// The trading page: a strip of account figures, the open positions with live PnL, tabs for the signals
// (with their fate), orders, fills and closed trades, and the equity curve. It only shows what it is given:
// setSession() connects a WorkstationSession (local engine or remote server); the public slots feed it
// without one. Tables update in place (dataChanged and row inserts, never a reset); column widths and the
// splitters are remembered (QSettings group "tradingView").
//
// The operator's hands on the trading: "Close position" (button, context menu, Ctrl+Del on the selected
// row), "Flatten all", and the kill switch tile's "Halt trading" / "Reset kill switch". Each asks first in a
// window-modal TradingConfirmation (objectName "tradingConfirmation") naming what will happen, then sends the
// session's command; the tables change only when the engine's result arrives. Disabled without a session
// that can control (a viewer's read-only token) or with nothing to act on.
class TradingView final : public QWidget
{
    Q_OBJECT

public:
    explicit TradingView(QWidget *parent = nullptr);
    ~TradingView() override;

    // Follows `session`'s signals, trading updates, account, engine status and market marks; a source change
    // clears the page. Null detaches. The session must outlive the view or be replaced first.
    void setSession(bw::WorkstationSession *session);
    bw::WorkstationSession *session() const { return m_session; }

    SignalTableModel *signalModel() const { return m_signals; }
    PositionTableModel *positionModel() const { return m_positions; }
    ClosedPositionTableModel *closedModel() const { return m_closed; }
    OrderTableModel *orderModel() const { return m_orders; }
    FillTableModel *fillModel() const { return m_fills; }
    EquityCurve *equityCurve() const { return m_equity; }

    // Net realised PnL (price PnL minus fees) of the fills in the current UTC day of market time.
    double realisedToday() const { return m_realisedToday; }

    QAction *closePositionAction() const { return m_closeAction; }
    QAction *flattenAllAction() const { return m_flattenAction; }
    // "Halt trading" while the kill switch is armed, "Reset kill switch" once tripped or halted.
    QAction *killSwitchAction() const { return m_killSwitchAction; }
    // The confirmation being shown (null when none).
    TradingConfirmation *pendingConfirmation() const { return m_confirmation; }

public slots:
    void showSignals(const QList<bw::Signal> &signalList);
    void showDecision(const bw::Signal &signal, bool entered, const QString &code, const QString &reason);
    void showTradingUpdate(const bw::TradingUpdate &update);
    void showAccount(const bw::AccountSnapshot &account);
    void showStatus(const bw::EngineStatus &status);
    // Fresher marks for the open positions between trading steps.
    void showOverview(const bw::MarketOverview &overview);
    // Drops everything shown (a new data source).
    void clear();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum Figure { Equity, Cash, Unrealised, OpenPositions, RealisedToday, KillSwitch, FigureCount };

    QWidget *buildSummary();
    QTableView *makeTable(const QString &objectName, QAbstractItemModel *model, int sortColumn);
    void fitColumns(QTableView *table, const QStringList &samples);
    void rollDay(qint64 timeMs);
    void setFigure(Figure figure, const QString &text, const QColor &colour = {});
    void updatePositionFigures();
    void updateRealisedFigure();
    void updateTabTitles();
    void updateKillSwitch();
    void updateActions();
    void setControl(bool canControl);
    // The live position of the position table's current row (null: none selected).
    const bw::Position *selectedPosition(double *mark = nullptr) const;
    void confirmClose();
    void confirmFlatten();
    void confirmKillSwitch();
    void showPositionMenu(const QPoint &pos);
    // Asks `question` (with `details`, and the operator's reason when asked for) in a window-modal dialog;
    // `accepted` runs with the reason when the operator confirms.
    void confirm(const QString &title, const QString &question, const QString &details, const QString &acceptText,
                 TradingConfirmation::Reason reason, std::function<void(const QString &reason)> accepted);
    void restoreLayout();
    void saveLayout() const;

    QPointer<bw::WorkstationSession> m_session;

    SignalTableModel *m_signals = nullptr;
    PositionTableModel *m_positions = nullptr;
    ClosedPositionTableModel *m_closed = nullptr;
    OrderTableModel *m_orders = nullptr;
    FillTableModel *m_fills = nullptr;
    EquityCurve *m_equity = nullptr;

    std::array<QLabel *, FigureCount> m_figures{};
    QLabel *m_positionsTitle = nullptr;
    QLabel *m_noPositions = nullptr;
    QTableView *m_positionTable = nullptr;
    QTableView *m_signalTable = nullptr;
    QTableView *m_orderTable = nullptr;
    QTableView *m_fillTable = nullptr;
    QTableView *m_closedTable = nullptr;
    QTabWidget *m_tabs = nullptr;
    QSplitter *m_splitter = nullptr;
    QTimer m_tabTitleTimer;
    QAction *m_closeAction = nullptr;
    QAction *m_flattenAction = nullptr;
    QAction *m_killSwitchAction = nullptr;
    QToolButton *m_killSwitchButton = nullptr;
    QPointer<TradingConfirmation> m_confirmation;
    bool m_canControl = false;

    double m_realisedToday = 0;
    qint64 m_dayStartMs = 0; // UTC midnight of the day m_realisedToday covers (0: none yet)
    bool m_haveStatus = false;
    bool m_killSwitch = false;
    bw::EngineState m_engineState = bw::EngineState::Idle;
    QString m_killReason;
};

} // namespace bw::ui
