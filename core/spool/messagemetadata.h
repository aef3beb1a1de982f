#pragma once

#include "base/phrase.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>

#include <optional>

namespace Pop3Connector {

// The sidecar that travels beside a message file (<name>.meta): where the message came from
// and what happened to it. Stored as UTF-8 "key: value" lines; keys this version does not
// know are kept, so an older reader never drops what a newer writer added.
struct MessageMetadata
{
    QString mailbox;
    QString server;
    QString user;
    QByteArray uid; // the POP3 UIDL, or a "sha256:" digest when the server has none
    QDateTime retrieved;
    qint64 size = 0;
    QMap<QString, QString> other; // later stages: reason, attempts, recipients ...

    // A sentence under `key` in English (what grep and older readers find) and, under
    // "<key>-phrase", as data, so that a reader in another language shows it in theirs.
    void setPhrase(const QString &key, const Phrase &phrase);
    // The sentence under `key`; the English text alone from a sidecar written without the data.
    Phrase phrase(const QString &key) const;

    QByteArray serialize() const;
    // Returns nothing when the bytes are not a sidecar.
    static std::optional<MessageMetadata> parse(QByteArrayView bytes);
};

} // namespace Pop3Connector
