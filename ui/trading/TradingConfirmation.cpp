#include "trading/TradingConfirmation.h"

#include "server/Protocol.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace bw::ui {

TradingConfirmation::TradingConfirmation(const QString &title, const QString &question, const QString &details,
                                         const QString &acceptText, Reason reason, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("tradingConfirmation"));
    setWindowTitle(title);

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);

    m_question = new QLabel(question, this);
    m_question->setObjectName(QStringLiteral("confirmationQuestion"));
    QFont bold = m_question->font();
    bold.setBold(true);
    m_question->setFont(bold);
    m_question->setWordWrap(true);

    m_details = new QLabel(details, this);
    m_details->setObjectName(QStringLiteral("confirmationDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *text = new QVBoxLayout;
    text->addWidget(m_question);
    text->addWidget(m_details);
    if (reason == Reason::Optional) {
        m_reason = new QLineEdit(this);
        m_reason->setObjectName(QStringLiteral("reasonEdit"));
        // What the server accepts of a remote operator's reason: the journal reads the same wherever it was typed.
        m_reason->setMaxLength(protocol::kMaxReasonLength);
        m_reason->setClearButtonEnabled(true);
        m_reason->setPlaceholderText(tr("Optional: recorded on the orders and in the journal"));
        auto *form = new QFormLayout;
        form->addRow(tr("&Reason:"), m_reason);
        text->addSpacing(6);
        text->addLayout(form);
    }

    auto *body = new QHBoxLayout;
    body->addWidget(icon, 0, Qt::AlignTop);
    body->addSpacing(8);
    body->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_accept = buttons->addButton(acceptText, QDialogButtonBox::AcceptRole);
    m_accept->setObjectName(QStringLiteral("confirmButton"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    // A destructive action is never the default: Enter backs out until the operator moves to the action's
    // button (which, focused, takes Enter as any dialog button does).
    m_cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_reason)
        m_reason->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body);
    layout->addSpacing(8);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);
    m_details->setMinimumWidth(420);
    m_cancel->setFocus(Qt::OtherFocusReason);
}

bool TradingConfirmation::eventFilter(QObject *watched, QEvent *event)
{
    // Enter in the reason field finishes the reason: the focus moves to the action's button. The line edit
    // would pass the key on to the dialog, whose default button (Cancel) would throw the reason away.
    if (watched == m_reason && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            m_accept->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QString TradingConfirmation::text() const
{
    return m_question->text();
}

QString TradingConfirmation::informativeText() const
{
    return m_details->text();
}

QString TradingConfirmation::reason() const
{
    return m_reason ? m_reason->text().trimmed() : QString();
}

} // namespace bw::ui
