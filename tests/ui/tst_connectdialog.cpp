#include "mainwindow/ConnectDialog.h"
#include "mainwindow/MainWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace bw;
using namespace bw::ui;
using namespace Qt::StringLiterals;

namespace {

QPushButton *okButton(ConnectDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

// File > Connect to remote: what the user types is checked before OK can be pressed.
class TestConnectDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        QCoreApplication::setOrganizationName(u"BreakoutWorkstationTests"_s);
        QSettings().clear();
    }

    void validatesTheAddressAndToken_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("problem"); // a word of the message; empty: OK enabled

        QTest::newRow("empty address") << QString() << u"t"_s << u"Enter the server address"_s;
        QTest::newRow("http scheme") << u"http://127.0.0.1:8765"_s << u"t"_s << u"ws:// or wss://"_s;
        QTest::newRow("no scheme") << u"127.0.0.1:8765"_s << u"t"_s << u"ws:// or wss://"_s;
        QTest::newRow("no host") << u"ws://:8765"_s << u"t"_s << u"no host"_s;
        QTest::newRow("token in the address") << u"ws://127.0.0.1:8765/?token=abc"_s << u"t"_s << u"own field"_s;
        QTest::newRow("empty token") << u"ws://127.0.0.1:8765"_s << QString() << u"token"_s;
        QTest::newRow("blank token") << u"ws://127.0.0.1:8765"_s << u"   "_s << u"token"_s;
        QTest::newRow("ws") << u"ws://127.0.0.1:8765"_s << u"abc"_s << QString();
        QTest::newRow("wss upper case") << u"WSS://server.example:443"_s << u"abc"_s << QString();
    }

    void validatesTheAddressAndToken()
    {
        QFETCH(QString, url);
        QFETCH(QString, token);
        QFETCH(QString, problem);
        ConnectDialog dialog;
        dialog.findChild<QLineEdit *>(u"connectUrl"_s)->setText(url);
        dialog.findChild<QLineEdit *>(u"connectToken"_s)->setText(token);
        auto *message = dialog.findChild<QLabel *>(u"connectMessage"_s);
        QVERIFY(message);
        if (problem.isEmpty()) {
            QVERIFY(okButton(dialog)->isEnabled());
            QVERIFY(dialog.problem().isEmpty());
            QVERIFY(message->isHidden());
        } else {
            QVERIFY(!okButton(dialog)->isEnabled());
            QVERIFY2(message->text().contains(problem), qPrintable(message->text()));
            QVERIFY(!message->isHidden());
        }
    }

    void tokenIsHiddenAndCanComeFromAFile()
    {
        ConnectDialog dialog;
        auto *token = dialog.findChild<QLineEdit *>(u"connectToken"_s);
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        dialog.setUrl(u"ws://127.0.0.1:8765"_s);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString good = dir.filePath(u"operator.token"_s);
        QFile file(good);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\n  s3cr3t-token  \nsecond line\n");
        file.close();
        QVERIFY(dialog.loadTokenFile(good));
        QCOMPARE(dialog.token(), u"s3cr3t-token"_s);
        QVERIFY(okButton(dialog)->isEnabled());

        // A missing file says which, and OK waits for a usable token.
        const QString missing = dir.filePath(u"nope.token"_s);
        QVERIFY(!dialog.loadTokenFile(missing));
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(dialog.problem().contains(missing));
        // Typing a token instead clears the file's problem.
        token->setText(u"typed"_s);
        QVERIFY(okButton(dialog)->isEnabled());

        const QString empty = dir.filePath(u"empty.token"_s);
        QFile emptyFile(empty);
        QVERIFY(emptyFile.open(QIODevice::WriteOnly));
        emptyFile.write("\n \n");
        emptyFile.close();
        QVERIFY(!dialog.loadTokenFile(empty));
        QVERIFY(dialog.problem().contains(u"empty"_s));
    }

    void selfSignedOnlyForWss()
    {
        ConnectDialog dialog;
        auto *acceptAny = dialog.findChild<QCheckBox *>(u"connectAcceptAny"_s);
        QVERIFY(acceptAny);
        dialog.setUrl(u"ws://127.0.0.1:8765"_s);
        QVERIFY(!acceptAny->isEnabled());
        acceptAny->setChecked(true);
        QVERIFY(!dialog.acceptAnyCertificate());
        dialog.setUrl(u"wss://127.0.0.1:8765"_s);
        QVERIFY(acceptAny->isEnabled());
        QVERIFY(dialog.acceptAnyCertificate());
    }

    void mainWindowEmitsConnectRequested()
    {
        MainWindow window;
        QSignalSpy requested(&window, &MainWindow::connectRequested);
        auto *connectAction = window.findChild<QAction *>(u"connectAction"_s);
        QVERIFY(connectAction);
        connectAction->trigger();
        auto *dialog = window.findChild<ConnectDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->isModal() || dialog->windowModality() == Qt::WindowModal);
        dialog->setUrl(u"wss://10.0.0.5:9443"_s);
        dialog->findChild<QLineEdit *>(u"connectToken"_s)->setText(u"op-token"_s);
        dialog->findChild<QCheckBox *>(u"connectAcceptAny"_s)->setChecked(true);
        okButton(*dialog)->click();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toUrl(), QUrl(u"wss://10.0.0.5:9443"_s));
        QCOMPARE(requested.at(0).at(1).toString(), u"op-token"_s);
        QCOMPARE(requested.at(0).at(2).toBool(), true);
        // The address is remembered for next time, the token never.
        QCOMPARE(QSettings().value(u"connect/lastUrl"_s).toString(), u"wss://10.0.0.5:9443"_s);
        const QStringList keys = QSettings().allKeys();
        for (const QString &key : keys)
            QVERIFY(!QSettings().value(key).toString().contains(u"op-token"_s));

        // Disconnect needs a remote session.
        auto *disconnectAction = window.findChild<QAction *>(u"disconnectAction"_s);
        QVERIFY(disconnectAction);
        QVERIFY(!disconnectAction->isEnabled());
    }
};

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
