#pragma once

#include "config/secretstore.h"

#include <QHash>
#include <QPointer>
#include <QTimer>

// For tests that are not about the keychain: answers asynchronously, like the real one.
class MemorySecretStore : public Pop3Connector::SecretStore
{
public:
    QHash<QString, QByteArray> secrets;
    QString unavailable; // when set, every read fails as a locked keychain does

    void read(const QString &key, QObject *context, ReadDone done) override
    {
        ReadResult r;
        r.status = secrets.contains(key) ? Status::Found : Status::NotFound;
        r.secret = secrets.value(key);
        if (!unavailable.isEmpty()) {
            r = {};
            r.status = Status::Unavailable;
            r.error = unavailable;
        }
        QTimer::singleShot(0, context, [done, r] { done(r); });
    }
    void write(
        const QString &key, const QByteArray &secret, QObject *context, WriteDone done) override
    {
        secrets.insert(key, secret);
        QTimer::singleShot(0, context, [done] { done({}); });
    }
    void remove(const QString &key, QObject *context, WriteDone done) override
    {
        secrets.remove(key);
        QTimer::singleShot(0, context, [done] { done({}); });
    }
};
