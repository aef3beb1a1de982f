#pragma once

#include "base/result.h"

#include <QObject>
#include <QTimer>

namespace Pop3Connector {

// Makes removals from PickUp durable in groups: one sync of the folder for at most
// kRemovalsPerSync removals, at the latest kRemovalSyncIntervalMs after the first of them. Until
// then a power cut may bring a delivered file back, to be delivered again. The sessions of a
// dispatcher share one (they live on one thread), so that the bound holds for all of them and
// their removals share the syncs.
class PickupSync : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRemovalsPerSync = 32;
    static constexpr int kRemovalSyncIntervalMs = 100;

    explicit PickupSync(QString folder, QObject *parent = nullptr);

    // Counts a removal from the folder; syncs it with its group when the group is full.
    [[nodiscard]] Status removed();
    // Syncs the removals waiting, if there are any.
    [[nodiscard]] Status syncNow();

Q_SIGNALS:
    // A sync made when a group's time was up failed.
    void syncFailed(const Pop3Connector::Error &error);

private:
    QString m_folder;
    QTimer m_timer;
    int m_waiting = 0;
};

} // namespace Pop3Connector
