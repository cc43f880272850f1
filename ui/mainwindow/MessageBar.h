#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace bw::ui {

// A non-modal message strip above the pages: what a command produced (the snapshot's path, with an action
// to open its folder) or why it failed. It stays until the user closes it or the next message replaces it.
class MessageBar final : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    // Shows `text`; a non-empty `actionText` adds a button that emits actionTriggered().
    void showMessage(Kind kind, const QString &text, const QString &actionText = {});
    QString text() const;
    Kind kind() const { return m_kind; }

signals:
    void actionTriggered();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QToolButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
    Kind m_kind = Kind::Information;
    bool m_applying = false;
};

} // namespace bw::ui
