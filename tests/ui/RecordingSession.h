#pragma once

#include "app/WorkstationSession.h"

#include <QStringList>

namespace bw::test {

// A test double of the WorkstationSession interface for UI tests: it records every command the window
// gives and lets the test emit whatever the real sessions would publish. Nothing here computes values.
class RecordingSession final : public WorkstationSession
{
    Q_OBJECT

public:
    using WorkstationSession::WorkstationSession;

    QString sourceName() const override { return m_sourceName; }
    bool isRemote() const override { return m_remote; }
    bool canControl() const override { return m_canControl; }
    QStringList presetNames() const override { return m_presets; }
    QString activePreset() const override { return m_activePreset; }

    void setSourceName(const QString &name) { m_sourceName = name; }
    void setRemote(bool remote) { m_remote = remote; }
    void setPresets(const QStringList &names, const QString &active)
    {
        m_presets = names;
        m_activePreset = active;
    }
    void setCanControl(bool canControl)
    {
        m_canControl = canControl;
        emit controlChanged(canControl);
    }

    // The commands received, in order: "engine.start", "preset.select:name", "snapshot.export", ...
    QStringList commands;

public slots:
    void startEngine() override { commands << QStringLiteral("engine.start"); }
    void pauseEngine() override { commands << QStringLiteral("engine.pause"); }
    void resumeEngine() override { commands << QStringLiteral("engine.resume"); }
    void stopEngine() override { commands << QStringLiteral("engine.stop"); }
    void scanNow() override { commands << QStringLiteral("scan.now"); }
    void selectPreset(const QString &name) override
    {
        commands << QStringLiteral("preset.select:") + name;
        m_activePreset = name;
    }
    void exportSnapshot() override { commands << QStringLiteral("snapshot.export"); }
    void requestCandles(const QString &symbol, int count) override
    {
        commands << QStringLiteral("candles:%1:%2").arg(symbol).arg(count);
    }
    void selectSource(const bw::FeedOptions &) override { commands << QStringLiteral("source.select"); }

private:
    QString m_sourceName = QStringLiteral("Simulated market (20 symbols, seed 7)");
    bool m_remote = false;
    bool m_canControl = true;
    QStringList m_presets{QStringLiteral("default"), QStringLiteral("aggressive")};
    QString m_activePreset = QStringLiteral("default");
};

} // namespace bw::test
