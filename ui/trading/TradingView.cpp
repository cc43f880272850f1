#include "trading/TradingView.h"

#include "common/NumberFormat.h"
#include "common/SortFilterProxyModel.h"
#include "common/Theme.h"
#include "trading/ClosedPositionTableModel.h"
#include "trading/EquityCurve.h"
#include "trading/FillTableModel.h"
#include "trading/OrderTableModel.h"
#include "trading/PositionTableModel.h"
#include "trading/SignalTableModel.h"
#include "trading/TradingText.h"

#include <QAction>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace bw::ui {

namespace {

constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

const QString kGroup = QStringLiteral("tradingView");
// Versioned: the note column came in the middle of the orders table, and a header state saved for the
// columns before it would put each width and position on the wrong column.
constexpr const char *kOrdersHeaderKey = "ordersHeaderV2";

// Flat headers that read as part of the table, as on the market and resource pages.
const QString kTableStyle =
    QStringLiteral("QTableView::item { padding: 0px 8px; border: none; }"
                   "QHeaderView::section { padding: 4px 8px; border: none; border-bottom: 1px solid palette(mid);"
                   " background: palette(window); color: palette(placeholder-text); font-weight: 600; }"
                   "QHeaderView::up-arrow, QHeaderView::down-arrow { image: none; width: 0px; height: 0px; }");

qint64 utcDayStart(qint64 ms)
{
    qint64 day = ms / kDayMs;
    if (ms % kDayMs < 0)
        --day;
    return day * kDayMs;
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

} // namespace

TradingView::TradingView(QWidget *parent)
    : QWidget(parent)
    , m_signals(new SignalTableModel(SignalTableModel::kDefaultCapacity, this))
    , m_positions(new PositionTableModel(this))
    , m_closed(new ClosedPositionTableModel(ClosedPositionTableModel::kDefaultCapacity, this))
    , m_orders(new OrderTableModel(OrderTableModel::kDefaultCapacity, this))
    , m_fills(new FillTableModel(FillTableModel::kDefaultCapacity, this))
{
    setObjectName(QStringLiteral("tradingView"));
    // The operator's actions; the page's widgets carry them (buttons, the positions' context menu).
    m_closeAction = new QAction(tr("Close position…"), this);
    m_closeAction->setObjectName(QStringLiteral("closePositionAction"));
    m_closeAction->setToolTip(tr("Close the selected position at market (asks first)"));
    m_closeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    m_closeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_closeAction);
    connect(m_closeAction, &QAction::triggered, this, &TradingView::confirmClose);
    m_flattenAction = new QAction(tr("Flatten all…"), this);
    m_flattenAction->setObjectName(QStringLiteral("flattenAllAction"));
    m_flattenAction->setToolTip(tr("Close every open position at market; entries continue (asks first)"));
    connect(m_flattenAction, &QAction::triggered, this, &TradingView::confirmFlatten);
    m_killSwitchAction = new QAction(tr("Halt trading…"), this);
    m_killSwitchAction->setObjectName(QStringLiteral("killSwitchAction"));
    connect(m_killSwitchAction, &QAction::triggered, this, &TradingView::confirmKillSwitch);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(8);

    // The figures scroll sideways in a narrow window instead of holding the main window wide.
    auto *summary = new QScrollArea(this);
    summary->setFrameShape(QFrame::NoFrame);
    summary->setWidgetResizable(true);
    summary->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    summary->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    summary->setWidget(buildSummary());
    summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    summary->setFixedHeight(summary->widget()->sizeHint().height() +
                            summary->horizontalScrollBar()->sizeHint().height() + 2);
    layout->addWidget(summary);

