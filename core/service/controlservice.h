#pragma once

#include "service/controlfeed.h"
#include "service/controlmessages.h"
#include "service/controlserver.h"
#include "service/diagnosticrequests.h"
#include "service/passwordrequests.h"
#include "service/servicehost.h"
#include "service/signinrequests.h"
#include "service/spoolrequests.h"
#include "service/trackingrequests.h"

#include <QHash>
#include <QObject>

namespace Pop3Connector {

// The service's side of the control channel (docs/control-protocol.md "Methods"): listens, and
// hands each request a session receives to the handler of its method. The service's own methods
// (status, retrieve now, cancel, delivery, configuration, events and subscriptions) are answered
// here from the running service (ServiceHost) and what ControlFeed remembers; the spool's,
// the passwords' and the troubleshooting methods by a class each. Every change an administrator
// makes is an event that names the user. Lives on the service's thread.
class ControlService : public QObject
{
    Q_OBJECT
public:
    ControlService(ServiceHost *host, Control::Server *server, QObject *parent = nullptr);
    ~ControlService() override;

    // Opens the control socket this configuration names, for its administrators.
    [[nodiscard]] Status listen();

private:
    using Session = Control::Session;
    using Message = Control::Message;

    void onRequest(Session *session, const Message &request);
    void wire();

    void status(Session *session, const Message &request);
    void retrieveNow(Session *session, const Message &request);
    void cancel(Session *session, const Message &request);
    void delivery(Session *session, const Message &request);
    void configuration(Session *session, const Message &request);
    void setConfiguration(Session *session, const Message &request);
    void events(Session *session, const Message &request);
    void subscribe(Session *session, const Message &request);

    ServiceHost *m_host;
    Control::Server *m_server;
    ControlFeed m_feed;
    SpoolRequests m_spool;
    PasswordRequests m_passwords;
    DiagnosticRequests m_diagnostics;
    SignInRequests m_signIns;
    TrackingRequests m_tracking;
    Control::Handlers m_handlers;
};

} // namespace Pop3Connector
