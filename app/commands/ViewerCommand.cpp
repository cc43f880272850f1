#include "Commands.h"
#include "app/RemoteSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <QUrl>

#include <memory>

#ifdef BW_WITH_UI
#include "common/Theme.h"
#include "mainwindow/MainWindow.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#endif

namespace bw::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("bw::app::ViewerCommand", text);
}

// The token never comes from a bare command-line argument (visible in `ps` and shell history): a file
// only the user can read, the environment, or a prompt.
enum class TokenResult { Found, NotGiven, Error };

TokenResult readToken(const QCommandLineParser &parser, const QCommandLineOption &fileOption, QString *token,
                      QString *error)
{
    if (parser.isSet(fileOption)) {
        const QString path = parser.value(fileOption);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("--token-file: cannot read '%1': %2").arg(path, file.errorString());
            return TokenResult::Error;
        }
        // A token file holds one line; never read a huge file into memory by mistake.
        *token = QString::fromUtf8(file.read(4096)).trimmed();
        if (token->isEmpty()) {
            *error = tr("--token-file: '%1' is empty").arg(path);
            return TokenResult::Error;
        }
        return TokenResult::Found;
    }
    const QString fromEnvironment = qEnvironmentVariable("BW_TOKEN").trimmed();
    if (!fromEnvironment.isEmpty()) {
        *token = fromEnvironment;
        return TokenResult::Found;
    }
    return TokenResult::NotGiven;
}

} // namespace

// breakout-workstation viewer ws://host:port [--token-file FILE]
int runViewerCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Opens the workstation window on a remote workstation's WebSocket server. The token comes from "
           "--token-file, else the BW_TOKEN environment variable, else a prompt; an operator token enables "
           "the engine controls."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("url"), tr("The server, e.g. ws://127.0.0.1:8765"));
    const QCommandLineOption tokenFileOption(QStringLiteral("token-file"),
                                             tr("Read the access token from FILE (its first line)."), tr("FILE"));
    parser.addOption(tokenFileOption);
    if (!parser.parse(arguments)) {
        err << tr("viewer: %1").arg(parser.errorText()) << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err << (positional.isEmpty() ? tr("viewer: the server URL is missing (e.g. ws://127.0.0.1:8765)")
                                     : tr("viewer: unexpected argument '%1'").arg(positional.at(1)))
            << '\n';
        return 2;
    }
    const QUrl url(positional.constFirst(), QUrl::StrictMode);
    if (const QString problem = RemoteSession::validateUrl(url); !problem.isEmpty()) {
        err << tr("viewer: %1").arg(problem) << '\n';
        return 2;
    }
    QString token;
    QString error;
    const TokenResult tokenResult = readToken(parser, tokenFileOption, &token, &error);
    if (tokenResult == TokenResult::Error) {
        err << tr("viewer: %1").arg(error) << '\n';
        return 2;
    }

#ifdef BW_WITH_UI
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        err << tr("viewer: no display found (DISPLAY and WAYLAND_DISPLAY are not set); the viewer is a window") << '\n';
        return 1;
    }
    ui::Theme::apply(ui::ThemeMode::Dark);
    if (tokenResult == TokenResult::NotGiven) {
        bool ok = false;
        token = QInputDialog::getText(nullptr, tr("Connect to %1").arg(url.toString()),
                                      tr("Access token (viewer or operator):"), QLineEdit::Password, QString(), &ok)
                    .trimmed();
        if (!ok || token.isEmpty()) {
            err << tr("viewer: no token given") << '\n';
            return 2;
        }
    }
    // The session outlives the window (declared first, destroyed last); File > Connect replaces it.
    std::unique_ptr<RemoteSession> session;
    ui::MainWindow window;
    const auto connectTo = [&session, &window, &err](const QUrl &target, const QString &secret, bool anyCertificate) {
        window.setSession(nullptr);
        session = std::make_unique<RemoteSession>(target, secret, anyCertificate);
        QObject::connect(session.get(), &WorkstationSession::connectionStateChanged, &window,
                         [&err](WorkstationSession::ConnectionState, const QString &detail) {
                             err << tr("viewer: %1").arg(detail) << Qt::endl;
                         });
        window.setSession(session.get());
        session->open();
    };
    QObject::connect(&window, &ui::MainWindow::connectRequested, &window,
                     [&connectTo, &window](const QUrl &target, const QString &secret, bool anyCertificate) {
                         if (const QString problem = RemoteSession::validateUrl(target); !problem.isEmpty()) {
                             QMessageBox::warning(&window, tr("Connect to remote"), problem);
                             return;
                         }
                         connectTo(target, secret, anyCertificate);
                     });
    QObject::connect(&window, &ui::MainWindow::disconnectRequested, &window, [&session] {
        if (session)
            session->close();
    });
    window.show();
    connectTo(url, token, false);
    const int exitCode = QApplication::exec();
    window.setSession(nullptr);
    return exitCode;
#else
    Q_UNUSED(token)
    err << tr("viewer: this build has no desktop window; the viewer needs the desktop build (BW_BUILD_UI=ON)") << '\n';
    return 1;
#endif
}

} // namespace bw::app
