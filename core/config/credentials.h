#pragma once

#include "base/result.h"
#include "config/configuration.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <functional>

namespace Pop3Connector {

class SecretStore;

// Finds the password of a mailbox or of the delivery login, wherever the configuration says it
// is: a password file (which must be private to the user), else the secret store. The one
// place that knows that order, and says in a sentence what to do when neither has it.
class CredentialResolver
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::CredentialResolver)

public:
    using Done = std::function<void(const Result<QByteArray> &password)>;

    explicit CredentialResolver(SecretStore *store);

    // `done` runs in `context`'s thread; dropped when `context` is gone. Errors:
    // PermissionDenied (a password file others can read), NotFound (nothing stored yet),
    // Io (the file or the store cannot be read).
    void resolve(const MailboxSettings &mailbox, QObject *context, Done done) const;
    void resolve(const DeliverySettings &delivery, QObject *context, Done done) const;

    // The event that reports a failure to find a password.
    static EventId eventFor(const Error &error);

private:
    void resolve(const QString &passwordFile, const QString &key, const QString &notFound,
        const std::function<QString(const QString &keychainError)> &unavailable, QObject *context,
        Done done) const;

    SecretStore *m_store;
};

} // namespace Pop3Connector
