#include "pipeline/download/mailboxtransaction.h"

#include "base/clock.h"
#include "spool/messagemetadata.h"
#include "spool/spoolcommitter.h"
#include "spool/uidledger.h"

#include <QDateTime>

namespace Pop3Connector {

namespace {

// Pipelining window: enough requested ahead to keep the server streaming (about one
// bandwidth-delay product of a fast link), little enough that a stop drains quickly. Sizes come
// from LIST.
constexpr int kMaxRetrInFlight = 32;
constexpr qint64 kMaxRetrBytesInFlight = 1024 * 1024;

} // namespace

MailboxTransaction::MailboxTransaction(Context context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{ }

void MailboxTransaction::stat()
{
    Pop3Session::Command c;
    c.line = "STAT";
    c.onReply = [this](const Pop3Session::Reply &reply) {
        if (!reply.status.ok) {
            Q_EMIT failed(m_context.reporter->statRefused(reply.status));
            return;
        }
        if (const std::optional<Drop> drop = parseStat(reply.status.text)) {
            m_context.report->onServer = drop->count;
            m_context.report->octetsOnServer = drop->octets;
        }
        Q_EMIT dropListed();
    };
    m_context.session->send(std::move(c));
}

void MailboxTransaction::list()
{
    m_context.session->setPipelining(m_context.pipelining);
    m_listingsPending = 2;
    // Nothing of a listing is held as text.
    Pop3Session::Command uidl;
    uidl.line = "UIDL";
    uidl.multiLine = true;
    uidl.onLine = [this](QByteArrayView line) { return m_uids.add(line); };
    uidl.onReply = [this](const Pop3Session::Reply &reply) {
        m_haveUidl = reply.status.ok;
        m_uids.seal();
        onListing();
    };
    m_context.session->send(std::move(uidl));

    Pop3Session::Command list;
    list.line = "LIST";
    list.multiLine = true;
    list.onLine = [this](QByteArrayView line) { return m_scan.add(line); };
    list.onReply = [this](const Pop3Session::Reply &reply) {
        if (!reply.status.ok) {
            Q_EMIT failed(m_context.reporter->listRefused(reply.status));
            return;
        }
        m_scan.seal();
        onListing();
    };
    m_context.session->send(std::move(list));
}

void MailboxTransaction::onListing()
{
    if (--m_listingsPending == 0)
        Q_EMIT listed();
}

Status MailboxTransaction::begin()
{
    if (m_haveUidl) {
        if (Status pruned = pruneLedger(); !pruned)
            return pruned;
    } else {
        Q_EMIT noticed(m_context.reporter->noUniqueIds());
    }
    using Reason = RetrievalPlan::Reason;
    RetrievalPlan plan = planRetrieval(m_scan, m_haveUidl ? &m_uids : nullptr,
        UidLedgerView(*m_context.ledger), m_context.mailbox, Clock::secondsSinceEpoch());
    RetrievalReport &report = *m_context.report;
    report.onServer = int(m_scan.entries().size());
    report.alreadyStored = int(plan.deletions.size()) + plan.count(Reason::Kept);
    report.tooLarge = plan.count(Reason::TooLarge) + plan.count(Reason::OversizedBefore);
    report.backlog = plan.count(Reason::Backlog);
    for (const RetrievalPlan::Left &l : plan.left) {
        if (const std::optional<Notice> notice = m_context.reporter->left(l, uidAt(l.uidIndex)))
            Q_EMIT noticed(*notice);
    }
    for (const RetrievalPlan::Deletion &d : plan.deletions)
        deleteFromServer(d.number, uidAt(d.uidIndex), d.spoolName);
    if (report.backlog > 0)
        Q_EMIT noticed(m_context.reporter->backlog(report.backlog));
    m_context.progress->bytesTotal += plan.octetsToRetrieve();
    m_context.progress->messagesTotal = int(plan.retrievals.size());
    m_toRetrieve = std::move(plan.retrievals);
    return {};
}

// Only after a complete, valid UIDL listing may the ledger forget what the server no longer
// has. What it keeps is what it knows and the server still lists.
Status MailboxTransaction::pruneLedger()
{
    QSet<QByteArray> present;
    for (qsizetype i = 0; i < m_uids.size(); ++i) {
        const QByteArray uid = m_uids.uidAt(i).toByteArray();
        if (m_context.ledger->contains(uid))
            present.insert(uid);
    }
    return m_context.ledger->retainOnly(present);
}

void MailboxTransaction::retrieveMore()
{
    const int maxInFlight = m_context.pipelining ? kMaxRetrInFlight : 1;
    while (!m_closed && !m_stopping && !m_storageFailure && !m_toRetrieve.empty()
        && m_retrInFlight < maxInFlight
        && (m_retrInFlight == 0
            || m_retrBytesInFlight + m_toRetrieve.front().octets <= kMaxRetrBytesInFlight)) {
        const RetrievalPlan::Retrieval wanted = m_toRetrieve.front();
        m_toRetrieve.pop_front();
        auto message = std::make_shared<IncomingMessage>(m_context.spool, wanted.number,
            wanted.octets, uidAt(wanted.uidIndex), m_context.mailbox.messageLimitKb());
        // Its sidecar at the top of its file: one file a message. Without UIDL the message is
        // named by a digest of itself, known once it is whole, so its sidecar goes beside it.
        if (!message->uid().isEmpty())
            message->staged().setHead(metadataOf(message->uid()));
        ++m_retrInFlight;
        m_retrBytesInFlight += wanted.octets;

        // RFC 1939 §5 RETR: the body streams into the staged file as it arrives.
        Pop3Session::Command c;
        c.line = "RETR " + QByteArray::number(wanted.number);
        c.multiLine = true;
        IncomingMessage *raw = message.get();
        c.onData = [this, raw](QByteArrayView payload) { onRetrData(*raw, payload); };
        c.onReply = [this, message](
                        const Pop3Session::Reply &reply) { onRetrReply(message, reply.status); };
        m_context.session->send(std::move(c));
    }
}

void MailboxTransaction::onRetrData(IncomingMessage &message, QByteArrayView payload)
{
    m_context.progress->bytesDone += payload.size();
    switch (message.take(payload)) {
    case IncomingMessage::Intake::WriteFailed:
        noteStorageFailure(message.staged().error());
        [[fallthrough]];
    case IncomingMessage::Intake::Written:
        Q_EMIT progressed();
        return;
    case IncomingMessage::Intake::Outgrown:
        onOutgrown(message);
        return;
    case IncomingMessage::Intake::Discarded:
        return;
    case IncomingMessage::Intake::Runaway:
        Q_EMIT failed(m_context.reporter->runaway(message.number()));
        return;
    }
}

// The server sends more than the limit, whatever LIST said: nothing more is stored, the
// message stays on the server, and its UIDL is remembered so that later cycles do not
// download it again (DESIGN.md "Download").
void MailboxTransaction::onOutgrown(const IncomingMessage &message)
{
    const bool remembered = !message.uid().isEmpty();
    if (remembered) {
        const Status marked = m_context.ledger->markOversized(
            message.uid(), Clock::secondsSinceEpoch(), m_context.mailbox.messageLimitKb());
        if (!marked)
            noteStorageFailure(marked.error().message);
    }
    Q_EMIT noticed(m_context.reporter->outgrown(
        message.number(), message.listedOctets(), message.uid(), remembered));
}

void MailboxTransaction::onRetrReply(
    const std::shared_ptr<IncomingMessage> &message, const StatusLine &status)
{
    --m_retrInFlight;
    m_retrBytesInFlight -= message->listedOctets();
    ++m_context.progress->messagesDone;
    RetrievalReport &report = *m_context.report;
    if (message->isOversized()) {
        ++report.tooLarge; // read to its end and dropped; never deleted
    } else if (!status.ok) {
        message->staged().discard();
        ++report.unavailable;
        Q_EMIT noticed(m_context.reporter->unavailable(message->number(), status, message->uid()));
    } else if (m_storageFailure || message->staged().hasFailed()) {
        message->staged().discard();
    } else {
        if (message->uid().isEmpty()) {
            message->nameByDigest();
            // Stored in an earlier cycle, and only now, whole, recognised.
            if (const std::optional<UidLedger::Entry> stored =
                    m_context.ledger->find(message->uid())) {
                message->staged().discard();
                ++report.alreadyStored;
                if (deletesOnceStored(m_context.mailbox))
                    deleteFromServer(message->number(), message->uid(), stored->spoolName);
                retrieveMore();
                Q_EMIT moved();
                return;
            }
        }
        commit(message);
    }
    Q_EMIT progressed();
    retrieveMore();
    Q_EMIT moved();
}

MessageMetadata MailboxTransaction::metadataOf(const QByteArray &uid) const
{
    MessageMetadata meta;
    meta.mailbox = m_context.mailbox.name;
    meta.server = m_context.mailbox.host;
    meta.user = m_context.mailbox.user;
    meta.uid = uid;
    meta.retrieved = Clock::nowUtc();
    return meta;
}

// Hands the whole message, with its sidecar, to the committer, which makes it durable in
// Incoming Mail and in the ledger.
void MailboxTransaction::commit(const std::shared_ptr<IncomingMessage> &message)
{
    StagedMessage &staged = message->staged();
    const MailboxSettings &mb = m_context.mailbox;
    MessageMetadata meta = metadataOf(message->uid());
    meta.size = staged.size();
    if (!staged.finish(meta)) {
        noteStorageFailure(staged.error());
        return;
    }
    ++m_commitsInFlight;
    staged.release();
    CommitItem item {staged.name(), message->uid(), Clock::secondsSinceEpoch(), staged.size(),
        staged.headSize(), staged.metadataSize(), mb.name, mb.host, !deletesOnceStored(mb)};
    m_context.committer->submit(m_context.ledger, {item}, this,
        [this, message](const QString &error) { onCommitted(*message, error); });
}

void MailboxTransaction::onCommitted(IncomingMessage &message, const QString &error)
{
    --m_commitsInFlight;
    if (!error.isEmpty()) {
        noteStorageFailure(error);
    } else {
        const StagedMessage &staged = message.staged();
        ++m_context.report->stored;
        m_context.report->bytes += staged.size();
        Q_EMIT noticed(m_context.reporter->stored(
            message.number(), staged.size(), staged.name(), message.uid()));
        // Durable in Incoming Mail and in the ledger: now, and only now, DELE.
        if (deletesOnceStored(m_context.mailbox))
            deleteFromServer(message.number(), message.uid(), staged.name());
    }
    Q_EMIT moved();
}

// RFC 1939 §5 DELE marks a message; the server removes it only when QUIT succeeds. Store, then
// delete (DESIGN.md "Durability"): the one place DELE is sent, and each caller holds the
// message's ledger entry (stored in an earlier cycle, recognised by its digest, committed now).
void MailboxTransaction::deleteFromServer(
    int number, const QByteArray &uid, const QString &spoolName)
{
    if (m_closed)
        return; // the session is gone; the ledger has the message, the next cycle deletes it
    Pop3Session::Command c;
    c.line = "DELE " + QByteArray::number(number);
    c.onReply = [this, number, uid, spoolName](const Pop3Session::Reply &reply) {
        if (!reply.status.ok) {
            Q_EMIT noticed(m_context.reporter->deleteRefused(number, reply.status, uid));
            return;
        }
        ++m_context.report->deleted;
        m_deleted.append(QString::fromLatin1(uid) + u' ' + spoolName);
        if (!m_haveUidl)
            m_deletedWithoutUidl.insert(uid);
    };
    m_context.session->send(std::move(c));
}

void MailboxTransaction::stop()
{
    m_stopping = true;
}

void MailboxTransaction::close()
{
    m_closed = true;
}

bool MailboxTransaction::isSettled() const
{
    const bool nothingLeft = m_toRetrieve.empty() || m_stopping || m_storageFailure;
    return nothingLeft && m_retrInFlight == 0 && m_commitsInFlight == 0;
}

Status MailboxTransaction::forgetDeletedDigests()
{
    // Left in the ledger, a digest would take a later message with the same header and size
    // for this one, and delete it unread.
    if (m_deletedWithoutUidl.isEmpty())
        return {};
    return m_context.ledger->remove(m_deletedWithoutUidl);
}

void MailboxTransaction::noteStorageFailure(const QString &error)
{
    if (!m_storageFailure)
        m_storageFailure = error;
}

QByteArray MailboxTransaction::uidAt(qsizetype uidIndex) const
{
    return uidIndex >= 0 ? m_uids.uidAt(uidIndex).toByteArray() : QByteArray();
}

} // namespace Pop3Connector
