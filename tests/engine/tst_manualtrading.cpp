#include "engine/Engine.h"
#include "market/SimulatedFeed.h"
#include "scanner/PresetLoader.h"
#include "support/TradingTestMarket.h"
#include "trading/Order.h"
#include "trading/PositionBook.h"
#include "trading/RiskManager.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <memory>
#include <optional>

using namespace bw;
using namespace Qt::StringLiterals;

namespace {

// Loose enough that a small seeded simulated market trades within a couple of simulated days (as in
// tst_engine); positions are held long enough to be closed by hand.
Preset tradingPreset()
{
    return test::looseTradingPreset(48);
}

SimulatedFeedConfig marketConfig()
{
    return test::smallTradingMarket(6000); // a 5 m bar every 50 ms of wall time
}

// An engine on its own thread, as the composition root runs it; what it publishes is collected on the test
// thread.
struct Running {
    QThread thread;
    Engine *engine = nullptr;
    QObject collector;
    QList<EngineEvent> events;
    QList<QPair<QString, QString>> refusals; // command, reason
    QList<Order> orders;
    QList<Position> finished;
    int accounts = 0;

    explicit Running(const EngineConfig &config, bool start = true)
    {
        engine = new Engine(config, new SimulatedFeed(marketConfig()));
        QObject::connect(engine, &Engine::commandRefused, &collector,
                         [this](const QString &command, const QString &reason) {
                             refusals.append({command, reason});
                         });
        QObject::connect(engine, &Engine::stateChanged, &collector, [this](const EngineEvent &e) { events.append(e); });
        QObject::connect(engine, &Engine::tradingUpdated, &collector, [this](const TradingUpdate &u) {
            orders += u.orders;
            finished += u.finished;
        });
        QObject::connect(engine, &Engine::accountUpdated, &collector, [this] { ++accounts; });
        engine->moveToThread(&thread);
        thread.setObjectName(u"bw-engine"_s);
        thread.start();
        if (start)
            QMetaObject::invokeMethod(engine, &Engine::start, Qt::QueuedConnection);
    }
    ~Running() { stop(); }
    void stop()
    {
        if (!engine)
            return;
        QMetaObject::invokeMethod(
            engine, [e = engine] { e->stop(); }, Qt::BlockingQueuedConnection);
        engine->deleteLater();
        engine = nullptr;
        thread.quit();
        thread.wait();
    }
    template <typename F>
    void call(F f)
    {
        QMetaObject::invokeMethod(
            engine, [e = engine, f] { f(e); }, Qt::QueuedConnection);
    }
    EngineStatus status() const
    {
        EngineStatus s;
        QMetaObject::invokeMethod(
            engine, [&] { s = engine->status(); }, Qt::BlockingQueuedConnection);
        return s;
    }
    QList<Position> live() const
    {
        QList<Position> out;
        QMetaObject::invokeMethod(
            engine, [&] { out = engine->positions()->livePositions(); }, Qt::BlockingQueuedConnection);
        return out;
    }
    bool refused(const QString &command, const QString &reasonPart) const
    {
        for (const auto &[c, r] : refusals) {
            if (c == command && r.contains(reasonPart))
                return true;
        }
        return false;
    }
    const Position *finishedPosition(qint64 id) const
    {
        for (const Position &p : finished) {
            if (p.id == id)
                return &p;
        }
        return nullptr;
    }
};

// The journal's engine_events of `kind`: message and data.
QList<QPair<QString, QString>> journalEvents(const QString &path, const QString &kind)
{
    QList<QPair<QString, QString>> out;
    const QString name = u"manualtrading-check"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(u"SELECT message, data FROM engine_events WHERE kind = ? ORDER BY id"_s);
            q.addBindValue(kind);
            q.exec();
            while (q.next())
                out.append({q.value(0).toString(), q.value(1).toString()});
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

QString journalValue(const QString &path, const QString &sql)
{
    QString out;
    const QString name = u"manualtrading-value"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                out = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

} // namespace

// The operator's hands on the trading: closing one position, flattening, the kill switch by hand and its
// reset, on a real engine trading a seeded simulated market, with a real journal.
class TestManualTrading : public QObject
{
    Q_OBJECT

private slots:
    void refusedBeforeStart();
    void closeFlattenHaltReset();
    void resetsATrippedKillSwitch();
};

void TestManualTrading::refusedBeforeStart()
{
    EngineConfig config;
    config.preset = tradingPreset();
    Running run(config, /*start=*/false);
    run.call([](Engine *e) { e->closePosition(1); });
    run.call([](Engine *e) { e->flattenAll(); });
    run.call([](Engine *e) { e->haltTrading(u"test"_s); });
    run.call([](Engine *e) { e->resetKillSwitch(); });
    QTRY_COMPARE(run.refusals.size(), 4);
    QVERIFY(run.refused(u"position.close"_s, u"not running"_s));
    QVERIFY(run.refused(u"positions.flatten"_s, u"not running"_s));
    QVERIFY(run.refused(u"risk.halt"_s, u"not running"_s));
    QVERIFY(run.refused(u"risk.reset"_s, u"not started"_s));
    QCOMPARE(run.status().state, EngineState::Idle);
}

void TestManualTrading::closeFlattenHaltReset()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EngineConfig config;
    config.preset = tradingPreset();
    config.journalPath = dir.filePath(u"journal.sqlite"_s);
    config.statusIntervalMs = 100;
    Running run(config);

    // Latched: QTRY evaluates the condition more than once, and a stop may close one in between.
    bool sawTwo = false;
    QTRY_VERIFY_WITH_TIMEOUT(sawTwo || (sawTwo = run.status().openPositions >= 2), 600'000);
    // No new entries while the test acts; the positions are still managed (and may stop out on their own).
    run.call([](Engine *e) { e->pause(u"test"_s); });
    QTRY_COMPARE_WITH_TIMEOUT(run.status().state, EngineState::Paused, 30'000);

    // An id the book never had, then a real one.
    run.call([](Engine *e) { e->closePosition(987654); });
    QTRY_VERIFY(run.refused(u"position.close"_s, u"no position #987654"_s));
    // A position seen open may meet its stop before the command runs (then refused as closed): try others
    // until a manual close lands.
    Position target;
    std::optional<Position> closed;
    for (int attempt = 0; attempt < 20 && !closed; ++attempt) {
        // The open position is taken where it is seen (latched: QTRY evaluates the condition more than once,
        // and the position may close in between).
        std::optional<Position> seen;
        const auto findOpen = [&run, &seen] {
            const QList<Position> live = run.live();
            const auto it = std::find_if(live.cbegin(), live.cend(),
                                         [](const Position &p) { return p.status == PositionStatus::Open; });
            if (it != live.cend())
                seen = *it;
            return seen.has_value();
        };
        QTRY_VERIFY_WITH_TIMEOUT(seen.has_value() || findOpen(), 600'000);
        target = *seen;
        const qsizetype refusalsBefore = run.refusals.size();
        const int accountsBefore = run.accounts;
        run.call([id = target.id](Engine *e) { e->closePosition(id, u"test close"_s); });
        QTRY_VERIFY_WITH_TIMEOUT(run.refusals.size() > refusalsBefore || run.finishedPosition(target.id), 30'000);
        const Position *finished = run.finishedPosition(target.id);
        if (run.refusals.size() == refusalsBefore && finished && finished->exitReason == OrderPurpose::Manual) {
            closed = *finished;
            QTRY_VERIFY(run.accounts > accountsBefore);
        }
    }
    QVERIFY(closed.has_value());
    QCOMPARE(closed->status, PositionStatus::Closed);
    bool manualOrder = false;
    for (const Order &o : run.orders) {
        if (o.positionId == target.id && o.purpose == OrderPurpose::Manual && o.reduceOnly) {
            manualOrder = true;
            // The order itself says who closed it and why, as the orders table shows it.
            QCOMPARE(o.note, u"closed by test close"_s);
        }
    }
    QVERIFY(manualOrder);
    for (const Position &p : run.live())
        QVERIFY(p.id != target.id);

    // Closing it again: it is finished.
    run.call([id = target.id](Engine *e) { e->closePosition(id); });
    QTRY_VERIFY(run.refused(u"position.close"_s, u"is already"_s));

    // Flatten what is left (there may be nothing left if the others stopped out meanwhile).
    const QList<Position> live = run.live();
    const qsizetype refusalsBefore = run.refusals.size();
    run.call([](Engine *e) { e->flattenAll(u"test flatten"_s); });
    if (!live.isEmpty()) {
        QTRY_VERIFY_WITH_TIMEOUT(run.live().isEmpty(), 30'000);
        for (const Position &p : live)
            QTRY_VERIFY(run.finishedPosition(p.id) != nullptr);
        for (const Position &p : live) {
            const Position *f = run.finishedPosition(p.id);
            if (f->exitReason != OrderPurpose::Manual)
                continue; // met its own stop or target before the flatten ran
            bool flattened = false;
            for (const Order &o : run.orders)
                flattened |= o.positionId == p.id && o.purpose == OrderPurpose::Manual &&
                             o.note == u"flatten all by test flatten"_s;
            QVERIFY2(flattened, qPrintable(p.symbol));
        }
    } else {
        QTRY_VERIFY(run.refusals.size() > refusalsBefore);
    }
    QCOMPARE(run.status().openPositions, 0);
    // Nothing to flatten now; nothing to reset either.
    run.call([](Engine *e) { e->flattenAll(); });
    QTRY_VERIFY(run.refused(u"positions.flatten"_s, u"no open positions"_s));
    run.call([](Engine *e) { e->resetKillSwitch(); });
    QTRY_VERIFY(run.refused(u"risk.reset"_s, u"not tripped"_s));

    // The kill switch by hand: Emergency, no entries; a second halt is refused; the reset resumes trading.
    run.call([](Engine *e) { e->resume(); });
    QTRY_VERIFY_WITH_TIMEOUT(run.status().state != EngineState::Paused, 30'000);
    const qsizetype ordersBeforeHalt = run.orders.size();
    run.call([](Engine *e) { e->haltTrading(u"test halt"_s); });
    QTRY_COMPARE_WITH_TIMEOUT(run.status().state, EngineState::Emergency, 30'000);
    // Whatever the halt closed (entries made since the resume, if any) says it was the halt, and whose.
    for (qsizetype i = ordersBeforeHalt; i < run.orders.size(); ++i) {
        if (run.orders.at(i).purpose == OrderPurpose::KillSwitch)
            QCOMPARE(run.orders.at(i).note, u"halted: test halt"_s);
    }
    QTRY_VERIFY(run.events.constLast().reason.contains(u"test halt"_s));
    run.call([](Engine *e) { e->haltTrading(); });
    QTRY_VERIFY(run.refused(u"risk.halt"_s, u"already halted"_s));
    const int entries = run.status().entriesTotal;
    run.call([](Engine *e) { e->resetKillSwitch(u"test reset"_s); });
    // One status per check: two calls could see Scanning, then Managing, and neither would match.
    const auto running = [&run] {
        const EngineState state = run.status().state;
        return state == EngineState::Managing || state == EngineState::Scanning;
    };
    QTRY_VERIFY_WITH_TIMEOUT(running(), 30'000);
    QVERIFY(!run.status().killSwitch);
    QVERIFY(run.status().entriesTotal >= entries);
    run.stop();

    // Every order the engine sent says why: entries name their signal and preset, exits their rule.
    for (const Order &o : run.orders) {
        QVERIFY2(!o.note.isEmpty(), qPrintable(toCode(o.purpose)));
        if (o.purpose == OrderPurpose::Entry)
            QVERIFY2(o.note.contains(u" entry, preset %1, signal "_s.arg(config.preset.name)), qPrintable(o.note));
        if (o.purpose == OrderPurpose::StopLoss)
            QVERIFY2(o.note.startsWith(u"initial stop at "_s), qPrintable(o.note));
        if (o.purpose == OrderPurpose::Breakeven)
            QVERIFY2(o.note.startsWith(u"breakeven stop at "_s), qPrintable(o.note));
        if (o.purpose == OrderPurpose::TrailingStop)
            QVERIFY2(o.note.startsWith(u"trailing stop at "_s), qPrintable(o.note));
    }

    // The journal says what the operator did, and why.
    const QString path = config.journalPath;
    const auto closes = journalEvents(path, u"manual_close"_s);
    QVERIFY(!closes.isEmpty());
    QVERIFY(closes.constLast().first.contains(u"test close"_s));
    QVERIFY(closes.constLast().second.contains(QString::number(target.id)));
    {
        QCOMPARE(journalValue(path, u"SELECT exit_reason FROM positions WHERE id = %1"_s.arg(target.id)),
                 toCode(OrderPurpose::Manual));
        QVERIFY(journalValue(
                    path, u"SELECT COUNT(*) FROM orders WHERE position_id = %1 AND purpose = '%2'"_s.arg(target.id).arg(
                              toCode(OrderPurpose::Manual)))
                    .toInt() >= 1);
        // The order row in the file says it too, and no order of the run went without a note.
        QCOMPARE(journalValue(path,
                              u"SELECT note FROM orders WHERE position_id = %1 AND purpose = '%2'"_s.arg(target.id).arg(
                                  toCode(OrderPurpose::Manual))),
                 u"closed by test close"_s);
        QCOMPARE(journalValue(path, u"SELECT COUNT(*) FROM orders WHERE note = ''"_s).toInt(), 0);
        QVERIFY(journalValue(path, u"SELECT COUNT(*) FROM orders"_s).toInt() >= 2);
    }
    QCOMPARE(journalEvents(path, u"flatten"_s).size(), live.isEmpty() ? 0 : 1);
    const auto halts = journalEvents(path, u"halt"_s);
    QCOMPARE(halts.size(), 1);
    QVERIFY(halts.constFirst().first.contains(u"test halt"_s));
    const auto resets = journalEvents(path, u"kill_switch_reset"_s);
    QCOMPARE(resets.size(), 1);
    QVERIFY(resets.constFirst().first.contains(u"test reset"_s));
}

void TestManualTrading::resetsATrippedKillSwitch()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EngineConfig config;
    config.preset = tradingPreset();
    // The fees of the first entry are already a drawdown from the peak: the kill switch trips at once.
    config.preset.risk.killSwitchLossLimit = 1e-7;
    config.journalPath = dir.filePath(u"journal.sqlite"_s);
    Running run(config);
    QTRY_VERIFY_WITH_TIMEOUT(run.status().killSwitch, 600'000);
    QTRY_COMPARE_WITH_TIMEOUT(run.status().state, EngineState::Emergency, 30'000);

    run.call([](Engine *e) { e->resetKillSwitch(u"test reset"_s); });
    // Emergency -> Managing with the reset as its reason (the next loss may trip it again afterwards).
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(run.events.cbegin(), run.events.cend(),
                                         [](const EngineEvent &e) {
                                             return e.from == EngineState::Emergency && e.to == EngineState::Managing &&
                                                    e.reason.contains(u"test reset"_s);
                                         }),
                             30'000);
    run.stop();
    // The exits the tripped switch sent (if it flattened anything) quote the drawdown that tripped it.
    for (const Order &o : run.orders) {
        if (o.purpose == OrderPurpose::KillSwitch)
            QVERIFY2(o.note.startsWith(u"kill switch: equity"_s), qPrintable(o.note));
    }
    const auto resets = journalEvents(config.journalPath, u"kill_switch_reset"_s);
    QCOMPARE(resets.size(), 1);
    QVERIFY(resets.constFirst().second.contains(u"\"tripped\":true"_s));
}

QTEST_GUILESS_MAIN(TestManualTrading)
#include "tst_manualtrading.moc"
