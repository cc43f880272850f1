#include "engine/Engine.h"

#include "engine/EngineLog.h"
#include "engine/TradingConfigs.h"
#include "market/MarketFeed.h"
#include "market/MarketMetaTypes.h"
#include "market/MarketService.h"
#include "market/ReplayFeed.h"
#include "scanner/MarketScanSource.h"
#include "scanner/PresetLoader.h"
#include "trading/Journal.h"
#include "trading/PaperBroker.h"
#include "trading/PositionBook.h"
#include "trading/PositionManager.h"
#include "trading/RiskManager.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace bw {

namespace {

void registerEngineTypes()
{
    static const bool done = [] {
        qRegisterMetaType<EngineEvent>("bw::EngineEvent");
        qRegisterMetaType<EngineStatus>("bw::EngineStatus");
        qRegisterMetaType<ScanReportPtr>("bw::ScanReportPtr");
        qRegisterMetaType<Signal>("bw::Signal");
        qRegisterMetaType<QList<Signal>>("QList<bw::Signal>");
        qRegisterMetaType<TradingUpdate>("bw::TradingUpdate");
        qRegisterMetaType<AccountSnapshot>("bw::AccountSnapshot");
        qRegisterMetaType<QList<Candle>>("QList<bw::Candle>");
        return true;
    }();
    Q_UNUSED(done);
}

} // namespace

