#include "dispatchstage.h"

#include "durablefs.h"
#include "smtpconnection.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QThread>

namespace Pop3Connector {

namespace {

constexpr qint64 kEnvelopeHead = 64 * 1024;

bool isAscii(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() > 127)
            return false;
    }
    return true;
}

} // namespace

struct DispatchStage::Job
{
    QString name;
    QString path;
    PickupEnvelope envelope;
    MessageMetadata meta;
    qint64 size = 0;
    SmtpReply mail;
    QList<SmtpReply> rcpt; // one per envelope recipient
    QStringList accepted; // recipients whose RCPT was accepted, in order
};

qint64 DispatchStage::backoffSeconds(int attempts)
{
    return std::min<qint64>(qint64(60) << std::min(attempts - 1, 10), 30 * 60);
}

DispatchStage::DispatchStage(Setup setup, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
{
    m_lmtp = m_setup.delivery.transport == Transport::Lmtp;
}

DispatchStage::~DispatchStage()
{
    m_setup.password.fill('\0');
}

void DispatchStage::raise(EventId id, const QString &text, const QString &message)
{
    if (describe(id).level <= m_setup.logLevel)
        Q_EMIT eventRaised(Event::make(id, text, {}, message));
}

void DispatchStage::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QStringList names = m_setup.names;
    if (names.isEmpty()) {
        const QDir pickup(m_setup.spool.folderPath(SpoolFolder::PickUp));
        for (const QString &eml :
            pickup.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name))
            names.append(eml.chopped(4));
    }
    for (const QString &name : std::as_const(names)) {
        const std::optional<MessageMetadata> meta =
            readMetadata(m_setup.spool, SpoolFolder::PickUp, name);
        if (meta && meta->other.value(QStringLiteral("next_attempt")).toLongLong() > now) {
            ++m_report.waiting;
            continue;
        }
        m_pending.push_back(name);
    }
    m_total = int(m_pending.size());
    if (m_pending.empty()) {
        finish();
        return;
    }
    const DeliverySettings &d = m_setup.delivery;
    Channel *channel =
        m_setup.channelFactory ? m_setup.channelFactory() : new SocketChannel(TlsTrust {d.caFile});
    m_connection = new SmtpConnection(channel, this);
    m_connection->setTimeout(m_setup.timeoutMs);
    m_connection->setTranscriptEnabled(m_setup.transcript);
    connect(m_connection, &SmtpConnection::transcriptLine, this,
        [this](TranscriptDirection direction, const QByteArray &line) {
            Q_EMIT transcriptLine(QStringLiteral("delivery"), direction, line);
        });
    connect(m_connection, &SmtpConnection::greeted, this, [this] { hello(); });
    connect(m_connection, &SmtpConnection::tlsEstablished, this, [this] {
        m_state = State::Hello;
        SmtpConnection::Command c;
        c.line = (m_lmtp ? "LHLO " : "EHLO ") + QHostInfo::localHostName().toUtf8();
        c.barrier = true;
        c.onReplies = [this](const QList<SmtpReply> &r) { onHello(r, true, false); };
        m_connection->send(std::move(c));
    });
    connect(m_connection, &SmtpConnection::failed, this, [this](const SessionFailure &f) {
        const bool connecting = m_state == State::Connecting;
        const bool unreachable = connecting
            && (f.error == SessionError::ConnectionRefused || f.error == SessionError::HostNotFound
                || f.error == SessionError::Network || f.error == SessionError::Timeout);
        failSession(
            unreachable ? EventId::LocalServerUnreachable : EventId::LocalServerSessionFailed,
            tr("%1 port %2: %3")
                .arg(m_setup.delivery.host)
                .arg(m_setup.delivery.port)
                .arg(f.detail));
    });
    m_state = State::Connecting;
    m_connection->open(d.host, d.port, d.security == DeliverySecurity::Tls);
}

