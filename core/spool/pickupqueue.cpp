#include "spool/pickupqueue.h"

#include "base/durablefs.h"

#include <QDir>

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

namespace {

Status writeWithoutHead(const Spool &spool, const QString &name, const MessageMetadata &metadata)
{
    const QString scratch =
        spool.tmpPath() + u'/' + Spool::scratchName(name, QLatin1StringView("pickup"));
    Result<DurableFs::File> out = DurableFs::File::open(scratch, DurableFs::File::Mode::Replace);
    if (!out)
        return out.error();
    const Result<qint64> copied =
        out.value().copyFrom(spool.messagePath(SpoolFolder::PickUp, name), metadata.messageOffset);
    Status done = copied ? Status() : Status(copied.error());
    if (done)
        done = out.value().sync();
    if (done)
        done = out.value().close();
    if (done)
        done = placeFile(spool, SpoolFolder::PickUp, name, scratch, metadata, false);
    if (!done) {
        out = DurableFs::File();
        DurableFs::discard(scratch); // recovery removes it otherwise
    }
    return done;
}

} // namespace

Status handOverPickUp(const Spool &spool, int *rewritten)
{
    Status first;
    const QDir dir(spool.folderPath(SpoolFolder::PickUp));
    for (const QString &eml : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
        const QString name = eml.chopped(4);
        const std::optional<MessageMetadata> metadata =
            readMetadata(spool, SpoolFolder::PickUp, name);
        if (!metadata || metadata->messageOffset == 0)
            continue; // the format alone already
        Status done = writeWithoutHead(spool, name, *metadata);
        if (done && rewritten)
            ++*rewritten;
        if (!done && first)
            first = Error {done.error().code, name + QStringLiteral(": ") + done.error().message};
    }
    return first;
}

} // namespace Pop3Connector
