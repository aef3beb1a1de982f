#pragma once

#include "diagnosis/diagnosis.h"
#include "events/reports.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <optional>

namespace Pop3Connector {

// What the running service knows of itself for the troubleshooter: who it runs as, whether
// delivery and the schedule are on, how its last cycle went.
struct ServiceFacts
{
    QString user;
    qint64 pid = 0;
    bool deliveryEnabled = true;
    bool scheduleEnabled = true;
    int intervalMinutes = 15;
    QDateTime lastCycleStarted; // invalid: no cycle has finished yet
    QDateTime lastCycleFinished;
    QHash<QString, RetrievalReport> lastResults; // by mailbox, from the last cycle that ran it

    // A problem open now, as the administrator's reports follow it (troubleshooting.md
    // "Notifications").
    struct Problem
    {
        QString subject; // "mailbox sales"
        EventId eventId = EventId::CycleFinished;
        QString text;
        QDateTime since;
        bool told = false; // a report of it went to administrator_address
    };
    QList<Problem> openProblems; // oldest first
};

// Service findings (docs/troubleshooting.md "Service"): service.running, service.delivery,
// service.schedule, service.cycle, service.last-result (one per mailbox whose last retrieval
// failed), service.problem (one per open problem). Pure: tested with tables.
class ServiceChecks
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::ServiceChecks)

public:
    // The findings above, in that order.
    static QList<Finding> evaluate(const ServiceFacts &facts);
};

} // namespace Pop3Connector