Engine::Engine(const EngineConfig &config, MarketFeed *feed, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_feed(feed)
{
    registerEngineTypes();
    registerMarketMetaTypes();
    // The feed moves with the engine to the engine's thread; MarketService adopts it in start().
    if (m_feed)
        m_feed->setParent(this);
}

Engine::~Engine()
{
    // The scanner's workers read the scan source: stop them before the source goes.
    delete m_scanner;
    m_scanner = nullptr;
    delete m_service;
    m_service = nullptr;
}

qint64 Engine::scanIntervalMs() const
{
    if (m_scanIntervalOverrideMs > 0)
        return m_scanIntervalOverrideMs;
    return qint64(std::max(1, m_config.preset.scanner.scanIntervalSeconds)) * 1000;
}

// A new interval counts from the last scan's start, so shortening it can start a scan at the next update
// and lengthening it postpones the next one; the scanner takes its new concurrency at the next scan.
void Engine::applyTuning(const RuntimeTuning &tuning)
{
    m_scanIntervalOverrideMs = tuning.scanIntervalSeconds > 0 ? qint64(tuning.scanIntervalSeconds) * 1000 : 0;
    m_config.scanner.threads = tuning.scannerThreads;
    m_config.scanner.maxConcurrentBatches = std::max(1, tuning.maxConcurrentBatches);
    if (m_scanner)
        m_scanner->setConcurrency(m_config.scanner.threads, m_config.scanner.maxConcurrentBatches);
    if (m_lastScanMs > 0)
        m_nextScanMs = m_lastScanMs + scanIntervalMs();
    qCInfo(lcEngine).noquote() << QStringLiteral("tuning applied: scan interval %1 s, %2 scanner threads, %3 batches "
                                                 "in flight")
                                      .arg(scanIntervalMs() / 1000)
                                      .arg(m_scanner ? m_scanner->threadCount() : m_config.scanner.threads)
                                      .arg(m_config.scanner.maxConcurrentBatches);
}

bool Engine::isRunning() const
{
    return m_state == EngineState::Initializing || m_state == EngineState::Scanning ||
           m_state == EngineState::Managing || m_state == EngineState::Paused || m_state == EngineState::Emergency;
}

bool Engine::entriesAllowed() const
{
    return (m_state == EngineState::Scanning || m_state == EngineState::Managing) && !m_risk->isKillSwitchTripped();
}

void Engine::transition(EngineState to, const QString &reason)
{
    if (to == m_state)
        return;
    EngineEvent event{m_state, to, reason, m_clock.nowMs()};
    m_state = to;
    m_lastReason = reason;
    // A scan every few seconds flips managing <-> scanning; those routine steps would drown the log.
    const bool routine = (event.from == EngineState::Managing && to == EngineState::Scanning) ||
                         (event.from == EngineState::Scanning && to == EngineState::Managing);
    if (routine)
        qCDebug(lcEngine).noquote() << toCode(event.from) << "->" << toCode(to) << ":" << reason;
    else
        qCInfo(lcEngine).noquote() << toCode(event.from) << "->" << toCode(to) << ":" << reason;
    if (m_journal && m_journal->isOpen()) {
        m_journal->recordEngineEvent(
            event.marketTimeMs, QStringLiteral("transition"), reason,
            QJsonObject{{QStringLiteral("from"), toCode(event.from)}, {QStringLiteral("to"), toCode(to)}});
    }
    emit stateChanged(event);
    publishStatus();
}

void Engine::build()
{
    const Preset &preset = m_config.preset;
    m_risk = std::make_unique<RiskManager>(riskConfigFromPreset(preset), m_clock);
    m_broker = std::make_unique<PaperBroker>(executionConfigFromPreset(preset, m_config.startingCash), m_clock);
    m_book = std::make_unique<PositionBook>();
    m_manager = std::make_unique<PositionManager>(*m_broker, *m_book, positionConfigFromPreset(preset), m_clock);
    m_signals = std::make_unique<SignalEngine>(preset, m_config.signalSettings);

    m_service = new MarketService(m_feed, m_config.storeCapacity, this);
    m_source = std::make_unique<MarketScanSource>(m_service->store());
    m_source->configure(preset);
    m_scanner = new Scanner(m_config.scanner, m_clock, this);
    m_scanner->setPreset(preset);
    m_scanner->setSource(m_source.get());
    m_scanner->setPressureSource(m_config.pressure);
    m_scanner->setUpdateGate([this](bool hold) {
        if (hold)
            m_service->holdUpdates();
        else
            m_service->releaseUpdates();
    });
    if (m_config.lockstep)
        m_replay = qobject_cast<ReplayFeed *>(m_feed);

    connect(m_service, &MarketService::symbolsChanged, this, &Engine::onSymbols);
    connect(m_service, &MarketService::barsClosed, this,
            [this](const QList<int> &symbols) { m_source->onBarsClosed(symbols); });
    connect(m_service, &MarketService::backfillFinished, this, &Engine::onBackfillFinished);
    connect(m_service, &MarketService::feedError, this, &Engine::onFeedError);
    connect(m_service, &MarketService::feedFinished, this, &Engine::onFeedFinished);
    connect(m_service, &MarketService::overviewReady, this, &Engine::overviewReady);
    // After the service's own connection (made in its constructor): the store already holds this batch.
    connect(m_feed, &MarketFeed::updatesReady, this, &Engine::onBatch);
    connect(m_scanner, &Scanner::scanStarted, this, &Engine::onScanStarted);
    connect(m_scanner, &Scanner::scanFinished, this, &Engine::onScanFinished);

    m_statusTimer = new QTimer(this);
    m_statusTimer->setInterval(std::max(50, m_config.statusIntervalMs));
    connect(m_statusTimer, &QTimer::timeout, this, &Engine::publishStatus);
}

void Engine::setStartingCash(double cash)
{
    if (m_state == EngineState::Idle && m_broker == nullptr)
        m_config.startingCash = cash;
}

void Engine::start()
{
    if (m_state != EngineState::Idle) {
        qCWarning(lcEngine) << "start() ignored in state" << toCode(m_state);
        return;
    }
    if (!m_feed) {
        transition(EngineState::Error, tr("no market feed"));
        return;
    }
    build();
    if (!m_config.journalPath.isEmpty()) {
        m_journal = std::make_unique<Journal>();
        if (!m_journal->open(m_config.journalPath)) {
            transition(EngineState::Error, tr("cannot open the journal: %1").arg(m_journal->errorString()));
            return;
        }
        if (!m_journal->restore(*m_book, *m_broker, m_risk.get())) {
            transition(EngineState::Error, tr("cannot restore from the journal: %1").arg(m_journal->errorString()));
            return;
        }
    }
    transition(EngineState::Initializing, tr("starting %1 with preset %2; %3 open positions restored")
                                              .arg(m_feed->sourceName(), m_config.preset.name)
                                              .arg(m_book->openCount()));
    // What the journal brought back is shown at once, not only when a restored position next changes.
    TradingUpdate restored;
    restored.positions = m_book->livePositions();
    if (!restored.positions.isEmpty())
        emit tradingUpdated(restored);
    emit accountUpdated(m_broker->account());
    m_statusTimer->start();
    m_service->start();
}

void Engine::pause(const QString &reason)
{
    if (m_state != EngineState::Scanning && m_state != EngineState::Managing)
        return;
    if (m_scanner->isBusy())
        m_scanner->cancel();
    transition(EngineState::Paused, reason.isEmpty() ? tr("paused by the operator") : reason);
}

void Engine::resume(const QString &reason)
{
    if (m_state != EngineState::Paused)
        return;
    transition(EngineState::Managing, reason.isEmpty() ? tr("resumed by the operator") : reason);
    m_nextScanMs = 0; // scan at the next update
    maybeScan();
}

void Engine::halt(const QString &reason)
{
    if (!isRunning() || m_state == EngineState::Emergency)
        return;
    if (m_scanner->isBusy())
        m_scanner->cancel();
    const QString why = reason.isEmpty() ? tr("halted by the operator") : reason;
    transition(EngineState::Emergency, why);
    // The exits say why the switch tripped: the drawdown, or who halted and why.
    apply(m_manager->flattenAll(OrderPurpose::KillSwitch, why));
}

void Engine::stop(const QString &reason)
{
    if (m_state == EngineState::Stopped)
        return;
    if (m_scanner)
        m_scanner->cancel();
    if (m_service)
        m_service->stop();
    if (m_statusTimer)
        m_statusTimer->stop();
    if (m_journal && m_journal->isOpen() && m_risk)
        m_journal->saveRiskState(m_risk->state());
    transition(EngineState::Stopped, reason.isEmpty() ? tr("stopped by the operator") : reason);
}

void Engine::onSymbols(int count)
{
    for (int i = 0; i < count; ++i)
        m_broker->setSymbolInfo(m_service->store().info(i));
    m_source->rebuild();
    publishStatus();
}

void Engine::onBackfillFinished()
{
    if (m_state != EngineState::Initializing)
        return;
    m_marketReady = true;
    m_nextScanMs = 0;
    transition(EngineState::Managing, tr("market history loaded for %1 symbols").arg(m_service->store().symbolCount()));
    maybeScan();
}

void Engine::onFeedError(const QString &message)
{
    if (m_state == EngineState::Initializing && !m_marketReady && m_service->store().symbolCount() == 0) {
        transition(EngineState::Error, tr("market feed failed: %1").arg(message));
        return;
    }
    qCWarning(lcEngine).noquote() << "feed:" << message;
    if (m_journal && m_journal->isOpen())
        m_journal->recordEngineEvent(m_clock.nowMs(), QStringLiteral("feed_error"), message);
}

void Engine::onFeedFinished()
{
    emit marketFinished();
}

void Engine::onBatch(const MarketUpdateBatch &batch)
{
    if (batch.marketTimeMs > m_clock.nowMs())
        m_clock.setNowMs(batch.marketTimeMs);
    if (m_marketReady && isRunning() && m_book->livePositions().size() > 0) {
        const MarketStore &store = m_service->store();
        // The newest candle and book per symbol in this batch.
        QHash<int, const Candle *> candles;
        QHash<int, const BookSummary *> books;
        for (const CandleUpdate &c : batch.candles)
            candles.insert(c.symbol, &c.candle);
        for (const BookUpdate &b : batch.books)
            books.insert(b.symbol, &b.book);
        TradingUpdate update;
        for (const Position &p : m_book->livePositions()) {
            const int i = store.indexOf(p.symbol);
            if (i < 0)
                continue;
            const Candle *candle = candles.value(i, nullptr);
            const BookSummary *book = books.value(i, nullptr);
            if (!candle && !book)
                continue;
            const BookSummary &useBook = book ? *book : store.market(i).book;
            if (!useBook.isValid())
                continue;
            double atr = m_source->baseAtr(i);
            if (!std::isfinite(atr) || atr <= 0)
                atr = 0;
            // The path since the previous update (MarkPathTracker): stops crossed between two ticks trigger
            // where the market crossed them. A bar's range counts only where it lies after the entry.
            MarkUpdate mark = MarkUpdate::tick(useBook.mid(), atr);
            if (candle)
                mark = p.status == PositionStatus::Open ? m_paths.observe(p.id, *candle, atr, p.openedMs)
                                                        : MarkUpdate::tick(candle->close, atr);
            update.append(m_manager->onMarket(p.symbol, useBook, mark));
        }
        update.append(m_manager->onTimer());
        apply(update);
    }
    if (m_paths.size() > 0) {
        for (qint64 id : m_paths.keys())
            if (!m_book->findLive(id))
                m_paths.forget(id);
    }
    maybeScan();
    if (m_replay) {
        if (m_scanner->isBusy())
            ++m_unacknowledged;
        else
            m_replay->acknowledge(1);
    }
}

void Engine::maybeScan()
{
    if (m_state != EngineState::Managing || !m_marketReady || m_scanner->isBusy())
        return;
    if (m_clock.nowMs() < m_nextScanMs)
        return;
    m_scanner->requestScan();
}

void Engine::onScanStarted()
{
    m_lastScanMs = m_clock.nowMs();
    m_nextScanMs = m_lastScanMs + scanIntervalMs();
    if (m_state == EngineState::Managing)
        transition(EngineState::Scanning,
                   tr("scan %1 of %2 symbols").arg(m_scans + 1).arg(m_service->store().symbolCount()));
}

void Engine::onScanFinished(const ScanReportPtr &report)
{
    ++m_scans;
    m_lastScanWallMs = report->wallMs;
    m_lastCandidates = int(report->candidates.size());
    emit scanFinished(report);
    if (m_state == EngineState::Scanning) {
        QList<Signal> signalList;
        if (!report->cancelled)
            signalList = m_signals->evaluate(*report, m_service->store(), m_clock.nowMs());
        m_signalsTotal += int(signalList.size());
        if (!signalList.isEmpty()) {
            emit signalsGenerated(signalList);
            handleSignals(signalList);
        }
        if (m_state == EngineState::Scanning) {
            transition(EngineState::Managing, tr("scan %1: %2 candidates, %3 signals, %4 open positions")
                                                  .arg(report->scanId)
                                                  .arg(report->candidates.size())
                                                  .arg(signalList.size())
                                                  .arg(m_book->openCount()));
        }
    }
    if (m_replay && m_unacknowledged > 0) {
        const int n = m_unacknowledged;
        m_unacknowledged = 0;
        m_replay->acknowledge(n);
    }
    if (m_presetPending && !m_scanner->isBusy())
        applyPreset();
}

void Engine::refuse(const QString &command, const QString &reason)
{
    qCInfo(lcEngine).noquote() << command << "refused:" << reason;
    emit commandRefused(command, reason);
}

void Engine::scanNow()
{
    const QString command = QStringLiteral("engine.scan_now");
    if (m_state == EngineState::Scanning || (m_scanner && m_scanner->isBusy())) {
        refuse(command, tr("a scan is already running"));
        return;
    }
    if (m_state == EngineState::Initializing || (isRunning() && !m_marketReady)) {
        refuse(command, tr("the market history is still loading"));
        return;
    }
    if (m_state != EngineState::Managing) {
        refuse(command, tr("the engine does not scan in state %1").arg(toCode(m_state)));
        return;
    }
    // onScanStarted moves the next periodic scan a whole interval past this one.
    if (!m_scanner->requestScan())
        refuse(command, tr("the scanner did not start a scan"));
}

void Engine::selectPreset(const QString &name)
{
    const QString command = QStringLiteral("engine.preset");
    // A name, never a path: an operator's text must not reach files outside the preset folders.
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    if (!pattern.match(name).hasMatch() || name.contains(QLatin1String(".."))) {
        refuse(command, tr("\"%1\" is not a preset name").arg(name));
        return;
    }
    const PresetLoadResult loaded = PresetLoader::load(name);
    if (!loaded.preset) {
        refuse(command, loaded.error);
        return;
    }
    const QString previous = m_config.preset.name;
    m_config.preset = *loaded.preset;
    const QString reason = tr("preset %1 replaces %2").arg(m_config.preset.name, previous);
    qCInfo(lcEngine).noquote() << reason;
    if (m_journal && m_journal->isOpen()) {
        m_journal->recordEngineEvent(
            m_clock.nowMs(), QStringLiteral("preset"), reason,
            QJsonObject{{QStringLiteral("from"), previous}, {QStringLiteral("to"), m_config.preset.name}});
    }
    m_presetPending = true;
    // The running scan reads the scan source, which a new preset rebuilds: wait for it to end.
    if (!m_scanner || !m_scanner->isBusy())
        applyPreset();
    publishStatus();
}

void Engine::applyPreset()
{
    m_presetPending = false;
    if (!m_scanner)
        return; // not built yet: build() takes m_config.preset
    const Preset &preset = m_config.preset;
    m_scanner->setPreset(preset);
    m_source->configure(preset);
    m_signals->setPreset(preset);
    m_risk->setConfig(riskConfigFromPreset(preset));
    m_manager->setConfig(positionConfigFromPreset(preset));
    m_broker->setConfig(executionConfigFromPreset(preset, m_config.startingCash));
    // The interval of the new preset counts from the last scan.
    if (m_lastScanMs > 0)
        m_nextScanMs = m_lastScanMs + scanIntervalMs();
}

void Engine::requestCandles(const QString &symbol, int count)
{
    QList<Candle> candles;
    const int i = m_service && count > 0 ? m_service->store().indexOf(symbol) : -1;
    if (i >= 0) {
        const CandleSeries &bars = m_service->store().market(i).bars;
        const int n = std::min(count, bars.size());
        candles.reserve(n);
        for (int k = bars.size() - n; k < bars.size(); ++k)
            candles.append(bars.at(k));
    }
    emit candlesReady(symbol, candles);
}

QString Engine::tradingUnavailable() const
{
    if (!m_manager || !isRunning())
        return tr("the engine is not running (%1)").arg(toCode(m_state));
    if (!m_marketReady)
        return tr("the market history is still loading");
    return {};
}

void Engine::refreshBooks()
{
    const MarketStore &store = m_service->store();
    for (const Position &p : m_book->livePositions()) {
        const int i = store.indexOf(p.symbol);
        if (i < 0)
            continue;
        const BookSummary book = store.market(i).book;
        if (book.isValid())
            apply(m_manager->onBook(p.symbol, book));
    }
}

void Engine::journalAction(const QString &kind, const QString &message, const QJsonObject &data)
{
    qCInfo(lcEngine).noquote() << message;
    if (m_journal && m_journal->isOpen())
        m_journal->recordEngineEvent(m_clock.nowMs(), kind, message, data);
}

void Engine::closePosition(qint64 positionId, const QString &reason)
{
    const QString command = QStringLiteral("position.close");
    if (const QString why = tradingUnavailable(); !why.isEmpty()) {
        refuse(command, why);
        return;
    }
    const Position *known = m_book->find(positionId);
    if (!known) {
        refuse(command, tr("there is no position #%1").arg(positionId));
        return;
    }
    if (!known->isLive()) {
        refuse(command,
               tr("position #%1 (%2) is already %3").arg(positionId).arg(known->symbol, toCode(known->status)));
        return;
    }
    refreshBooks();
    // The fresh book may have met the position's stop or target: the rules come first.
    const Position *live = m_book->find(positionId);
    if (!live || !live->isLive()) {
        refuse(command, tr("position #%1 closed by its own rules before the manual close").arg(positionId));
        return;
    }
    const Position before = *live;
    const QString why = reason.isEmpty() ? tr("by the operator") : reason;
    // The exit order names who asked and their words ("remote operator #3: news at 14:00"), so the orders
    // table and the journal's orders say why without a look at engine_events.
    const QString note = reason.isEmpty() ? tr("closed by the operator") : tr("closed by %1").arg(reason);
    const TradingUpdate update = m_manager->close(positionId, OrderPurpose::Manual, note);
    if (update.isEmpty()) {
        refuse(command, tr("position #%1 (%2) is already being closed").arg(positionId).arg(before.symbol));
        return;
    }
    journalAction(QStringLiteral("manual_close"),
                  tr("position #%1 %2 %3 %4 closed at market (%5)")
                      .arg(positionId)
                      .arg(before.symbol, toCode(before.side))
                      .arg(before.qty)
                      .arg(why),
                  QJsonObject{{QStringLiteral("positionId"), positionId},
                              {QStringLiteral("symbol"), before.symbol},
                              {QStringLiteral("side"), toCode(before.side)},
                              {QStringLiteral("qty"), before.qty},
                              {QStringLiteral("status"), toCode(before.status)},
                              {QStringLiteral("reason"), why}});
    apply(update);
    publishStatus();
}

void Engine::flattenAll(const QString &reason)
{
    const QString command = QStringLiteral("positions.flatten");
    if (const QString why = tradingUnavailable(); !why.isEmpty()) {
        refuse(command, why);
        return;
    }
    if (m_book->livePositions().isEmpty()) {
        refuse(command, tr("there are no open positions"));
        return;
    }
    refreshBooks();
    const QList<Position> live = m_book->livePositions();
    const QString why = reason.isEmpty() ? tr("by the operator") : reason;
    const QString note = reason.isEmpty() ? tr("flatten all by the operator") : tr("flatten all by %1").arg(reason);
    const TradingUpdate update = m_manager->flattenAll(OrderPurpose::Manual, note);
    if (update.isEmpty()) {
        refuse(command,
               live.isEmpty() ? tr("there are no open positions") : tr("every open position is already being closed"));
        return;
    }
    QJsonArray ids;
    for (const Position &p : live)
        ids.append(p.id);
    journalAction(QStringLiteral("flatten"),
                  tr("%n position(s) closed at market (%1)", nullptr, int(live.size())).arg(why),
                  QJsonObject{{QStringLiteral("positionIds"), ids}, {QStringLiteral("reason"), why}});
    apply(update);
    publishStatus();
}

void Engine::haltTrading(const QString &reason)
{
    const QString command = QStringLiteral("risk.halt");
    if (!m_manager || !isRunning()) {
        refuse(command, tr("the engine is not running (%1)").arg(toCode(m_state)));
        return;
    }
    if (m_state == EngineState::Emergency) {
        refuse(command, tr("trading is already halted: %1").arg(m_lastReason));
        return;
    }
    const QString why = reason.isEmpty() ? tr("halted by the operator") : tr("halted: %1").arg(reason);
    journalAction(QStringLiteral("halt"), why,
                  QJsonObject{{QStringLiteral("openPositions"), m_book->openCount()}, {QStringLiteral("reason"), why}});
    if (m_marketReady)
        refreshBooks();
    halt(why);
}

void Engine::resetKillSwitch(const QString &reason)
{
    const QString command = QStringLiteral("risk.reset");
    if (!m_risk || !m_broker) {
        refuse(command, tr("the engine has not started"));
        return;
    }
    const bool tripped = m_risk->isKillSwitchTripped();
    const bool halted = m_state == EngineState::Emergency;
    if (!tripped && !halted) {
        refuse(command, tr("the kill switch is not tripped and trading is not halted"));
        return;
    }
    const QString why =
        reason.isEmpty() ? tr("kill switch reset by the operator") : tr("kill switch reset: %1").arg(reason);
    const double equity = m_broker->equity();
    journalAction(QStringLiteral("kill_switch_reset"), why,
                  QJsonObject{{QStringLiteral("equity"), equity},
                              {QStringLiteral("tripped"), tripped},
                              {QStringLiteral("trippedReason"), m_risk->killSwitchReason()},
                              {QStringLiteral("halted"), halted},
                              {QStringLiteral("reason"), why}});
    if (tripped) {
        m_risk->resetKillSwitch(equity);
        if (m_journal && m_journal->isOpen())
            m_journal->saveRiskState(m_risk->state());
    }
    if (halted) {
        // Back to where a running engine waits: managing with the market loaded, else still loading it.
        transition(m_marketReady ? EngineState::Managing : EngineState::Initializing, why);
        m_nextScanMs = 0;
        maybeScan();
    } else {
        publishStatus();
    }
}

void Engine::handleSignals(const QList<Signal> &signalList)
{
    const MarketStore &store = m_service->store();
    for (const Signal &signal : signalList) {
        const int i = store.indexOf(signal.symbol);
        QString code;
        QString reason;
        bool entered = false;
        if (!entriesAllowed()) {
            code = QStringLiteral("engine_halted");
            reason = tr("the engine takes no new entries in state %1").arg(toCode(m_state));
        } else if (i < 0) {
            code = QStringLiteral("invalid_signal");
            reason = tr("unknown symbol %1").arg(signal.symbol);
        } else {
            const BookSummary book = store.market(i).book;
            // The broker fills against the newest book; give it this one first.
            apply(m_manager->onBook(signal.symbol, book));
            const PortfolioSnapshot portfolio =
                m_book->portfolio(m_broker->equity(), m_risk->config().correlationLimit);
            const RiskDecision decision = m_risk->evaluate(signal, store.info(i), book, portfolio);
            code = decision.code();
            reason = decision.reason;
            if (decision.killSwitchTripped) {
                halt(m_risk->killSwitchReason());
            } else if (decision.approved()) {
                QString error;
                const TradingUpdate update = m_manager->open(signal, decision.size.qty, &error, m_config.preset.name);
                if (update.isEmpty()) {
                    code = QStringLiteral("entry_refused");
                    reason = error;
                } else {
                    entered = true;
                    ++m_entries;
                    // What the bar did before the entry is not the position's path.
                    const CandleSeries &bars = store.market(i).bars;
                    if (const auto forming = bars.forming(); forming && !update.positions.isEmpty())
                        m_paths.seed(update.positions.constFirst().id, *forming);
                    else if (bars.size() > 0 && !update.positions.isEmpty())
                        m_paths.seed(update.positions.constFirst().id, bars.at(bars.size() - 1));
                    apply(update);
                }
            }
        }
        if (m_journal && m_journal->isOpen())
            m_journal->recordSignal(signal, entered ? QStringLiteral("entered") : QStringLiteral("rejected:") + code);
        emit signalDecided(signal, entered, code, reason);
    }
}

void Engine::apply(const TradingUpdate &update)
{
    if (update.isEmpty())
        return;
    if (m_journal && m_journal->isOpen())
        m_journal->recordUpdate(update, m_broker->account());
    for (const Position &p : update.finished) {
        if (p.status == PositionStatus::Closed) {
            m_risk->onTradeClosed(p.netRealisedUsd());
            ++m_closedTrades;
        }
    }
    emit tradingUpdated(update);
    emit accountUpdated(m_broker->account());
    checkEquity();
}

void Engine::checkEquity()
{
    if (!m_risk->updateEquity(m_broker->equity()))
        return;
    if (m_journal && m_journal->isOpen())
        m_journal->saveRiskState(m_risk->state());
    if (m_state == EngineState::Emergency || !isRunning())
        return;
    if (m_scanner->isBusy())
        m_scanner->cancel();
    transition(EngineState::Emergency, m_risk->killSwitchReason());
    if (m_risk->config().flattenOnKillSwitch)
        apply(m_manager->flattenAll(OrderPurpose::KillSwitch, m_risk->killSwitchReason()));
}

EngineStatus Engine::status() const
{
    EngineStatus s;
    s.state = m_state;
    s.presetName = m_config.preset.name;
    s.source = m_feed ? m_feed->sourceName() : QString();
    s.symbols = m_service ? m_service->store().symbolCount() : 0;
    s.marketTimeMs = m_clock.nowMs();
    s.lastScanMs = m_lastScanMs;
    s.lastScanDurationMs = m_lastScanWallMs;
    s.scans = m_scans;
    s.candidates = m_lastCandidates;
    s.signalsTotal = m_signalsTotal;
    s.entriesTotal = m_entries;
    s.openPositions = m_book ? m_book->openCount() : 0;
    s.closedTrades = m_closedTrades;
    s.equity = m_broker ? m_broker->equity() : 0;
    s.cash = m_broker ? m_broker->cash() : 0;
    s.killSwitch = m_risk && m_risk->isKillSwitchTripped();
    s.lastReason = m_lastReason;
    if (const auto *replay = qobject_cast<const ReplayFeed *>(m_feed); replay && replay->barTimesTotal() > 0)
        s.feedProgress = double(replay->barTimesEmitted()) / replay->barTimesTotal();
    return s;
}

void Engine::publishStatus()
{
    emit statusChanged(status());
}

} // namespace bw
