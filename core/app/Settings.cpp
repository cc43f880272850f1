#include "app/Settings.h"

#include "app/AppLog.h"
#include "server/ServerToken.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <optional>

namespace bw {
namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// Keys of the file; also the `field` of a SettingsIssue.
namespace key {
const QString version = QStringLiteral("version");
// Not "general/": the INI format takes a [General] section for keys outside any group.
const QString language = QStringLiteral("ui/language");
const QString theme = QStringLiteral("ui/theme");
const QString scanInterval = QStringLiteral("scanner/intervalSeconds");
const QString threads = QStringLiteral("scanner/threads");
const QString batches = QStringLiteral("scanner/maxConcurrentBatches");
const QString budget = QStringLiteral("memory/budgetMiB");
const QString pressureHigh = QStringLiteral("memory/highPercent");
const QString pressureCritical = QStringLiteral("memory/criticalPercent");
const QString cpuWarning = QStringLiteral("alerts/cpuWarningPercent");
const QString cpuCritical = QStringLiteral("alerts/cpuCriticalPercent");
const QString memoryWarning = QStringLiteral("alerts/memoryWarningPercent");
const QString memoryCritical = QStringLiteral("alerts/memoryCriticalPercent");
const QString diskWarning = QStringLiteral("alerts/diskWarningPercent");
const QString diskCritical = QStringLiteral("alerts/diskCriticalPercent");
const QString balance = QStringLiteral("paper/startingBalance");
const QString source = QStringLiteral("source/kind");
const QString replayFolder = QStringLiteral("source/replayFolder");
const QString bybitSymbols = QStringLiteral("source/bybitSymbols");
const QString bybitRest = QStringLiteral("source/bybitRestUrl");
const QString bybitWs = QStringLiteral("source/bybitWsUrl");
const QString serverEnabled = QStringLiteral("remote/enabled");
const QString bind = QStringLiteral("remote/bind");
const QString port = QStringLiteral("remote/port");
const QString tokens = QStringLiteral("remote/tokens");
const QString certificate = QStringLiteral("remote/tlsCertificate");
const QString privateKey = QStringLiteral("remote/tlsKey");
} // namespace key

// Range checks shared by validate(); a message names the allowed range, never the key.
void checkRange(QList<SettingsIssue> &issues, const QString &field, qint64 value, qint64 min, qint64 max)
{
    if (value < min || value > max)
        issues.append({field, Settings::tr("must be from %1 to %2").arg(min).arg(max)});
}

void checkLevels(QList<SettingsIssue> &issues, const QString &warningField, int warning, const QString &criticalField,
                 int critical)
{
    const qsizetype before = issues.size();
    checkRange(issues, warningField, warning, 1, 100);
    checkRange(issues, criticalField, critical, 1, 100);
    if (issues.size() == before && warning >= critical)
        issues.append({criticalField, Settings::tr("must be above the warning level (%1 %)").arg(warning)});
}

QByteArray readSmallFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Settings::tr("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    // A PEM certificate chain or key is a few KiB; refuse to pull a wrong, huge file into memory.
    constexpr qint64 kMaxBytes = 1024 * 1024;
    if (file.size() > kMaxBytes) {
        *error = Settings::tr("%1 is larger than 1 MiB: not a PEM file").arg(path);
        return {};
    }
    return file.readAll();
}

// Empty when `path` holds a PEM certificate; the message otherwise.
QString certificateProblem(const QString &path)
{
    QString error;
    const QByteArray pem = readSmallFile(path, &error);
    if (!error.isEmpty())
        return error;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(pem, QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull())
        return Settings::tr("%1 holds no PEM certificate").arg(path);
    return {};
}

QString privateKeyProblem(const QString &path)
{
    QString error;
    const QByteArray pem = readSmallFile(path, &error);
    if (!error.isEmpty())
        return error;
    if (QSslKey(pem, QSsl::Rsa, QSsl::Pem).isNull() && QSslKey(pem, QSsl::Ec, QSsl::Pem).isNull())
        return Settings::tr("%1 holds no unencrypted PEM RSA or EC private key").arg(path);
    return {};
}

// The remote/ rules: shared by validate() and serverConfig().
void checkRemote(const SettingsValues &v, QList<SettingsIssue> &issues)
{
    checkRange(issues, key::port, v.serverPort, 1, 65535);
    const QHostAddress address(v.serverBind);
    if (address.isNull()) {
        issues.append({key::bind, Settings::tr("\"%1\" is not an IP address such as 127.0.0.1").arg(v.serverBind)});
    } else if (!address.isLoopback() && v.tokens.isEmpty()) {
        issues.append(
            {key::bind, Settings::tr("listening on %1 needs at least one configured token: add a token or bind to "
                                     "127.0.0.1")
                            .arg(v.serverBind)});
    }
    QSet<QString> names;
    QSet<QString> secrets;
    for (qsizetype i = 0; i < v.tokens.size(); ++i) {
        const RemoteToken &t = v.tokens.at(i);
        // Rows are numbered from 1 as in the dialog's table; the token itself is never quoted.
        const QString row = QString::number(i + 1);
        if (t.name.trimmed().isEmpty())
            issues.append({key::tokens, Settings::tr("token %1 has no name").arg(row)});
        else if (names.contains(t.name.trimmed()))
            issues.append(
                {key::tokens, Settings::tr("token %1: the name \"%2\" is used twice").arg(row, t.name.trimmed())});
        names.insert(t.name.trimmed());
        static const QRegularExpression printable(QStringLiteral("^[\\x21-\\x7e]*$"));
        if (t.token.size() < 16)
            issues.append({key::tokens, Settings::tr("token %1 (%2) is shorter than 16 characters").arg(row, t.name)});
        else if (!printable.match(t.token).hasMatch())
            issues.append(
                {key::tokens,
                 Settings::tr("token %1 (%2) may only hold printable ASCII without spaces").arg(row, t.name)});
        else if (secrets.contains(t.token))
            issues.append({key::tokens, Settings::tr("token %1 (%2) repeats another token").arg(row, t.name)});
        secrets.insert(t.token);
    }
    const bool haveCert = !v.tlsCertificatePath.isEmpty();
    const bool haveKey = !v.tlsKeyPath.isEmpty();
    if (haveCert && !haveKey)
        issues.append({key::privateKey, Settings::tr("TLS needs the private key that belongs to the certificate")});
    if (haveKey && !haveCert)
        issues.append({key::certificate, Settings::tr("TLS needs the certificate that belongs to the private key")});
    if (haveCert) {
        const QString problem = certificateProblem(v.tlsCertificatePath);
        if (!problem.isEmpty())
            issues.append({key::certificate, problem});
    }
    if (haveKey) {
        const QString problem = privateKeyProblem(v.tlsKeyPath);
        if (!problem.isEmpty())
            issues.append({key::privateKey, problem});
    }
}

QString themeName(ThemeChoice theme)
{
    return theme == ThemeChoice::Light ? QStringLiteral("light") : QStringLiteral("dark");
}

// Reads a file's values into a SettingsValues, collecting what cannot be read.
class Reader final
{
public:
    Reader(QSettings &settings, QList<SettingsIssue> &issues)
        : m_settings(settings)
        , m_issues(issues)
    {}

