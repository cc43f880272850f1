#include "mainwindow/MessageBar.h"

#include "common/Theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScopedValueRollback>
#include <QStyle>
#include <QToolButton>

namespace bw::ui {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBar"));
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 6, 4);
    layout->setSpacing(8);
    m_icon = new QLabel(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setWordWrap(true);
    m_action = new QToolButton(this);
    m_action->setObjectName(QStringLiteral("messageAction"));
    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("messageClose"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close this message"));
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close);
    connect(m_action, &QToolButton::clicked, this, &MessageBar::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBar::showMessage(Kind kind, const QString &text, const QString &actionText)
{
    m_kind = kind;
    m_text->setText(text);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(
        style()
            ->standardIcon(kind == Kind::Error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxInformation)
            .pixmap(iconSize, iconSize));
    applyColours();
    show();
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::applyColours()
{
    // A tint of the accent over the window colour: visible in both themes without shouting.
    QScopedValueRollback<bool> applying(m_applying, true);
    QPalette palette = parentWidget() != nullptr ? parentWidget()->palette() : QPalette();
    const QColor accent = m_kind == Kind::Error ? Theme::critical() : palette.color(QPalette::Highlight);
    const QColor window = palette.color(QPalette::Window);
    const auto mix = [](const QColor &a, const QColor &b, double share) {
        return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - share) + b.redF() * share),
                                static_cast<float>(a.greenF() * (1 - share) + b.greenF() * share),
                                static_cast<float>(a.blueF() * (1 - share) + b.blueF() * share));
    };
    palette.setColor(QPalette::Window, mix(window, accent, 0.22));
    setPalette(palette);
}

void MessageBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && !m_applying && isVisible())
        applyColours();
    QFrame::changeEvent(event);
}

} // namespace bw::ui
