#pragma once

#include "config/configuration.h"
#include "events/reports.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Pop3Connector {

class MailboxSignIn;
class Prompter;
class ServiceController;

// The Mailboxes tab: the POP3 mailboxes in a table (name, server, user, type, where mail goes,
// last retrieval, status), added, edited and removed through dialogs, tested by the service.
// Passwords typed in the dialogs go to the service, never to a keychain of the manager's user.
class MailboxesTab : public QWidget
{
    Q_OBJECT
public:
    MailboxesTab(ServiceController *service, Prompter *prompter, QWidget *parent = nullptr);

    // Opens the dialog for a new mailbox (or `name`); returns once it is closed.
    void addMailbox();
    void editMailbox(const QString &name);
    void editDelivery();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();
    void removeMailbox();
    void testMailbox();
    // The browser sign-in of an OAuth 2.0 mailbox; the service keeps what it gives.
    void signIn(const QString &name);
    void updateButtons();
    void storeAndSave(const MailboxSettings &mailbox, const QByteArray &password, bool isNew);
    QString selectedName() const;

    ServiceController *m_service;
    Prompter *m_prompter;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_test;
    QPushButton *m_signIn;
    QLabel *m_signInStatus;
    MailboxSignIn *m_signInFlow;
    QLabel *m_hint;
    QLabel *m_delivery;
    QPushButton *m_deliveryButton;
};

} // namespace Pop3Connector
