#pragma once

#include <QCborMap>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Pop3Connector {

class ServiceController;

// "Test delivery": has the service try delivery settings not yet saved (the control method
// testDelivery: EHLO or LHLO, STARTTLS, AUTH, and RCPT TO for each address to check, then RSET,
// so that nothing is sent) and shows its findings and the conversation, passwords masked.
// Changing the settings makes a result stale: the owner calls invalidate().
class DeliveryTestPanel : public QWidget
{
    Q_OBJECT
public:
    enum class State { Untested, Testing, Passed, Failed };
    // The settings to try, as testDelivery's parameters, without the recipients.
    using Parameters = std::function<QCborMap()>;

    DeliveryTestPanel(ServiceController *service, Parameters parameters, QWidget *parent = nullptr);

    State state() const { return m_state; }
    // The addresses offered as recipients, comma-separated in the field.
    void setRecipients(const QStringList &addresses);
    QStringList recipients() const;
    QString result() const;
    QString output() const;
    void invalidate();
    void start();

Q_SIGNALS:
    void stateChanged(Pop3Connector::DeliveryTestPanel::State state);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void setState(State state, const QString &result);
    void show(const QCborMap &reply);

    ServiceController *m_service;
    Parameters m_parameters;
    State m_state = State::Untested;
    QString m_result;
    QLabel *m_recipientsLabel;
    QLineEdit *m_recipients;
    QPushButton *m_test;
    QLabel *m_resultLabel;
    QPlainTextEdit *m_output;
};

} // namespace Pop3Connector
