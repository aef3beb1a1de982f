#include "mailboxestab.h"

#include "connectiontestdialog.h"
#include "deliverydialog.h"
#include "language.h"
#include "mailboxdialog.h"
#include "mailboxsignin.h"
#include "prompter.h"
#include "servicecontroller.h"
#include "spool/spool.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Pop3Connector {

MailboxesTab::MailboxesTab(ServiceController *service, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("mailboxesTab"));
    m_table = new QTableWidget(0, 7);
    m_table->setObjectName(QStringLiteral("mailboxTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setTabKeyNavigation(false); // Tab goes on to the buttons
    m_add = new QPushButton;
    m_add->setObjectName(QStringLiteral("addMailboxButton"));
    m_edit = new QPushButton;
    m_edit->setObjectName(QStringLiteral("editMailboxButton"));
    m_remove = new QPushButton;
    m_remove->setObjectName(QStringLiteral("removeMailboxButton"));
    m_test = new QPushButton;
    m_test->setObjectName(QStringLiteral("testMailboxButton"));
    m_signIn = new QPushButton;
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signInStatus = new QLabel;
    m_signInStatus->setObjectName(QStringLiteral("signInStatus"));
    m_signInStatus->setWordWrap(true);
    m_signInFlow = new MailboxSignIn(service, this);
    connect(m_signInFlow, &MailboxSignIn::said, m_signInStatus, &QLabel::setText);
    connect(m_signInFlow, &MailboxSignIn::finished, this, &MailboxesTab::updateButtons);
    m_hint = new QLabel;
    m_hint->setWordWrap(true);
    m_delivery = new QLabel;
    m_delivery->setObjectName(QStringLiteral("deliveryLabel"));
    m_delivery->setWordWrap(true);
    m_deliveryButton = new QPushButton;
    m_deliveryButton->setObjectName(QStringLiteral("deliveryButton"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_edit, m_remove, m_test, m_signIn})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    layout->addWidget(m_signInStatus);
    layout->addWidget(m_hint);
    auto *delivery = new QHBoxLayout;
    delivery->addWidget(m_delivery, 1);
    delivery->addWidget(m_deliveryButton);
    layout->addLayout(delivery);

    connect(m_add, &QPushButton::clicked, this, &MailboxesTab::addMailbox);
    connect(m_edit, &QPushButton::clicked, this, [this] { editMailbox(selectedName()); });
    connect(
        m_table, &QTableWidget::cellDoubleClicked, this, [this] { editMailbox(selectedName()); });
    connect(m_remove, &QPushButton::clicked, this, &MailboxesTab::removeMailbox);
    connect(m_test, &QPushButton::clicked, this, &MailboxesTab::testMailbox);
    connect(m_signIn, &QPushButton::clicked, this, [this] { signIn(selectedName()); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &MailboxesTab::updateButtons);
    connect(m_deliveryButton, &QPushButton::clicked, this, &MailboxesTab::editDelivery);
    connect(m_service, &ServiceController::configurationChanged, this, &MailboxesTab::refresh);
    connect(m_service, &ServiceController::statusChanged, this, &MailboxesTab::refresh);
    connect(m_service, &ServiceController::serviceStateChanged, this, &MailboxesTab::retranslate);
    retranslate();
}

void MailboxesTab::retranslate()
{
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Server"), tr("User"), tr("Type"),
        tr("Delivered to"), tr("Last retrieval"), tr("Status")});
    m_table->setAccessibleName(tr("POP3 mailboxes"));
    m_table->setAccessibleDescription(
        tr("The mailboxes the connector retrieves, with where their mail goes and how the last "
           "retrieval went."));
    m_add->setText(tr("&Add..."));
    m_edit->setText(tr("&Edit..."));
    m_remove->setText(tr("&Remove"));
    m_test->setText(tr("Test co&nnection"));
    m_signIn->setText(tr("S&ign in..."));
    m_signIn->setToolTip(tr("Sign in to the provider in the browser, for a mailbox that logs in "
                            "with OAuth 2.0; again when the provider asks for it."));
    m_deliveryButton->setText(tr("&Delivery..."));
    refresh();
}

void MailboxesTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString MailboxesTab::selectedName() const
{
    const int row = m_table->currentRow();
    return row >= 0 && m_table->item(row, 0) ? m_table->item(row, 0)->text() : QString();
}

void MailboxesTab::refresh()
{
    // Where the service keeps them, Run diagnostics says (in the service's words).
    m_hint->setText(tr("Passwords go to the service, never into the configuration file."));
    const Configuration &c = m_service->configuration();
    const QString server = QStringLiteral("%1:%2").arg(c.delivery.host).arg(c.delivery.port);
    m_delivery->setText(c.delivery.transport == Transport::Pickup
            ? tr("Mail is left in the PickUp folder (%1) for another mail server to take.")
                  .arg(Spool(c.connector.spool).folderPath(SpoolFolder::PickUp))
            : tr("Mail is delivered by %1 to %2.")
                  .arg(c.delivery.transport == Transport::Lmtp ? QStringLiteral("LMTP")
                                                               : QStringLiteral("SMTP"),
                      server));
    const QString selected = selectedName();
    const QList<MailboxSettings> &boxes = m_service->configuration().mailboxes;
    m_table->setRowCount(int(boxes.size()));
    for (int row = 0; row < boxes.size(); ++row) {
        const MailboxSettings &m = boxes[row];
        QString target = m.type == MailboxType::User
            ? m.localMailbox
            : tr("%n rule(s) for %1", nullptr, int(m.rules.size()))
                  .arg(m.acceptedDomains.join(QStringLiteral(", ")));
        QString status = m.enabled ? tr("Enabled") : tr("Disabled");
        QString last;
        if (m_service->lastResults().contains(m.name)) {
            const RetrievalReport &r = m_service->lastResults()[m.name];
            const QDateTime when = m_service->lastResultTime(m.name);
            last = when.isValid() ? Language::dateTime(when) : QString();
            status = r.outcome == RetrievalReport::Outcome::Succeeded
                ? tr("OK: %n new", nullptr, r.stored)
                : r.outcome == RetrievalReport::Outcome::Cancelled ? tr("Cancelled")
                                                                   : describe(r.failureId).title;
        }
        const QStringList cells = {m.name, QStringLiteral("%1:%2").arg(m.host).arg(m.port), m.user,
            m.type == MailboxType::User ? tr("User") : tr("Global"), target, last, status};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
        if (m.name == selected)
            m_table->selectRow(row);
    }
    m_table->resizeColumnsToContents();
    updateButtons();
}

