#include "config/credentials.h"

#include "config/secretstore.h"

namespace Pop3Connector {

CredentialResolver::CredentialResolver(SecretStore *store)
    : m_store(store)
{ }

EventId CredentialResolver::eventFor(const Error &error)
{
    return error.code == ErrorCode::PermissionDenied ? EventId::PasswordFileInsecure
                                                     : EventId::PasswordUnavailable;
}

void CredentialResolver::resolve(const MailboxSettings &mailbox, QObject *context, Done done) const
{
    resolve(
        mailbox.passwordFile, mailbox.keychainKey(),
        tr("no password is stored for mailbox %1; store it in the manager or with: "
           "pop3connectord --set-password %1")
            .arg(mailbox.name),
        [name = mailbox.name](const QString &keychainError) {
            return tr("the system keychain cannot be used (%1); unlock it, or set "
                      "password_file for mailbox %2")
                .arg(keychainError, name);
        },
        context, std::move(done));
}

void CredentialResolver::resolve(
    const DeliverySettings &delivery, QObject *context, Done done) const
{
    resolve(
        delivery.passwordFile, DeliverySettings::keychainKey(),
        tr("no password is stored for the delivery user; store it with: pop3connectord "
           "--set-password delivery"),
        [](const QString &keychainError) {
            return tr("the system keychain cannot be used (%1); unlock it, or set [delivery] "
                      "password_file")
                .arg(keychainError);
        },
        context, std::move(done));
}

void CredentialResolver::resolve(const QString &passwordFile, const QString &key,
    const QString &notFound, const std::function<QString(const QString &)> &unavailable,
    QObject *context, Done done) const
{
    if (!passwordFile.isEmpty()) {
        const PasswordFileResult r = readPasswordFile(passwordFile);
        if (r.error.isEmpty())
            done(r.password);
        else
            done(Error {r.insecure ? ErrorCode::PermissionDenied : ErrorCode::Io, r.error});
        return;
    }
    m_store->read(key, context,
        [notFound, unavailable, done = std::move(done)](const SecretStore::ReadResult &r) {
            switch (r.status) {
            case SecretStore::Status::Found:
                done(r.secret);
                return;
            case SecretStore::Status::NotFound:
                done(Error {ErrorCode::NotFound, notFound});
                return;
            case SecretStore::Status::Unavailable:
                done(Error {ErrorCode::Io, unavailable(r.error)});
                return;
            }
        });
}

} // namespace Pop3Connector
