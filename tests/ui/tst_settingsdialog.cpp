#include "common/Theme.h"
#include "server/ServerToken.h"
#include "settings/SettingsDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace bw;
using namespace bw::ui;
using namespace Qt::StringLiterals;

namespace {

template <typename T>
T *child(const QWidget &parent, const QString &name)
{
    T *widget = parent.findChild<T *>(name);
    if (!widget)
        qFatal("no widget %s", qPrintable(name));
    return widget;
}

QPushButton *okButton(const SettingsDialog &dialog)
{
    return child<QPushButton>(dialog, u"ok"_s);
}

QPushButton *applyButton(const SettingsDialog &dialog)
{
    return child<QPushButton>(dialog, u"apply"_s);
}

QLabel *errorFor(const SettingsDialog &dialog, const QString &field)
{
    return child<QLabel>(dialog, u"error:"_s + field);
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void showsTheValuesItIsGiven()
    {
        SettingsValues v;
        v.language = u"de"_s;
        v.theme = ThemeChoice::Light;
        v.scanIntervalSeconds = 45;
        v.scannerThreads = 3;
        v.maxConcurrentBatches = 4;
        v.memoryBudgetMiB = 2048;
        v.pressureHighPercent = 60;
        v.pressureCriticalPercent = 90;
        v.cpuWarningPercent = 50;
        v.diskCriticalPercent = 95;
        v.paperStartingBalance = 25'000;
        v.source = DataSourceKind::Bybit;
        v.bybitSymbols = u"top:25"_s;
        v.bybitRestUrl = u"https://api-testnet.bybit.com"_s;
        v.serverBind = u"0.0.0.0"_s;
        v.serverPort = 9100;
        v.tokens = {{u"desk"_s, protocol::Role::Operator, Settings::generateToken()},
                    {u"wall"_s, protocol::Role::Viewer, Settings::generateToken()}};
        SettingsDialog dialog(v);
        QCOMPARE(dialog.values(), v);
        QVERIFY(dialog.issues().isEmpty());
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(child<QTableWidget>(dialog, u"tokens"_s)->rowCount(), 2);
    }

    void invalidInputDisablesOkAndShowsTheMessage()
    {
        SettingsDialog dialog{SettingsValues{}};
        QVERIFY(dialog.openPage(u"remote"_s));
        QVERIFY(okButton(dialog)->isEnabled());
        QLabel *bindError = errorFor(dialog, u"remote/bind"_s);
        QVERIFY(!bindError->isVisibleTo(&dialog));

        // Listening on every interface without a token is refused, next to the address.
        child<QLineEdit>(dialog, u"bind"_s)->setText(u"0.0.0.0"_s);
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(!applyButton(dialog)->isEnabled());
        QVERIFY(bindError->isVisibleTo(&dialog));
        QVERIFY(bindError->text().contains(u"needs at least one configured token"_s));
        // The page holding the problem is marked in the list.
        auto *pages = child<QListWidget>(dialog, u"pages"_s);
        QVERIFY(!pages->item(SettingsDialog::pageNames().indexOf(u"remote"_s))->icon().isNull());
        QVERIFY(pages->item(SettingsDialog::pageNames().indexOf(u"general"_s))->icon().isNull());

        // Adding a token (with a generated secret) fixes it.
        child<QPushButton>(dialog, u"addToken"_s)->click();
        QCOMPARE(dialog.values().tokens.size(), 1);
        QCOMPARE(dialog.values().tokens.constFirst().token.size(), 64);
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(!bindError->isVisibleTo(&dialog));

        // A short token names its row, never its secret.
        auto *tokens = child<QTableWidget>(dialog, u"tokens"_s);
        tokens->item(0, 2)->setText(u"tooshort"_s);
        QVERIFY(!okButton(dialog)->isEnabled());
        QLabel *tokenError = errorFor(dialog, u"remote/tokens"_s);
        QVERIFY(tokenError->isVisibleTo(&dialog));
        QVERIFY(tokenError->text().contains(u"token 1 (viewer 1) is shorter than 16 characters"_s));
        QVERIFY(!tokenError->text().contains(u"tooshort"_s));
        child<QPushButton>(dialog, u"removeToken"_s)->click(); // the added row is still selected
        QCOMPARE(tokens->rowCount(), 0);
        QVERIFY(!okButton(dialog)->isEnabled()); // back to the open bind without tokens
    }

    void thresholdsMustBeOrdered()
    {
        SettingsDialog dialog{SettingsValues{}};
        QVERIFY(dialog.openPage(u"memory"_s));
        child<QSpinBox>(dialog, u"pressureHigh"_s)->setValue(90);
        QVERIFY(!okButton(dialog)->isEnabled());
        QLabel *error = errorFor(dialog, u"memory/criticalPercent"_s);
        QVERIFY(error->isVisibleTo(&dialog));
        QCOMPARE(error->text(), u"must be above the warning level (90 %)"_s);
        child<QSpinBox>(dialog, u"pressureCritical"_s)->setValue(95);
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(!error->isVisibleTo(&dialog));

        child<QSpinBox>(dialog, u"cpuWarning"_s)->setValue(85);
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(errorFor(dialog, u"alerts/cpuCriticalPercent"_s)->isVisibleTo(&dialog));
    }

    void replayNeedsAnExistingFolder()
    {
        SettingsDialog dialog{SettingsValues{}};
        QVERIFY(dialog.openPage(u"source"_s));
        auto *source = child<QComboBox>(dialog, u"source"_s);
        source->setCurrentIndex(source->findData(int(DataSourceKind::Replay)));
        QVERIFY(!okButton(dialog)->isEnabled());
        auto *folder = child<QLineEdit>(dialog, u"replayFolder"_s);
        folder->setText(m_dir.filePath(u"missing"_s));
        QCOMPARE(errorFor(dialog, u"source/replayFolder"_s)->text(),
                 u"the folder %1 does not exist"_s.arg(m_dir.filePath(u"missing"_s)));
        folder->setText(m_dir.path());
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(dialog.values().feedOptions().replay.path, m_dir.path());
    }

    void applyEmitsTheValuesAndSaves()
    {
        Settings settings(m_dir.filePath(u"apply/settings.ini"_s));
        QVERIFY(settings.load().isEmpty());
        SettingsDialog dialog(settings.values());
        dialog.setSettings(&settings);
        QSignalSpy applied(&dialog, &SettingsDialog::settingsApplied);

        child<QSpinBox>(dialog, u"scanInterval"_s)->setValue(30);
        child<QSpinBox>(dialog, u"threads"_s)->setValue(2);
        child<QSpinBox>(dialog, u"budget"_s)->setValue(512);
        applyButton(dialog)->click();
        QCOMPARE(applied.count(), 1);
        const auto values = applied.constFirst().constFirst().value<SettingsValues>();
        QCOMPARE(values.scanIntervalSeconds, 30);
        QCOMPARE(values.tuning().scannerThreads, 2);
        QCOMPARE(values.tuning().memoryBudgetBytes, 512LL * 1024 * 1024);

        // Saved: a fresh facade on the same file reads them back.
        Settings reread(settings.filePath());
        QVERIFY(reread.load().isEmpty());
        QCOMPARE(reread.values(), values);

        // OK applies too and closes the dialog.
        child<QSpinBox>(dialog, u"batches"_s)->setValue(3);
        okButton(dialog)->click();
        QCOMPARE(applied.count(), 2);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(applied.at(1).constFirst().value<SettingsValues>().maxConcurrentBatches, 3);
    }

    void copyTokenPutsTheTokenOnTheClipboard()
    {
        const QString file = m_dir.filePath(u"remote-token"_s);
        const QString token = ServerToken::generate();
        QString error;
        QVERIFY2(ServerToken::writeFile(file, token, &error), qPrintable(error));

        SettingsDialog dialog{SettingsValues{}};
        QVERIFY(dialog.openPage(u"remote"_s));
        QWidget *box = child<QWidget>(dialog, u"generatedToken"_s);
        QVERIFY(!box->isVisibleTo(&dialog));
        dialog.setGeneratedTokenFile(file);
        QVERIFY(box->isVisibleTo(&dialog));
        QCOMPARE(child<QLabel>(dialog, u"generatedTokenPath"_s)->text(), file);

        QGuiApplication::clipboard()->clear();
        child<QPushButton>(dialog, u"copyToken"_s)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), token);
        QVERIFY(child<QLabel>(dialog, u"copyStatus"_s)->isVisibleTo(&dialog));