    // Open positions on top.
    auto *positionsArea = new QWidget(this);
    auto *positionsLayout = new QVBoxLayout(positionsArea);
    positionsLayout->setContentsMargins(0, 0, 0, 0);
    positionsLayout->setSpacing(4);
    auto *titleRow = new QHBoxLayout;
    m_positionsTitle = sectionTitle(tr("Open positions"), positionsArea);
    m_positionsTitle->setObjectName(QStringLiteral("positionsTitle"));
    titleRow->addWidget(m_positionsTitle);
    m_noPositions =
        new QLabel(tr("No open positions. Entries appear here as the engine takes signals."), positionsArea);
    m_noPositions->setObjectName(QStringLiteral("noPositions"));
    m_noPositions->setForegroundRole(QPalette::PlaceholderText);
    titleRow->addSpacing(12);
    titleRow->addWidget(m_noPositions);
    titleRow->addStretch(1);
    for (QAction *action : {m_closeAction, m_flattenAction}) {
        auto *button = new QToolButton(positionsArea);
        button->setObjectName(action->objectName().replace(QLatin1String("Action"), QLatin1String("Button")));
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        titleRow->addWidget(button);
    }
    positionsLayout->addLayout(titleRow);
    m_positionTable = makeTable(QStringLiteral("positionTable"), m_positions, PositionTableModel::Opened);
    m_positionTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_positionTable, &QWidget::customContextMenuRequested, this, &TradingView::showPositionMenu);
    connect(m_positionTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TradingView::updateActions);
    positionsLayout->addWidget(m_positionTable, 1);

    // Then the account's curve, wide and short, and the event tables in tabs at the bottom, each across the
    // whole width: their columns need it.
    m_equity = new EquityCurve(EquityCurve::kDefaultCapacity, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tradingTabs"));
    m_tabs->setDocumentMode(true);
    m_signalTable = makeTable(QStringLiteral("signalTable"), m_signals, SignalTableModel::Time);
    m_orderTable = makeTable(QStringLiteral("orderTable"), m_orders, OrderTableModel::Time);
    m_fillTable = makeTable(QStringLiteral("fillTable"), m_fills, FillTableModel::Time);
    m_closedTable = makeTable(QStringLiteral("closedTable"), m_closed, ClosedPositionTableModel::Closed);
    m_tabs->addTab(m_signalTable, QString());
    m_tabs->addTab(m_orderTable, QString());
    m_tabs->addTab(m_fillTable, QString());
    m_tabs->addTab(m_closedTable, QString());

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("tradingSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(positionsArea);
    m_splitter->addWidget(m_equity);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setStretchFactor(2, 3);
    // The open positions come first: the larger share of the height goes to them (not a minimum height, which
    // would hold up the whole window's minimum size on a small screen).
    m_splitter->setSizes({320, 180, 320});
    layout->addWidget(m_splitter, 1);

    // Widths for the longest value each column shows (in English and German), until the user sizes them.
    // Prices run from 100,000.00 to 0.00012345 (six significant digits); the wider of the two.
    const QString price = QStringLiteral("0.000123456");
    const QString time = QStringLiteral("11-14 22:13:20");
    const QString symbol = QStringLiteral("WWWWWWWWUSDT"); // the widest letters: no symbol is cut short
    fitColumns(m_positionTable,
               {symbol, QStringLiteral("Short"), QStringLiteral("Pending"), QStringLiteral("12,345.678"), price, price,
                price + QStringLiteral(" (trail)"), price + QStringLiteral(" ✓"), price + QStringLiteral(" ✓"),
                QStringLiteral("+10,000.00"), QStringLiteral("+10.00 R"), time});
    fitColumns(m_signalTable, {time, symbol, QStringLiteral("Short"), QStringLiteral("Momentum"), price, price,
                               price + QStringLiteral(" / ") + price, QStringLiteral("Confidence"),
                               QStringLiteral("Rejected: Cooldown after losses"), QStringLiteral("Reason")});
    // The note is a sentence: a width for its usual length (a close by a remote operator with a short reason);
    // longer ones elide, with the whole note as the tooltip.
    fitColumns(m_orderTable,
               {time, QStringLiteral("Order"), symbol, QStringLiteral("Take profit 1"),
                QStringLiteral("closed by remote operator #12: news at 14:00"), QStringLiteral("Sell"),
                QStringLiteral("Stop market"), price, QStringLiteral("12,345.678"), QStringLiteral("12,345.678"), price,
                QStringLiteral("Fees ($)"), QStringLiteral("Partially filled"), QStringLiteral("Reason")});
    fitColumns(m_fillTable,
               {time, QStringLiteral("Order"), symbol, QStringLiteral("Take profit 1"), QStringLiteral("Sell"), price,
                QStringLiteral("12,345.678"), QStringLiteral("100,000.00"), QStringLiteral("Fee ($)"),
                QStringLiteral("Liquidity"), QStringLiteral("Realised PnL ($)")});
    // Tables that end in a number keep it beside the others instead of at the far right.
    m_fillTable->horizontalHeader()->setStretchLastSection(false);
    m_closedTable->horizontalHeader()->setStretchLastSection(false);
    fitColumns(m_closedTable,
               {time, symbol, QStringLiteral("Short"), QStringLiteral("Momentum"), QStringLiteral("12,345.678"), price,
                price, QStringLiteral("Breakeven stop"), QStringLiteral("23h 59m"), QStringLiteral("Fees ($)"),
                QStringLiteral("+10,000.00"), QStringLiteral("+10.00 R")});

    // Tab titles carry the row counts; they follow inserts at most a few times a second.
    m_tabTitleTimer.setSingleShot(true);
    m_tabTitleTimer.setInterval(250);
    connect(&m_tabTitleTimer, &QTimer::timeout, this, &TradingView::updateTabTitles);
    for (QAbstractItemModel *model :
         std::initializer_list<QAbstractItemModel *>{m_signals, m_orders, m_fills, m_closed}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, [this] { m_tabTitleTimer.start(); });
        connect(model, &QAbstractItemModel::rowsRemoved, this, [this] { m_tabTitleTimer.start(); });
    }
    connect(m_positions, &QAbstractItemModel::rowsInserted, this, &TradingView::updatePositionFigures);
    connect(m_positions, &QAbstractItemModel::rowsRemoved, this, &TradingView::updatePositionFigures);
    connect(m_positions, &QAbstractItemModel::dataChanged, this, &TradingView::updatePositionFigures);
    connect(m_positions, &QAbstractItemModel::rowsInserted, this, &TradingView::updateActions);
    connect(m_positions, &QAbstractItemModel::rowsRemoved, this, &TradingView::updateActions);

    updateTabTitles();
    updatePositionFigures();
    updateKillSwitch();
    setFigure(Equity, tr("–"));
    setFigure(Cash, tr("–"));
    setFigure(RealisedToday, tr("–"));
    updateActions();
    restoreLayout();
}

