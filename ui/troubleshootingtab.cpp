#include "troubleshootingtab.h"

#include "diagnosisview.h"
#include "eventmodel.h"
#include "prompter.h"
#include "service/controlmessages.h"
#include "servicecontroller.h"
#include "trackingview.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
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
    m_administrator = new QLineEdit;
    m_administrator->setObjectName(QStringLiteral("administratorEdit"));
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
    m_diagnosis = new DiagnosisView(service, prompter);
    m_tracking = new TrackingView(service);

    auto *settings = new QFormLayout;
    settings->addRow(m_levelLabel = new QLabel, m_level);
    auto *undeliverable = new QHBoxLayout;
    undeliverable->addWidget(m_undeliverable);
    undeliverable->addWidget(m_apply);
    settings->addRow(m_undeliverableLabel = new QLabel, undeliverable);
    settings->addRow(m_administratorLabel = new QLabel, m_administrator);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_severity);
    filters->addWidget(m_category);
    filters->addWidget(m_search, 1);
    // The event list gets the room; the cause and fix below it.
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 3);
    auto *events = new QWidget;
    auto *eventsLayout = new QVBoxLayout(events);
    eventsLayout->addLayout(filters);
    eventsLayout->addWidget(splitter, 1);
    m_pages = new QTabWidget;
    m_pages->setObjectName(QStringLiteral("troubleshootingPages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(events, QString());
    m_pages->addTab(m_diagnosis, QString());
    m_pages->addTab(m_tracking, QString());
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(settings);
    layout->addWidget(m_pages, 1);

    connect(m_level, &QComboBox::activated, this, &TroubleshootingTab::applySettings);
    connect(m_apply, &QPushButton::clicked, this, &TroubleshootingTab::applySettings);
    connect(m_undeliverable, &QLineEdit::returnPressed, this, &TroubleshootingTab::applySettings);
    connect(m_administrator, &QLineEdit::returnPressed, this, &TroubleshootingTab::applySettings);
    connect(m_severity, &QComboBox::currentIndexChanged, this,
        [this](int i) { m_filter->setMinimumSeverity(i == 0 ? -1 : i); });
    connect(m_category, &QComboBox::currentIndexChanged, this,
        [this](int i) { m_filter->setCategory(i - 1); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &EventFilter::setText);
    connect(m_table, &QTableView::activated, this, &TroubleshootingTab::openEventMessage);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &TroubleshootingTab::showDetail);
    connect(m_service, &ServiceController::eventLogged, m_model, &EventModel::append);
    // At each connection the service's recent history replaces what was shown: after a restart
    // it holds what happened while the manager was not connected.
    connect(m_service, &ServiceController::historyLoaded, m_model, &EventModel::setEvents);
    connect(m_service, &ServiceController::configurationChanged, this, [this] {
        const ConnectorSettings &c = m_service->configuration().connector;
        m_level->setCurrentIndex(int(kLevels.indexOf(c.logLevel)));
        m_undeliverable->setText(c.undeliverableMailbox);
        m_administrator->setText(c.administratorAddress);
    });
    m_level->setCurrentIndex(int(kLevels.indexOf(m_service->configuration().connector.logLevel)));
    m_undeliverable->setText(m_service->configuration().connector.undeliverableMailbox);
    m_administrator->setText(m_service->configuration().connector.administratorAddress);
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
    const QStringList levels = {tr("None"), tr("Minimum (errors)"),
        tr("Medium (errors, warnings, summaries)"),
        tr("Maximum (everything, with protocol transcripts)")};
    for (int i = 0; i < levels.size(); ++i)
        m_level->setItemText(i, levels[i]);
    m_undeliverableLabel->setText(tr("Undeliverable-mail mailbox:"));
    m_undeliverable->setPlaceholderText(tr("postmaster@office.example"));
    m_administratorLabel->setText(tr("Administrator's address for problem reports:"));
    m_administrator->setPlaceholderText(tr("admin@office.example (empty: no reports by mail)"));
    m_administrator->setToolTip(
        tr("The service mails this address when a problem starts and when it ends, at most "
           "once an hour for each problem."));
    m_apply->setText(tr("Apply"));
    m_severity->setItemText(0, tr("All severities"));
    m_severity->setItemText(1, tr("Warnings and errors"));
    m_severity->setItemText(2, tr("Errors only"));
    m_category->setItemText(0, tr("All categories"));
    for (int c = 0; c < 6; ++c)
        m_category->setItemText(c + 1, displayName(Category(c)));
    m_search->setPlaceholderText(tr("Find in events"));
    m_pages->setTabText(int(Page::Events), tr("Events"));
    m_pages->setTabText(int(Page::Diagnostics), tr("Diagnostics"));
    m_pages->setTabText(int(Page::Tracking), tr("Message tracking"));
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
    const QString administrator = m_administrator->text().trimmed();
    if (c.connector.logLevel == level && c.connector.undeliverableMailbox == undeliverable
        && c.connector.administratorAddress == administrator)
        return;
    c.connector.logLevel = level;
    c.connector.undeliverableMailbox = undeliverable;
    c.connector.administratorAddress = administrator;
    m_service->save(c, this, [this](const QString &error) {
        if (!error.isEmpty())
            m_prompter->warn(this, tr("Troubleshooting"),
                tr("The service did not take the configuration:\n%1").arg(error));
    });
}

void TroubleshootingTab::openEventMessage(const QModelIndex &index)
{
    const QModelIndex source = m_filter->mapToSource(index);
    if (!source.isValid())
        return;
    const QString name = m_model->event(source.row()).message;
    if (name.isEmpty())
        return;
    // The service finds it in whichever folder it is now (a requeue may have moved it).
    m_service->request(Control::Method::SpoolPreview, {{QStringLiteral("name"), name}}, this,
        [this, name](const Result<QCborMap> &reply) {
            const std::optional<SpoolFolder> folder = reply
                ? Control::folderFromKey(reply->value(QStringLiteral("folder")).toString())
                : std::nullopt;
            if (folder) {
                Q_EMIT openInSpool(*folder, name);
                return;
            }
            // Delivered, deleted, or a UIDL still on the server: its path tells where it went.
            showPage(Page::Tracking);
            m_tracking->searchFor(name);
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
            .arg(d.title.toHtmlEscaped(), e.displayText().toHtmlEscaped(), tr("Cause:"),
                d.cause.toHtmlEscaped(), tr("What to do:"), d.fix.toHtmlEscaped()));
}

void TroubleshootingTab::runDiagnostics()
{
    showPage(Page::Diagnostics);
    m_diagnosis->run();
}

void TroubleshootingTab::showPage(Page page)
{
    m_pages->setCurrentIndex(int(page));
}

} // namespace Pop3Connector
