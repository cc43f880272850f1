#include "trading/Journal.h"

#include "trading/PositionBook.h"
#include "trading/TradingLog.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <atomic>

namespace bw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Journal", text);
}

const QString kDriver = QStringLiteral("QSQLITE");

QString uniqueConnectionName(const char *role)
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("bw.journal.%1.%2.%3")
        .arg(QString::fromLatin1(role))
        .arg(quintptr(QThread::currentThread()), 0, 16)
        .arg(++counter);
}

// Runs `sql`; on failure returns the driver's message.
std::optional<QString> exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return query.lastError().text();
    return std::nullopt;
}

std::optional<QVariant> scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return std::nullopt;
    return query.value(0);
}

// "ok", the first problem PRAGMA quick_check reports, or the error that stopped it from running.
QString quickCheck(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA quick_check")))
        return query.lastError().text();
    return query.next() ? query.value(0).toString() : QStringLiteral("no answer");
}

} // namespace

const QList<QStringList> &Journal::migrations()
{
    // Never edit a released step: append a new one. Step i takes user_version i to i + 1.
    static const QList<QStringList> steps{
        // 0 -> 1: the trading record.
        {
            QStringLiteral("CREATE TABLE signals (id TEXT PRIMARY KEY, symbol TEXT NOT NULL, side TEXT NOT NULL, "
                           "strategy TEXT NOT NULL, entry REAL, level REAL, stop REAL, tp1 REAL, tp2 REAL, "
                           "risk_per_unit REAL, confidence REAL, atr REAL, btc_correlation REAL, "
                           "created_ms INTEGER, expires_ms INTEGER, status TEXT, reason TEXT)"),
            QStringLiteral("CREATE TABLE orders (id INTEGER PRIMARY KEY, position_id INTEGER, symbol TEXT NOT NULL, "
                           "side TEXT NOT NULL, type TEXT NOT NULL, purpose TEXT NOT NULL, status TEXT NOT NULL, "
                           "qty REAL, limit_price REAL, stop_price REAL, reduce_only INTEGER, filled_qty REAL, "
                           "avg_fill_price REAL, fees REAL, created_ms INTEGER, updated_ms INTEGER, reason TEXT)"),
            QStringLiteral("CREATE TABLE fills (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, position_id "
                           "INTEGER, symbol TEXT NOT NULL, side TEXT NOT NULL, purpose TEXT NOT NULL, qty REAL, "
                           "price REAL, fee REAL, liquidity TEXT, realised_pnl REAL, time_ms INTEGER)"),
            QStringLiteral("CREATE TABLE positions (id INTEGER PRIMARY KEY, signal_id TEXT, symbol TEXT NOT NULL, "
                           "side TEXT NOT NULL, strategy TEXT NOT NULL, status TEXT NOT NULL, submitted_ms INTEGER, "
                           "opened_ms INTEGER, closed_ms INTEGER, target_qty REAL, entry_qty REAL, qty REAL, "
                           "avg_entry REAL, initial_stop REAL, risk_per_unit REAL, initial_risk_usd REAL, "
                           "stop REAL, stop_kind TEXT, tp1 REAL, tp2 REAL, tp1_done INTEGER, tp2_done INTEGER, "
                           "entry_complete INTEGER, highest REAL, lowest REAL, atr REAL, btc_correlation REAL, "
                           "last_price REAL, realised_pnl REAL, fees REAL, exit_reason TEXT, entry_order_id "
                           "INTEGER, exit_order_id INTEGER)"),
            QStringLiteral("CREATE TABLE equity (time_ms INTEGER NOT NULL, cash REAL NOT NULL, "
                           "unrealised REAL NOT NULL, equity REAL NOT NULL)"),
            QStringLiteral("CREATE TABLE engine_events (id INTEGER PRIMARY KEY AUTOINCREMENT, time_ms INTEGER "
                           "NOT NULL, kind TEXT NOT NULL, message TEXT, data TEXT)"),
        },
        // 1 -> 2: persisted risk state (kill switch, daily baseline) and indexes for restore and reports.
        {
            QStringLiteral("CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX positions_status ON positions(status)"),
            QStringLiteral("CREATE INDEX orders_status ON orders(status)"),
            QStringLiteral("CREATE INDEX fills_position ON fills(position_id)"),
            QStringLiteral("CREATE INDEX equity_time ON equity(time_ms)"),
        },
        // 2 -> 3: why each order was placed (the rule, or the operator and their words). ADD COLUMN keeps
        // every existing row; orders written before it have no note (empty, not NULL, so readers need no
        // special case).
        {
            QStringLiteral("ALTER TABLE orders ADD COLUMN note TEXT NOT NULL DEFAULT ''"),
        },
    };
    return steps;
}

