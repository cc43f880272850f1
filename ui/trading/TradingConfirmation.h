#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace bw::ui {

// Asks before a trading action that cannot be undone (close, flatten, halt, reset): what will happen, with
// the figures, and optionally the operator's reason, which the engine records on the exit orders' note and
// in the journal. Backing out is the default: Enter and Escape cancel unless the operator moved to the
// action's button; Enter in the reason field moves there, so typing a reason and confirming stay two steps.
class TradingConfirmation final : public QDialog
{
    Q_OBJECT

public:
    enum class Reason { None, Optional };

    TradingConfirmation(const QString &title, const QString &question, const QString &details,
                        const QString &acceptText, Reason reason, QWidget *parent = nullptr);

    QString text() const;
    QString informativeText() const;
    // The operator's words, trimmed; empty when none were given or none were asked for.
    QString reason() const;
    QLineEdit *reasonEdit() const { return m_reason; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLabel *m_question = nullptr;
    QLabel *m_details = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace bw::ui
