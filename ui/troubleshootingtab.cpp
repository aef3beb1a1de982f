#include "troubleshootingtab.h"

#include "eventmodel.h"
#include "prompter.h"
#include "service/controlmessages.h"
#include "servicecontroller.h"

#include <QCborArray>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

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
    // At each connection the service's recent history replaces what was shown: after a restart
    // it holds what happened while the manager was not connected.
    connect(m_service, &ServiceController::historyLoaded, m_model, &EventModel::setEvents);
    connect(m_service, &ServiceController::configurationChanged, this, [this] {
        const ConnectorSettings &c = m_service->configuration().connector;
        m_level->setCurrentIndex(int(kLevels.indexOf(c.logLevel)));
        m_undeliverable->setText(c.undeliverableMailbox);
    });
    m_level->setCurrentIndex(int(kLevels.indexOf(m_service->configuration().connector.logLevel)));
    m_undeliverable->setText(m_service->configuration().connector.undeliverableMailbox);
    retranslate();
}

void TroubleshootingTab::retranslate()
{
    m_levelLabel->setText(tr("Log level:"));
    m_table->setAccessibleName(tr("Events"));
    m_table->setAccessibleDescription(
        tr("What the connector did and what went wrong, newest last."));
    m_detail->setAccessibleName(tr("Event details"));
    m_detail->setAccessibleDescription(tr("The selected event's cause and what to do about it."));
    m_diagnostics->setAccessibleName(tr("Diagnostics report"));
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
    m_service->save(c, this, [this](const QString &error) {
        if (!error.isEmpty())
            m_prompter->warn(this, tr("Troubleshooting"),
                tr("The service did not take the configuration:\n%1").arg(error));
    });
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
    m_diagnostics->clear();
    if (!m_service->isRunning()) {
        m_diagnostics->appendPlainText(
            tr("Connector: not running (%1). %2")
                .arg(m_service->unavailableReason(), m_service->howToStart()));
        return;
    }
    m_diagnosing = true;
    m_diagnose->setEnabled(false);
    m_service->request(
        Control::Method::Diagnostics, {}, this, [this](const Result<QCborMap> &reply) {
            if (!reply) {
                m_diagnostics->appendPlainText(
                    tr("Diagnostics failed: %1").arg(reply.error().message));
                diagnoseMailbox(int(m_service->configuration().mailboxes.size()));
                return;
            }
            showDiagnostics(*reply);
            diagnoseMailbox(0);
        });
}

void TroubleshootingTab::showDiagnostics(const QCborMap &d)
{
    const auto say = [this](const QString &line) { m_diagnostics->appendPlainText(line); };
    const ServiceController::ServiceInfo &info = m_service->serviceInfo();
    say(tr("Connector: running, pid %1, user %2, version %3")
            .arg(info.pid)
            .arg(info.user, info.version));
    const QCborMap configuration = d.value(QStringLiteral("configuration")).toMap();
    say(tr("Configuration %1:").arg(configuration.value(QStringLiteral("path")).toString()));
    const QCborArray problems = configuration.value(QStringLiteral("problems")).toArray();
    if (problems.isEmpty())
        say(tr("  valid"));
    for (const QCborValue &p : problems)
        say(QStringLiteral("  ") + p.toMap().value(QStringLiteral("text")).toString());
    const QCborMap spool = d.value(QStringLiteral("spool")).toMap();
    say(tr("Spool %1: %2 free")
            .arg(spool.value(QStringLiteral("root")).toString(),
                QLocale().formattedDataSize(spool.value(QStringLiteral("freeBytes")).toInteger())));
    say(m_service->isDispatchEnabled() ? tr("Delivery: on")
                                       : tr("Delivery: stopped; mail collects in PickUp"));
    say(tr("Passwords: %1").arg(d.value(QStringLiteral("passwordStore")).toString()));
    for (const QCborValue &v : d.value(QStringLiteral("passwords")).toArray()) {
        const QCborMap p = v.toMap();
        const QString name = p.value(QStringLiteral("name")).toString();
        say(p.value(QStringLiteral("found")).toBool()
                ? tr("  %1: found").arg(name)
                : tr("  %1: %2").arg(name, p.value(QStringLiteral("problem")).toString()));
    }
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
    QCborMap params;
    params.insert(QStringLiteral("mailbox"), m.name);
    m_service->request(
        Control::Method::TestConnection, params, this,
        [this, m, index](const Result<QCborMap> &reply) {
            if (!reply) {
                m_diagnostics->appendPlainText(
                    tr("Mailbox %1: %2").arg(m.name, reply.error().message));
            } else {
                const RetrievalReport r = Control::retrievalFromCbor(*reply);
                m_diagnostics->appendPlainText(reply->value(QStringLiteral("succeeded")).toBool()
                        ? tr("Mailbox %1: connection works, %n message(s) waiting", nullptr,
                            r.onServer)
                              .arg(m.name)
                        : tr("Mailbox %1: %2 What to do: %3")
                              .arg(m.name, r.failureText,
                                  reply->value(QStringLiteral("fix")).toString()));
            }
            diagnoseMailbox(index + 1);
        },
        120000);
}

} // namespace Pop3Connector
