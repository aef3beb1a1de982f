#include "spoolbrowser.h"

#include "durablefs.h"
#include "mimeparser.h"
#include "pickupenvelope.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Pop3Connector {

namespace {

bool hasEnvelope(SpoolFolder folder)
{
    return folder == SpoolFolder::PickUp || folder == SpoolFolder::BadMail;
}

// Keys that describe a past attempt; a requeued message starts afresh.
const QStringList kAttemptKeys = {QStringLiteral("reason"), QStringLiteral("failed"),
    QStringLiteral("attempts"), QStringLiteral("next_attempt"), QStringLiteral("first_deferred"),
    QStringLiteral("undeliverable")};

} // namespace

SpoolBrowser::SpoolBrowser(const Spool &spool)
    : m_spool(spool)
{ }

QStringList SpoolBrowser::names(SpoolFolder folder) const
{
    QStringList out;
    const QDir dir(m_spool.folderPath(folder));
    for (const QString &eml : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name))
        out.append(eml.chopped(4));
    return out;
}

qint64 SpoolBrowser::messageOffset(SpoolFolder folder, const QString &name) const
{
    if (!hasEnvelope(folder))
        return 0;
    QFile f(m_spool.messagePath(folder, name));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const std::optional<PickupEnvelope> e = PickupEnvelope::parse(f.read(64 * 1024));
    return e ? e->messageOffset : 0;
}

MessageSummary SpoolBrowser::summary(SpoolFolder folder, const QString &name) const
{
    MessageSummary s;
    s.folder = folder;
    s.name = name;
    const QString path = m_spool.messagePath(folder, name);
    const QFileInfo info(path);
    qint64 offset = 0;
    QStringList envelopeRecipients;
    if (hasEnvelope(folder)) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            if (const std::optional<PickupEnvelope> e = PickupEnvelope::parse(f.read(64 * 1024))) {
                offset = e->messageOffset;
                envelopeRecipients = e->recipients;
            }
        }
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
    if (const std::optional<MessageMetadata> meta = readMetadata(m_spool, folder, name)) {
        s.mailbox = meta->mailbox;
        s.arrived = meta->retrieved;
        const QString reason = meta->other.value(QStringLiteral("reason"));
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
        out += tr("Reason: %1\n").arg(s.reason);
    out += u'\n';
    out += MimeParser::previewText(
        m_spool.messagePath(folder, name), messageOffset(folder, name), maxChars);
    return out;
}

QString SpoolBrowser::requeue(SpoolFolder folder, const QString &name) const
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
        return tr("only messages in Failed Mail or BadMail can be requeued");
    }
    if (!QFile::exists(m_spool.messagePath(folder, name)))
        return tr("message %1 is no longer in %2").arg(name, Spool::folderName(folder));
    MessageMetadata meta = readMetadata(m_spool, folder, name).value_or(MessageMetadata {});
    for (const QString &key : kAttemptKeys)
        meta.other.remove(key);
    meta.other.insert(
        QStringLiteral("requeued"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (QFile::exists(m_spool.messagePath(to, name))) {
        // The same name is in use there (part of the message still waits): a name of its own.
        const QString fresh = Spool::newMessageName();
        if (const QString e = DurableFs::renameFile(
                m_spool.messagePath(folder, name), m_spool.messagePath(folder, fresh));
            !e.isEmpty())
            return e;
        QFile::remove(m_spool.metaPath(folder, name));
        return moveMessage(m_spool, folder, to, fresh, meta);
    }
    return moveMessage(m_spool, folder, to, name, meta);
}

QString SpoolBrowser::exportMessage(
    SpoolFolder folder, const QString &name, const QString &destination) const
{
    QFile in(m_spool.messagePath(folder, name));
    if (!in.open(QIODevice::ReadOnly) || !in.seek(messageOffset(folder, name)))
        return tr("cannot read %1: %2").arg(in.fileName(), in.errorString());
    QFile out(destination);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return tr("cannot write %1: %2").arg(destination, out.errorString());
    QByteArray chunk;
    while (!(chunk = in.read(256 * 1024)).isEmpty()) {
        if (out.write(chunk) != chunk.size())
            return tr("cannot write %1: %2").arg(destination, out.errorString());
    }
    return {};
}

QString SpoolBrowser::remove(SpoolFolder folder, const QString &name) const
{
    if (!QFile::remove(m_spool.messagePath(folder, name)))
        return tr("cannot delete %1").arg(m_spool.messagePath(folder, name));
    QFile::remove(m_spool.metaPath(folder, name));
    return DurableFs::syncDirectory(m_spool.folderPath(folder));
}

QString SpoolBrowser::wrapForUndeliverable(
    SpoolFolder folder, const QString &name, const QString &undeliverableMailbox) const
{
    if (undeliverableMailbox.isEmpty())
        return tr("no undeliverable-mail mailbox is configured (undeliverable_mailbox)");
    const MessageSummary s = summary(folder, name);
    const QString fresh = Spool::newMessageName();
    const QString body =
        m_spool.tmpPath() + u'/' + Spool::scratchName(fresh, QLatin1StringView("wrap"));
    const QString text =
        tr("POP3 Connector could not deliver the attached message as it was.\n\nFolder: %1\n"
           "Reason: %2\nMailbox: %3\nRetrieved: %4\n\nThe original is attached as original.eml.\n")
            .arg(Spool::folderName(folder), s.reason, s.mailbox, s.arrived.toString(Qt::ISODate));
    const QString subject =
        tr("Undeliverable message: %1").arg(s.subject.isEmpty() ? name : s.subject);
    if (const QString e = MimeParser::wrapAsAttachment(m_spool.messagePath(folder, name),
            messageOffset(folder, name), undeliverableMailbox, undeliverableMailbox, subject, text,
            body);
        !e.isEmpty()) {
        QFile::remove(body);
        return e;
    }
    // A PickUp file for the new message: envelope, then the message GMime wrote.
    PickupEnvelope envelope;
    envelope.recipients = {undeliverableMailbox};
    const QString pickup =
        m_spool.tmpPath() + u'/' + Spool::scratchName(fresh, QLatin1StringView("pickup"));
    {
        QFile in(body);
        QFile out(pickup);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || out.write(envelope.serialize()) < 0 || out.write(in.readAll()) < 0) {
            QFile::remove(body);
            QFile::remove(pickup);
            return tr("cannot write %1").arg(pickup);
        }
        out.flush();
        if (const QString e = DurableFs::syncFile(out.handle()); !e.isEmpty())
            return e;
    }
    QFile::remove(body);
    MessageMetadata meta;
    meta.mailbox = s.mailbox;
    meta.retrieved = QDateTime::currentDateTimeUtc();
    meta.other.insert(QStringLiteral("recipients"), undeliverableMailbox);
    meta.other.insert(QStringLiteral("wraps"), name);
    if (const QString e = replaceMetadata(m_spool, SpoolFolder::PickUp, fresh, meta); !e.isEmpty())
        return e;
    if (const QString e =
            DurableFs::renameFile(pickup, m_spool.messagePath(SpoolFolder::PickUp, fresh));
        !e.isEmpty())
        return e;
    if (const QString e = DurableFs::syncDirectory(m_spool.folderPath(SpoolFolder::PickUp));
        !e.isEmpty())
        return e;
    // The original now travels as the attachment.
    return remove(folder, name);
}

} // namespace Pop3Connector
