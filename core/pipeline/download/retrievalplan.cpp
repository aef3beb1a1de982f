#include "pipeline/download/retrievalplan.h"

#include <algorithm>

namespace Pop3Connector {

namespace {

constexpr qint64 kSecondsPerDay = 86400;

// leave_on_server with delete_after_days: a message stored that long ago leaves the server.
bool hasExpired(const UidLedger::Entry &stored, const MailboxSettings &mailbox, qint64 now)
{
    return mailbox.leaveOnServer && mailbox.deleteAfterDays > 0
        && now - stored.storedAt >= qint64(mailbox.deleteAfterDays) * kSecondsPerDay;
}

} // namespace

int RetrievalPlan::count(Reason reason) const
{
    return int(std::count_if(
        left.cbegin(), left.cend(), [reason](const Left &l) { return l.reason == reason; }));
}

qint64 RetrievalPlan::octetsToRetrieve() const
{
    qint64 octets = 0;
    for (const Retrieval &r : retrievals)
        octets += r.octets;
    return octets;
}

bool deletesOnceStored(const MailboxSettings &mailbox)
{
    return !mailbox.leaveOnServer;
}

RetrievalPlan planRetrieval(const ScanListing &scan, const UniqueIdListing *uids,
    const LedgerView &ledger, const MailboxSettings &mailbox, qint64 now)
{
    using Reason = RetrievalPlan::Reason;
    RetrievalPlan plan;
    const int limitKb = mailbox.messageLimitKb();
    for (const ScanEntry &e : scan.entries()) {
        qsizetype uidIndex = -1;
        if (uids) {
            uidIndex = uids->indexOf(e.number);
            if (uidIndex < 0) {
                plan.left.push_back({e.number, e.octets, uidIndex, Reason::NotInUidl});
                continue;
            }
            const QByteArray uid = uids->uidAt(uidIndex).toByteArray();
            if (const std::optional<UidLedger::Entry> stored = ledger.stored(uid)) {
                if (deletesOnceStored(mailbox) || hasExpired(*stored, mailbox, now))
                    plan.deletions.push_back({e.number, uidIndex, stored->spoolName});
                else
                    plan.left.push_back({e.number, e.octets, uidIndex, Reason::Kept});
                continue;
            }
            // Whatever LIST says now, a message found larger than the limit while it streamed
            // is not downloaded again until the limit is raised.
            if (const std::optional<int> earlierLimit = ledger.oversizedAt(uid);
                earlierLimit && *earlierLimit >= limitKb) {
                plan.left.push_back({e.number, e.octets, uidIndex, Reason::OversizedBefore});
                continue;
            }
        }
        if (e.octets > qint64(limitKb) * 1024) {
            plan.left.push_back({e.number, e.octets, uidIndex, Reason::TooLarge});
            continue;
        }
        if (mailbox.maxMessagesPerCycle > 0
            && qsizetype(plan.retrievals.size()) >= mailbox.maxMessagesPerCycle) {
            plan.left.push_back({e.number, e.octets, uidIndex, Reason::Backlog});
            continue;
        }
        plan.retrievals.push_back({e.number, e.octets, uidIndex});
    }
    return plan;
}

} // namespace Pop3Connector
