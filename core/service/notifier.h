#pragma once

#include "service/notificationpolicy.h"
#include "spool/spool.h"

#include <QObject>

namespace Pop3Connector {

class ServiceHost;

// Tells the administrator_address by mail when a problem starts and when it ends
// (docs/troubleshooting.md "Notifications"): at the end of each cycle it asks NotificationPolicy
// what changed, puts the reports in PickUp and has them delivered at once. What it remembers (the
// open problems, when each was last told) lives in state/notifications.json in the spool, so that a
// restart of the service neither forgets nor repeats a report. Lives on the service's main thread.
class Notifier : public QObject
{
    Q_OBJECT
public:
    explicit Notifier(ServiceHost *host, QObject *parent = nullptr);

    // Where the state lives in a spool.
    static QString statePath(const QString &spoolStatePath);
    // The problems open in `spool`'s state, oldest first: what the last cycle left, read by
    // anyone (pop3connectorctl diagnose) without the Notifier.
    static QList<ProblemRecord> openProblems(const Spool &spool);
    // The state kept in `spool`; empty when there is none or it is damaged.
    static NotificationState readState(const Spool &spool);

Q_SIGNALS:
    // After each cycle: what started and ended, and what is open now.
    void problemsChanged(const Pop3Connector::Decision &decision);

private:
    void onCycleFinished(const CycleReport &report);

    ServiceHost *m_host;
};

} // namespace Pop3Connector
