#pragma once

#include "config/configuration.h"
#include "events/reports.h"
#include "pipeline/download/incomingmessage.h"
#include "pipeline/download/retrievalplan.h"
#include "pipeline/download/retrievalreporter.h"
#include "protocol/pop3session.h"
#include "spool/spool.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <deque>
#include <memory>
#include <optional>

namespace Pop3Connector {

class SpoolCommitter;
class UidLedger;

// The TRANSACTION state of one mailbox's session (RFC 1939 §5-6), below the retrieval's state
// machine: the UIDL and LIST listings, the plan made from them and the ledger, RETR pipelined
// within a window with each message streamed into tmp/, the hand-off to the committer, and
// DELE once the ledger holds a message. It counts into the retrieval's report and progress and
// says when something moved; what follows is the retrieval's to decide.
class MailboxTransaction : public QObject
{
    Q_OBJECT
public:
    // What it works with; all of it the retrieval's.
    struct Context
    {
        Pop3Session *session = nullptr;
        bool pipelining = false; // RFC 2449: RETR may be requested ahead of the replies
        MailboxSettings mailbox;
        Spool spool;
        SpoolCommitter *committer = nullptr;
        std::shared_ptr<UidLedger> ledger;
        const RetrievalReporter *reporter = nullptr;
        RetrievalReport *report = nullptr; // what it counts goes here
        MailboxProgress *progress = nullptr;
    };

    explicit MailboxTransaction(Context context, QObject *parent = nullptr);

    // RFC 1939 §5 STAT, all a connection test asks: the drop listing goes into the report, then
    // dropListed().
    void stat();
    // RFC 1939 §7 UIDL and §5 LIST, pipelined when the server allows it and each parsed line by
    // line as it arrives into a compact listing; listed() once both are in.
    void list();
    // Once listed: prunes the ledger to what the server still lists, plans (planRetrieval()),
    // tells what is left, and sends DELE for what is stored already. An error: the ledger could
    // not be pruned, and nothing was sent.
    [[nodiscard]] Status begin();
    // Requests the next messages, as many as the pipelining window allows.
    void retrieveMore();
    // No more RETR from now; those requested are received and stored.
    void stop();
    // The session has left the transaction state: nothing more is sent. A message committed
    // from now on stays on the server; the ledger has it, so the next cycle deletes it unread.
    void close();

    // Nothing more will be requested, and nothing is under way.
    bool isSettled() const;
    int retrievalsInFlight() const { return m_retrInFlight; }
    int commitsInFlight() const { return m_commitsInFlight; }
    // The first storage failure; it stops further requests.
    const std::optional<QString> &storageFailure() const { return m_storageFailure; }
    // "UIDL spool-name" of each DELE the server accepted.
    const QStringList &deletedOnServer() const { return m_deleted; }
    // RFC 1939 §6, after QUIT's +OK: forgets the digests of what a server without UIDL removed.
    [[nodiscard]] Status forgetDeletedDigests();

Q_SIGNALS:
    void dropListed();
    void listed();
    // A message was answered or committed: the retrieval may go on.
    void moved();
    void progressed();
    void noticed(const Pop3Connector::Notice &notice);
    void failed(const Pop3Connector::Failure &failure);

private:
    void onListing();
    Status pruneLedger();
    void onRetrData(IncomingMessage &message, QByteArrayView payload);
    void onOutgrown(const IncomingMessage &message);
    void onRetrReply(const std::shared_ptr<IncomingMessage> &message, const StatusLine &status);
    // Where a message of this mailbox came from: its sidecar, without its size.
    MessageMetadata metadataOf(const QByteArray &uid) const;
    void commit(const std::shared_ptr<IncomingMessage> &message);
    void onCommitted(IncomingMessage &message, const QString &error);
    void deleteFromServer(int number, const QByteArray &uid, const QString &spoolName);
    void noteStorageFailure(const QString &error);
    QByteArray uidAt(qsizetype uidIndex) const;

    Context m_context;

    // Listings, parsed as they stream in (at most kMaxListingEntries each).
    UniqueIdListing m_uids;
    ScanListing m_scan;
    bool m_haveUidl = false;
    int m_listingsPending = 0;

    std::deque<RetrievalPlan::Retrieval> m_toRetrieve;
    int m_retrInFlight = 0;
    qint64 m_retrBytesInFlight = 0;
    int m_commitsInFlight = 0;
    bool m_stopping = false;
    bool m_closed = false;
    std::optional<QString> m_storageFailure;
    QStringList m_deleted;
    QSet<QByteArray> m_deletedWithoutUidl;
};

} // namespace Pop3Connector
