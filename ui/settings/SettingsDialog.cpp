#include "settings/SettingsDialog.h"

#include "common/Theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace bw::ui {

namespace {

enum TokenColumn { NameColumn, RoleColumn, TokenColumn, TokenColumnCount };

// The field keys of SettingsValues::validate(), as the editors know them.
namespace field {
const QString language = QStringLiteral("ui/language");
const QString scanInterval = QStringLiteral("scanner/intervalSeconds");
const QString threads = QStringLiteral("scanner/threads");
const QString batches = QStringLiteral("scanner/maxConcurrentBatches");
const QString budget = QStringLiteral("memory/budgetMiB");
const QString pressureHigh = QStringLiteral("memory/highPercent");
const QString pressureCritical = QStringLiteral("memory/criticalPercent");
const QString cpuWarning = QStringLiteral("alerts/cpuWarningPercent");
const QString cpuCritical = QStringLiteral("alerts/cpuCriticalPercent");
const QString memoryWarning = QStringLiteral("alerts/memoryWarningPercent");
const QString memoryCritical = QStringLiteral("alerts/memoryCriticalPercent");
const QString diskWarning = QStringLiteral("alerts/diskWarningPercent");
const QString diskCritical = QStringLiteral("alerts/diskCriticalPercent");
const QString balance = QStringLiteral("paper/startingBalance");
const QString replayFolder = QStringLiteral("source/replayFolder");
const QString bybitSymbols = QStringLiteral("source/bybitSymbols");
const QString bybitRest = QStringLiteral("source/bybitRestUrl");
const QString bybitWs = QStringLiteral("source/bybitWsUrl");
const QString bind = QStringLiteral("remote/bind");
const QString port = QStringLiteral("remote/port");
const QString tokens = QStringLiteral("remote/tokens");
const QString certificate = QStringLiteral("remote/tlsCertificate");
const QString privateKey = QStringLiteral("remote/tlsKey");
} // namespace field

QLabel *mutedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

// Numbers and short choices keep a compact, equal width instead of stretching across the page.
template <typename W>
W *compact(W *widget, int minimumWidth = 140)
{
    widget->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    widget->setMinimumWidth(minimumWidth);
    return widget;
}

QSpinBox *percentBox(QWidget *parent, const QString &name)
{
    auto *box = compact(new QSpinBox(parent), 90);
    box->setObjectName(name);
    box->setRange(0, 100);
    box->setSuffix(QStringLiteral(" %"));
    return box;
}

// Each page is a column: an optional intro, then the form, then stretch, so pages of different heights
// keep their fields at the top.
QWidget *pageWidget(QWidget *parent, QFormLayout **form, const QString &intro = {})
{
    auto *page = new QWidget(parent);
    auto *column = new QVBoxLayout(page);
    column->setContentsMargins(16, 12, 16, 12);
    if (!intro.isEmpty())
        column->addWidget(mutedLabel(intro, page));
    *form = new QFormLayout;
    (*form)->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    (*form)->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    column->addLayout(*form);
    column->addStretch(1);
    return page;
}

} // namespace

SettingsDialog::SettingsDialog(const SettingsValues &values, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_pageList = new QListWidget(this);
    m_pageList->setObjectName(QStringLiteral("pages"));
    m_pageList->setFixedWidth(190);
    m_pageList->setIconSize(QSize(16, 16));
    m_pageList->setUniformItemSizes(true);
    m_pageList->setSpacing(2);
    m_stack = new QStackedWidget(this);
    connect(m_pageList, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    addPage(QStringLiteral("general"), tr("General"), buildGeneralPage());
    addPage(QStringLiteral("scanner"), tr("Scanner"), buildScannerPage());
    addPage(QStringLiteral("memory"), tr("Memory & alerts"), buildMemoryPage());
    addPage(QStringLiteral("paper"), tr("Paper trading"), buildPaperPage());
    addPage(QStringLiteral("source"), tr("Data source"), buildSourcePage());
    addPage(QStringLiteral("remote"), tr("Remote viewers"), buildRemotePage());

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("ok"));
    m_buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("apply"));
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Ok), &QPushButton::clicked, this, [this] {
        if (apply())
            accept();
    });
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] { apply(); });
    m_saveError = new QLabel(this);
    m_saveError->setObjectName(QStringLiteral("saveError"));
    m_saveError->setWordWrap(true);
    QPalette errorPalette = m_saveError->palette();
    errorPalette.setColor(QPalette::WindowText, Theme::critical());
    m_saveError->setPalette(errorPalette);
    m_saveError->hide();

    auto *body = new QHBoxLayout;
    body->addWidget(m_pageList);
    body->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(m_saveError);
    layout->addWidget(m_buttons);

    setValues(values);
    m_pageList->setCurrentRow(0);
    resize(780, 580);
}

