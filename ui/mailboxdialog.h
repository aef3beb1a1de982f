#pragma once

#include "config/configuration.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace Pop3Connector {

class Prompter;
class ServiceController;

// Adds or edits one POP3 mailbox: server, security, login, where its mail goes (one local
// address, or routing rules for a catch-all mailbox), what is left on the server, limits.
// The password is held only until the dialog is accepted; the caller sends it to the service.
class MailboxDialog : public QDialog
{
    Q_OBJECT
public:
    MailboxDialog(const MailboxSettings &mailbox, const QStringList &takenNames,
        ServiceController *service, Prompter *prompter, QWidget *parent = nullptr);

    MailboxSettings mailbox() const;
    // The password typed in; empty when the stored one is to be kept.
    QByteArray password() const;

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onSecurityChanged();
    void onTypeChanged();
    // Shows the OAuth 2.0 rows, or the password's, as the authentication chosen needs.
    void onAuthChanged();
    void testConnection();
    // Up/Down and Remove act on the chosen rule; order decides routing.
    void updateRuleButtons();
    void moveRule(int by);
    QString validate() const;

    MailboxSettings m_original;
    QStringList m_takenNames;
    ServiceController *m_service;
    Prompter *m_prompter;
    bool m_isNew;

    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QLabel *m_hostLabel;
    QLineEdit *m_host;
    QLabel *m_portLabel;
    QSpinBox *m_port;
    QLabel *m_securityLabel;
    QComboBox *m_security;
    QLabel *m_authLabel;
    QComboBox *m_auth;
    QLabel *m_userLabel;
    QLineEdit *m_user;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QLabel *m_providerLabel;
    QComboBox *m_provider;
    QLabel *m_clientIdLabel;
    QLineEdit *m_clientId;
    QLabel *m_clientSecretLabel;
    QLineEdit *m_clientSecret;
    QFormLayout *m_serverForm;
    QLabel *m_caLabel;
    QLineEdit *m_caFile;
    QPushButton *m_caBrowse;
    QRadioButton *m_userType;
    QRadioButton *m_globalType;
    QStackedWidget *m_routing;
    QLabel *m_localLabel;
    QLineEdit *m_localMailbox;
    QLabel *m_domainsLabel;
    QLineEdit *m_domains;
    QLabel *m_headersLabel;
    QLineEdit *m_headers;
    QTableWidget *m_rules;
    QPushButton *m_addRule;
    QPushButton *m_removeRule;
    QPushButton *m_ruleUp;
    QPushButton *m_ruleDown;
    QLabel *m_rulesLabel;
    QTabWidget *m_pages;
    QCheckBox *m_leave;
    QLabel *m_deleteAfterLabel;
    QSpinBox *m_deleteAfter;
    QLabel *m_maxSizeLabel;
    QSpinBox *m_maxSize;
    QLabel *m_capLabel;
    QSpinBox *m_cap;
    QCheckBox *m_enabled;
    QPushButton *m_test;
    QDialogButtonBox *m_buttons;
};

} // namespace Pop3Connector