    void readInt(const QString &name, int &out)
    {
        if (!m_settings.contains(name))
            return;
        const QString text = m_settings.value(name).toString().trimmed();
        bool ok = false;
        const int value = text.toInt(&ok);
        if (ok)
            out = value;
        else
            bad(name, text, QString::number(out));
    }

    void readDouble(const QString &name, double &out)
    {
        if (!m_settings.contains(name))
            return;
        const QString text = m_settings.value(name).toString().trimmed();
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (ok && std::isfinite(value))
            out = value;
        else
            bad(name, text, QString::number(out, 'f', 2));
    }

    void readBool(const QString &name, bool &out)
    {
        if (!m_settings.contains(name))
            return;
        const QString text = m_settings.value(name).toString().trimmed().toLower();
        if (text == u"true" || text == u"1")
            out = true;
        else if (text == u"false" || text == u"0")
            out = false;
        else
            bad(name, text, out ? QStringLiteral("true") : QStringLiteral("false"));
    }

    void readString(const QString &name, QString &out)
    {
        if (m_settings.contains(name))
            out = m_settings.value(name).toString();
    }

    void bad(const QString &name, const QString &text, const QString &fallback)
    {
        m_issues.append({name, Settings::tr("the settings file has \"%1\" here, which is not valid; using %2 instead")
                                   .arg(text, fallback)});
    }

private:
    QSettings &m_settings;
    QList<SettingsIssue> &m_issues;
};

} // namespace

