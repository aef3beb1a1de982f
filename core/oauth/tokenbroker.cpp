#include "oauth/tokenbroker.h"

#include "base/clock.h"
#include "config/secretstore.h"
#include "oauth/tokenclient.h"

#include <QPointer>

namespace Pop3Connector {

bool TokenPolicy::isFresh(qint64 now, qint64 expiresAt)
{
    return now + kRenewMarginSeconds < expiresAt;
}

qint64 TokenPolicy::retryDelaySeconds(int failures)
{
    if (failures <= 0)
        return 0;
    return qMin<qint64>(qint64(60) << qMin(failures - 1, 6), 3600);
}

TokenBroker::TokenBroker(SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

TokenBroker::~TokenBroker()
{
    for (Entry &e : m_entries) {
        e.accessToken.fill('\0');
        e.withdrawn.fill('\0');
    }
}

EventId TokenBroker::eventFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::NotFound:
    case ErrorCode::PermissionDenied:
        return EventId::OAuthSignInNeeded;
    case ErrorCode::Protocol:
        return EventId::OAuthTokenRefreshFailed;
    default:
        return EventId::PasswordUnavailable;
    }
}

void TokenBroker::forget(const QString &refreshTokenKey)
{
    if (auto it = m_entries.find(refreshTokenKey); it != m_entries.end()) {
        it->accessToken.fill('\0');
        it->accessToken.clear();
        it->expiresAt = 0;
    }
}

void TokenBroker::signedIn(const QString &refreshTokenKey)
{
    m_entries.remove(refreshTokenKey);
}

namespace {

// "mailbox NAME" or "the delivery login", for a sentence.
QString whose(const OAuthAccount &account)
{
    return account.name == DeliverySettings::keychainKey()
        ? TokenBroker::tr("the delivery login")
        : TokenBroker::tr("mailbox %1").arg(account.name);
}

} // namespace

void TokenBroker::accessToken(const OAuthAccount &account, QObject *context, Done done)
{
    const QPointer<QObject> guard(context);
    auto answer = [guard, done](const Result<QByteArray> &r) {
        if (guard)
            done(r);
    };
    const qint64 now = Clock::secondsSinceEpoch();
    Entry &e = m_entries[account.refreshTokenKey];
    if (!e.accessToken.isEmpty() && TokenPolicy::isFresh(now, e.expiresAt)) {
        answer(e.accessToken);
        return;
    }
    if (e.retryAt > now) {
        answer(Error {ErrorCode::Protocol,
            tr("the access token of %1 could not be renewed (%2); the next attempt is at %3")
                .arg(whose(account), e.lastFailure,
                    QDateTime::fromSecsSinceEpoch(e.retryAt, Qt::UTC).toString(Qt::ISODate))});
        return;
    }
    // One renewal at a time per account: a provider that rotates refresh tokens would withdraw
    // the one a second renewal sent. Whoever asks meanwhile gets the same answer.
    e.waiting.append(answer);
    if (e.waiting.size() > 1)
        return;
    auto answerAll = [this, key = account.refreshTokenKey](const Result<QByteArray> &r) {
        const QList<Done> waiting = std::exchange(m_entries[key].waiting, {});
        for (const Done &w : waiting)
            w(r);
    };
    m_store->read(account.refreshTokenKey, this,
        [this, account, answer = answerAll](const SecretStore::ReadResult &read) {
            if (read.status == SecretStore::Status::NotFound) {
                answer(Error {ErrorCode::NotFound,
                    tr("nobody has signed in for %1 yet; sign in in the manager or with: "
                       "pop3connectorctl authorize %2")
                        .arg(whose(account), account.name)});
                return;
            }
            if (read.status == SecretStore::Status::Unavailable) {
                answer(Error {ErrorCode::Io,
                    tr("the sign-in of %1 cannot be read from the password store: %2")
                        .arg(whose(account), read.error)});
                return;
            }
            const Entry &e = m_entries[account.refreshTokenKey];
            if (!e.withdrawn.isEmpty() && e.withdrawn == read.secret) {
                answer(Error {ErrorCode::PermissionDenied, e.withdrawnText});
                return;
            }
            renew(account, read.secret, answer);
        });
}

void TokenBroker::renew(const OAuthAccount &account, const QByteArray &refreshToken, Done done)
{
    auto *client = new TokenClient(account.client, this);
    client->refresh(refreshToken, [this, client, account, refreshToken, done](const TokenReply &r) {
        client->deleteLater();
        Entry &e = m_entries[account.refreshTokenKey];
        const qint64 now = Clock::secondsSinceEpoch();
        if (r.ok()) {
            e.accessToken = r.accessToken;
            e.expiresAt = now
                + (r.expiresInSeconds > 0 ? r.expiresInSeconds
                                          : TokenPolicy::kAssumedLifetimeSeconds);
            e.failures = 0;
            e.retryAt = 0;
            e.withdrawn.clear();
            // A rotated refresh token replaces the old one, which the provider may now refuse.
            if (!r.refreshToken.isEmpty() && r.refreshToken != refreshToken) {
                m_store->write(account.refreshTokenKey, r.refreshToken, this,
                    [key = account.refreshTokenKey](const QString &error) {
                        if (!error.isEmpty())
                            qWarning("The renewed sign-in %s could not be stored: %s",
                                qPrintable(key), qPrintable(error));
                    });
            }
            done(e.accessToken);
            return;
        }
        const QString said =
            r.description.isEmpty() ? r.error : r.error + QStringLiteral(": ") + r.description;
        if (r.isInvalidGrant()) {
            e.withdrawn = refreshToken;
            e.withdrawnText =
                tr("the provider withdrew the sign-in of %1 (%2); sign in again in the manager "
                   "or with: pop3connectorctl authorize %3")
                    .arg(whose(account), said, account.name);
            done(Error {ErrorCode::PermissionDenied, e.withdrawnText});
            return;
        }
        ++e.failures;
        e.retryAt = now + TokenPolicy::retryDelaySeconds(e.failures);
        e.lastFailure = said;
        done(Error {ErrorCode::Protocol,
            tr("the access token of %1 could not be renewed at %2: %3")
                .arg(whose(account), account.client.tokenUrl.toDisplayString(), said)});
    });
}

} // namespace Pop3Connector