QStringList Journal::knownTables()
{
    return {QStringLiteral("signals"),   QStringLiteral("orders"),         QStringLiteral("fills"),
            QStringLiteral("positions"), QStringLiteral("equity"),         QStringLiteral("engine_events"),
            QStringLiteral("state"),     QStringLiteral("sqlite_sequence")};
}

Journal::Journal() = default;

Journal::~Journal()
{
    close();
}

bool Journal::fail(JournalError error, const QString &message)
{
    m_error = error;
    m_errorString = message;
    qCWarning(lcTrading).noquote() << "journal:" << message;
    return false;
}

bool Journal::onOwnerThread()
{
    if (!isOpen())
        return fail(JournalError::OpenFailed, tr("the journal is not open"));
    if (QThread::currentThread() != m_thread)
        return fail(JournalError::Sql, tr("the journal %1 was used from a thread that did not open it").arg(m_path));
    return true;
}

void Journal::close()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_thread = nullptr;
}

bool Journal::validateExisting(const QString &path)
{
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(JournalError::OpenFailed, tr("cannot read the journal %1: %2").arg(path, file.errorString()));
        static const QByteArray magic("SQLite format 3\0", 16);
        if (file.read(16) != magic)
            return fail(JournalError::Corrupt, tr("the journal %1 is not an SQLite database (damaged or another kind "
                                                  "of file); it was left untouched")
                                                   .arg(path));
    }

    const QString name = uniqueConnectionName("check");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(kDriver, name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            fail(JournalError::Corrupt,
                 tr("the journal %1 cannot be opened: %2; it was left untouched").arg(path, db.lastError().text()));
        } else if (const QString check = quickCheck(db); check != QLatin1String("ok")) {
            fail(JournalError::Corrupt,
                 tr("the journal %1 is damaged (integrity check: %2); it was left untouched").arg(path, check));
        } else {
            const qint64 appId = scalar(db, QStringLiteral("PRAGMA application_id")).value_or(0).toLongLong();
            const int version = scalar(db, QStringLiteral("PRAGMA user_version")).value_or(0).toInt();
            QStringList tables;
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
            while (query.next())
                tables.append(query.value(0).toString());
            query.finish();

            QStringList unknown;
            for (const QString &t : std::as_const(tables)) {
                if (!knownTables().contains(t))
                    unknown.append(t);
            }
            if (appId == kApplicationId) {
                if (version > latestSchemaVersion())
                    fail(JournalError::NewerSchema,
                         tr("the journal %1 has schema version %2, newer than this program's %3; it was left "
                            "untouched")
                             .arg(path)
                             .arg(version)
                             .arg(latestSchemaVersion()));
                else
                    ok = true;
            } else if (appId == 0 && tables.isEmpty()) {
                ok = true; // an empty SQLite file: ours to initialise
            } else {
                fail(JournalError::Foreign,
                     tr("%1 is a database of another application (application id 0x%2, tables: %3); it was left "
                        "untouched")
                         .arg(path)
                         .arg(quint32(appId), 8, 16, QLatin1Char('0'))
                         .arg(unknown.isEmpty() ? tables.join(QStringLiteral(", "))
                                                : unknown.join(QStringLiteral(", "))));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool Journal::open(const QString &path)
{
    close();
    m_error = JournalError::None;
    m_errorString.clear();
    m_path = path;

    if (!QSqlDatabase::isDriverAvailable(kDriver))
        return fail(JournalError::OpenFailed, tr("the Qt SQLite driver (QSQLITE) is not installed"));
    const QFileInfo info(path);
    if (info.exists() && info.size() > 0 && !validateExisting(path))
        return false;

    const QString name = uniqueConnectionName("rw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(kDriver, name);
        db.setDatabaseName(path);
        if (!db.open()) {
            const QString why = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return fail(JournalError::OpenFailed, tr("cannot open the journal %1: %2").arg(path, why));
        }
    }
    m_connectionName = name;
    m_thread = QThread::currentThread();

    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const auto mode = scalar(db, QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!mode || mode->toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        const QString got = mode ? mode->toString() : db.lastError().text();
        db = QSqlDatabase();
        close();
        return fail(JournalError::OpenFailed, tr("the journal %1 cannot use write-ahead logging (%2)").arg(path, got));
    }
    // WAL with synchronous=NORMAL: a committed step survives a crash of the process.
    exec(db, QStringLiteral("PRAGMA synchronous=NORMAL"));
    exec(db, QStringLiteral("PRAGMA busy_timeout=2000"));
    db = QSqlDatabase();
    if (!migrate()) {
        close();
        return false;
    }
    return true;
}

int Journal::schemaVersion() const
{
    if (!isOpen())
        return -1;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    return scalar(db, QStringLiteral("PRAGMA user_version")).value_or(-1).toInt();
}

bool Journal::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const int from = schemaVersion();
    if (from < 0)
        return fail(JournalError::Sql, tr("cannot read the schema version of %1").arg(m_path));
    for (int version = from; version < latestSchemaVersion(); ++version) {
        if (!db.transaction())
            return fail(JournalError::Sql, tr("cannot start a migration of %1: %2").arg(m_path, db.lastError().text()));
        QStringList statements = migrations().at(version);
        if (version == 0)
            statements.prepend(QStringLiteral("PRAGMA application_id=%1").arg(kApplicationId));
        statements.append(QStringLiteral("PRAGMA user_version=%1").arg(version + 1));
        for (const QString &sql : std::as_const(statements)) {
            if (const auto problem = exec(db, sql)) {
                db.rollback();
                return fail(JournalError::Sql, tr("migration of %1 to version %2 failed at \"%3\": %4")
                                                   .arg(m_path)
                                                   .arg(version + 1)
                                                   .arg(sql, *problem));
            }
        }
        if (!db.commit())
            return fail(JournalError::Sql, tr("cannot commit the migration of %1 to version %2: %3")
                                               .arg(m_path)
                                               .arg(version + 1)
                                               .arg(db.lastError().text()));
        qCInfo(lcTrading) << "journal" << m_path << "migrated to schema version" << version + 1;
    }
    return true;
}

bool Journal::writeOrder(const Order &o)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO orders (id, position_id, symbol, side, type, purpose, status, qty, limit_price, "
        "stop_price, reduce_only, filled_qty, avg_fill_price, fees, created_ms, updated_ms, reason, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, ''))"));
    // COALESCE: the driver binds an empty (null) QString as NULL, which the NOT NULL note refuses.
    for (const QVariant &v :
         {QVariant(o.id), QVariant(o.positionId), QVariant(o.symbol), QVariant(toCode(o.side)),
          QVariant(toCode(o.type)), QVariant(toCode(o.purpose)), QVariant(toCode(o.status)), QVariant(o.qty),
          QVariant(o.limitPrice), QVariant(o.stopPrice), QVariant(o.reduceOnly ? 1 : 0), QVariant(o.filledQty),
          QVariant(o.avgFillPrice), QVariant(o.feesUsd), QVariant(o.createdMs), QVariant(o.updatedMs),
          QVariant(o.reason), QVariant(o.note)})
        q.addBindValue(v);
    return q.exec() || fail(JournalError::Sql, tr("cannot write order %1: %2").arg(o.id).arg(q.lastError().text()));
}