// RFC 5321 §4.1.1.1 EHLO, RFC 2033 §4.1 LHLO.
void DispatchStage::hello()
{
    m_state = State::Hello;
    SmtpConnection::Command c;
    c.line = (m_lmtp ? "LHLO " : "EHLO ") + QHostInfo::localHostName().toUtf8();
    c.barrier = true;
    c.onReplies = [this](const QList<SmtpReply> &r) { onHello(r, false, false); };
    m_connection->send(std::move(c));
}

void DispatchStage::onHello(const QList<SmtpReply> &replies, bool afterTls, bool triedHelo)
{
    const SmtpReply &reply = replies.first();
    if (!reply.isPositive()) {
        if (!m_lmtp && !triedHelo && reply.isPermanent()
            && m_setup.delivery.security == DeliverySecurity::None) {
            // An old server without ESMTP: HELO, and none of the extensions.
            SmtpConnection::Command c;
            c.line = "HELO " + QHostInfo::localHostName().toUtf8();
            c.barrier = true;
            c.onReplies = [this](const QList<SmtpReply> &r) { onHello(r, false, true); };
            m_connection->send(std::move(c));
            return;
        }
        failSession(EventId::LocalServerSessionFailed,
            tr("%1 refused %2: %3")
                .arg(m_setup.delivery.host, QLatin1String(m_lmtp ? "LHLO" : "EHLO"),
                    QString::fromUtf8(reply.text())));
        return;
    }
    m_extensions = triedHelo ? SmtpExtensions {} : parseEhloReply(reply);
    if (m_setup.delivery.security == DeliverySecurity::StartTls && !afterTls) {
        // RFC 3207: no STARTTLS, no delivery; the mail waits rather than cross in clear text.
        if (!m_extensions.startTls) {
            failSession(EventId::LocalServerSessionFailed,
                tr("%1 does not offer STARTTLS, which [delivery] security requires")
                    .arg(m_setup.delivery.host));
            return;
        }
        m_state = State::StartingTls;
        SmtpConnection::Command c;
        c.line = "STARTTLS";
        c.barrier = true;
        c.onReplies = [this](const QList<SmtpReply> &r) {
            if (r.first().code != 220) {
                failSession(EventId::LocalServerSessionFailed,
                    tr("%1 refused STARTTLS: %2")
                        .arg(m_setup.delivery.host, QString::fromUtf8(r.first().text())));
                return;
            }
            m_connection->startTls();
        };
        m_connection->send(std::move(c));
        return;
    }
    authenticate();
}

// RFC 4954 AUTH PLAIN or LOGIN, when [delivery] user is set.
void DispatchStage::authenticate()
{
    const DeliverySettings &d = m_setup.delivery;
    if (d.user.isEmpty()) {
        m_state = State::Transacting;
        m_connection->setPipelining(m_extensions.pipelining);
        advance();
        return;
    }
    m_state = State::Authenticating;
    SmtpConnection::Command c;
    c.barrier = true;
    const QByteArray user = d.user.toUtf8();
    if (m_extensions.auth.contains("PLAIN")) {
        c.line = "AUTH PLAIN";
        c.onContinuation = [this, user](const QByteArray &) {
            return QByteArray('\0' + user + '\0' + m_setup.password).toBase64();
        };
    } else if (m_extensions.auth.contains("LOGIN")) {
        c.line = "AUTH LOGIN";
        auto step = std::make_shared<int>(0);
        c.onContinuation = [this, user, step](const QByteArray &) {
            return (*step)++ == 0 ? user.toBase64() : m_setup.password.toBase64();
        };
    } else {
        failSession(EventId::LocalServerSessionFailed,
            tr("%1 offers no authentication the connector knows (PLAIN, LOGIN)").arg(d.host));
        return;
    }
    c.onReplies = [this](const QList<SmtpReply> &r) {
        if (!r.first().isPositive()) {
            failSession(EventId::LocalServerSessionFailed,
                tr("%1 refused the login of %2: %3")
                    .arg(m_setup.delivery.host, m_setup.delivery.user,
                        QString::fromUtf8(r.first().text())));
            return;
        }
        m_state = State::Transacting;
        m_connection->setPipelining(m_extensions.pipelining);
        advance();
    };
    m_connection->send(std::move(c));
}

