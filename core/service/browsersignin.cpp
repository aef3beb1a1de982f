#include "service/browsersignin.h"

#include "service/controlclient.h"
#include "service/controlmessages.h"

namespace Pop3Connector {

BrowserSignIn::BrowserSignIn(
    const Configuration &configuration, QString name, Control::Client *service, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_service(service)
{
    const MailboxSettings *m = configuration.mailbox(m_name);
    OAuthClient client;
    QString hint;
    if (m_name == DeliverySettings::keychainKey()) {
        m_oauth = configuration.delivery.usesOAuth();
        client = OAuthClient::of(configuration.delivery);
        hint = configuration.delivery.user;
    } else if (m) {
        m_oauth = m->usesOAuth();
        client = OAuthClient::of(*m);
        hint = m->user;
    }
    m_flow = new AuthorizationCodeFlow(client, hint, this);
    connect(m_flow, &AuthorizationCodeFlow::browserWanted, this, &BrowserSignIn::browserWanted);
    connect(m_flow, &AuthorizationCodeFlow::finished, this, &BrowserSignIn::onTokens);
}

Status BrowserSignIn::start()
{
    if (!m_oauth) {
        return Error {ErrorCode::InvalidInput,
            tr("%1 logs in with a password; set auth = xoauth2 or oauthbearer first").arg(m_name)};
    }
    return m_flow->start();
}

void BrowserSignIn::cancel()
{
    m_flow->cancel();
}

void BrowserSignIn::onTokens(const TokenReply &reply)
{
    if (!reply.ok() || reply.refreshToken.isEmpty()) {
        const QString said = !reply.ok()
            ? (reply.description.isEmpty() ? reply.error
                                           : reply.error + QStringLiteral(": ") + reply.description)
            : tr("the provider gave no refresh token; the scopes "
                 "need offline_access (Microsoft)");
        Q_EMIT failed(
            Error {ErrorCode::PermissionDenied, tr("the sign-in did not complete: %1").arg(said)});
        return;
    }
    if (!m_service) {
        Q_EMIT failed(Error {ErrorCode::Io, tr("not connected to the service")});
        return;
    }
    QCborMap params;
    params.insert(QStringLiteral("mailbox"), m_name);
    params.insert(QStringLiteral("refreshToken"), QString::fromUtf8(reply.refreshToken));
    m_service->request(
        Control::Method::StoreSignIn, params, this, [this](const Result<QCborMap> &stored) {
            if (!stored)
                Q_EMIT failed(stored.error());
            else
                Q_EMIT signedIn();
        });
}

} // namespace Pop3Connector
