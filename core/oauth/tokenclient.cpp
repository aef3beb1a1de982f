#include "oauth/tokenclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Pop3Connector {

namespace {

constexpr qint64 kMaxAnswer = 64 * 1024;

} // namespace

OAuthClient OAuthClient::of(const MailboxSettings &mailbox)
{
    return {mailbox.oauthClientId, mailbox.oauthClientSecret, QUrl(mailbox.oauthAuthorizationUrl),
        QUrl(mailbox.oauthTokenUrl), QUrl(mailbox.oauthDeviceUrl), mailbox.oauthScopes};
}

OAuthClient OAuthClient::of(const DeliverySettings &delivery)
{
    return {delivery.oauthClientId, delivery.oauthClientSecret,
        QUrl(delivery.oauthAuthorizationUrl), QUrl(delivery.oauthTokenUrl),
        QUrl(delivery.oauthDeviceUrl), delivery.oauthScopes};
}

OAuthAccount OAuthAccount::of(const MailboxSettings &mailbox)
{
    return {mailbox.name, mailbox.refreshTokenKey(), OAuthClient::of(mailbox)};
}

OAuthAccount OAuthAccount::of(const DeliverySettings &delivery)
{
    return {DeliverySettings::keychainKey(), DeliverySettings::refreshTokenKey(),
        OAuthClient::of(delivery)};
}

TokenClient::TokenClient(OAuthClient client, QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
    , m_network(new QNetworkAccessManager(this))
{
    // A token must never follow a redirect to another host.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

void TokenClient::refresh(const QByteArray &refreshToken, Done done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), QString::fromUtf8(refreshToken));
    postForToken(std::move(form), std::move(done));
}

void TokenClient::exchangeCode(
    const QByteArray &code, const QByteArray &verifier, const QString &redirectUri, Done done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), QString::fromUtf8(code));
    form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(verifier));
    form.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
    postForToken(std::move(form), std::move(done));
}

void TokenClient::pollDevice(const QByteArray &deviceCode, Done done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"),
        QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"));
    form.addQueryItem(QStringLiteral("device_code"), QString::fromUtf8(deviceCode));
    postForToken(std::move(form), std::move(done));
}

void TokenClient::authorizeDevice(std::function<void(const Result<DeviceAuthorization> &)> done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), m_client.clientId);
    form.addQueryItem(QStringLiteral("scope"), m_client.scopes);
    post(m_client.deviceUrl, std::move(form),
        [done = std::move(done)](std::optional<QByteArray> body, const QString &error) {
            if (!body)
                done(Error {ErrorCode::Io, error});
            else
                done(parseDeviceAuthorization(*body));
        });
}

void TokenClient::postForToken(QUrlQuery form, Done done)
{
    form.addQueryItem(QStringLiteral("client_id"), m_client.clientId);
    if (!m_client.clientSecret.isEmpty())
        form.addQueryItem(QStringLiteral("client_secret"), m_client.clientSecret);
    post(m_client.tokenUrl, std::move(form),
        [done = std::move(done)](std::optional<QByteArray> body, const QString &error) {
            if (!body) {
                TokenReply r;
                r.error = TokenReply::kUnreachable;
                r.description = error;
                done(r);
                return;
            }
            done(parseTokenReply(*body));
        });
}

void TokenClient::post(const QUrl &url, QUrlQuery form,
    std::function<void(std::optional<QByteArray> body, const QString &error)> done)
{
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http")) {
        done(std::nullopt, tr("%1 is not a web address").arg(url.toDisplayString()));
        return;
    }
    QNetworkRequest request(url);
    request.setHeader(
        QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(kTimeoutMs);
    // '+' is a space in a form body: encoded, so that a token holding one arrives whole.
    QByteArray body;
    for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded)) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [reply, url, done = std::move(done)] {
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        // An HTTP error status still carries the endpoint's JSON error (RFC 6749 §5.2).
        if (status.isValid() && status.toInt() >= 200 && status.toInt() < 500) {
            done(reply->read(kMaxAnswer), {});
            return;
        }
        done(std::nullopt,
            status.isValid()
                ? TokenClient::tr("%1 answered HTTP %2").arg(url.host()).arg(status.toInt())
                : TokenClient::tr("%1 could not be reached: %2")
                      .arg(url.host(), reply->errorString()));
    });
}

} // namespace Pop3Connector