QString SettingsValues::sourceName(DataSourceKind kind)
{
    switch (kind) {
    case DataSourceKind::Simulated:
        return QStringLiteral("simulated");
    case DataSourceKind::Replay:
        return QStringLiteral("replay");
    case DataSourceKind::Bybit:
        return QStringLiteral("bybit");
    }
    return QStringLiteral("simulated");
}

QList<SettingsIssue> SettingsValues::validate() const
{
    QList<SettingsIssue> issues;

    static const QRegularExpression languagePattern(QStringLiteral("^[a-z]{2}(_[A-Z]{2})?$"));
    if (language != u"system" && !languagePattern.match(language).hasMatch())
        issues.append({key::language, Settings::tr("\"%1\" is not a language code such as en or de").arg(language)});

    checkRange(issues, key::scanInterval, scanIntervalSeconds, 0, 86'400);
    checkRange(issues, key::threads, scannerThreads, 0, 256);
    checkRange(issues, key::batches, maxConcurrentBatches, 1, 64);

    checkRange(issues, key::budget, memoryBudgetMiB, 64, 1024 * 1024);
    checkLevels(issues, key::pressureHigh, pressureHighPercent, key::pressureCritical, pressureCriticalPercent);
    checkLevels(issues, key::cpuWarning, cpuWarningPercent, key::cpuCritical, cpuCriticalPercent);
    checkLevels(issues, key::memoryWarning, memoryWarningPercent, key::memoryCritical, memoryCriticalPercent);
    checkLevels(issues, key::diskWarning, diskWarningPercent, key::diskCritical, diskCriticalPercent);

    if (!(paperStartingBalance >= 1.0) || paperStartingBalance > 1e12)
        issues.append({key::balance, Settings::tr("must be from 1 to 1000000000000")});

    switch (source) {
    case DataSourceKind::Simulated:
        break;
    case DataSourceKind::Replay:
        if (replayFolder.trimmed().isEmpty())
            issues.append({key::replayFolder, Settings::tr("choose the folder of recorded candles to replay")});
        else if (!QFileInfo(replayFolder).isDir())
            issues.append({key::replayFolder, Settings::tr("the folder %1 does not exist").arg(replayFolder)});
        break;
    case DataSourceKind::Bybit: {
        BybitSymbolSelection selection;
        QString error;
        if (!BybitSymbolSelection::parse(bybitSymbols, selection, &error))
            issues.append({key::bybitSymbols, error});
        const QUrl rest(bybitRestUrl);
        if (!rest.isValid() || (rest.scheme() != u"https" && rest.scheme() != u"http") || rest.host().isEmpty())
            issues.append({key::bybitRest, Settings::tr("expected an http:// or https:// address")});
        const QUrl ws(bybitWsUrl);
        if (!ws.isValid() || (ws.scheme() != u"wss" && ws.scheme() != u"ws") || ws.host().isEmpty())
            issues.append({key::bybitWs, Settings::tr("expected a ws:// or wss:// address")});
        break;
    }
    }

    if (serverEnabled)
        checkRemote(*this, issues);
    return issues;
}

RuntimeTuning SettingsValues::tuning() const
{
    RuntimeTuning t;
    t.scanIntervalSeconds = scanIntervalSeconds;
    t.scannerThreads = scannerThreads;
    t.maxConcurrentBatches = maxConcurrentBatches;
    t.memoryBudgetBytes = qint64(memoryBudgetMiB) * 1024 * 1024;
    t.pressureHigh = pressureHighPercent / 100.0;
    t.pressureCritical = pressureCriticalPercent / 100.0;
    t.cpuPercent = {double(cpuWarningPercent), double(cpuCriticalPercent)};
    t.memoryPercent = {double(memoryWarningPercent), double(memoryCriticalPercent)};
    t.diskPercent = {double(diskWarningPercent), double(diskCriticalPercent)};
    return t;
}

ServerConfig SettingsValues::serverConfig(QStringList *errors) const
{
    ServerConfig config;
    config.bindAddress = QHostAddress(serverBind);
    config.port = quint16(std::clamp(serverPort, 0, 65535));
    for (const RemoteToken &t : tokens)
        config.tokens.insert(t.token, t.role);
    config.certificatePath = tlsCertificatePath;
    config.privateKeyPath = tlsKeyPath;
    if (errors) {
        QList<SettingsIssue> issues;
        checkRemote(*this, issues);
        for (const SettingsIssue &issue : std::as_const(issues))
            errors->append(issue.message);
    }
    return config;
}

FeedOptions SettingsValues::feedOptions(FeedOptions base) const
{
    FeedOptions options = std::move(base);
    switch (source) {
    case DataSourceKind::Simulated:
        options.source = FeedOptions::Source::Simulated;
        break;
    case DataSourceKind::Replay:
        options.source = FeedOptions::Source::Replay;
        break;
    case DataSourceKind::Bybit:
        options.source = FeedOptions::Source::Bybit;
        break;
    }
    options.replay.path = replayFolder;
    BybitSymbolSelection selection;
    if (BybitSymbolSelection::parse(bybitSymbols, selection))
        options.bybit.symbols = selection;
    options.bybit.restBaseUrl = QUrl(bybitRestUrl);
    options.bybit.wsBaseUrl = QUrl(bybitWsUrl);
    return options;
}

SettingsValues SettingsValues::withCommandLine(const AppOptions &options) const
{
    SettingsValues v = *this;
    const QStringList &given = options.givenOptions;
    if (given.contains(u"theme"))
        v.theme = options.theme;
    if (given.contains(u"lang"))
        v.language = options.language;
    if (given.contains(u"ws-port"))
        v.serverPort = options.serverPort;
    if (given.contains(u"ws-bind"))
        v.serverBind = options.serverBind;
    if (given.contains(u"no-server"))
        v.serverEnabled = false;
    return v;
}

Settings::Settings(QObject *parent)
    : Settings(defaultFilePath(), parent)
{}

Settings::Settings(QString filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(std::move(filePath))
{
    qRegisterMetaType<bw::SettingsValues>();
}

Settings::~Settings() = default;

QString Settings::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/settings.ini");
}

QString Settings::generateToken()
{
    return ServerToken::generate();
}

QList<SettingsIssue> Settings::load()
{
    QList<SettingsIssue> issues;
    SettingsValues v;
    if (!QFileInfo::exists(m_filePath)) {
        m_values = v;
        qCInfo(lcApp).noquote() << "settings: no file at" << m_filePath << "- using the defaults";
        return issues;
    }
    QFile probe(m_filePath);
    if (!probe.open(QIODevice::ReadOnly)) {
        issues.append({QString(), Settings::tr("cannot read the settings file %1: %2; using the defaults")
                                      .arg(m_filePath, probe.errorString())});
        m_values = v;
        return issues;
    }
    probe.close();
    // Someone widened the mode (a copy, an editor): the tokens must not stay readable by others.
    if ((QFile::permissions(m_filePath) & ~(kOwnerOnly | QFileDevice::ReadUser | QFileDevice::WriteUser)) != 0) {
        if (!QFile::setPermissions(m_filePath, kOwnerOnly))
            qCWarning(lcApp).noquote() << "settings: cannot restrict the permissions of" << m_filePath;
    }

    QSettings file(m_filePath, QSettings::IniFormat);
    if (file.status() == QSettings::FormatError)
        issues.append(
            {QString(), Settings::tr("the settings file %1 is not a valid INI file; using the defaults for what "
                                     "cannot be read")
                            .arg(m_filePath)});
    Reader reader(file, issues);
    int version = kVersion;
    reader.readInt(key::version, version);
    if (version > kVersion)
        qCWarning(lcApp).noquote() << "settings: file version" << version << "is newer than" << kVersion
                                   << "- unknown keys are ignored";

    reader.readString(key::language, v.language);
    if (file.contains(key::theme)) {
        const QString theme = file.value(key::theme).toString().trimmed();
        if (theme == u"dark")
            v.theme = ThemeChoice::Dark;
        else if (theme == u"light")
            v.theme = ThemeChoice::Light;
        else
            reader.bad(key::theme, theme, themeName(v.theme));
    }
    reader.readInt(key::scanInterval, v.scanIntervalSeconds);
    reader.readInt(key::threads, v.scannerThreads);
    reader.readInt(key::batches, v.maxConcurrentBatches);
    reader.readInt(key::budget, v.memoryBudgetMiB);
    reader.readInt(key::pressureHigh, v.pressureHighPercent);
    reader.readInt(key::pressureCritical, v.pressureCriticalPercent);
    reader.readInt(key::cpuWarning, v.cpuWarningPercent);
    reader.readInt(key::cpuCritical, v.cpuCriticalPercent);
    reader.readInt(key::memoryWarning, v.memoryWarningPercent);
    reader.readInt(key::memoryCritical, v.memoryCriticalPercent);
    reader.readInt(key::diskWarning, v.diskWarningPercent);
    reader.readInt(key::diskCritical, v.diskCriticalPercent);
    reader.readDouble(key::balance, v.paperStartingBalance);
    if (file.contains(key::source)) {
        const QString text = file.value(key::source).toString().trimmed();
        if (text == u"simulated")
            v.source = DataSourceKind::Simulated;
        else if (text == u"replay")
            v.source = DataSourceKind::Replay;
        else if (text == u"bybit")
            v.source = DataSourceKind::Bybit;
        else
            reader.bad(key::source, text, SettingsValues::sourceName(v.source));
    }
    reader.readString(key::replayFolder, v.replayFolder);
    reader.readString(key::bybitSymbols, v.bybitSymbols);
    reader.readString(key::bybitRest, v.bybitRestUrl);
    reader.readString(key::bybitWs, v.bybitWsUrl);
    reader.readBool(key::serverEnabled, v.serverEnabled);
    reader.readString(key::bind, v.serverBind);
    reader.readInt(key::port, v.serverPort);
    reader.readString(key::certificate, v.tlsCertificatePath);
    reader.readString(key::privateKey, v.tlsKeyPath);

    const int count = file.beginReadArray(key::tokens);
    for (int i = 0; i < count; ++i) {
        file.setArrayIndex(i);
        RemoteToken t;
        t.name = file.value(QStringLiteral("name")).toString();
        t.token = file.value(QStringLiteral("token")).toString();
        const QString role = file.value(QStringLiteral("role")).toString().trimmed();
        const std::optional<protocol::Role> parsed = protocol::roleFromName(role);
        if (!parsed) {
            // Never guess operator rights: an unreadable role drops the token.
            issues.append({key::tokens, Settings::tr("token %1 (%2) has the role \"%3\", which is neither viewer nor "
                                                     "operator; it is ignored")
                                            .arg(QString::number(i + 1), t.name, role)});
            continue;
        }
        t.role = *parsed;
        v.tokens.append(t);
    }
    file.endArray();

    m_values = v;
    // Counts only: the tokens themselves never reach a log.
    qCInfo(lcApp).noquote() << "settings: loaded" << m_filePath << "with" << v.tokens.size() << "remote tokens,"
                            << issues.size() << "problems";
    return issues;
}

bool Settings::save(const SettingsValues &values, QString *error)
{
    const auto fail = [this, error](const QString &reason) {
        const QString message = Settings::tr("cannot write the settings file %1: %2").arg(m_filePath, reason);
        qCWarning(lcApp).noquote() << message;
        if (error)
            *error = message;
        return false;
    };
    const QFileInfo info(m_filePath);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(QStringLiteral(".")))
            return fail(Settings::tr("cannot create the folder"));
        QFile::setPermissions(dir.absolutePath(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    // The file exists at mode 0600 before any token is written: QSettings replaces it through a temporary
    // file that takes over the existing file's permissions.
    if (!info.exists()) {
        QFile create(m_filePath);
        if (!create.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly))
            return fail(create.errorString());
    } else if (QFile::permissions(m_filePath) != (kOwnerOnly | QFileDevice::ReadUser | QFileDevice::WriteUser) &&
               !QFile::setPermissions(m_filePath, kOwnerOnly)) {
        return fail(Settings::tr("cannot restrict its permissions"));
    }

    {
        QSettings file(m_filePath, QSettings::IniFormat);
        file.clear();
        file.setValue(key::version, kVersion);
        file.setValue(key::language, values.language);
        file.setValue(key::theme, themeName(values.theme));
        file.setValue(key::scanInterval, values.scanIntervalSeconds);
        file.setValue(key::threads, values.scannerThreads);
        file.setValue(key::batches, values.maxConcurrentBatches);
        file.setValue(key::budget, values.memoryBudgetMiB);
        file.setValue(key::pressureHigh, values.pressureHighPercent);
        file.setValue(key::pressureCritical, values.pressureCriticalPercent);
        file.setValue(key::cpuWarning, values.cpuWarningPercent);
        file.setValue(key::cpuCritical, values.cpuCriticalPercent);
        file.setValue(key::memoryWarning, values.memoryWarningPercent);
        file.setValue(key::memoryCritical, values.memoryCriticalPercent);
        file.setValue(key::diskWarning, values.diskWarningPercent);
        file.setValue(key::diskCritical, values.diskCriticalPercent);
        // As text: QSettings would write a double as an opaque @Variant blob.
        file.setValue(key::balance, QString::number(values.paperStartingBalance, 'g', 17));
        file.setValue(key::source, SettingsValues::sourceName(values.source));
        file.setValue(key::replayFolder, values.replayFolder);
        file.setValue(key::bybitSymbols, values.bybitSymbols);
        file.setValue(key::bybitRest, values.bybitRestUrl);
        file.setValue(key::bybitWs, values.bybitWsUrl);
        file.setValue(key::serverEnabled, values.serverEnabled);
        file.setValue(key::bind, values.serverBind);
        file.setValue(key::port, values.serverPort);
        file.setValue(key::certificate, values.tlsCertificatePath);
        file.setValue(key::privateKey, values.tlsKeyPath);
        file.beginWriteArray(key::tokens, int(values.tokens.size()));
        for (int i = 0; i < values.tokens.size(); ++i) {
            file.setArrayIndex(i);
            const RemoteToken &t = values.tokens.at(i);
            file.setValue(QStringLiteral("name"), t.name);
            file.setValue(QStringLiteral("role"), protocol::roleName(t.role));
            file.setValue(QStringLiteral("token"), t.token);
        }
        file.endArray();
        file.sync();
        if (file.status() != QSettings::NoError)
            return fail(file.status() == QSettings::AccessError ? Settings::tr("access denied")
                                                                : Settings::tr("format error"));
    }
    if (QFile::permissions(m_filePath) & ~(kOwnerOnly | QFileDevice::ReadUser | QFileDevice::WriteUser)) {
        // Should not happen (see above); never leave the tokens readable by others.
        if (!QFile::setPermissions(m_filePath, kOwnerOnly))
            return fail(Settings::tr("cannot restrict its permissions"));
    }
    m_values = values;
    qCInfo(lcApp).noquote() << "settings: saved" << m_filePath << "with" << values.tokens.size() << "remote tokens";
    emit changed(m_values);
    return true;
}

} // namespace bw
