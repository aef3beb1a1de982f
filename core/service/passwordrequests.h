#pragma once

#include "service/controlrequest.h"
#include "service/servicehost.h"

#include <QObject>

namespace Pop3Connector {

// The password methods of the control channel: a mailbox's or the delivery login's password,
// sent by an administrator, is stored where the service reads it (its password store), or
// removed from there; each change is an event that names who made it. The secret itself is
// never in a reply, an event or a log. Lives on the service's thread.
class PasswordRequests : public QObject
{
    Q_OBJECT
public:
    explicit PasswordRequests(ServiceHost *host, QObject *parent = nullptr);

    Control::Handlers handlers();

private:
    using Session = Control::Session;
    using Message = Control::Message;

    void set(Session *session, const Message &request);
    void clear(Session *session, const Message &request);
    // The key of a password (a mailbox's or "delivery"), or why `name` has none here.
    Result<QString> passwordKey(const QString &name) const;

    ServiceHost *m_host;
};

} // namespace Pop3Connector
