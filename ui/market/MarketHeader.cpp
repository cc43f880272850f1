#include "market/MarketHeader.h"

#include "app/StatusLine.h"
#include "common/NumberFormat.h"
#include "common/Theme.h"

#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTimeZone>
#include <QVBoxLayout>

namespace bw::ui {

namespace {

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Plain);
    line->setForegroundRole(QPalette::Mid);
    return line;
}

QLabel *captionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("caption"));
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    label->setFont(font);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QString dash()
{
    return QStringLiteral("–");
}

} // namespace

MarketHeader::MarketHeader(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->setSpacing(18);

    m_marketTime = addTile(tr("Market time (UTC)"), QStringLiteral("marketTimeLabel"));
    layout->addWidget(m_marketTime->parentWidget());
    layout->addWidget(separator(this));
    m_bar = addTile(tr("Forming bar"), QStringLiteral("barLabel"));
    m_barCaption = m_bar->parentWidget()->findChild<QLabel *>(QStringLiteral("caption"));
    layout->addWidget(m_bar->parentWidget());
    m_closesIn = addTile(tr("Closes in"), QStringLiteral("barCloseLabel"));
    layout->addWidget(m_closesIn->parentWidget());
    layout->addWidget(separator(this));
    m_breadth = addTile(tr("Advancing / declining"), QStringLiteral("breadthLabel"));
    m_breadth->setTextFormat(Qt::RichText);
    layout->addWidget(m_breadth->parentWidget());

    m_backfill = new QWidget(this);
    auto *backfillLayout = new QVBoxLayout(m_backfill);
    backfillLayout->setContentsMargins(0, 0, 0, 0);
    backfillLayout->setSpacing(2);
    auto *backfillCaption = captionLabel(tr("Loading history"), m_backfill);
    m_backfillBar = new QProgressBar(m_backfill);
    m_backfillBar->setObjectName(QStringLiteral("backfillProgress"));
    m_backfillBar->setMinimumWidth(180);
    m_backfillBar->setFixedHeight(18);
    m_backfillBar->setTextVisible(true);
    backfillLayout->addWidget(backfillCaption);
    backfillLayout->addWidget(m_backfillBar);
    layout->addWidget(separator(this));
    layout->addWidget(m_backfill);
    m_backfill->hide();

    layout->addStretch(1);
}

QLabel *MarketHeader::addTile(const QString &captionText, const QString &objectName)
{
    auto *tile = new QWidget(this);
    auto *tileLayout = new QVBoxLayout(tile);
    tileLayout->setContentsMargins(0, 0, 0, 0);
    tileLayout->setSpacing(0);

    QLabel *caption = captionLabel(captionText, tile);

    auto *value = new QLabel(dash(), tile);
    value->setObjectName(objectName);
    QFont valueFont = value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.25);
    valueFont.setWeight(QFont::DemiBold);
    value->setFont(valueFont);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);

    tileLayout->addWidget(caption);
    tileLayout->addWidget(value);
    return value;
}

void MarketHeader::showOverview(const MarketOverview &overview)
{
    if (overview.marketTimeMs > 0) {
        m_marketTime->setText(QDateTime::fromMSecsSinceEpoch(overview.marketTimeMs, QTimeZone::utc())
                                  .toString(QStringLiteral("yyyy-MM-dd  HH:mm:ss")));
    } else {
        m_marketTime->setText(dash());
    }
    if (overview.barIntervalMs > 0 && overview.marketTimeMs > 0) {
        const QString open = QDateTime::fromMSecsSinceEpoch(overview.formingBarOpenMs, QTimeZone::utc())
                                 .toString(QStringLiteral("HH:mm"));
        m_barCaption->setText(tr("Forming %1 bar").arg(NumberFormat::interval(overview.barIntervalMs)));
        m_bar->setText(open);
        m_closesIn->setText(
            NumberFormat::duration(overview.formingBarOpenMs + overview.barIntervalMs - overview.marketTimeMs));
    } else {
        m_bar->setText(dash());
        m_closesIn->setText(dash());
    }

    m_advancing = 0;
    m_declining = 0;
    for (const SymbolOverview &symbol : overview.symbols) {
        if (symbol.changePct24h > 0)
            ++m_advancing;
        else if (symbol.changePct24h < 0)
            ++m_declining;
    }
    refreshColours();

    m_backfill->setVisible(overview.backfilling);
    if (overview.backfilling) {
        const int percent = StatusLine::backfillPercent(overview);
        m_backfillBar->setRange(0, 100);
        m_backfillBar->setValue(percent);
        m_backfillBar->setFormat(tr("%1 %").arg(percent));
    }
}

void MarketHeader::refreshColours()
{
    if (m_advancing == 0 && m_declining == 0) {
        m_breadth->setText(dash());
        return;
    }
    m_breadth->setText(QStringLiteral("<span style=\"color:%1\">%2</span> / <span style=\"color:%3\">%4</span>")
                           .arg(Theme::up().name())
                           .arg(m_advancing)
                           .arg(Theme::down().name())
                           .arg(m_declining));
}

void MarketHeader::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        refreshColours();
    QWidget::changeEvent(event);
}

} // namespace bw::ui
