#pragma once

#include "base/result.h"
#include "config/configuration.h"
#include "oauth/oauthmessages.h"

#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;

namespace Pop3Connector {

// The application registered with a provider, and where its endpoints are.
struct OAuthClient
{
    QString clientId;
    QString clientSecret; // empty: a public client (RFC 6749 §2.1)
    QUrl authorizationUrl;
    QUrl tokenUrl;
    QUrl deviceUrl;
    QString scopes;

    // A mailbox's, from its oauth_* keys (presets already applied).
    static OAuthClient of(const MailboxSettings &mailbox);
    // The delivery login's, from [delivery]'s.
    static OAuthClient of(const DeliverySettings &delivery);
};

// Who signs in: a mailbox or the delivery login, where its refresh token is kept, and the
// application it signs in with.
struct OAuthAccount
{
    QString name; // the mailbox's name, or "delivery": what pop3connectorctl authorize takes
    QString refreshTokenKey; // its entry in the password store
    OAuthClient client;

    static OAuthAccount of(const MailboxSettings &mailbox);
    static OAuthAccount of(const DeliverySettings &delivery);
};

// Speaks to a provider's token and device authorization endpoints over HTTPS (RFC 6749 §4.1.3,
// §6; RFC 8628 §3.1, §3.4): one form POST per call, its JSON answer read by oauthmessages.h.
// Each answer comes back through the callback in this object's thread; none after it is gone.
class TokenClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTimeoutMs = 30000;

    explicit TokenClient(OAuthClient client, QObject *parent = nullptr);

    using Done = std::function<void(const TokenReply &reply)>;
    // A new access token for `refreshToken` (RFC 6749 §6).
    void refresh(const QByteArray &refreshToken, Done done);
    // The tokens for an authorization code (RFC 6749 §4.1.3 with RFC 7636 §4.5).
    void exchangeCode(
        const QByteArray &code, const QByteArray &verifier, const QString &redirectUri, Done done);
    // A device code and the code the user enters (RFC 8628 §3.1).
    void authorizeDevice(std::function<void(const Result<DeviceAuthorization> &)> done);
    // Whether the user has entered it yet (RFC 8628 §3.4).
    void pollDevice(const QByteArray &deviceCode, Done done);

    const OAuthClient &client() const { return m_client; }

private:
    // Posts `form`; `done` gets the body of any HTTP answer, or an empty optional and the
    // network's error.
    void post(const QUrl &url, QUrlQuery form,
        std::function<void(std::optional<QByteArray> body, const QString &error)> done);
    void postForToken(QUrlQuery form, Done done);

    OAuthClient m_client;
    QNetworkAccessManager *m_network;
};

} // namespace Pop3Connector
