#include "scanner/FunnelPanel.h"

#include "common/Theme.h"
#include "scanner/FunnelBarDelegate.h"
#include "scanner/FunnelModel.h"
#include "scanner/ScanFormat.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace bw::ui {

namespace {

QString pressureName(PressureLevel level)
{
    switch (level) {
    case PressureLevel::Normal:
        return FunnelPanel::tr("normal");
    case PressureLevel::High:
        return FunnelPanel::tr("high");
    case PressureLevel::Critical:
        return FunnelPanel::tr("critical");
    }
    return {};
}

QColor pressureColour(PressureLevel level)
{
    switch (level) {
    case PressureLevel::High:
        return Theme::warning();
    case PressureLevel::Critical:
        return Theme::critical();
    case PressureLevel::Normal:
        break;
    }
    return Theme::up();
}

} // namespace

FunnelPanel::FunnelPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new FunnelModel(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("funnelPanel"));
    auto *title = new QLabel(tr("Scan funnel"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_table->setObjectName(QStringLiteral("funnelTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(FunnelModel::Left, new FunnelBarDelegate(m_table));
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setMinimumSectionSize(m_table->fontMetrics().horizontalAdvance(QStringLiteral("0000")) + 12);
    header->setSectionResizeMode(FunnelModel::Left, QHeaderView::Stretch);
    // Tall enough for every stage without a scroll bar.
    const int rows = kScanStageCount;
    m_table->setMinimumHeight(header->sizeHint().height() + rows * m_table->verticalHeader()->defaultSectionSize() +
                              2 * m_table->frameWidth());
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);

    m_summary->setObjectName(QStringLiteral("funnelSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(title);
    layout->addWidget(m_table);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    updateSummary();
}

void FunnelPanel::setReport(const ScanReportPtr &report)
{
    m_report = report;
    m_model->setReport(report);
    updateSummary();
}

void FunnelPanel::clear()
{
    setReport({});
}

QString FunnelPanel::summaryText() const
{
    return m_summary->text();
}

void FunnelPanel::changeEvent(QEvent *event)
{
    // The pressure colour follows the theme.
    if (event->type() == QEvent::PaletteChange)
        updateSummary();
    QWidget::changeEvent(event);
}

void FunnelPanel::updateSummary()
{
    if (!m_report) {
        m_summary->setText(tr("No scan yet."));
        return;
    }
    const ScanReport &r = *m_report;
    const QLocale locale;
    const QString when =
        QDateTime::fromMSecsSinceEpoch(r.finishedAtMs).toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    const QString first = tr("Scan %1 with <b>%2</b> at %3%4")
                              .arg(locale.toString(r.scanId), r.presetName.toHtmlEscaped(), when,
                                   r.cancelled ? tr(" (cancelled)") : QString());
    const QString second =
        tr("Wall time <b>%1</b> · batches: %2 of up to %3 symbols")
            .arg(ScanFormat::milliseconds(r.wallMs, locale), locale.toString(r.batches), locale.toString(r.batchSize));
    const QString third = tr("Threads: %1, %2 batches at once · memory pressure <span style=\"color:%3\">%4</span>")
                              .arg(locale.toString(r.threads), locale.toString(r.maxConcurrentBatches),
                                   pressureColour(r.pressure).name(), pressureName(r.pressure));
    m_summary->setText(first + QStringLiteral("<br>") + second + QStringLiteral("<br>") + third);
}

} // namespace bw::ui
