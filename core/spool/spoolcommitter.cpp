#include "spool/spoolcommitter.h"

#include "base/clock.h"
#include "base/durablefs.h"
#include "spool/messagejournal.h"
#include "spool/uidledger.h"

#include <QHash>
#include <QSet>
#include <QTimer>

namespace Pop3Connector {

SpoolCommitter::SpoolCommitter(const Spool &spool, QObject *parent)
    : QObject(parent)
    , m_spool(spool)
{ }

void SpoolCommitter::submit(
    std::shared_ptr<UidLedger> ledger, QList<CommitItem> items, QObject *context, Done done)
{
    QMutexLocker lock(&m_mutex);
    m_pendingItems += items.size();
    m_pending.append(
        Submission {std::move(ledger), std::move(items), context, std::move(done), {}});
    if (m_pendingItems >= kFullBatch && !m_runNow) {
        m_runNow = true;
        QMetaObject::invokeMethod(this, &SpoolCommitter::runCycle, Qt::QueuedConnection);
    } else if (!m_scheduled) {
        // A sync costs the same for one file or hundreds: gather a moment's worth first.
        m_scheduled = true;
        QMetaObject::invokeMethod(
            this, [this] { QTimer::singleShot(kGatherMs, this, &SpoolCommitter::runCycle); },
            Qt::QueuedConnection);
    }
}

void SpoolCommitter::runCycle()
{
    QList<Submission> batch;
    {
        QMutexLocker lock(&m_mutex);
        batch.swap(m_pending);
        m_pendingItems = 0;
        m_runNow = false;
        m_scheduled = false;
    }
    if (batch.isEmpty())
        return;

    const QString tmp = m_spool.tmpPath() + u'/';
    const QString incoming = m_spool.folderPath(SpoolFolder::Incoming) + u'/';

    // 1. Data durable in tmp/, and whole.
    QStringList files;
    qint64 bytes = 0;
    for (const Submission &s : std::as_const(batch)) {
        for (const CommitItem &item : s.items) {
            files << tmp + Spool::emlName(item.name);
            if (item.metadataSize > 0)
                files << tmp + Spool::metaName(item.name);
            bytes += item.headSize + item.size + item.metadataSize;
        }
    }
    if (Status synced = DurableFs::syncFiles(m_spool.tmpPath(), files, bytes); !synced) {
        for (Submission &s : batch)
            s.error = synced.error().message;
    }
    for (Submission &s : batch) {
        for (const CommitItem &item : std::as_const(s.items)) {
            if (!s.error.isEmpty())
                break;
            Status whole =
                DurableFs::verifySize(tmp + Spool::emlName(item.name), item.headSize + item.size);
            if (whole && item.metadataSize > 0)
                whole = DurableFs::verifySize(tmp + Spool::metaName(item.name), item.metadataSize);
            if (!whole)
                s.error = whole.error().message;
        }
    }

    // 2. Ledgers, one append per ledger for the whole batch.
    QHash<UidLedger *, QList<std::pair<QByteArray, UidLedger::Entry>>> lines;
    for (const Submission &s : std::as_const(batch)) {
        if (!s.error.isEmpty())
            continue;
        for (const CommitItem &item : s.items)
            lines[s.ledger.get()].append({item.uid, {item.storedAt, item.name}});
    }
    for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
        const Status appended = it.key()->append(it.value());
        if (appended)
            continue;
        for (Submission &s : batch) {
            if (s.ledger.get() == it.key() && s.error.isEmpty())
                s.error = appended.error().message;
        }
    }

    // 3. Into place.
    int renamed = 0;
    for (Submission &s : batch) {
        if (!s.error.isEmpty())
            continue;
        QSet<QByteArray> unplaced;
        for (const CommitItem &item : std::as_const(s.items)) {
            const QString meta = Spool::metaName(item.name);
            const QString eml = Spool::emlName(item.name);
            Status placed =
                item.metadataSize > 0 ? DurableFs::rename(tmp + meta, incoming + meta) : Status();
            if (placed)
                placed = DurableFs::rename(tmp + eml, incoming + eml);
            if (!placed) {
                s.error = placed.error().message;
                unplaced.insert(item.uid);
            } else {
                ++renamed;
            }
        }
        if (!unplaced.isEmpty()) {
            // The ledger must not claim a message this process has not placed, or the next
            // cycle would delete it from the server. Forgetting in memory is enough for this
            // process; if the rewrite fails too, startup recovery finishes the move from tmp/.
            if (Status forgotten = s.ledger->remove(unplaced); !forgotten)
                s.error += u' ' + forgotten.error().message;
        }
    }
    if (renamed > 0) {
        if (Status synced = DurableFs::syncDirectory(incoming); !synced) {
            for (Submission &s : batch)
                s.error = synced.error().message;
        } else {
            Q_EMIT placed(renamed);
        }
    }

    if (m_journal) {
        // The journal is the administrator's record, never a reason to hold up a commit: a
        // record that cannot be written is lost, the message is not.
        const qint64 now = Clock::nowUtc().toMSecsSinceEpoch();
        QList<TrackingRecord> stored;
        for (const Submission &s : std::as_const(batch)) {
            if (!s.error.isEmpty())
                continue;
            for (const CommitItem &item : s.items) {
                TrackingRecord r;
                r.time = now;
                r.kind = TrackingRecord::Kind::Stored;
                r.message = item.name;
                r.mailbox = item.mailbox;
                r.server = item.server;
                r.uid = QString::fromLatin1(item.uid);
                r.size = item.size;
                if (item.leftOnServer)
                    r.detail = TrackingRecord::kLeftOnServer;
                stored.append(std::move(r));
            }
        }
        if (Status s = m_journal->append(stored); !s && m_journal->tellFailure())
            Q_EMIT journalFailed(journalFailure(s.error()));
    }

    for (Submission &s : batch) {
        if (!s.context)
            continue;
        QMetaObject::invokeMethod(
            s.context.data(), [done = std::move(s.done), error = s.error] { done(error); },
            Qt::QueuedConnection);
    }
}

} // namespace Pop3Connector
