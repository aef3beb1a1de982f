#pragma once

#include "config/configuration.h"
#include "protocol/pop3parser.h"
#include "spool/uidledger.h"

#include <deque>
#include <optional>
#include <vector>

namespace Pop3Connector {

// What planning reads from a mailbox's ledger: an interface, so that planRetrieval() stays a
// pure function that a test feeds from a table.
class LedgerView
{
public:
    virtual ~LedgerView() = default;
    // When message `uid` was stored, and under which spool name, if it was.
    virtual std::optional<UidLedger::Entry> stored(const QByteArray &uid) const = 0;
    // The limit (KB) message `uid` outgrew while it streamed in an earlier cycle, if it did.
    virtual std::optional<int> oversizedAt(const QByteArray &uid) const = 0;
};

// The mailbox's ledger as planning sees it.
class UidLedgerView final : public LedgerView
{
public:
    explicit UidLedgerView(const UidLedger &ledger)
        : m_ledger(ledger)
    { }
    std::optional<UidLedger::Entry> stored(const QByteArray &uid) const override
    {
        return m_ledger.find(uid);
    }
    std::optional<int> oversizedAt(const QByteArray &uid) const override
    {
        return m_ledger.oversizedAt(uid);
    }

private:
    const UidLedger &m_ledger;
};

// What one cycle does with each message LIST names (DESIGN.md "Download"): retrieve it, delete
// it without downloading it again because the ledger holds it, or leave it on the server, for a
// reason. Every listed message is in exactly one of the three lists, each in LIST's order.
struct RetrievalPlan
{
    // RETR asks for these, in this order.
    struct Retrieval
    {
        int number = 0;
        qint64 octets = 0; // as LIST says
        qsizetype uidIndex = -1; // into the UIDL listing; -1 without UIDL
    };
    // Stored in an earlier cycle: DELE at once (store, then delete holds: the ledger has it).
    struct Deletion
    {
        int number = 0;
        qsizetype uidIndex = -1;
        QString spoolName; // what it was stored as
    };
    // Why a message stays on the server untouched this cycle.
    enum class Reason {
        Kept, // stored before; leave_on_server keeps it (not delete_after_days old yet)
        NotInUidl, // listed by LIST, not by UIDL: deleted meanwhile; the next cycle decides
        TooLarge, // LIST says it is larger than the limit
        OversizedBefore, // it outgrew a limit no lower than today's when it streamed before
        Backlog, // beyond max_messages_per_cycle: a later cycle takes it
    };
    struct Left
    {
        int number = 0;
        qint64 octets = 0;
        qsizetype uidIndex = -1;
        Reason reason = Reason::Kept;
    };

    // A deque, as the transaction takes it whole and requests from the front.
    std::deque<Retrieval> retrievals;
    std::vector<Deletion> deletions;
    std::vector<Left> left;

    // Messages left for `reason`.
    int count(Reason reason) const;
    // What the retrievals add up to, as LIST says.
    qint64 octetsToRetrieve() const;
};

// Whether the mailbox deletes a message from the server once the ledger holds it (otherwise
// leave_on_server keeps it there, until delete_after_days in planRetrieval()).
bool deletesOnceStored(const MailboxSettings &mailbox);

// Decides the fate of each message `scan` (LIST, sealed) names. `uids` is the sealed UIDL
// listing, or null when the server has none: then nothing is known as stored before it is
// downloaded (its digest is only known then), and all within the limits is retrieved. `now`
// (seconds since the epoch) is what delete_after_days counts against.
RetrievalPlan planRetrieval(const ScanListing &scan, const UniqueIdListing *uids,
    const LedgerView &ledger, const MailboxSettings &mailbox, qint64 now);

} // namespace Pop3Connector
