#include "pipeline/dispatch/pickupshare.h"

#include "base/clock.h"
#include "base/durablefs.h"
#include "spool/messagejournal.h"
#include "spool/spoolbrowser.h"

#include <QDateTime>

namespace Pop3Connector {

namespace {

QStringList texts(const QList<MailAddress> &addresses)
{
    QStringList out;
    for (const MailAddress &a : addresses)
        out.append(a.toString());
    return out;
}

} // namespace

PickupShare::PickupShare(
    Spool spool, QString host, LogLevel logLevel, PickupSync *sync, QObject *parent)
    : QObject(parent)
    , m_spool(std::move(spool))
    , m_host(std::move(host))
    , m_logLevel(logLevel)
    , m_files(m_spool)
    , m_sync(sync)
{
    if (!m_sync) {
        m_sync = new PickupSync(m_spool.folderPath(SpoolFolder::PickUp), this);
        connect(m_sync, &PickupSync::syncFailed, this, [this](const Error &e) { reportSync(e); });
        connect(
            m_sync, &PickupSync::removalFailed, this, [this](const QString &name, const Error &e) {
                raise(EventId::LocalServerSessionFailed, removalFailure(name, e), name);
            });
    }
}

void PickupShare::raise(EventId id, const Phrase &text, const QString &message)
{
    if (describe(id).level <= m_logLevel)
        Q_EMIT eventRaised(Event::make(id, text, {}, message));
}

void PickupShare::track(const QString &name, TrackingRecord::Kind kind,
    const QStringList &recipients, const QString &detail)
{
    if (!m_journal)
        return;
    TrackingRecord r;
    r.time = Clock::nowUtc().toMSecsSinceEpoch();
    r.kind = kind;
    r.message = name;
    r.server = m_host;
    r.recipients = recipients.join(QStringLiteral(", "));
    r.detail = detail;
    m_tracked.append(std::move(r));
}

void PickupShare::collect(const QStringList &names)
{
    const qint64 now = Clock::secondsSinceEpoch();
    const QStringList all =
        names.isEmpty() ? SpoolBrowser(m_spool).names(SpoolFolder::PickUp) : names;
    for (const QString &name : all) {
        if (DeliveryPolicy::isDue(readMetadata(m_spool, SpoolFolder::PickUp, name), now))
            m_pending.push_back(name);
        else
            ++m_report.waiting;
    }
    m_total = int(m_pending.size());
}

std::optional<PickupShare::Opened> PickupShare::openNext(const SmtpExtensions &extensions)
{
    while (!m_pending.empty()) {
        const QString name = m_pending.front();
        m_pending.pop_front();
        if (std::optional<Opened> opened = open(name, extensions))
            return opened;
    }
    return std::nullopt;
}

std::optional<PickupShare::Opened> PickupShare::open(
    const QString &name, const SmtpExtensions &extensions)
{
    Result<PickupFile> file = m_files.read(name);
    if (!file) {
        if (file.error().code == ErrorCode::Corrupt) {
            ++m_done;
            // Moved as it is; if BadMail cannot take it, it stays where it is.
            const Phrase reason = Phrase(staticMetaObject.className(),
                QT_TR_NOOP("the file has no valid pickup envelope: %1"))
                                      .arg(file.error().message);
            reportBadMail(
                m_files.setAside(name, reason), name, {}, reason, EventId::DeliveryRejected);
            m_sync->removed(); // setAside() removes the sidecar after its own sync of PickUp
        }
        return std::nullopt; // otherwise removed meanwhile (an administrator deleted it)
    }
    Opened opened {std::move(file).value(), {}, {}};
    opened.recipients = DeliveryPolicy::recipientsToDo(opened.file.recipients, opened.file.meta);
    if (opened.recipients.isEmpty()) {
        // Its sidecar says every recipient has it: only the removal was left.
        ++m_done;
        ++m_report.delivered;
        track(name, TrackingRecord::Kind::Delivered, {}, tr("every recipient had it already"));
        removeFromPickUp(opened.file);
        return std::nullopt;
    }
    const DeliveryPolicy::Admission admission =
        DeliveryPolicy::admit(opened.file.sender, opened.recipients, opened.file.size, extensions);
    if (!admission.isAdmitted()) {
        ++m_done;
        const Phrase reason = admission.refusal == DeliveryPolicy::Admission::Refusal::TooLarge
            ? Phrase(staticMetaObject.className(),
                QT_TR_NOOP("the message (%1 bytes) is larger than %2 accepts (%3 bytes)"))
                  .arg(opened.file.size)
                  .arg(m_host)
                  .arg(extensions.size)
            : Phrase(staticMetaObject.className(),
                QT_TR_NOOP("an address is not ASCII and %1 does not support SMTPUTF8"))
                  .arg(m_host);
        if (toBadMail(opened.file, texts(opened.recipients), reason, EventId::DeliveryRejected))
            removeFromPickUp(opened.file);
        return std::nullopt;
    }
    opened.mailParameters = admission.mailParameters;
    return opened;
}

void PickupShare::accepted(const PickupFile &file, const QStringList &recipients)
{
    m_files.acknowledgeAccepted(file, recipients);
}

void PickupShare::recordDelivered(PickupFile &file, const QStringList &recipients)
{
    if (Status recorded = m_files.recordDelivered(file, recipients); !recorded) {
        raise(EventId::LocalServerSessionFailed,
            Phrase(staticMetaObject.className(),
                QT_TR_NOOP("Message %1: which recipients have it could not be recorded: %2"))
                .arg(file.name, recorded.error().message),
            file.name);
    }
}

void PickupShare::settle(const PickupFile &file,
    const QList<DeliveryPolicy::RecipientAnswer> &answers, const QList<MailAddress> &untried)
{
    ++m_done;
    const qint64 now = Clock::secondsSinceEpoch();
    DeliveryPolicy::Settlement s = DeliveryPolicy::settle(answers, texts(untried), file.meta, now);
    if (!s.expired.isEmpty()
        && !toBadMail(file, s.expired.addresses,
            Phrase(staticMetaObject.className(),
                QT_TR_NOOP("still deferred after two days; last reply: %1"))
                .arg(s.expired.replies.join(QStringLiteral("; "))),
            EventId::DeliveryExpired))
        s.keepExpired();
    if (!s.rejected.isEmpty()
        && !toBadMail(file, s.rejected.addresses,
            // The server's words as they came, in a sentence the reader's language can say.
            Phrase(
                staticMetaObject.className(), QT_TR_NOOP("the local mail server rejected it: %1"))
                .arg(s.rejected.replies.join(QStringLiteral("; "))),
            EventId::DeliveryRejected))
        s.keepRejected();

    const std::optional<DeliveryPolicy::Keeping> keeping =
        DeliveryPolicy::keeping(s, file.envelope.recipients, file.meta, now);
    if (!keeping) {
        // In the common case, all delivered, the duplicate window is this one unlink until the
        // next sync of PickUp.
        removeFromPickUp(file);
        if (s.isDone())
            ++m_report.delivered;
    } else {
        if (Status kept = m_files.keep(file, *keeping); !kept) {
            raise(EventId::LocalServerSessionFailed,
                Phrase(staticMetaObject.className(),
                    QT_TR_NOOP(
                        "Message %1 was deferred but its PickUp file could not be updated: %2"))
                    .arg(file.name, kept.error().message),
                file.name);
        }
        if (!s.deferred.isEmpty()) {
            ++m_report.deferred;
            track(file.name, TrackingRecord::Kind::Deferred, s.deferred.addresses,
                s.deferred.replies.join(QStringLiteral("; ")));
            raise(EventId::DeliveryDeferred,
                Phrase(staticMetaObject.className(),
                    QT_TR_NOOP("Message %1 deferred for %2 (attempt %3, next in %4 minute(s)): %5"))
                    .arg(file.name, s.deferred.addresses.join(QStringLiteral(", ")))
                    .arg(keeping->attempts)
                    .arg(DeliveryPolicy::backoffSeconds(keeping->attempts) / 60)
                    .arg(s.deferred.replies.join(QStringLiteral("; "))),
                file.name);
        }
    }
    if (!s.delivered.isEmpty()) {
        // The server's reply names its queue id: what the administrator looks for there.
        QStringList replies;
        for (const DeliveryPolicy::RecipientAnswer &a : answers) {
            if (s.delivered.contains(a.recipient)) {
                const QString text = QString::fromUtf8(a.reply.text());
                if (!replies.contains(text))
                    replies.append(text);
            }
        }
        track(file.name, TrackingRecord::Kind::Delivered, s.delivered,
            replies.join(QStringLiteral("; ")));
        raise(EventId::MessageDelivered,
            Phrase(staticMetaObject.className(), QT_TR_NOOP("Message %1 delivered to %2."))
                .arg(file.name, s.delivered.join(QStringLiteral(", "))),
            file.name);
    }
    Q_EMIT progressed(m_done, m_total);
}

bool PickupShare::toBadMail(
    const PickupFile &file, const QStringList &recipients, const Phrase &reason, EventId id)
{
    return reportBadMail(
        m_files.copyToBadMail(file, recipients, reason), file.name, recipients, reason, id);
}

bool PickupShare::reportBadMail(const Status &moved, const QString &name,
    const QStringList &recipients, const Phrase &reason, EventId id)
{
    if (!moved) {
        // It stays in PickUp: nothing is dropped because BadMail could not take it.
        raise(EventId::LocalServerSessionFailed,
            Phrase(staticMetaObject.className(),
                QT_TR_NOOP("Message %1 was rejected (%2) but could not be moved to BadMail: %3"))
                .arg(name, reason, moved.error().message),
            name);
        return false;
    }
    ++m_report.rejected;
    track(name, TrackingRecord::Kind::BadMail, recipients, reason.english());
    raise(id,
        recipients.isEmpty()
            ? Phrase(
                staticMetaObject.className(), QT_TR_NOOP("Message %1 was moved to BadMail: %2"))
                  .arg(name, reason)
            : Phrase(staticMetaObject.className(),
                QT_TR_NOOP("Message %1 was not delivered to %2 and was moved to BadMail: %3"))
                  .arg(name, recipients.join(QStringLiteral(", ")), reason),
        name);
    return true;
}

void PickupShare::removeFromPickUp(const PickupFile &file)
{
    // The message file goes now, on this thread: until it is gone a killed process would deliver
    // it again, and that window stays one unlink long. Its sidecar, which alone is never
    // delivered, goes on the removal threads, so that the sessions wait for one unlink, not two.
    const QStringList paths = m_files.pathsOf(file);
    if (Status gone = DurableFs::remove(paths.first()); !gone) {
        raise(
            EventId::LocalServerSessionFailed, removalFailure(file.name, gone.error()), file.name);
        m_sync->removed();
        return;
    }
    m_sync->remove(file.name, paths.mid(1));
}

Phrase PickupShare::removalFailure(const QString &name, const Error &error)
{
    return Phrase(staticMetaObject.className(),
        QT_TR_NOOP("Message %1 was dealt with, but could not be removed from PickUp (%2); "
                   "it may be "
                   "delivered again."))
        .arg(name, error.message);
}

void PickupShare::reportSync(const Status &synced)
{
    if (!synced)
        raise(EventId::LocalServerSessionFailed, synced.error().message);
}

void PickupShare::finish()
{
    reportSync(m_sync->syncNow());
    if (m_journal) {
        // The administrator's record: a failure is told, and never holds mail up.
        if (Status s = m_journal->append(m_tracked); !s && m_journal->tellFailure())
            raise(EventId::TrackingJournalFailed, journalFailure(s.error()));
        m_tracked.clear();
    }
}

} // namespace Pop3Connector
