#include "service/notificationpolicy.h"

#include "diagnosis/spoolchecks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Pop3Connector {

namespace {

const QString kFailedMail = QStringLiteral("failed-mail");
const QString kBadMail = QStringLiteral("badmail");
const QString kDelivery = QStringLiteral("delivery");
const QString kTransfer = QStringLiteral("transfer");
const QString kDisk = QStringLiteral("disk");

QString mailboxKey(const QString &mailbox)
{
    return QStringLiteral("mailbox:") + mailbox;
}

bool isOpen(const NotificationState &state, const QString &key)
{
    const auto it = state.constFind(key);
    return it != state.constEnd() && it->open;
}

// A folder's problem: new messages arrived this cycle, or it was open and the folder still holds
// some (the administrator has not dealt with them yet).
void findFolder(NotificationPolicy::Findings &out, const NotificationState &state,
    const QString &key, int arrived, int count, Problem problem)
{
    if (count < 0 && arrived <= 0)
        return; // nothing seen of the folder
    out.looked.insert(key);
    if (arrived > 0 || (count > 0 && isOpen(state, key))) {
        problem.key = key;
        if (arrived <= 0)
            problem.text = state.value(key).problem.text;
        out.problems.append(problem);
    }
}

QJsonObject toJson(const ProblemRecord &r)
{
    return {{QStringLiteral("key"), r.problem.key},
        {QStringLiteral("event"), int(r.problem.eventId)},
        {QStringLiteral("subject"), r.problem.subject}, {QStringLiteral("text"), r.problem.text},
        {QStringLiteral("open"), r.open},
        {QStringLiteral("since"), r.since.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("told"), r.told},
        {QStringLiteral("lastTold"), r.lastTold.toUTC().toString(Qt::ISODateWithMs)}};
}

} // namespace

NotificationPolicy::Findings NotificationPolicy::find(
    const Observation &o, const NotificationState &state)
{
    Findings out;
    const CycleReport &report = o.report;
    for (const RetrievalReport &r : report.retrievals) {
        if (r.outcome == RetrievalReport::Outcome::Cancelled)
            continue; // stopped by someone: says nothing of the mailbox
        const QString key = mailboxKey(r.mailbox);
        out.looked.insert(key);
        if (r.outcome != RetrievalReport::Outcome::Succeeded)
            out.problems.append({key, r.failureId, tr("mailbox %1").arg(r.mailbox), r.failureText});
    }
    if (report.transfer) {
        out.looked.insert(kTransfer);
        if (!report.transfer->error.isEmpty())
            out.problems.append({kTransfer, EventId::TransferFailed, tr("transfer to PickUp"),
                report.transfer->error});
    }
    if (report.dispatch) {
        const DispatchReport &d = *report.dispatch;
        out.looked.insert(kDelivery);
        if (!d.failure.isEmpty())
            out.problems.append(
                {kDelivery, d.failureId, tr("delivery to the local mail server"), d.failure});
        else if (d.deferred > 0 && d.delivered == 0)
            out.problems.append(
                {kDelivery, EventId::DeliveryDeferred, tr("delivery to the local mail server"),
                    tr("The local mail server deferred %n message(s); none was delivered.", nullptr,
                        d.deferred)});
    }
    const int failedArrived = report.transfer ? report.transfer->failed : 0;
    findFolder(out, state, kFailedMail, failedArrived, o.failedMail,
        {{}, EventId::TransferFailed, tr("Failed Mail"),
            tr("%n message(s) could not be routed and were put in Failed Mail.", nullptr,
                failedArrived)});
    const int badArrived = report.dispatch ? report.dispatch->rejected : 0;
    findFolder(out, state, kBadMail, badArrived, o.badMail,
        {{}, EventId::DeliveryRejected, tr("BadMail"),
            tr("%n message(s) were rejected by the local mail server and put in BadMail.", nullptr,
                badArrived)});
    if (o.bytesFree >= 0 && o.bytesTotal > 0) {
        out.looked.insert(kDisk);
        const bool low = o.bytesFree < SpoolChecks::kWarnFreeBytes
            || o.bytesFree * 100 < o.bytesTotal * SpoolChecks::kWarnFreePercent;
        if (low)
            out.problems.append({kDisk, EventId::SpoolDiskLow, tr("the spool's disk"),
                tr("%1 MB free of %2 MB.")
                    .arg(o.bytesFree / (1024 * 1024))
                    .arg(o.bytesTotal / (1024 * 1024))});
    }
    return out;
}

