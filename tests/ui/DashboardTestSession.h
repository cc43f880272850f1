#pragma once

#include "app/WorkstationSession.h"

#include <QCoreApplication>

namespace bw::test {

// A test double of the session interface for the resource dashboard's tests: it has no engine, and the
// tests emit its signals with real values (samples from a real ProcSampler, a real Scanner's report, the
// real cache registry). Commands fail with a reason, as a session without control would answer them.
class DashboardTestSession final : public WorkstationSession
{
    Q_OBJECT

public:
    explicit DashboardTestSession(bool remote, QObject *parent = nullptr)
        : WorkstationSession(parent)
        , m_remote(remote)
    {}

    QString sourceName() const override { return m_sourceName; }
    bool isRemote() const override { return m_remote; }
    bool canControl() const override { return false; }
    QStringList presetNames() const override { return {}; }
    QString activePreset() const override { return {}; }

    // The engine's source changed, the process did not (a switch on this workstation or on the server).
    void changeSource(const QString &name)
    {
        m_sourceName = name;
        emit sourceChanged(name);
    }
    // Another process from now on (a remote session reconnected to another or a restarted server).
    void changeProcess(const QString &name)
    {
        m_sourceName = name;
        emit processChanged();
        emit sourceChanged(name);
    }

public slots:
    void startEngine() override { refuse(QStringLiteral("engine.start")); }
    void pauseEngine() override { refuse(QStringLiteral("engine.pause")); }
    void resumeEngine() override { refuse(QStringLiteral("engine.resume")); }
    void stopEngine() override { refuse(QStringLiteral("engine.stop")); }
    void scanNow() override { refuse(QStringLiteral("engine.scan_now")); }
    void selectPreset(const QString &) override { refuse(QStringLiteral("engine.preset")); }
    void exportSnapshot() override { refuse(QStringLiteral("snapshot.export")); }
    void requestCandles(const QString &symbol, int) override { emit candlesReady(symbol, {}); }
    void selectSource(const bw::FeedOptions &) override { refuse(QStringLiteral("source.select")); }

private:
    void refuse(const QString &command)
    {
        emit commandFailed(command, QStringLiteral("the test session has no engine"));
    }

    bool m_remote = false;
    QString m_sourceName = QStringLiteral("test session");
};

} // namespace bw::test