TradingView::~TradingView()
{
    saveLayout();
}

QWidget *TradingView::buildSummary()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(28);
    const auto addTile = [&](Figure figure, const QString &caption, const QString &name, const QString &toolTip) {
        auto *tile = new QWidget(row);
        tile->setToolTip(toolTip);
        auto *tileLayout = new QVBoxLayout(tile);
        tileLayout->setContentsMargins(0, 0, 0, 0);
        tileLayout->setSpacing(1);
        auto *captionLabel = new QLabel(caption, tile);
        captionLabel->setForegroundRole(QPalette::PlaceholderText);
        auto *value = new QLabel(tile);
        value->setObjectName(name);
        QFont font = value->font();
        font.setPointSizeF(font.pointSizeF() * 1.3);
        font.setWeight(QFont::DemiBold);
        value->setFont(font);
        tileLayout->addWidget(captionLabel);
        tileLayout->addWidget(value);
        tileLayout->addStretch(1);
        layout->addWidget(tile);
        m_figures[figure] = value;
    };
    addTile(Equity, tr("Equity ($)"), QStringLiteral("tradingEquity"),
            tr("Cash plus the unrealised PnL of the open positions"));
    addTile(Cash, tr("Cash ($)"), QStringLiteral("tradingCash"), tr("Moves only by realised PnL and fees"));
    addTile(Unrealised, tr("Unrealised PnL ($)"), QStringLiteral("tradingUnrealised"),
            tr("Open positions at their latest marks"));
    addTile(OpenPositions, tr("Open positions"), QStringLiteral("tradingOpenPositions"),
            tr("Positions holding quantity; entries still waiting for a fill are counted apart"));
    addTile(RealisedToday, tr("Realised today ($)"), QStringLiteral("tradingRealisedToday"),
            tr("Realised PnL minus fees of the fills seen since 00:00 UTC of the market day"));
    addTile(KillSwitch, tr("Kill switch"), QStringLiteral("tradingKillSwitch"),
            tr("Trips on the drawdown limit, or by hand (“Halt trading”), and stops new entries until it is reset"));
    m_killSwitchButton = new QToolButton(row);
    m_killSwitchButton->setObjectName(QStringLiteral("killSwitchButton"));
    m_killSwitchButton->setDefaultAction(m_killSwitchAction);
    m_killSwitchButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(m_killSwitchButton, 0, Qt::AlignVCenter);
    layout->addStretch(1);
    return row;
}

