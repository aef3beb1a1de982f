#pragma once

#include "base/result.h"
#include "config/configuration.h"
#include "oauth/oauthmessages.h"
#include "oauth/tokenclient.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>

#include <functional>

namespace Pop3Connector {

class SecretStore;

// When an access token is renewed, and how long a failed renewal waits: pure, so that a table
// can test it.
namespace TokenPolicy {
// Renewed this long before it expires, so that a slow login never presents an expired one.
constexpr qint64 kRenewMarginSeconds = 300;
// A provider that does not say how long a token lives (expires_in) is taken to mean an hour.
constexpr qint64 kAssumedLifetimeSeconds = 3600;
// Whether a token that expires at `expiresAt` (seconds since the epoch) is still used at `now`.
bool isFresh(qint64 now, qint64 expiresAt);
// How long to wait after the `failures`-th failed renewal in a row: 1, 2, 4 ... 60 minutes, the
// way a failed login waits for later cycles, so that an outage never becomes a storm.
qint64 retryDelaySeconds(int failures);
} // namespace TokenPolicy

// The access tokens of the mailboxes (and the delivery login) that sign in with OAuth 2.0, for
// the service: each kept in memory until shortly before it expires, renewed with the refresh
// token in the password store (OAuthAccount::refreshTokenKey), which is replaced when the
// provider rotates it.
// A withdrawn refresh token (invalid_grant) is never sent again: the mailbox waits for a new
// sign-in. Lives on one thread; answers there.
class TokenBroker : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Result<QByteArray> &accessToken)>;

    explicit TokenBroker(SecretStore *store, QObject *parent = nullptr);
    ~TokenBroker() override;

    // An access token for `account`. `done` runs in `context`'s thread unless `context` is gone.
    // Errors: NotFound (nobody signed in yet) and PermissionDenied (the provider withdrew the
    // sign-in): sign in again; Protocol (the token endpoint failed or is waited for after a
    // failure; the provider's words in the message); Io (the password store cannot be read).
    void accessToken(const OAuthAccount &account, QObject *context, Done done);
    // The server refused the token it was given: the next accessToken() renews it. By
    // refreshTokenKey.
    void forget(const QString &refreshTokenKey);
    // A new sign-in was stored: what was remembered of failures is dropped.
    void signedIn(const QString &refreshTokenKey);

    // The event that reports an accessToken() error.
    static EventId eventFor(const Error &error);

private:
    struct Entry
    {
        QByteArray accessToken;
        qint64 expiresAt = 0;
        int failures = 0;
        qint64 retryAt = 0;
        QString lastFailure;
        QByteArray withdrawn; // the refresh token the provider called invalid_grant
        QString withdrawnText;
        QList<Done> waiting; // for the renewal under way
    };

    void renew(const OAuthAccount &account, const QByteArray &refreshToken, Done done);

    SecretStore *m_store;
    QHash<QString, Entry> m_entries; // by refreshTokenKey
};

} // namespace Pop3Connector
