#include "deliverydialog.h"

#include "deliveryform.h"
#include "deliverytestpanel.h"
#include "prompter.h"
#include "servicecontroller.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Pop3Connector {

DeliveryDialog::DeliveryDialog(ServiceController *service, Prompter *prompter, QWidget *parent)
    : QDialog(parent)
    , m_configuration(service->configuration())
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("deliveryDialog"));
    m_form = new DeliveryForm(m_configuration, prompter);
    m_undeliverable = new UndeliverableField(m_configuration.connector.undeliverableMailbox);
    m_test = new DeliveryTestPanel(service, [this] { return m_form->testParameters(); });
    auto *undeliverable = new QFormLayout;
    undeliverable->addRow(m_undeliverableLabel = new QLabel, m_undeliverable);
    m_undeliverableLabel->setBuddy(m_undeliverable->edit());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addLayout(undeliverable);
    layout->addWidget(m_test, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &DeliveryDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_form, &DeliveryForm::changed, m_test, &DeliveryTestPanel::invalidate);
    connect(m_form, &DeliveryForm::changed, this,
        [this] { m_test->setVisible(m_form->transport() != Transport::Pickup); });
    connect(m_undeliverable, &UndeliverableField::changed, this, &DeliveryDialog::updateRecipients);
    m_test->setVisible(m_form->transport() != Transport::Pickup);
    updateRecipients();
    retranslate();
    // Room for the test's findings and transcript below the form, within a screen of 800x600.
    resize(sizeHint().expandedTo(QSize(640, 560)).boundedTo(QSize(780, 560)));
}

// The addresses delivery will use: each mailbox's local mailbox and the undeliverable one.
void DeliveryDialog::updateRecipients()
{
    QStringList addresses;
    for (const MailboxSettings &m : m_configuration.mailboxes) {
        if (m.enabled && m.type == MailboxType::User && !m.localMailbox.isEmpty())
            addresses.append(m.localMailbox);
    }
    if (!m_undeliverable->address().isEmpty())
        addresses.append(m_undeliverable->address());
    addresses.removeDuplicates();
    m_test->setRecipients(addresses);
}

void DeliveryDialog::retranslate()
{
    setWindowTitle(tr("Delivery and spool"));
    m_undeliverableLabel->setText(tr("&Undeliverable mail to:"));
}

void DeliveryDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

Configuration DeliveryDialog::configuration() const
{
    Configuration c = m_form->applyTo(m_configuration);
    c.connector.undeliverableMailbox = m_undeliverable->address();
    return c;
}

QByteArray DeliveryDialog::password() const
{
    return m_form->password();
}

void DeliveryDialog::accept()
{
    if (const QString problem = m_form->problem(); !problem.isEmpty()) {
        m_prompter->warn(this, windowTitle(), problem);
        return;
    }
    if (const QString problem = m_undeliverable->problem(); !problem.isEmpty()) {
        m_prompter->warn(
            this, windowTitle(), tr("The undeliverable-mail mailbox: %1").arg(problem));
        return;
    }
    QDialog::accept();
}

} // namespace Pop3Connector
