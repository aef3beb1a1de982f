#include "firstrunwizard.h"

#include "connectiontestdialog.h"
#include "deliveryform.h"
#include "deliverytestpanel.h"
#include "mailboxdialog.h"
#include "mailboxsignin.h"
#include "prompter.h"
#include "servicecontroller.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Pop3Connector {

// A page whose completeness and leaving the assistant decides.
class FirstRunWizard::StepPage : public QWizardPage
{
public:
    std::function<bool()> complete;
    std::function<bool()> leave;

    bool isComplete() const override { return complete ? complete() : true; }
    bool validatePage() override { return leave ? leave() : true; }
    void recheck() { Q_EMIT completeChanged(); }
};

FirstRunWizard::FirstRunWizard(ServiceController *service, Prompter *prompter, QWidget *parent)
    : QWizard(parent)
    , m_service(service)
    , m_prompter(prompter)
    , m_configuration(service->configuration())
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    const Configuration &c = m_configuration;

    // Where mail goes.
    m_deliveryPage = new StepPage;
    m_deliveryPage->setObjectName(QStringLiteral("firstRunDeliveryPage"));
    m_form = new DeliveryForm(c, prompter);
    m_test = new DeliveryTestPanel(service, [this] { return m_form->testParameters(); });
    m_skipTest = new QCheckBox;
    m_skipTest->setObjectName(QStringLiteral("skipDeliveryTestCheck"));
    auto *delivery = new QVBoxLayout(m_deliveryPage);
    delivery->addWidget(m_form);
    delivery->addWidget(m_test, 1);
    delivery->addWidget(m_skipTest);
    connect(m_form, &DeliveryForm::changed, m_test, &DeliveryTestPanel::invalidate);
    connect(m_form, &DeliveryForm::changed, this, [this] {
        const bool server = m_form->transport() != Transport::Pickup;
        m_test->setVisible(server);
        m_skipTest->setVisible(server);
        m_deliveryPage->recheck();
    });
    connect(m_test, &DeliveryTestPanel::stateChanged, this, [this] { m_deliveryPage->recheck(); });
    connect(m_skipTest, &QCheckBox::toggled, this, [this] { m_deliveryPage->recheck(); });
    m_deliveryPage->complete = [this] { return isDeliveryCleared(); };
    m_deliveryPage->leave = [this] {
        if (const QString problem = m_form->problem(); !problem.isEmpty()) {
            m_prompter->warn(this, windowTitle(), problem);
            return false;
        }
        m_configuration = m_form->applyTo(m_configuration);
        // Off until the last page: nothing is retrieved while delivery is being set up.
        m_configuration.connector.scheduleEnabled = false;
        return saveThenContinue(
            m_configuration, DeliverySettings::keychainKey(), m_form->password());
    };
    m_test->setVisible(m_form->transport() != Transport::Pickup);
    m_skipTest->setVisible(m_form->transport() != Transport::Pickup);

    // The undeliverable-mail mailbox.
    m_undeliverablePage = new StepPage;
    m_undeliverablePage->setObjectName(QStringLiteral("firstRunUndeliverablePage"));
    m_undeliverable = new UndeliverableField(c.connector.undeliverableMailbox);
    auto *undeliverable = new QFormLayout(m_undeliverablePage);
    undeliverable->addRow(m_undeliverableLabel = new QLabel, m_undeliverable);
    m_undeliverableLabel->setBuddy(m_undeliverable->edit());
    m_undeliverablePage->leave = [this] {
        if (const QString problem = m_undeliverable->problem(); !problem.isEmpty()) {
            m_prompter->warn(this, windowTitle(), problem);
            return false;
        }
        m_configuration.connector.undeliverableMailbox = m_undeliverable->address();
        return saveThenContinue(m_configuration, {}, {});
    };

    // The first mailbox.
    m_mailboxPage = new StepPage;
    m_mailboxPage->setObjectName(QStringLiteral("firstRunMailboxPage"));
    m_mailboxes = new QLabel;
    m_mailboxes->setObjectName(QStringLiteral("firstRunMailboxesLabel"));
    m_mailboxes->setWordWrap(true);
    m_addMailbox = new QPushButton;
    m_addMailbox->setObjectName(QStringLiteral("firstRunAddMailboxButton"));
    m_testMailbox = new QPushButton;
    m_testMailbox->setObjectName(QStringLiteral("firstRunTestConnectionButton"));
    m_signIn = new QPushButton;
    m_signIn->setObjectName(QStringLiteral("firstRunSignInButton"));
    m_signInStatus = new QLabel;
    m_signInStatus->setObjectName(QStringLiteral("firstRunSignInStatus"));
    m_signInStatus->setWordWrap(true);
    m_signInStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_signInFlow = new MailboxSignIn(service, this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addMailbox);
    buttons->addWidget(m_testMailbox);
    buttons->addWidget(m_signIn);
    buttons->addStretch();
    auto *mailbox = new QVBoxLayout(m_mailboxPage);
    mailbox->addWidget(m_mailboxes);
    mailbox->addLayout(buttons);
    mailbox->addWidget(m_signInStatus);
    mailbox->addStretch();
    connect(m_addMailbox, &QPushButton::clicked, this, &FirstRunWizard::addMailbox);
    connect(m_testMailbox, &QPushButton::clicked, this, &FirstRunWizard::testMailbox);
    connect(m_signIn, &QPushButton::clicked, this, &FirstRunWizard::signIn);
    connect(m_signInFlow, &MailboxSignIn::said, m_signInStatus, &QLabel::setText);
    connect(m_signInFlow, &MailboxSignIn::finished, this, &FirstRunWizard::updateMailboxes);

    // The schedule.
    m_schedulePage = new StepPage;
    m_schedulePage->setObjectName(QStringLiteral("firstRunSchedulePage"));
    m_interval = new QSpinBox;
    m_interval->setObjectName(QStringLiteral("firstRunIntervalSpin"));
    m_interval->setRange(1, 7 * 24 * 60);
    m_interval->setValue(c.connector.intervalMinutes);
    m_interval->setMaximumWidth(120);
    m_scheduleEnabled = new QCheckBox;
    m_scheduleEnabled->setObjectName(QStringLiteral("firstRunScheduleCheck"));
    m_scheduleEnabled->setChecked(true);
    m_scheduleNote = new QLabel;
    m_scheduleNote->setObjectName(QStringLiteral("firstRunScheduleNote"));
    m_scheduleNote->setWordWrap(true);
    auto *schedule = new QFormLayout(m_schedulePage);
    schedule->addRow(m_intervalLabel = new QLabel, m_interval);
    schedule->addRow(m_scheduleEnabled);
    schedule->addRow(m_scheduleNote);
    m_intervalLabel->setBuddy(m_interval);
    m_schedulePage->leave = [this] {
        m_configuration.connector.intervalMinutes = m_interval->value();
        m_configuration.connector.scheduleEnabled =
            m_scheduleEnabled->isChecked() && isDeliveryCleared();
        return saveThenContinue(m_configuration, {}, {});
    };

    // Fits a screen of 800x600 with the window's frame, in either language.
    resize(760, 560);
    setPage(DeliveryPage, m_deliveryPage);
    setPage(UndeliverablePage, m_undeliverablePage);
    setPage(MailboxPage, m_mailboxPage);
    setPage(SchedulePage, m_schedulePage);
    connect(this, &QWizard::currentIdChanged, this, &FirstRunWizard::updateMailboxes);
    updateMailboxes();
    retranslate();
}

