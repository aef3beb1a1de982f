#include "alertpolicy.h"

namespace Pop3Connector {

namespace {
const QString kMailboxPrefix = QStringLiteral("mailbox:");
} // namespace

Health AlertPolicy::severityOf(const QString &key)
{
    if (key.startsWith(kMailboxPrefix) || key == u"delivery" || key == u"transfer")
        return Health::Failing;
    return Health::Warning;
}

QString AlertPolicy::titleOf(const OpenProblem &problem)
{
    const QString &key = problem.key;
    if (key.startsWith(kMailboxPrefix))
        return tr("Mailbox %1 is failing").arg(key.mid(kMailboxPrefix.size()));
    if (key == u"delivery")
        return tr("Delivery to the local mail server has stopped");
    if (key == u"transfer")
        return tr("Transfer to PickUp has stopped");
    if (key == u"failed-mail")
        return tr("Mail arrived in Failed Mail");
    if (key == u"badmail")
        return tr("Mail arrived in BadMail");
    if (key == u"disk")
        return tr("The spool's disk is nearly full");
    // A problem of a newer service: its own words.
    return problem.subject;
}

AlertDecision AlertPolicy::decide(const AlertState &told, const AlertStatus &status)
{
    AlertDecision d;
    if (!status.reachable) {
        // Nothing is known of the problems meanwhile: what was told stays told.
        d.health = Health::Failing;
        d.next = told;
        return d;
    }
    if (!status.deliveryOn || status.failedMail > 0)
        d.health = Health::Warning;
    for (const OpenProblem &p : status.problems) {
        const Health severity = severityOf(p.key);
        d.health = std::max(d.health, severity);
        d.next.insert(p.key, p.since);
        const auto it = told.constFind(p.key);
        if (it != told.cend() && *it == p.since)
            continue;
        d.alerts.append({p.key, severity, titleOf(p), p.text});
    }
    return d;
}

} // namespace Pop3Connector
