#include "service/signinrequests.h"

#include "oauth/tokenbroker.h"
#include "service/connector.h"
#include "service/controlmessages.h"
#include "service/passwordstore.h"

namespace Pop3Connector {

using Control::invalidRequest;

SignInRequests::SignInRequests(ServiceHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{ }

Control::Handlers SignInRequests::handlers()
{
    return {
        {Control::Method::StoreSignIn, [this](Session *s, const Message &r) { store(s, r); }},
    };
}

// A mailbox's sign-in under its refreshTokenKey(), the delivery login's ("delivery") under
// DeliverySettings::refreshTokenKey().
void SignInRequests::store(Session *session, const Message &request)
{
    const QString name = request.body.value(QStringLiteral("mailbox")).toString();
    const QByteArray token = request.body.value(QStringLiteral("refreshToken")).toString().toUtf8();
    const Configuration &c = m_host->configuration();
    const MailboxSettings *m = c.mailbox(name);
    const bool delivery = name == DeliverySettings::keychainKey();
    if (!m && !delivery) {
        session->fail(request.id,
            {ErrorCode::NotFound,
                tr("the configuration has no mailbox %1 (and it is not \"delivery\")")
                    .arg(name.left(80))});
        return;
    }
    if (delivery ? !c.delivery.usesOAuth() : !m->usesOAuth()) {
        session->fail(request.id,
            invalidRequest(tr("%1 logs in with a password; set auth = xoauth2 or oauthbearer in "
                              "its section first")
                               .arg(name)));
        return;
    }
    const QString key = delivery ? DeliverySettings::refreshTokenKey() : m->refreshTokenKey();
    if (token.isEmpty() || token.contains('\n') || token.contains('\r')) {
        session->fail(request.id, invalidRequest(tr("a refresh token is one line, not empty")));
        return;
    }
    const QString where = passwordStoreDescription(c);
    const QString who = session->peer().describe();
    m_host->secrets()->write(key, token, session,
        [this, session, id = request.id, name, key, where, who](const QString &error) {
            if (!error.isEmpty()) {
                session->fail(id,
                    {ErrorCode::Io,
                        tr("the sign-in could not be stored in %1: %2").arg(where, error)});
                return;
            }
            if (Connector *connector = m_host->connector())
                connector->tokenBroker()->signedIn(key);
            m_host->raise(EventId::OAuthSignedIn,
                Phrase(staticMetaObject.className(),
                    QT_TR_NOOP("The sign-in of %1 was stored in %2 by %3."))
                    .arg(name, where, who),
                name == DeliverySettings::keychainKey() ? QString() : name);
            QCborMap r;
            r.insert(QStringLiteral("store"), where);
            session->reply(id, r);
        });
}

} // namespace Pop3Connector
