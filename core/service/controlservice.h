#pragma once

#include "service/controlfeed.h"
#include "service/controlmessages.h"
#include "service/controlserver.h"
#include "service/servicehost.h"
#include "service/spoolactions.h"

#include <QHash>
#include <QObject>

namespace Pop3Connector {

// The service's side of the control channel's methods (docs/control-protocol.md "Methods"):
// each request a session hands over is answered from the running service (ServiceHost): its
// connector, spool, configuration file and password store, and what ControlFeed remembers.
// Spool actions run between the stages' work (SpoolActions). Every change an administrator makes
// is an event that names the user. Lives on the service's thread.
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
    using Handler = void (ControlService::*)(Session *session, const Message &request);

    void onRequest(Session *session, const Message &request);
    void raise(
        EventId id, const QString &text, const QString &mailbox = {}, const QString &message = {});
    void wire();

    void status(Session *session, const Message &request);
    void retrieveNow(Session *session, const Message &request);
    void cancel(Session *session, const Message &request);
    void delivery(Session *session, const Message &request);
    void configuration(Session *session, const Message &request);
    void setConfiguration(Session *session, const Message &request);
    void setPassword(Session *session, const Message &request);
    void clearPassword(Session *session, const Message &request);
    void storeSignIn(Session *session, const Message &request);
    void testConnection(Session *session, const Message &request);
    void spoolList(Session *session, const Message &request);
    void spoolPreview(Session *session, const Message &request);
    void spoolRequeue(Session *session, const Message &request);
    void spoolDelete(Session *session, const Message &request);
    void spoolExport(Session *session, const Message &request);
    void spoolSendToUndeliverable(Session *session, const Message &request);
    void events(Session *session, const Message &request);
    void subscribe(Session *session, const Message &request);
    void diagnostics(Session *session, const Message &request);

    enum class Change { Requeue, Delete, SendToUndeliverable };
    void changeSpool(Session *session, const Message &request, Change change);
    // The key of a password (a mailbox's or "delivery"), or why `name` has none here.
    Result<QString> passwordKey(const QString &name) const;

    ServiceHost *m_host;
    Control::Server *m_server;
    ControlFeed m_feed;
    SpoolActions m_actions;
    QHash<QString, Handler> m_handlers;
};

} // namespace Pop3Connector