QTableView *TradingView::makeTable(const QString &objectName, QAbstractItemModel *model, int sortColumn)
{
    auto *proxy = new SortFilterProxyModel(this);
    proxy->setSourceModel(model);
    auto *table = new QTableView(this);
    table->setObjectName(objectName);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->sortByColumn(sortColumn, Qt::DescendingOrder);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->setFrameShape(QFrame::NoFrame);
    table->setStyleSheet(kTableStyle);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return table;
}

void TradingView::fitColumns(QTableView *table, const QStringList &samples)
{
    const QFontMetrics metrics = table->fontMetrics();
    QFont headerFont = table->horizontalHeader()->font();
    headerFont.setWeight(QFont::DemiBold);
    const QFontMetrics headerMetrics(headerFont);
    const QAbstractItemModel *model = table->model();
    for (int column = 0; column < model->columnCount() && column < samples.size(); ++column) {
        // The header's own caption, plus room for the sort arrow drawn into it.
        const QString caption = model->headerData(column, Qt::Horizontal).toString() + QStringLiteral(" ▾");
        const int width =
            std::max(metrics.horizontalAdvance(samples.at(column)), headerMetrics.horizontalAdvance(caption)) + 24;
        table->setColumnWidth(column, width);
    }
}

void TradingView::setSession(WorkstationSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    setControl(session && session->canControl());
    if (!session)
        return;
    connect(session, &WorkstationSession::controlChanged, this, &TradingView::setControl);
    connect(session, &WorkstationSession::signalsGenerated, this, &TradingView::showSignals);
    connect(session, &WorkstationSession::signalDecided, this, &TradingView::showDecision);
    connect(session, &WorkstationSession::tradingUpdated, this, &TradingView::showTradingUpdate);
    connect(session, &WorkstationSession::accountUpdated, this, &TradingView::showAccount);
    connect(session, &WorkstationSession::engineStatusChanged, this, &TradingView::showStatus);
    connect(session, &WorkstationSession::overviewReady, this, &TradingView::showOverview);
    connect(session, &WorkstationSession::sourceChanged, this, &TradingView::clear);
}

void TradingView::showSignals(const QList<Signal> &signalList)
{
    m_signals->addSignals(signalList);
}

void TradingView::showDecision(const Signal &signal, bool entered, const QString &code, const QString &reason)
{
    m_signals->setDecision(signal, entered, code, reason);
}

void TradingView::showTradingUpdate(const TradingUpdate &update)
{
    m_orders->addOrders(update.orders);
    m_fills->addFills(update.fills);
    m_positions->applyUpdate(update);
    m_closed->addFinished(update.finished);
    bool changed = false;
    for (const Fill &fill : update.fills) {
        rollDay(fill.timeMs);
        if (fill.timeMs >= m_dayStartMs) {
            m_realisedToday += fill.realisedPnlUsd - fill.feeUsd;
            changed = true;
        }
    }
    if (changed)
        updateRealisedFigure();
}

void TradingView::updateRealisedFigure()
{
    if (m_dayStartMs == 0) {
        setFigure(RealisedToday, tr("–"));
        return;
    }
    const double today = m_realisedToday;
    setFigure(RealisedToday, NumberFormat::signedMoney(today),
              std::abs(today) >= 0.005 ? (today > 0 ? Theme::up() : Theme::down()) : QColor());
}

void TradingView::rollDay(qint64 timeMs)
{
    if (timeMs <= 0)
        return;
    const qint64 day = utcDayStart(timeMs);
    if (day > m_dayStartMs) {
        m_dayStartMs = day;
        m_realisedToday = 0;
        updateRealisedFigure();
    }
}

void TradingView::showAccount(const AccountSnapshot &account)
{
    rollDay(account.timeMs);
    m_equity->addAccount(account);
    setFigure(Equity, NumberFormat::money(account.equity));
    setFigure(Cash, NumberFormat::money(account.cash));
}

