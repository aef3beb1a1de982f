#include "service/passwordrequests.h"

#include "service/controlmessages.h"
#include "service/passwordstore.h"

namespace Pop3Connector {

using Control::invalidRequest;

PasswordRequests::PasswordRequests(ServiceHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{ }

Control::Handlers PasswordRequests::handlers()
{
    return {
        {Control::Method::SetPassword, [this](Session *s, const Message &r) { set(s, r); }},
        {Control::Method::ClearPassword, [this](Session *s, const Message &r) { clear(s, r); }},
    };
}

Result<QString> PasswordRequests::passwordKey(const QString &name) const
{
    // A mailbox saved a moment ago may wait for the running cycle to end before it applies;
    // its password is stored now all the same, where the service will look for it.
    const Configuration &c = m_host->latestConfiguration();
    if (name == DeliverySettings::keychainKey()) {
        if (!c.delivery.passwordFile.isEmpty()) {
            return invalidRequest(
                tr("the delivery login reads its password from %1 (password_file); change that "
                   "file, or remove password_file")
                    .arg(c.delivery.passwordFile));
        }
        return DeliverySettings::keychainKey();
    }
    const MailboxSettings *m = c.mailbox(name);
    if (!m) {
        return Error {ErrorCode::NotFound,
            tr("the configuration has no mailbox %1 (and it is not \"delivery\")")
                .arg(name.left(80))};
    }
    if (!m->passwordFile.isEmpty()) {
        return invalidRequest(tr("mailbox %1 reads its password from %2 (password_file); change "
                                 "that file, or remove password_file")
                                  .arg(name, m->passwordFile));
    }
    return m->keychainKey();
}

void PasswordRequests::set(Session *session, const Message &request)
{
    const QString name = request.body.value(QStringLiteral("key")).toString();
    const QByteArray secret = request.body.value(QStringLiteral("secret")).toString().toUtf8();
    const Result<QString> key = passwordKey(name);
    if (!key) {
        session->fail(request.id, key.error());
        return;
    }
    if (secret.isEmpty() || secret.contains('\n') || secret.contains('\r')) {
        session->fail(request.id, invalidRequest(tr("a password is one line, not empty")));
        return;
    }
    const QString where = passwordStoreDescription(m_host->configuration());
    const QString who = session->peer().describe();
    m_host->secrets()->write(*key, secret, session,
        [this, session, id = request.id, name, where, who](const QString &error) {
            if (!error.isEmpty()) {
                session->fail(id,
                    {ErrorCode::Io,
                        tr("the password could not be stored in %1: %2").arg(where, error)});
                return;
            }
            m_host->raise(EventId::PasswordChanged,
                Phrase(staticMetaObject.className(),
                    QT_TR_NOOP("The password of %1 was stored in %2 by %3."))
                    .arg(name, where, who),
                name == DeliverySettings::keychainKey() ? QString() : name);
            QCborMap r;
            r.insert(QStringLiteral("store"), where);
            session->reply(id, r);
        });
}

void PasswordRequests::clear(Session *session, const Message &request)
{
    const QString name = request.body.value(QStringLiteral("key")).toString();
    const Result<QString> key = passwordKey(name);
    if (!key) {
        session->fail(request.id, key.error());
        return;
    }
    const QString where = passwordStoreDescription(m_host->configuration());
    const QString who = session->peer().describe();
    m_host->secrets()->remove(
        *key, session, [this, session, id = request.id, name, where, who](const QString &error) {
            if (!error.isEmpty()) {
                session->fail(id,
                    {ErrorCode::Io,
                        tr("the password could not be removed from %1: %2").arg(where, error)});
                return;
            }
            m_host->raise(EventId::PasswordChanged,
                Phrase(staticMetaObject.className(),
                    QT_TR_NOOP("The password of %1 was removed from %2 by %3."))
                    .arg(name, where, who),
                name == DeliverySettings::keychainKey() ? QString() : name);
            session->reply(id);
        });
}

} // namespace Pop3Connector
