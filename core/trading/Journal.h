#pragma once

#include "trading/PaperBroker.h"
#include "trading/Position.h"
#include "trading/RiskManager.h"
#include "trading/Signal.h"
#include "trading/TradingUpdate.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QThread;

namespace bw {

class PositionBook;

enum class JournalError {
    None,
    Corrupt,     // not an SQLite file, or an SQLite file that fails its integrity check
    Foreign,     // a valid SQLite database that belongs to another application
    NewerSchema, // our journal, written by a newer version of the program
    OpenFailed,  // the file could not be opened or created (permissions, missing folder, ...)
    Sql          // a statement failed
};

// What restore() rebuilds: enough to continue trading where the journal left off.
struct JournalState {
    bool hasAccount = false; // false for a journal that never recorded an account snapshot
    double cash = 0;
    QList<Position> openPositions;
    qint64 lastOrderId = 0;
    qint64 lastFillId = 0;
    qint64 lastPositionId = 0;
    std::optional<RiskState> risk;
};

// The trading journal: an SQLite file through QtSql (QSQLITE) in WAL mode, so every committed step
// survives a crash of the process.
//
// - Tables: signals, orders (each with its note: why it was placed), fills, positions, equity (the curve,
//   with cash), engine_events, state.
// - PRAGMA application_id marks the file as ours; PRAGMA user_version is the schema version. migrations()
//   lists the steps; step i takes version i to i + 1, each in its own transaction.
// - Before anything is written, an existing file is checked read-only: the SQLite header, PRAGMA
//   quick_check, application_id and tables. A damaged file or another application's database is
//   reported (error(), errorString()) and never modified.
// - One connection per Journal, named uniquely per thread; use a Journal only on the thread that opened
//   it (the engine thread).
class Journal final
{
public:
    static constexpr qint32 kApplicationId = 0x4257534A; // "BWSJ"

    Journal();
    ~Journal();
    Journal(const Journal &) = delete;
    Journal &operator=(const Journal &) = delete;

    static const QList<QStringList> &migrations();
    static int latestSchemaVersion() { return int(migrations().size()); }
    // Names of the tables our schema creates (anything else in a file marks it as foreign).
    static QStringList knownTables();

    bool open(const QString &path);
    void close();
    bool isOpen() const { return !m_connectionName.isEmpty(); }
    QString path() const { return m_path; }
    QString connectionName() const { return m_connectionName; }
    JournalError error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    int schemaVersion() const;

    bool recordSignal(const Signal &signal, const QString &status);
    // One transaction: orders, fills and positions of the step, plus an equity row with the cash after it.
    bool recordUpdate(const TradingUpdate &update, const AccountSnapshot &account);
    bool recordEquity(const AccountSnapshot &account);
    bool recordEngineEvent(qint64 timeMs, const QString &kind, const QString &message, const QJsonObject &data = {});
    bool saveRiskState(const RiskState &state);

    // Reads the state to continue from. Orders left active by a crash are marked cancelled, and entries
    // that never filled are marked cancelled, since the broker they lived in is gone.
    std::optional<JournalState> loadState();
    // loadState(), then rebuilds the PositionBook, the broker's cash and net holdings and, if given, the
    // RiskManager. False (with errorString()) when the journal cannot be read.
    bool restore(PositionBook &book, PaperBroker &broker, RiskManager *risk = nullptr);

    // The newest `limit` equity points, oldest first.
    QList<AccountSnapshot> equityCurve(int limit) const;

private:
    bool validateExisting(const QString &path);
    bool migrate();
    bool fail(JournalError error, const QString &message);
    bool onOwnerThread();
    bool writePosition(const Position &p);
    bool writeOrder(const Order &o);
    bool writeFill(const Fill &f);
    bool writeEquity(const AccountSnapshot &a);

    QString m_path;
    QString m_connectionName;
    QThread *m_thread = nullptr;
    JournalError m_error = JournalError::None;
    QString m_errorString;
};

} // namespace bw