void DispatchStage::advance()
{
    if (m_state != State::Transacting)
        return;
    if (!m_transactionOpen && !m_pending.empty() && !m_stop
        && (m_extensions.pipelining || m_inFlight == 0)) {
        startTransaction();
        return;
    }
    if ((m_pending.empty() || m_stop) && m_inFlight == 0)
        quit();
}

// RFC 5321 §3.3: MAIL, RCPT for each recipient, DATA; one group when pipelining.
void DispatchStage::startTransaction()
{
    while (!m_pending.empty()) {
        auto job = std::make_shared<Job>();
        job->name = m_pending.front();
        m_pending.pop_front();
        job->path = m_setup.spool.messagePath(SpoolFolder::PickUp, job->name);
        QFile file(job->path);
        if (!file.open(QIODevice::ReadOnly))
            continue; // removed meanwhile (an administrator deleted it)
        const QByteArray head = file.read(kEnvelopeHead);
        job->meta = readMetadata(m_setup.spool, SpoolFolder::PickUp, job->name)
                        .value_or(MessageMetadata {});
        const std::optional<PickupEnvelope> envelope = PickupEnvelope::parse(head);
        if (!envelope) {
            ++m_done;
            // Moved as it is; if BadMail cannot take it, it stays where it is.
            toBadMail(*job, {},
                tr("the file has no pickup envelope (x-sender and x-receiver lines)"),
                EventId::DeliveryRejected);
            continue;
        }
        job->envelope = *envelope;
        job->size = file.size() - envelope->messageOffset;

        QByteArray parameters;
        bool utf8 = !isAscii(envelope->sender);
        for (const QString &r : envelope->recipients)
            utf8 = utf8 || !isAscii(r);
        if (utf8 && !m_extensions.smtpUtf8) {
            ++m_done;
            if (toBadMail(*job, envelope->recipients,
                    tr("an address is not ASCII and %1 does not support SMTPUTF8")
                        .arg(m_setup.delivery.host),
                    EventId::DeliveryRejected))
                (void)removeFromPickUp(*job); // reported there
            continue;
        }
        if (m_extensions.size > 0 && job->size > m_extensions.size) {
            ++m_done;
            if (toBadMail(*job, envelope->recipients,
                    tr("the message (%1 bytes) is larger than %2 accepts (%3 bytes)")
                        .arg(job->size)
                        .arg(m_setup.delivery.host)
                        .arg(m_extensions.size),
                    EventId::DeliveryRejected))
                (void)removeFromPickUp(*job); // reported there
            continue;
        }
        if (m_extensions.size >= 0)
            parameters += " SIZE=" + QByteArray::number(job->size);
        if (m_extensions.eightBitMime)
            parameters += " BODY=8BITMIME";
        if (utf8)
            parameters += " SMTPUTF8";

        ++m_inFlight;
        m_transactionOpen = true;
        SmtpConnection::Command mail;
        mail.line = "MAIL FROM:<" + envelope->sender.toUtf8() + '>' + parameters;
        mail.onReplies = [job](const QList<SmtpReply> &r) { job->mail = r.first(); };
        m_connection->send(std::move(mail));
        for (const QString &recipient : envelope->recipients) {
            SmtpConnection::Command rcpt;
            rcpt.line = "RCPT TO:<" + recipient.toUtf8() + '>';
            rcpt.onReplies = [job, recipient](const QList<SmtpReply> &r) {
                job->rcpt.append(r.first());
                if (r.first().isPositive())
                    job->accepted.append(recipient);
            };
            m_connection->send(std::move(rcpt));
        }
        SmtpConnection::Command data;
        data.line = "DATA";
        data.barrier = true;
        data.onReplies = [this, job](const QList<SmtpReply> &r) { onDataReply(job, r.first()); };
        m_connection->send(std::move(data));
        return;
    }
    advance();
}

