#include "mailboxdialog.h"

#include "connectiontestdialog.h"
#include "prompter.h"
#include "servicecontroller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Pop3Connector {

namespace {

const QList<Pop3Security> kSecurity = {
    Pop3Security::Tls, Pop3Security::StartTls, Pop3Security::None};
const QList<AuthMethod> kAuth = {AuthMethod::Automatic, AuthMethod::User, AuthMethod::Apop,
    AuthMethod::Plain, AuthMethod::Login, AuthMethod::CramMd5, AuthMethod::XOAuth2,
    AuthMethod::OAuthBearer};
const QList<OAuthProvider> kProviders = {
    OAuthProvider::Microsoft, OAuthProvider::Google, OAuthProvider::Custom};

// A form's labels take the keyboard to their fields (the mnemonic in each label).
void setBuddies(QFormLayout *form)
{
    for (int row = 0; row < form->rowCount(); ++row) {
        QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole);
        QLayoutItem *field = form->itemAt(row, QFormLayout::FieldRole);
        auto *l = label ? qobject_cast<QLabel *>(label->widget()) : nullptr;
        if (l && !l->buddy() && field && field->widget())
            l->setBuddy(field->widget());
    }
}

bool isAddress(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s<>]+@[^@\\s<>]+$"));
    return re.match(s).hasMatch();
}

} // namespace

