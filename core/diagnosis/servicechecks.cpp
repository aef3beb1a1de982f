#include "diagnosis/servicechecks.h"

#include <algorithm>

namespace Pop3Connector {

QList<Finding> ServiceChecks::evaluate(const ServiceFacts &f)
{
    QList<Finding> out;
    out.append({QStringLiteral("service.running"), Verdict::Pass,
        tr("The service runs as %1, process %2").arg(f.user).arg(f.pid), {}, {}});
    if (f.deliveryEnabled) {
        out.append({QStringLiteral("service.delivery"), Verdict::Pass,
            tr("Delivery to the local mail server is on"), {}, {}});
    } else {
        out.append({QStringLiteral("service.delivery"), Verdict::Warning,
            tr("Delivery to the local mail server was stopped by an administrator"),
            tr("mail collects in PickUp"), tr("Start it again: pop3connectorctl delivery start")});
    }
    if (!f.scheduleEnabled) {
        out.append({QStringLiteral("service.schedule"), Verdict::Warning,
            tr("No schedule: mail is retrieved only when someone asks"),
            QStringLiteral("schedule_enabled = false"),
            tr("Set schedule_enabled = true in [connector], unless cycles are started on purpose "
               "(pop3connectorctl retrieve-now).")});
    } else {
        out.append({QStringLiteral("service.schedule"), Verdict::Pass,
            tr("A cycle runs every %n minute(s)", nullptr, f.intervalMinutes), {}, {}});
    }
    if (f.lastCycleFinished.isValid()) {
        const qint64 seconds = f.lastCycleStarted.secsTo(f.lastCycleFinished);
        const QString evidence = tr("started %1, took %n second(s)", nullptr, int(seconds))
                                     .arg(f.lastCycleStarted.toString(Qt::ISODate));
        if (f.scheduleEnabled && seconds > qint64(std::max(1, f.intervalMinutes)) * 60) {
            out.append({QStringLiteral("service.cycle"), Verdict::Warning,
                tr("The last cycle took longer than the interval"), evidence,
                tr("Raise interval_minutes, or lower max_messages_per_cycle so that one cycle "
                   "ends before the next is due; look for a slow mailbox in the event log.")});
        } else {
            out.append({QStringLiteral("service.cycle"), Verdict::Pass,
                tr("The last cycle finished in time"), evidence, {}});
        }
    }
    QStringList names = f.lastResults.keys();
    std::sort(names.begin(), names.end());
    for (const QString &name : names) {
        const RetrievalReport &r = f.lastResults[name];
        if (r.outcome == RetrievalReport::Outcome::Failed)
            out.append({QStringLiteral("service.last-result"), Verdict::Warning,
                tr("The last retrieval of %1 failed").arg(name), r.failureText,
                tr("See the findings of mailbox %1 below: if they pass now, the problem has "
                   "gone since.")
                    .arg(name)});
    }
    for (const ServiceFacts::Problem &p : f.openProblems) {
        const QString since = p.since.toLocalTime().toString(Qt::ISODate);
        out.append({QStringLiteral("service.problem"), Verdict::Warning,
            tr("A problem with %1 since %2").arg(p.subject, since),
            p.told ? tr("%1 (reported to the administrator)").arg(p.text) : p.text,
            describe(p.eventId).fix});
    }
    return out;
}

} // namespace Pop3Connector
