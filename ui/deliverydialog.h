#pragma once

#include "config/configuration.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Pop3Connector {

class Prompter;

// Where retrieved mail goes: the office's mail server (SMTP or LMTP: host, port, security,
// connections, an optional login) or the PickUp folder alone for an MTA that reads it; and the
// spool folder. The delivery password is held until accepted; the caller stores it.
class DeliveryDialog : public QDialog
{
    Q_OBJECT
public:
    DeliveryDialog(
        const Configuration &configuration, Prompter *prompter, QWidget *parent = nullptr);

    Configuration configuration() const;
    QByteArray password() const; // empty: keep the stored one

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateEnabled();

    Configuration m_configuration;
    Prompter *m_prompter;
    QLabel *m_spoolLabel;
    QLineEdit *m_spool;
    QLabel *m_transportLabel;
    QComboBox *m_transport;
    QLabel *m_hostLabel;
    QLineEdit *m_host;
    QLabel *m_portLabel;
    QSpinBox *m_port;
    QLabel *m_securityLabel;
    QComboBox *m_security;
    QLabel *m_connectionsLabel;
    QSpinBox *m_connections;
    QLabel *m_userLabel;
    QLineEdit *m_user;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
};

} // namespace Pop3Connector
