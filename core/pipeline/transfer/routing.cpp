#include "pipeline/transfer/routing.h"

namespace Pop3Connector {

namespace {

// A sentence of the router's as data, in the context of its tr() (lupdate finds the source
// through QT_TRANSLATE_NOOP), so that each reader of a Failed Mail reason sees their language.
Phrase phrase(const char *source)
{
    return Phrase("Pop3Connector::Router", source);
}

// Reasons one after another: "a; b".
Phrase joined(const QList<Phrase> &reasons)
{
    Phrase all;
    for (const Phrase &r : reasons)
        all = all.isEmpty()
            ? r
            : phrase(QT_TRANSLATE_NOOP("Pop3Connector::Router", "%1; %2")).arg(all, r);
    return all;
}

// The accepted domains in the form MailAddress::domain() has.
QStringList canonicalDomains(const QStringList &domains)
{
    QStringList out;
    for (const QString &d : domains) {
        const QString c = MailAddress::canonicalDomain(d.trimmed());
        out.append(c.isEmpty() ? d.trimmed().toLower() : c);
    }
    return out;
}

// Whether text that is not an address was meant for one of `domains`: what follows its last
// '@' names one of them.
bool claimsDomain(const QString &text, const QStringList &domains)
{
    const qsizetype at = text.lastIndexOf(u'@');
    if (at < 0)
        return false;
    const QString tail = text.mid(at + 1);
    const QString canonical = MailAddress::canonicalDomain(tail);
    return domains.contains(canonical.isEmpty() ? tail.toLower() : canonical);
}

bool containsAddress(const QList<MailAddress> &list, const MailAddress &a)
{
    for (const MailAddress &b : list) {
        if (b.toString().compare(a.toString(), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

bool Router::inDomains(const MailAddress &address, const QStringList &domains)
{
    return canonicalDomains(domains).contains(address.domain());
}

std::optional<Result<MailAddress>> Router::apply(
    const RoutingRule &rule, const MailAddress &address)
{
    const QString pattern = rule.pattern.trimmed();
    bool matches = false;
    if (pattern.startsWith(QStringLiteral("*@"))) {
        const QString domain = MailAddress::canonicalDomain(pattern.mid(2));
        matches = !domain.isEmpty() && address.domain() == domain;
    } else if (const Result<MailAddress> exact = MailAddress::parse(pattern)) {
        matches = exact->toString().compare(address.toString(), Qt::CaseInsensitive) == 0;
    }
    if (!matches)
        return std::nullopt;
    const QString target = rule.target.trimmed();
    Result<MailAddress> mapped = target.startsWith(QStringLiteral("*@"))
        ? MailAddress::parse(address.localPart() + u'@' + target.mid(2))
        : MailAddress::parse(target);
    if (!mapped) {
        return Result<MailAddress>(Error {ErrorCode::InvalidInput,
            tr("the rule %1 -> %2 gives no valid address for %3: %4")
                .arg(rule.pattern, rule.target, address.toString(), mapped.error().message)});
    }
    return mapped;
}

RoutingDecision Router::route(
    const RoutingInput &input, const MailboxSettings &mailbox, const QString &undeliverableMailbox)
{
    RoutingDecision d;
    if (input.traceCount >= kLoopLimit) {
        d.kind = RoutingDecision::Kind::Failed;
        d.eventId = EventId::MailLoop;
        d.reason =
            phrase(QT_TRANSLATE_NOOP("Pop3Connector::Router",
                       "the message has passed through this connector %1 times; it is looping"))
                .arg(input.traceCount);
        return d;
    }
    const Result<MailAddress> undeliverable = MailAddress::parse(undeliverableMailbox.trimmed());
    auto toUndeliverable = [&](const Phrase &why) {
        d.recipients.clear();
        if (undeliverableMailbox.isEmpty()) {
            d.kind = RoutingDecision::Kind::Failed;
            d.eventId = EventId::NoRecipientFailed;
            d.reason = phrase(
                QT_TRANSLATE_NOOP("Pop3Connector::Router",
                    "%1 and no undeliverable-mail mailbox is configured (undeliverable_mailbox)"))
                           .arg(why);
        } else if (!undeliverable) {
            d.kind = RoutingDecision::Kind::Failed;
            d.eventId = EventId::NoRecipientFailed;
            d.reason = phrase(QT_TRANSLATE_NOOP("Pop3Connector::Router",
                                  "%1 and undeliverable_mailbox %2 is not a valid address: %3"))
                           .arg(why, MailAddress::printable(undeliverableMailbox),
                               undeliverable.error().message);
        } else {
            d.kind = RoutingDecision::Kind::Undeliverable;
            d.eventId = EventId::NoLocalRecipient;
            d.recipients = {*undeliverable};
            d.reason = why;
        }
        return d;
    };

    if (mailbox.type == MailboxType::User) {
        if (mailbox.localMailbox.isEmpty())
            return toUndeliverable(phrase(
                QT_TRANSLATE_NOOP("Pop3Connector::Router", "mailbox %1 has no local_mailbox"))
                                       .arg(mailbox.name));
        const Result<MailAddress> local = MailAddress::parse(mailbox.localMailbox.trimmed());
        if (!local) {
            return toUndeliverable(
                phrase(QT_TRANSLATE_NOOP("Pop3Connector::Router",
                           "local_mailbox %1 of mailbox %2 is not a valid address: %3"))
                    .arg(MailAddress::printable(mailbox.localMailbox), mailbox.name,
                        local.error().message));
        }
        d.kind = RoutingDecision::Kind::Deliver;
        d.eventId = EventId::MessageRouted;
        d.recipients = {*local};
        d.via = QStringLiteral("local_mailbox");
        return d;
    }

    // Global mailbox: the envelope header an ISP added names the real recipient; To and Cc
    // only when none does (so Bcc'd copies and list mail still find their recipient). Text that
    // is not an address but claims an accepted domain counts as a recipient of ours: it is
    // reported, never routed and never dropped in silence.
    const QStringList domains = canonicalDomains(mailbox.acceptedDomains);
    struct Candidate
    {
        QString text;
        Result<MailAddress> address;
    };
    QList<Candidate> candidates;
    const auto consider = [&](const QString &text) {
        if (text.isEmpty())
            return;
        Result<MailAddress> a = MailAddress::parse(text);
        if (a ? domains.contains(a->domain()) : claimsDomain(text, domains))
            candidates.append({text, std::move(a)});
    };
    QStringList via;
    for (const QString &header : mailbox.envelopeHeaders) {
        const QString name = header.trimmed().toLower();
        for (const auto &[h, address] : input.headerAddresses) {
            if (h == name)
                consider(address);
        }
        if (!candidates.isEmpty()) {
            via.append(header.trimmed());
            break;
        }
    }
    if (candidates.isEmpty()) {
        via.append(QStringLiteral("To/Cc"));
        for (const QString &address : input.to + input.cc)
            consider(address);
    }

    QStringList unrouted;
    QList<Phrase> reasons;
    const auto notRouted = [&](const QString &shown, const Phrase &why) {
        if (!unrouted.contains(shown, Qt::CaseInsensitive)) {
            unrouted.append(shown);
            reasons.append(why);
        }
    };
    for (const Candidate &c : std::as_const(candidates)) {
        if (!c.address) {
            const QString shown = MailAddress::printable(c.text);
            notRouted(shown,
                phrase(QT_TRANSLATE_NOOP("Pop3Connector::Router", "%1 is not a valid address: %2"))
                    .arg(shown, c.address.error().message));
            continue;
        }
        bool matched = false;
        for (const RoutingRule &rule : mailbox.rules) {
            const std::optional<Result<MailAddress>> local = apply(rule, *c.address);
            if (!local)
                continue;
            matched = true;
            const QString applied = rule.pattern + QStringLiteral(" -> ") + rule.target;
            if (!via.contains(applied))
                via.append(applied);
            if (!*local)
                notRouted(c.address->toString(), local->error().message);
            else if (!containsAddress(d.recipients, local->value()))
                d.recipients.append(local->value());
            break;
        }
        if (!matched) {
            notRouted(c.address->toString(),
                phrase(QT_TRANSLATE_NOOP("Pop3Connector::Router", "no routing rule matches %1"))
                    .arg(c.address->toString()));
        }
    }
    if (d.recipients.isEmpty()) {
        return toUndeliverable(candidates.isEmpty()
                ? phrase(QT_TRANSLATE_NOOP("Pop3Connector::Router",
                             "no recipient of the message is in the accepted domains (%1)"))
                      .arg(mailbox.acceptedDomains.join(QStringLiteral(", ")))
                : joined(reasons));
    }
    d.kind = RoutingDecision::Kind::Deliver;
    d.eventId = EventId::MessageRouted;
    d.via = via.join(QStringLiteral("; "));
    if (!unrouted.isEmpty()) {
        // The others get the message; those that reach nobody are reported and, where the
        // administrator set a mailbox for such mail, it gets one copy for all of them.
        d.unrouted = unrouted;
        d.unroutedReason = joined(reasons);
        if (undeliverable) {
            d.unroutedCopy = *undeliverable;
            if (!containsAddress(d.recipients, *undeliverable))
                d.recipients.append(*undeliverable);
        }
    }
    return d;
}

SenderDecision Router::envelopeSender(const std::optional<QString> &returnPath,
    const QString &fromAddress, const QString &undeliverableMailbox)
{
    // Return-Path holds the reverse-path of the last delivery (RFC 5321 §4.4). "<>" marks a
    // notification, which keeps it: an answer to a bounce could go round for ever (§4.5.5).
    if (returnPath) {
        if (returnPath->isEmpty())
            return {MailAddress::nullPath(), {}};
        if (Result<MailAddress> a = MailAddress::parse(*returnPath))
            return {*a, {}};
    }
    QStringList why;
    if (returnPath) {
        why.append(tr("Return-Path %1 is not a valid address: %2")
                       .arg(MailAddress::printable(*returnPath),
                           MailAddress::parse(*returnPath).error().message));
    }
    // Without a usable Return-Path, the author, as a server given a message without an envelope
    // takes it.
    if (fromAddress.isEmpty()) {
        why.append(tr("the message has no From address"));
    } else if (Result<MailAddress> a = MailAddress::parse(fromAddress)) {
        return {*a, why.join(QStringLiteral("; "))};
    } else {
        why.append(tr("From %1 is not a valid address: %2")
                       .arg(MailAddress::printable(fromAddress), a.error().message));
    }
    // Nobody valid to name. Not <> for an ordinary message: it marks a notification, so
    // auto-replies and filters treat the message as a bounce, and servers that refuse a null
    // sender with several recipients (Postfix's reject_multi_recipient_bounce) refuse it. The
    // undeliverable-mail mailbox instead: whatever the local server reports about the message
    // then reaches the administrator, who can act on it.
    if (Result<MailAddress> u = MailAddress::parse(undeliverableMailbox.trimmed()))
        return {*u, why.join(QStringLiteral("; "))};
    // Without one, <> is the only reverse-path that names nobody wrongly.
    return {MailAddress::nullPath(), why.join(QStringLiteral("; "))};
}

} // namespace Pop3Connector
