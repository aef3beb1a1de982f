#include "deliveryform.h"

#include "prompter.h"
#include "spool/spool.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Pop3Connector {

namespace {
const QList<Transport> kTransports = {Transport::Smtp, Transport::Lmtp, Transport::Pickup};
const QList<DeliverySecurity> kSecurity = {
    DeliverySecurity::None, DeliverySecurity::StartTls, DeliverySecurity::Tls};
} // namespace

DeliveryForm::DeliveryForm(const Configuration &configuration, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("deliveryForm"));
    const DeliverySettings &d = configuration.delivery;
    m_spool = new QLineEdit(configuration.connector.spool);
    m_spool->setObjectName(QStringLiteral("spoolEdit"));
    m_browse = new QPushButton;
    m_browse->setObjectName(QStringLiteral("spoolBrowseButton"));
    m_pickup = new QLabel;
    m_pickup->setObjectName(QStringLiteral("pickupFolderLabel"));
    m_pickup->setWordWrap(true);
    m_pickup->setTextInteractionFlags(Qt::TextSelectableByMouse);
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

    auto *spool = new QHBoxLayout;
    spool->addWidget(m_spool, 1);
    spool->addWidget(m_browse);
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_transportLabel = new QLabel, m_transport);
    form->addRow(m_hostLabel = new QLabel, m_host);
    form->addRow(m_portLabel = new QLabel, m_port);
    form->addRow(m_securityLabel = new QLabel, m_security);
    form->addRow(m_connectionsLabel = new QLabel, m_connections);
    form->addRow(m_userLabel = new QLabel, m_user);
    form->addRow(m_passwordLabel = new QLabel, m_password);
    form->addRow(m_spoolLabel = new QLabel, spool);
    form->addRow(QString(), m_pickup);
    m_transportLabel->setBuddy(m_transport);
    m_hostLabel->setBuddy(m_host);
    m_portLabel->setBuddy(m_port);
    m_securityLabel->setBuddy(m_security);
    m_connectionsLabel->setBuddy(m_connections);
    m_userLabel->setBuddy(m_user);
    m_passwordLabel->setBuddy(m_password);
    m_spoolLabel->setBuddy(m_spool);

    connect(m_browse, &QPushButton::clicked, this, &DeliveryForm::browse);
    connect(m_transport, &QComboBox::currentIndexChanged, this, [this] {
        // Follow the transport with the usual port unless a port of one's own was chosen.
        if (m_port->value() == 25 || m_port->value() == 24)
            m_port->setValue(
                kTransports.value(m_transport->currentIndex()) == Transport::Lmtp ? 24 : 25);
        updateEnabled();
    });
    for (QLineEdit *e : {m_spool, m_host, m_user, m_password})
        connect(e, &QLineEdit::textChanged, this, &DeliveryForm::changed);
    connect(m_spool, &QLineEdit::textChanged, this, &DeliveryForm::updateEnabled);
    for (QSpinBox *s : {m_port, m_connections})
        connect(s, &QSpinBox::valueChanged, this, &DeliveryForm::changed);
    for (QComboBox *c : {m_transport, m_security})
        connect(c, &QComboBox::currentIndexChanged, this, &DeliveryForm::changed);
    retranslate();
    updateEnabled();
}

void DeliveryForm::retranslate()
{
    m_spoolLabel->setText(tr("S&pool folder:"));
    m_browse->setText(tr("B&rowse..."));
    m_transportLabel->setText(tr("&Deliver by:"));
    m_transport->setItemText(0, tr("SMTP to the office mail server"));
    m_transport->setItemText(1, tr("LMTP to the office mail server"));
    m_transport->setItemText(2, tr("PickUp folder only (another MTA reads it)"));
    m_hostLabel->setText(tr("Ser&ver:"));
    m_portLabel->setText(tr("P&ort:"));
    m_securityLabel->setText(tr("Securit&y:"));
    m_security->setItemText(0, tr("None"));
    m_security->setItemText(1, tr("STARTTLS"));
    m_security->setItemText(2, tr("TLS"));
    m_connectionsLabel->setText(tr("Co&nnections at once:"));
    m_userLabel->setText(tr("&Login (only if the server asks):"));
    m_passwordLabel->setText(tr("Pass&word:"));
    m_password->setPlaceholderText(tr("leave empty to keep the stored password"));
    updateEnabled();
}

void DeliveryForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DeliveryForm::updateEnabled()
{
    const bool server = transport() != Transport::Pickup;
    for (QWidget *w : {static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port),
             static_cast<QWidget *>(m_security), static_cast<QWidget *>(m_connections),
             static_cast<QWidget *>(m_user), static_cast<QWidget *>(m_password)})
        w->setEnabled(server);
    const QString spool = m_spool->text().trimmed();
    const QString pickup =
        spool.isEmpty() ? QString() : Spool(spool).folderPath(SpoolFolder::PickUp);
    m_pickup->setText(server
            ? tr("Mail waits in %1 until the server takes it.").arg(pickup)
            : tr("Mail is left in %1 for another mail server to take; the connector delivers "
                 "nothing itself.")
                  .arg(pickup));
}

void DeliveryForm::browse()
{
    const QString folder = m_prompter->existingDirectory(this, tr("Spool folder"));
    if (!folder.isEmpty())
        m_spool->setText(folder);
}

Transport DeliveryForm::transport() const
{
    return kTransports.value(m_transport->currentIndex());
}

Configuration DeliveryForm::applyTo(Configuration c) const
{
    c.connector.spool = m_spool->text().trimmed();
    c.delivery.transport = transport();
    c.delivery.host = m_host->text().trimmed();
    c.delivery.port = quint16(m_port->value());
    c.delivery.security = kSecurity.value(m_security->currentIndex());
    c.delivery.connections = m_connections->value();
    c.delivery.user = m_user->text().trimmed();
    return c;
}

QByteArray DeliveryForm::password() const
{
    return m_password->text().toUtf8();
}

QCborMap DeliveryForm::testParameters() const
{
    const Configuration c = applyTo({});
    QCborMap p;
    p.insert(QStringLiteral("transport"), settingValue(c.delivery.transport));
    p.insert(QStringLiteral("host"), c.delivery.host);
    p.insert(QStringLiteral("port"), c.delivery.port);
    p.insert(QStringLiteral("security"), settingValue(c.delivery.security));
    p.insert(QStringLiteral("user"), c.delivery.user);
    // Typed here and not saved yet: tried as typed; else the service uses the stored one.
    if (!m_password->text().isEmpty())
        p.insert(QStringLiteral("password"), m_password->text());
    return p;
}

QString DeliveryForm::problem() const
{
    if (m_spool->text().trimmed().isEmpty())
        return tr("Enter the spool folder.");
    if (transport() != Transport::Pickup && m_host->text().trimmed().isEmpty())
        return tr("Enter the office mail server.");
    return {};
}

UndeliverableField::UndeliverableField(const QString &address, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("undeliverableField"));
    m_edit = new QLineEdit(address);
    m_edit->setObjectName(QStringLiteral("undeliverableMailboxEdit"));
    m_warning = new QLabel;
    m_warning->setObjectName(QStringLiteral("undeliverableWarning"));
    m_warning->setWordWrap(true);
    QPalette warning = m_warning->palette();
    warning.setColor(QPalette::WindowText, QColor(0x9c, 0x57, 0x00));
    m_warning->setPalette(warning);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_warning);
    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        update();
        Q_EMIT changed();
    });
    update();
}

QString UndeliverableField::address() const
{
    return m_edit->text().trimmed();
}

QString UndeliverableField::problem() const
{
    if (address().isEmpty())
        return {};
    // The service checks it fully when it is saved; this catches what is plainly not one.
    const QString a = address();
    if (a.count(u'@') == 0 || a.startsWith(u'@') || a.endsWith(u'@')
        || a.contains(QRegularExpression(QStringLiteral("\\s"))))
        return tr("\"%1\" is not an address like user@domain").arg(a);
    return {};
}

void UndeliverableField::update()
{
    m_edit->setAccessibleName(tr("Undeliverable-mail mailbox"));
    if (address().isEmpty()) {
        m_warning->setText(tr("Not set. Mail that no rule can route waits in Failed Mail until "
                              "someone moves it; enter a local address such as "
                              "postmaster@your-domain."));
    } else if (const QString p = problem(); !p.isEmpty()) {
        m_warning->setText(tr("Not an address the connector can deliver to: %1").arg(p));
    } else {
        m_warning->clear();
    }
    m_warning->setVisible(!m_warning->text().isEmpty());
}

void UndeliverableField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        update();
    QWidget::changeEvent(event);
}

} // namespace Pop3Connector
