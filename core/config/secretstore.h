#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace Pop3Connector {

// Where mailbox passwords live. All calls are asynchronous and answer in the caller's thread
// through the callback; a callback whose context object is gone is dropped.
class SecretStore
{
public:
    enum class Status {
        Found,
        NotFound, // no password stored yet: an outcome, not a failure
        Unavailable, // no keychain works here (no Secret Service, locked, timed out)
    };
    struct ReadResult
    {
        Status status = Status::NotFound;
        QByteArray secret;
        QString error; // with Unavailable: what the keychain said
    };
    using ReadDone = std::function<void(const ReadResult &result)>;
    using WriteDone = std::function<void(const QString &error)>;

    virtual ~SecretStore() = default;
    virtual void read(const QString &key, QObject *context, ReadDone done) = 0;
    virtual void write(
        const QString &key, const QByteArray &secret, QObject *context, WriteDone done) = 0;
    virtual void remove(const QString &key, QObject *context, WriteDone done) = 0;
};

// The system keychain through QtKeychain (Secret Service on Linux, Keychain on macOS,
// Credential Manager on Windows). Every job has a timeout: a keychain that wants to show an
// unlock prompt nobody can see must not hang the connector.
class KeychainSecretStore : public SecretStore
{
public:
    explicit KeychainSecretStore(
        QString service = QStringLiteral("pop3connector"), int timeoutMs = 15000);
    ~KeychainSecretStore() override;

    void read(const QString &key, QObject *context, ReadDone done) override;
    void write(
        const QString &key, const QByteArray &secret, QObject *context, WriteDone done) override;
    void remove(const QString &key, QObject *context, WriteDone done) override;

private:
    QString m_service;
    int m_timeoutMs;
    std::unique_ptr<QObject> m_home; // lives on the creating thread; jobs run there
};

// A headless server's alternative: a file holding the password on its first line, which must
// belong to the connector's user and be readable by nobody else.
struct PasswordFileResult
{
    QByteArray password;
    QString error;
    bool insecure = false; // the error is about permissions
};
PasswordFileResult readPasswordFile(const QString &path);

} // namespace Pop3Connector
