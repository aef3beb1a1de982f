#pragma once

#include "config/configuration.h"
#include "diagnosis/deliverychecks.h"

#include <QObject>

#include <optional>

namespace Pop3Connector {

class SmtpConnection;

// Gathers DeliveryFacts from the local mail server: connects as delivery would, greets
// (EHLO/LHLO), STARTTLS and AUTH as configured, then MAIL FROM:<>, one RCPT TO per configured
// recipient, RSET and QUIT, so that no message is sent. Asynchronous, on the caller's thread;
// finished() once.
class DeliveryProbe : public QObject
{
    Q_OBJECT
public:
    DeliveryProbe(const Configuration &configuration, std::optional<QByteArray> password,
        int timeoutMs, QObject *parent = nullptr);

    // Offers these addresses instead of the configuration's (a test of settings not yet saved);
    // before start().
    void setRecipients(const QList<DeliveryFacts::Recipient> &recipients);
    // Connects and asks; finished() carries what was seen, whatever step ended it.
    void start();

Q_SIGNALS:
    void finished(const Pop3Connector::DeliveryFacts &facts);

private:
    void hello();
    void onHello(const SmtpReply &reply);
    void authenticate();
    void transact();
    void stop(DeliveryFacts::Step step, const Phrase &failure);
    void done();

    DeliverySettings m_delivery;
    std::optional<QByteArray> m_password;
    int m_timeoutMs;
    DeliveryFacts m_facts;
    SmtpConnection *m_connection = nullptr;
    DeliveryFacts::Step m_step = DeliveryFacts::Step::Connect;
    bool m_finished = false;
};

} // namespace Pop3Connector
