#pragma once

#include "base/result.h"
#include "pipeline/dispatch/deliverypolicy.h"
#include "protocol/mailaddress.h"
#include "spool/messagemetadata.h"
#include "spool/pickupenvelope.h"
#include "spool/spool.h"

#include <QCoreApplication>
#include <QStringList>

namespace Pop3Connector {

// A PickUp file as read for delivery: its whole envelope, as addresses, and its sidecar.
struct PickupFile
{
    QString name;
    QString path;
    PickupEnvelope envelope;
    MailAddress sender;
    QList<MailAddress> recipients;
    MessageMetadata meta;
    qint64 size = 0; // of the message after the envelope
};

// What delivery does to PickUp files once the local server has spoken: every change through
// DurableFs, and a copy in BadMail written whole before anything leaves PickUp. A removal is
// durable once PickUp is synced (PickupSync).
class PickupFiles
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::PickupFiles)

public:
    explicit PickupFiles(Spool spool);

    // Reads file `name` of `folder`. Corrupt, with why, when it has no valid envelope (it
    // belongs in BadMail); another error when it cannot be opened (gone, or not a regular file).
    Result<PickupFile> read(const QString &name, SpoolFolder folder = SpoolFolder::PickUp) const;

    // The local server accepted `file` for `recipients`: said at once, to whoever watches the
    // file system's order (DurableFs::acknowledge), before anything else happens to the file.
    void acknowledgeAccepted(const PickupFile &file, const QStringList &recipients) const;
    // Records in the sidecar that `recipients` have the message, before the file's next
    // transaction.
    [[nodiscard]] Status recordDelivered(PickupFile &file, const QStringList &recipients) const;

    // Moves file `name` as it is to BadMail (it has no envelope to copy), under a name of its
    // own if BadMail has this one already.
    [[nodiscard]] Status setAside(const QString &name, const Phrase &reason) const;
    // Writes a copy of `file` for `recipients` only to BadMail; the PickUp file stays.
    [[nodiscard]] Status copyToBadMail(
        const PickupFile &file, const QStringList &recipients, const Phrase &reason) const;
    // Keeps `file` in PickUp as `keeping` says: its sidecar replaced, or the file written anew.
    [[nodiscard]] Status keep(const PickupFile &file, const DeliveryPolicy::Keeping &keeping) const;
    // The paths of `file`, then of its sidecar: what its removal from PickUp unlinks.
    QStringList pathsOf(const PickupFile &file) const;
    // For another MTA that reads PickUp (transport = pickup): file `name` of `folder`, when it
    // has its sidecar at its top (written while the connector delivered PickUp itself), is
    // rewritten in the pickup-directory format alone, for the recipients still to do, its
    // sidecar beside it. The new file swaps places with the old one, so that a file the other
    // MTA took meanwhile is never put back. Corrupt when its envelope cannot be read: no other
    // server could deliver it either. BadMail's files are checked this way before a requeue;
    // one whose every recipient has the message is an error there (in PickUp it is removed).
    [[nodiscard]] Status handOver(SpoolFolder folder, const QString &name) const;
    // handOver() for each file in PickUp; each is tried, and the first failure is returned,
    // naming its file.
    [[nodiscard]] Status handOverAll() const;

private:
    QString uniqueBadMailName(const QString &name) const;
    [[nodiscard]] Status writeCopy(const PickupFile &file, SpoolFolder folder, const QString &name,
        const QStringList &recipients, const MessageMetadata &meta) const;

    Spool m_spool;
};

} // namespace Pop3Connector
