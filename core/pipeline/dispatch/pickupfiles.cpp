#include "pipeline/dispatch/pickupfiles.h"

#include "base/clock.h"
#include "base/durablefs.h"
#include "spool/pickupqueue.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

namespace Pop3Connector {

PickupFiles::PickupFiles(Spool spool)
    : m_spool(std::move(spool))
{ }

Result<PickupFile> PickupFiles::read(const QString &name, SpoolFolder folder) const
{
    PickupFile f;
    f.name = name;
    f.path = m_spool.messagePath(folder, name);
    const Result<int> fd = DurableFs::openForReading(f.path);
    if (!fd)
        return fd.error();
    QFile file;
    if (!file.open(*fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
        return Error {ErrorCode::Io, file.errorString()};
    f.meta = readMetadata(m_spool, folder, name).value_or(MessageMetadata {});
    // The whole envelope, or none: a recipient past a limit would otherwise go out in DATA.
    const Result<PickupEnvelope> envelope =
        PickupEnvelope::read(file, envelopeStart(f.meta.messageOffset, file));
    const Result<QList<MailAddress>> recipients =
        envelope ? envelope->recipientAddresses() : envelope.error();
    const Result<MailAddress> sender = envelope ? envelope->senderAddress() : envelope.error();
    if (!envelope || !recipients || !sender) {
        return Error {ErrorCode::Corrupt,
            !envelope         ? envelope.error().message
                : !recipients ? recipients.error().message
                              : sender.error().message};
    }
    f.envelope = *envelope;
    f.sender = *sender;
    f.recipients = *recipients;
    f.size = file.size() - envelope->messageOffset;
    return f;
}

void PickupFiles::acknowledgeAccepted(const PickupFile &file, const QStringList &recipients) const
{
    DurableFs::acknowledge(DurableFs::Acknowledgement::LocalServerAccepted, file.name, recipients);
}

Status PickupFiles::recordDelivered(PickupFile &file, const QStringList &recipients) const
{
    file.meta = DeliveryPolicy::withDeliveredTo(file.meta, recipients);
    return replaceMetadata(m_spool, SpoolFolder::PickUp, file.name, file.meta);
}

QString PickupFiles::uniqueBadMailName(const QString &name) const
{
    QString unique = name;
    for (int n = 2; QFile::exists(m_spool.messagePath(SpoolFolder::BadMail, unique)); ++n)
        unique = name + u'-' + QString::number(n);
    return unique;
}

Status PickupFiles::setAside(const QString &name, const Phrase &reason) const
{
    const QString target = uniqueBadMailName(name);
    const MessageMetadata meta = DeliveryPolicy::badMailSidecar(
        readMetadata(m_spool, SpoolFolder::PickUp, name).value_or(MessageMetadata {}), {}, reason,
        Clock::nowUtc());
    Status moved;
    if (target != name) {
        moved = DurableFs::rename(m_spool.messagePath(SpoolFolder::PickUp, name),
            m_spool.messagePath(SpoolFolder::PickUp, target));
    }
    if (moved)
        moved = moveMessage(m_spool, SpoolFolder::PickUp, SpoolFolder::BadMail, target, meta);
    if (moved)
        moved = DurableFs::remove(m_spool.metaPath(SpoolFolder::PickUp, name));
    return moved;
}

Status PickupFiles::copyToBadMail(
    const PickupFile &file, const QStringList &recipients, const Phrase &reason) const
{
    return writeCopy(file, SpoolFolder::BadMail, uniqueBadMailName(file.name), recipients,
        DeliveryPolicy::badMailSidecar(file.meta, recipients, reason, Clock::nowUtc()));
}

Status PickupFiles::keep(const PickupFile &file, const DeliveryPolicy::Keeping &keeping) const
{
    if (keeping.change == DeliveryPolicy::Keeping::Change::Sidecar)
        return replaceMetadata(m_spool, SpoolFolder::PickUp, file.name, keeping.meta);
    return writeCopy(file, SpoolFolder::PickUp, file.name, keeping.recipients, keeping.meta);
}

QStringList PickupFiles::pathsOf(const PickupFile &file) const
{
    return {file.path, m_spool.metaPath(SpoolFolder::PickUp, file.name)};
}

// Written whole in tmp/, its sidecar at its top, then renamed into `folder`: a crash leaves the
// copy whole or not at all, and the file in place always with its own sidecar.
Status PickupFiles::writeCopy(const PickupFile &file, SpoolFolder folder, const QString &name,
    const QStringList &recipients, const MessageMetadata &meta) const
{
    const QString scratch =
        m_spool.tmpPath() + u'/' + Spool::scratchName(name, QLatin1StringView("copy"));
    PickupEnvelope envelope = file.envelope;
    envelope.recipients = recipients;
    const QByteArray sidecar = meta.fittingHead();
    const Result<qint64> written = writePickupScratch(scratch, sidecar + envelope.serialize(),
        file.path, file.envelope.messageOffset, file.size, true);
    Status s = written ? Status() : Status(written.error());
    if (s)
        s = placeFile(m_spool, folder, name, scratch, meta, !sidecar.isEmpty());
    if (!s)
        DurableFs::discard(scratch); // recovery removes it otherwise
    return s;
}

Status PickupFiles::handOverAll() const
{
    Status first;
    const QDir dir(m_spool.folderPath(SpoolFolder::PickUp));
    for (const QString &eml : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
        const QString name = eml.chopped(4);
        if (Status done = handOver(SpoolFolder::PickUp, name); !done && first)
            first = Error {done.error().code, name + QStringLiteral(": ") + done.error().message};
    }
    return first;
}

Status PickupFiles::handOver(SpoolFolder folder, const QString &name) const
{
    const QString path = m_spool.messagePath(folder, name);
    const Result<QByteArray> start = DurableFs::readHead(path, 64);
    const bool headed = start && MessageMetadata::headLength(*start) > 0;
    if (!headed && folder == SpoolFolder::PickUp)
        return {}; // the format alone already (or gone): what transfer wrote for the other MTA
    const Result<PickupFile> file = read(name, folder);
    if (!file)
        return file.error().code == ErrorCode::NotFound ? Status() : Status(file.error());
    if (!headed)
        return {};
    const QList<MailAddress> todo = DeliveryPolicy::recipientsToDo(file->recipients, file->meta);
    const QString folderPath = m_spool.folderPath(folder);
    if (todo.isEmpty() && folder != SpoolFolder::PickUp) // a requeue would send it to nobody
        return Error {ErrorCode::InvalidInput, tr("every recipient has the message already")};
    if (todo.isEmpty()) { // every recipient has it: delivered, as a removal would have said
        Status gone = removeMessages(m_spool, folder, {name});
        return gone ? DurableFs::syncDirectory(folderPath) : gone;
    }
    const Result<QByteArray> envelope = PickupEnvelope::make(file->sender, todo).write();
    if (!envelope)
        return envelope.error();
    const QString scratch =
        m_spool.tmpPath() + u'/' + Spool::scratchName(name, QLatin1StringView("handover"));
    const Result<qint64> written = writePickupScratch(
        scratch, *envelope, file->path, file->envelope.messageOffset, file->size, true);
    Status s = written ? Status() : Status(written.error());
    // The swap, not a rename: a file the other MTA has taken stays taken. The old one is then
    // the scratch file, which recovery would remove too.
    if (s)
        s = DurableFs::exchange(scratch, file->path);
    if (s) {
        MessageMetadata meta = file->meta;
        meta.other.remove(DeliveryPolicy::Key::deliveredTo);
        s = replaceMetadata(m_spool, folder, name, meta);
    }
    if (s)
        s = DurableFs::syncDirectory(folderPath);
    DurableFs::discard(scratch); // the old file after the swap, or what a failure left
    return s;
}

} // namespace Pop3Connector
