#pragma once

#include "config/configuration.h"

#include <QCborMap>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Pop3Connector {

class Prompter;

// Where retrieved mail goes, as fields: the office's mail server (SMTP or LMTP: host, port,
// security, connections, an optional login) or the PickUp folder alone for an MTA that reads
// it; and the spool folder (with Browse...), whose PickUp folder is named. Shared by the
// delivery dialog and the first-run assistant.
class DeliveryForm : public QWidget
{
    Q_OBJECT
public:
    DeliveryForm(const Configuration &configuration, Prompter *prompter, QWidget *parent = nullptr);

    // `configuration` with this form's spool and delivery settings.
    Configuration applyTo(Configuration configuration) const;
    QByteArray password() const; // empty: keep the stored one
    Transport transport() const;
    // The settings as testDelivery's parameters (docs/control-protocol.md).
    QCborMap testParameters() const;
    // What is missing, in a sentence; empty when the form is complete.
    QString problem() const;

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateEnabled();
    void browse();

    Prompter *m_prompter;
    QLabel *m_spoolLabel;
    QLineEdit *m_spool;
    QPushButton *m_browse;
    QLabel *m_pickup;
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

// The undeliverable-mail mailbox: a local address that receives what no rule can route. Empty
// is allowed, and said plainly ("Not set") with what then happens, never as a grey placeholder
// that reads like a value.
class UndeliverableField : public QWidget
{
    Q_OBJECT
public:
    explicit UndeliverableField(const QString &address, QWidget *parent = nullptr);

    QString address() const;
    QLineEdit *edit() const { return m_edit; }
    // Why the text is plainly not an address; empty when it may be one, or when it is empty.
    QString problem() const;

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void update();

    QLineEdit *m_edit;
    QLabel *m_warning;
};

} // namespace Pop3Connector
