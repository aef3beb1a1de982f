#include "spooltab.h"

#include "prompter.h"
#include "servicecontroller.h"
#include "spoolmodel.h"

#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>

#include <pwd.h>
#include <unistd.h>

namespace Pop3Connector {

namespace {

// Who works the manager, as the system knows them.
QString userName()
{
    const passwd *pw = ::getpwuid(::geteuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(::geteuid());
}

} // namespace

SpoolTab::SpoolTab(ServiceController *service, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("spoolTab"));
    m_folders = new QListWidget;
    m_folders->setObjectName(QStringLiteral("folderList"));
    for (int i = 0; i < 4; ++i)
        m_folders->addItem(QString());
    m_folders->setMaximumWidth(220);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("messageTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_preview = new QTextBrowser;
    m_preview->setObjectName(QStringLiteral("previewPane"));
    m_requeue = new QPushButton;
    m_requeue->setObjectName(QStringLiteral("requeueButton"));
    m_export = new QPushButton;
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_delete = new QPushButton;
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_wrap = new QPushButton;
    m_wrap->setObjectName(QStringLiteral("wrapButton"));
    m_open = new QPushButton;
    m_open->setObjectName(QStringLiteral("openFolderButton"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("spoolStatusLabel"));
    m_status->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_requeue, m_export, m_delete, m_wrap, m_open})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(m_table);
    right->addWidget(m_preview);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto *top = new QHBoxLayout;
    top->addWidget(m_folders);
    top->addWidget(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_folders, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && m_model)
            m_model->setFolder(Spool::folders().value(row));
        m_preview->clear();
        updateButtons();
    });
    connect(
        m_requeue, &QPushButton::clicked, this, [this] { perform(SpoolMonitor::Action::Requeue); });
    connect(
        m_export, &QPushButton::clicked, this, [this] { perform(SpoolMonitor::Action::Export); });
    connect(
        m_delete, &QPushButton::clicked, this, [this] { perform(SpoolMonitor::Action::Delete); });
    connect(m_wrap, &QPushButton::clicked, this,
        [this] { perform(SpoolMonitor::Action::SendToUndeliverable); });
    connect(m_open, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(
            QUrl::fromLocalFile(Spool(m_spoolRoot).folderPath(m_model->folder())));
    });
    connect(m_service, &ServiceController::configurationChanged, this, [this] {
        if (m_service->configuration().connector.spool != m_spoolRoot)
            restartMonitor();
    });
    restartMonitor();
    m_folders->setCurrentRow(0);
    retranslate();
}

SpoolTab::~SpoolTab()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
}

void SpoolTab::restartMonitor()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
    }
    delete m_model;
    m_spoolRoot = m_service->configuration().connector.spool;
    const Spool spool(m_spoolRoot);
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("spool-view"));
    m_monitor = new SpoolMonitor(spool, tr("user %1 in the manager").arg(userName()));
    m_monitor->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_monitor, &QObject::deleteLater);
    m_model = new SpoolModel(m_monitor, this);
    m_table->setModel(m_model);
    m_table->horizontalHeader()->resizeSection(SpoolModel::Received, 190);
    m_table->horizontalHeader()->resizeSection(SpoolModel::From, 200);
    m_table->horizontalHeader()->resizeSection(SpoolModel::Subject, 260);
    connect(m_model, &SpoolModel::countsChanged, this, &SpoolTab::updateCounts);
    connect(m_model, &SpoolModel::listed, this, &SpoolTab::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        const QStringList names = selectedNames();
        if (names.size() == 1) {
            QMetaObject::invokeMethod(
                m_monitor,
                [m = m_monitor, f = m_model->folder(), n = names.first()] {
                    m->requestPreview(f, n);
                },
                Qt::QueuedConnection);
        } else {
            m_preview->clear();
        }
    });
    connect(m_monitor, &SpoolMonitor::previewLoaded, this,
        [this](SpoolFolder folder, const QString &name, const QString &text) {
            const QStringList names = selectedNames();
            if (folder == m_model->folder() && names.size() == 1 && names.first() == name)
                m_preview->setPlainText(text);
        });
    connect(m_monitor, &SpoolMonitor::actionFinished, this, &SpoolTab::onActionFinished);
    connect(m_monitor, &SpoolMonitor::eventRaised, m_service, &ServiceController::post);
    m_thread->start();
    QMetaObject::invokeMethod(m_monitor, &SpoolMonitor::start, Qt::QueuedConnection);
    if (m_folders->currentRow() >= 0)
        m_model->setFolder(Spool::folders().value(m_folders->currentRow()));
}

