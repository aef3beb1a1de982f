#include "diagnosis/servicechecks.h"

#include <algorithm>

namespace Pop3Connector {

namespace {

// The context lupdate gives the QT_TR_NOOP strings of ServiceChecks's functions, as it gave their
// tr().
constexpr char kContext[] = "Pop3Connector::ServiceChecks";

} // namespace

QList<Finding> ServiceChecks::evaluate(const ServiceFacts &f)
{
    QList<Finding> out;
    out.append({QStringLiteral("service.running"), Verdict::Pass,
        Phrase(kContext, QT_TR_NOOP("The service runs as %1, process %2")).arg(f.user).arg(f.pid),
        {}, {}});
    if (f.deliveryEnabled) {
        out.append({QStringLiteral("service.delivery"), Verdict::Pass,
            Phrase(kContext, QT_TR_NOOP("Delivery to the local mail server is on")), {}, {}});
    } else {
        out.append({QStringLiteral("service.delivery"), Verdict::Warning,
            Phrase(kContext,
                QT_TR_NOOP("Delivery to the local mail server was stopped by an administrator")),
            Phrase(kContext, QT_TR_NOOP("mail collects in PickUp")),
            Phrase(kContext, QT_TR_NOOP("Start it again: pop3connectorctl delivery start"))});
    }
    if (!f.scheduleEnabled) {
        out.append({QStringLiteral("service.schedule"), Verdict::Warning,
            Phrase(kContext, QT_TR_NOOP("No schedule: mail is retrieved only when someone asks")),
            QStringLiteral("schedule_enabled = false"),
            Phrase(kContext,
                QT_TR_NOOP("Set schedule_enabled = true in [connector], unless cycles are started "
                           "on purpose "
                           "(pop3connectorctl retrieve-now)."))});
    } else {
        out.append({QStringLiteral("service.schedule"), Verdict::Pass,
            Phrase(kContext, QT_TR_N_NOOP("A cycle runs every %n minute(s)"), f.intervalMinutes),
            {}, {}});
    }
    if (f.lastCycleFinished.isValid()) {
        const qint64 seconds = f.lastCycleStarted.secsTo(f.lastCycleFinished);
        const Phrase evidence =
            Phrase(kContext, QT_TR_N_NOOP("started %1, took %n second(s)"), int(seconds))
                .arg(f.lastCycleStarted.toString(Qt::ISODate));
        if (f.scheduleEnabled && seconds > qint64(std::max(1, f.intervalMinutes)) * 60) {
            out.append({QStringLiteral("service.cycle"), Verdict::Warning,
                Phrase(kContext, QT_TR_NOOP("The last cycle took longer than the interval")),
                evidence,
                Phrase(kContext,
                    QT_TR_NOOP(
                        "Raise interval_minutes, or lower max_messages_per_cycle so that one cycle "
                        "ends before the next is due; look for a slow mailbox in the event "
                        "log."))});
        } else {
            out.append({QStringLiteral("service.cycle"), Verdict::Pass,
                Phrase(kContext, QT_TR_NOOP("The last cycle finished in time")), evidence, {}});
        }
    }
    QStringList names = f.lastResults.keys();
    std::sort(names.begin(), names.end());
    for (const QString &name : names) {
        const RetrievalReport &r = f.lastResults[name];
        if (r.outcome == RetrievalReport::Outcome::Failed)
            out.append({QStringLiteral("service.last-result"), Verdict::Warning,
                Phrase(kContext, QT_TR_NOOP("The last retrieval of %1 failed")).arg(name),
                r.failureText,
                Phrase(kContext,
                    QT_TR_NOOP(
                        "See the findings of mailbox %1 below: if they pass now, the problem has "
                        "gone since."))
                    .arg(name)});
    }
    for (const ServiceFacts::Problem &p : f.openProblems) {
        const QString since = p.since.toLocalTime().toString(Qt::ISODate);
        out.append({QStringLiteral("service.problem"), Verdict::Warning,
            Phrase(kContext, QT_TR_NOOP("A problem with %1 since %2")).arg(p.subject, since),
            p.told ? Phrase(kContext, QT_TR_NOOP("%1 (reported to the administrator)")).arg(p.text)
                   : p.text,
            fixPhrase(p.eventId)});
    }
    return out;
}

} // namespace Pop3Connector
