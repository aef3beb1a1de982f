#include "spooltab.h"

#include "base/durablefs.h"
#include "base/phrase.h"
#include "exportname.h"
#include "language.h"
#include "prompter.h"
#include "service/controlmessages.h"
#include "servicecontroller.h"
#include "spoolmodel.h"

#include <QCborArray>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Pop3Connector {

namespace {

QCborMap namesIn(SpoolFolder folder, const QStringList &names)
{
    QCborMap params;
    params.insert(QStringLiteral("folder"), Control::folderKey(folder));
    params.insert(QStringLiteral("names"), QCborArray::fromStringList(names));
    return params;
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
    m_folders->setMinimumWidth(90);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("messageTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setTabKeyNavigation(false);
    m_model = new SpoolModel(service, this);
    // Sorted by any column (by its value, not its words) and filtered by a text in any column.
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(SpoolModel::SortRole);
    m_sorted->setFilterKeyColumn(-1);
    m_sorted->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SpoolModel::Received, Qt::AscendingOrder);
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("spoolFilterEdit"));
    m_search->setClearButtonEnabled(true);
    connect(
        m_search, &QLineEdit::textChanged, m_sorted, &QSortFilterProxyModel::setFilterFixedString);
    m_table->horizontalHeader()->resizeSection(SpoolModel::Received, 190);
    m_table->horizontalHeader()->resizeSection(SpoolModel::From, 200);
    m_table->horizontalHeader()->resizeSection(SpoolModel::Subject, 260);
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
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("spoolStatusLabel"));
    m_status->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_requeue, m_export, m_delete, m_wrap})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *list = new QWidget;
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_search);
    listLayout->addWidget(m_table, 1);
    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(list);
    right->addWidget(m_preview);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    m_split = right;
    m_split->setObjectName(QStringLiteral("spoolSplitter"));
    // The folders give way to the messages in a small window; the administrator may drag.
    m_folderSplit = new QSplitter(Qt::Horizontal);
    m_folderSplit->setObjectName(QStringLiteral("spoolFolderSplitter"));
    m_folderSplit->addWidget(m_folders);
    m_folderSplit->addWidget(right);
    m_folderSplit->setStretchFactor(0, 0);
    m_folderSplit->setStretchFactor(1, 1);
    m_folderSplit->setSizes({180, 800});
    m_folderSplit->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_folderSplit, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_folders, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_model->setFolder(Spool::folders().value(row));
        clearPreview();
        updateButtons();
    });
    connect(m_requeue, &QPushButton::clicked, this, [this] { perform(Action::Requeue); });
    connect(m_export, &QPushButton::clicked, this, [this] { perform(Action::Export); });
    connect(m_delete, &QPushButton::clicked, this, [this] { perform(Action::Delete); });
    connect(m_wrap, &QPushButton::clicked, this, [this] { perform(Action::SendToUndeliverable); });
    connect(m_model, &SpoolModel::countsChanged, this, &SpoolTab::updateCounts);
    connect(m_model, &SpoolModel::listed, this, [this] {
        updateButtons();
        // A message that went (requeued, delivered) leaves no preview behind.
        if (selectedNames().isEmpty())
            clearPreview();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        showPreview();
    });
    // Delete in the message list asks, then deletes, as the Delete... button does.
    auto *del = new QShortcut(QKeySequence::Delete, m_table);
    del->setContext(Qt::WidgetShortcut);
    del->setObjectName(QStringLiteral("deleteShortcut"));
    connect(del, &QShortcut::activated, this, [this] { perform(Action::Delete); });
    m_folders->setCurrentRow(0);
    retranslate();
}

void SpoolTab::saveLayout(QSettings &settings) const
{
    settings.setValue(QStringLiteral("spoolSplitter"), m_split->saveState());
    settings.setValue(QStringLiteral("spoolFolderSplitter"), m_folderSplit->saveState());
    settings.setValue(QStringLiteral("spoolColumns"), m_table->horizontalHeader()->saveState());
}

