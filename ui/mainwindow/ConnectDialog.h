#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace bw::ui {

// File > Connect to remote: the address of a workstation's WebSocket server (ws:// or wss://) and the
// token to authenticate with. OK stays disabled, with a message saying why, until both are usable. The
// token is never shown in clear and never remembered; the last address is.
class ConnectDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    QUrl url() const;
    QString token() const;
    bool acceptAnyCertificate() const;
    void setUrl(const QString &url);

    // Why OK is disabled ("" when the input is usable).
    QString problem() const;
    // Reads the token from the first non-empty line of `path`. False with a message naming the file when
    // it cannot be read or holds no token.
    bool loadTokenFile(const QString &path);

    // The problem with `text` as a server address, "" when usable.
    static QString urlProblem(const QString &text);

public slots:
    void accept() override;

private:
    void validate();
    void chooseTokenFile();

    QLineEdit *m_url = nullptr;
    QLineEdit *m_token = nullptr;
    QPushButton *m_tokenFile = nullptr;
    QCheckBox *m_acceptAny = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_fileProblem;
};

} // namespace bw::ui