bool Journal::writeFill(const Fill &f)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO fills (id, order_id, position_id, symbol, side, purpose, qty, "
                       "price, fee, liquidity, realised_pnl, time_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(f.id), QVariant(f.orderId), QVariant(f.positionId), QVariant(f.symbol), QVariant(toCode(f.side)),
          QVariant(toCode(f.purpose)), QVariant(f.qty), QVariant(f.price), QVariant(f.feeUsd),
          QVariant(f.liquidity == Liquidity::Maker ? QStringLiteral("maker") : QStringLiteral("taker")),
          QVariant(f.realisedPnlUsd), QVariant(f.timeMs)})
        q.addBindValue(v);
    return q.exec() || fail(JournalError::Sql, tr("cannot write fill %1: %2").arg(f.id).arg(q.lastError().text()));
}

bool Journal::writePosition(const Position &p)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO positions (id, signal_id, symbol, side, strategy, status, submitted_ms, opened_ms, "
        "closed_ms, target_qty, entry_qty, qty, avg_entry, initial_stop, risk_per_unit, initial_risk_usd, stop, "
        "stop_kind, tp1, tp2, tp1_done, tp2_done, entry_complete, highest, lowest, atr, btc_correlation, "
        "last_price, realised_pnl, fees, exit_reason, entry_order_id, exit_order_id) VALUES (?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : {QVariant(p.id),
                              QVariant(p.signalId),
                              QVariant(p.symbol),
                              QVariant(toCode(p.side)),
                              QVariant(toCode(p.strategy)),
                              QVariant(toCode(p.status)),
                              QVariant(p.submittedMs),
                              QVariant(p.openedMs),
                              QVariant(p.closedMs),
                              QVariant(p.targetQty),
                              QVariant(p.entryQty),
                              QVariant(p.qty),
                              QVariant(p.avgEntry),
                              QVariant(p.initialStop),
                              QVariant(p.initialRiskPerUnit),
                              QVariant(p.initialRiskUsd),
                              QVariant(p.stop),
                              QVariant(toCode(p.stopKind)),
                              QVariant(p.tp1Price),
                              QVariant(p.tp2Price),
                              QVariant(p.tp1Done ? 1 : 0),
                              QVariant(p.tp2Done ? 1 : 0),
                              QVariant(p.entryComplete ? 1 : 0),
                              QVariant(p.highestSinceEntry),
                              QVariant(p.lowestSinceEntry),
                              QVariant(p.atr),
                              QVariant(p.btcCorrelation),
                              QVariant(p.lastPrice),
                              QVariant(p.realisedPnlUsd),
                              QVariant(p.feesUsd),
                              p.exitReason ? QVariant(toCode(*p.exitReason)) : QVariant(QMetaType::fromType<QString>()),
                              QVariant(p.entryOrderId),
                              QVariant(p.exitOrderId)})
        q.addBindValue(v);
    return q.exec() || fail(JournalError::Sql, tr("cannot write position %1: %2").arg(p.id).arg(q.lastError().text()));
}

