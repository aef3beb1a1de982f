#include "service/passwordstore.h"

#include "config/filesecretstore.h"
#include "spool/spool.h"

#include <QCoreApplication>

namespace Pop3Connector {

QString passwordFolder(const Configuration &configuration)
{
    return Spool(configuration.connector.spool).statePath() + QStringLiteral("/passwords");
}

std::unique_ptr<SecretStore> openPasswordStore(
    const Configuration &configuration, std::optional<uid_t> owner)
{
    switch (configuration.connector.passwordStore) {
    case PasswordStore::Files:
        return std::make_unique<FileSecretStore>(passwordFolder(configuration), owner);
    case PasswordStore::Keychain:
        break;
    }
    return std::make_unique<KeychainSecretStore>();
}

QString passwordStoreDescription(const Configuration &configuration)
{
    switch (configuration.connector.passwordStore) {
    case PasswordStore::Files:
        return QCoreApplication::translate("Pop3Connector", "the service's password files in %1")
            .arg(passwordFolder(configuration));
    case PasswordStore::Keychain:
        break;
    }
    return QCoreApplication::translate("Pop3Connector", "the system keychain");
}

} // namespace Pop3Connector
