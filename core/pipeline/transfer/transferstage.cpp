#include "pipeline/transfer/transferstage.h"

#include "base/clock.h"
#include "base/durablefs.h"
#include "pipeline/dispatch/pickupfiles.h"
#include "pipeline/transfer/routing.h"
#include "pipeline/transfer/storedrouting.h"
#include "protocol/mimeparser.h"
#include "spool/deliveryhistory.h"
#include "spool/messagejournal.h"
#include "spool/pickupenvelope.h"
#include "spool/pickupqueue.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QLocale>
#include <QtConcurrent/QtConcurrentMap>

namespace Pop3Connector {

namespace {

constexpr int kBatch = 256;

// What the delivery history knows a message by: its Message-ID, and a digest of its body so
// that a different message reusing a Message-ID is not taken for a copy and dropped. Copies
// differ only in their headers (each has its own Delivered-To and Received lines). Empty when
// there is nothing to recognise the message by.
QString messageFingerprint(const QString &messageId, const QString &path, qint64 bodyOffset)
{
    if (messageId.isEmpty())
        return {};
    const Result<int> fd = DurableFs::openForReading(path);
    if (!fd)
        return {};
    QFile f;
    QCryptographicHash body(QCryptographicHash::Sha256);
    if (!f.open(*fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle) || !f.seek(bodyOffset)
        || !body.addData(&f))
        return {};
    return messageId + u' ' + QString::fromLatin1(body.result().left(12).toBase64());
}

QString rfc5322Date(const QDateTime &t)
{
    return QLocale::c().toString(t.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
        + QStringLiteral(" +0000");
}

QString joined(const QList<MailAddress> &addresses)
{
    QStringList out;
    for (const MailAddress &a : addresses)
        out.append(a.toString());
    return out.join(QStringLiteral(", "));
}

} // namespace

struct TransferStage::Prepared
{
    QString name;
    MessageMetadata metadata;
    bool ok = false; // scratch files written, ready to place
    bool duplicate = false; // every recipient had it already
    EventId eventId = EventId::TransferFailed;
    Phrase reason; // why it failed, or why it went to the undeliverable mailbox
    bool undeliverable = false;
    bool storageError = false; // could not write: stays in Incoming Mail
    QString messageId;
    QString subject; // for the journal
    QString from;
    QString via;
    QString fingerprint; // what the history knows it by
    QList<MailAddress> recipients; // claimed in the history
    QString unrouted; // recipients of ours that reach no local mailbox
    Phrase unroutedReason;
    MailAddress unroutedCopy; // who gets the message for them, or null
    QString senderReplaced; // why the header's sender is not the envelope's
    MailAddress sender;
    qint64 pickupSize = 0; // bytes of the scratch PickUp file and its sidecar, as written
    qint64 metadataSize = 0; // 0: the sidecar is at the top of the PickUp file
};

TransferStage::TransferStage(const Spool &spool, const Configuration &configuration,
    std::shared_ptr<DeliveryHistory> history, QObject *parent)
    : QObject(parent)
    , m_spool(spool)
    , m_configuration(configuration)
    , m_history(std::move(history))
    , m_hostName(QHostInfo::localHostName())
{ }

TransferStage::~TransferStage() = default;

void TransferStage::setConfiguration(const Configuration &configuration)
{
    m_configuration = configuration;
}

void TransferStage::raise(
    EventId id, const Phrase &text, const QString &mailbox, const QString &message)
{
    if (describe(id).level <= m_configuration.connector.logLevel)
        Q_EMIT eventRaised(Event::make(id, text, mailbox, message));
}

TransferStage::Prepared TransferStage::prepare(const QString &name)
{
    Prepared p;
    p.name = name;
    const StoredRouting routed =
        StoredRouting::of(m_spool, SpoolFolder::Incoming, name, m_configuration);
    if (!routed.decision) {
        p.reason = routed.reason;
        if (routed.metadata)
            p.metadata = *routed.metadata;
        return p;
    }
    const MessageMetadata *meta = &*routed.metadata;
    const MessageHeaders *headers = &*routed.headers;
    const RoutingDecision &decision = *routed.decision;
    const QString source = m_spool.messagePath(SpoolFolder::Incoming, name);
    p.metadata = *meta;
    p.messageId = headers->messageId;
    p.subject = headers->subject;
    p.from = headers->from;
    p.eventId = decision.eventId;
    p.reason = decision.reason;
    p.via = decision.via;
    if (decision.kind == RoutingDecision::Kind::Failed)
        return p;
    p.undeliverable = decision.kind == RoutingDecision::Kind::Undeliverable;
    p.unrouted = decision.unrouted.join(QStringLiteral(", "));
    p.unroutedReason = decision.unroutedReason;
    p.unroutedCopy = decision.unroutedCopy;
    const SenderDecision sender = Router::envelopeSender(
        headers->returnPath, headers->fromAddress, m_configuration.connector.undeliverableMailbox);
    p.sender = sender.sender;
    p.senderReplaced = sender.replaced;

    const qint64 offset = meta->messageOffset; // the sidecar at the top of the file
    p.fingerprint = messageFingerprint(p.messageId, source, offset + headers->headerBytes);
    for (const MailAddress &r : decision.recipients) {
        if (m_history->claim(p.fingerprint, r))
            p.recipients.append(r);
    }
    if (p.recipients.isEmpty()) {
        p.duplicate = true;
        return p;
    }

    const auto releaseClaims = [&] {
        for (const MailAddress &r : std::as_const(p.recipients))
            m_history->release(p.fingerprint, r);
        p.recipients.clear();
    };
    // The PickUp file: envelope, our trace line, then the message as it was received.
    Result<QByteArray> envelope = PickupEnvelope::make(p.sender, p.recipients).write();
    if (!envelope) {
        p.reason = Phrase(
            staticMetaObject.className(), QT_TR_NOOP("no pickup envelope can be written: %1"))
                       .arg(envelope.error().message);
        releaseClaims();
        return p;
    }
    QByteArray lines = std::move(envelope).value();
    lines += "Received: from " + meta->server.toUtf8() + " (mailbox " + meta->mailbox.toUtf8()
        + ")\r\n\tby " + m_hostName.toUtf8() + ' '
        + QByteArray(MimeParser::kTraceMark.data(), MimeParser::kTraceMark.size())
        + " with POP3 id " + name.toUtf8();
    if (p.recipients.size() == 1)
        lines += "\r\n\tfor " + p.recipients.first().toPath();
    lines += "; " + rfc5322Date(Clock::nowUtc()).toLatin1() + "\r\n";

    Result<qint64> sourceSize = DurableFs::regularFileSize(source);
    if (sourceSize)
        sourceSize = *sourceSize - offset;
    if (!sourceSize) {
        p.reason =
            Phrase(staticMetaObject.className(), QT_TR_NOOP("the message cannot be read: %1"))
                .arg(sourceSize.error().message);
        releaseClaims();
        return p;
    }
    const auto storageFailed = [&](const Error &error) {
        p.reason = error.message;
        p.storageError = true;
        releaseClaims();
        return p;
    };
    p.metadata.other.insert(QStringLiteral("recipients"), joined(p.recipients));
    p.metadata.other.insert(
        QStringLiteral("transferred"), Clock::nowUtc().toString(Qt::ISODateWithMs));
    if (p.undeliverable)
        p.metadata.setPhrase(QStringLiteral("undeliverable"), p.reason);
    // When the connector delivers the file itself its sidecar goes at the top, one file a
    // message; another MTA reading the folder (transport = pickup) gets the IIS format alone.
    const QByteArray sidecar = m_configuration.delivery.transport == Transport::Pickup
        ? QByteArray()
        : p.metadata.fittingHead();
    p.metadata.messageOffset = sidecar.size();
    const QString scratch =
        m_spool.tmpPath() + u'/' + Spool::scratchName(name, QLatin1StringView("pickup"));
    const Result<qint64> written =
        writePickupScratch(scratch, sidecar + lines, source, offset, *sourceSize, false);
    if (!written)
        return storageFailed(written.error());
    p.pickupSize = *written;
    p.ok = true;
    return p;
}

void TransferStage::fail(const Prepared &p, TransferReport &report)
{
    MessageMetadata meta = p.metadata;
    meta.setPhrase(QStringLiteral("reason"), p.reason);
    meta.other.insert(QStringLiteral("failed"), Clock::nowUtc().toString(Qt::ISODateWithMs));
    if (meta.mailbox.isEmpty())
        meta.uid = "unknown";
    if (Status moved =
            moveMessage(m_spool, SpoolFolder::Incoming, SpoolFolder::Failed, p.name, meta);
        !moved) {
        raise(EventId::TransferFailed,
            Phrase(staticMetaObject.className(),
                QT_TR_NOOP("Message %1 could not be moved to Failed Mail: %2"))
                .arg(p.name, moved.error().message),
            meta.mailbox, p.name);
        return;
    }
    ++report.failed;
    track(p, TrackingRecord::Kind::Failed, p.reason.english());
    raise(p.eventId,
        Phrase(staticMetaObject.className(), QT_TR_NOOP("Message %1 was moved to Failed Mail: %2"))
            .arg(p.name, p.reason),
        meta.mailbox, p.name);
}

void TransferStage::track(const Prepared &p, TrackingRecord::Kind kind, const QString &detail)
{
    if (!m_journal)
        return;
    TrackingRecord r;
    r.time = Clock::nowUtc().toMSecsSinceEpoch();
    r.kind = kind;
    r.message = p.name;
    r.mailbox = p.metadata.mailbox;
    r.server = p.metadata.server;
    r.uid = QString::fromLatin1(p.metadata.uid);
    r.size = p.metadata.size;
    r.messageId = p.messageId;
    r.sender = p.sender.isNull() ? p.from : p.sender.toString();
    r.subject = p.subject;
    r.recipients = joined(p.recipients);
    r.detail = detail;
    m_tracked.append(std::move(r));
}

void TransferStage::commit(QList<Prepared> &batch, TransferReport &report)
{
    QList<Prepared *> ready;
    for (Prepared &p : batch) {
        if (p.ok)
            ready.append(&p);
    }
    const QString tmp = m_spool.tmpPath() + u'/';
    const QString incoming = m_spool.folderPath(SpoolFolder::Incoming);
    const auto scratch = [&tmp](const Prepared *p, const char *purpose) {
        return tmp + Spool::scratchName(p->name, QLatin1StringView(purpose));
    };
    QString error;
    const auto check = [&error](const Status &s) {
        if (!s && error.isEmpty())
            error = s.error().message;
        return error.isEmpty();
    };
    if (!ready.isEmpty()) {
        // Sidecars, then one sync for all of them and their messages.
        for (Prepared *p : std::as_const(ready)) {
            if (p->metadata.messageOffset > 0)
                continue; // at the top of the PickUp file
            const QByteArray bytes = p->metadata.serialize();
            if (!check(DurableFs::remove(scratch(p, "pickup-meta"))))
                break;
            Result<DurableFs::File> meta =
                DurableFs::File::open(scratch(p, "pickup-meta"), DurableFs::File::Mode::CreateNew);
            if (!check(meta ? meta.value().write(bytes) : Status(meta.error()))
                || !check(meta.value().close()))
                break;
            p->metadataSize = bytes.size();
        }
        if (error.isEmpty()) {
            QStringList files;
            qint64 bytes = 0;
            for (const Prepared *p : std::as_const(ready)) {
                files << scratch(p, "pickup");
                if (p->metadataSize > 0)
                    files << scratch(p, "pickup-meta");
                bytes += p->pickupSize + p->metadataSize;
            }
            check(DurableFs::syncFiles(m_spool.tmpPath(), files, bytes));
        }
        // Whole on disk before the Incoming copies may go.
        for (Prepared *p : std::as_const(ready)) {
            if (!error.isEmpty())
                break;
            check(DurableFs::verifySize(scratch(p, "pickup"), p->pickupSize));
            if (p->metadataSize > 0)
                check(DurableFs::verifySize(scratch(p, "pickup-meta"), p->metadataSize));
        }
        QList<std::pair<QString, MailAddress>> delivered;
        for (Prepared *p : std::as_const(ready)) {
            if (!error.isEmpty())
                break;
            if ((p->metadataSize > 0
                    && !check(DurableFs::rename(
                        scratch(p, "pickup-meta"), m_spool.metaPath(SpoolFolder::PickUp, p->name))))
                || !check(DurableFs::rename(
                    scratch(p, "pickup"), m_spool.messagePath(SpoolFolder::PickUp, p->name))))
                break;
            for (const MailAddress &r : std::as_const(p->recipients))
                delivered.append({p->fingerprint, r});
            p->ok = false; // placed
            ++report.routed;
            track(*p, TrackingRecord::Kind::Routed,
                p->undeliverable
                    ? tr("to the undeliverable-mail mailbox: %1").arg(p->reason.english())
                    : p->via);
            if (p->undeliverable) {
                ++report.undeliverable;
                raise(p->eventId,
                    Phrase(staticMetaObject.className(),
                        QT_TR_NOOP("Message %1 has no local recipient (%2); it was sent to %3."))
                        .arg(p->name, p->reason, joined(p->recipients)),
                    p->metadata.mailbox, p->name);
            } else {
                raise(EventId::MessageRouted,
                    Phrase(staticMetaObject.className(), QT_TR_NOOP("Message %1 routed to %2."))
                        .arg(p->name, joined(p->recipients)),
                    p->metadata.mailbox, p->name);
            }
            if (!p->unrouted.isEmpty()) {
                const QString copy = p->unroutedCopy.isNull()
                    ? tr("no undeliverable-mail mailbox is configured (undeliverable_mailbox), so "
                         "nobody receives it for them")
                    : p->recipients.contains(p->unroutedCopy)
                    ? tr("a copy went to the undeliverable-mail mailbox %1")
                          .arg(p->unroutedCopy.toString())
                    : tr("the undeliverable-mail mailbox %1 had a copy already")
                          .arg(p->unroutedCopy.toString());
                raise(EventId::RecipientsNotRouted,
                    Phrase(staticMetaObject.className(),
                        QT_TR_NOOP("Message %1: %2 reach no local mailbox (%3); %4."))
                        .arg(p->name, p->unrouted, p->unroutedReason, copy),
                    p->metadata.mailbox, p->name);
            }
            if (!p->senderReplaced.isEmpty()) {
                raise(EventId::SenderReplaced,
                    Phrase(staticMetaObject.className(),
                        QT_TR_NOOP("Message %1: %2; it is delivered with the sender %3."))
                        .arg(p->name, p->senderReplaced, QString::fromUtf8(p->sender.toPath())),
                    p->metadata.mailbox, p->name);
            }
        }
        // The PickUp entries durable: only now is an Incoming copy redundant. A crash before
        // this point leaves both, and recovery removes the Incoming one. The history comes
        // first so that a crash cannot lose the record of what was handed on; when it cannot
        // be written the transfer still stands (the history only recognises later copies).
        const bool placed =
            check(DurableFs::syncDirectory(m_spool.folderPath(SpoolFolder::PickUp)));
        if (placed)
            check(m_history->record(delivered));
        QStringList copies;
        for (const Prepared *p : std::as_const(ready)) {
            if (!p->ok && placed)
                copies.append(p->name);
        }
        if (!copies.isEmpty()) {
            // A copy left behind is removed by recovery, never routed twice.
            check(removeMessages(m_spool, SpoolFolder::Incoming, copies));
            check(DurableFs::syncDirectory(incoming));
        }
    }
    for (Prepared &p : batch) {
        if (p.ok) {
            // Not placed because of `error`: the message stays in Incoming Mail for next time.
            for (const MailAddress &r : std::as_const(p.recipients))
                m_history->release(p.fingerprint, r);
            DurableFs::discard(scratch(&p, "pickup")); // else recovery removes them
            DurableFs::discard(scratch(&p, "pickup-meta"));
        } else if (p.duplicate) {
            ++report.duplicates;
            track(p, TrackingRecord::Kind::Delivered,
                tr("delivered before to every recipient; not delivered again"));
            raise(EventId::DuplicateSuppressed,
                Phrase(staticMetaObject.className(),
                    QT_TR_NOOP(
                        "Message %1 (Message-ID %2) was already delivered to its recipients; not "
                        "delivered again."))
                    .arg(p.name, p.messageId),
                p.metadata.mailbox, p.name);
            Status gone = DurableFs::remove(m_spool.messagePath(SpoolFolder::Incoming, p.name));
            if (gone)
                gone = DurableFs::remove(m_spool.metaPath(SpoolFolder::Incoming, p.name));
            if (gone)
                gone = DurableFs::syncDirectory(incoming);
            check(gone);
        } else if (p.storageError) {
            if (error.isEmpty())
                error = p.reason.english();
        } else if (!p.reason.isEmpty() && p.recipients.isEmpty()
            && QFile::exists(m_spool.messagePath(SpoolFolder::Incoming, p.name))) {
            fail(p, report);
        }
    }
    if (m_journal) {
        // The administrator's record: a failure is told, and never holds mail up.
        if (Status s = m_journal->append(m_tracked); !s && m_journal->tellFailure())
            raise(EventId::TrackingJournalFailed, journalFailure(s.error()));
        m_tracked.clear();
    }
    if (!error.isEmpty() && report.error.isEmpty()) {
        report.error = error;
        raise(EventId::TransferFailed,
            Phrase(staticMetaObject.className(),
                QT_TR_NOOP("Transfer stopped: %1. The messages stay in Incoming Mail."))
                .arg(error));
    }
}

void TransferStage::handOver()
{
    if (m_configuration.delivery.transport != Transport::Pickup)
        return;
    if (Status s = PickupFiles(m_spool).handOverAll(); !s) {
        raise(EventId::TransferFailed,
            Phrase(staticMetaObject.className(),
                QT_TR_NOOP("A PickUp file could not be rewritten in the pickup-directory "
                           "format for the mail server that reads the folder (transport = "
                           "pickup): %1. It stays in PickUp as it was; the next transfer "
                           "tries again."))
                .arg(s.error().message));
    }
}

void TransferStage::run()
{
    m_stop = false;
    TransferReport report;
    handOver();
    const QStringList names = [this] {
        QStringList out;
        const QDir dir(m_spool.folderPath(SpoolFolder::Incoming));
        for (const QString &eml : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name))
            out.append(eml.chopped(4));
        return out;
    }();
    for (qsizetype start = 0; start < names.size() && !m_stop && report.error.isEmpty();
         start += kBatch) {
        const QStringList slice = names.mid(start, kBatch);
        // Parsing and copying in parallel; placing in order, in one commit.
        QList<Prepared> batch = QtConcurrent::blockingMapped<QList<Prepared>>(
            slice, [this](const QString &name) { return prepare(name); });
        commit(batch, report);
        Q_EMIT progressed(
            int(std::min<qsizetype>(start + kBatch, names.size())), int(names.size()));
    }
    if (!names.isEmpty()) {
        raise(EventId::TransferFinished,
            Phrase(staticMetaObject.className(),
                QT_TR_NOOP("Transfer: %1 message(s) put in PickUp (%2 to the undeliverable-mail "
                           "mailbox), %3 "
                           "to Failed Mail, %4 duplicate(s) not delivered again."))
                .arg(report.routed)
                .arg(report.undeliverable)
                .arg(report.failed)
                .arg(report.duplicates));
    }
    Q_EMIT finished(report);
}

} // namespace Pop3Connector