bool Journal::writeEquity(const AccountSnapshot &a)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("INSERT INTO equity (time_ms, cash, unrealised, equity) VALUES (?, ?, ?, ?)"));
    q.addBindValue(a.timeMs);
    q.addBindValue(a.cash);
    q.addBindValue(a.unrealisedPnl);
    q.addBindValue(a.equity);
    return q.exec() || fail(JournalError::Sql, tr("cannot write an equity point: %1").arg(q.lastError().text()));
}

bool Journal::recordSignal(const Signal &s, const QString &status)
{
    if (!onOwnerThread())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO signals (id, symbol, side, strategy, entry, level, stop, tp1, "
                             "tp2, risk_per_unit, confidence, atr, btc_correlation, created_ms, expires_ms, status, "
                             "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(s.id), QVariant(s.symbol), QVariant(toCode(s.side)), QVariant(toCode(s.strategy)), QVariant(s.entry),
          QVariant(s.level), QVariant(s.stop), QVariant(s.tp1), QVariant(s.tp2), QVariant(s.initialRiskPerUnit),
          QVariant(s.confidence), QVariant(s.atr), QVariant(s.btcCorrelation), QVariant(s.createdMs),
          QVariant(s.expiresMs), QVariant(status), QVariant(s.reason)})
        q.addBindValue(v);
    return q.exec() || fail(JournalError::Sql, tr("cannot write signal %1: %2").arg(s.id, q.lastError().text()));
}