void TradingView::showStatus(const EngineStatus &status)
{
    m_haveStatus = true;
    m_killSwitch = status.killSwitch;
    m_engineState = status.state;
    m_killReason = status.state == EngineState::Emergency ? status.lastReason : QString();
    updateKillSwitch();
    updateActions();
    // Between trading steps the status is the account's only voice (the equity moves with the marks).
    if (status.marketTimeMs > 0 && status.equity > 0) {
        rollDay(status.marketTimeMs);
        m_equity->addPoint(status.marketTimeMs, status.equity, status.cash);
        setFigure(Equity, NumberFormat::money(status.equity));
        setFigure(Cash, NumberFormat::money(status.cash));
    }
}

void TradingView::showOverview(const MarketOverview &overview)
{
    m_positions->setMarks(overview.symbols);
}

void TradingView::clear()
{
    m_signals->clear();
    m_positions->clear();
    m_closed->clear();
    m_orders->clear();
    m_fills->clear();
    m_equity->clear();
    m_realisedToday = 0;
    m_dayStartMs = 0;
    m_haveStatus = false;
    m_killSwitch = false;
    m_killReason.clear();
    setFigure(Equity, tr("–"));
    setFigure(Cash, tr("–"));
    setFigure(RealisedToday, tr("–"));
    updateKillSwitch();
    updatePositionFigures();
    updateTabTitles();
    updateActions();
}

void TradingView::setFigure(Figure figure, const QString &text, const QColor &colour)
{
    QLabel *label = m_figures[figure];
    label->setText(text);
    QPalette pal = palette();
    if (colour.isValid())
        pal.setColor(QPalette::WindowText, colour);
    label->setPalette(pal);
}

void TradingView::updatePositionFigures()
{
    const int open = m_positions->openCount();
    const int pending = m_positions->rowCount() - open;
    setFigure(OpenPositions, pending > 0 ? tr("%1 (+%2 pending)").arg(open).arg(pending) : QString::number(open));
    if (m_positions->rowCount() == 0) {
        setFigure(Unrealised, tr("–"));
    } else {
        const double unrealised = m_positions->unrealisedTotal();
        setFigure(Unrealised, NumberFormat::signedMoney(unrealised),
                  std::abs(unrealised) >= 0.005 ? (unrealised > 0 ? Theme::up() : Theme::down()) : QColor());
    }
    m_positionsTitle->setText(m_positions->rowCount() > 0 ? tr("Open positions (%1)").arg(m_positions->rowCount())
                                                          : tr("Open positions"));
    m_noPositions->setVisible(m_positions->rowCount() == 0);
}

void TradingView::updateTabTitles()
{
    const auto title = [](const QString &name, int rows) {
        return rows > 0 ? tr("%1 (%2)").arg(name).arg(rows) : name;
    };
    m_tabs->setTabText(0, title(tr("Signals"), m_signals->rowCount()));
    m_tabs->setTabText(1, title(tr("Orders"), m_orders->rowCount()));
    m_tabs->setTabText(2, title(tr("Fills"), m_fills->rowCount()));
    m_tabs->setTabText(3, title(tr("Closed positions"), m_closed->rowCount()));
}

void TradingView::updateKillSwitch()
{
    if (!m_haveStatus) {
        setFigure(KillSwitch, tr("–"));
        return;
    }
    if (m_killSwitch)
        setFigure(KillSwitch, tr("● Tripped"), Theme::critical());
    else if (m_engineState == EngineState::Emergency)
        setFigure(KillSwitch, tr("● Halted"), Theme::warning());
    else
        setFigure(KillSwitch, tr("● Armed"), Theme::up());
    m_figures[KillSwitch]->setToolTip(m_killReason);
}

void TradingView::setControl(bool canControl)
{
    m_canControl = canControl;
    // A confirmation asked with rights the session no longer has would send a command bound to fail.
    if (!canControl && m_confirmation)
        m_confirmation->close();
    updateActions();
}

