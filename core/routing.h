#pragma once

#include "configuration.h"
#include "event.h"

#include <QCoreApplication>
#include <QList>
#include <QMultiHash>
#include <QString>
#include <QStringList>

namespace Pop3Connector {

// What routing needs to know of a message, taken from its header by the MIME parser.
struct RoutingInput
{
    // Addresses of each header, keyed by the lower-case header name ("x-original-to"), in the
    // order the headers appear.
    QList<std::pair<QString, QString>> headerAddresses;
    QStringList to;
    QStringList cc;
    QString messageId;
    int traceCount = 0; // our own Received: lines already on the message
};

struct RoutingDecision
{
    enum class Kind {
        Deliver, // to `recipients`
        Undeliverable, // no routable recipient: to the undeliverable-mail mailbox
        Failed, // cannot be routed at all: Failed Mail, with `reason`
    };
    Kind kind = Kind::Failed;
    QStringList recipients; // local addresses, each once
    EventId eventId = EventId::TransferFailed;
    QString reason;
};

// Decides the local recipients of a message (DESIGN.md "Transfer"). A user mailbox sends
// everything to its one local address. A global mailbox takes the addresses of the first
// configured envelope header (Delivered-To, X-Original-To ...) that names an address in its
// accepted domains, else those of To and Cc, keeps only accepted domains, and maps each through
// the first matching rule. Pure: no files, no parsing.
class Router
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::Router)

public:
    // Our trace lines on a message that mean it has come round in a loop.
    static constexpr int kLoopLimit = 3;

    static RoutingDecision route(const RoutingInput &input, const MailboxSettings &mailbox,
        const QString &undeliverableMailbox);

    // The mailbox part of an address, lower-cased domain: "Alice <A@X.example>" -> "A@x.example".
    static QString normalise(const QString &address);
    static bool inDomains(const QString &address, const QStringList &domains);
    // Applies a rule: exact address, or "*@domain"; a target "*@domain" keeps the local part.
    static std::optional<QString> apply(const RoutingRule &rule, const QString &address);
};

} // namespace Pop3Connector