void SpoolTab::retranslate()
{
    m_requeue->setText(tr("Requeue"));
    m_requeue->setToolTip(tr("Failed Mail goes back to Incoming Mail, BadMail back to PickUp."));
    m_export->setText(tr("Export .eml..."));
    m_delete->setText(tr("Delete..."));
    m_wrap->setText(tr("Send to undeliverable mailbox"));
    m_wrap->setToolTip(
        tr("Attach the message to a new message for the undeliverable-mail mailbox."));
    m_open->setText(tr("Open folder"));
    updateCounts();
    updateButtons();
}

void SpoolTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SpoolTab::selectFolder(SpoolFolder folder)
{
    m_folders->setCurrentRow(int(Spool::folders().indexOf(folder)));
}

void SpoolTab::updateCounts()
{
    const QStringList names = {tr("Incoming Mail"), tr("Failed Mail"), tr("PickUp"), tr("BadMail")};
    const QList<SpoolFolder> folders = Spool::folders();
    for (int i = 0; i < folders.size(); ++i)
        m_folders->item(i)->setText(
            QStringLiteral("%1 (%2)").arg(names[i]).arg(m_model ? m_model->count(folders[i]) : 0));
}

QStringList SpoolTab::selectedNames() const
{
    QStringList names;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        names.append(m_model->name(i.row()));
    return names;
}

void SpoolTab::updateButtons()
{
    const bool any = m_model && !selectedNames().isEmpty();
    const SpoolFolder f = m_model ? m_model->folder() : SpoolFolder::Incoming;
    m_requeue->setEnabled(any && (f == SpoolFolder::Failed || f == SpoolFolder::BadMail));
    m_export->setEnabled(any);
    m_delete->setEnabled(any);
    m_wrap->setEnabled(any && f != SpoolFolder::Incoming);
}

void SpoolTab::perform(SpoolMonitor::Action action)
{
    const QStringList names = selectedNames();
    if (names.isEmpty())
        return;
    QString argument;
    switch (action) {
    case SpoolMonitor::Action::Export:
        argument = names.size() == 1
            ? m_prompter->saveFile(this, tr("Export message"), Spool::emlName(names.first()))
            : m_prompter->existingDirectory(this, tr("Export messages to"));
        if (argument.isEmpty())
            return;
        break;
    case SpoolMonitor::Action::Delete:
        if (!m_prompter->confirm(this, tr("Delete messages"),
                tr("Delete %n message(s) for good? They cannot be recovered.", nullptr,
                    int(names.size()))))
            return;
        break;
    case SpoolMonitor::Action::SendToUndeliverable:
        argument = m_service->configuration().connector.undeliverableMailbox;
        if (argument.isEmpty()) {
            m_prompter->warn(this, tr("Spool"),
                tr("No undeliverable-mail mailbox is set. Set one in the Troubleshooting tab "
                   "first."));
            return;
        }
        break;
    case SpoolMonitor::Action::Requeue:
        break;
    }
    m_status->setText(tr("Working..."));
    QMetaObject::invokeMethod(
        m_monitor,
        [m = m_monitor, action, f = m_model->folder(), names, argument] {
            m->perform(action, f, names, argument);
        },
        Qt::QueuedConnection);
}

void SpoolTab::onActionFinished(
    SpoolMonitor::Action action, SpoolFolder, const QStringList &names, const QStringList &errors)
{
    if (!errors.isEmpty()) {
        m_status->setText(errors.join(u'\n'));
        m_prompter->warn(this, tr("Spool"), errors.join(u'\n'));
        return;
    }
    switch (action) {
    case SpoolMonitor::Action::Requeue:
        m_status->setText(tr("%n message(s) requeued; they are delivered on the next cycle.",
            nullptr, int(names.size())));
        break;
    case SpoolMonitor::Action::Export:
        m_status->setText(tr("%n message(s) exported.", nullptr, int(names.size())));
        break;
    case SpoolMonitor::Action::Delete:
        m_status->setText(tr("%n message(s) deleted.", nullptr, int(names.size())));
        break;
    case SpoolMonitor::Action::SendToUndeliverable:
        m_status->setText(
            tr("%n message(s) attached to new messages for the undeliverable-mail mailbox.",
                nullptr, int(names.size())));
        break;
    }
}

} // namespace Pop3Connector
