#pragma once

#include "config/configuration.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

// A provider's sign-in on 127.0.0.1 for integration tests, over plain HTTP/1.1 (one request per
// connection): the token endpoint (refresh_token, authorization_code with PKCE S256, the device
// code grant), the device authorization endpoint, the authorization endpoint (it signs the user
// in at once and redirects to the client's loopback address, as a browser would be sent), and
// the token introspection endpoint Dovecot's oauth2 passdb asks (RFC 7662). What it issued and
// how often it was asked is there for the test to check; revoke() and expireAccessTokens() play
// the provider withdrawing consent and a token running out.
class FakeOAuthProvider : public QObject
{
    Q_OBJECT
public:
    explicit FakeOAuthProvider(QObject *parent = nullptr);
    ~FakeOAuthProvider() override;

    // Listens on a free port; an empty string or the error.
    QString start();
    QString url(const QString &path) const;

    // A mailbox `name` of `user` on the POP3 server at 127.0.0.1:`pop3Port` (no TLS) that
    // signs in here with `auth`: this provider's client ID, endpoints and scopes.
    Pop3Connector::MailboxSettings mailbox(const QString &name, const QString &user,
        quint16 pop3Port,
        Pop3Connector::AuthMethod auth = Pop3Connector::AuthMethod::XOAuth2) const;

    // A refresh token for `user`, as if they had signed in.
    QByteArray signIn(const QString &user);
    // Consent withdrawn: the refresh token gets invalid_grant, its access tokens are inactive.
    void revoke(const QByteArray &refreshToken);
    // Every access token issued so far is inactive from now on (expired at the provider).
    void expireAccessTokens();
    // Every access token and refresh token issued so far.
    QList<QByteArray> secrets() const;

    qint64 expiresIn = 3600; // what the token endpoint says of a new access token
    bool rotateRefreshTokens = false; // each refresh issues a new refresh token
    int pendingPolls = 1; // device flow: polls answered authorization_pending before success
    QString deviceUser = QStringLiteral("alice"); // who signs in on the device page
    QString clientId = QStringLiteral("p3c-test-client");

    bool unavailable = false; // the token endpoint answers 503
    int refreshRequests = 0;
    int introspections = 0;
    int devicePolls = 0;
    QByteArray lastCodeVerifier; // of the last authorization_code grant

private:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QByteArray body;
    };
    void onConnection();
    void onReadable(QTcpSocket *socket);
    QByteArray handle(const Request &request);
    QByteArray token(const QHash<QString, QString> &form);
    QByteArray issue(const QString &user, const QByteArray &refreshToken);

    QTcpServer *m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QByteArray, QString> m_access; // active access token -> user
    QHash<QByteArray, QString> m_refresh; // valid refresh token -> user
    QList<QByteArray> m_issued;
    QHash<QByteArray, std::pair<QString, QByteArray>> m_codes; // code -> user, challenge
    QHash<QByteArray, QString> m_devices; // device code -> user
    int m_serial = 0;
};
