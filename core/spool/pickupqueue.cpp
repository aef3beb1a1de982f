#include "spool/pickupqueue.h"

#include "base/durablefs.h"

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

} // namespace Pop3Connector
