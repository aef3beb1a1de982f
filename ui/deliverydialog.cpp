#include "deliverydialog.h"

#include "prompter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Pop3Connector {

namespace {
const QList<Transport> kTransports = {Transport::Smtp, Transport::Lmtp, Transport::Pickup};
const QList<DeliverySecurity> kSecurity = {
    DeliverySecurity::None, DeliverySecurity::StartTls, DeliverySecurity::Tls};
} // namespace

DeliveryDialog::DeliveryDialog(
    const Configuration &configuration, Prompter *prompter, QWidget *parent)
    : QDialog(parent)
    , m_configuration(configuration)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("deliveryDialog"));
    const DeliverySettings &d = configuration.delivery;
    m_spool = new QLineEdit(configuration.connector.spool);
    m_spool->setObjectName(QStringLiteral("spoolEdit"));
    m_transport = new QComboBox;
    m_transport->setObjectName(QStringLiteral("transportCombo"));
    m_transport->addItems({QString(), QString(), QString()});
    m_transport->setCurrentIndex(int(kTransports.indexOf(d.transport)));
    m_host = new QLineEdit(d.host);
    m_host->setObjectName(QStringLiteral("deliveryHostEdit"));
    m_port = new QSpinBox;
    m_port->setObjectName(QStringLiteral("deliveryPortSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(d.port);
    m_security = new QComboBox;
    m_security->setObjectName(QStringLiteral("deliverySecurityCombo"));
    m_security->addItems({QString(), QString(), QString()});
    m_security->setCurrentIndex(int(kSecurity.indexOf(d.security)));
    m_connections = new QSpinBox;
    m_connections->setObjectName(QStringLiteral("connectionsSpin"));
    m_connections->setRange(1, 16);
    m_connections->setValue(d.connections);
    m_user = new QLineEdit(d.user);
    m_user->setObjectName(QStringLiteral("deliveryUserEdit"));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("deliveryPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->addRow(m_spoolLabel = new QLabel, m_spool);
    form->addRow(m_transportLabel = new QLabel, m_transport);
    form->addRow(m_hostLabel = new QLabel, m_host);
    form->addRow(m_portLabel = new QLabel, m_port);
    form->addRow(m_securityLabel = new QLabel, m_security);
    form->addRow(m_connectionsLabel = new QLabel, m_connections);
    form->addRow(m_userLabel = new QLabel, m_user);
    form->addRow(m_passwordLabel = new QLabel, m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &DeliveryDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_transport, &QComboBox::currentIndexChanged, this, [this] {
        // Follow the transport with the usual port unless a port of one's own was chosen.
        if (m_port->value() == 25 || m_port->value() == 24)
            m_port->setValue(
                kTransports.value(m_transport->currentIndex()) == Transport::Lmtp ? 24 : 25);
        updateEnabled();
    });
    updateEnabled();
    retranslate();
}

void DeliveryDialog::retranslate()
{
    setWindowTitle(tr("Delivery and spool"));
    m_spoolLabel->setText(tr("Spool folder:"));
    m_transportLabel->setText(tr("Deliver by:"));
    m_transport->setItemText(0, tr("SMTP to the office mail server"));
    m_transport->setItemText(1, tr("LMTP to the office mail server"));
    m_transport->setItemText(2, tr("PickUp folder only (another MTA reads it)"));
    m_hostLabel->setText(tr("Server:"));
    m_portLabel->setText(tr("Port:"));
    m_securityLabel->setText(tr("Security:"));
    m_security->setItemText(0, tr("None"));
    m_security->setItemText(1, tr("STARTTLS"));
    m_security->setItemText(2, tr("TLS"));
    m_connectionsLabel->setText(tr("Connections at once:"));
    m_userLabel->setText(tr("Login (only if the server asks):"));
    m_passwordLabel->setText(tr("Password:"));
    m_password->setPlaceholderText(tr("leave empty to keep the stored password"));
}

void DeliveryDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void DeliveryDialog::updateEnabled()
{
    const bool server = kTransports.value(m_transport->currentIndex()) != Transport::Pickup;
    for (QWidget *w : {static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port),
             static_cast<QWidget *>(m_security), static_cast<QWidget *>(m_connections),
             static_cast<QWidget *>(m_user), static_cast<QWidget *>(m_password)})
        w->setEnabled(server);
}

Configuration DeliveryDialog::configuration() const
{
    Configuration c = m_configuration;
    c.connector.spool = m_spool->text().trimmed();
    c.delivery.transport = kTransports.value(m_transport->currentIndex());
    c.delivery.host = m_host->text().trimmed();
    c.delivery.port = quint16(m_port->value());
    c.delivery.security = kSecurity.value(m_security->currentIndex());
    c.delivery.connections = m_connections->value();
    c.delivery.user = m_user->text().trimmed();
    return c;
}

QByteArray DeliveryDialog::password() const
{
    return m_password->text().toUtf8();
}

void DeliveryDialog::accept()
{
    const Configuration c = configuration();
    if (c.connector.spool.isEmpty()) {
        m_prompter->warn(this, windowTitle(), tr("Enter the spool folder."));
        return;
    }
    if (c.delivery.transport != Transport::Pickup && c.delivery.host.isEmpty()) {
        m_prompter->warn(this, windowTitle(), tr("Enter the office mail server."));
        return;
    }
    QDialog::accept();
}

} // namespace Pop3Connector