void SpoolTab::restoreLayout(const QSettings &settings)
{
    m_split->restoreState(settings.value(QStringLiteral("spoolSplitter")).toByteArray());
    m_folderSplit->restoreState(
        settings.value(QStringLiteral("spoolFolderSplitter")).toByteArray());
    m_table->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("spoolColumns")).toByteArray());
}

void SpoolTab::retranslate()
{
    renderPreview();
    m_search->setPlaceholderText(tr("Find in this folder"));
    m_search->setAccessibleName(tr("Find in this folder"));
    m_folders->setAccessibleName(tr("Spool folders"));
    m_folders->setAccessibleDescription(
        tr("The spool's folders with how many messages each holds."));
    m_table->setAccessibleName(tr("Messages"));
    m_table->setAccessibleDescription(
        tr("The messages of the chosen folder. Delete deletes the selected ones after asking."));
    m_preview->setAccessibleName(tr("Message preview"));
    m_preview->setAccessibleDescription(tr("The header and text of the selected message."));
    m_status->setAccessibleName(tr("Spool status"));
    m_requeue->setText(tr("&Requeue"));
    m_requeue->setToolTip(tr("Failed Mail goes back to Incoming Mail, BadMail back to PickUp."));
    m_export->setText(tr("E&xport .eml..."));
    m_delete->setText(tr("&Delete..."));
    m_wrap->setText(tr("Send to &undeliverable mailbox"));
    m_wrap->setToolTip(
        tr("Attach the message to a new message for the undeliverable-mail mailbox."));
    updateCounts();
    updateButtons();
}

void SpoolTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SpoolTab::showEvent(QShowEvent *event)
{
    m_model->setActive(true);
    QWidget::showEvent(event);
}

void SpoolTab::hideEvent(QHideEvent *event)
{
    m_model->setActive(false);
    QWidget::hideEvent(event);
}

void SpoolTab::selectFolder(SpoolFolder folder)
{
    m_folders->setCurrentRow(int(Spool::folders().indexOf(folder)));
}

void SpoolTab::showMessage(SpoolFolder folder, const QString &name)
{
    selectFolder(folder);
    m_search->setText(name);
    m_table->selectRow(0);
}

void SpoolTab::updateCounts()
{
    const QStringList names = {tr("Incoming Mail"), tr("Failed Mail"), tr("PickUp"), tr("BadMail")};
    const QList<SpoolFolder> folders = Spool::folders();
    for (int i = 0; i < folders.size(); ++i)
        m_folders->item(i)->setText(
            QStringLiteral("%1 (%2)").arg(names[i]).arg(m_model->count(folders[i])));
}

QStringList SpoolTab::selectedNames() const
{
    QStringList names;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        names.append(m_model->name(m_sorted->mapToSource(i).row()));
    return names;
}

void SpoolTab::updateButtons()
{
    const bool any = !selectedNames().isEmpty();
    const SpoolFolder f = m_model->folder();
    m_requeue->setEnabled(any && (f == SpoolFolder::Failed || f == SpoolFolder::BadMail));
    m_export->setEnabled(any);
    m_delete->setEnabled(any);
    m_wrap->setEnabled(any && f != SpoolFolder::Incoming);
}

void SpoolTab::showPreview()
{
    const QStringList names = selectedNames();
    if (names.size() != 1) {
        clearPreview();
        return;
    }
    QCborMap params;
    params.insert(QStringLiteral("folder"), Control::folderKey(m_model->folder()));
    params.insert(QStringLiteral("name"), names.first());
    m_service->request(Control::Method::SpoolPreview, params, this,
        [this, name = names.first()](const Result<QCborMap> &reply) {
            const QStringList now = selectedNames();
            if (now.size() != 1 || now.first() != name)
                return; // another message was chosen meanwhile
            if (!reply) {
                m_previewed.clear();
                m_preview->setPlainText(reply.error().message);
                return;
            }
            m_previewed = *reply;
            renderPreview();
        });
}