bool Journal::recordUpdate(const TradingUpdate &update, const AccountSnapshot &account)
{
    if (!onOwnerThread())
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return fail(JournalError::Sql, tr("cannot start a journal transaction: %1").arg(db.lastError().text()));
    bool ok = true;
    for (const Order &o : update.orders)
        ok = ok && writeOrder(o);
    for (const Fill &f : update.fills)
        ok = ok && writeFill(f);
    for (const Position &p : update.positions)
        ok = ok && writePosition(p);
    ok = ok && writeEquity(account);
    if (!ok) {
        db.rollback();
        return false;
    }
    return db.commit() || fail(JournalError::Sql, tr("cannot commit to the journal: %1").arg(db.lastError().text()));
}

bool Journal::recordEquity(const AccountSnapshot &account)
{
    return onOwnerThread() && writeEquity(account);
}

bool Journal::recordEngineEvent(qint64 timeMs, const QString &kind, const QString &message, const QJsonObject &data)
{
    if (!onOwnerThread())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("INSERT INTO engine_events (time_ms, kind, message, data) VALUES (?, ?, ?, ?)"));
    q.addBindValue(timeMs);
    q.addBindValue(kind);
    q.addBindValue(message);
    q.addBindValue(data.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                  : QVariant(QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact))));
    return q.exec() || fail(JournalError::Sql, tr("cannot write an engine event: %1").arg(q.lastError().text()));
}

bool Journal::saveRiskState(const RiskState &state)
{
    if (!onOwnerThread())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO state (key, value) VALUES ('risk', ?)"));
    q.addBindValue(QString::fromUtf8(QJsonDocument(state.toJson()).toJson(QJsonDocument::Compact)));
    return q.exec() || fail(JournalError::Sql, tr("cannot save the risk state: %1").arg(q.lastError().text()));
}