SettingsDialog::~SettingsDialog() = default;

QStringList SettingsDialog::pageNames()
{
    return {QStringLiteral("general"), QStringLiteral("scanner"), QStringLiteral("memory"),
            QStringLiteral("paper"),   QStringLiteral("source"),  QStringLiteral("remote")};
}

void SettingsDialog::addPage(const QString &name, const QString &title, QWidget *page)
{
    page->setObjectName(name + QStringLiteral("Page"));
    auto *heading = new QLabel(title, page);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    heading->setFont(headingFont);
    if (auto *column = qobject_cast<QVBoxLayout *>(page->layout()))
        column->insertWidget(0, heading);
    m_pageNames.append(name);
    m_stack->addWidget(page);
    auto *item = new QListWidgetItem(title, m_pageList);
    item->setSizeHint(QSize(0, 30));
    // Errors registered while the page was built belong to it.
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        if (!m_fieldPage.contains(it.key()))
            m_fieldPage.insert(it.key(), int(m_pageNames.size()) - 1);
    }
}

bool SettingsDialog::openPage(const QString &name)
{
    const qsizetype index = m_pageNames.indexOf(name);
    if (index < 0)
        return false;
    m_pageList->setCurrentRow(int(index));
    return true;
}

QString SettingsDialog::currentPage() const
{
    const int index = m_stack->currentIndex();
    return index >= 0 && index < m_pageNames.size() ? m_pageNames.at(index) : QString();
}

QLabel *SettingsDialog::errorLabel(const QString &key)
{
    auto *label = new QLabel(this);
    label->setObjectName(QStringLiteral("error:") + key);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, Theme::critical());
    label->setPalette(palette);
    m_errors.insert(key, label);
    return label;
}

void SettingsDialog::addFieldRow(QFormLayout *form, const QString &label, QWidget *editor, const QString &key)
{
    form->addRow(label, editor);
    if (key.isEmpty())
        return;
    QLabel *error = errorLabel(key);
    form->addRow(QString(), error);
    form->setRowVisible(error, false);
    m_errorForms.insert(key, form);
}

QWidget *SettingsDialog::fileRow(QLineEdit *edit, bool folder, const QString &title)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *browse = new QPushButton(tr("Browse…"), row);
    browse->setObjectName(edit->objectName() + QStringLiteral("Browse"));
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, folder, title] {
        const QString chosen = folder
                                   ? QFileDialog::getExistingDirectory(this, title, edit->text())
                                   : QFileDialog::getOpenFileName(this, title, edit->text(),
                                                                  tr("PEM files (*.pem *.crt *.key);;All files (*)"));
        if (!chosen.isEmpty())
            edit->setText(chosen);
    });
    connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::revalidate);
    return row;
}

QWidget *SettingsDialog::buildGeneralPage()
{
    QFormLayout *form = nullptr;
    QWidget *page = pageWidget(this, &form);

    m_language = compact(new QComboBox(page), 220);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System language"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::revalidate);
    auto *languageRow = new QWidget(page);
    auto *languageLayout = new QHBoxLayout(languageRow);
    languageLayout->setContentsMargins(0, 0, 0, 0);
    languageLayout->addWidget(m_language);
    languageLayout->addWidget(mutedLabel(tr("applies on restart"), languageRow));
    languageLayout->addStretch(1);
    addFieldRow(form, tr("Language:"), languageRow, field::language);

    m_theme = compact(new QComboBox(page), 140);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("Dark"), int(ThemeChoice::Dark));
    m_theme->addItem(tr("Light"), int(ThemeChoice::Light));
    connect(m_theme, &QComboBox::currentIndexChanged, this, &SettingsDialog::revalidate);
    auto *themeRow = new QWidget(page);
    auto *themeLayout = new QHBoxLayout(themeRow);
    themeLayout->setContentsMargins(0, 0, 0, 0);
    themeLayout->addWidget(m_theme);
    themeLayout->addStretch(1);
    addFieldRow(form, tr("Theme:"), themeRow, QString());
    return page;
}

