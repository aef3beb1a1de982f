#pragma once

#include "spool/spool.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace Pop3Connector {

class MessageJournal;
class UidLedger;

// One message finished in tmp/, to be made durable in Incoming Mail.
struct CommitItem
{
    QString name; // spool base name
    QByteArray uid;
    qint64 storedAt = 0;
    // What was written, verified on disk before the message counts as stored.
    qint64 size = 0; // the message
    qint64 headSize = 0; // its sidecar at the top of its file
    qint64 metadataSize = 0; // its sidecar beside it; 0 when at the top
    // For the message journal's Stored record.
    QString mailbox;
    QString server;
    bool leftOnServer = false; // the mailbox keeps its mail on the server
};

// Group commit (docs/design.md "Durability"): messages written to tmp/ by any number of sessions
// are made durable together. Each cycle takes everything submitted so far and does
//   1. syncfs: the files' data and sidecars are durable in tmp/, and each file on disk has the
//      size that was written (a file system that lost bytes is caught here);
//   2. append their UIDLs to the ledgers and sync them: from here a crash is finished by
//      startup recovery, which moves ledgered files from tmp/ into place;
//   3. rename each sidecar (where it is beside its message), then each message, into Incoming
//      Mail, and sync the folder;
// and only then tells each submitter, who may now send DELE. A cycle starts 10 ms after the
// first submission, or at once when 256 messages wait; while one cycle syncs the next batch
// collects. The number of syncs follows time and the disk's speed, not the message count.
class SpoolCommitter : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const QString &error)>;

    explicit SpoolCommitter(const Spool &spool, QObject *parent = nullptr);

    // Thread-safe. `done` runs in `context`'s thread once the items are durable in Incoming
    // Mail (empty error) or could not be made so; it is dropped if `context` is gone.
    void submit(
        std::shared_ptr<UidLedger> ledger, QList<CommitItem> items, QObject *context, Done done);
    // Each cycle appends a Stored record for every message it placed, in one write. Set before
    // the first submit().
    void setJournal(std::shared_ptr<MessageJournal> journal) { m_journal = std::move(journal); }

Q_SIGNALS:
    // Stored records could not be written to the message journal (the messages are stored):
    // a sentence for the administrator (journalFailure()).
    void journalFailed(const QString &text);
    // A cycle placed `messages` in Incoming Mail: transfer may take them now.
    void placed(int messages);

private:
    struct Submission
    {
        std::shared_ptr<UidLedger> ledger;
        QList<CommitItem> items;
        QPointer<QObject> context;
        Done done;
        QString error;
    };

    void runCycle();

    static constexpr int kGatherMs = 10;
    static constexpr qsizetype kFullBatch = 256;

    Spool m_spool;
    std::shared_ptr<MessageJournal> m_journal;
    QMutex m_mutex;
    QList<Submission> m_pending;
    qsizetype m_pendingItems = 0;
    bool m_scheduled = false; // a gathering timer is set
    bool m_runNow = false; // a full batch is queued
};

} // namespace Pop3Connector
