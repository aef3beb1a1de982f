#pragma once

#include "base/phrase.h"
#include "config/configuration.h"
#include "events/event.h"
#include "protocol/mailaddress.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Pop3Connector {

// What routing needs to know of a message, taken from its header by the MIME parser. Addresses
// are addr-specs as the header holds them (MimeParser::addrSpecs()), not yet validated.
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
    QList<MailAddress> recipients; // local addresses, each once
    EventId eventId = EventId::TransferFailed;
    Phrase reason;
    // Kind Deliver only: recipients in the accepted domains that reach no local mailbox (no rule
    // matches, or the header's text is not an address), shown safely for an event
    // (EventId::RecipientsNotRouted), and why. The undeliverable-mail mailbox, when one is
    // configured, is among `recipients` once for them: `unroutedCopy`, else null.
    QStringList unrouted;
    Phrase unroutedReason;
    MailAddress unroutedCopy;
    // How the recipients were found, for the message journal: "local_mailbox", or the header
    // read and each rule applied ("Delivered-To; *@example.com -> *@office.example").
    QString via;
};

// The reverse-path a message is delivered with, and why the header's was not used (for
// EventId::SenderReplaced); empty when it was.
struct SenderDecision
{
    MailAddress sender;
    QString replaced;
};

// Decides the local recipients of a message (DESIGN.md "Transfer"). A user mailbox sends
// everything to its one local address. A global mailbox takes the addresses of the first
// configured envelope header (Delivered-To, X-Original-To ...) that names an address in its
// accepted domains, else those of To and Cc, keeps only accepted domains, and maps each through
// the first matching rule. Every address is validated (MailAddress::parse()) before it is
// routed: a recipient that is not an address reaches no envelope. Pure: no files, no parsing.
class Router
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::Router)

public:
    // Our trace lines on a message that mean it has come round in a loop.
    static constexpr int kLoopLimit = 3;

    static RoutingDecision route(const RoutingInput &input, const MailboxSettings &mailbox,
        const QString &undeliverableMailbox);

    // The envelope sender from the header's Return-Path (an addr-spec; empty for <>) and From:
    // see the .cpp for the order and what a sender that is not an address becomes.
    static SenderDecision envelopeSender(const std::optional<QString> &returnPath,
        const QString &fromAddress, const QString &undeliverableMailbox);

    static bool inDomains(const MailAddress &address, const QStringList &domains);
    // Applies a rule: exact address (any case), or "*@domain"; a target "*@domain" keeps the
    // local part. Nothing when the rule does not match; an error when it matches but gives no
    // valid address (a target that is not one, or too long with the local part kept).
    static std::optional<Result<MailAddress>> apply(
        const RoutingRule &rule, const MailAddress &address);
};

} // namespace Pop3Connector
