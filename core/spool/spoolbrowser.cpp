#include "spool/spoolbrowser.h"

#include "base/clock.h"
#include "base/durablefs.h"
#include "protocol/mimeparser.h"
#include "spool/pickupenvelope.h"
#include "spool/pickupqueue.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

namespace Pop3Connector {

namespace {

bool hasEnvelope(SpoolFolder folder)
{
    return folder == SpoolFolder::PickUp || folder == SpoolFolder::BadMail;
}

// Keys that describe a past attempt; a requeued message starts afresh.
const QStringList kAttemptKeys = {QStringLiteral("reason"), QStringLiteral("failed"),
    QStringLiteral("attempts"), QStringLiteral("next_attempt"), QStringLiteral("first_deferred"),
    QStringLiteral("undeliverable"), QStringLiteral("reason-phrase"),
    QStringLiteral("undeliverable-phrase")};

// The context lupdate gives the QT_TR_NOOP strings of SpoolBrowser's functions, as it gave their
// tr().
constexpr char kContext[] = "Pop3Connector::SpoolBrowser";

} // namespace

SpoolBrowser::SpoolBrowser(const Spool &spool)
    : m_spool(spool)
{ }

void SpoolBrowser::reportTo(EventSink sink, const QString &requestedBy)
{
    m_sink = std::move(sink);
    m_requestedBy = requestedBy;
}

void SpoolBrowser::report(
    EventId id, const Phrase &text, const QString &mailbox, const QString &message) const
{
    if (!m_sink)
        return;
    // The joining phrase has nothing to translate: every language reads it as it is.
    m_sink(Event::make(id,
        m_requestedBy.isEmpty()
            ? text
            : Phrase(kContext, "%1 %2")
                  .arg(text, Phrase(kContext, QT_TR_NOOP("Requested by %1.")).arg(m_requestedBy)),
        mailbox, message));
}

QString SpoolBrowser::mailboxOf(SpoolFolder folder, const QString &name) const
{
    if (!m_sink)
        return {}; // nobody to tell: no need to read the sidecar
    const std::optional<MessageMetadata> meta = readMetadata(m_spool, folder, name);
    return meta ? meta->mailbox : QString();
}

QStringList SpoolBrowser::names(SpoolFolder folder) const
{
    QStringList out;
    const QDir dir(m_spool.folderPath(folder));
    for (const QString &eml : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name))
        out.append(eml.chopped(4));
    return out;
}

