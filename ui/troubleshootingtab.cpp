#include "troubleshootingtab.h"

#include "config/credentials.h"

#include "diagnosis/connectiontest.h"
#include "events/eventlog.h"
#include "eventmodel.h"
#include "prompter.h"
#include "config/secretstore.h"
#include "servicecontroller.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Pop3Connector {

namespace {
const QList<LogLevel> kLevels = {
    LogLevel::None, LogLevel::Minimum, LogLevel::Medium, LogLevel::Maximum};
}

TroubleshootingTab::TroubleshootingTab(
    ServiceController *service, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("troubleshootingTab"));
    m_model = new EventModel(this);
    m_filter = new EventFilter(this);
    m_filter->setSourceModel(m_model);

    m_level = new QComboBox;
    m_level->setObjectName(QStringLiteral("logLevelCombo"));
    m_level->addItems({QString(), QString(), QString(), QString()});
    m_undeliverable = new QLineEdit;
    m_undeliverable->setObjectName(QStringLiteral("undeliverableEdit"));
    m_apply = new QPushButton;
    m_apply->setObjectName(QStringLiteral("applyTroubleshootingButton"));
    m_severity = new QComboBox;
    m_severity->setObjectName(QStringLiteral("severityFilter"));
    m_severity->addItems({QString(), QString(), QString()});
    m_category = new QComboBox;
    m_category->setObjectName(QStringLiteral("categoryFilter"));
    for (int i = 0; i < 7; ++i)
        m_category->addItem(QString());
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("eventFilterEdit"));
    m_search->setClearButtonEnabled(true);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("eventTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(EventModel::Time, 150);
    m_detail = new QTextBrowser;
    m_detail->setObjectName(QStringLiteral("eventDetail"));
    m_diagnose = new QPushButton;
    m_diagnose->setObjectName(QStringLiteral("diagnosticsButton"));
    m_diagnostics = new QPlainTextEdit;
    m_diagnostics->setObjectName(QStringLiteral("diagnosticsOutput"));
    m_diagnostics->setReadOnly(true);

    auto *settings = new QFormLayout;
    settings->addRow(m_levelLabel = new QLabel, m_level);
    auto *undeliverable = new QHBoxLayout;
    undeliverable->addWidget(m_undeliverable);
    undeliverable->addWidget(m_apply);
    settings->addRow(m_undeliverableLabel = new QLabel, undeliverable);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_severity);
    filters->addWidget(m_category);
    filters->addWidget(m_search, 1);
    // The event list gets the room; the cause and fix, and diagnostics, below it.
    auto *diagnostics = new QWidget;
    auto *diagnosticsLayout = new QHBoxLayout(diagnostics);
    diagnosticsLayout->setContentsMargins(0, 0, 0, 0);
    diagnosticsLayout->addWidget(m_diagnose, 0, Qt::AlignTop);
    diagnosticsLayout->addWidget(m_diagnostics, 1);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->addWidget(diagnostics);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(settings);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(m_level, &QComboBox::activated, this, &TroubleshootingTab::applySettings);
    connect(m_apply, &QPushButton::clicked, this, &TroubleshootingTab::applySettings);
    connect(m_undeliverable, &QLineEdit::returnPressed, this, &TroubleshootingTab::applySettings);
    connect(m_severity, &QComboBox::currentIndexChanged, this,
        [this](int i) { m_filter->setMinimumSeverity(i == 0 ? -1 : i); });
    connect(m_category, &QComboBox::currentIndexChanged, this,
        [this](int i) { m_filter->setCategory(i - 1); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &EventFilter::setText);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &TroubleshootingTab::showDetail);
    connect(m_diagnose, &QPushButton::clicked, this, &TroubleshootingTab::runDiagnostics);
    connect(m_service, &ServiceController::eventLogged, m_model, &EventModel::append);
    connect(m_service, &ServiceController::configurationChanged, this, [this] {
        const ConnectorSettings &c = m_service->configuration().connector;
        m_level->setCurrentIndex(int(kLevels.indexOf(c.logLevel)));
        m_undeliverable->setText(c.undeliverableMailbox);
    });
    m_level->setCurrentIndex(int(kLevels.indexOf(m_service->configuration().connector.logLevel)));
    m_undeliverable->setText(m_service->configuration().connector.undeliverableMailbox);
    retranslate();
    loadLog();
}

void TroubleshootingTab::retranslate()
{
    m_levelLabel->setText(tr("Log level:"));
    const QStringList levels = {tr("None"), tr("Minimum (errors)"),
        tr("Medium (errors, warnings, summaries)"),
        tr("Maximum (everything, with protocol transcripts)")};
    for (int i = 0; i < levels.size(); ++i)
        m_level->setItemText(i, levels[i]);
    m_undeliverableLabel->setText(tr("Undeliverable-mail mailbox:"));
    m_undeliverable->setPlaceholderText(tr("postmaster@office.example"));
    m_apply->setText(tr("Apply"));
    m_severity->setItemText(0, tr("All severities"));
    m_severity->setItemText(1, tr("Warnings and errors"));
    m_severity->setItemText(2, tr("Errors only"));
    m_category->setItemText(0, tr("All categories"));
    for (int c = 0; c < 6; ++c)
        m_category->setItemText(c + 1, displayName(Category(c)));
    m_search->setPlaceholderText(tr("Find in events"));
    m_diagnose->setText(tr("Run diagnostics"));
    m_model->retranslate();
    showDetail();
}

void TroubleshootingTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TroubleshootingTab::applySettings()
{
    Configuration c = m_service->configuration();
    const LogLevel level = kLevels.value(m_level->currentIndex());
    const QString undeliverable = m_undeliverable->text().trimmed();
    if (c.connector.logLevel == level && c.connector.undeliverableMailbox == undeliverable)
        return;
    c.connector.logLevel = level;
    c.connector.undeliverableMailbox = undeliverable;
    if (const QString error = m_service->save(c); !error.isEmpty())
        m_prompter->warn(
            this, tr("Troubleshooting"), tr("The configuration could not be saved: %1").arg(error));
}

void TroubleshootingTab::loadLog()
{
    // The log file is read on a worker thread; it can be large.
    const QString path =
        m_service->configuration().connector.spool + QStringLiteral("/log/events.log");
    auto *watcher = new QFutureWatcher<QList<Event>>(this);
    connect(watcher, &QFutureWatcher<QList<Event>>::finished, this, [this, watcher] {
        const QList<Event> fromFile = watcher->result();
        // Events that arrived meanwhile are already shown; put the history beneath them.
        QList<Event> all = fromFile;
        for (int row = m_model->rowCount() - 1; row >= 0; --row)
            all.append(m_model->event(row));
        m_model->setEvents(all);
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(&EventLog::readFile, path));
}

void TroubleshootingTab::showDetail()
{
    const QModelIndex current = m_filter->mapToSource(m_table->currentIndex());
    if (!current.isValid()) {
        m_detail->setHtml(tr("<p>Select an event to see its cause and how to fix it.</p>"));
        return;
    }
    const Event &e = m_model->event(current.row());
    const EventDescription d = describe(e.id);
    m_detail->setHtml(
        QStringLiteral("<h3>%1 %2</h3><p>%3</p><p><b>%4</b> %5</p><p><b>%6</b> %7</p>")
            .arg(int(e.id))
            .arg(d.title.toHtmlEscaped(), e.text.toHtmlEscaped(), tr("Cause:"),
                d.cause.toHtmlEscaped(), tr("What to do:"), d.fix.toHtmlEscaped()));
}

void TroubleshootingTab::runDiagnostics()
{
    if (m_diagnosing)
        return;
    m_diagnosing = true;
    m_diagnose->setEnabled(false);
    m_diagnostics->clear();
    const auto say = [this](const QString &line) { m_diagnostics->appendPlainText(line); };
    say(tr("Configuration %1:").arg(m_service->configPath()));
    if (m_service->problems().isEmpty())
        say(tr("  valid"));
    for (const ConfigProblem &p : m_service->problems())
        say(QStringLiteral("  ") + p.toString());
    say(m_service->isRunning() ? tr("Connector: running")
                               : tr("Connector: stopped. %1").arg(m_service->lastError()));
    say(m_service->isDispatchEnabled() ? tr("Delivery: on")
                                       : tr("Delivery: stopped; mail collects in PickUp"));
    m_service->secrets()->read(
        QStringLiteral("diagnostics/probe"), this, [this, say](const SecretStore::ReadResult &r) {
            say(r.status == SecretStore::Status::Unavailable
                    ? tr("System keychain: not usable (%1)").arg(r.error)
                    : tr("System keychain: usable"));
            diagnoseMailbox(0);
        });
}

void TroubleshootingTab::diagnoseMailbox(int index)
{
    const QList<MailboxSettings> &boxes = m_service->configuration().mailboxes;
    if (index >= boxes.size()) {
        m_diagnostics->appendPlainText(tr("Diagnostics finished."));
        m_diagnosing = false;
        m_diagnose->setEnabled(true);
        return;
    }
    const MailboxSettings m = boxes[index];
    if (!m.enabled) {
        diagnoseMailbox(index + 1);
        return;
    }
    const auto test = [this, m, index](const QByteArray &password, const QString &problem) {
        if (!problem.isEmpty()) {
            m_diagnostics->appendPlainText(tr("Mailbox %1: %2").arg(m.name, problem));
            diagnoseMailbox(index + 1);
            return;
        }
        auto *probe = new ConnectionTest(m, password, 20000, this);
        connect(probe, &ConnectionTest::finished, this,
            [this, probe, m, index](const RetrievalReport &r) {
                m_diagnostics->appendPlainText(r.outcome == RetrievalReport::Outcome::Succeeded
                        ? tr("Mailbox %1: connection works, %n message(s) waiting", nullptr,
                            r.onServer)
                              .arg(m.name)
                        : tr("Mailbox %1: %2 What to do: %3")
                              .arg(m.name, r.failureText, describe(r.failureId).fix));
                probe->deleteLater();
                diagnoseMailbox(index + 1);
            });
        probe->start();
    };
    CredentialResolver(m_service->secrets())
        .resolve(m, this, [test](const Result<QByteArray> &password) {
            if (password)
                test(*password, {});
            else
                test({}, password.error().message);
        });
}

} // namespace Pop3Connector
