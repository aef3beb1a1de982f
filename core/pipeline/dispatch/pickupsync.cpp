#include "pipeline/dispatch/pickupsync.h"

#include "base/durablefs.h"

#include <QCoreApplication>
#include <QtConcurrent>

namespace Pop3Connector {

PickupSync::PickupSync(QString folder, QObject *parent)
    : QObject(parent)
    , m_folder(std::move(folder))
    , m_syncFunction(&DurableFs::syncDirectory)
    , m_timer(this)
{
    m_pool.setMaxThreadCount(1);
    m_removalPool.setMaxThreadCount(8);
    m_timer.setSingleShot(true);
    m_timer.setInterval(kRemovalSyncIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &PickupSync::startSync);
}

PickupSync::~PickupSync()
{
    m_removalPool.waitForDone();
    m_pool.waitForDone();
}

void PickupSync::remove(const QString &name, const QStringList &paths)
{
    m_removalPool.start([this, name, paths] {
        Status gone;
        for (qsizetype i = 0; gone && i < paths.size(); ++i)
            gone = DurableFs::remove(paths[i]);
        // Counted on this object's thread, where the groups are kept.
        QMetaObject::invokeMethod(
            this,
            [this, name, gone] {
                if (!gone)
                    Q_EMIT removalFailed(name, gone.error());
                removed();
            },
            Qt::QueuedConnection);
    });
}

void PickupSync::removed()
{
    if (++m_waiting >= kRemovalsPerSync)
        startSync();
    else if (!m_timer.isActive())
        m_timer.start();
}

void PickupSync::startSync()
{
    if (m_waiting == 0)
        return;
    if (m_syncing) {
        m_due = true;
        return;
    }
    m_timer.stop();
    m_waiting = 0;
    m_syncing = true;
    const quint64 generation = ++m_generation;
    m_running =
        QtConcurrent::run(&m_pool, [this, sync = m_syncFunction, folder = m_folder, generation] {
            const Status synced = sync(folder);
            QMetaObject::invokeMethod(
                this, [this, generation, synced] { onSynced(generation, synced); },
                Qt::QueuedConnection);
            return synced;
        });
}

void PickupSync::onSynced(quint64 generation, const Status &synced)
{
    if (generation <= m_settled)
        return; // syncNow() waited for it and returned its result
    m_settled = generation;
    m_syncing = false;
    if (!synced)
        Q_EMIT syncFailed(synced.error());
    if (std::exchange(m_due, false))
        startSync();
}

Status PickupSync::syncNow()
{
    // Every removal asked for is done, and counted, before the last sync.
    m_removalPool.waitForDone();
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    m_timer.stop();
    Status result;
    if (m_syncing) {
        m_running.waitForFinished();
        result = m_running.result();
        m_settled = m_generation;
        m_syncing = false;
        m_due = false;
    }
    if (std::exchange(m_waiting, 0) > 0) {
        const Status synced = m_syncFunction(m_folder);
        if (result)
            result = synced;
    }
    return result;
}

} // namespace Pop3Connector
