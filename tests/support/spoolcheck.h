#pragma once

#include "base/result.h"
#include "spool/messagemetadata.h"

#include <QByteArray>
#include <QList>
#include <QString>

struct SpooledMessage
{
    QString name;
    QByteArray bytes;
    Pop3Connector::MessageMetadata metadata;
    bool hasMetadata = false;
};

// The message `name` of a spool folder: its file's bytes after the sidecar at its top (if it
// has one), and its sidecar, beside it or at its top.
SpooledMessage readSpooledMessage(const QString &folder, const QString &name);
// The messages of one spool folder, sorted by name.
QList<SpooledMessage> readSpoolFolder(const QString &folder);
// Empty when `folder` holds every message of `expected` (LF form, as the server stored it)
// exactly once, byte for byte in wire form, each with a sidecar, and nothing else; otherwise
// what differs.
QString compareWithCorpus(const QString &folder, const QList<QByteArray> &expected);

// The error's message, or an empty string for success: QCOMPARE(failure(f()), QString()).
inline QString failure(const Pop3Connector::Status &status)
{
    return status ? QString() : status.error().message;
}
template<typename T>
QString failure(const Pop3Connector::Result<T> &result)
{
    return result ? QString() : result.error().message;
}
