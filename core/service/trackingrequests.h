#pragma once

#include "service/controlrequest.h"
#include "service/servicehost.h"
#include "spool/trackingrecord.h"

#include <QCborMap>
#include <QObject>

namespace Pop3Connector {

namespace Control {
// A search of the message journal on the wire: `text`, `since` and `until` (date-times),
// `limit`; what is missing or of another type is left open.
QCborMap toCbor(const TrackingQuery &query);
TrackingQuery trackingQueryFromCbor(const QCborMap &map);
// One message's path: `name`, `where` and its `records`, each with every field of
// TrackingRecord (`time` a date-time, `kind` its name).
QCborMap toCbor(const TrackedMessage &message);
TrackedMessage trackedFromCbor(const QCborMap &map);
} // namespace Control

// The message journal's method of the control channel, `track`: a search run off the service's
// thread (a million records take a good part of a second), answered when it ends; a session
// gone by then is not answered. Lives on the service's thread.
class TrackingRequests : public QObject
{
    Q_OBJECT
public:
    explicit TrackingRequests(ServiceHost *host, QObject *parent = nullptr);

    Control::Handlers handlers();

private:
    void track(Control::Session *session, const Control::Message &request);

    ServiceHost *m_host;
};

} // namespace Pop3Connector
