#pragma once

#include "app/WorkstationSession.h"
#include "engine/Engine.h"
#include "market/SimulatedFeed.h"

#include <QThread>

namespace bw::test {

// A test double of the session interface for the trading page's tests: a real Engine on its own thread on a
// seeded simulated market, its signals relayed and the trading commands given as a LocalSession gives them.
// Control can be withdrawn as a remote session's would be; commands the page never gives are refused.
class EngineSession final : public WorkstationSession
{
public:
    EngineSession(const Preset &preset, const SimulatedFeedConfig &market)
        : m_preset(preset)
    {
        EngineConfig config;
        config.preset = preset;
        config.statusIntervalMs = 100;
        m_engine = new Engine(config, new SimulatedFeed(market));
        connect(m_engine, &Engine::signalsGenerated, this, &WorkstationSession::signalsGenerated);
        connect(m_engine, &Engine::signalDecided, this, &WorkstationSession::signalDecided);
        connect(m_engine, &Engine::tradingUpdated, this, &WorkstationSession::tradingUpdated);
        connect(m_engine, &Engine::accountUpdated, this, &WorkstationSession::accountUpdated);
        connect(m_engine, &Engine::statusChanged, this, &WorkstationSession::engineStatusChanged);
        connect(m_engine, &Engine::overviewReady, this, &WorkstationSession::overviewReady);
        connect(m_engine, &Engine::commandRefused, this, &WorkstationSession::commandFailed);
        m_engine->moveToThread(&m_thread);
        m_thread.setObjectName(QStringLiteral("bw-engine"));
        m_thread.start();
    }
    ~EngineSession() override
    {
        stopEngine();
        m_engine->deleteLater();
        m_thread.quit();
        m_thread.wait();
    }

    QString sourceName() const override { return QStringLiteral("Simulated market (30 symbols)"); }
    bool isRemote() const override { return false; }
    bool canControl() const override { return m_control; }
    QStringList presetNames() const override { return {m_preset.name}; }
    QString activePreset() const override { return m_preset.name; }

    void startEngine() override { QMetaObject::invokeMethod(m_engine, &Engine::start, Qt::QueuedConnection); }
    void pauseEngine() override
    {
        run([](Engine *e) { e->pause(); });
    }
    void resumeEngine() override
    {
        run([](Engine *e) { e->resume(); });
    }
    // Blocks until the engine has stopped, so that nothing arrives after it returns but what is queued.
    void stopEngine() override
    {
        QMetaObject::invokeMethod(
            m_engine, [e = m_engine] { e->stop(); }, Qt::BlockingQueuedConnection);
    }
    void scanNow() override { refuse(QStringLiteral("engine.scan_now")); }
    void selectPreset(const QString &) override { refuse(QStringLiteral("engine.preset")); }
    void exportSnapshot() override { refuse(QStringLiteral("snapshot.export")); }
    void requestCandles(const QString &symbol, int) override { emit candlesReady(symbol, {}); }
    void selectSource(const FeedOptions &) override { emit sourceChanged(sourceName()); }

    void closePosition(qint64 positionId, const QString &reason) override
    {
        ++commands;
        run([positionId, reason](Engine *e) { e->closePosition(positionId, reason); });
    }
    void flattenAll(const QString &reason) override
    {
        ++commands;
        run([reason](Engine *e) { e->flattenAll(reason); });
    }
    void haltTrading(const QString &reason) override
    {
        ++commands;
        run([reason](Engine *e) { e->haltTrading(reason); });
    }
    void resetKillSwitch() override
    {
        ++commands;
        run([](Engine *e) { e->resetKillSwitch(); });
    }

    void setControl(bool control)
    {
        m_control = control;
        emit controlChanged(control);
    }

    // The engine's status, read on its thread.
    EngineStatus status() const
    {
        EngineStatus s;
        QMetaObject::invokeMethod(
            m_engine, [&] { s = m_engine->status(); }, Qt::BlockingQueuedConnection);
        return s;
    }

    int commands = 0; // trading commands received

private:
    template <typename F>
    void run(F f)
    {
        QMetaObject::invokeMethod(
            m_engine, [e = m_engine, f] { f(e); }, Qt::QueuedConnection);
    }
    void refuse(const QString &command)
    {
        emit commandFailed(command, QStringLiteral("not offered by this test session"));
    }

    Preset m_preset;
    QThread m_thread;
    Engine *m_engine = nullptr;
    bool m_control = true;
};

} // namespace bw::test
