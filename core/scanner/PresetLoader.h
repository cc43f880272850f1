#pragma once

#include "scanner/Preset.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace bw {

// The outcome of loading one preset: either a preset or one error of the form
// "<file>: <key path>: <what is wrong>", e.g. "breakout_v1.json: scanner.score_weights.foo: unknown key".
struct PresetLoadResult {
    std::optional<Preset> preset;
    QString error;

    bool ok() const { return preset.has_value(); }
};

// Strict preset parsing: unknown keys, wrong types, out-of-range values, a score-weight sum outside
// 0.8-1.2, unknown weight keys and tp1_r >= tp2_r are errors. Shipped presets are resources under
// ":/presets"; user presets are *.json files in userPresetDirectory() and take precedence by name.
class PresetLoader final
{
public:
    // fileName is only used in messages (and must match the preset's "name" with ".json").
    static PresetLoadResult parse(const QByteArray &json, const QString &fileName);
    static PresetLoadResult loadFile(const QString &path);
    // By name ("breakout_v1"): the user folder first, then the shipped presets.
    static PresetLoadResult load(const QString &name);

    static QStringList shippedPresetNames();
    static QStringList userPresetNames();
    static QStringList availablePresetNames(); // union, sorted
    static QString userPresetDirectory();      // <AppConfigLocation>/presets
};

} // namespace bw
