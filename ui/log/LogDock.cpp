#include "log/LogDock.h"

#include "log/LogFilterProxyModel.h"
#include "log/LogTableModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace bw::ui {

namespace {

const QString kSeverityKey = QStringLiteral("logDock/minimumSeverity");
constexpr int kFlushIntervalMs = 100;

} // namespace

LogDock::LogDock(QWidget *parent, int capacity)
    : QDockWidget(tr("Log"), parent)
    , m_model(new LogTableModel(this, capacity))
    , m_proxy(new LogFilterProxyModel(this))
    , m_flushTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("logDock"));
    setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea | Qt::RightDockWidgetArea);
    m_proxy->setSourceModel(m_model);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);

    auto *controls = new QHBoxLayout;
    controls->setSpacing(6);
    m_level = new QComboBox(content);
    m_level->setObjectName(QStringLiteral("logLevel"));
    m_level->addItem(tr("Debug and above"), 0);
    m_level->addItem(tr("Info and above"), 1);
    m_level->addItem(tr("Warnings and errors"), 2);
    m_level->addItem(tr("Errors only"), 3);
    m_level->setToolTip(tr("The least severe level shown"));
    m_filter = new QLineEdit(content);
    m_filter->setObjectName(QStringLiteral("logFilter"));
    m_filter->setPlaceholderText(tr("Filter messages and categories"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(220);
    m_filter->setMaximumWidth(360);
    m_count = new QLabel(content);
    m_count->setObjectName(QStringLiteral("logCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_clear = new QToolButton(content);
    m_clear->setObjectName(QStringLiteral("logClear"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Remove every line from the log view"));
    m_clear->setAutoRaise(true);
    controls->addWidget(m_level);
    controls->addWidget(m_filter);
    controls->addWidget(m_count);
    controls->addStretch(1);
    controls->addWidget(m_clear);
    layout->addLayout(controls);

    m_table = new QTableView(content);
    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setModel(m_proxy);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setFrameShape(QFrame::NoFrame);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setStyleSheet(
        QStringLiteral("QTableView::item { padding: 0px 6px; border: none; }"
                       "QHeaderView::section { padding: 3px 6px; border: none; border-bottom: 1px solid palette(mid);"
                       " background: palette(window); color: palette(placeholder-text); font-weight: 600; }"));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    const QFontMetrics metrics = m_table->fontMetrics();
    m_table->setColumnWidth(LogTableModel::Time, metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + 24);
    m_table->setColumnWidth(LogTableModel::Level, metrics.horizontalAdvance(tr("Warning")) + 28);
    m_table->setColumnWidth(LogTableModel::Category, metrics.horizontalAdvance(QStringLiteral("bw.scanner.pool")) + 24);
    layout->addWidget(m_table, 1);
    setWidget(content);

    const int severity = QSettings().value(kSeverityKey, 1).toInt();
    m_level->setCurrentIndex(std::clamp(severity, 0, 3));
    m_proxy->setMinimumSeverity(m_level->currentData().toInt());

    connect(m_level, &QComboBox::activated, this, [this] { setMinimumSeverity(m_level->currentData().toInt()); });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        const bool follow = isFollowingTail();
        m_proxy->setText(text);
        if (follow)
            m_table->scrollToBottom();
        updateCount();
    });
    connect(m_clear, &QToolButton::clicked, this, &LogDock::clear);
    // Rows dropped from the front while the user reads older lines would pull the text away under them.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this](const QModelIndex &, int first, int last) {
        if (first == 0)
            m_removedAbove += last - first + 1;
    });

    // Following is what the user chose by scrolling: at the bottom it follows, anywhere else it stays.
    // A change of the scroll range (new rows, a theme or font that changes row heights, a resize) keeps
    // a following view at the bottom.
    QScrollBar *bar = m_table->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) { m_following = value >= bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_following)
            bar->setValue(maximum);
    });

    m_flushTimer->setInterval(kFlushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &LogDock::flush);
    updateCount();
}

void LogDock::setSession(WorkstationSession *session)
{
    disconnect(m_sessionConnection);
    m_session = session;
    if (session != nullptr)
        m_sessionConnection = connect(session, &WorkstationSession::logged, this, &LogDock::addLine);
}

bool LogDock::isFollowingTail() const
{
    return m_following;
}

void LogDock::addLine(const LogLine &line)
{
    // Between two flushes the queue keeps no more than the table can show.
    if (m_pending.size() >= m_model->capacity())
        m_pending.removeFirst();
    m_pending.append(line);
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void LogDock::flush()
{
    m_flushTimer->stop();
    if (m_pending.isEmpty())
        return;
    const bool follow = isFollowingTail();
    QScrollBar *bar = m_table->verticalScrollBar();
    const int value = bar->value();
    m_removedAbove = 0;
    m_model->append(m_pending);
    m_pending.clear();
    if (follow)
        m_table->scrollToBottom();
    else if (m_removedAbove > 0)
        bar->setValue(std::max(0, value - m_removedAbove));
    updateCount();
}

void LogDock::clear()
{
    m_pending.clear();
    m_model->clear();
    updateCount();
}

void LogDock::setMinimumSeverity(int severity)
{
    const bool follow = isFollowingTail();
    m_proxy->setMinimumSeverity(severity);
    QSettings().setValue(kSeverityKey, severity);
    if (follow)
        m_table->scrollToBottom();
    updateCount();
}

void LogDock::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    // Spelled out rather than with %n plurals, which need a translation file even for English.
    const QLocale locale;
    const QString lines = total == 1 ? tr("1 line") : tr("%1 lines").arg(locale.toString(total));
    if (shown == total)
        m_count->setText(lines);
    else
        m_count->setText(tr("%1 of %2").arg(locale.toString(shown), lines));
    m_clear->setEnabled(total > 0);
}

} // namespace bw::ui