MailboxDialog::MailboxDialog(const MailboxSettings &mailbox, const QStringList &takenNames,
    ServiceController *service, Prompter *prompter, QWidget *parent)
    : QDialog(parent)
    , m_original(mailbox)
    , m_takenNames(takenNames)
    , m_service(service)
    , m_prompter(prompter)
    , m_isNew(mailbox.name.isEmpty())
{
    setObjectName(QStringLiteral("mailboxDialog"));
    auto named = [](auto *w, const char *name) {
        w->setObjectName(QLatin1String(name));
        return w;
    };
    m_name = named(new QLineEdit(mailbox.name), "nameEdit");
    m_name->setReadOnly(!m_isNew);
    m_host = named(new QLineEdit(mailbox.host), "hostEdit");
    m_port = named(new QSpinBox, "portSpin");
    m_port->setRange(1, 65535);
    m_port->setValue(mailbox.port);
    m_security = named(new QComboBox, "securityCombo");
    m_security->addItems({QString(), QString(), QString()});
    m_security->setCurrentIndex(int(kSecurity.indexOf(mailbox.security)));
    m_auth = named(new QComboBox, "authCombo");
    for (int i = 0; i < kAuth.size(); ++i)
        m_auth->addItem(QString());
    m_auth->setCurrentIndex(int(kAuth.indexOf(mailbox.auth)));
    m_user = named(new QLineEdit(mailbox.user), "userEdit");
    m_password = named(new QLineEdit, "passwordEdit");
    m_password->setEchoMode(QLineEdit::Password);
    m_provider = named(new QComboBox, "providerCombo");
    for (int i = 0; i < kProviders.size(); ++i)
        m_provider->addItem(QString());
    m_provider->setCurrentIndex(int(kProviders.indexOf(mailbox.oauthProvider)));
    m_clientId = named(new QLineEdit(mailbox.oauthClientId), "clientIdEdit");
    m_clientSecret = named(new QLineEdit(mailbox.oauthClientSecret), "clientSecretEdit");
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_caFile = named(new QLineEdit(mailbox.caFile), "caFileEdit");
    m_caBrowse = named(new QPushButton, "caBrowseButton");

    m_userType = named(new QRadioButton, "userTypeRadio");
    m_globalType = named(new QRadioButton, "globalTypeRadio");
    (mailbox.type == MailboxType::Global ? m_globalType : m_userType)->setChecked(true);
    m_localMailbox = named(new QLineEdit(mailbox.localMailbox), "localMailboxEdit");
    m_domains =
        named(new QLineEdit(mailbox.acceptedDomains.join(QStringLiteral(", "))), "domainsEdit");
    m_headers =
        named(new QLineEdit(mailbox.envelopeHeaders.join(QStringLiteral(", "))), "headersEdit");
    m_rules = named(new QTableWidget(0, 2), "rulesTable");
    m_rules->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_rules->verticalHeader()->setVisible(false);
    m_rules->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rules->setSelectionMode(QAbstractItemView::SingleSelection);
    // Tab moves on to the buttons; the arrow keys move between cells.
    m_rules->setTabKeyNavigation(false);
    // Five rules in view; more scroll.
    m_rules->setMinimumHeight(m_rules->horizontalHeader()->sizeHint().height()
        + 5 * m_rules->verticalHeader()->defaultSectionSize() + 2 * m_rules->frameWidth());
    for (const RoutingRule &r : mailbox.rules) {
        const int row = m_rules->rowCount();
        m_rules->insertRow(row);
        m_rules->setItem(row, 0, new QTableWidgetItem(r.pattern));
        m_rules->setItem(row, 1, new QTableWidgetItem(r.target));
    }
    m_addRule = named(new QPushButton, "addRuleButton");
    m_removeRule = named(new QPushButton, "removeRuleButton");
    m_ruleUp = named(new QPushButton, "ruleUpButton");
    m_ruleDown = named(new QPushButton, "ruleDownButton");

    m_leave = named(new QCheckBox, "leaveOnServerCheck");
    m_leave->setChecked(mailbox.leaveOnServer);
    m_deleteAfter = named(new QSpinBox, "deleteAfterSpin");
    m_deleteAfter->setRange(0, 3650);
    m_deleteAfter->setValue(mailbox.deleteAfterDays);
    m_maxSize = named(new QSpinBox, "maxSizeSpin");
    m_maxSize->setRange(0, 4 * 1024 * 1024);
    m_maxSize->setValue(mailbox.maxMessageKb);
    m_cap = named(new QSpinBox, "capSpin");
    m_cap->setRange(0, 10000000);
    m_cap->setValue(mailbox.maxMessagesPerCycle);
    m_enabled = named(new QCheckBox, "enabledCheck");
    m_enabled->setChecked(mailbox.enabled);
    m_test = named(new QPushButton, "testConnectionButton");
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);

    auto *server = m_serverForm = new QFormLayout;
    server->addRow(m_nameLabel = new QLabel, m_name);
    server->addRow(m_hostLabel = new QLabel, m_host);
    server->addRow(m_securityLabel = new QLabel, m_security);
    server->addRow(m_portLabel = new QLabel, m_port);
    server->addRow(m_authLabel = new QLabel, m_auth);
    server->addRow(m_userLabel = new QLabel, m_user);
    server->addRow(m_passwordLabel = new QLabel, m_password);
    server->addRow(m_providerLabel = new QLabel, m_provider);
    server->addRow(m_clientIdLabel = new QLabel, m_clientId);
    server->addRow(m_clientSecretLabel = new QLabel, m_clientSecret);
    auto *ca = new QHBoxLayout;
    ca->addWidget(m_caFile);
    ca->addWidget(m_caBrowse);
    server->addRow(m_caLabel = new QLabel, ca);
    m_caLabel->setBuddy(m_caFile);

    auto *userPage = new QWidget;
    auto *userForm = new QFormLayout(userPage);
    userForm->addRow(m_localLabel = new QLabel, m_localMailbox);
    auto *globalPage = new QWidget;
    auto *globalForm = new QFormLayout(globalPage);
    globalForm->addRow(m_domainsLabel = new QLabel, m_domains);
    globalForm->addRow(m_headersLabel = new QLabel, m_headers);
    auto *ruleButtons = new QHBoxLayout;
    ruleButtons->addWidget(m_addRule);
    ruleButtons->addWidget(m_removeRule);
    ruleButtons->addWidget(m_ruleUp);
    ruleButtons->addWidget(m_ruleDown);
    ruleButtons->addStretch();
    globalForm->addRow(m_rulesLabel = new QLabel);
    m_rulesLabel->setWordWrap(true);
    m_rulesLabel->setBuddy(m_rules);
    globalForm->addRow(m_rules);
    globalForm->addRow(ruleButtons);
    m_routing = new QStackedWidget;
    m_routing->addWidget(userPage);
    m_routing->addWidget(globalPage);
    // One above the other: side by side they make the dialog too wide for a small screen.
    auto *types = new QVBoxLayout;
    types->addWidget(m_userType);
    types->addWidget(m_globalType);

    auto *limits = new QFormLayout;
    limits->addRow(m_leave);
    limits->addRow(m_deleteAfterLabel = new QLabel, m_deleteAfter);
    limits->addRow(m_maxSizeLabel = new QLabel, m_maxSize);
    limits->addRow(m_capLabel = new QLabel, m_cap);
    limits->addRow(m_enabled);

    for (QFormLayout *form : {server, userForm, globalForm, limits})
        setBuddies(form);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_test);
    bottom->addStretch();
    bottom->addWidget(m_buttons);

    // Three pages, so that the dialog fits a 600-pixel screen in either language.
    auto *serverPage = new QWidget;
    serverPage->setLayout(server);
    auto *routingPage = new QWidget;
    auto *routingLayout = new QVBoxLayout(routingPage);
    routingLayout->addLayout(types);
    routingLayout->addWidget(m_routing, 1);
    auto *limitsPage = new QWidget;
    auto *limitsLayout = new QVBoxLayout(limitsPage);
    limitsLayout->addLayout(limits);
    limitsLayout->addStretch();
    m_pages = named(new QTabWidget, "mailboxPages");
    m_pages->addTab(serverPage, QString());
    m_pages->addTab(routingPage, QString());
    m_pages->addTab(limitsPage, QString());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addLayout(bottom);

    connect(m_security, &QComboBox::currentIndexChanged, this, &MailboxDialog::onSecurityChanged);
    connect(m_userType, &QRadioButton::toggled, this, &MailboxDialog::onTypeChanged);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &MailboxDialog::onAuthChanged);
    connect(m_leave, &QCheckBox::toggled, m_deleteAfter, &QWidget::setEnabled);
    connect(m_addRule, &QPushButton::clicked, this, [this] {
        const int row = m_rules->rowCount();
        m_rules->insertRow(row);
        m_rules->setItem(row, 0, new QTableWidgetItem(QStringLiteral("*@")));
        m_rules->setItem(row, 1, new QTableWidgetItem);
        m_rules->editItem(m_rules->item(row, 0));
    });
    connect(m_removeRule, &QPushButton::clicked, this, [this] {
        if (m_rules->currentRow() >= 0)
            m_rules->removeRow(m_rules->currentRow());
        updateRuleButtons();
    });
    connect(m_ruleUp, &QPushButton::clicked, this, [this] { moveRule(-1); });
    connect(m_ruleDown, &QPushButton::clicked, this, [this] { moveRule(+1); });
    connect(m_rules, &QTableWidget::itemSelectionChanged, this, &MailboxDialog::updateRuleButtons);
    connect(m_caBrowse, &QPushButton::clicked, this, [this] {
        const QString file = m_prompter->openFile(
            this, tr("Certificate file"), tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    connect(m_test, &QPushButton::clicked, this, &MailboxDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MailboxDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_deleteAfter->setEnabled(m_leave->isChecked());
    updateRuleButtons();
    onTypeChanged();
    onAuthChanged();
    retranslate();
    // Room for a path or a header list to be read whole; still well inside an 800-pixel screen.
    resize(qMax(sizeHint().width(), 640), sizeHint().height());
}

void MailboxDialog::retranslate()
{
    setWindowTitle(m_isNew ? tr("Add POP3 Mailbox") : tr("Edit POP3 Mailbox"));
    m_nameLabel->setText(tr("&Name:"));
    m_name->setPlaceholderText(tr("letters, digits, . _ - @"));
    m_hostLabel->setText(tr("POP3 &server:"));
    m_host->setPlaceholderText(tr("pop.provider.example"));
    m_securityLabel->setText(tr("S&ecurity:"));
    m_security->setItemText(0, tr("TLS (port 995, recommended)"));
    m_security->setItemText(1, tr("STARTTLS (port 110)"));
    m_security->setItemText(2, tr("None (password in clear text)"));
    m_portLabel->setText(tr("&Port:"));
    m_authLabel->setText(tr("A&uthentication:"));
    const QStringList auth = {tr("Automatic (strongest offered)"), tr("USER/PASS"), tr("APOP"),
        tr("PLAIN"), tr("LOGIN"), tr("CRAM-MD5"), tr("OAuth 2.0 sign-in (XOAUTH2)"),
        tr("OAuth 2.0 sign-in (OAUTHBEARER)")};
    for (int i = 0; i < auth.size(); ++i)
        m_auth->setItemText(i, auth[i]);
    m_providerLabel->setText(tr("Pro&vider:"));
    const QStringList providers = {tr("Microsoft 365 / Outlook.com"), tr("Google"),
        tr("Other (endpoints in the configuration file)")};
    for (int i = 0; i < providers.size(); ++i)
        m_provider->setItemText(i, providers[i]);
    m_clientIdLabel->setText(tr("Application (client) &ID:"));
    m_clientId->setPlaceholderText(tr("from the application you registered with the provider"));
    m_clientSecretLabel->setText(tr("Client secre&t:"));
    m_clientSecret->setPlaceholderText(tr("only if the provider gave one"));
    m_userLabel->setText(tr("User na&me:"));
    m_passwordLabel->setText(tr("Pass&word:"));
    m_password->setPlaceholderText(
        m_isNew ? tr("stored by the service") : tr("leave empty to keep the stored password"));
    m_caLabel->setText(tr("Provider's certi&ficate:"));
    m_caFile->setPlaceholderText(tr("only for a provider with its own certificate"));
    m_caBrowse->setText(tr("&Browse..."));
    m_userType->setText(tr("&User mailbox: all mail to one local address"));
    m_globalType->setText(tr("&Global mailbox: route by recipient"));
    m_localLabel->setText(tr("&Local mailbox:"));
    m_localMailbox->setPlaceholderText(tr("user@office.example"));
    m_domainsLabel->setText(tr("Accepted &domains:"));
    m_domains->setPlaceholderText(tr("office.example, shop.example"));
    m_headersLabel->setText(tr("Recipient &headers:"));
    m_rules->setHorizontalHeaderLabels(
        {tr("Address or *@domain"), tr("Local mailbox (or *@domain)")});
    m_addRule->setText(tr("Add rul&e"));
    m_removeRule->setText(tr("Remo&ve rule"));
    m_leave->setText(tr("&Leave a copy of messages on the server"));
    m_deleteAfterLabel->setText(tr("&Delete from the server after (days, 0 = never):"));
    m_maxSizeLabel->setText(tr("Largest &message to retrieve (KB, 0 = no limit):"));
    m_capLabel->setText(tr("Messages per c&ycle (0 = no limit):"));
    m_enabled->setText(tr("Retrie&ve this mailbox"));
    m_test->setText(tr("Test &connection"));
    m_ruleUp->setText(tr("Move u&p"));
    m_ruleDown->setText(tr("Move dow&n"));
    m_rulesLabel->setText(tr("&Rules, tried from the top; the first that matches decides:"));
    m_rules->setAccessibleName(tr("Routing rules"));
    m_rules->setAccessibleDescription(
        tr("Each recipient goes to the local mailbox of the first rule that matches it."));
    m_pages->setTabText(0, tr("&Account"));
    m_pages->setTabText(1, tr("&Where mail goes"));
    m_pages->setTabText(2, tr("&Options"));
}

void MailboxDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void MailboxDialog::onSecurityChanged()
{
    const Pop3Security s = kSecurity.value(m_security->currentIndex());
    // Follow the security with the port unless the administrator chose a port of their own.
    if (m_port->value() == 995 || m_port->value() == 110)
        m_port->setValue(s == Pop3Security::Tls ? 995 : 110);
}

void MailboxDialog::onAuthChanged()
{
    const bool oauth = kAuth.value(m_auth->currentIndex()) == AuthMethod::XOAuth2
        || kAuth.value(m_auth->currentIndex()) == AuthMethod::OAuthBearer;
    m_serverForm->setRowVisible(m_password, !oauth);
    for (QWidget *w : {static_cast<QWidget *>(m_provider), static_cast<QWidget *>(m_clientId),
             static_cast<QWidget *>(m_clientSecret)})
        m_serverForm->setRowVisible(w, oauth);
}

void MailboxDialog::updateRuleButtons()
{
    const int row = m_rules->currentRow();
    const bool selected = row >= 0 && !m_rules->selectedItems().isEmpty();
    m_removeRule->setEnabled(selected);
    m_ruleUp->setEnabled(selected && row > 0);
    m_ruleDown->setEnabled(selected && row < m_rules->rowCount() - 1);
}

void MailboxDialog::moveRule(int by)
{
    const int row = m_rules->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_rules->rowCount())
        return;
    for (int column = 0; column < m_rules->columnCount(); ++column) {
        QTableWidgetItem *a = m_rules->takeItem(row, column);
        QTableWidgetItem *b = m_rules->takeItem(to, column);
        m_rules->setItem(row, column, b);
        m_rules->setItem(to, column, a);
    }
    m_rules->setCurrentCell(to, m_rules->currentColumn());
    m_rules->selectRow(to);
    updateRuleButtons();
}

void MailboxDialog::onTypeChanged()
{
    m_routing->setCurrentIndex(m_userType->isChecked() ? 0 : 1);
}

MailboxSettings MailboxDialog::mailbox() const
{
    MailboxSettings m = m_original;
    m.name = m_name->text().trimmed();
    m.host = m_host->text().trimmed();
    m.port = quint16(m_port->value());
    m.security = kSecurity.value(m_security->currentIndex());
    m.auth = kAuth.value(m_auth->currentIndex());
    m.oauthProvider = kProviders.value(m_provider->currentIndex(), OAuthProvider::Custom);
    m.oauthClientId = m_clientId->text().trimmed();
    m.oauthClientSecret = m_clientSecret->text().trimmed();
    m.user = m_user->text().trimmed();
    m.caFile = m_caFile->text().trimmed();
    // A pin holds for the file it was made with; another file is an ordinary trust anchor.
    m.caPinned = m_original.caPinned && m.caFile == m_original.caFile;
    m.type = m_userType->isChecked() ? MailboxType::User : MailboxType::Global;
    m.localMailbox = m_localMailbox->text().trimmed();
    m.acceptedDomains.clear();
    for (const QString &d : m_domains->text().split(u',', Qt::SkipEmptyParts))
        m.acceptedDomains.append(d.trimmed().toLower());
    m.envelopeHeaders.clear();
    for (const QString &h : m_headers->text().split(u',', Qt::SkipEmptyParts))
        m.envelopeHeaders.append(h.trimmed());
    m.rules.clear();
    for (int row = 0; row < m_rules->rowCount(); ++row) {
        const QString pattern =
            m_rules->item(row, 0) ? m_rules->item(row, 0)->text().trimmed() : QString();
        const QString target =
            m_rules->item(row, 1) ? m_rules->item(row, 1)->text().trimmed() : QString();
        if (!pattern.isEmpty() || !target.isEmpty())
            m.rules.append({pattern, target});
    }
    m.leaveOnServer = m_leave->isChecked();
    m.deleteAfterDays = m_deleteAfter->value();
    m.maxMessageKb = m_maxSize->value();
    m.maxMessagesPerCycle = m_cap->value();
    m.enabled = m_enabled->isChecked();
    return m;
}

QByteArray MailboxDialog::password() const
{
    return m_password->text().toUtf8();
}

QString MailboxDialog::validate() const
{
    const MailboxSettings m = mailbox();
    if (!ConfigurationFile::isValidMailboxName(m.name))
        return tr("Give the mailbox a name made of letters, digits and . _ - @.");
    if (m_isNew && m_takenNames.contains(m.name))
        return tr("A mailbox named %1 exists already.").arg(m.name);
    // A provider's preset names the server.
    if (m.host.isEmpty() && !(m.usesOAuth() && m.oauthProvider != OAuthProvider::Custom))
        return tr("Enter the provider's POP3 server.");
    if (m.user.isEmpty())
        return tr("Enter the user name of the POP3 account.");
    if (m.usesOAuth() && m.oauthClientId.isEmpty())
        return tr("Enter the application (client) ID you registered with the provider.");
    if (m_isNew && !m.usesOAuth() && m_password->text().isEmpty() && m.passwordFile.isEmpty())
        return tr("Enter the password of the POP3 account.");
    if (m.type == MailboxType::User && !isAddress(m.localMailbox))
        return tr("Enter the local mailbox that receives this account's mail, as user@domain.");
    if (m.type == MailboxType::Global && m.acceptedDomains.isEmpty())
        return tr("Enter the domains whose mail this catch-all mailbox receives.");
    for (const RoutingRule &r : m.rules) {
        const auto valid = [](const QString &s) {
            return s.startsWith(QStringLiteral("*@")) ? s.size() > 2 : isAddress(s);
        };
        if (!valid(r.pattern) || !valid(r.target))
            return tr("The rule \"%1 -> %2\" needs an address or *@domain on each side.")
                .arg(r.pattern, r.target);
    }
    return {};
}

void MailboxDialog::accept()
{
    if (const QString problem = validate(); !problem.isEmpty()) {
        m_prompter->warn(this, windowTitle(), problem);
        return;
    }
    QDialog::accept();
}

void MailboxDialog::testConnection()
{
    const MailboxSettings m = mailbox();
    if (m.host.isEmpty() || m.user.isEmpty()) {
        m_prompter->warn(
            this, tr("Test connection"), tr("Enter the server and the user name first."));
        return;
    }
    // The service tests what it has: its network, its certificates, the password it stores.
    const MailboxSettings &o = m_original;
    if (m_isNew || !m_password->text().isEmpty() || m.host != o.host || m.port != o.port
        || m.security != o.security || m.auth != o.auth || m.user != o.user || m.caFile != o.caFile
        || m.passwordFile != o.passwordFile) {
        m_prompter->inform(this, tr("Test connection"),
            tr("The service tests the mailbox as it is saved. Press OK to save it, then select "
               "it and press Test connection."));
        return;
    }
    auto *dialog = new ConnectionTestDialog(m_service, m.name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The test saved the trusted certificate; OK here must not take it back.
    connect(dialog, &ConnectionTestDialog::certificateTrusted, this, [this](const QString &file) {
        m_original.caFile = file;
        m_original.caPinned = true;
        m_caFile->setText(file);
    });
    dialog->open();
    dialog->start();
}

} // namespace Pop3Connector