void TradingView::updateActions()
{
    const bool control = m_session && m_canControl;
    const QString why = control ? QString() : tr(" (needs a session with operator rights)");
    const bool resetMode = m_killSwitch || m_engineState == EngineState::Emergency;
    const bool running = m_engineState == EngineState::Initializing || m_engineState == EngineState::Scanning ||
                         m_engineState == EngineState::Managing || m_engineState == EngineState::Paused;
    // A stopped engine closes nothing (it would refuse): positions stay in the journal for its next start.
    const bool engineCanClose = m_haveStatus && (running || m_engineState == EngineState::Emergency);
    m_closeAction->setEnabled(control && engineCanClose && selectedPosition() != nullptr);
    m_flattenAction->setEnabled(control && engineCanClose && m_positions->rowCount() > 0);
    m_killSwitchAction->setText(resetMode ? tr("Reset kill switch…") : tr("Halt trading…"));
    m_killSwitchAction->setToolTip(
        (resetMode ? tr("Clear the kill switch and resume entries (asks first)")
                   : tr("Trip the kill switch by hand: no new entries, every position closed (asks first)")) +
        why);
    m_killSwitchAction->setEnabled(control && m_haveStatus && (resetMode || running));
}

const Position *TradingView::selectedPosition(double *mark) const
{
    const QModelIndexList rows = m_positionTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(m_positionTable->model());
    const QModelIndex source = proxy ? proxy->mapToSource(rows.constFirst()) : rows.constFirst();
    if (!source.isValid() || source.row() >= m_positions->rowCount())
        return nullptr;
    if (mark)
        *mark = m_positions->markAt(source.row());
    return &m_positions->positionAt(source.row());
}