void DispatchStage::onDataReply(const std::shared_ptr<Job> &job, const SmtpReply &reply)
{
    m_transactionOpen = false;
    if (reply.code == 354 && !job->accepted.isEmpty()) {
        SmtpConnection::Command body;
        body.bodyPath = job->path;
        body.bodyOffset = job->envelope.messageOffset;
        // RFC 2033 §4.2: LMTP answers the end of data once per accepted recipient.
        body.replies = m_lmtp ? int(job->accepted.size()) : 1;
        body.onReplies = [this, job](const QList<SmtpReply> &r) { onFinalReplies(job, r); };
        m_connection->send(std::move(body));
        advance();
        return;
    }
    // The transaction ended before the body: each recipient's own reply, else DATA's (or MAIL's).
    QList<std::pair<QString, SmtpReply>> results;
    for (int i = 0; i < job->envelope.recipients.size(); ++i) {
        SmtpReply r = !job->mail.isPositive() ? job->mail : job->rcpt.value(i);
        if (r.isPositive())
            r = reply.code == 354 ? SmtpReply {554, {"no recipient was accepted"}} : reply;
        results.append({job->envelope.recipients[i], r});
    }
    if (reply.code == 354) {
        // Should not happen (no recipient accepted); end the empty transaction cleanly.
        SmtpConnection::Command end;
        end.line = ".";
        m_connection->send(std::move(end));
    }
    SmtpConnection::Command rset;
    rset.line = "RSET";
    m_connection->send(std::move(rset));
    apply(job, results);
}

void DispatchStage::onFinalReplies(const std::shared_ptr<Job> &job, const QList<SmtpReply> &replies)
{
    QList<std::pair<QString, SmtpReply>> results;
    int acceptedIndex = 0;
    for (int i = 0; i < job->envelope.recipients.size(); ++i) {
        const SmtpReply &rcpt = job->rcpt.value(i);
        if (!rcpt.isPositive()) {
            results.append({job->envelope.recipients[i], rcpt});
            continue;
        }
        results.append({job->envelope.recipients[i],
            m_lmtp ? replies.value(acceptedIndex++) : replies.first()});
    }
    apply(job, results);
}

Status DispatchStage::writeCopy(const Job &job, SpoolFolder folder, const QString &name,
    const QStringList &recipients, const MessageMetadata &meta)
{
    const Spool &spool = m_setup.spool;
    const QString scratch =
        spool.tmpPath() + u'/' + Spool::scratchName(name, QLatin1StringView("copy"));
    PickupEnvelope envelope = job.envelope;
    envelope.recipients = recipients;
    const QByteArray head = envelope.serialize();
    if (Status s = DurableFs::remove(scratch); !s)
        return s;
    Result<DurableFs::File> out = DurableFs::File::open(scratch, DurableFs::File::Mode::CreateNew);
    if (!out)
        return out.error();
    Status s = out.value().write(head);
    if (s) {
        const Result<qint64> copied = out.value().copyFrom(job.path, job.envelope.messageOffset);
        if (!copied)
            s = copied.error();
        else if (*copied != job.size)
            s = Error {ErrorCode::ShortWrite,
                tr("%1 changed while it was copied").arg(job.path)};
    }
    if (s)
        s = out.value().sync();
    if (s)
        s = out.value().close();
    if (s)
        s = replaceMetadata(spool, folder, name, meta);
    if (s)
        s = DurableFs::rename(scratch, spool.messagePath(folder, name));
    if (!s) {
        (void)DurableFs::remove(scratch); // recovery removes it otherwise
        return s;
    }
    return DurableFs::syncDirectory(spool.folderPath(folder));
}

Status DispatchStage::removeFromPickUp(const Job &job)
{
    Status s = DurableFs::remove(job.path);
    if (s)
        s = DurableFs::remove(m_setup.spool.metaPath(SpoolFolder::PickUp, job.name));
    if (!s) {
        raise(EventId::LocalServerSessionFailed,
            tr("Message %1 was dealt with, but could not be removed from PickUp (%2); it may be "
               "delivered again.")
                .arg(job.name, s.error().message),
            job.name);
    }
    return s;
}

