#include "pipeline/dispatch/pickupsync.h"

#include "base/durablefs.h"

namespace Pop3Connector {

PickupSync::PickupSync(QString folder, QObject *parent)
    : QObject(parent)
    , m_folder(std::move(folder))
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kRemovalSyncIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (Status s = syncNow(); !s)
            Q_EMIT syncFailed(s.error());
    });
}

Status PickupSync::removed()
{
    if (++m_waiting >= kRemovalsPerSync)
        return syncNow();
    if (!m_timer.isActive())
        m_timer.start();
    return {};
}

Status PickupSync::syncNow()
{
    m_timer.stop();
    if (m_waiting == 0)
        return {};
    // Counted as synced even when the sync fails: the next group tries again, and the failure
    // is reported once, not at every removal after it.
    m_waiting = 0;
    return DurableFs::syncDirectory(m_folder);
}

} // namespace Pop3Connector
