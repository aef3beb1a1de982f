#pragma once

#include "childprocess.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QTemporaryDir>

// A private Dovecot on 127.0.0.1 for integration tests: POP3 (with STLS), POP3S and LMTP on
// free ports, a test CA and a server certificate for 127.0.0.1 and localhost, users from a
// passwd-file, mail in Maildirs under a temporary folder. Needs root (Dovecot drops to
// nobody for mail access) and the dovecot-pop3d and dovecot-lmtpd packages.
// Dovecot runs in the foreground as a child of the test: stopped by stop() or the destructor,
// and by the kernel when the test ends any other way (QFAIL, qFatal, a crash, kill -9).
class DovecotFixture
{
public:
    DovecotFixture();
    ~DovecotFixture();

    // Starts Dovecot with these users (name -> password). Returns an empty string or the error;
    // on an error nothing is left running. Users in `quotaKb` get a storage quota of that many
    // KB, which LMTP checks at RCPT TO (552 5.2.2 once it is used up); without any, the quota
    // plugin is not loaded at all.
    QString start(const QMap<QString, QString> &users, const QMap<QString, int> &quotaKb = {});
    // Before start(): AUTH XOAUTH2 and OAUTHBEARER too, each token checked by POSTing it to this
    // RFC 7662 introspection endpoint (Dovecot's oauth2 passdb), which answers "active" and the
    // user name. Passwords still work for the other mechanisms.
    void setOAuthIntrospection(const QString &url) { m_introspectionUrl = url; }
    // Stops Dovecot and waits until its master and every process it started have ended.
    // Returns an empty string or what had to be killed.
    QString stop();

    quint16 pop3Port() const { return m_pop3Port; }
    quint16 pop3sPort() const { return m_pop3sPort; }
    quint16 lmtpPort() const { return m_lmtpPort; }
    QString caFile() const { return m_dir.path() + QStringLiteral("/ssl/ca.pem"); }
    QString root() const { return m_dir.path(); }
    QString maildir(const QString &user) const;

    // Puts LF-form messages into a user's mailbox, as a delivery would (tmp/, then new/).
    QString addMessages(const QString &user, const QList<QByteArray> &messages);
    // Messages in the mailbox right now (after any QUIT has been processed).
    int messageCount(const QString &user) const;
    // Empties a mailbox.
    void clearMailbox(const QString &user);
    QString log() const;

private:
    QString makeCertificates();
    QString run(const QString &program, const QStringList &arguments);

    QTemporaryDir m_dir;
    quint16 m_pop3Port = 0;
    quint16 m_pop3sPort = 0;
    quint16 m_lmtpPort = 0;
    ChildProcess m_master {SIGTERM}; // SIGTERM: the master then ends the processes it started
    int m_added = 0;
    QString m_introspectionUrl;
};

// Free TCP ports on 127.0.0.1 right now.
QList<quint16> freePorts(int count);
