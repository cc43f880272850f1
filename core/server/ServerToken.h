#pragma once

#include <QString>

// The access token of the remote server when none is configured: generated at every start, written to a
// file only the user can read, shown by headless mode and the GUI.
namespace bw::ServerToken {

// 32 random bytes from the system generator, as 64 lower-case hex characters.
QString generate();

// <AppConfigLocation>/remote-token.
QString defaultFilePath();

// Writes `token` atomically to `path` with mode 0600 (the temporary file is 0600 before the token is
// written). Creates the folder (mode 0700) when needed. On failure returns false and sets `error`.
bool writeFile(const QString &path, const QString &token, QString *error);

// Comparison whose time does not depend on where the strings differ.
bool equalConstantTime(const QString &a, const QString &b);

} // namespace bw::ServerToken