void SpoolTab::clearPreview()
{
    m_previewed.clear();
    m_preview->clear();
}

// The header lines in the reader's language (the service's `text` has English labels).
void SpoolTab::renderPreview()
{
    if (m_previewed.isEmpty())
        return;
    if (!m_previewed.contains(QStringLiteral("body"))) { // an older service
        m_preview->setPlainText(m_previewed.value(QStringLiteral("text")).toString());
        return;
    }
    const MessageSummary s = Control::summaryFromCbor(m_previewed);
    QString out = tr("From: %1").arg(s.from) + u'\n' + tr("To: %1").arg(s.to) + u'\n'
        + tr("Subject: %1").arg(s.subject) + u'\n' + tr("Date: %1").arg(Language::dateTime(s.date))
        + u'\n';
    if (!s.reason.isEmpty())
        out += tr("Reason: %1").arg(s.reason.translated()) + u'\n';
    m_preview->setPlainText(out + u'\n' + m_previewed.value(QStringLiteral("body")).toString());
}

void SpoolTab::perform(Action action)
{
    const QStringList names = selectedNames();
    if (names.isEmpty())
        return;
    const SpoolFolder folder = m_model->folder();
    QString method;
    switch (action) {
    case Action::Export: {
        // One message or many, the picker starts where the last export went.
        const bool one = names.size() == 1;
        const QString target = one
            ? m_prompter->saveFile(this, tr("Export message"),
                QDir(exportFolder()).filePath(exportName(names.first())))
            : m_prompter->existingDirectory(this, tr("Export messages to"), exportFolder());
        if (target.isEmpty())
            return;
        rememberExportFolder(one ? QFileInfo(target).path() : target);
        exportMessages(names, target);
        return;
    }
    case Action::Delete:
        if (!m_prompter->confirm(this, tr("Delete messages"),
                tr("Delete %n message(s) for good? They cannot be recovered.", nullptr,
                    int(names.size()))))
            return;
        method = Control::Method::SpoolDelete;
        break;
    case Action::SendToUndeliverable:
        if (m_service->configuration().connector.undeliverableMailbox.isEmpty()) {
            m_prompter->warn(this, tr("Spool"),
                tr("No undeliverable-mail mailbox is set. Set one in the Troubleshooting tab "
                   "first."));
            return;
        }
        method = Control::Method::SpoolSendToUndeliverable;
        break;
    case Action::Requeue:
        if (folder == SpoolFolder::Failed)
            return requeueFailedMail(names);
        method = Control::Method::SpoolRequeue;
        break;
    }
    m_status->setText(tr("Working..."));
    m_service->request(method, namesIn(folder, names), this,
        [this, action](const Result<QCborMap> &reply) { onChanged(action, reply); });
}

// A message in Failed Mail whose cause is not fixed would only go back there: the service says
// which (routing them as transfer will), and the administrator decides before anything moves.
void SpoolTab::requeueFailedMail(const QStringList &names)
{
    QCborMap check = namesIn(SpoolFolder::Failed, names);
    check.insert(QStringLiteral("check"), true);
    m_status->setText(tr("Working..."));
    m_service->request(
        Control::Method::SpoolRequeue, check, this, [this, names](const Result<QCborMap> &reply) {
            if (!reply)
                return onChanged(Action::Requeue, reply);
            constexpr int kShown = 10;
            QStringList failing;
            int more = 0;
            for (const QCborValue &v : reply->value(QStringLiteral("results")).toArray()) {
                const QCborMap r = v.toMap();
                if (r.value(QStringLiteral("ok")).toBool())
                    continue;
                if (failing.size() == kShown) {
                    ++more;
                    continue;
                }
                failing.append(tr("%1: %2").arg(
                    r.value(QStringLiteral("name")).toString(), Control::errorOf(r).translated()));
            }
            if (more > 0)
                failing.append(tr("... and %n more.", nullptr, more));
            if (!failing.isEmpty()
                && !m_prompter->confirm(this, tr("Requeue messages"),
                    tr("%n message(s) would go back to Failed Mail, because what sent them there "
                       "is not fixed:",
                        nullptr, int(failing.size() - (more > 0) + more))
                        + QStringLiteral("\n\n") + failing.join(u'\n') + QStringLiteral("\n\n")
                        + tr("Fix the cause first (the Troubleshooting tab's diagnostics help), or "
                             "requeue anyway?"))) {
                m_status->setText(tr("Nothing was requeued."));
                return;
            }
            m_service->request(Control::Method::SpoolRequeue, namesIn(SpoolFolder::Failed, names),
                this, [this](const Result<QCborMap> &done) { onChanged(Action::Requeue, done); });
        });
}