bool DispatchStage::toBadMail(
    const Job &job, const QStringList &recipients, const QString &reason, EventId id)
{
    QString name = job.name;
    for (int n = 2; QFile::exists(m_setup.spool.messagePath(SpoolFolder::BadMail, name)); ++n)
        name = job.name + u'-' + QString::number(n);
    MessageMetadata meta = job.meta;
    meta.other.insert(QStringLiteral("reason"), reason);
    meta.other.insert(QStringLiteral("recipients"), recipients.join(QStringLiteral(", ")));
    meta.other.insert(
        QStringLiteral("failed"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    meta.other.remove(QStringLiteral("next_attempt"));
    Status moved;
    if (recipients.isEmpty()) {
        // Not a pickup file at all: moved as it is, nothing to re-envelope; under a name of its
        // own if BadMail has this one already.
        if (name != job.name)
            moved = DurableFs::rename(job.path, m_setup.spool.messagePath(SpoolFolder::PickUp, name));
        if (moved)
            moved =
                moveMessage(m_setup.spool, SpoolFolder::PickUp, SpoolFolder::BadMail, name, meta);
        if (moved)
            moved = DurableFs::remove(m_setup.spool.metaPath(SpoolFolder::PickUp, job.name));
    } else {
        moved = writeCopy(job, SpoolFolder::BadMail, name, recipients, meta);
    }
    if (!moved) {
        const QString error = moved.error().message;
        // It stays in PickUp: nothing is dropped because BadMail could not take it.
        raise(EventId::LocalServerSessionFailed,
            tr("Message %1 was rejected (%2) but could not be moved to BadMail: %3")
                .arg(job.name, reason, error),
            job.name);
        return false;
    }
    ++m_report.rejected;
    raise(id,
        recipients.isEmpty() ? tr("Message %1 was moved to BadMail: %2").arg(job.name, reason)
                             : tr("Message %1 was not delivered to %2 and was moved to BadMail: %3")
                                   .arg(job.name, recipients.join(QStringLiteral(", ")), reason),
        job.name);
    return true;
}

void DispatchStage::apply(
    const std::shared_ptr<Job> &job, const QList<std::pair<QString, SmtpReply>> &results)
{
    --m_inFlight;
    ++m_done;
    QStringList delivered;
    QStringList deferred;
    QStringList rejected;
    QStringList deferReplies;
    QStringList rejectReplies;
    for (const auto &[recipient, reply] : results) {
        const QString text = recipient + QStringLiteral(": ") + QString::fromUtf8(reply.text());
        if (reply.isPositive()) {
            delivered.append(recipient);
        } else if (reply.isTransient() || reply.code == 0) {
            deferred.append(recipient);
            deferReplies.append(text);
        } else {
            rejected.append(recipient);
            rejectReplies.append(text);
        }
    }
    const Spool &spool = m_setup.spool;
    const qint64 now = QDateTime::currentSecsSinceEpoch();

    if (!delivered.isEmpty()) {
        DurableFs::acknowledge(
            DurableFs::Acknowledgement::LocalServerAccepted, job->name, delivered);
    }
    if (deferred.isEmpty() && rejected.isEmpty()) {
        // The common case: remove at once, the duplicate window is this one unlink.
        (void)removeFromPickUp(*job); // reported there
        ++m_report.delivered;
        raise(EventId::MessageDelivered,
            tr("Message %1 delivered to %2.").arg(job->name, delivered.join(QStringLiteral(", "))),
            job->name);
        Q_EMIT progressed(m_done, m_total);
        advance();
        return;
    }

    const qint64 firstDeferred =
        job->meta.other.value(QStringLiteral("first_deferred")).toLongLong();
    if (!deferred.isEmpty() && firstDeferred > 0 && now - firstDeferred > kGiveUpSeconds) {
        if (toBadMail(*job, deferred,
                tr("still deferred after two days; last reply: %1")
                    .arg(deferReplies.join(QStringLiteral("; "))),
                EventId::DeliveryExpired))
            deferred.clear();
    }
    // Recipients BadMail could not take stay in PickUp, as if deferred: nothing is dropped.
    if (!rejected.isEmpty()
        && !toBadMail(
            *job, rejected, rejectReplies.join(QStringLiteral("; ")), EventId::DeliveryRejected)) {
        deferred += rejected;
        deferReplies += rejectReplies;
    }

    if (deferred.isEmpty()) {
        (void)removeFromPickUp(*job); // reported there
    } else {
        const int attempts = job->meta.other.value(QStringLiteral("attempts")).toInt() + 1;
        MessageMetadata meta = job->meta;
        meta.other.insert(QStringLiteral("attempts"), QString::number(attempts));
        meta.other.insert(QStringLiteral("first_deferred"),
            QString::number(firstDeferred > 0 ? firstDeferred : now));
        meta.other.insert(
            QStringLiteral("next_attempt"), QString::number(now + backoffSeconds(attempts)));
        meta.other.insert(QStringLiteral("reason"), deferReplies.join(QStringLiteral("; ")));
        meta.other.insert(QStringLiteral("recipients"), deferred.join(QStringLiteral(", ")));
        // Only the deferred recipients stay; the file is replaced whole.
        const Status updated = deferred == job->envelope.recipients
            ? replaceMetadata(spool, SpoolFolder::PickUp, job->name, meta)
            : writeCopy(*job, SpoolFolder::PickUp, job->name, deferred, meta);
        if (!updated) {
            raise(EventId::LocalServerSessionFailed,
                tr("Message %1 was deferred but its PickUp file could not be updated: %2")
                    .arg(job->name, updated.error().message),
                job->name);
        }
        ++m_report.deferred;
        raise(EventId::DeliveryDeferred,
            tr("Message %1 deferred for %2 (attempt %3, next in %4 minute(s)): %5")
                .arg(job->name, deferred.join(QStringLiteral(", ")))
                .arg(attempts)
                .arg(backoffSeconds(attempts) / 60)
                .arg(deferReplies.join(QStringLiteral("; "))),
            job->name);
    }
    if (!delivered.isEmpty()) {
        raise(EventId::MessageDelivered,
            tr("Message %1 delivered to %2.").arg(job->name, delivered.join(QStringLiteral(", "))),
            job->name);
    }
    Q_EMIT progressed(m_done, m_total);
    advance();
}

void DispatchStage::quit()
{
    m_state = State::Quitting;
    SmtpConnection::Command c;
    c.line = "QUIT";
    c.barrier = true;
    c.onReplies = [this](const QList<SmtpReply> &) {
        m_connection->close();
        finish();
    };
    m_connection->send(std::move(c));
}

void DispatchStage::failSession(EventId id, const QString &text)
{
    if (m_state == State::Quitting) {
        finish(); // all delivered; only the goodbye was lost
        return;
    }
    if (m_state == State::Done)
        return;
    if (m_report.failure.isEmpty()) {
        m_report.failureId = id;
        m_report.failure = text;
        const int waiting = int(m_pending.size()) + m_inFlight;
        raise(id,
            tr("Delivery to the local mail server failed: %1. %n message(s) wait in PickUp.",
                nullptr, waiting)
                .arg(text));
    }
    if (m_connection)
        m_connection->abort();
    finish();
}

void DispatchStage::requestStop()
{
    m_stop = true;
    if (m_state == State::Transacting)
        advance();
}

void DispatchStage::cancel()
{
    m_stop = true;
    failSession(EventId::LocalServerSessionFailed, tr("delivery was cancelled"));
}

void DispatchStage::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_state = State::Done;
    // The removals of delivered files durable: until here a power cut could bring one back.
    if (Status s = DurableFs::syncDirectory(m_setup.spool.folderPath(SpoolFolder::PickUp)); !s)
        raise(EventId::LocalServerSessionFailed, s.error().message);
    if (m_total > 0) {
        const bool errors =
            m_report.deferred > 0 || m_report.rejected > 0 || !m_report.failure.isEmpty();
        raise(errors ? EventId::DeliveryFinishedWithErrors : EventId::DispatchFinished,
            tr("Delivery: %1 message(s) delivered, %2 deferred, %3 to BadMail, %4 waiting.")
                .arg(m_report.delivered)
                .arg(m_report.deferred)
                .arg(m_report.rejected)
                .arg(int(m_pending.size()) + m_report.waiting));
    }
    Q_EMIT finished(m_report);
}

} // namespace Pop3Connector