bool FirstRunWizard::isWanted(const Configuration &c)
{
    const DeliverySettings defaults;
    return c.mailboxes.isEmpty() && c.connector.undeliverableMailbox.isEmpty()
        && c.delivery.transport == defaults.transport && c.delivery.host == defaults.host
        && c.delivery.port == defaults.port && c.delivery.user.isEmpty();
}

bool FirstRunWizard::isDeliveryCleared() const
{
    return m_form->transport() == Transport::Pickup
        || m_test->state() == DeliveryTestPanel::State::Passed || m_skipTest->isChecked();
}

void FirstRunWizard::retranslate()
{
    setWindowTitle(tr("First-run assistant"));
    m_deliveryPage->setTitle(tr("Where mail goes"));
    m_deliveryPage->setSubTitle(
        tr("The office mail server that receives the mail, or a PickUp folder another mail "
           "server reads."));
    m_skipTest->setText(tr("&Skip the test; I will check delivery myself"));
    m_undeliverablePage->setTitle(tr("Undeliverable mail"));
    m_undeliverablePage->setSubTitle(
        tr("A local mailbox that receives mail no rule can route, so that nothing waits "
           "unseen."));
    m_undeliverableLabel->setText(tr("&Undeliverable mail to:"));
    m_mailboxPage->setTitle(tr("The first mailbox"));
    m_mailboxPage->setSubTitle(tr("A POP3 mailbox at the provider; nothing is retrieved yet."));
    m_testMailbox->setToolTip(tr("The service logs in and lists the messages; it retrieves "
                                 "nothing."));
    m_addMailbox->setText(tr("&Add mailbox..."));
    m_testMailbox->setText(tr("&Test connection"));
    m_signIn->setText(tr("S&ign in..."));
    m_signIn->setToolTip(tr("Sign in to the provider in the browser, for a mailbox that logs in "
                            "with OAuth 2.0; again when the provider asks for it."));
    m_schedulePage->setTitle(tr("Schedule"));
    m_schedulePage->setSubTitle(tr("When the connector retrieves mail."));
    m_intervalLabel->setText(tr("Retrieve mail &every (minutes):"));
    m_scheduleEnabled->setText(tr("&Retrieve on this schedule"));
    updateMailboxes();
}

void FirstRunWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

bool FirstRunWizard::saveThenContinue(
    const Configuration &configuration, const QString &passwordKey, const QByteArray &password)
{
    if (m_saved) {
        m_saved = false;
        return true;
    }
    if (m_saving)
        return false;
    m_saving = true;
    const auto proceed = [this] {
        m_saving = false;
        m_saved = true;
        button(currentId() == SchedulePage ? FinishButton : NextButton)->click();
    };
    m_service->save(configuration, this, [=, this](const QString &error) {
        if (!error.isEmpty()) {
            m_saving = false;
            m_prompter->warn(this, windowTitle(),
                tr("The service did not take the configuration:\n%1").arg(error));
            return;
        }
        if (passwordKey.isEmpty() || password.isEmpty())
            return proceed();
        m_service->setPassword(passwordKey, password, this, [=, this](const QString &e) {
            if (!e.isEmpty()) {
                m_saving = false;
                m_prompter->warn(this, windowTitle(),
                    tr("The settings were saved, but the service could not store the "
                       "password: %1")
                        .arg(e));
                return;
            }
            proceed();
        });
    });
    return false;
}

void FirstRunWizard::addMailbox()
{
    QStringList names;
    for (const MailboxSettings &m : m_configuration.mailboxes)
        names.append(m.name);
    MailboxDialog dialog(MailboxSettings {}, names, m_service, m_prompter, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const MailboxSettings mailbox = dialog.mailbox();
    const QByteArray password = dialog.password();
    Configuration c = m_configuration;
    c.mailboxes.append(mailbox);
    // Still off: the schedule page turns it on.
    c.connector.scheduleEnabled = false;
    m_service->save(c, this, [this, c, mailbox, password](const QString &error) {
        if (!error.isEmpty()) {
            m_prompter->warn(this, windowTitle(),
                tr("The service did not take the configuration:\n%1").arg(error));
            return;
        }
        m_configuration = c;
        m_lastMailbox = mailbox.name;
        updateMailboxes();
        if (mailbox.usesOAuth()) {
            signIn(); // what a password would be for another mailbox
            return;
        }
        if (password.isEmpty() || !mailbox.passwordFile.isEmpty())
            return;
        m_service->setPassword(mailbox.name, password, this, [this](const QString &e) {
            if (!e.isEmpty())
                m_prompter->warn(this, windowTitle(),
                    tr("The mailbox was saved, but the service could not store its password: %1")
                        .arg(e));
        });
    });
}

QString FirstRunWizard::lastMailbox() const
{
    const QList<MailboxSettings> &boxes = m_configuration.mailboxes;
    return m_lastMailbox.isEmpty() && !boxes.isEmpty() ? boxes.last().name : m_lastMailbox;
}

void FirstRunWizard::signIn()
{
    m_signInFlow->start(lastMailbox());
    updateMailboxes();
}

void FirstRunWizard::testMailbox()
{
    const QString name = lastMailbox();
    if (name.isEmpty())
        return;
    auto *dialog = new ConnectionTestDialog(m_service, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    dialog->start();
}

void FirstRunWizard::updateMailboxes()
{
    QStringList names;
    for (const MailboxSettings &m : m_configuration.mailboxes)
        names.append(QStringLiteral("%1 (%2@%3)").arg(m.name, m.user, m.host));
    m_mailboxes->setText(names.isEmpty()
            ? tr("No mailbox yet. Add the first one; more can be added later in the Mailboxes tab.")
            : tr("Mailboxes: %1").arg(names.join(QStringLiteral(", "))));
    m_testMailbox->setEnabled(!names.isEmpty());
    const MailboxSettings *last = m_configuration.mailbox(lastMailbox());
    m_signIn->setVisible(last && last->usesOAuth());
    m_signIn->setEnabled(last && last->usesOAuth() && !m_signInFlow->isRunning());
    if (isDeliveryCleared()) {
        if (!m_scheduleEnabled->isEnabled())
            m_scheduleEnabled->setChecked(true); // offered, now that delivery works
        m_scheduleEnabled->setEnabled(true);
        m_scheduleNote->setText(m_test->state() == DeliveryTestPanel::State::Passed
                    || m_form->transport() == Transport::Pickup
                ? tr("Delivery was tested. Mail is retrieved from now on; Retrieve now in the "
                     "Service menu retrieves at once.")
                : tr("The delivery test was skipped: check the first messages arrive."));
    } else {
        m_scheduleEnabled->setChecked(false);
        m_scheduleEnabled->setEnabled(false);
        m_scheduleNote->setText(tr("The schedule stays off until delivery has been tested."));
    }
}

} // namespace Pop3Connector