QString SpoolTab::exportName(const QString &name) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->name(row) != name)
            continue;
        const MessageSummary *m = m_model->summary(row);
        return m ? exportFileName(m->subject.isEmpty() ? name : m->subject,
                   m->date.isValid() ? m->date : m->arrived)
                 : Spool::emlName(name);
    }
    return Spool::emlName(name);
}

void SpoolTab::exportMessages(const QStringList &names, const QString &target)
{
    const bool one = names.size() == 1;
    auto left = std::make_shared<int>(int(names.size()));
    auto errors = std::make_shared<QStringList>();
    QStringList used;
    for (const QString &name : names) {
        // Two messages of one subject and minute get two files.
        QString fileName = exportName(name);
        for (int n = 2; used.contains(fileName); ++n)
            fileName = exportName(name).chopped(4) + QStringLiteral(" (%1).eml").arg(n);
        used.append(fileName);
        QCborMap params;
        params.insert(QStringLiteral("folder"), Control::folderKey(m_model->folder()));
        params.insert(QStringLiteral("name"), name);
        const QString file = one ? target : QDir(target).filePath(fileName);
        m_service->request(Control::Method::SpoolExport, params, this,
            [this, file, left, errors, count = int(names.size())](const Result<QCborMap> &reply) {
                // The service reads the message; the manager writes it where its user may.
                // Private (0600), like the spool it came from: it is somebody's mail.
                const Status written = reply ? DurableFs::writeAtomically(file,
                                           reply->value(QStringLiteral("bytes")).toByteArray())
                                             : Status(reply.error());
                if (!written)
                    errors->append(written.error().message);
                if (--*left > 0)
                    return;
                if (!errors->isEmpty()) {
                    m_status->setText(errors->join(u'\n'));
                    m_prompter->warn(this, tr("Spool"), errors->join(u'\n'));
                    return;
                }
                m_status->setText(tr("%n message(s) exported.", nullptr, count));
            });
    }
}

void SpoolTab::onChanged(Action action, const Result<QCborMap> &reply)
{
    QStringList errors;
    int done = 0;
    if (!reply) {
        errors.append(reply.error().message);
    } else {
        for (const QCborValue &v : reply->value(QStringLiteral("results")).toArray()) {
            const QCborMap r = v.toMap();
            if (r.value(QStringLiteral("ok")).toBool())
                ++done;
            else
                errors.append(r.value(QStringLiteral("name")).toString() + QStringLiteral(": ")
                    + Control::errorOf(r).translated());
        }
    }
    m_model->relist();
    if (!errors.isEmpty()) {
        m_status->setText(errors.join(u'\n'));
        m_prompter->warn(this, tr("Spool"), errors.join(u'\n'));
        return;
    }
    switch (action) {
    case Action::Requeue:
        m_status->setText(
            tr("%n message(s) requeued; they are delivered on the next cycle.", nullptr, done));
        break;
    case Action::Export:
        break;
    case Action::Delete:
        m_status->setText(tr("%n message(s) deleted.", nullptr, done));
        break;
    case Action::SendToUndeliverable:
        m_status->setText(
            tr("%n message(s) attached to new messages for the undeliverable-mail mailbox.",
                nullptr, done));
        break;
    }
}

} // namespace Pop3Connector
