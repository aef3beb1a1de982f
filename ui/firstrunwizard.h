#pragma once

#include "config/configuration.h"

#include <QWizard>

#include <functional>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace Pop3Connector {

class DeliveryForm;
class DeliveryTestPanel;
class MailboxSignIn;
class Prompter;
class ServiceController;
class UndeliverableField;

// The first-run assistant: where mail goes (a delivery server with Test delivery, or the PickUp
// folder), the undeliverable-mail mailbox, the first mailbox (the mailbox dialog and its
// connection test), then the schedule. Each page is written to the service as it is left, as
// the tabs write (setConfiguration, setPassword).
//
// Nothing is downloaded before delivery works: the first page turns the schedule off and cannot
// be left until Test delivery passed, delivery is the PickUp folder, or the administrator ticked
// that the test is skipped; the schedule is turned on only on the last page.
class FirstRunWizard : public QWizard
{
    Q_OBJECT
public:
    enum Page { DeliveryPage, UndeliverablePage, MailboxPage, SchedulePage };

    FirstRunWizard(ServiceController *service, Prompter *prompter, QWidget *parent = nullptr);

    // Whether a configuration is one nobody has set up yet: no mailbox, no undeliverable-mail
    // mailbox, and delivery as the defaults have it (the local SMTP server, no login).
    static bool isWanted(const Configuration &configuration);

    DeliveryTestPanel *deliveryTest() const { return m_test; }
    // Test delivery passed, delivery is the PickUp folder, or the test was skipped.
    bool isDeliveryCleared() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    class StepPage;

    void retranslate();
    // Sends `configuration` (and a password) to the service, then moves on; false meanwhile,
    // so that the page is left only once the service took it.
    bool saveThenContinue(
        const Configuration &configuration, const QString &passwordKey, const QByteArray &password);
    void addMailbox();
    void testMailbox();
    // The browser sign-in of the mailbox added last, when it logs in with OAuth 2.0.
    void signIn();
    QString lastMailbox() const;
    void updateMailboxes();

    ServiceController *m_service;
    Prompter *m_prompter;
    // What the assistant has written so far: the service's copy is refreshed after each save,
    // and a page must not write over the previous one with an older one.
    Configuration m_configuration;
    bool m_saving = false;
    bool m_saved = false;
    StepPage *m_deliveryPage;
    StepPage *m_undeliverablePage;
    StepPage *m_mailboxPage;
    StepPage *m_schedulePage;
    DeliveryForm *m_form;
    DeliveryTestPanel *m_test;
    QCheckBox *m_skipTest;
    QLabel *m_undeliverableLabel;
    UndeliverableField *m_undeliverable;
    QLabel *m_mailboxes;
    QPushButton *m_addMailbox;
    QPushButton *m_testMailbox;
    QPushButton *m_signIn;
    QLabel *m_signInStatus;
    MailboxSignIn *m_signInFlow;
    QString m_lastMailbox;
    QLabel *m_intervalLabel;
    QSpinBox *m_interval;
    QCheckBox *m_scheduleEnabled;
    QLabel *m_scheduleNote;
};

} // namespace Pop3Connector
