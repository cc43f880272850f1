#include "mainwindow/ConnectDialog.h"

#include "common/Theme.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

namespace bw::ui {

namespace {

const QString kLastUrlKey = QStringLiteral("connect/lastUrl");
constexpr qint64 kMaxTokenFileBytes = 64 * 1024;

} // namespace

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Connect to a remote workstation"));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    auto *intro = new QLabel(tr("Watch a workstation running elsewhere. An operator token also lets you control "
                                "its engine."),
                             this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("connectUrl"));
    m_url->setPlaceholderText(QStringLiteral("ws://127.0.0.1:8765"));
    m_url->setMinimumWidth(360);
    m_url->setText(QSettings().value(kLastUrlKey).toString());
    form->addRow(tr("Server &address:"), m_url);

    auto *tokenRow = new QHBoxLayout;
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("connectToken"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("viewer or operator token"));
    QAction *reveal =
        m_token->addAction(style()->standardIcon(QStyle::SP_FileDialogContentsView), QLineEdit::TrailingPosition);
    reveal->setCheckable(true);
    reveal->setToolTip(tr("Show the token"));
    connect(reveal, &QAction::toggled, this,
            [this](bool shown) { m_token->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password); });
    m_tokenFile = new QPushButton(tr("Read from &file…"), this);
    m_tokenFile->setObjectName(QStringLiteral("connectTokenFile"));
    m_tokenFile->setToolTip(tr("Read the token from a file, e.g. the one the server wrote at start"));
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_tokenFile);
    auto *tokenLabel = new QLabel(tr("&Token:"), this);
    tokenLabel->setBuddy(m_token);
    form->addRow(tokenLabel, tokenRow);

    m_acceptAny = new QCheckBox(tr("Accept a &self-signed certificate"), this);
    m_acceptAny->setObjectName(QStringLiteral("connectAcceptAny"));
    m_acceptAny->setToolTip(tr("For wss:// servers whose certificate no authority signed. Only on networks you "
                               "trust: the server's identity is not checked."));
    form->addRow(QString(), m_acceptAny);
    layout->addLayout(form);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("connectMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, &ConnectDialog::validate);
    connect(m_token, &QLineEdit::textChanged, this, [this] {
        m_fileProblem.clear();
        validate();
    });
    connect(m_tokenFile, &QPushButton::clicked, this, &ConnectDialog::chooseTokenFile);
    if (m_url->text().isEmpty())
        m_url->setFocus();
    else
        m_token->setFocus();
    validate();
}

QString ConnectDialog::urlProblem(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the server address, e.g. ws://127.0.0.1:8765.");
    if (!trimmed.contains(u"://"))
        return tr("The address must start with ws:// or wss://, e.g. ws://%1.").arg(trimmed);
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return tr("“%1” is not a valid address.").arg(trimmed);
    const QString scheme = url.scheme().toLower();
    if (scheme != u"ws" && scheme != u"wss")
        return tr("The address must start with ws:// or wss://, not “%1”.").arg(trimmed);
    if (url.host().isEmpty())
        return tr("The address names no host.");
    if (!url.userInfo().isEmpty() || url.hasQuery())
        return tr("Give the token in its own field, not in the address.");
    return {};
}

QUrl ConnectDialog::url() const
{
    return QUrl(m_url->text().trimmed(), QUrl::StrictMode);
}

QString ConnectDialog::token() const
{
    return m_token->text().trimmed();
}

bool ConnectDialog::acceptAnyCertificate() const
{
    return m_acceptAny->isEnabled() && m_acceptAny->isChecked();
}

void ConnectDialog::setUrl(const QString &url)
{
    m_url->setText(url);
}

QString ConnectDialog::problem() const
{
    const QString urlText = urlProblem(m_url->text());
    if (!urlText.isEmpty())
        return urlText;
    if (!m_fileProblem.isEmpty())
        return m_fileProblem;
    if (token().isEmpty())
        return tr("Enter the token, or read it from a file.");
    return {};
}

void ConnectDialog::validate()
{
    const bool secure = url().scheme().compare(QLatin1String("wss"), Qt::CaseInsensitive) == 0;
    m_acceptAny->setEnabled(secure);
    const QString text = problem();
    m_message->setText(text);
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, Theme::neutral());
    m_message->setPalette(palette);
    m_message->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

bool ConnectDialog::loadTokenFile(const QString &path)
{
    QFile file(path);
    QString problemText;
    if (!file.open(QIODevice::ReadOnly)) {
        problemText = tr("Cannot read the token file %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    } else if (file.size() > kMaxTokenFileBytes) {
        problemText = tr("%1 is too large to be a token file.").arg(QDir::toNativeSeparators(path));
    } else {
        const QList<QByteArray> lines = file.readAll().split('\n');
        QString token;
        for (const QByteArray &line : lines) {
            token = QString::fromUtf8(line).trimmed();
            if (!token.isEmpty())
                break;
        }
        if (token.isEmpty())
            problemText = tr("The token file %1 is empty.").arg(QDir::toNativeSeparators(path));
        else
            m_token->setText(token);
    }
    m_fileProblem = problemText;
    validate();
    return problemText.isEmpty();
}

void ConnectDialog::chooseTokenFile()
{
    auto *dialog = new QFileDialog(this, tr("Read the token from"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { loadTokenFile(path); });
    dialog->open();
}

void ConnectDialog::accept()
{
    if (!problem().isEmpty())
        return;
    QSettings().setValue(kLastUrlKey, m_url->text().trimmed());
    QDialog::accept();
}

} // namespace bw::ui
