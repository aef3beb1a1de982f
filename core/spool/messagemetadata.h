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
    // Where the message starts in its file: after the sidecar at the top of it (a message the
    // download stored); 0 for a file that is the message alone. Kept as "message-offset" in a
    // sidecar written later (Failed Mail) for such a file.
    qint64 messageOffset = 0;
    QMap<QString, QString> other; // later stages: reason, attempts, recipients ...

    // A sentence under `key` in English (what grep and older readers find) and, under
    // "<key>-phrase", as data, so that a reader in another language shows it in theirs.
    void setPhrase(const QString &key, const Phrase &phrase);
    // The sentence under `key`; the English text alone from a sidecar written without the data.
    Phrase phrase(const QString &key) const;

    QByteArray serialize() const;
    // Returns nothing when the bytes are not a sidecar.
    static std::optional<MessageMetadata> parse(QByteArrayView bytes);

    // The sidecar at the top of a message file, so that the download creates, renames and
    // removes one file a message instead of two (on a long-lived file system each costs about
    // 0.1 ms: bench/RESULTS.md): the line "POP3-Connector-Sidecar: <n>", then the n bytes of
    // serialize(), then the message. Its size is not in it: the file's size less the head's.
    QByteArray serializeAsHead() const;
    // serializeAsHead(), or nothing when that is longer than any reader takes (kMaxHeadBytes: a
    // sidecar naming thousands of recipients): the sidecar then goes beside the file.
    QByteArray fittingHead() const;
    // The bytes of the whole head that `start`, the first bytes of a file, begins, once its
    // first line is in `start`; 0 when the file does not begin with a head. Pure.
    static qint64 headLength(QByteArrayView start);
    // The sidecar of the head `head` begins with (all of it), messageOffset set to its length.
    // Pure.
    static std::optional<MessageMetadata> parseHead(QByteArrayView head);
    // headLength()'s bound: a head is a few hundred bytes; a UIDL is at most 70 characters.
    static constexpr qint64 kMaxHeadBytes = 64 * 1024;
};

} // namespace Pop3Connector
