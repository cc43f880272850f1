#pragma once

#include "app/Settings.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QGridLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace bw::ui {

// The workstation's settings: pages General, Scanner, Memory & alerts, Paper trading, Data source and
// Remote viewers. Every edit is validated at once (SettingsValues::validate); a problem is shown under its
// field, the page is marked in the list, and OK and Apply stay disabled until it is fixed. OK and Apply save
// to the Settings given (if any) and emit settingsApplied with the values, which the composition root
// applies live where it can (scanner, memory thresholds, alerts, theme); fields marked "applies on
// restart" (language, paper balance, data source, remote viewers) take effect at the next start.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const bw::SettingsValues &values, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // OK and Apply save here first; without it the dialog only emits settingsApplied.
    void setSettings(bw::Settings *settings);

    void setValues(const bw::SettingsValues &values);
    // What the editors hold now.
    bw::SettingsValues values() const;
    // The problems of values(), as shown.
    QList<bw::SettingsIssue> issues() const { return m_issues; }

    // The file a generated operator token was written to (AppContext::serverStarted); shown on the Remote
    // viewers page with a "Copy token" button. Empty hides it (tokens are configured).
    void setGeneratedTokenFile(const QString &path);

    // "general", "scanner", "memory", "paper", "source" or "remote"; false for any other name.
    bool openPage(const QString &name);
    QString currentPage() const;
    static QStringList pageNames();

public slots:
    // Copies the generated operator token from its file to the clipboard. False (and a message on the
    // page) when the file cannot be read.
    bool copyGeneratedToken();

signals:
    void settingsApplied(const bw::SettingsValues &values);

private:
    QWidget *buildGeneralPage();
    QWidget *buildScannerPage();
    QWidget *buildMemoryPage();
    QWidget *buildPaperPage();
    QWidget *buildSourcePage();
    QWidget *buildRemotePage();
    void addPage(const QString &name, const QString &title, QWidget *page);
    QLabel *errorLabel(const QString &field);
    void addFieldRow(QFormLayout *form, const QString &label, QWidget *editor, const QString &field);
    QWidget *fileRow(QLineEdit *edit, bool folder, const QString &title);
    void addTokenRow(const bw::RemoteToken &token);
    void updateSourceFields();
    void updateRemoteFields();
    void revalidate();
    bool apply();

    QListWidget *m_pageList = nullptr;
    QStackedWidget *m_stack = nullptr;
    QStringList m_pageNames;
    QHash<QString, int> m_fieldPage; // field key -> page index
    QHash<QString, QLabel *> m_errors;
    QHash<QString, QFormLayout *> m_errorForms; // field key -> form holding its error row
    QList<bw::SettingsIssue> m_issues;
    QDialogButtonBox *m_buttons = nullptr;
    QLabel *m_saveError = nullptr;
    QPointer<bw::Settings> m_settings;
    bool m_loading = false;

    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QSpinBox *m_scanInterval = nullptr;
    QSpinBox *m_threads = nullptr;
    QSpinBox *m_batches = nullptr;
    QSpinBox *m_budget = nullptr;
    QSpinBox *m_pressureHigh = nullptr;
    QSpinBox *m_pressureCritical = nullptr;
    QSpinBox *m_cpuWarning = nullptr;
    QSpinBox *m_cpuCritical = nullptr;
    QSpinBox *m_memoryWarning = nullptr;
    QSpinBox *m_memoryCritical = nullptr;
    QSpinBox *m_diskWarning = nullptr;
    QSpinBox *m_diskCritical = nullptr;
    QDoubleSpinBox *m_balance = nullptr;
    QComboBox *m_source = nullptr;
    QLineEdit *m_replayFolder = nullptr;
    QComboBox *m_bybitScope = nullptr;
    QSpinBox *m_bybitTop = nullptr;
    QLineEdit *m_bybitRest = nullptr;
    QLineEdit *m_bybitWs = nullptr;
    QWidget *m_replayBox = nullptr;
    QWidget *m_bybitBox = nullptr;
    QCheckBox *m_serverEnabled = nullptr;
    QLineEdit *m_bind = nullptr;
    QSpinBox *m_port = nullptr;
    QTableWidget *m_tokens = nullptr;
    QPushButton *m_addToken = nullptr;
    QPushButton *m_regenerateToken = nullptr;
    QPushButton *m_removeToken = nullptr;
    QLineEdit *m_certificate = nullptr;
    QLineEdit *m_key = nullptr;
    QWidget *m_remoteBox = nullptr;
    QWidget *m_generatedBox = nullptr;
    QLabel *m_generatedPath = nullptr;
    QLabel *m_copyStatus = nullptr;
    QString m_generatedTokenFile;
};

} // namespace bw::ui