std::optional<JournalState> Journal::loadState()
{
    if (!onOwnerThread())
        return std::nullopt;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    JournalState state;
    const auto bad = [this](const QString &what, const QSqlQuery &q) {
        fail(JournalError::Sql, tr("cannot read %1 from the journal %2: %3").arg(what, m_path, q.lastError().text()));
        return std::nullopt;
    };

    if (!db.transaction())
        return bad(tr("the state"), QSqlQuery(db));
    QSqlQuery q(db);
    // What a crash left in flight: the broker that held these orders no longer exists.
    if (!q.exec(QStringLiteral("UPDATE orders SET status = 'cancelled', reason = 'cancelled at restart' "
                               "WHERE status IN ('open', 'partially_filled')")))
        return db.rollback(), bad(tr("orders"), q);
    if (!q.exec(QStringLiteral("UPDATE positions SET status = 'cancelled', entry_complete = 1 "
                               "WHERE status = 'pending'")))
        return db.rollback(), bad(tr("positions"), q);
    if (!db.commit())
        return bad(tr("the state"), q);

    if (!q.exec(QStringLiteral("SELECT cash FROM equity ORDER BY rowid DESC LIMIT 1")))
        return bad(tr("the account"), q);
    if (q.next()) {
        state.hasAccount = true;
        state.cash = q.value(0).toDouble();
    }
    if (!q.exec(QStringLiteral("SELECT (SELECT IFNULL(MAX(id), 0) FROM orders), (SELECT IFNULL(MAX(id), 0) FROM "
                               "fills), (SELECT IFNULL(MAX(id), 0) FROM positions)")) ||
        !q.next())
        return bad(tr("ids"), q);
    state.lastOrderId = q.value(0).toLongLong();
    state.lastFillId = q.value(1).toLongLong();
    state.lastPositionId = q.value(2).toLongLong();

    if (!q.exec(QStringLiteral("SELECT value FROM state WHERE key = 'risk'")))
        return bad(tr("the risk state"), q);
    if (q.next())
        state.risk = RiskState::fromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());

    if (!q.exec(QStringLiteral(
            "SELECT id, signal_id, symbol, side, strategy, status, submitted_ms, opened_ms, closed_ms, target_qty, "
            "entry_qty, qty, avg_entry, initial_stop, risk_per_unit, initial_risk_usd, stop, stop_kind, tp1, tp2, "
            "tp1_done, tp2_done, entry_complete, highest, lowest, atr, btc_correlation, last_price, realised_pnl, "
            "fees, exit_reason, entry_order_id FROM positions WHERE status = 'open' ORDER BY id")))
        return bad(tr("positions"), q);
    while (q.next()) {
        Position p;
        int c = 0;
        p.id = q.value(c++).toLongLong();
        p.signalId = q.value(c++).toString();
        p.symbol = q.value(c++).toString();
        const auto side = tradeSideFromString(q.value(c++).toString());
        const auto strategy = signalStrategyFromString(q.value(c++).toString());
        const auto status = positionStatusFromString(q.value(c++).toString());
        if (!side || !strategy || !status) {
            fail(JournalError::Corrupt,
                 tr("position %1 in the journal %2 has an unknown side, strategy or status").arg(p.id).arg(m_path));
            return std::nullopt;
        }
        p.side = *side;
        p.strategy = *strategy;
        p.status = *status;
        p.submittedMs = q.value(c++).toLongLong();
        p.openedMs = q.value(c++).toLongLong();
        p.closedMs = q.value(c++).toLongLong();
        p.targetQty = q.value(c++).toDouble();
        p.entryQty = q.value(c++).toDouble();
        p.qty = q.value(c++).toDouble();
        p.avgEntry = q.value(c++).toDouble();
        p.initialStop = q.value(c++).toDouble();
        p.initialRiskPerUnit = q.value(c++).toDouble();
        p.initialRiskUsd = q.value(c++).toDouble();
        p.stop = q.value(c++).toDouble();
        p.stopKind = stopKindFromString(q.value(c++).toString()).value_or(StopKind::Initial);
        p.tp1Price = q.value(c++).toDouble();
        p.tp2Price = q.value(c++).toDouble();
        p.tp1Done = q.value(c++).toInt() != 0;
        p.tp2Done = q.value(c++).toInt() != 0;
        ++c; // entry_complete: whatever it was, the entry order died with the previous process
        p.entryComplete = true;
        p.highestSinceEntry = q.value(c++).toDouble();
        p.lowestSinceEntry = q.value(c++).toDouble();
        p.atr = q.value(c++).toDouble();
        p.btcCorrelation = q.value(c++).toDouble();
        p.lastPrice = q.value(c++).toDouble();
        p.realisedPnlUsd = q.value(c++).toDouble();
        p.feesUsd = q.value(c++).toDouble();
        const QVariant reason = q.value(c++);
        if (!reason.isNull())
            p.exitReason = orderPurposeFromString(reason.toString());
        p.entryOrderId = q.value(c++).toLongLong();
        p.exitOrderId = 0;
        state.openPositions.append(p);
    }
    return state;
}

bool Journal::restore(PositionBook &book, PaperBroker &broker, RiskManager *risk)
{
    const auto state = loadState();
    if (!state)
        return false;
    QHash<QString, NetPosition> net;
    for (const Position &p : state->openPositions) {
        NetPosition &n = net[p.symbol];
        const double signedQty = p.qty * sideSign(p.side);
        n.avgPrice = n.qty == 0 ? p.avgEntry : (n.avgPrice * n.qty + p.avgEntry * signedQty) / (n.qty + signedQty);
        n.qty += signedQty;
    }
    book.restore(state->openPositions, state->lastPositionId);
    broker.restore(state->hasAccount ? state->cash : broker.cash(), net, state->lastOrderId, state->lastFillId);
    if (risk && state->risk)
        risk->restoreState(*state->risk);
    qCInfo(lcTrading) << "journal" << m_path << "restored" << state->openPositions.size() << "open positions, cash"
                      << broker.cash();
    return true;
}

QList<AccountSnapshot> Journal::equityCurve(int limit) const
{
    QList<AccountSnapshot> curve;
    if (!isOpen() || limit <= 0)
        return curve;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT time_ms, cash, unrealised, equity FROM (SELECT rowid AS r, * FROM equity ORDER "
                             "BY rowid DESC LIMIT ?) ORDER BY r"));
    q.addBindValue(limit);
    if (!q.exec())
        return curve;
    while (q.next())
        curve.append({q.value(0).toLongLong(), q.value(1).toDouble(), q.value(2).toDouble(), q.value(3).toDouble()});
    return curve;
}

} // namespace bw
