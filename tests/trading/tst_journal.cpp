#include "common/Clock.h"
#include "trading/Journal.h"
#include "trading/PositionManager.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <thread>

using namespace bw;

Q_DECLARE_METATYPE(bw::JournalError)

namespace {

const QString kSym = QStringLiteral("TESTUSDT");
const QString kOther = QStringLiteral("OTHERUSDT");

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

BookSummary bookAt(double mid)
{
    BookSummary b;
    b.bestBid = mid * (1 - 0.5e-4);
    b.bestAsk = mid * (1 + 0.5e-4);
    b.bidDepth03 = 1e9;
    b.askDepth03 = 1e9;
    return b;
}

Signal signal(TradeSide side, const QString &symbol)
{
    Signal s;
    s.id = symbol + QStringLiteral(":momentum:1");
    s.symbol = symbol;
    s.side = side;
    s.entry = 100;
    s.stop = side == TradeSide::Long ? 98 : 102;
    s.level = 99.8;
    s.confidence = 0.6;
    s.atr = 3.0;
    s.createdMs = utc("2026-11-27T10:00:00.000Z");
    s.reason = QStringLiteral("test breakout");
    s.setTargetsFromR(1.5, 2.8);
    return s;
}

// Statements on a raw connection of our own, to build fixtures and inspect files behind the journal's back.
class RawDb
{
public:
    explicit RawDb(const QString &path)
        : m_name(QStringLiteral("raw.%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    void exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        QVERIFY2(q.exec(sql), qPrintable(sql));
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

private:
    static inline int s_counter = 0;
    QString m_name;
};

QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// The trading objects of one "process" run.
struct Session {
    explicit Session(ManualClock &clock)
        : broker(ExecutionConfig{}, clock)
        , manager(broker, book, PositionConfig{}, clock)
        , risk(RiskConfig{}, clock)
    {}
    PaperBroker broker;
    PositionBook book;
    PositionManager manager;
    RiskManager risk;
    Journal journal;

    bool record(const TradingUpdate &u)
    {
        for (const Order &o : u.orders)
            lastOrderId = std::max(lastOrderId, o.id);
        return journal.recordUpdate(u, broker.account());
    }
    qint64 lastOrderId = 0;
};

} // namespace

class TestJournal : public QObject
{
    Q_OBJECT

private slots:
    void createsAWalJournalAtTheLatestVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
        {
            Journal journal;
            QVERIFY2(journal.open(path), qPrintable(journal.errorString()));
            QCOMPARE(journal.schemaVersion(), Journal::latestSchemaVersion());
            QCOMPARE(journal.error(), JournalError::None);
        }
        RawDb raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(raw.value(QStringLiteral("PRAGMA application_id")).toLongLong(), qint64(Journal::kApplicationId));
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), Journal::latestSchemaVersion());
        for (const QString &table :
             {QStringLiteral("signals"), QStringLiteral("orders"), QStringLiteral("fills"), QStringLiteral("positions"),
              QStringLiteral("equity"), QStringLiteral("engine_events"), QStringLiteral("state")}) {
            QVERIFY2(
                raw.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'").arg(table)).toInt() ==
                    1,
                qPrintable(table));
        }
    }

    void migratesFromVersionZero()
    {
        QTemporaryDir dir;
        // An empty file and an SQLite database without tables are both version 0.
        const QString emptyFile = dir.filePath(QStringLiteral("empty.sqlite"));
        {
            QFile f(emptyFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        const QString emptyDb = dir.filePath(QStringLiteral("emptydb.sqlite"));
        {
            RawDb raw(emptyDb);
            raw.exec(QStringLiteral("PRAGMA user_version=0"));
            raw.exec(QStringLiteral("VACUUM")); // materialise the file
        }
        for (const QString &path : {emptyFile, emptyDb}) {
            Journal journal;
            QVERIFY2(journal.open(path), qPrintable(journal.errorString()));
            QCOMPARE(journal.schemaVersion(), Journal::latestSchemaVersion());
        }
    }

    void migratesFromVersionOneKeepingData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
        {
            RawDb raw(path);
            raw.exec(QStringLiteral("PRAGMA application_id=%1").arg(Journal::kApplicationId));
            for (const QString &sql : Journal::migrations().at(0))
                raw.exec(sql);
            raw.exec(QStringLiteral("PRAGMA user_version=1"));
            raw.exec(QStringLiteral("INSERT INTO equity (time_ms, cash, unrealised, equity) VALUES (1, 98765.5, 0, "
                                    "98765.5)"));
        }
        Journal journal;
        QVERIFY2(journal.open(path), qPrintable(journal.errorString()));
        QCOMPARE(journal.schemaVersion(), Journal::latestSchemaVersion());
        QVERIFY(journal.saveRiskState(RiskState{})); // the table version 2 added
        const auto state = journal.loadState();
        QVERIFY(state.has_value());
        QVERIFY(state->hasAccount);
        QCOMPARE(state->cash, 98765.5);
    }

    // A journal written by the program before orders had a note (schema version 2): it opens, gains the
    // column, keeps every row as it was, and trading continues in it with notes.
    void migratesFromVersionTwoKeepingEveryOrder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v2.sqlite"));
        ManualClock clock(utc("2026-11-27T10:00:00.000Z"));
        {
            RawDb raw(path);
            raw.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
            raw.exec(QStringLiteral("PRAGMA application_id=%1").arg(Journal::kApplicationId));
            for (int step = 0; step < 2; ++step) {
                for (const QString &sql : Journal::migrations().at(step))
                    raw.exec(sql);
            }
            raw.exec(QStringLiteral("PRAGMA user_version=2"));
            // The old orders table indeed has no note.
            QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('orders') WHERE name = 'note'"))
                         .toInt(),
                     0);
            // An entry and a TP1 that filled, a stop-loss order still working when the old program stopped.
            raw.exec(QStringLiteral(
                "INSERT INTO orders (id, position_id, symbol, side, type, purpose, status, qty, limit_price, "
                "stop_price, reduce_only, filled_qty, avg_fill_price, fees, created_ms, updated_ms, reason) VALUES "
                "(1, 1, 'TESTUSDT', 'buy', 'market', 'entry', 'filled', 10, 0, 0, 0, 10, 100.06, 0.55, 1, 1, NULL), "
                "(2, 1, 'TESTUSDT', 'sell', 'limit', 'tp1', 'filled', 4, 103.1, 0, 1, 4, 103.1, 0.08, 2, 2, NULL), "
                "(3, 1, 'TESTUSDT', 'sell', 'stop_market', 'stop_loss', 'open', 6, 0, 98, 1, 0, 0, 0, 3, 3, NULL)"));
            raw.exec(QStringLiteral(
                "INSERT INTO fills (id, order_id, position_id, symbol, side, purpose, qty, price, fee, liquidity, "
                "realised_pnl, time_ms) VALUES (1, 1, 1, 'TESTUSDT', 'buy', 'entry', 10, 100.06, 0.55, 'taker', 0, 1), "
                "(2, 2, 1, 'TESTUSDT', 'sell', 'tp1', 4, 103.1, 0.08, 'maker', 12.16, 2)"));
            raw.exec(QStringLiteral(
                "INSERT INTO positions (id, signal_id, symbol, side, strategy, status, submitted_ms, opened_ms, "
                "closed_ms, target_qty, entry_qty, qty, avg_entry, initial_stop, risk_per_unit, initial_risk_usd, "
                "stop, stop_kind, tp1, tp2, tp1_done, tp2_done, entry_complete, highest, lowest, atr, "
                "btc_correlation, last_price, realised_pnl, fees, exit_reason, entry_order_id, exit_order_id) VALUES "
                "(1, 'TESTUSDT:momentum:1', 'TESTUSDT', 'long', 'momentum', 'open', 1795773540000, 1795773540000, 0, "
                "10, "
                "10, 6, 100.06, 98, "
                "2.06, 20.6, 100.2, 'breakeven', 103.15, 105.83, 1, 0, 1, 103.6, 99.9, 3, 0, 103.5, 12.16, 0.63, "
                "NULL, 1, 3)"));
            raw.exec(QStringLiteral("INSERT INTO equity (time_ms, cash, unrealised, equity) VALUES (2, 100011.53, "
                                    "20.66, 100032.19)"));
        }

        Session s(clock);
        QVERIFY2(s.journal.open(path), qPrintable(s.journal.errorString()));
        QCOMPARE(s.journal.schemaVersion(), Journal::latestSchemaVersion());
        QVERIFY2(s.journal.restore(s.book, s.broker, &s.risk), qPrintable(s.journal.errorString()));
        QCOMPARE(s.broker.cash(), 100011.53);
        QCOMPARE(s.book.livePositions().size(), 1);
        QCOMPARE(s.book.livePositions().constFirst().qty, 6.0);

        // The manual close of the restored position is the first order with a note.
        QVERIFY(s.record(s.manager.onMarket(kSym, bookAt(101), MarkUpdate::tick(101))));
        QVERIFY(s.record(s.manager.close(1, OrderPurpose::Manual, QStringLiteral("closed by the desktop operator"))));
        QCOMPARE(s.book.find(1)->status, PositionStatus::Closed);
        s.journal.close();

        RawDb raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA quick_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), Journal::latestSchemaVersion());
        // Every old row is there, unchanged but for the column it gained (empty, never NULL) and the order the
        // restart cancelled.
        QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM orders WHERE id <= 3")).toInt(), 3);
        QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM orders WHERE id <= 3 AND note = ''")).toInt(), 3);
        QCOMPARE(raw.value(QStringLiteral("SELECT group_concat(purpose || ':' || status || ':' || qty || ':' || "
                                          "avg_fill_price, ' ') FROM (SELECT * FROM orders WHERE id <= 3 ORDER BY id)"))
                     .toString(),
                 QStringLiteral("entry:filled:10.0:100.06 tp1:filled:4.0:103.1 stop_loss:cancelled:6.0:0.0"));
        QCOMPARE(raw.value(QStringLiteral("SELECT reason FROM orders WHERE id = 3")).toString(),
                 QStringLiteral("cancelled at restart"));
        QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM fills WHERE id <= 2")).toInt(), 2);
        QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM equity WHERE time_ms = 2")).toInt(), 1);
        // The new exit, with its note.
        QCOMPARE(raw.value(QStringLiteral("SELECT note FROM orders WHERE position_id = 1 AND purpose = 'manual'"))
                     .toString(),
                 QStringLiteral("closed by the desktop operator"));
        QCOMPARE(raw.value(QStringLiteral("SELECT exit_reason FROM positions WHERE id = 1")).toString(),
                 QStringLiteral("manual"));
    }

    // Each order's note reaches the journal's orders table, an empty one as '' (the column is NOT NULL).
    void ordersKeepTheirNote()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
        ManualClock clock(utc("2026-11-27T10:00:00.000Z"));
        {
            Session s(clock);
            QVERIFY2(s.journal.open(path), qPrintable(s.journal.errorString()));
            QVERIFY(s.record(s.manager.onMarket(kSym, bookAt(100), MarkUpdate::tick(100))));
            const TradingUpdate opened =
                s.manager.open(signal(TradeSide::Long, kSym), 10, nullptr, QStringLiteral("v1"));
            QVERIFY(s.record(opened));
            const qint64 id = opened.positions.constFirst().id;
            clock.advanceMs(60'000);
            QVERIFY(s.record(s.manager.onMarket(kSym, bookAt(97.8), MarkUpdate{97.8, 98.6, 97.7, 3.0})));
            QCOMPARE(s.book.find(id)->exitReason, OrderPurpose::StopLoss);
            // An order without a note (none of ours is, but the journal must take one).
            Order bare;
            bare.id = 99;
            bare.symbol = kSym;
            TradingUpdate u;
            u.orders.append(bare);
            QVERIFY2(s.journal.recordUpdate(u, s.broker.account()), qPrintable(s.journal.errorString()));
        }
        RawDb raw(path);
        QCOMPARE(raw.value(QStringLiteral("SELECT note FROM orders WHERE purpose = 'entry'")).toString(),
                 QStringLiteral("momentum entry, preset v1, signal TESTUSDT:momentum:1"));
        QVERIFY(raw.value(QStringLiteral("SELECT note FROM orders WHERE purpose = 'stop_loss'"))
                    .toString()
                    .startsWith(QStringLiteral("initial stop at 98")));
        const QVariant bareNote = raw.value(QStringLiteral("SELECT note FROM orders WHERE id = 99"));
        QVERIFY(!bareNote.isNull());
        QCOMPARE(bareNote.toString(), QString());
    }

    void restartRecoversPositionsAndCash()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
        const QString crashCopy = dir.filePath(QStringLiteral("crash.sqlite"));
        ManualClock clock(utc("2026-11-27T10:00:00.000Z"));

        QList<Position> before;
        double cashBefore = 0;
        qint64 lastOrderBefore = 0;
        {
            auto s = std::make_unique<Session>(clock);
            QVERIFY2(s->journal.open(path), qPrintable(s->journal.errorString()));
            const Signal longSignal = signal(TradeSide::Long, kSym);
            QVERIFY(s->journal.recordSignal(longSignal, QStringLiteral("executed")));
            QVERIFY(s->record(s->manager.onMarket(kSym, bookAt(100), MarkUpdate::tick(100))));
            QVERIFY(s->record(s->manager.onMarket(kOther, bookAt(100), MarkUpdate::tick(100))));
            QVERIFY(s->record(s->manager.open(longSignal, 10)));
            QVERIFY(s->record(s->manager.open(signal(TradeSide::Short, kOther), 7)));
            clock.advanceMs(60'000);
            // TP1 on the long: realised PnL, fees, a moved stop.
            QVERIFY(s->record(s->manager.onMarket(kSym, bookAt(103.5), MarkUpdate{103.5, 103.6, 102.9, 3.0})));
            QVERIFY(s->record(s->manager.onMarket(kOther, bookAt(99.0), MarkUpdate::tick(99.0))));
            s->risk.updateEquity(s->broker.equity());
            QVERIFY(s->journal.saveRiskState(s->risk.state()));
            QVERIFY(s->journal.recordEngineEvent(clock.nowMs(), QStringLiteral("state"), QStringLiteral("managing")));

            before = s->book.livePositions();
            QCOMPARE(before.size(), 2);
            QVERIFY(before.first().tp1Done);
            cashBefore = s->broker.cash();
            QVERIFY(cashBefore != ExecutionConfig{}.startingCash);
            lastOrderBefore = s->lastOrderId;
            QVERIFY(lastOrderBefore >= 3);

            // What a kill -9 now would leave on disk: the main file plus the write-ahead log, which holds
            // every committed step not yet checkpointed.
            QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
            QVERIFY(QFile::copy(path, crashCopy));
            QVERIFY(QFile::copy(path + QStringLiteral("-wal"), crashCopy + QStringLiteral("-wal")));
            // Then drop everything mid-position without closing anything by hand.
        }

        for (const QString &file : {crashCopy, path}) {
            ManualClock later(utc("2026-11-27T12:00:00.000Z"));
            Session s(later);
            QVERIFY2(s.journal.open(file), qPrintable(s.journal.errorString()));
            QVERIFY2(s.journal.restore(s.book, s.broker, &s.risk), qPrintable(s.journal.errorString()));

            QCOMPARE(s.broker.cash(), cashBefore);
            const QList<Position> after = s.book.livePositions();
            QCOMPARE(after.size(), before.size());
            for (int i = 0; i < after.size(); ++i) {
                const Position &a = after[i];
                const Position &b = before[i];
                QCOMPARE(a.id, b.id);
                QCOMPARE(a.symbol, b.symbol);
                QCOMPARE(a.side, b.side);
                QCOMPARE(a.status, PositionStatus::Open);
                QCOMPARE(a.qty, b.qty);
                QCOMPARE(a.entryQty, b.entryQty);
                QCOMPARE(a.avgEntry, b.avgEntry);
                QCOMPARE(a.stop, b.stop);
                QCOMPARE(a.stopKind, b.stopKind);
                QCOMPARE(a.initialRiskPerUnit, b.initialRiskPerUnit);
                QCOMPARE(a.initialRiskUsd, b.initialRiskUsd);
                QCOMPARE(a.tp1Price, b.tp1Price);
                QCOMPARE(a.tp2Price, b.tp2Price);
                QCOMPARE(a.tp1Done, b.tp1Done);
                QCOMPARE(a.realisedPnlUsd, b.realisedPnlUsd);
                QCOMPARE(a.feesUsd, b.feesUsd);
                QCOMPARE(a.openedMs, b.openedMs);
                const NetPosition net = s.broker.netPosition(a.symbol);
                QCOMPARE(net.qty, a.qty * sideSign(a.side));
                QCOMPARE(net.avgPrice, a.avgEntry);
            }
            QCOMPARE(s.risk.peakEquity(), s.risk.state().peakEquity);
            QVERIFY(s.risk.state().hasBaseline);

            // Trading goes on from the restored state: the long's breakeven stop closes it.
            const double cashAtRestore = s.broker.cash();
            TradingUpdate u = s.manager.onMarket(kSym, bookAt(100.5), MarkUpdate{100.5, 101.0, 100.2, 3.0});
            QVERIFY(s.record(u));
            QCOMPARE(u.finished.size(), 1);
            const Position closed = u.finished.first();
            QCOMPARE(closed.exitReason, OrderPurpose::Breakeven);
            double flow = 0;
            for (const Fill &f : u.fills) {
                flow += f.realisedPnlUsd - f.feeUsd;
                QVERIFY2(f.orderId > lastOrderBefore, "order ids continue after a restart");
            }
            QVERIFY(std::abs(s.broker.cash() - cashAtRestore - flow) < 1e-9);
            QVERIFY(std::abs(closed.realisedPnlUsd - (before.first().realisedPnlUsd + u.fills.first().realisedPnlUsd)) <
                    1e-9);
        }
    }

    void corruptFileIsReportedAndLeftUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QByteArray random(64 * 1024, '\0');
        QRandomGenerator rng(7);
        for (char &c : random)
            c = char(rng.bounded(256));
        QTest::newRow("random bytes") << random;
        QTest::newRow("sqlite header, random body") << QByteArray("SQLite format 3\0", 16) + random;
        QTest::newRow("text file") << QByteArray("positions,cash\nBTC,100\n");
    }

    void corruptFileIsReportedAndLeftUntouched()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        const QByteArray hash = sha256(path);
        Journal journal;
        QVERIFY(!journal.open(path));
        QCOMPARE(journal.error(), JournalError::Corrupt);
        QVERIFY2(journal.errorString().contains(path) && journal.errorString().contains(QStringLiteral("untouched")),
                 qPrintable(journal.errorString()));
        QVERIFY(!journal.isOpen());
        QCOMPARE(sha256(path), hash);
        QCOMPARE(QFileInfo(path).size(), content.size());
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void foreignDatabaseIsReportedAndLeftUntouched_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::addColumn<QString>("named");
        QTest::newRow("another app's schema")
            << QStringList{QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"),
                           QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)"),
                           QStringLiteral("INSERT INTO customers (name) VALUES ('Ada')")}
            << QStringLiteral("customers");
        QTest::newRow("our table names, another application id")
            << QStringList{QStringLiteral("PRAGMA application_id=305419896"),
                           QStringLiteral("CREATE TABLE positions (id INTEGER PRIMARY KEY)"),
                           QStringLiteral("CREATE TABLE orders (id INTEGER PRIMARY KEY)")}
            << QStringLiteral("0x12345678");
        QTest::newRow("our names mixed with others, no id")
            << QStringList{QStringLiteral("CREATE TABLE signals (id TEXT)"),
                           QStringLiteral("CREATE TABLE wallets (id INTEGER PRIMARY KEY)")}
            << QStringLiteral("wallets");
    }

    void foreignDatabaseIsReportedAndLeftUntouched()
    {
        QFETCH(QStringList, statements);
        QFETCH(QString, named);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        {
            RawDb raw(path);
            for (const QString &sql : statements)
                raw.exec(sql);
        }
        const QByteArray hash = sha256(path);
        Journal journal;
        QVERIFY(!journal.open(path));
        QCOMPARE(journal.error(), JournalError::Foreign);
        QVERIFY2(journal.errorString().contains(named), qPrintable(journal.errorString()));
        QCOMPARE(sha256(path), hash);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void missingFolderIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no/such/folder/journal.sqlite"));
        Journal journal;
        QVERIFY(!journal.open(path));
        QCOMPARE(journal.error(), JournalError::OpenFailed);
        QVERIFY2(journal.errorString().contains(path), qPrintable(journal.errorString()));
        QVERIFY(!journal.isOpen());
        QVERIFY(!journal.recordEquity({1, 2, 3, 5}));
    }

    void newerSchemaIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.sqlite"));
        {
            RawDb raw(path);
            raw.exec(QStringLiteral("PRAGMA application_id=%1").arg(Journal::kApplicationId));
            raw.exec(QStringLiteral("CREATE TABLE positions (id INTEGER PRIMARY KEY)"));
            raw.exec(QStringLiteral("PRAGMA user_version=99"));
        }
        const QByteArray hash = sha256(path);
        Journal journal;
        QVERIFY(!journal.open(path));
        QCOMPARE(journal.error(), JournalError::NewerSchema);
        QVERIFY(journal.errorString().contains(QStringLiteral("99")));
        QCOMPARE(sha256(path), hash);
    }

    void connectionsAreUniqueAndBoundToTheirThread()
    {
        QTemporaryDir dir;
        Journal a;
        Journal b;
        QVERIFY(a.open(dir.filePath(QStringLiteral("a.sqlite"))));
        QVERIFY(b.open(dir.filePath(QStringLiteral("b.sqlite"))));
        QVERIFY(a.connectionName() != b.connectionName());
        QVERIFY(QSqlDatabase::contains(a.connectionName()));

        bool wrote = true;
        QString error;
        // A plain std::thread: joining it is a synchronisation point ThreadSanitizer sees.
        std::thread other([&] {
            wrote = a.recordEquity({1, 2, 3, 5});
            error = a.errorString();
        });
        other.join();
        QVERIFY(!wrote);
        QVERIFY2(error.contains(QStringLiteral("thread")), qPrintable(error));
        QVERIFY(a.recordEquity({1, 2, 3, 5})); // still fine on its own thread

        const QString name = a.connectionName();
        a.close();
        QVERIFY(!QSqlDatabase::contains(name));
    }

    void equityCurveAndEvents()
    {
        QTemporaryDir dir;
        Journal journal;
        QVERIFY(journal.open(dir.filePath(QStringLiteral("j.sqlite"))));
        for (int i = 0; i < 10; ++i)
            QVERIFY(journal.recordEquity({1000 + i, 100000.0 + i, 0, 100000.0 + i}));
        const QList<AccountSnapshot> curve = journal.equityCurve(3);
        QCOMPARE(curve.size(), 3);
        QCOMPARE(curve.first().timeMs, 1007);
        QCOMPARE(curve.last().equity, 100009.0);
        QVERIFY(journal.recordEngineEvent(5, QStringLiteral("kill_switch"), QStringLiteral("tripped"),
                                          QJsonObject{{QStringLiteral("drawdown"), 0.2}}));
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
