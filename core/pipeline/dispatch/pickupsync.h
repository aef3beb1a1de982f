#pragma once

#include "base/result.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <functional>

namespace Pop3Connector {

// Removes delivered files from PickUp and makes the removals durable in groups: each removal
// starts at once on a pool of threads (an unlink can wait milliseconds on a busy disk, and the
// sessions' thread goes on delivering meanwhile); a sync of the folder starts once
// kRemovalsPerSync removals are done, or kRemovalSyncIntervalMs after the first of them. Until it
// is done a power cut may bring a delivered file back, to be delivered again. The sync runs on
// a thread of its own, one at a time. The sessions of a dispatcher share one (they live on one
// thread): the bound holds for all of them, and their removals share the syncs. syncNow()
// finishes every removal asked for, so that PickUp read after it no longer lists them.
class PickupSync : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRemovalsPerSync = 32;
    static constexpr int kRemovalSyncIntervalMs = 100;
    using SyncFunction = std::function<Status(const QString &folder)>;

    explicit PickupSync(QString folder, QObject *parent = nullptr);
    // Waits for the sync under way.
    ~PickupSync() override;

    // Test seam: what syncs the folder (DurableFs::syncDirectory); called on the sync thread.
    void setSyncFunction(SyncFunction sync) { m_syncFunction = std::move(sync); }

    // Counts a removal from the folder made elsewhere.
    void removed();
    // Removes `paths` (a message's file and sidecar) now, on another thread; a failure is told
    // by removalFailed().
    void remove(const QString &name, const QStringList &paths);
    // Makes every removal so far durable before it returns (a session ends); a failure of the
    // sync under way is returned here rather than by syncFailed().
    [[nodiscard]] Status syncNow();

Q_SIGNALS:
    // A sync on the sync thread failed.
    void syncFailed(const Pop3Connector::Error &error);
    // The files of message `name` could not be removed: it may be delivered again.
    void removalFailed(const QString &name, const Pop3Connector::Error &error);

private:
    void startSync();
    void onSynced(quint64 generation, const Status &synced);

    QString m_folder;
    SyncFunction m_syncFunction;
    QTimer m_timer; // from the first removal no sync has started for
    int m_waiting = 0; // removals no sync has started for
    bool m_syncing = false;
    bool m_due = false; // a group became due while a sync ran: it starts when that one is done
    quint64 m_generation = 0; // of the last sync started
    quint64 m_settled = 0; // the syncs up to this one are accounted for
    QFuture<Status> m_running;
    QThreadPool m_pool;
    QThreadPool m_removalPool;
};

} // namespace Pop3Connector