void MailboxesTab::updateButtons()
{
    const bool running = m_service->isRunning();
    const MailboxSettings *m = m_service->configuration().mailbox(selectedName());
    const bool selected = m && !m_table->selectedItems().isEmpty();
    for (QPushButton *b : {m_add, m_deliveryButton})
        b->setEnabled(running);
    for (QPushButton *b : {m_edit, m_remove, m_test})
        b->setEnabled(running && selected);
    m_signIn->setEnabled(running && selected && m->usesOAuth() && !m_signInFlow->isRunning());
}

void MailboxesTab::signIn(const QString &name)
{
    m_signInFlow->start(name);
    updateButtons();
}

void MailboxesTab::addMailbox()
{
    QStringList names;
    for (const MailboxSettings &m : m_service->configuration().mailboxes)
        names.append(m.name);
    MailboxDialog dialog(MailboxSettings {}, names, m_service, m_prompter, this);
    if (dialog.exec() == QDialog::Accepted)
        storeAndSave(dialog.mailbox(), dialog.password(), true);
}

void MailboxesTab::editMailbox(const QString &name)
{
    const MailboxSettings *m = m_service->configuration().mailbox(name);
    if (!m)
        return;
    MailboxDialog dialog(*m, {}, m_service, m_prompter, this);
    if (dialog.exec() == QDialog::Accepted)
        storeAndSave(dialog.mailbox(), dialog.password(), false);
}

void MailboxesTab::storeAndSave(
    const MailboxSettings &mailbox, const QByteArray &password, bool isNew)
{
    Configuration c = m_service->configuration();
    if (isNew) {
        c.mailboxes.append(mailbox);
    } else {
        for (MailboxSettings &m : c.mailboxes) {
            if (m.name == mailbox.name)
                m = mailbox;
        }
    }
    // The mailbox first: the service stores a password only for a mailbox it knows.
    m_service->save(c, this, [this, mailbox, password, isNew](const QString &error) {
        if (!error.isEmpty()) {
            m_prompter->warn(this, tr("Mailboxes"),
                tr("The service did not take the configuration:\n%1").arg(error));
            return;
        }
        if (isNew && mailbox.usesOAuth()) {
            signIn(mailbox.name); // what a password would be for another mailbox
            return;
        }
        if (password.isEmpty() || !mailbox.passwordFile.isEmpty())
            return;
        m_service->setPassword(mailbox.name, password, this, [this, mailbox](const QString &e) {
            if (e.isEmpty())
                return;
            m_prompter->warn(this, tr("Mailboxes"),
                tr("The mailbox was saved, but the service could not store its password: %1\n\n"
                   "It cannot be retrieved until a password is stored; open the mailbox again "
                   "and enter it, or set password_file for mailbox %2.")
                    .arg(e, mailbox.name));
        });
    });
}

void MailboxesTab::editDelivery()
{
    DeliveryDialog dialog(m_service, m_prompter, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QByteArray password = dialog.password();
    m_service->save(dialog.configuration(), this, [this, password](const QString &error) {
        if (!error.isEmpty()) {
            m_prompter->warn(this, tr("Delivery"),
                tr("The service did not take the configuration:\n%1").arg(error));
            return;
        }
        if (password.isEmpty())
            return;
        m_service->setPassword(
            DeliverySettings::keychainKey(), password, this, [this](const QString &e) {
                if (!e.isEmpty())
                    m_prompter->warn(this, tr("Delivery"),
                        tr("The service could not store the delivery password: %1").arg(e));
            });
    });
}

void MailboxesTab::removeMailbox()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    if (!m_prompter->confirm(this, tr("Remove mailbox"),
            tr("Remove mailbox %1? Mail already retrieved stays in the spool; mail "
               "on the server is no longer retrieved.")
                .arg(name)))
        return;
    Configuration c = m_service->configuration();
    const MailboxSettings *m = c.mailbox(name);
    const bool storedPassword = m && m->passwordFile.isEmpty();
    c.mailboxes.removeIf([&name](const MailboxSettings &x) { return x.name == name; });
    const auto save = [this, c] {
        m_service->save(c, this, [this](const QString &error) {
            if (!error.isEmpty())
                m_prompter->warn(this, tr("Mailboxes"),
                    tr("The service did not take the configuration:\n%1").arg(error));
        });
    };
    // The password goes first, while the service still knows the mailbox; a password it had not
    // is no reason to keep the mailbox.
    if (storedPassword)
        m_service->clearPassword(name, this, [save](const QString &) { save(); });
    else
        save();
}

void MailboxesTab::testMailbox()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    auto *dialog = new ConnectionTestDialog(m_service, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    dialog->start();
}

} // namespace Pop3Connector
