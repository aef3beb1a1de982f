#pragma once

#include "service/controlrequest.h"
#include "service/servicehost.h"

#include <QObject>

namespace Pop3Connector {

// The sign-in method of the control channel: the refresh token of an OAuth 2.0 sign-in that a
// client made (pop3connectorctl authorize, the manager's "Sign in…") is stored where the
// service's TokenBroker reads it, and what the broker remembered of the old one is dropped. The
// token is never in a reply, an event or a log. Lives on the service's thread.
class SignInRequests : public QObject
{
    Q_OBJECT
public:
    explicit SignInRequests(ServiceHost *host, QObject *parent = nullptr);

    Control::Handlers handlers();

private:
    using Session = Control::Session;
    using Message = Control::Message;

    void store(Session *session, const Message &request);

    ServiceHost *m_host;
};

} // namespace Pop3Connector
