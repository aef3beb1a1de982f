#include "pipeline/dispatch/deliverysession.h"

#include "protocol/smtpconnection.h"

#include <QDateTime>
#include <QHostInfo>
#include <QThread>

namespace Pop3Connector {

using DeliveryPolicy::RecipientOutcome;

namespace {

// RFC 5321 §4.1.1.1 EHLO, RFC 2033 §4.1 LHLO.
QByteArray helloCommand(bool lmtp)
{
    return (lmtp ? "LHLO " : "EHLO ") + QHostInfo::localHostName().toUtf8();
}

} // namespace

// A PickUp file on its way: what became of each of its recipients so far.
struct DeliverySession::Job
{
    PickupFile file;
    QByteArray parameters; // of MAIL FROM
    std::deque<MailAddress> queue; // for the next transaction
    QList<DeliveryPolicy::RecipientAnswer> answers; // the recipients done with in this run
    QList<MailAddress> untried; // left when the session stopped before their transaction
};

// One MAIL ... DATA of a job.
struct DeliverySession::Transaction
{
    std::shared_ptr<Job> job;
    QList<MailAddress> recipients; // in RCPT order
    DeliveryPolicy::TransactionReplies replies;
};

DeliverySession::DeliverySession(Setup setup, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
    , m_share(new PickupShare(
          m_setup.spool, m_setup.delivery.host, m_setup.logLevel, m_setup.pickupSync, this))
{
    m_lmtp = m_setup.delivery.transport == Transport::Lmtp;
    m_share->setJournal(m_setup.journal);
    connect(m_share, &PickupShare::eventRaised, this, &DeliverySession::eventRaised);
    connect(m_share, &PickupShare::progressed, this, &DeliverySession::progressed);
}

DeliverySession::~DeliverySession()
{
    m_setup.password.fill('\0');
}

void DeliverySession::raise(EventId id, const Phrase &text, const QString &message)
{
    if (describe(id).level <= m_setup.logLevel)
        Q_EMIT eventRaised(Event::make(id, text, {}, message));
}

void DeliverySession::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    onInput({Input::Kind::Start});
}

void DeliverySession::requestStop()
{
    onInput({Input::Kind::StopRequested});
}

void DeliverySession::cancel()
{
    failSession(EventId::LocalServerSessionFailed,
        Phrase(staticMetaObject.className(), QT_TR_NOOP("delivery was cancelled")));
}

void DeliverySession::advance()
{
    onInput({Input::Kind::Ready});
}

void DeliverySession::failSession(EventId id, const Phrase &text)
{
    onInput({Input::Kind::Failed, {}, id, text});
}

// The conversation: each state takes the inputs it waits for and ignores the others.
void DeliverySession::onInput(const Input &input)
{
    if (m_state == State::Done)
        return;
    if (input.kind == Input::Kind::Failed) {
        if (m_state != State::Quitting) { // there, all is delivered; only the goodbye was lost
            if (m_failure.isEmpty()) {
                m_failureId = input.failureId;
                m_failure = input.failure.english();
                const int waiting = m_share->pendingCount() + int(m_continuing.size()) + m_inFlight;
                raise(input.failureId,
                    Phrase(staticMetaObject.className(),
                        QT_TR_N_NOOP(
                            "Delivery to the local mail server failed: %1. %n message(s) wait in "
                            "PickUp."),
                        waiting)
                        .arg(input.failure));
            }
            if (m_connection)
                m_connection->abort();
        }
        m_state = State::Done;
        finish();
        return;
    }
    if (input.kind == Input::Kind::StopRequested)
        m_stop = true;
    const DeliverySettings &d = m_setup.delivery;
    switch (m_state) {
    case State::Idle:
        if (input.kind != Input::Kind::Start)
            return;
        m_share->collect(m_setup.names);
        if (!m_share->hasPending()) {
            m_state = State::Done; // no connection for nothing to do
            finish();
            return;
        }
        m_state = State::Connecting;
        connectToServer();
        return;
    case State::Connecting:
        if (input.kind != Input::Kind::Greeted)
            return;
        m_state = State::Hello;
        sendAwaited(helloCommand(m_lmtp));
        return;
    case State::Hello:
    case State::Helo:
        if (input.kind != Input::Kind::Replied)
            return;
        if (!input.reply.isPositive()) {
            if (m_state == State::Hello && !m_lmtp && input.reply.isPermanent()
                && d.security == DeliverySecurity::None) {
                // An old server without ESMTP: HELO, and none of the extensions.
                m_state = State::Helo;
                sendAwaited("HELO " + QHostInfo::localHostName().toUtf8());
                return;
            }
            failSession(EventId::LocalServerSessionFailed,
                Phrase(staticMetaObject.className(), QT_TR_NOOP("%1 refused %2: %3"))
                    .arg(d.host, QString::fromLatin1(m_lmtp ? "LHLO" : "EHLO"),
                        QString::fromUtf8(input.reply.text())));
            return;
        }
        m_extensions = m_state == State::Helo ? SmtpExtensions {} : parseEhloReply(input.reply);
        if (d.security == DeliverySecurity::StartTls && !m_tls) {
            // RFC 3207: no STARTTLS, no delivery; the mail waits rather than cross in clear text.
            if (!m_extensions.startTls) {
                failSession(EventId::LocalServerSessionFailed,
                    Phrase(staticMetaObject.className(),
                        QT_TR_NOOP(
                            "%1 does not offer STARTTLS, which [delivery] security requires"))
                        .arg(d.host));
                return;
            }
            m_state = State::StartingTls;
            sendAwaited("STARTTLS");
            return;
        }
        authenticate(); // Authenticating, then Transacting
        return;
    case State::StartingTls:
        if (input.kind == Input::Kind::TlsEstablished) {
            m_tls = true;
            m_state = State::Hello;
            sendAwaited(helloCommand(m_lmtp));
        } else if (input.kind == Input::Kind::Replied && input.reply.code != 220) {
            failSession(EventId::LocalServerSessionFailed,
                Phrase(staticMetaObject.className(), QT_TR_NOOP("%1 refused STARTTLS: %2"))
                    .arg(d.host, QString::fromUtf8(input.reply.text())));
        } else if (input.kind == Input::Kind::Replied) {
            m_connection->startTls();
        }
        return;
    case State::Authenticating: // authenticate() reads the replies
        return;
    case State::Transacting:
        if (input.kind != Input::Kind::Ready && input.kind != Input::Kind::StopRequested)
            return;
        if (!m_transactionOpen && !m_stop && (m_extensions.pipelining || m_inFlight == 0)) {
            if (const std::shared_ptr<Job> job = nextJob()) {
                startTransaction(job);
                return;
            }
        }
        if ((!m_stop && (m_share->hasPending() || !m_continuing.empty())) || m_inFlight > 0)
            return;
        // Stopped between two transactions of a file: it keeps the recipients not yet tried.
        while (!m_continuing.empty()) {
            const std::shared_ptr<Job> job = m_continuing.front();
            m_continuing.pop_front();
            job->untried.append(QList<MailAddress>(job->queue.begin(), job->queue.end()));
            job->queue.clear();
            m_share->settle(job->file, job->answers, job->untried);
        }
        m_state = State::Quitting;
        sendAwaited("QUIT");
        return;
    case State::Quitting:
        if (input.kind != Input::Kind::Replied)
            return;
        m_connection->close();
        m_state = State::Done;
        finish();
        return;
    case State::Done:
        return;
    }
}

void DeliverySession::connectToServer()
{
    const DeliverySettings &d = m_setup.delivery;
    m_connection = new SmtpConnection(
        m_setup.channelFactory ? m_setup.channelFactory() : new SocketChannel(TlsTrust {d.caFile}),
        this);
    m_connection->setTimeout(m_setup.timeoutMs);
    m_connection->setTranscriptEnabled(m_setup.transcript);
    connect(m_connection, &SmtpConnection::transcriptLine, this, &DeliverySession::transcriptLine);
    connect(
        m_connection, &SmtpConnection::greeted, this, [this] { onInput({Input::Kind::Greeted}); });
    connect(m_connection, &SmtpConnection::tlsEstablished, this,
        [this] { onInput({Input::Kind::TlsEstablished}); });
    connect(m_connection, &SmtpConnection::failed, this, [this](const SessionFailure &f) {
        const bool unreachable =
            m_state == State::Connecting && DeliveryPolicy::isUnreachable(f.error);
        failSession(
            unreachable ? EventId::LocalServerUnreachable : EventId::LocalServerSessionFailed,
            Phrase(staticMetaObject.className(), QT_TR_NOOP("%1 port %2: %3"))
                .arg(m_setup.delivery.host)
                .arg(m_setup.delivery.port)
                .arg(f.detail));
    });
    m_connection->open(d.host, d.port, d.security == DeliverySecurity::Tls);
}

void DeliverySession::sendAwaited(const QByteArray &line)
{
    SmtpConnection::Command c;
    c.line = line;
    c.barrier = true;
    c.onReplies = [this](const QList<SmtpReply> &r) { onInput({Input::Kind::Replied, r.first()}); };
    m_connection->send(std::move(c));
}

// RFC 4954 AUTH with the strongest mechanism offered (protocol/sasl.h), when [delivery] user
// is set; with auth xoauth2 or oauthbearer that mechanism, the access token in `password`.
void DeliverySession::authenticate()
{
    const DeliverySettings &d = m_setup.delivery;
    if (d.user.isEmpty()) {
        m_state = State::Transacting;
        m_connection->setPipelining(m_extensions.pipelining);
        advance();
        return;
    }
    m_state = State::Authenticating;
    const SaslMechanism *sasl = nullptr;
    if (d.usesOAuth()) {
        const QByteArray name = d.auth == DeliveryAuth::XOAuth2 ? "XOAUTH2" : "OAUTHBEARER";
        if (m_extensions.auth.contains(name))
            sasl = saslMechanism(name);
        if (!sasl) {
            failSession(EventId::LocalServerSessionFailed,
                Phrase(staticMetaObject.className(), QT_TR_NOOP("%1 does not offer %2 (auth = %3)"))
                    .arg(d.host, QString::fromLatin1(name), settingValue(d.auth)));
            return;
        }
    } else {
        sasl = strongestSaslMechanism(m_extensions.auth, SaslProtocol::Smtp);
    }
    if (!sasl) {
        failSession(EventId::LocalServerSessionFailed,
            Phrase(staticMetaObject.className(),
                QT_TR_NOOP("%1 offers no authentication the connector knows (%2)"))
                .arg(d.host, saslMechanismNames(SaslProtocol::Smtp)));
        return;
    }
    // RFC 4954 §4: the error challenge of a token mechanism is answered like any other (an empty
    // line for XOAUTH2, %x01 for OAUTHBEARER), and the server then fails the AUTH.
    const SaslExchange exchange(
        *sasl, {d.user.toUtf8(), m_setup.password, d.host.toUtf8(), d.port});
    SmtpConnection::Command c;
    c.barrier = true;
    c.line = exchange.command();
    c.onContinuation = exchange;
    c.onReplies = [this](const QList<SmtpReply> &r) {
        if (!r.first().isPositive()) {
            failSession(EventId::LocalServerSessionFailed,
                Phrase(staticMetaObject.className(), QT_TR_NOOP("%1 refused the login of %2: %3"))
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

std::shared_ptr<DeliverySession::Job> DeliverySession::nextJob()
{
    if (!m_continuing.empty()) {
        std::shared_ptr<Job> job = m_continuing.front();
        m_continuing.pop_front();
        return job;
    }
    std::optional<PickupShare::Opened> opened = m_share->openNext(m_extensions);
    if (!opened)
        return nullptr;
    auto job = std::make_shared<Job>();
    job->file = std::move(opened->file);
    job->queue.assign(opened->recipients.cbegin(), opened->recipients.cend());
    job->parameters = opened->mailParameters;
    return job;
}

// RFC 5321 §3.3: MAIL, RCPT for each recipient, DATA; one group when pipelining. A file with
// more recipients than a transaction takes, or whose recipients a server had no room for, has
// further transactions (§4.5.3.1.8, §4.5.3.1.10).
void DeliverySession::startTransaction(const std::shared_ptr<Job> &job)
{
    auto tx = std::make_shared<Transaction>();
    tx->job = job;
    while (tx->recipients.size() < DeliveryPolicy::kMaxRecipientsPerTransaction
        && !job->queue.empty()) {
        tx->recipients.append(job->queue.front());
        job->queue.pop_front();
    }

    ++m_inFlight;
    m_transactionOpen = true;
    SmtpConnection::Command mail;
    mail.line = "MAIL FROM:" + job->file.sender.toPath() + job->parameters;
    mail.onReplies = [tx](const QList<SmtpReply> &r) { tx->replies.mail = r.first(); };
    m_connection->send(std::move(mail));
    for (const MailAddress &recipient : std::as_const(tx->recipients)) {
        SmtpConnection::Command rcpt;
        rcpt.line = "RCPT TO:" + recipient.toPath();
        rcpt.onReplies = [tx](const QList<SmtpReply> &r) { tx->replies.rcpt.append(r.first()); };
        m_connection->send(std::move(rcpt));
    }
    SmtpConnection::Command data;
    data.line = "DATA";
    data.barrier = true;
    data.onReplies = [this, tx](const QList<SmtpReply> &r) { onDataReplied(tx, r.first()); };
    m_connection->send(std::move(data));
}

void DeliverySession::onDataReplied(const std::shared_ptr<Transaction> &tx, const SmtpReply &reply)
{
    m_transactionOpen = false;
    tx->replies.data = reply;
    if (DeliveryPolicy::sendsBody(tx->replies)) {
        SmtpConnection::Command body;
        body.bodyPath = tx->job->file.path;
        body.bodyOffset = tx->job->file.envelope.messageOffset;
        // RFC 2033 §4.2: LMTP answers the end of data once per accepted recipient.
        body.replies = m_lmtp ? DeliveryPolicy::acceptedCount(tx->replies.rcpt) : 1;
        body.onReplies = [this, tx](const QList<SmtpReply> &r) {
            tx->replies.endOfData = r;
            onTransactionEnded(tx);
        };
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
    onTransactionEnded(tx);
}

void DeliverySession::onTransactionEnded(const std::shared_ptr<Transaction> &tx)
{
    --m_inFlight;
    Job &job = *tx->job;
    const QList<DeliveryPolicy::RecipientVerdict> verdicts = DeliveryPolicy::classifyTransaction(
        tx->replies, tx->recipients.size(), m_setup.delivery.transport);
    QList<MailAddress> again; // the server had no room for them in this transaction
    QStringList deliveredNow;
    for (qsizetype i = 0; i < tx->recipients.size(); ++i) {
        const QString recipient = tx->recipients[i].toString();
        const DeliveryPolicy::RecipientVerdict &verdict = verdicts[i];
        if (verdict.outcome == RecipientOutcome::NextTransaction) {
            again.append(tx->recipients[i]);
            continue;
        }
        if (verdict.outcome == RecipientOutcome::Delivered)
            deliveredNow.append(recipient);
        job.answers.append({recipient, verdict.reply, verdict.outcome});
    }
    if (!deliveredNow.isEmpty())
        m_share->accepted(job.file, deliveredNow);
    for (auto it = again.crbegin(); it != again.crend(); ++it)
        job.queue.push_front(*it);

    if (job.queue.empty()) {
        m_share->settle(job.file, job.answers, job.untried);
        advance();
        return;
    }
    // Who has the message already, should this session not live to finish the file.
    if (!deliveredNow.isEmpty())
        m_share->recordDelivered(job.file, deliveredNow);
    m_continuing.push_back(tx->job);
    advance();
}

void DeliverySession::finish()
{
    // The removals of delivered files durable: until then a power cut could bring them back.
    m_share->finish();
    DispatchReport report = m_share->report();
    report.failureId = m_failureId;
    report.failure = m_failure;
    if (m_share->total() > 0) {
        const bool errors = report.deferred > 0 || report.rejected > 0 || !report.failure.isEmpty();
        raise(errors ? EventId::DeliveryFinishedWithErrors : EventId::DispatchFinished,
            Phrase(staticMetaObject.className(),
                QT_TR_NOOP(
                    "Delivery: %1 message(s) delivered, %2 deferred, %3 to BadMail, %4 waiting."))
                .arg(report.delivered)
                .arg(report.deferred)
                .arg(report.rejected)
                .arg(m_share->pendingCount() + report.waiting));
    }
    Q_EMIT finished(report);
}

} // namespace Pop3Connector