Decision NotificationPolicy::decide(
    const NotificationState &state, const Findings &findings, const QDateTime &now)
{
    Decision d;
    d.next = state;
    QSet<QString> seen;
    for (const Problem &p : findings.problems) {
        seen.insert(p.key);
        ProblemRecord &r = d.next[p.key];
        if (!r.open) {
            r.open = true;
            r.since = now;
            d.started.append(p);
        }
        r.problem = p;
    }
    for (auto it = d.next.begin(); it != d.next.end(); ++it) {
        if (it->open && !seen.contains(it.key()) && findings.looked.contains(it.key())) {
            it->open = false;
            it->since = now;
            d.ended.append(it->problem);
        }
    }
    for (auto it = d.next.begin(); it != d.next.end();) {
        ProblemRecord &r = *it;
        const bool quiet = !r.lastTold.isValid() || r.lastTold.secsTo(now) >= kQuietSeconds;
        if (r.open && !r.told && quiet) {
            d.notices.append({ProblemNotice::Kind::Started, r.problem, r.since});
            r.told = true;
            r.lastTold = now;
        } else if (!r.open && r.told) {
            d.notices.append({ProblemNotice::Kind::Ended, r.problem, r.since});
            r.told = false;
        }
        if (r.open)
            d.open.append(r);
        // Forgotten once nothing about it is owed and the hour has passed.
        if (!r.open && !r.told && quiet)
            it = d.next.erase(it);
        else
            ++it;
    }
    std::sort(d.open.begin(), d.open.end(),
        [](const ProblemRecord &a, const ProblemRecord &b) { return a.since < b.since; });
    return d;
}

QByteArray NotificationPolicy::save(const NotificationState &state)
{
    QJsonArray problems;
    for (const ProblemRecord &r : state)
        problems.append(toJson(r));
    return QJsonDocument(
        QJsonObject {{QStringLiteral("version"), 1}, {QStringLiteral("problems"), problems}})
        .toJson();
}

std::optional<NotificationState> NotificationPolicy::load(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()
        || doc.object().value(QStringLiteral("version")).toInt() != 1)
        return std::nullopt;
    NotificationState state;
    for (const QJsonValue &v : doc.object().value(QStringLiteral("problems")).toArray()) {
        const QJsonObject o = v.toObject();
        ProblemRecord r;
        r.problem.key = o.value(QStringLiteral("key")).toString();
        if (r.problem.key.isEmpty())
            return std::nullopt;
        r.problem.eventId = EventId(o.value(QStringLiteral("event")).toInt());
        if (!allEventIds().contains(r.problem.eventId))
            return std::nullopt; // a file from a newer version, or damaged
        r.problem.subject = o.value(QStringLiteral("subject")).toString();
        r.problem.text = o.value(QStringLiteral("text")).toString();
        r.open = o.value(QStringLiteral("open")).toBool();
        r.since = QDateTime::fromString(o.value(QStringLiteral("since")).toString(), Qt::ISODate);
        r.told = o.value(QStringLiteral("told")).toBool();
        r.lastTold =
            QDateTime::fromString(o.value(QStringLiteral("lastTold")).toString(), Qt::ISODate);
        state.insert(r.problem.key, r);
    }
    return state;
}

} // namespace Pop3Connector
