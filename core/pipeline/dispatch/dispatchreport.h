#pragma once

#include "events/event.h"

#include <QMetaType>
#include <QString>

namespace Pop3Connector {

// What delivery did: one session, the sessions of a round, or a cycle's rounds.
struct DispatchReport
{
    int delivered = 0; // messages every recipient of which was accepted
    int deferred = 0; // messages left in PickUp for a later attempt
    int rejected = 0; // messages (or recipients of them) moved to BadMail
    int waiting = 0; // in PickUp but not due yet (backing off)
    EventId failureId = EventId::DispatchFinished;
    QString failure; // the session with the local server failed; mail waits in PickUp

    // Counts `other` in; of two failures, the first is the one kept.
    void add(const DispatchReport &other)
    {
        delivered += other.delivered;
        deferred += other.deferred;
        rejected += other.rejected;
        waiting += other.waiting;
        if (failure.isEmpty() && !other.failure.isEmpty()) {
            failure = other.failure;
            failureId = other.failureId;
        }
    }
};

} // namespace Pop3Connector

Q_DECLARE_METATYPE(Pop3Connector::DispatchReport)
