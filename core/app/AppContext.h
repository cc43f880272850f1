#pragma once

#include "engine/EngineTypes.h"
#include "market/MarketTypes.h"
#include "market/SimulatedFeedConfig.h"

#include <QList>
#include <QObject>
#include <QThread>

namespace bw {

class Engine;

// The composition of the running workstation, shared by the desktop and the headless mode: it builds the
// engine thread and the services that live there, starts them and shuts them down in order. The GUI (or
// the headless status line) only connects to the signals relayed here; every object on the engine thread
// is reached through queued connections.
//
// Lifecycle: construct (nothing runs yet) -> connect to the signals -> start() -> ... -> stop() (or the
// destructor): the services stop on their own thread, the thread quits, stop() joins it.
class AppContext final : public QObject
{
    Q_OBJECT

public:
    // Builds the simulated market. `feed` must be valid (SimulatedFeedConfig::validate() is empty).
    explicit AppContext(const SimulatedFeedConfig &feed, QObject *parent = nullptr);
    ~AppContext() override;

    // The data source for titles and status bars, known before the first overview.
    QString sourceName() const { return m_sourceName; }

    void start();
    // Stops the services on the engine thread, quits it and waits for it. Idempotent.
    void stop();
    bool isRunning() const { return m_engineThread.isRunning(); }

    // For the services still to come (engine, resource monitor, server): moves `object` (which must have
    // no parent) onto the engine thread; it is deleted there when the thread finishes. Call before start().
    void adoptEngineObject(QObject *object);

    QThread *engineThread() { return &m_engineThread; }
    // The trading engine (owns the MarketService with the simulated feed, the scanner and the paper
    // trading core), running the shipped breakout_v1 preset. Lives on the engine thread: only connect to
    // it or invoke it queued.
    Engine *engine() const { return m_engine; }

signals:
    // Relayed from the engine's MarketService, delivered on the thread the AppContext lives on.
    void overviewReady(const bw::MarketOverview &overview);
    // Relayed from the Engine: state, scans, positions and equity.
    void engineStatusChanged(const bw::EngineStatus &status);

private:
    QThread m_engineThread;
    Engine *m_engine = nullptr;
    QList<QObject *> m_engineObjects; // deleted on the engine thread when it finishes
    QString m_sourceName;
    bool m_started = false;
};

} // namespace bw