std::optional<PickupEnvelope> SpoolBrowser::envelope(
    SpoolFolder folder, const QString &name, qint64 from) const
{
    if (!hasEnvelope(folder))
        return std::nullopt;
    const Result<int> fd = DurableFs::openForReading(m_spool.messagePath(folder, name));
    QFile f;
    if (!fd || !f.open(*fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
        return std::nullopt;
    // Whole, however many recipients.
    Result<PickupEnvelope> e = PickupEnvelope::read(f, envelopeStart(from, f));
    if (!e)
        return std::nullopt;
    return std::move(e).value();
}

qint64 SpoolBrowser::messageOffset(SpoolFolder folder, const QString &name) const
{
    const std::optional<MessageMetadata> meta = readMetadata(m_spool, folder, name);
    const qint64 offset = meta ? meta->messageOffset : 0; // after the sidecar at the top
    if (const std::optional<PickupEnvelope> e = envelope(folder, name, offset))
        return e->messageOffset;
    return offset;
}

MessageSummary SpoolBrowser::summary(SpoolFolder folder, const QString &name) const
{
    MessageSummary s;
    s.folder = folder;
    s.name = name;
    const QString path = m_spool.messagePath(folder, name);
    const QFileInfo info(path);
    const std::optional<MessageMetadata> meta = readMetadata(m_spool, folder, name);
    qint64 offset = meta ? meta->messageOffset : 0; // after the sidecar at the top of the file
    QStringList envelopeRecipients;
    if (const std::optional<PickupEnvelope> e = envelope(folder, name, offset)) {
        offset = e->messageOffset;
        envelopeRecipients = e->recipients;
    }
    s.size = info.size() - offset;
    QString error;
    if (const std::optional<MessageHeaders> h = MimeParser::parseHeaders(path, offset, &error)) {
        s.from = h->from;
        s.subject = h->subject;
        s.date = h->date;
        s.to = envelopeRecipients.isEmpty() ? (h->to + h->cc).join(QStringLiteral(", "))
                                            : envelopeRecipients.join(QStringLiteral(", "));
    } else {
        s.readable = false;
        s.to = envelopeRecipients.join(QStringLiteral(", "));
        s.reason = error;
    }
    if (meta) {
        s.mailbox = meta->mailbox;
        s.arrived = meta->retrieved;
        const Phrase reason = meta->phrase(QStringLiteral("reason"));
        if (!reason.isEmpty())
            s.reason = reason;
    }
    if (!s.arrived.isValid())
        s.arrived = info.lastModified();
    return s;
}

QList<MessageSummary> SpoolBrowser::list(SpoolFolder folder) const
{
    QList<MessageSummary> out;
    for (const QString &name : names(folder))
        out.append(summary(folder, name));
    return out;
}

QString SpoolBrowser::preview(SpoolFolder folder, const QString &name, int maxChars) const
{
    const MessageSummary s = summary(folder, name);
    QString out = tr("From: %1\nTo: %2\nSubject: %3\nDate: %4\n")
                      .arg(s.from, s.to, s.subject, s.date.toLocalTime().toString(Qt::RFC2822Date));
    if (!s.reason.isEmpty())
        out += tr("Reason: %1\n").arg(s.reason.english());
    return out + u'\n' + previewBody(folder, name, maxChars);
}

QString SpoolBrowser::previewBody(SpoolFolder folder, const QString &name, int maxChars) const
{
    return MimeParser::previewText(
        m_spool.messagePath(folder, name), messageOffset(folder, name), maxChars);
}

Phrase SpoolBrowser::requeue(SpoolFolder folder, const QString &name) const
{
    SpoolFolder to;
    switch (folder) {
    case SpoolFolder::Failed:
        to = SpoolFolder::Incoming;
        break;
    case SpoolFolder::BadMail:
        to = SpoolFolder::PickUp;
        break;
    default:
        return Phrase(
            kContext, QT_TR_NOOP("only messages in Failed Mail or BadMail can be requeued"));
    }
    if (!QFile::exists(m_spool.messagePath(folder, name)))
        return Phrase(kContext, QT_TR_NOOP("message %1 is no longer in %2"))
            .arg(name, Spool::folderName(folder));
    MessageMetadata meta = readMetadata(m_spool, folder, name).value_or(MessageMetadata {});
    for (const QString &key : kAttemptKeys)
        meta.other.remove(key);
    meta.other.insert(QStringLiteral("requeued"), Clock::nowUtc().toString(Qt::ISODateWithMs));
    QString moving = name;
    if (QFile::exists(m_spool.messagePath(to, name))) {
        // The same name is in use there (part of the message still waits): a name of its own.
        moving = Spool::newMessageName();
        if (Status s = DurableFs::rename(
                m_spool.messagePath(folder, name), m_spool.messagePath(folder, moving));
            !s)
            return s.error().message;
        // Its sidecar follows it, if it has one beside it; one at the top of the file moved along.
        if (QFile::exists(m_spool.metaPath(folder, name))) {
            if (Status s = DurableFs::rename(
                    m_spool.metaPath(folder, name), m_spool.metaPath(folder, moving));
                !s)
                return s.error().message;
        }
    }
    if (const Status moved = moveMessage(m_spool, folder, to, moving, meta); !moved)
        return moved.error().message;
    const QString from = Spool::folderName(folder);
    report(EventId::MessageRequeued,
        moving == name ? Phrase(kContext, QT_TR_NOOP("Message %1 requeued from %2 to %3."))
                             .arg(name, from, Spool::folderName(to))
                       : Phrase(kContext, QT_TR_NOOP("Message %1 requeued from %2 to %3 as %4."))
                             .arg(name, from, Spool::folderName(to), moving),
        meta.mailbox, moving);
    return {};
}

Phrase SpoolBrowser::exportMessage(
    SpoolFolder folder, const QString &name, const QString &destination) const
{
    // Outside the spool, but still private (0600): the file is somebody's mail. Written beside
    // the destination and renamed, so that a full disk leaves no half of it and an existing
    // file is replaced only by a whole copy.
    const QString scratch = destination + QStringLiteral(".part");
    Result<DurableFs::File> out = DurableFs::File::open(scratch, DurableFs::File::Mode::Replace);
    if (!out)
        return out.error().message;
    Status s;
    const Result<qint64> copied =
        out.value().copyFrom(m_spool.messagePath(folder, name), messageOffset(folder, name));
    if (!copied)
        s = copied.error();
    if (s)
        s = out.value().sync();
    if (s)
        s = out.value().close();
    if (s)
        s = DurableFs::rename(scratch, destination);
    if (!s) {
        out = DurableFs::File();
        DurableFs::discard(scratch); // the error that matters is the first one
        return s.error().message;
    }
    report(EventId::MessageExported,
        Phrase(kContext, QT_TR_NOOP("Message %1 of %2 copied to %3."))
            .arg(name, Spool::folderName(folder), destination),
        mailboxOf(folder, name), name);
    return {};
}

Phrase SpoolBrowser::remove(SpoolFolder folder, const QString &name) const
{
    const QString mailbox = mailboxOf(folder, name); // while the sidecar is there
    if (const Phrase error = removeFiles(folder, name); !error.isEmpty())
        return error;
    report(EventId::MessageDeleted,
        Phrase(kContext, QT_TR_NOOP("Message %1 deleted from %2."))
            .arg(name, Spool::folderName(folder)),
        mailbox, name);
    return {};
}

Phrase SpoolBrowser::removeFiles(SpoolFolder folder, const QString &name) const
{
    Status s = DurableFs::remove(m_spool.messagePath(folder, name));
    if (s)
        s = DurableFs::remove(m_spool.metaPath(folder, name));
    if (s)
        s = DurableFs::syncDirectory(m_spool.folderPath(folder));
    return s ? Phrase() : Phrase(s.error().message);
}

Phrase SpoolBrowser::wrapForUndeliverable(
    SpoolFolder folder, const QString &name, const QString &undeliverableMailbox) const
{
    if (undeliverableMailbox.isEmpty())
        return Phrase(kContext,
            QT_TR_NOOP("no undeliverable-mail mailbox is configured (undeliverable_mailbox)"));
    const MessageSummary s = summary(folder, name);
    const QString fresh = Spool::newMessageName();
    const QString text =
        tr("POP3 Connector could not deliver the attached message as it was.\n\nFolder: %1\n"
           "Reason: %2\nMailbox: %3\nRetrieved: %4\n\nThe original is attached as original.eml.\n")
            .arg(Spool::folderName(folder), s.reason.english(), s.mailbox,
                s.arrived.toString(Qt::ISODate));
    const QString subject =
        tr("Undeliverable message: %1").arg(s.subject.isEmpty() ? name : s.subject);
    const Result<QByteArray> wrapped =
        MimeParser::wrapAsAttachment(m_spool.messagePath(folder, name), messageOffset(folder, name),
            undeliverableMailbox, undeliverableMailbox, subject, text,
            fresh + QStringLiteral("@") + QSysInfo::machineHostName());
    if (!wrapped)
        return wrapped.error().message;
    // A PickUp file for the new message: envelope, then the message.
    const Result<MailAddress> recipient = MailAddress::parse(undeliverableMailbox);
    if (!recipient)
        return recipient.error().message;
    MessageMetadata meta;
    meta.mailbox = s.mailbox;
    meta.retrieved = Clock::nowUtc();
    meta.other.insert(QStringLiteral("recipients"), undeliverableMailbox);
    meta.other.insert(QStringLiteral("wraps"), name);
    if (const Status queued = queueInPickUp(
            m_spool, fresh, PickupEnvelope::make(MailAddress(), {*recipient}), *wrapped, meta);
        !queued)
        return queued.error().message;
    report(EventId::MessageWrapped,
        Phrase(kContext, QT_TR_NOOP("Message %1 of %2 attached to message %3 in PickUp for %4."))
            .arg(name, Spool::folderName(folder), fresh, undeliverableMailbox),
        s.mailbox, name);
    // The original now travels as the attachment.
    return removeFiles(folder, name);
}

} // namespace Pop3Connector
