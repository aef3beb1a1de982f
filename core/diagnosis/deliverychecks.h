#pragma once

#include "config/configuration.h"
#include "diagnosis/diagnosis.h"
#include "protocol/linesession.h"
#include "protocol/smtpprotocol.h"

#include <QCoreApplication>

#include <optional>

namespace Pop3Connector {

// What the troubleshooter saw of the local mail server: the greeting, EHLO or LHLO, STARTTLS
// and AUTH as configured, and each configured recipient offered as RCPT TO in a transaction that
// ends with RSET (no message is sent).
struct DeliveryFacts
{
    // Where the conversation stopped, when it did.
    enum class Step { None, Connect, Greeting, Hello, StartTls, Auth, Mail, Recipients };
    struct Recipient
    {
        QString address;
        Phrase role; // "the local mailbox of sales", "a rule of shop", "the undeliverable mailbox"
        std::optional<SmtpReply> reply; // absent when it could not be asked
    };

    QString host;
    quint16 port = 0;
    Transport transport = Transport::Smtp;
    DeliverySecurity security = DeliverySecurity::None;
    QString user; // AUTH, when set

    Step stoppedAt = Step::None;
    std::optional<SessionError> sessionError;
    Phrase failure; // what the failing step said
    QByteArray greeting;
    SmtpExtensions extensions;
    bool tlsDone = false;
    bool authDone = false;
    QString undeliverable; // the configured undeliverable mailbox, empty when none
    QList<Recipient> recipients;
    QStringList skipped; // rule targets that are patterns ("*@domain"), not addresses
    QStringList transcript; // "C: ", "S: ", "* " lines, passwords masked
};

// Delivery findings (docs/troubleshooting.md "Delivery"): delivery.connect, delivery.hello,
// delivery.starttls, delivery.auth, delivery.recipient (one per address),
// delivery.undeliverable. Pure: tested with tables.
class DeliveryChecks
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::DeliveryChecks)

public:
    // The findings in the order of the conversation; a step after a failed one is not judged.
    static QList<Finding> evaluate(const DeliveryFacts &facts);
    // A quota reply: 452 or 552, or the enhanced codes 4.2.2 / 5.2.2 (RFC 3463 "mailbox full").
    static bool isQuotaReply(const SmtpReply &reply);
    // The addresses a configuration asks the local server to accept, each with why.
    static QList<DeliveryFacts::Recipient> recipientsOf(
        const Configuration &configuration, QStringList *skipped);
};

} // namespace Pop3Connector

Q_DECLARE_METATYPE(Pop3Connector::DeliveryFacts)
