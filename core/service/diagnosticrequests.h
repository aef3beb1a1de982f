#pragma once

#include "service/controlrequest.h"
#include "service/controlserver.h"
#include "service/servicehost.h"

#include <QObject>

namespace Pop3Connector {

// The troubleshooting methods of the control channel, answered as the service sees things (its
// network, its certificates, its files, its password store): a mailbox's connection test with
// its transcript (passwords masked), and the state of the configuration, the spool, the control
// channel and each password. Lives on the service's thread.
class DiagnosticRequests : public QObject
{
    Q_OBJECT
public:
    DiagnosticRequests(ServiceHost *host, Control::Server *server, QObject *parent = nullptr);

    Control::Handlers handlers();

private:
    using Session = Control::Session;
    using Message = Control::Message;

    void testConnection(Session *session, const Message &request);
    void diagnostics(Session *session, const Message &request);

    ServiceHost *m_host;
    Control::Server *m_server;
};

} // namespace Pop3Connector
