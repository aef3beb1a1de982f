#pragma once

#include "base/durablefs.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>

#include <optional>

namespace Pop3Connector {

// A mailbox's record of the messages it has stored (DESIGN.md "Durability"): maps each
// message's UIDL to when it was stored and under which spool name. A UIDL is appended only
// after the message file is durable, and DELE is sent only after the append is durable, so
// after any crash the ledger tells which messages need no second download.
//
// The file is append-only text, one "S <unix-seconds> <spool-name> <uid>" line per message,
// under a header naming the server and user it belongs to. It also remembers the messages the
// server sent more of than the size limit, "X <unix-seconds> <limit-kb> <uid>", which are never
// deleted and not downloaded again while the limit is no higher; ledgers from before these
// lines load as they are. Thread-safe: the committer thread appends while the mailbox's session
// thread looks up.
class UidLedger
{
public:
    struct Entry
    {
        qint64 storedAt = 0; // seconds since the epoch, UTC
        QString spoolName;
    };

    explicit UidLedger(QString path);
    ~UidLedger();
    UidLedger(const UidLedger &) = delete;
    UidLedger &operator=(const UidLedger &) = delete;

    // Loads the ledger. When it belongs to another server or user (the mailbox was pointed
    // elsewhere) it is set aside and a new one begins.
    [[nodiscard]] Status open(const QString &identity);
    QString path() const { return m_path; }

    // A stored message.
    std::optional<Entry> find(const QByteArray &uid) const;
    // Stored messages.
    int size() const;
    // The limit (KB) a message outgrew while it was retrieved, or nothing.
    std::optional<int> oversizedAt(const QByteArray &uid) const;
    // Whether the ledger has anything on `uid`, stored or oversized.
    bool contains(const QByteArray &uid) const;

    // Appends and makes the lines durable before returning. On failure the ledger is as it
    // was: nothing is claimed for a line the disk did not take whole.
    [[nodiscard]] Status append(const QList<std::pair<QByteArray, Entry>> &entries);
    // Remembers, durably, that message `uid` outgrew `limitKb`.
    [[nodiscard]] Status markOversized(const QByteArray &uid, qint64 markedAt, int limitKb);
    // Forgets every UIDL not in `present` (a complete UIDL listing from the server): those
    // messages are gone from the server, so they can never be offered again.
    [[nodiscard]] Status retainOnly(const QSet<QByteArray> &present);
    // Forgets the given UIDLs (deleted from a server that has no UIDL command).
    [[nodiscard]] Status remove(const QSet<QByteArray> &uids);

private:
    // Called with the mutex held.
    Status rewrite();
    Status openForAppend();
    Status appendLines(const QByteArray &lines);

    QString m_path;
    QString m_identity;
    mutable QMutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
    struct Oversized
    {
        qint64 markedAt = 0;
        int limitKb = 0;
    };
    QHash<QByteArray, Oversized> m_oversized;
    DurableFs::File m_file;
    bool m_needsRewrite = false; // an append failed half-way and could not be taken back
};

} // namespace Pop3Connector
