#include "service/passwordstore.h"

#include "config/filesecretstore.h"
#include "spool/spool.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <unistd.h>

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

std::optional<uid_t> passwordOwner(const Configuration &configuration)
{
    if (::geteuid() != 0 || configuration.connector.passwordStore != PasswordStore::Files)
        return std::nullopt;
    for (QString f = passwordFolder(configuration); !f.isEmpty(); f = QFileInfo(f).absolutePath()) {
        struct stat st = {};
        if (::stat(QFile::encodeName(f).constData(), &st) == 0)
            return st.st_uid;
        if (f == QFileInfo(f).absolutePath())
            break;
    }
    return std::nullopt;
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
