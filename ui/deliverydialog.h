#pragma once

#include "config/configuration.h"

#include <QDialog>

class QLabel;

namespace Pop3Connector {

class DeliveryForm;
class DeliveryTestPanel;
class Prompter;
class ServiceController;
class UndeliverableField;

// Where retrieved mail goes (DeliveryForm), the undeliverable-mail mailbox, and Test delivery:
// the service tries the settings as they stand in the dialog before anything is saved. The
// delivery password is held until accepted; the caller stores it.
class DeliveryDialog : public QDialog
{
    Q_OBJECT
public:
    DeliveryDialog(ServiceController *service, Prompter *prompter, QWidget *parent = nullptr);

    Configuration configuration() const;
    QByteArray password() const; // empty: keep the stored one
    DeliveryTestPanel *testPanel() const { return m_test; }

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateRecipients();

    Configuration m_configuration;
    Prompter *m_prompter;
    DeliveryForm *m_form;
    QLabel *m_undeliverableLabel;
    UndeliverableField *m_undeliverable;
    DeliveryTestPanel *m_test;
};

} // namespace Pop3Connector