        // A token file that went away is reported, and the clipboard keeps what it had.
        QVERIFY(QFile::remove(file));
        QVERIFY(!dialog.copyGeneratedToken());
        QVERIFY(child<QLabel>(dialog, u"copyStatus"_s)->text().startsWith(u"Cannot read "_s + file));
        QCOMPARE(QGuiApplication::clipboard()->text(), token);
    }

    void opensPagesByName()
    {
        SettingsDialog dialog{SettingsValues{}};
        QCOMPARE(dialog.currentPage(), u"general"_s);
        for (const QString &name : SettingsDialog::pageNames()) {
            QVERIFY(dialog.openPage(name));
            QCOMPARE(dialog.currentPage(), name);
            QCOMPARE(child<QStackedWidget>(dialog, QString())->currentWidget()->objectName(), name + u"Page"_s);
        }
        QVERIFY(!dialog.openPage(u"nonsense"_s));
        QCOMPARE(dialog.currentPage(), u"remote"_s);
    }

    // Not a check: pictures for the documentation when BW_SCREENSHOT_DIR is set (run under xvfb-run).
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("BW_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("BW_SCREENSHOT_DIR not set");
        Theme::apply(ThemeMode::Dark);
        SettingsValues v;
        v.tokens = {{u"trading desk"_s, protocol::Role::Operator, Settings::generateToken()},
                    {u"wall screen"_s, protocol::Role::Viewer, Settings::generateToken()}};
        v.serverBind = u"0.0.0.0"_s;
        SettingsDialog dialog(v);
        dialog.setGeneratedTokenFile(u"/home/trader/.config/breakout-workstation/remote-token"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QDir().mkpath(dir);
        for (const QString &name : SettingsDialog::pageNames()) {
            dialog.openPage(name);
            QCoreApplication::processEvents();
            QVERIFY(dialog.grab().save(dir + u"/settings-"_s + name + u".png"_s));
        }
        dialog.openPage(u"remote"_s);
        QCoreApplication::processEvents();
        QVERIFY(dialog.grab().save(dir + u"/settings.png"_s));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
