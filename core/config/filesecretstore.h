#pragma once

#include "base/result.h"
#include "config/secretstore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>
#include <sys/types.h>

namespace Pop3Connector {

// Passwords in files of their own, for a service that has no keychain (the system service runs
// without a desktop session): one file per key in a folder private to the service's user
// (folder 0700, files 0600, each written whole through the durable layer). A file that belongs
// to another user or that others may read is refused, as a password_file is. Which store the
// service uses is decided in one place: service/passwordstore.h.
class FileSecretStore : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::FileSecretStore)

public:
    // `owner`: the user the files belong to, when that is not the process's (root storing a
    // password for the service's user while the service is stopped); folders and files it
    // creates are given to that user.
    explicit FileSecretStore(QString folder, std::optional<uid_t> owner = std::nullopt);

    QString folder() const { return m_folder; }
    // The file that holds `key`: the key percent-encoded, '.' and '/' included, so that no key
    // names a file outside the folder or a hidden one.
    QString pathFor(const QString &key) const;

    // The synchronous work behind the SecretStore calls. readSecret gives nothing for a key
    // that has no file (no password yet).
    [[nodiscard]] Result<std::optional<QByteArray>> readSecret(const QString &key) const;
    [[nodiscard]] Pop3Connector::Status writeSecret(
        const QString &key, const QByteArray &secret) const;
    [[nodiscard]] Pop3Connector::Status removeSecret(const QString &key) const;

    void read(const QString &key, QObject *context, ReadDone done) override;
    void write(
        const QString &key, const QByteArray &secret, QObject *context, WriteDone done) override;
    void remove(const QString &key, QObject *context, WriteDone done) override;

private:
    [[nodiscard]] Pop3Connector::Status giveToOwner(const QString &path) const;

    QString m_folder;
    std::optional<uid_t> m_owner;
};

} // namespace Pop3Connector
