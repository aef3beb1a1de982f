#pragma once

#include "base/durablefs.h"
#include "base/result.h"
#include "spool/messagemetadata.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QIODevice;

namespace Pop3Connector {

class UidLedger;

enum class SpoolFolder { Incoming, Failed, PickUp, BadMail };

// The spool directory (DESIGN.md "The pipeline"): four message folders, a tmp/ folder where
// files are written before they appear anywhere, state/ for ledgers and the lock, log/ for
// events and transcripts. A message is a "<name>.eml" file with its "<name>.meta" sidecar, or,
// as the download stores it, with the sidecar at the top of the file (readMetadata()).
class Spool
{
public:
    explicit Spool(QString root = {});

    QString root() const { return m_root; }
    QString folderPath(SpoolFolder folder) const;
    QString tmpPath() const;
    QString statePath() const;
    QString logPath() const;
    QString ledgerPath(const QString &mailbox) const;

    static QString folderName(SpoolFolder folder);

    // Creates the folders (0700) and makes what the spool holds private to the service user:
    // folders 0700, files 0600, whatever an older version or a umask of 022 left wider.
    // Returns how many modes were repaired.
    [[nodiscard]] Result<int> prepare() const;

    // A new unique, time-sortable base name ("20261127T052835123Z-1a2b-000001"). Thread-safe.
    static QString newMessageName();

    static QString emlName(const QString &name) { return name + QStringLiteral(".eml"); }
    static QString metaName(const QString &name) { return name + QStringLiteral(".meta"); }
    // A file in tmp/ that only a running stage uses ("NAME.pickup.part"); recovery removes it.
    static QString scratchName(const QString &name, QLatin1StringView purpose)
    {
        return name + u'.' + purpose + QStringLiteral(".part");
    }

    QString messagePath(SpoolFolder folder, const QString &name) const
    {
        return folderPath(folder) + u'/' + emlName(name);
    }
    QString metaPath(SpoolFolder folder, const QString &name) const
    {
        return folderPath(folder) + u'/' + metaName(name);
    }
    static QList<SpoolFolder> folders()
    {
        return {
            SpoolFolder::Incoming, SpoolFolder::Failed, SpoolFolder::PickUp, SpoolFolder::BadMail};
    }

private:
    QString m_root;
};

// Moves message `name` from one folder to another with a new sidecar, so that a crash at any
// point leaves it whole in exactly one of them: the new sidecar is written and placed first,
// then the message is renamed, then the old sidecar removed.
[[nodiscard]] Status moveMessage(const Spool &spool, SpoolFolder from, SpoolFolder to,
    const QString &name, const MessageMetadata &metadata);
// Writes a sidecar through tmp/ and renames it into place.
[[nodiscard]] Status replaceMetadata(
    const Spool &spool, SpoolFolder folder, const QString &name, const MessageMetadata &metadata);
// Puts `scratch`, a whole file written and synced in tmp/, at `name` in `folder` (replacing
// what is there) and syncs the folder. `metadata` is at the top of `scratch` when `headed`,
// else it is written beside. The file is renamed in first: a crash leaves the old file with
// its own sidecar, or the new one with its own, with none, or beside a sidecar of the old one
// that readers pass over (its offset is the old head's) or that describes the same layout.
[[nodiscard]] Status placeFile(const Spool &spool, SpoolFolder folder, const QString &name,
    const QString &scratch, const MessageMetadata &metadata, bool headed);
// Removes each message named from `folder` (the message, then its sidecar, so that recovery
// never finds a message without its sidecar) from several threads at once; returns the first
// failure, every message tried whatever failed before. The folder is not synced.
[[nodiscard]] Status removeMessages(
    const Spool &spool, SpoolFolder folder, const QStringList &names);
// The sidecar beside the message, or at the top of its file (its messageOffset says where the
// message starts).
std::optional<MessageMetadata> readMetadata(
    const Spool &spool, SpoolFolder folder, const QString &name);

// Where the pickup envelope of `file`, a PickUp or BadMail file open at its start, begins:
// after the sidecar at its top as `offset` (its sidecar's messageOffset) says, or, when that is
// 0, as the file's first line says (its sidecar could not be read just now, or one beside it was
// written for the file this one replaced). Such a file begins with the connector's head or its
// envelope, never with bytes from outside.
qint64 envelopeStart(qint64 offset, QIODevice &file);

// What startup recovery did with the files a previous run left in tmp/.
struct RecoveryReport
{
    int completed = 0; // stored and ledgered messages moved into Incoming Mail
    int discarded = 0; // incomplete files removed (their messages are still on the server)
    QStringList errors;

    // The administrator's sentence for it (event SpoolRecovered), or empty when there was
    // nothing to finish or undo.
    QString summary() const;
};

// Finishes or undoes what an interrupted run left behind. A message in tmp/ whose UIDL reached
// its mailbox's ledger was durable and is moved into Incoming Mail; other files in tmp/ are
// removed. A message in Incoming Mail that is also in PickUp or Failed Mail was transferred
// already, so the Incoming copy goes; a sidecar whose message is not beside it goes. Nothing
// here removes the only copy of a message. `ledgerFor`
// gives the ledger a sidecar's message belongs to, or null when it cannot be opened; then the files
// are left alone.
RecoveryReport recoverSpool(const Spool &spool,
    const std::function<UidLedger *(const MessageMetadata &metadata)> &ledgerFor);

// A message being written to tmp/ as it arrives. The file is opened on the first byte, so a
// long pipeline of requested messages holds one open file at a time. Nothing is synced here;
// the committer makes whole batches durable.
class StagedMessage
{
public:
    StagedMessage(const Spool &spool, QString name);
    ~StagedMessage(); // removes the files unless they were handed on
    StagedMessage(const StagedMessage &) = delete;
    StagedMessage &operator=(const StagedMessage &) = delete;

    QString name() const { return m_name; }
    qint64 size() const { return m_size; }
    bool hasFailed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    // The size of the sidecar finish() wrote beside the message; 0 when it is at the top.
    qint64 metadataSize() const { return m_metadataSize; }
    // The bytes of the file before the message: its head (setHead()), or none.
    qint64 headSize() const { return m_head.size(); }

    // Puts the sidecar at the top of the file (MessageMetadata::serializeAsHead()), so that
    // finish() writes no file beside it. Before the first append().
    void setHead(const MessageMetadata &metadata);
    // Counts the bytes of the message, not of its head.
    bool append(QByteArrayView bytes);
    // Closes the message and writes its sidecar, unless it went at the top.
    bool finish(const MessageMetadata &metadata);
    // The files now belong to the committer; they are no longer removed here.
    void release() { m_released = true; }
    void discard();

private:
    bool ensureOpen();
    bool check(const Status &status);

    QString m_tmp;
    QString m_name;
    DurableFs::File m_file;
    QByteArray m_head;
    qint64 m_size = 0;
    QString m_error;
    bool m_released = false;
    qint64 m_metadataSize = 0;
};

} // namespace Pop3Connector
