#pragma once

#include "base/result.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <functional>

namespace Pop3Connector {

// Makes removals from PickUp durable in groups: a sync of the folder starts once
// kRemovalsPerSync removals wait, or kRemovalSyncIntervalMs after the first of them. Until it
// is done a power cut may bring a delivered file back, to be delivered again. The sync runs on
// a thread of its own, one at a time, so that delivery goes on meanwhile. The sessions of a
// dispatcher share one (they live on one thread): the bound holds for all of them, and their
// removals share the syncs.
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

    // Counts a removal from the folder.
    void removed();
    // Makes every removal so far durable before it returns (a session ends); a failure of the
    // sync under way is returned here rather than by syncFailed().
    [[nodiscard]] Status syncNow();

Q_SIGNALS:
    // A sync on the sync thread failed.
    void syncFailed(const Pop3Connector::Error &error);

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
};

} // namespace Pop3Connector
