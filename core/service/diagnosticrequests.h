#pragma once

#include "service/controlfeed.h"
#include "service/controlrequest.h"
#include "service/controlserver.h"
#include "service/servicehost.h"

#include <QHash>
#include <QObject>
#include <QSslCertificate>

namespace Pop3Connector {

// The troubleshooting methods of the control channel, answered as the service sees things (its
// network, its certificates, its files, its password store): a mailbox's connection test with
// its transcript (passwords masked), and the state of the configuration, the spool, the control
// channel and each password; the troubleshooter's whole report (Troubleshooter); and a test of
// delivery settings not yet saved (DeliveryTest). Lives on
// the service's thread.
class DiagnosticRequests : public QObject
{
    Q_OBJECT
public:
    // `feed` tells the service's recent past (the last cycle, each mailbox's last result).
    DiagnosticRequests(ServiceHost *host, Control::Server *server, const ControlFeed *feed,
        QObject *parent = nullptr);

    Control::Handlers handlers();

private:
    using Session = Control::Session;
    using Message = Control::Message;

    void testConnection(Session *session, const Message &request);
    // Saves the certificate a mailbox's server presented in its last refused test, named by
    // its SHA-256 fingerprint, as a file for that mailbox's ca_file (with ca_pinned).
    void trustCertificate(Session *session, const Message &request);
    void diagnostics(Session *session, const Message &request);
    void diagnose(Session *session, const Message &request);
    void testDelivery(Session *session, const Message &request);

    ServiceHost *m_host;
    Control::Server *m_server;
    const ControlFeed *m_feed;
    // Each mailbox's certificates from its last test that refused them (leaf first): only what
    // the service itself saw can be trusted, never a certificate a client sends.
    QHash<QString, QList<QSslCertificate>> m_refused;
};

} // namespace Pop3Connector