void TradingView::showPositionMenu(const QPoint &pos)
{
    const QModelIndex index = m_positionTable->indexAt(pos);
    if (index.isValid())
        m_positionTable->selectRow(index.row());
    updateActions();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("positionMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_closeAction);
    menu->addAction(m_flattenAction);
    menu->popup(m_positionTable->viewport()->mapToGlobal(pos));
}

void TradingView::confirmClose()
{
    double mark = 0;
    const Position *p = selectedPosition(&mark);
    if (!p || !m_session || !m_canControl)
        return;
    const qint64 id = p->id;
    const QString side = TradingText::side(p->side);
    const QString question = tr("Close position #%1: %2 %3?").arg(id).arg(side, p->symbol);
    QStringList details;
    if (p->status == PositionStatus::Pending) {
        details << tr("Its entry order for %1 has not filled yet: it is cancelled.")
                       .arg(TradingText::quantity(p->targetQty));
    } else {
        details << tr("Side: %1").arg(side) << tr("Quantity: %1").arg(TradingText::quantity(p->qty))
                << tr("Average entry: %1").arg(NumberFormat::price(p->avgEntry))
                << tr("Current mark: %1").arg(mark > 0 ? NumberFormat::price(mark) : tr("unknown"));
        if (mark > 0)
            details << tr("Estimated PnL: %1 $ at the mark, before the exit fee")
                           .arg(NumberFormat::signedMoney(p->unrealisedPnlUsd(mark)));
        details << QString()
                << tr("A reduce-only market order closes the whole position; it fills at the market, which may "
                      "differ from the mark.");
    }
    confirm(tr("Close position"), question, details.join(u'\n'), tr("Close position"),
            TradingConfirmation::Reason::Optional, [this, id](const QString &reason) {
                if (m_session && m_canControl)
                    m_session->closePosition(id, reason);
            });
}

void TradingView::confirmFlatten()
{
    const int rows = m_positions->rowCount();
    if (rows == 0 || !m_session || !m_canControl)
        return;
    QStringList details;
    constexpr int kListed = 12;
    for (int row = 0; row < rows && row < kListed; ++row) {
        const Position &p = m_positions->positionAt(row);
        const double mark = m_positions->markAt(row);
        if (p.status == PositionStatus::Pending) {
            details << tr("%1 %2: entry not filled yet, cancelled").arg(p.symbol, TradingText::side(p.side));
            continue;
        }
        details << tr("%1 %2 %3 at %4: %5 $")
                       .arg(p.symbol, TradingText::side(p.side), TradingText::quantity(p.qty),
                            mark > 0 ? NumberFormat::price(mark) : tr("unknown"),
                            mark > 0 ? NumberFormat::signedMoney(p.unrealisedPnlUsd(mark)) : tr("?"));
    }
    if (rows > kListed)
        details << tr("… and %n more", nullptr, rows - kListed);
    details << QString()
            << tr("Estimated PnL in total: %1 $ at the marks, before exit fees")
                   .arg(NumberFormat::signedMoney(m_positions->unrealisedTotal()))
            << tr("Each is closed by a reduce-only market order. New entries continue: to stop them as well, "
                  "halt trading.");
    confirm(tr("Flatten all"), tr("Close all %n position(s) at market?", nullptr, rows), details.join(u'\n'),
            tr("Flatten all"), TradingConfirmation::Reason::Optional, [this](const QString &reason) {
                if (m_session && m_canControl)
                    m_session->flattenAll(reason);
            });
}

void TradingView::confirmKillSwitch()
{
    if (!m_session || !m_canControl)
        return;
    if (m_killSwitch || m_engineState == EngineState::Emergency) {
        QString details = tr("New entries resume; the drawdown limit is measured again from the current equity.");
        if (!m_killReason.isEmpty())
            details = tr("Halted because: %1").arg(m_killReason) + u'\n' + details;
        confirm(tr("Reset kill switch"), tr("Reset the kill switch and resume trading?"), details,
                tr("Reset kill switch"), TradingConfirmation::Reason::None, [this](const QString &) {
                    if (m_session && m_canControl)
                        m_session->resetKillSwitch();
                });
        return;
    }
    const int rows = m_positions->rowCount();
    QString details = tr("The engine takes no new entries and closes every open position at market.");
    if (rows > 0)
        details +=
            u'\n' + tr("%n position(s) closed now; estimated PnL %1 $ at the marks, before exit fees.", nullptr, rows)
                        .arg(NumberFormat::signedMoney(m_positions->unrealisedTotal()));
    details += u'\n' + tr("Trading stays halted until “Reset kill switch”.");
    confirm(tr("Halt trading"), tr("Halt trading now?"), details, tr("Halt trading"),
            TradingConfirmation::Reason::Optional, [this](const QString &reason) {
                if (m_session && m_canControl)
                    m_session->haltTrading(reason);
            });
}

void TradingView::confirm(const QString &title, const QString &question, const QString &details,
                          const QString &acceptText, TradingConfirmation::Reason reason,
                          std::function<void(const QString &reason)> accepted)
{
    if (m_confirmation)
        m_confirmation->close();
    auto *dialog = new TradingConfirmation(title, question, details, acceptText, reason, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [dialog, accepted = std::move(accepted)] {
        if (accepted)
            accepted(dialog->reason());
    });
    m_confirmation = dialog;
    dialog->open();
}

void TradingView::changeEvent(QEvent *event)
{
    // A style sheet resolves palette() references when it is set: set it again so that the tables follow a
    // switch between the dark and the light theme. Queued, as the tables receive the change after the view.
    if (event->type() == QEvent::PaletteChange) {
        QTimer::singleShot(0, this, [this] {
            for (QTableView *table : {m_positionTable, m_signalTable, m_orderTable, m_fillTable, m_closedTable}) {
                table->setStyleSheet(QString());
                table->setStyleSheet(kTableStyle);
            }
            updatePositionFigures();
            updateRealisedFigure();
            updateKillSwitch();
        });
    }
    QWidget::changeEvent(event);
}

void TradingView::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(kGroup);
    const std::array<std::pair<const char *, QTableView *>, 5> tables{{{"positionsHeader", m_positionTable},
                                                                       {"signalsHeader", m_signalTable},
                                                                       {kOrdersHeaderKey, m_orderTable},
                                                                       {"fillsHeader", m_fillTable},
                                                                       {"closedHeader", m_closedTable}}};
    for (const auto &[key, table] : tables) {
        const QByteArray state = settings.value(QLatin1String(key)).toByteArray();
        if (!state.isEmpty())
            table->horizontalHeader()->restoreState(state);
    }
    const QByteArray splitter = settings.value(QStringLiteral("splitter")).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    m_tabs->setCurrentIndex(std::clamp(settings.value(QStringLiteral("tab"), 0).toInt(), 0, m_tabs->count() - 1));
}

void TradingView::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(kGroup);
    settings.setValue(QStringLiteral("positionsHeader"), m_positionTable->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("signalsHeader"), m_signalTable->horizontalHeader()->saveState());
    settings.setValue(QLatin1String(kOrdersHeaderKey), m_orderTable->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("fillsHeader"), m_fillTable->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("closedHeader"), m_closedTable->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("tab"), m_tabs->currentIndex());
}

} // namespace bw::ui
