#pragma once

#include "service/controlrequest.h"
#include "service/servicehost.h"
#include "service/spoolactions.h"
#include "spool/trackingrecord.h"

#include <QCborMap>
#include <QObject>

namespace Pop3Connector {

// The spool's methods of the control channel (docs/control-protocol.md): listing, preview and
// export read the service's spool as it is; requeue, delete and send-to-undeliverable change it
// between the stages' work (SpoolActions), each change an event that names who made it.
// Lives on the service's thread.
class SpoolRequests : public QObject
{
    Q_OBJECT
public:
    explicit SpoolRequests(ServiceHost *host, QObject *parent = nullptr);

    Control::Handlers handlers();
    // Changes asked for that wait for a stage to end.
    int waiting() const { return m_actions.waiting(); }

private:
    using Session = Control::Session;
    using Message = Control::Message;
    enum class Change { Requeue, Delete, SendToUndeliverable };

    void list(Session *session, const Message &request);
    void preview(Session *session, const Message &request);
    void exportMessage(Session *session, const Message &request);
    void change(Session *session, const Message &request, Change change);
    // What a requeue would do with each message as the configuration stands now.
    QCborMap forecastRequeue(const QStringList &names, const QCborMap &params) const;
    // One message's change, run when its folders are free; an empty string or what went wrong.
    Phrase apply(const Spool &spool, Change change, SpoolFolder folder, const QString &name,
        const QString &who);
    // Appends the administrator's actions to the message journal, and syncs: they are few.
    void track(const QList<TrackingRecord> &actions);
    static TrackingRecord action(
        const QString &name, SpoolFolder folder, const QString &what, const QString &who);

    ServiceHost *m_host;
    SpoolActions m_actions;
};

} // namespace Pop3Connector
