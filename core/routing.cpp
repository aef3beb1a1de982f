#include "routing.h"

#include <QCoreApplication>

namespace Pop3Connector {

namespace {

QString domainOf(const QString &address)
{
    return address.section(u'@', -1).toLower();
}

} // namespace

QString Router::normalise(const QString &raw)
{
    QString a = raw.trimmed();
    const qsizetype open = a.lastIndexOf(u'<');
    if (open >= 0) {
        const qsizetype close = a.indexOf(u'>', open);
        a = a.mid(open + 1, close < 0 ? -1 : close - open - 1).trimmed();
    }
    const qsizetype at = a.lastIndexOf(u'@');
    if (at <= 0 || at == a.size() - 1)
        return {};
    return a.left(at) + u'@' + a.mid(at + 1).toLower();
}

bool Router::inDomains(const QString &address, const QStringList &domains)
{
    const QString domain = domainOf(address);
    for (const QString &d : domains) {
        if (domain.compare(d, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

std::optional<QString> Router::apply(const RoutingRule &rule, const QString &address)
{
    const QString pattern = rule.pattern.trimmed();
    bool matches;
    if (pattern.startsWith(QStringLiteral("*@")))
        matches = domainOf(address) == pattern.mid(2).toLower();
    else
        matches = address.compare(normalise(pattern), Qt::CaseInsensitive) == 0;
    if (!matches)
        return std::nullopt;
    const QString target = rule.target.trimmed();
    if (target.startsWith(QStringLiteral("*@")))
        return address.section(u'@', 0, -2) + target.mid(1).toLower();
    return normalise(target);
}

RoutingDecision Router::route(
    const RoutingInput &input, const MailboxSettings &mailbox, const QString &undeliverableMailbox)
{
    RoutingDecision d;
    if (input.traceCount >= kLoopLimit) {
        d.kind = RoutingDecision::Kind::Failed;
        d.eventId = EventId::MailLoop;
        d.reason = tr("the message has passed through this connector %1 times; it is looping")
                       .arg(input.traceCount);
        return d;
    }
    auto toUndeliverable = [&](const QString &why) {
        if (undeliverableMailbox.isEmpty()) {
            d.kind = RoutingDecision::Kind::Failed;
            d.eventId = EventId::NoRecipientFailed;
            d.reason = why + u' '
                + tr("and no undeliverable-mail mailbox is configured (undeliverable_mailbox)");
        } else {
            d.kind = RoutingDecision::Kind::Undeliverable;
            d.eventId = EventId::NoLocalRecipient;
            d.recipients = {normalise(undeliverableMailbox)};
            d.reason = why;
        }
        return d;
    };

    if (mailbox.type == MailboxType::User) {
        if (mailbox.localMailbox.isEmpty())
            return toUndeliverable(tr("mailbox %1 has no local_mailbox").arg(mailbox.name));
        d.kind = RoutingDecision::Kind::Deliver;
        d.eventId = EventId::MessageRouted;
        d.recipients = {normalise(mailbox.localMailbox)};
        return d;
    }

    // Global mailbox: the envelope header an ISP added names the real recipient; To and Cc
    // only when none does (so Bcc'd copies and list mail still find their recipient).
    QStringList candidates;
    for (const QString &header : mailbox.envelopeHeaders) {
        const QString name = header.trimmed().toLower();
        for (const auto &[h, address] : input.headerAddresses) {
            const QString a = normalise(address);
            if (h == name && !a.isEmpty() && inDomains(a, mailbox.acceptedDomains))
                candidates.append(a);
        }
        if (!candidates.isEmpty())
            break;
    }
    if (candidates.isEmpty()) {
        for (const QString &address : input.to + input.cc) {
            const QString a = normalise(address);
            if (!a.isEmpty() && inDomains(a, mailbox.acceptedDomains))
                candidates.append(a);
        }
    }
    for (const QString &address : std::as_const(candidates)) {
        for (const RoutingRule &rule : mailbox.rules) {
            if (const std::optional<QString> local = apply(rule, address)) {
                if (!d.recipients.contains(*local, Qt::CaseInsensitive))
                    d.recipients.append(*local);
                break;
            }
        }
    }
    if (d.recipients.isEmpty()) {
        return toUndeliverable(candidates.isEmpty()
                ? tr("no recipient of the message is in the accepted domains "
                     "(%1)")
                      .arg(mailbox.acceptedDomains.join(QStringLiteral(", ")))
                : tr("no routing rule matches %1").arg(candidates.join(QStringLiteral(", "))));
    }
    d.kind = RoutingDecision::Kind::Deliver;
    d.eventId = EventId::MessageRouted;
    return d;
}

} // namespace Pop3Connector
