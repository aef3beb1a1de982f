#include "spool/pickupqueue.h"

#include "base/durablefs.h"

#include <QCoreApplication>

namespace Pop3Connector {

Status queueInPickUp(const Spool &spool, const QString &name, const PickupEnvelope &envelope,
    QByteArrayView message, const MessageMetadata &metadata)
{
    const Result<QByteArray> head = envelope.write();
    if (!head)
        return head.error();
    const QString scratch =
        spool.tmpPath() + u'/' + Spool::scratchName(name, QLatin1StringView("pickup"));
    Result<DurableFs::File> out = DurableFs::File::open(scratch, DurableFs::File::Mode::CreateNew);
    if (!out)
        return out.error();
    Status done = out.value().write(*head);
    if (done)
        done = out.value().write(message);
    if (done)
        done = out.value().sync();
    if (done)
        done = out.value().close();
    if (done)
        done = replaceMetadata(spool, SpoolFolder::PickUp, name, metadata);
    if (done)
        done = DurableFs::rename(scratch, spool.messagePath(SpoolFolder::PickUp, name));
    if (done)
        done = DurableFs::syncDirectory(spool.folderPath(SpoolFolder::PickUp));
    if (!done) {
        out = DurableFs::File();
        DurableFs::discard(scratch); // recovery removes it otherwise
    }
    return done;
}

Result<qint64> writePickupScratch(const QString &scratch, QByteArrayView before,
    const QString &source, qint64 offset, qint64 size, bool sync)
{
    if (Status s = DurableFs::remove(scratch); !s)
        return s.error();
    Result<DurableFs::File> out = DurableFs::File::open(scratch, DurableFs::File::Mode::CreateNew);
    if (!out)
        return out.error();
    Status s = out.value().write(before);
    if (s) {
        const Result<qint64> copied = out.value().copyFrom(source, offset);
        if (!copied)
            s = copied.error();
        else if (*copied != size)
            s = Error {ErrorCode::ShortWrite,
                QCoreApplication::translate("Pop3Connector::PickupFiles",
                    "%1 changed while it was copied (%2 bytes, %3 expected)")
                    .arg(source)
                    .arg(*copied)
                    .arg(size)};
    }
    if (s && sync)
        s = out.value().sync();
    if (s)
        s = out.value().close();
    const qint64 written = out.value().size();
    if (s && written != before.size() + size) {
        s = Error {ErrorCode::ShortWrite,
            QCoreApplication::translate(
                "Pop3Connector::PickupFiles", "%1 holds %2 bytes, but %3 were written")
                .arg(scratch)
                .arg(written)
                .arg(before.size() + size)};
    }
    if (!s) {
        out = DurableFs::File();
        DurableFs::discard(scratch); // recovery removes it otherwise
        return s.error();
    }
    return written;
}

} // namespace Pop3Connector
