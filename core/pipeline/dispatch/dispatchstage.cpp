#include "pipeline/dispatch/dispatchstage.h"

#include "base/durablefs.h"
#include "protocol/smtpconnection.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QThread>

namespace Pop3Connector {

namespace {

// The sidecar key of the recipients an earlier transaction of the file delivered to, one a line.
const QString kDeliveredTo = QStringLiteral("delivered_to");

QStringList texts(const QList<MailAddress> &addresses)
{
    QStringList out;
    for (const MailAddress &a : addresses)
        out.append(a.toString());
    return out;
}

} // namespace

// A PickUp file on its way: its envelope as addresses, and what became of each recipient.
struct DispatchStage::Job
{
    QString name;
    QString path;
    PickupEnvelope envelope;
    MailAddress sender;
    MessageMetadata meta;
    qint64 size = 0;
    QByteArray parameters; // of MAIL FROM
    std::deque<MailAddress> queue; // for the next transaction
    struct Answer
    {
        MailAddress recipient;
        SmtpReply reply;
        Outcome outcome;
    };
    QList<Answer> answers; // the recipients done with in this run
    QList<MailAddress> untried; // left when the stage stopped before their transaction
};

// One MAIL ... DATA of a job.
struct DispatchStage::Transaction
{
    std::shared_ptr<Job> job;
    QList<MailAddress> recipients; // in RCPT order
    SmtpReply mail;
    QList<SmtpReply> rcpt; // one per recipient
    QList<MailAddress> accepted; // whose RCPT was accepted, in order
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

// RFC 4954 AUTH with the strongest mechanism offered (protocol/sasl.h), when [delivery] user
// is set.
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
    const SaslMechanism *sasl = strongestSaslMechanism(m_extensions.auth, SaslProtocol::Smtp);
    if (!sasl) {
        failSession(EventId::LocalServerSessionFailed,
            tr("%1 offers no authentication the connector knows (%2)")
                .arg(d.host, saslMechanismNames(SaslProtocol::Smtp)));
        return;
    }
    const SaslExchange exchange(*sasl, {d.user.toUtf8(), m_setup.password});
    SmtpConnection::Command c;
    c.barrier = true;
    c.line = exchange.command();
    c.onContinuation = exchange;
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
    const bool work = !m_pending.empty() || !m_continuing.empty();
    if (!m_transactionOpen && work && !m_stop && (m_extensions.pipelining || m_inFlight == 0)) {
        startTransaction();
        return;
    }
    if ((!work || m_stop) && m_inFlight == 0) {
        // Stopped between two transactions of a file: it keeps the recipients not yet tried.
        while (!m_continuing.empty()) {
            const std::shared_ptr<Job> job = m_continuing.front();
            m_continuing.pop_front();
            job->untried.append(QList<MailAddress>(job->queue.begin(), job->queue.end()));
            job->queue.clear();
            apply(job);
        }
        quit();
    }
}

// Reads a PickUp file for delivery; nothing when it cannot be delivered (moved to BadMail, or
// removed meanwhile).
std::shared_ptr<DispatchStage::Job> DispatchStage::openJob(const QString &name)
{
    auto job = std::make_shared<Job>();
    job->name = name;
    job->path = m_setup.spool.messagePath(SpoolFolder::PickUp, job->name);
    const Result<int> fd = DurableFs::openForReading(job->path);
    QFile file;
    if (!fd || !file.open(*fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
        return nullptr; // removed meanwhile (an administrator deleted it)
    job->meta =
        readMetadata(m_setup.spool, SpoolFolder::PickUp, job->name).value_or(MessageMetadata {});
    // The whole envelope, or none: a recipient past a limit would otherwise go out in DATA.
    const Result<PickupEnvelope> envelope = PickupEnvelope::read(file);
    const Result<QList<MailAddress>> recipients =
        envelope ? envelope->recipientAddresses() : envelope.error();
    const Result<MailAddress> sender = envelope ? envelope->senderAddress() : envelope.error();
    if (!envelope || !recipients || !sender) {
        ++m_done;
        // Moved as it is; if BadMail cannot take it, it stays where it is.
        toBadMail(*job, {},
            tr("the file has no valid pickup envelope: %1")
                .arg(!envelope        ? envelope.error().message
                        : !recipients ? recipients.error().message
                                      : sender.error().message),
            EventId::DeliveryRejected);
        return nullptr;
    }
    job->envelope = *envelope;
    job->sender = *sender;
    job->size = file.size() - envelope->messageOffset;
    // Those an earlier transaction of this file delivered to have it.
    const QStringList done = job->meta.other.value(kDeliveredTo).split(u'\n', Qt::SkipEmptyParts);
    for (const MailAddress &r : *recipients) {
        if (!done.contains(r.toString()))
            job->queue.push_back(r);
    }
    if (job->queue.empty()) {
        ++m_done;
        ++m_report.delivered;
        (void)removeFromPickUp(*job); // reported there
        return nullptr;
    }

    bool utf8 = !job->sender.isAscii();
    for (const MailAddress &r : job->queue)
        utf8 = utf8 || !r.isAscii();
    if (utf8 && !m_extensions.smtpUtf8) {
        ++m_done;
        if (toBadMail(*job, texts({job->queue.begin(), job->queue.end()}),
                tr("an address is not ASCII and %1 does not support SMTPUTF8")
                    .arg(m_setup.delivery.host),
                EventId::DeliveryRejected))
            (void)removeFromPickUp(*job); // reported there
        return nullptr;
    }
    if (m_extensions.size > 0 && job->size > m_extensions.size) {
        ++m_done;
        if (toBadMail(*job, texts({job->queue.begin(), job->queue.end()}),
                tr("the message (%1 bytes) is larger than %2 accepts (%3 bytes)")
                    .arg(job->size)
                    .arg(m_setup.delivery.host)
                    .arg(m_extensions.size),
                EventId::DeliveryRejected))
            (void)removeFromPickUp(*job); // reported there
        return nullptr;
    }
    if (m_extensions.size >= 0)
        job->parameters += " SIZE=" + QByteArray::number(job->size);
    if (m_extensions.eightBitMime)
        job->parameters += " BODY=8BITMIME";
    if (utf8)
        job->parameters += " SMTPUTF8";
    return job;
}

// RFC 5321 §3.3: MAIL, RCPT for each recipient, DATA; one group when pipelining. A file with
// more recipients than a transaction takes, or whose recipients a server had no room for, has
// further transactions (§4.5.3.1.8, §4.5.3.1.10).
void DispatchStage::startTransaction()
{
    std::shared_ptr<Job> job;
    if (!m_continuing.empty()) {
        job = m_continuing.front();
        m_continuing.pop_front();
    }
    while (!job && !m_pending.empty()) {
        const QString name = m_pending.front();
        m_pending.pop_front();
        job = openJob(name);
    }
    if (!job) {
        advance();
        return;
    }
    auto tx = std::make_shared<Transaction>();
    tx->job = job;
    while (tx->recipients.size() < kMaxRecipientsPerTransaction && !job->queue.empty()) {
        tx->recipients.append(job->queue.front());
        job->queue.pop_front();
    }

    ++m_inFlight;
    m_transactionOpen = true;
    SmtpConnection::Command mail;
    mail.line = "MAIL FROM:" + job->sender.toPath() + job->parameters;
    mail.onReplies = [tx](const QList<SmtpReply> &r) { tx->mail = r.first(); };
    m_connection->send(std::move(mail));
    for (const MailAddress &recipient : std::as_const(tx->recipients)) {
        SmtpConnection::Command rcpt;
        rcpt.line = "RCPT TO:" + recipient.toPath();
        rcpt.onReplies = [tx, recipient](const QList<SmtpReply> &r) {
            tx->rcpt.append(r.first());
            if (r.first().isPositive())
                tx->accepted.append(recipient);
        };
        m_connection->send(std::move(rcpt));
    }
    SmtpConnection::Command data;
    data.line = "DATA";
    data.barrier = true;
    data.onReplies = [this, tx](const QList<SmtpReply> &r) { onDataReply(tx, r.first()); };
    m_connection->send(std::move(data));
}

void DispatchStage::onDataReply(const std::shared_ptr<Transaction> &tx, const SmtpReply &reply)
{
    m_transactionOpen = false;
    if (reply.code == 354 && !tx->accepted.isEmpty()) {
        SmtpConnection::Command body;
        body.bodyPath = tx->job->path;
        body.bodyOffset = tx->job->envelope.messageOffset;
        // RFC 2033 §4.2: LMTP answers the end of data once per accepted recipient.
        body.replies = m_lmtp ? int(tx->accepted.size()) : 1;
        body.onReplies = [this, tx](const QList<SmtpReply> &r) { onFinalReplies(tx, r); };
        m_connection->send(std::move(body));
        advance();
        return;
    }
    // The transaction ended before the body: the accepted recipients get DATA's reply.
    if (reply.code == 354) {
        // Should not happen (no recipient accepted); end the empty transaction cleanly.
        SmtpConnection::Command end;
        end.line = ".";
        m_connection->send(std::move(end));
    }
    SmtpConnection::Command rset;
    rset.line = "RSET";
    m_connection->send(std::move(rset));
    const SmtpReply instead =
        reply.code == 354 ? SmtpReply {554, {"no recipient was accepted"}} : reply;
    QList<SmtpReply> replies;
    for (qsizetype i = 0; i < tx->accepted.size(); ++i)
        replies.append(instead);
    finishTransaction(tx, replies);
}

void DispatchStage::onFinalReplies(
    const std::shared_ptr<Transaction> &tx, const QList<SmtpReply> &replies)
{
    QList<SmtpReply> perAccepted;
    for (qsizetype i = 0; i < tx->accepted.size(); ++i)
        perAccepted.append(m_lmtp ? replies.value(i) : replies.first());
    finishTransaction(tx, perAccepted);
}

void DispatchStage::finishTransaction(
    const std::shared_ptr<Transaction> &tx, const QList<SmtpReply> &replies)
{
    --m_inFlight;
    Job &job = *tx->job;
    QList<MailAddress> again; // the server had no room for them in this transaction
    QList<MailAddress> deliveredNow;
    int acceptedIndex = 0;
    for (qsizetype i = 0; i < tx->recipients.size(); ++i) {
        const MailAddress &recipient = tx->recipients[i];
        const auto answer = [&job, &recipient](const SmtpReply &reply) {
            const Outcome outcome = reply.isPositive()   ? Outcome::Delivered
                : reply.isTransient() || reply.code == 0 ? Outcome::Deferred
                                                         : Outcome::Rejected;
            job.answers.append({recipient, reply, outcome});
            return outcome;
        };
        if (!tx->mail.isPositive()) {
            answer(tx->mail);
            continue;
        }
        const SmtpReply rcpt = tx->rcpt.value(i);
        if (rcpt.isPositive()) {
            if (answer(replies.value(acceptedIndex++)) == Outcome::Delivered)
                deliveredNow.append(recipient);
            continue;
        }
        // RFC 5321 §4.5.3.1.10: 452 (or 552 from older servers) is the server's recipient
        // limit, not the recipient's fault: the next transaction, at once. Unless it refuses the
        // first recipient of a transaction: then no count is to blame, and it is a deferral,
        // 552 as much as 452.
        const bool tooMany = rcpt.code == 452 || rcpt.code == 552;
        if (tooMany && i > 0)
            again.append(recipient);
        else if (rcpt.code == 552)
            job.answers.append({recipient, rcpt, Outcome::Deferred});
        else
            answer(rcpt);
    }
    for (auto it = again.crbegin(); it != again.crend(); ++it)
        job.queue.push_front(*it);
    if (!deliveredNow.isEmpty()) {
        DurableFs::acknowledge(
            DurableFs::Acknowledgement::LocalServerAccepted, job.name, texts(deliveredNow));
    }

    if (job.queue.empty()) {
        apply(tx->job);
        advance();
        return;
    }
    if (!deliveredNow.isEmpty()) {
        // Who has the message already, should this stage not live to finish the file.
        QStringList done = job.meta.other.value(kDeliveredTo).split(u'\n', Qt::SkipEmptyParts);
        done += texts(deliveredNow);
        job.meta.other.insert(kDeliveredTo, done.join(u'\n'));
        if (Status recorded =
                replaceMetadata(m_setup.spool, SpoolFolder::PickUp, job.name, job.meta);
            !recorded) {
            raise(EventId::LocalServerSessionFailed,
                tr("Message %1: which recipients have it could not be recorded: %2")
                    .arg(job.name, recorded.error().message),
                job.name);
        }
    }
    m_continuing.push_back(tx->job);
    advance();
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
            s = Error {ErrorCode::ShortWrite, tr("%1 changed while it was copied").arg(job.path)};
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
    meta.other.remove(kDeliveredTo);
    Status moved;
    if (recipients.isEmpty()) {
        // Not a pickup file at all: moved as it is, nothing to re-envelope; under a name of its
        // own if BadMail has this one already.
        if (name != job.name)
            moved =
                DurableFs::rename(job.path, m_setup.spool.messagePath(SpoolFolder::PickUp, name));
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

// The file's recipients all have their answer, or the stage stops: remove the file, or keep it
// for those deferred (with a back-off) or not yet tried, and BadMail for those rejected.
void DispatchStage::apply(const std::shared_ptr<Job> &job)
{
    ++m_done;
    QStringList delivered;
    QStringList deferred;
    QStringList rejected;
    QStringList deferReplies;
    QStringList rejectReplies;
    for (const Job::Answer &a : std::as_const(job->answers)) {
        const QString recipient = a.recipient.toString();
        const QString text = recipient + QStringLiteral(": ") + QString::fromUtf8(a.reply.text());
        switch (a.outcome) {
        case Outcome::Delivered:
            delivered.append(recipient);
            break;
        case Outcome::Deferred:
            deferred.append(recipient);
            deferReplies.append(text);
            break;
        case Outcome::Rejected:
            rejected.append(recipient);
            rejectReplies.append(text);
            break;
        }
    }
    const QStringList untried = texts(job->untried);
    const Spool &spool = m_setup.spool;
    const qint64 now = QDateTime::currentSecsSinceEpoch();

    if (deferred.isEmpty() && rejected.isEmpty() && untried.isEmpty()) {
        // The common case: remove at once, the duplicate window is this one unlink.
        (void)removeFromPickUp(*job); // reported there
        ++m_report.delivered;
        raise(EventId::MessageDelivered,
            tr("Message %1 delivered to %2.").arg(job->name, delivered.join(QStringLiteral(", "))),
            job->name);
        Q_EMIT progressed(m_done, m_total);
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

    const QStringList kept = deferred + untried;
    if (kept.isEmpty()) {
        (void)removeFromPickUp(*job); // reported there
    } else {
        MessageMetadata meta = job->meta;
        const int attempts = meta.other.value(QStringLiteral("attempts")).toInt() + 1;
        if (!deferred.isEmpty()) {
            meta.other.insert(QStringLiteral("attempts"), QString::number(attempts));
            meta.other.insert(QStringLiteral("first_deferred"),
                QString::number(firstDeferred > 0 ? firstDeferred : now));
            meta.other.insert(
                QStringLiteral("next_attempt"), QString::number(now + backoffSeconds(attempts)));
            meta.other.insert(QStringLiteral("reason"), deferReplies.join(QStringLiteral("; ")));
        }
        meta.other.insert(QStringLiteral("recipients"), kept.join(QStringLiteral(", ")));
        // Only those recipients stay; the file is replaced whole (and knows no earlier
        // transaction any more).
        Status updated;
        if (kept == job->envelope.recipients) {
            updated = replaceMetadata(spool, SpoolFolder::PickUp, job->name, meta);
        } else {
            meta.other.remove(kDeliveredTo);
            updated = writeCopy(*job, SpoolFolder::PickUp, job->name, kept, meta);
        }
        if (!updated) {
            raise(EventId::LocalServerSessionFailed,
                tr("Message %1 was deferred but its PickUp file could not be updated: %2")
                    .arg(job->name, updated.error().message),
                job->name);
        }
        if (!deferred.isEmpty()) {
            ++m_report.deferred;
            raise(EventId::DeliveryDeferred,
                tr("Message %1 deferred for %2 (attempt %3, next in %4 minute(s)): %5")
                    .arg(job->name, deferred.join(QStringLiteral(", ")))
                    .arg(attempts)
                    .arg(backoffSeconds(attempts) / 60)
                    .arg(deferReplies.join(QStringLiteral("; "))),
                job->name);
        }
    }
    if (!delivered.isEmpty()) {
        raise(EventId::MessageDelivered,
            tr("Message %1 delivered to %2.").arg(job->name, delivered.join(QStringLiteral(", "))),
            job->name);
    }
    Q_EMIT progressed(m_done, m_total);
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
        const int waiting = int(m_pending.size() + m_continuing.size()) + m_inFlight;
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
