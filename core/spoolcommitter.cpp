#include "spoolcommitter.h"

#include "durablefs.h"
#include "uidledger.h"

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

    // 1. Data durable in tmp/.
    const QString syncError = DurableFs::syncFileSystem(m_spool.tmpPath());
    for (Submission &s : batch)
        s.error = syncError;

    // 2. Ledgers, one append per ledger for the whole batch.
    if (syncError.isEmpty()) {
        QHash<UidLedger *, QList<std::pair<QByteArray, UidLedger::Entry>>> lines;
        for (const Submission &s : std::as_const(batch)) {
            for (const CommitItem &item : s.items)
                lines[s.ledger.get()].append({item.uid, {item.storedAt, item.name}});
        }
        for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
            const QString error = it.key()->append(it.value());
            if (error.isEmpty())
                continue;
            for (Submission &s : batch) {
                if (s.ledger.get() == it.key())
                    s.error = error;
            }
        }
    }

    // 3. Into place.
    const QString tmp = m_spool.tmpPath() + u'/';
    const QString incoming = m_spool.folderPath(SpoolFolder::Incoming) + u'/';
    bool renamed = false;
    for (Submission &s : batch) {
        if (!s.error.isEmpty())
            continue;
        QSet<QByteArray> unplaced;
        for (const CommitItem &item : std::as_const(s.items)) {
            const QString meta = Spool::metaName(item.name);
            const QString eml = Spool::emlName(item.name);
            QString error = DurableFs::renameFile(tmp + meta, incoming + meta);
            if (error.isEmpty())
                error = DurableFs::renameFile(tmp + eml, incoming + eml);
            if (!error.isEmpty()) {
                s.error = error;
                unplaced.insert(item.uid);
            } else {
                renamed = true;
            }
        }
        if (!unplaced.isEmpty()) {
            // The ledger must not claim a message this process has not placed, or the next
            // cycle would delete it from the server. Forgetting in memory is enough for this
            // process; if the rewrite fails too, startup recovery finishes the move from tmp/.
            (void)s.ledger->remove(unplaced);
        }
    }
    if (renamed) {
        if (const QString error = DurableFs::syncDirectory(incoming); !error.isEmpty()) {
            for (Submission &s : batch)
                s.error = error;
        }
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
