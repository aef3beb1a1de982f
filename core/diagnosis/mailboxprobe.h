#pragma once

#include "config/configuration.h"
#include "diagnosis/mailboxchecks.h"

#include <QObject>
#include <QTimer>

#include <optional>

class QHostInfo;
class QSslSocket;

namespace Pop3Connector {

class ConnectionTest;

// Gathers a mailbox's MailboxFacts step by step: looks the host up, opens a TCP connection,
// completes a TLS handshake only to read the certificate (STLS first when the mailbox says so;
// no other command is sent), then runs the connection test for greeting, CAPA, login and STAT.
// It stops at the first step that fails. Deletes nothing, retrieves nothing. Asynchronous, on
// the caller's thread; finished() once.
class MailboxProbe : public QObject
{
    Q_OBJECT
public:
    // Without a password the POP3 steps are not tried.
    MailboxProbe(const MailboxSettings &mailbox, std::optional<QByteArray> password, int timeoutMs,
        QObject *parent = nullptr);
    ~MailboxProbe() override;

    // Looks the host up, then each step as long as the one before succeeded.
    void start();

Q_SIGNALS:
    void finished(const Pop3Connector::MailboxFacts &facts);

private:
    void onResolved(const QHostInfo &info);
    void connectTcp();
    void inspectTls();
    void onTlsReadable();
    void tlsDone(const QString &error);
    void runTest();
    void done();

    MailboxSettings m_mailbox;
    std::optional<QByteArray> m_password;
    int m_timeoutMs;
    MailboxFacts m_facts;
    QSslSocket *m_socket = nullptr;
    QByteArray m_input;
    bool m_stlsSent = false;
    QStringList m_sslErrors;
    bool m_pinHeld = false; // the server presented the mailbox's pinned certificate
    QTimer m_timer;
    ConnectionTest *m_test = nullptr;
    bool m_finished = false;
};

} // namespace Pop3Connector
