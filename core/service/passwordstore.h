#pragma once

#include "config/configuration.h"
#include "config/secretstore.h"

#include <QString>

#include <memory>
#include <optional>
#include <sys/types.h>

namespace Pop3Connector {

// Where the service keeps the passwords it reads, decided here and nowhere else
// (docs/configuration.md "Passwords"): [connector] password_store, which is `files` for the
// system configuration and `keychain` for any other unless it says otherwise. Files live in the
// spool's state folder, under passwords/; the keychain is the one of the user the service runs as.
// A mailbox with a password_file reads that file instead (CredentialResolver).
QString passwordFolder(const Configuration &configuration);

// The store for this configuration. `owner`: see FileSecretStore (files only).
std::unique_ptr<SecretStore> openPasswordStore(
    const Configuration &configuration, std::optional<uid_t> owner = std::nullopt);

// Whom the password files belong to when this process is root and the service runs as another
// user: the owner of the spool (or of the nearest folder above it that exists). Nothing when
// this process is not root, or the keychain is the store.
std::optional<uid_t> passwordOwner(const Configuration &configuration);

// Where a stored password goes, in words: "the files in /var/lib/..." or "the system keychain".
QString passwordStoreDescription(const Configuration &configuration);

} // namespace Pop3Connector
