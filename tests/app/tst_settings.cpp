#include "app/Settings.h"
#include "scanner/Scanner.h"
#include "server/RemoteServer.h"

#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace bw;
using namespace Qt::StringLiterals;

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

const QString kOperatorToken = u"operator-secret-0123456789abcdef"_s;
const QString kViewerToken = u"viewer-secret-0123456789abcdef"_s;

// Every value differs from its default, so a round trip that drops one is noticed.
SettingsValues everythingChanged()
{
    SettingsValues v;
    v.language = u"de"_s;
    v.theme = ThemeChoice::Light;
    v.scanIntervalSeconds = 45;
    v.scannerThreads = 3;
    v.maxConcurrentBatches = 5;
    v.memoryBudgetMiB = 2048;
    v.pressureHighPercent = 60;
    v.pressureCriticalPercent = 90;
    v.cpuWarningPercent = 50;
    v.cpuCriticalPercent = 95;
    v.memoryWarningPercent = 55;
    v.memoryCriticalPercent = 96;
    v.diskWarningPercent = 65;
    v.diskCriticalPercent = 97;
    v.paperStartingBalance = 25'000.5;
    v.source = DataSourceKind::Bybit;
    v.replayFolder = u"/data/candles"_s;
    v.bybitSymbols = u"top:25"_s;
    v.bybitRestUrl = u"https://api-testnet.bybit.com"_s;
    v.bybitWsUrl = u"wss://stream-testnet.bybit.com/v5/public/linear"_s;
    v.serverEnabled = false;
    v.serverBind = u"0.0.0.0"_s;
    v.serverPort = 9100;
    v.tokens = {{u"desk"_s, protocol::Role::Operator, kOperatorToken},
                {u"wall screen"_s, protocol::Role::Viewer, kViewerToken}};
    v.tlsCertificatePath = u"/etc/bw/cert.pem"_s;
    v.tlsKeyPath = u"/etc/bw/key.pem"_s;
    return v;
}

// A self-signed EC certificate and its key, made by openssl at test time; empty strings when it cannot.
bool makeCertificate(const QString &certPath, const QString &keyPath)
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        return false;
    QProcess process;
    process.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                            u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-keyout"_s, keyPath, u"-out"_s, certPath,
                            u"-days"_s, u"1"_s, u"-subj"_s, u"/CN=127.0.0.1"_s});
    return process.waitForFinished(60000) && process.exitCode() == 0;
}

QStringList s_messages;

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    s_messages.append(message);
}

} // namespace

class TestSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void defaultsFollowTheReferenceAndTheCode()
    {
        const SettingsValues v;
        QCOMPARE(v.scanIntervalSeconds, 120); // breakout_v1 scanner.scan_interval_seconds
        QCOMPARE(v.maxConcurrentBatches, 2);  // the original's optimized scanner
        QCOMPARE(v.scannerThreads, 0);
        QCOMPARE(v.paperStartingBalance, 100'000.0);
        QCOMPARE(v.language, u"system"_s);
        QVERIFY(v.languageCode().isEmpty());
        QCOMPARE(v.theme, ThemeChoice::Dark);
        QCOMPARE(v.source, DataSourceKind::Simulated);
        QCOMPARE(v.serverBind, u"127.0.0.1"_s);
        QCOMPARE(v.serverPort, int(ServerConfig{}.port));
        QVERIFY(v.serverEnabled);
        QVERIFY(v.tokens.isEmpty());
        QVERIFY(v.validate().isEmpty());

        // The settings' defaults are the ones the monitor, governor and scanner run with on their own.
        const RuntimeTuning t = v.tuning();
        const PressureThresholds governor;
        QCOMPARE(t.memoryBudgetBytes, governor.rssBudgetBytes);
        QCOMPARE(t.pressureHigh, governor.high);
        QCOMPARE(t.pressureCritical, governor.critical);
        const ResourceLimits limits;
        QCOMPARE(t.cpuPercent.warning, limits.cpuPercent.warning);
        QCOMPARE(t.cpuPercent.critical, limits.cpuPercent.critical);
        QCOMPARE(t.memoryPercent.warning, limits.memoryPercent.warning);
        QCOMPARE(t.memoryPercent.critical, limits.memoryPercent.critical);
        QCOMPARE(t.diskPercent.warning, limits.diskPercent.warning);
        QCOMPARE(t.diskPercent.critical, limits.diskPercent.critical);
        QCOMPARE(t.resourceLimits().rssBytes.critical, limits.rssBytes.critical);
        QCOMPARE(t.maxConcurrentBatches, ScannerSettings{}.maxConcurrentBatches);
    }

    void missingFileGivesDefaults()
    {
        Settings settings(path(u"absent/settings.ini"_s));
        QVERIFY(settings.load().isEmpty());
        QCOMPARE(settings.values(), SettingsValues{});
    }

    void roundTripThroughAnIniFile()
    {
        const QString file = path(u"roundtrip/settings.ini"_s);
        Settings writer(file);
        QSignalSpy changed(&writer, &Settings::changed);
        QString error;
        QVERIFY2(writer.save(everythingChanged(), &error), qPrintable(error));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.constFirst().constFirst().value<SettingsValues>(), everythingChanged());

        Settings reader(file);
        const QList<SettingsIssue> issues = reader.load();
        QVERIFY(issues.isEmpty());
        QCOMPARE(reader.values(), everythingChanged());

        // A readable INI file: numbers as text, the tokens as an array under [remote].
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray text = raw.readAll();
        QVERIFY(text.contains("startingBalance=25000.5"));
        QVERIFY(text.contains("version=1"));
        QVERIFY(text.contains("tokens\\1\\role=operator"));
        QVERIFY(!text.contains("@Variant"));

        // Saving again replaces, never appends: one token left means one token read.
        SettingsValues fewer = everythingChanged();
        fewer.tokens.removeLast();
        QVERIFY(writer.save(fewer));
        QVERIFY(reader.load().isEmpty());
        QCOMPARE(reader.values().tokens.size(), 1);
    }

    void unreadableValuesKeepTheirDefaultsAndAreNamed()
    {
        const QString file = path(u"bad.ini"_s);
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::WriteOnly));
        raw.write("version=1\n[ui]\ntheme=purple\n[remote]\nport=eighty\nbind=10.0.0.1\n"
                  "tokens\\size=2\ntokens\\1\\name=a\ntokens\\1\\role=admin\ntokens\\1\\token=aaaaaaaaaaaaaaaaaaaa\n"
                  "tokens\\2\\name=b\ntokens\\2\\role=viewer\ntokens\\2\\token=bbbbbbbbbbbbbbbbbbbb\n"
                  "[scanner]\nthreads=4\n");
        raw.close();
        Settings settings(file);
        const QList<SettingsIssue> issues = settings.load();
        QStringList fields;
        for (const SettingsIssue &issue : issues)
            fields << issue.field;
        QCOMPARE(fields, (QStringList{u"ui/theme"_s, u"remote/port"_s, u"remote/tokens"_s}));
        QVERIFY(issues.at(0).message.contains(u"\"purple\""_s));
        QVERIFY(issues.at(0).message.contains(u"using dark"_s));
        QVERIFY(issues.at(1).message.contains(u"using 8765"_s));
        QVERIFY(issues.at(2).message.contains(u"neither viewer nor operator"_s));
        // What could be read was read; the token with an unknown role was dropped, never made an operator.
        QCOMPARE(settings.values().theme, ThemeChoice::Dark);
        QCOMPARE(settings.values().serverPort, 8765);
        QCOMPARE(settings.values().serverBind, u"10.0.0.1"_s);
        QCOMPARE(settings.values().scannerThreads, 4);
        QCOMPARE(settings.values().tokens.size(), 1);
        QCOMPARE(settings.values().tokens.constFirst().name, u"b"_s);
        QCOMPARE(settings.values().tokens.constFirst().role, protocol::Role::Viewer);
    }

    void validationRules_data()
    {
        QTest::addColumn<SettingsValues>("values");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");

        const auto row = [](const char *name, SettingsValues v, const char *field, const QString &message) {
            QTest::newRow(name) << v << QString::fromLatin1(field) << message;
        };
        SettingsValues v;

        v = {};
        v.language = u"german"_s;
        row("language", v, "ui/language", u"\"german\" is not a language code such as en or de"_s);
        v = {};
        v.scanIntervalSeconds = 90'000;
        row("scan interval", v, "scanner/intervalSeconds", u"must be from 0 to 86400"_s);
        v = {};
        v.scannerThreads = -1;
        row("threads", v, "scanner/threads", u"must be from 0 to 256"_s);
        v = {};
        v.maxConcurrentBatches = 0;
        row("batches", v, "scanner/maxConcurrentBatches", u"must be from 1 to 64"_s);
        v = {};
        v.memoryBudgetMiB = 10;
        row("budget", v, "memory/budgetMiB", u"must be from 64 to 1048576"_s);
        v = {};
        v.pressureHighPercent = 85;
        row("pressure levels", v, "memory/criticalPercent", u"must be above the warning level (85 %)"_s);
        v = {};
        v.cpuWarningPercent = 90;
        row("cpu levels", v, "alerts/cpuCriticalPercent", u"must be above the warning level (90 %)"_s);
        v = {};
        v.memoryWarningPercent = 85;
        row("memory levels", v, "alerts/memoryCriticalPercent", u"must be above the warning level (85 %)"_s);
        v = {};
        v.diskCriticalPercent = 101;
        row("disk over 100", v, "alerts/diskCriticalPercent", u"must be from 1 to 100"_s);
        v = {};
        v.paperStartingBalance = 0;
        row("balance", v, "paper/startingBalance", u"must be from 1 to 1000000000000"_s);
        v = {};
        v.source = DataSourceKind::Replay;
        row("replay without folder", v, "source/replayFolder", u"choose the folder of recorded candles to replay"_s);
        v.replayFolder = u"/nonexistent/candles"_s;
        row("replay folder missing", v, "source/replayFolder", u"the folder /nonexistent/candles does not exist"_s);
        v = {};
        v.source = DataSourceKind::Bybit;
        v.bybitSymbols = u"top:x"_s;
        row("bybit symbols", v, "source/bybitSymbols", u"top:x"_s);
        v = {};
        v.source = DataSourceKind::Bybit;
        v.bybitRestUrl = u"ftp://api.bybit.com"_s;
        row("bybit rest url", v, "source/bybitRestUrl", u"expected an http:// or https:// address"_s);
        v = {};
        v.source = DataSourceKind::Bybit;
        v.bybitWsUrl = u"https://stream.bybit.com"_s;
        row("bybit ws url", v, "source/bybitWsUrl", u"expected a ws:// or wss:// address"_s);
        v = {};
        v.serverPort = 0;
        row("port zero", v, "remote/port", u"must be from 1 to 65535"_s);
        v.serverPort = 70'000;
        row("port too high", v, "remote/port", u"must be from 1 to 65535"_s);
        v = {};
        v.serverBind = u"localhost:80"_s;
        row("bind not an address", v, "remote/bind", u"\"localhost:80\" is not an IP address such as 127.0.0.1"_s);
        v = {};
        v.serverBind = u"0.0.0.0"_s;
        row("open bind without tokens", v, "remote/bind",
            u"listening on 0.0.0.0 needs at least one configured token: add a token or bind to 127.0.0.1"_s);
        v = {};
        v.tokens = {{u"desk"_s, protocol::Role::Operator, u"xq7z9"_s}};
        row("short token", v, "remote/tokens", u"token 1 (desk) is shorter than 16 characters"_s);
        v.tokens = {{u" "_s, protocol::Role::Operator, kOperatorToken}};
        row("token without name", v, "remote/tokens", u"token 1 has no name"_s);
        v.tokens = {{u"desk"_s, protocol::Role::Operator, u"has a space inside it"_s}};
        row("token with a space", v, "remote/tokens", u"token 1 (desk) may only hold printable ASCII without spaces"_s);
        v.tokens = {{u"a"_s, protocol::Role::Operator, kOperatorToken},
                    {u"b"_s, protocol::Role::Viewer, kOperatorToken}};
        row("repeated token", v, "remote/tokens", u"token 2 (b) repeats another token"_s);
        v.tokens = {{u"a"_s, protocol::Role::Operator, kOperatorToken}, {u"a"_s, protocol::Role::Viewer, kViewerToken}};
        row("repeated name", v, "remote/tokens", u"token 2: the name \"a\" is used twice"_s);
        v = {};
        v.tlsKeyPath = QFINDTESTDATA("tst_settings.cpp"); // any readable file: the missing certificate is the issue
        row("key without certificate", v, "remote/tlsCertificate",
            u"TLS needs the certificate that belongs to the private key"_s);
        v = {};
        v.tlsCertificatePath = u"/nonexistent/cert.pem"_s;
        row("unreadable certificate", v, "remote/tlsCertificate", u"cannot read /nonexistent/cert.pem"_s);
        v.tlsCertificatePath = QFINDTESTDATA("tst_settings.cpp");
        row("certificate without key", v, "remote/tlsKey",
            u"TLS needs the private key that belongs to the certificate"_s);
    }

    void validationRules()
    {
        QFETCH(SettingsValues, values);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const QList<SettingsIssue> issues = values.validate();
        const auto it = std::find_if(issues.cbegin(), issues.cend(), [&](const SettingsIssue &issue) {
            return issue.field == field && issue.message.contains(message);
        });
        if (it == issues.cend()) {
            QStringList got;
            for (const SettingsIssue &issue : issues)
                got << issue.field + u": "_s + issue.message;
            QFAIL(qPrintable(u"expected %1: %2; got: %3"_s.arg(field, message, got.join(u" | "_s))));
        }
        // No token ever appears in a message.
        for (const SettingsIssue &issue : issues) {
            for (const RemoteToken &token : values.tokens)
                QVERIFY(token.token.size() < 4 || !issue.message.contains(token.token));
        }
    }

    void checksOnlyWhatIsInUse()
    {
        SettingsValues v;
        v.serverEnabled = false;
        v.serverBind = u"0.0.0.0"_s; // would be refused with the server on
        v.replayFolder = u"/nonexistent"_s;
        v.bybitSymbols = u"bad"_s; // only checked with the Bybit source
        QVERIFY(v.validate().isEmpty());
        v.serverEnabled = true;
        QCOMPARE(v.validate().size(), 1);
        v.tokens = {{u"desk"_s, protocol::Role::Operator, kOperatorToken}};
        QVERIFY(v.validate().isEmpty()); // an open bind is fine once a token guards it

        SettingsValues replay;
        replay.source = DataSourceKind::Replay;
        replay.replayFolder = m_dir.path();
        QVERIFY(replay.validate().isEmpty());
    }

    void tlsFilesAreReadAndParsed()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        const QString cert = path(u"cert.pem"_s);
        const QString key = path(u"key.pem"_s);
        if (!makeCertificate(cert, key))
            QSKIP("openssl cannot make a test certificate");

        SettingsValues v;
        v.tokens = {{u"desk"_s, protocol::Role::Operator, kOperatorToken},
                    {u"wall"_s, protocol::Role::Viewer, kViewerToken}};
        v.tlsCertificatePath = cert;
        v.tlsKeyPath = key;
        QStringList errors;
        ServerConfig config = v.serverConfig(&errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"; "_s)));
        QCOMPARE(config.tokens.value(kOperatorToken), protocol::Role::Operator);
        QCOMPARE(config.tokens.value(kViewerToken), protocol::Role::Viewer);
        QCOMPARE(config.certificatePath, cert);
        QCOMPARE(config.privateKeyPath, key);
        QVERIFY(config.bindAddress.isLoopback());

        // The configuration starts a real wss server (on any free port).
        config.port = 0;
        RemoteServer server(config);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(server.isSecure());
        server.stop();

        // Swapped files: each names its own problem.
        v.tlsCertificatePath = key;
        v.tlsKeyPath = cert;
        errors.clear();
        v.serverConfig(&errors);
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.at(0), u"%1 holds no PEM certificate"_s.arg(key));
        QCOMPARE(errors.at(1), u"%1 holds no unencrypted PEM RSA or EC private key"_s.arg(cert));
    }

    void serverConfigReportsWhatStopsTheServer()
    {
        SettingsValues v;
        v.serverBind = u"0.0.0.0"_s;
        v.serverPort = 9001;
        QStringList errors;
        const ServerConfig config = v.serverConfig(&errors);
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.constFirst().contains(u"needs at least one configured token"_s));
        QCOMPARE(config.port, 9001);
        QVERIFY(config.tokens.isEmpty());
    }

    void feedOptionsFollowTheSource()
    {
        FeedOptions base;
        base.simulated.symbols = 77;
        base.replay.barsPerSecond = 20;
        base.source = FeedOptions::Source::Bybit; // the settings choose the source
        SettingsValues v;
        FeedOptions options = v.feedOptions(base);
        QCOMPARE(options.source, FeedOptions::Source::Simulated);
        QCOMPARE(options.simulated.symbols, 77);
        QCOMPARE(options.replay.barsPerSecond, 20.0);

        v.source = DataSourceKind::Replay;
        v.replayFolder = m_dir.path();
        options = v.feedOptions();
        QCOMPARE(options.source, FeedOptions::Source::Replay);
        QCOMPARE(options.replay.path, m_dir.path());

        v.source = DataSourceKind::Bybit;
        v.bybitSymbols = u"top:25"_s;
        v.bybitRestUrl = u"http://127.0.0.1:8080"_s;
        v.bybitWsUrl = u"ws://127.0.0.1:8081/v5/public/linear"_s;
        options = v.feedOptions();
        QCOMPARE(options.source, FeedOptions::Source::Bybit);
        QCOMPARE(options.bybit.symbols.topN, 25);
        QCOMPARE(options.bybit.restBaseUrl, QUrl(u"http://127.0.0.1:8080"_s));
        QCOMPARE(options.bybit.wsBaseUrl, QUrl(u"ws://127.0.0.1:8081/v5/public/linear"_s));
        QVERIFY(options.bybit.validate().isEmpty());
        QString error;
        QVERIFY2(createFeed(options, &error) != nullptr, qPrintable(error));
    }

    void tuningConvertsUnits()
    {
        SettingsValues v;
        v.scanIntervalSeconds = 30;
        v.scannerThreads = 2;
        v.maxConcurrentBatches = 4;
        v.memoryBudgetMiB = 512;
        v.pressureHighPercent = 60;
        v.pressureCriticalPercent = 80;
        v.diskWarningPercent = 70;
        const RuntimeTuning t = v.tuning();
        QCOMPARE(t.scanIntervalSeconds, 30);
        QCOMPARE(t.scannerThreads, 2);
        QCOMPARE(t.maxConcurrentBatches, 4);
        QCOMPARE(t.memoryBudgetBytes, 512LL * 1024 * 1024);
        const PressureThresholds p = t.pressureThresholds();
        QCOMPARE(p.rssBudgetBytes, 512LL * 1024 * 1024);
        QCOMPARE(p.high, 0.60);
        QCOMPARE(p.critical, 0.80);
        QCOMPARE(p.hysteresis, PressureThresholds{}.hysteresis);
        const ResourceLimits limits = t.resourceLimits();
        QCOMPARE(limits.diskPercent.warning, 70.0);
        QCOMPARE(limits.rssBytes.critical, 512.0 * 1024 * 1024);
    }

    void commandLineOverridesSettings()
    {
        SettingsValues saved;
        saved.serverPort = 7000;
        saved.serverBind = u"10.0.0.5"_s;
        saved.theme = ThemeChoice::Dark;
        saved.language = u"de"_s;

        // Nothing given: the saved settings stand, even where AppOptions' own defaults differ.
        AppOptionsResult none = AppOptionsParser::parse({u"breakout-workstation"_s});
        QVERIFY(none.error.isEmpty());
        QCOMPARE(saved.withCommandLine(none.options), saved);

        AppOptionsResult given = AppOptionsParser::parse(
            {u"breakout-workstation"_s, u"--ws-port"_s, u"9000"_s, u"--theme"_s, u"light"_s, u"--no-server"_s});
        QVERIFY2(given.error.isEmpty(), qPrintable(given.error));
        const SettingsValues effective = saved.withCommandLine(given.options);
        QCOMPARE(effective.serverPort, 9000);
        QCOMPARE(effective.theme, ThemeChoice::Light);
        QVERIFY(!effective.serverEnabled);
        QCOMPARE(effective.serverBind, u"10.0.0.5"_s); // not given
        QCOMPARE(effective.language, u"de"_s);         // not given

        given =
            AppOptionsParser::parse({u"breakout-workstation"_s, u"--ws-bind"_s, u"127.0.0.1"_s, u"--lang"_s, u"en"_s});
        QVERIFY2(given.error.isEmpty(), qPrintable(given.error));
        QCOMPARE(saved.withCommandLine(given.options).serverBind, u"127.0.0.1"_s);
        QCOMPARE(saved.withCommandLine(given.options).language, u"en"_s);
    }

    void fileIsOnlyUserReadable()
    {
        const QString folder = path(u"perm"_s);
        const QString file = folder + u"/settings.ini"_s;
        Settings settings(file);
        QVERIFY(settings.save(everythingChanged()));
        QCOMPARE(QFile::permissions(file) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser), kOwnerOnly);
        QCOMPARE(QFile::permissions(folder) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
                 kOwnerOnly | QFileDevice::ExeOwner);

        // A file someone made world-readable is restricted again by the next save...
        QVERIFY(QFile::setPermissions(file, kOwnerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QVERIFY(settings.save(everythingChanged()));
        QCOMPARE(QFile::permissions(file) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser), kOwnerOnly);
        // ...and by loading it.
        QVERIFY(QFile::setPermissions(file, kOwnerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QVERIFY(settings.load().isEmpty());
        QCOMPARE(QFile::permissions(file) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser), kOwnerOnly);
    }

    void tokensNeverReachTheLog()
    {
        QLoggingCategory::setFilterRules(u"bw.*=true"_s);
        s_messages.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
        const QString file = path(u"log/settings.ini"_s);
        Settings settings(file);
        SettingsValues v = everythingChanged();
        v.tokens.append({u"bad"_s, protocol::Role::Viewer, u"shortsecret"_s});
        settings.save(v);
        settings.load();
        v.validate();
        QStringList errors;
        v.serverConfig(&errors);
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(u"bw.*.debug=false"_s);

        QVERIFY(!s_messages.isEmpty()); // the facade does log: loads and saves
        for (const QString &message : std::as_const(s_messages)) {
            QVERIFY2(!message.contains(kOperatorToken), qPrintable(message));
            QVERIFY2(!message.contains(kViewerToken), qPrintable(message));
            QVERIFY2(!message.contains(u"shortsecret"_s), qPrintable(message));
        }
        for (const QString &error : std::as_const(errors))
            QVERIFY(!error.contains(u"shortsecret"_s));
    }

    void generatedTokensAreUsable()
    {
        const QString a = Settings::generateToken();
        const QString b = Settings::generateToken();
        QCOMPARE(a.size(), 64);
        QVERIFY(a != b);
        SettingsValues v;
        v.tokens = {{u"one"_s, protocol::Role::Operator, a}, {u"two"_s, protocol::Role::Viewer, b}};
        QVERIFY(v.validate().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