QWidget *SettingsDialog::buildScannerPage()
{
    QFormLayout *form = nullptr;
    QWidget *page = pageWidget(this, &form, tr("Applied to the running engine from the next scan on."));

    m_scanInterval = compact(new QSpinBox(page), 220);
    m_scanInterval->setObjectName(QStringLiteral("scanInterval"));
    m_scanInterval->setRange(0, 86'400);
    m_scanInterval->setSuffix(tr(" s"));
    m_scanInterval->setSpecialValueText(tr("the preset's interval"));
    m_scanInterval->setToolTip(tr("Market time between the starts of two scans (a simulated market at 150x "
                                  "speed scans 150 times as often in wall time)."));
    addFieldRow(form, tr("Scan interval:"), m_scanInterval, field::scanInterval);

    m_threads = compact(new QSpinBox(page), 220);
    m_threads->setObjectName(QStringLiteral("threads"));
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("one per core (%1)").arg(QThread::idealThreadCount()));
    addFieldRow(form, tr("Scanner threads:"), m_threads, field::threads);

    m_batches = compact(new QSpinBox(page), 140);
    m_batches->setObjectName(QStringLiteral("batches"));
    m_batches->setRange(0, 64);
    m_batches->setToolTip(tr("Batches of symbols evaluated at the same time; each takes one thread."));
    addFieldRow(form, tr("Batches in flight:"), m_batches, field::batches);

    for (QSpinBox *box : {m_scanInterval, m_threads, m_batches})
        connect(box, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    return page;
}

QWidget *SettingsDialog::buildMemoryPage()
{
    QFormLayout *form = nullptr;
    QWidget *page =
        pageWidget(this, &form,
                   tr("Memory pressure is the larger of the process's memory against its budget and the system's "
                      "memory use. At High the scanner takes smaller batches and caches shrink; at Critical caches "
                      "are emptied and free heap goes back to the system. Applied at once."));

    m_budget = compact(new QSpinBox(page), 140);
    m_budget->setObjectName(QStringLiteral("budget"));
    m_budget->setRange(0, 1024 * 1024);
    m_budget->setSingleStep(128);
    m_budget->setSuffix(tr(" MiB"));
    addFieldRow(form, tr("Process memory budget:"), m_budget, field::budget);
    m_pressureHigh = percentBox(page, QStringLiteral("pressureHigh"));
    addFieldRow(form, tr("High pressure at:"), m_pressureHigh, field::pressureHigh);
    m_pressureCritical = percentBox(page, QStringLiteral("pressureCritical"));
    addFieldRow(form, tr("Critical pressure at:"), m_pressureCritical, field::pressureCritical);

    auto *alerts = new QLabel(tr("Alerts"), page);
    QFont bold = alerts->font();
    bold.setBold(true);
    alerts->setFont(bold);
    form->addRow(alerts);
    const auto alertRow = [&](const QString &label, QSpinBox *&warning, QSpinBox *&critical, const QString &name,
                              const QString &warningKey, const QString &criticalKey) {
        warning = percentBox(page, name + QStringLiteral("Warning"));
        critical = percentBox(page, name + QStringLiteral("Critical"));
        auto *row = new QWidget(page);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(new QLabel(tr("warning"), row));
        layout->addWidget(warning);
        layout->addSpacing(16);
        layout->addWidget(new QLabel(tr("critical"), row));
        layout->addWidget(critical);
        layout->addStretch(1);
        addFieldRow(form, label, row, criticalKey);
        QLabel *error = errorLabel(warningKey);
        form->addRow(QString(), error);
        form->setRowVisible(error, false);
        m_errorForms.insert(warningKey, form);
    };
    alertRow(tr("CPU (all cores):"), m_cpuWarning, m_cpuCritical, QStringLiteral("cpu"), field::cpuWarning,
             field::cpuCritical);
    alertRow(tr("System memory:"), m_memoryWarning, m_memoryCritical, QStringLiteral("memory"), field::memoryWarning,
             field::memoryCritical);
    alertRow(tr("Disk (data folder):"), m_diskWarning, m_diskCritical, QStringLiteral("disk"), field::diskWarning,
             field::diskCritical);

    for (QSpinBox *box : {m_budget, m_pressureHigh, m_pressureCritical, m_cpuWarning, m_cpuCritical, m_memoryWarning,
                          m_memoryCritical, m_diskWarning, m_diskCritical})
        connect(box, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    return page;
}

QWidget *SettingsDialog::buildPaperPage()
{
    QFormLayout *form = nullptr;
    QWidget *page = pageWidget(this, &form,
                               tr("The cash a new journal starts with. A journal that already exists keeps its own "
                                  "cash and positions. Applies on restart."));
    m_balance = compact(new QDoubleSpinBox(page), 220);
    m_balance->setObjectName(QStringLiteral("balance"));
    m_balance->setRange(0, 1e12);
    m_balance->setDecimals(2);
    m_balance->setSingleStep(1000);
    m_balance->setGroupSeparatorShown(true);
    m_balance->setSuffix(QStringLiteral(" USDT"));
    connect(m_balance, &QDoubleSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    addFieldRow(form, tr("Starting balance:"), m_balance, field::balance);
    return page;
}

QWidget *SettingsDialog::buildSourcePage()
{
    QFormLayout *form = nullptr;
    QWidget *page = pageWidget(this, &form,
                               tr("Where candles, tickers and order books come from. Applies on restart. Live "
                                  "data from Bybit needs network access to the exchange."));

    m_source = compact(new QComboBox(page), 220);
    m_source->setObjectName(QStringLiteral("source"));
    m_source->addItem(tr("Simulated market"), int(DataSourceKind::Simulated));
    m_source->addItem(tr("Replay of recorded candles"), int(DataSourceKind::Replay));
    m_source->addItem(tr("Bybit linear perpetuals (live)"), int(DataSourceKind::Bybit));
    connect(m_source, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateSourceFields);
    addFieldRow(form, tr("Source:"), m_source, QString());

    m_replayBox = new QGroupBox(tr("Replay"), page);
    auto *replayForm = new QFormLayout(m_replayBox);
    replayForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_replayFolder = new QLineEdit(m_replayBox);
    m_replayFolder->setObjectName(QStringLiteral("replayFolder"));
    m_replayFolder->setPlaceholderText(tr("folder of *.csv or *.jsonl candle files"));
    addFieldRow(replayForm, tr("Folder:"), fileRow(m_replayFolder, true, tr("Folder of recorded candles")),
                field::replayFolder);
    form->addRow(m_replayBox);

    m_bybitBox = new QGroupBox(tr("Bybit"), page);
    auto *bybitForm = new QFormLayout(m_bybitBox);
    bybitForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *symbolsRow = new QWidget(m_bybitBox);
    auto *symbolsLayout = new QHBoxLayout(symbolsRow);
    symbolsLayout->setContentsMargins(0, 0, 0, 0);
    m_bybitScope = new QComboBox(symbolsRow);
    m_bybitScope->setObjectName(QStringLiteral("bybitScope"));
    m_bybitScope->addItem(tr("every USDT perpetual"));
    m_bybitScope->addItem(tr("the top by 24 h turnover:"));
    m_bybitTop = new QSpinBox(symbolsRow);
    m_bybitTop->setObjectName(QStringLiteral("bybitTop"));
    m_bybitTop->setRange(1, 1000);
    m_bybitTop->setValue(50);
    symbolsLayout->addWidget(m_bybitScope);
    symbolsLayout->addWidget(m_bybitTop);
    symbolsLayout->addStretch(1);
    connect(m_bybitScope, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateSourceFields);
    connect(m_bybitTop, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    addFieldRow(bybitForm, tr("Symbols:"), symbolsRow, field::bybitSymbols);
    m_bybitRest = new QLineEdit(m_bybitBox);
    m_bybitRest->setObjectName(QStringLiteral("bybitRest"));
    addFieldRow(bybitForm, tr("REST address:"), m_bybitRest, field::bybitRest);
    m_bybitWs = new QLineEdit(m_bybitBox);
    m_bybitWs->setObjectName(QStringLiteral("bybitWs"));
    addFieldRow(bybitForm, tr("WebSocket address:"), m_bybitWs, field::bybitWs);
    connect(m_bybitRest, &QLineEdit::textChanged, this, &SettingsDialog::revalidate);
    connect(m_bybitWs, &QLineEdit::textChanged, this, &SettingsDialog::revalidate);
    form->addRow(m_bybitBox);
    return page;
}

QWidget *SettingsDialog::buildRemotePage()
{
    QFormLayout *form = nullptr;
    QWidget *page = pageWidget(this, &form,
                               tr("Remote viewers watch this workstation over a WebSocket; every viewer needs a "
                                  "token. Applies on restart."));

    m_serverEnabled = new QCheckBox(tr("Run the server for remote viewers"), page);
    m_serverEnabled->setObjectName(QStringLiteral("serverEnabled"));
    connect(m_serverEnabled, &QCheckBox::toggled, this, &SettingsDialog::updateRemoteFields);
    form->addRow(m_serverEnabled);

    m_remoteBox = new QWidget(page);
    auto *remoteForm = new QFormLayout(m_remoteBox);
    remoteForm->setContentsMargins(0, 0, 0, 0);
    remoteForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    remoteForm->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *addressRow = new QWidget(m_remoteBox);
    auto *addressLayout = new QHBoxLayout(addressRow);
    addressLayout->setContentsMargins(0, 0, 0, 0);
    m_bind = new QLineEdit(addressRow);
    m_bind->setObjectName(QStringLiteral("bind"));
    m_bind->setPlaceholderText(QStringLiteral("127.0.0.1"));
    m_port = new QSpinBox(addressRow);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(0, 65535);
    m_port->setMinimumWidth(90);
    addressLayout->addWidget(m_bind, 1);
    addressLayout->addWidget(new QLabel(tr("port"), addressRow));
    addressLayout->addWidget(m_port);
    connect(m_bind, &QLineEdit::textChanged, this, &SettingsDialog::revalidate);
    connect(m_port, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    addFieldRow(remoteForm, tr("Listen on:"), addressRow, field::bind);
    QLabel *portError = errorLabel(field::port);
    remoteForm->addRow(QString(), portError);
    remoteForm->setRowVisible(portError, false);
    m_errorForms.insert(field::port, remoteForm);

    auto *tokensBox = new QWidget(m_remoteBox);
    auto *tokensLayout = new QVBoxLayout(tokensBox);
    tokensLayout->setContentsMargins(0, 0, 0, 0);
    m_tokens = new QTableWidget(0, TokenColumnCount, tokensBox);
    m_tokens->setObjectName(QStringLiteral("tokens"));
    m_tokens->setHorizontalHeaderLabels({tr("Name"), tr("Role"), tr("Token")});
    m_tokens->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    m_tokens->horizontalHeader()->setSectionResizeMode(RoleColumn, QHeaderView::ResizeToContents);
    m_tokens->horizontalHeader()->setSectionResizeMode(TokenColumn, QHeaderView::Stretch);
    m_tokens->setColumnWidth(NameColumn, 130);
    m_tokens->verticalHeader()->hide();
    m_tokens->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tokens->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tokens->setMinimumHeight(110);
    m_tokens->setMaximumHeight(150);
    connect(m_tokens, &QTableWidget::itemChanged, this, &SettingsDialog::revalidate);
    connect(m_tokens, &QTableWidget::itemSelectionChanged, this, &SettingsDialog::updateRemoteFields);
    tokensLayout->addWidget(m_tokens);
    auto *tokenButtons = new QHBoxLayout;
    m_addToken = new QPushButton(tr("Add"), tokensBox);
    m_addToken->setObjectName(QStringLiteral("addToken"));
    m_regenerateToken = new QPushButton(tr("New secret"), tokensBox);
    m_regenerateToken->setObjectName(QStringLiteral("regenerateToken"));
    m_regenerateToken->setToolTip(tr("Replace the selected token with a new random one"));
    m_removeToken = new QPushButton(tr("Remove"), tokensBox);
    m_removeToken->setObjectName(QStringLiteral("removeToken"));
    tokenButtons->addWidget(m_addToken);
    tokenButtons->addWidget(m_regenerateToken);
    tokenButtons->addWidget(m_removeToken);
    tokenButtons->addStretch(1);
    tokensLayout->addLayout(tokenButtons);
    connect(m_addToken, &QPushButton::clicked, this, [this] {
        RemoteToken token;
        token.name = tr("viewer %1").arg(m_tokens->rowCount() + 1);
        token.role = protocol::Role::Viewer;
        token.token = Settings::generateToken();
        addTokenRow(token);
        m_tokens->selectRow(m_tokens->rowCount() - 1);
        m_tokens->editItem(m_tokens->item(m_tokens->rowCount() - 1, NameColumn));
        revalidate();
    });
    connect(m_regenerateToken, &QPushButton::clicked, this, [this] {
        const int row = m_tokens->currentRow();
        if (row >= 0 && m_tokens->item(row, TokenColumn))
            m_tokens->item(row, TokenColumn)->setText(Settings::generateToken());
    });
    connect(m_removeToken, &QPushButton::clicked, this, [this] {
        const int row = m_tokens->currentRow();
        if (row >= 0)
            m_tokens->removeRow(row);
        revalidate();
    });
    addFieldRow(remoteForm, tr("Tokens:"), tokensBox, field::tokens);

    m_certificate = new QLineEdit(m_remoteBox);
    m_certificate->setObjectName(QStringLiteral("certificate"));
    m_certificate->setPlaceholderText(tr("none: plain ws://"));
    addFieldRow(remoteForm, tr("TLS certificate:"), fileRow(m_certificate, false, tr("TLS certificate (PEM)")),
                field::certificate);
    m_key = new QLineEdit(m_remoteBox);
    m_key->setObjectName(QStringLiteral("privateKey"));
    m_key->setPlaceholderText(tr("none: plain ws://"));
    addFieldRow(remoteForm, tr("TLS private key:"), fileRow(m_key, false, tr("TLS private key (PEM)")),
                field::privateKey);
    form->addRow(m_remoteBox);

    m_generatedBox = new QGroupBox(tr("Generated operator token"), page);
    m_generatedBox->setObjectName(QStringLiteral("generatedToken"));
    auto *generatedLayout = new QVBoxLayout(m_generatedBox);
    generatedLayout->addWidget(mutedLabel(tr("No token was configured at start, so this run generated an "
                                             "operator token and wrote it to a file only you can read:"),
                                          m_generatedBox));
    auto *pathRow = new QHBoxLayout;
    m_generatedPath = new QLabel(m_generatedBox);
    m_generatedPath->setObjectName(QStringLiteral("generatedTokenPath"));
    m_generatedPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *copy = new QPushButton(tr("Copy token"), m_generatedBox);
    copy->setObjectName(QStringLiteral("copyToken"));
    connect(copy, &QPushButton::clicked, this, &SettingsDialog::copyGeneratedToken);
    pathRow->addWidget(m_generatedPath, 1);
    pathRow->addWidget(copy);
    generatedLayout->addLayout(pathRow);
    m_copyStatus = new QLabel(m_generatedBox);
    m_copyStatus->setObjectName(QStringLiteral("copyStatus"));
    m_copyStatus->setWordWrap(true);
    generatedLayout->addWidget(m_copyStatus);
    m_copyStatus->hide();
    m_generatedBox->hide();
    form->addRow(m_generatedBox);
    return page;
}

void SettingsDialog::addTokenRow(const RemoteToken &token)
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const int row = m_tokens->rowCount();
    m_tokens->insertRow(row);
    m_tokens->setItem(row, NameColumn, new QTableWidgetItem(token.name));
    auto *secret = new QTableWidgetItem(token.token);
    secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tokens->setItem(row, TokenColumn, secret);
    auto *role = new QComboBox(m_tokens);
    role->addItem(tr("viewer"), int(protocol::Role::Viewer));
    role->addItem(tr("operator"), int(protocol::Role::Operator));
    role->setCurrentIndex(token.role == protocol::Role::Operator ? 1 : 0);
    connect(role, &QComboBox::currentIndexChanged, this, &SettingsDialog::revalidate);
    m_tokens->setCellWidget(row, RoleColumn, role);
    m_loading = wasLoading;
}

void SettingsDialog::setSettings(Settings *settings)
{
    m_settings = settings;
}

void SettingsDialog::setValues(const SettingsValues &v)
{
    m_loading = true;
    const int language = m_language->findData(v.language);
    if (language >= 0) {
        m_language->setCurrentIndex(language);
    } else {
        // A code from the file or --lang that the list does not offer stays selectable as it is.
        m_language->addItem(v.language, v.language);
        m_language->setCurrentIndex(m_language->count() - 1);
    }
    m_theme->setCurrentIndex(m_theme->findData(int(v.theme)));
    m_scanInterval->setValue(v.scanIntervalSeconds);
    m_threads->setValue(v.scannerThreads);
    m_batches->setValue(v.maxConcurrentBatches);
    m_budget->setValue(v.memoryBudgetMiB);
    m_pressureHigh->setValue(v.pressureHighPercent);
    m_pressureCritical->setValue(v.pressureCriticalPercent);
    m_cpuWarning->setValue(v.cpuWarningPercent);
    m_cpuCritical->setValue(v.cpuCriticalPercent);
    m_memoryWarning->setValue(v.memoryWarningPercent);
    m_memoryCritical->setValue(v.memoryCriticalPercent);
    m_diskWarning->setValue(v.diskWarningPercent);
    m_diskCritical->setValue(v.diskCriticalPercent);
    m_balance->setValue(v.paperStartingBalance);
    m_source->setCurrentIndex(m_source->findData(int(v.source)));
    m_replayFolder->setText(v.replayFolder);
    BybitSymbolSelection selection;
    if (BybitSymbolSelection::parse(v.bybitSymbols, selection) && selection.topN > 0) {
        m_bybitScope->setCurrentIndex(1);
        m_bybitTop->setValue(selection.topN);
    } else {
        m_bybitScope->setCurrentIndex(0);
    }
    m_bybitRest->setText(v.bybitRestUrl);
    m_bybitWs->setText(v.bybitWsUrl);
    m_serverEnabled->setChecked(v.serverEnabled);
    m_bind->setText(v.serverBind);
    m_port->setValue(v.serverPort);
    m_tokens->setRowCount(0);
    for (const RemoteToken &token : v.tokens)
        addTokenRow(token);
    m_certificate->setText(v.tlsCertificatePath);
    m_key->setText(v.tlsKeyPath);
    m_loading = false;
    updateSourceFields();
    updateRemoteFields();
    revalidate();
}

SettingsValues SettingsDialog::values() const
{
    SettingsValues v;
    v.language = m_language->currentData().toString();
    v.theme = ThemeChoice(m_theme->currentData().toInt());
    v.scanIntervalSeconds = m_scanInterval->value();
    v.scannerThreads = m_threads->value();
    v.maxConcurrentBatches = m_batches->value();
    v.memoryBudgetMiB = m_budget->value();
    v.pressureHighPercent = m_pressureHigh->value();
    v.pressureCriticalPercent = m_pressureCritical->value();
    v.cpuWarningPercent = m_cpuWarning->value();
    v.cpuCriticalPercent = m_cpuCritical->value();
    v.memoryWarningPercent = m_memoryWarning->value();
    v.memoryCriticalPercent = m_memoryCritical->value();
    v.diskWarningPercent = m_diskWarning->value();
    v.diskCriticalPercent = m_diskCritical->value();
    v.paperStartingBalance = m_balance->value();
    v.source = DataSourceKind(m_source->currentData().toInt());
    v.replayFolder = m_replayFolder->text().trimmed();
    v.bybitSymbols =
        m_bybitScope->currentIndex() == 1 ? QStringLiteral("top:%1").arg(m_bybitTop->value()) : QStringLiteral("all");
    v.bybitRestUrl = m_bybitRest->text().trimmed();
    v.bybitWsUrl = m_bybitWs->text().trimmed();
    v.serverEnabled = m_serverEnabled->isChecked();
    v.serverBind = m_bind->text().trimmed();
    v.serverPort = m_port->value();
    for (int row = 0; row < m_tokens->rowCount(); ++row) {
        RemoteToken token;
        const QTableWidgetItem *name = m_tokens->item(row, NameColumn);
        const QTableWidgetItem *secret = m_tokens->item(row, TokenColumn);
        token.name = name ? name->text().trimmed() : QString();
        token.token = secret ? secret->text().trimmed() : QString();
        const auto *role = qobject_cast<const QComboBox *>(m_tokens->cellWidget(row, RoleColumn));
        token.role = role ? protocol::Role(role->currentData().toInt()) : protocol::Role::Viewer;
        v.tokens.append(token);
    }
    v.tlsCertificatePath = m_certificate->text().trimmed();
    v.tlsKeyPath = m_key->text().trimmed();
    return v;
}

void SettingsDialog::updateSourceFields()
{
    const auto kind = DataSourceKind(m_source->currentData().toInt());
    m_replayBox->setVisible(kind == DataSourceKind::Replay);
    m_bybitBox->setVisible(kind == DataSourceKind::Bybit);
    m_bybitTop->setEnabled(m_bybitScope->currentIndex() == 1);
    revalidate();
}

void SettingsDialog::updateRemoteFields()
{
    m_remoteBox->setEnabled(m_serverEnabled->isChecked());
    const bool selected = m_tokens->currentRow() >= 0 && !m_tokens->selectedItems().isEmpty();
    m_regenerateToken->setEnabled(selected);
    m_removeToken->setEnabled(selected);
    revalidate();
}

void SettingsDialog::setGeneratedTokenFile(const QString &path)
{
    m_generatedTokenFile = path;
    m_generatedPath->setText(path);
    m_generatedBox->setVisible(!path.isEmpty());
    m_copyStatus->hide();
}

bool SettingsDialog::copyGeneratedToken()
{
    QFile file(m_generatedTokenFile);
    QString token;
    if (file.open(QIODevice::ReadOnly))
        token = QString::fromLatin1(file.read(4096)).trimmed();
    QPalette palette = m_copyStatus->palette();
    if (token.isEmpty()) {
        m_copyStatus->setText(file.error() != QFileDevice::NoError
                                  ? tr("Cannot read %1: %2").arg(m_generatedTokenFile, file.errorString())
                                  : tr("%1 holds no token.").arg(m_generatedTokenFile));
        palette.setColor(QPalette::WindowText, Theme::critical());
        m_copyStatus->setPalette(palette);
        m_copyStatus->show();
        return false;
    }
    QGuiApplication::clipboard()->setText(token);
    m_copyStatus->setText(tr("The operator token is on the clipboard."));
    palette.setColor(QPalette::WindowText, QApplication::palette().color(QPalette::PlaceholderText));
    m_copyStatus->setPalette(palette);
    m_copyStatus->show();
    return true;
}

void SettingsDialog::revalidate()
{
    if (m_loading)
        return;
    m_issues = values().validate();
    QHash<QString, QStringList> byField;
    QSet<int> pagesWithIssues;
    for (const SettingsIssue &issue : std::as_const(m_issues)) {
        byField[issue.field].append(issue.message);
        pagesWithIssues.insert(m_fieldPage.value(issue.field, -1));
    }
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        const QStringList messages = byField.value(it.key());
        it.value()->setText(messages.join(u'\n'));
        if (QFormLayout *form = m_errorForms.value(it.key()))
            form->setRowVisible(it.value(), !messages.isEmpty());
    }
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int i = 0; i < m_pageList->count(); ++i)
        m_pageList->item(i)->setIcon(pagesWithIssues.contains(i) ? warning : QIcon());
    const bool valid = m_issues.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(valid);
}

bool SettingsDialog::apply()
{
    revalidate();
    if (!m_issues.isEmpty())
        return false;
    const SettingsValues v = values();
    if (m_settings) {
        QString error;
        if (!m_settings->save(v, &error)) {
            m_saveError->setText(error);
            m_saveError->show();
            return false;
        }
    }
    m_saveError->hide();
    emit settingsApplied(v);
    return true;
}

} // namespace bw::ui
