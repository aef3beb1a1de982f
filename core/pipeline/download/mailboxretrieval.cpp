#include "pipeline/download/mailboxretrieval.h"

#include "base/durablefs.h"
#include "pipeline/download/loginpolicy.h"

#include <QThread>

namespace Pop3Connector {

namespace {

constexpr int kProgressIntervalMs = 200;

} // namespace

MailboxRetrieval::MailboxRetrieval(Setup setup, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
    , m_reporter(m_setup.mailbox)
{
    m_report.mailbox = m_setup.mailbox.name;
    m_progress.mailbox = m_setup.mailbox.name;
    if (!m_setup.channelFactory) {
        m_setup.channelFactory =
            [trust = TlsTrust {m_setup.mailbox.caFile, m_setup.mailbox.caPinned}] {
                return new SocketChannel(trust);
            };
    }
    m_stopDeadline.setSingleShot(true);
    connect(&m_stopDeadline, &QTimer::timeout, this, [this] { step(Input::StopDeadlinePassed); });
}

MailboxRetrieval::~MailboxRetrieval()
{
    // The password leaves memory with the retrieval.
    m_setup.password.fill('\0');
}

void MailboxRetrieval::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    step(Input::Start);
}

void MailboxRetrieval::requestStop()
{
    Q_ASSERT(QThread::currentThread() == thread());
    step(Input::StopRequested);
}

void MailboxRetrieval::cancel()
{
    step(Input::CancelRequested);
}

// Each input, in the state that awaits it, leads to the next state and what it begins with.
void MailboxRetrieval::step(Input input)
{
    if (m_state == State::Finished)
        return;
    switch (input) {
    case Input::Start:
        if (m_state == State::Idle)
            enter(State::Connecting, &MailboxRetrieval::connectToServer);
        break;
    case Input::Greeted:
    case Input::TlsEstablished: // RFC 2595 §4: capabilities are asked again once encrypted
        if (m_state == State::Connecting || m_state == State::StartingTls)
            enter(State::Capabilities, &MailboxRetrieval::sendCapa);
        break;
    case Input::CapabilitiesListed:
        if (m_state != State::Capabilities)
            break;
        if (m_setup.mailbox.security != Pop3Security::StartTls || m_session->isEncrypted())
            enter(State::Authenticating, &MailboxRetrieval::authenticate);
        else if (m_caps.known && !m_caps.stls)
            failWith(m_reporter.startTlsMissing()); // never the password in clear text instead
        else
            enter(State::StartingTls, &MailboxRetrieval::sendStls);
        break;
    case Input::StlsAccepted:
        if (m_state == State::StartingTls)
            m_session->startTls();
        break;
    case Input::LoggedIn:
        if (m_state != State::Authenticating)
            break;
        if (m_setup.probeOnly)
            enter(State::Probing, &MailboxRetrieval::askDrop);
        else
            enter(State::Listing, &MailboxRetrieval::listMailbox);
        break;
    case Input::DropListed:
        if (m_state == State::Probing)
            enter(State::Quitting, &MailboxRetrieval::quit);
        break;
    case Input::Listed:
        if (m_state != State::Listing)
            break;
        if (Status begun = m_transaction->begin(); !begun)
            failWith({RetrievalReport::Outcome::Failed, m_reporter.ledgerFailed(begun.error())});
        else
            enter(State::Transferring, &MailboxRetrieval::retrieve);
        break;
    case Input::TransferMoved:
        break; // the rule below
    case Input::QuitAnswered:
        if (m_state == State::Quitting)
            enter(State::Closed);
        break;
    case Input::StopDeadlinePassed:
        if (!m_stopDeadlinePassed && retrievalsInFlight() == 0 && m_state != State::Closed) {
            // Only our own commits or the QUIT reply are awaited: a little longer.
            m_stopDeadlinePassed = true;
            m_stopDeadline.start(m_setup.timeoutMs / 4);
            break;
        }
        [[fallthrough]];
    case Input::ConnectionLost:
        if (m_state == State::Quitting) {
            // The server may have removed nothing: what is stored is deleted on the next cycle.
            m_session->abort();
            raise(input == Input::ConnectionLost
                    ? m_reporter.quitUnconfirmed(m_lostConnection.detail)
                    : m_reporter.quitUnansweredAtStop());
            m_report.deleted = 0;
            enter(State::Closed);
        } else if (m_state != State::Closed) {
            failWith(input == Input::ConnectionLost
                    ? m_reporter.sessionFailed(m_lostConnection)
                    : m_reporter.stoppedWhileArriving(retrievalsInFlight()));
        }
        break;
    case Input::StopRequested:
        // In the transaction what was requested is still stored and deleted, within the timeout
        // in all; before it there is nothing to finish.
        if (m_state == State::Transferring || m_state == State::Quitting) {
            if (!m_stopDeadline.isActive() && !m_stopDeadlinePassed)
                m_stopDeadline.start(m_setup.timeoutMs / 2);
            if (m_transaction)
                m_transaction->stop();
            break;
        }
        [[fallthrough]];
    case Input::CancelRequested:
        if (m_state != State::Closed)
            failWith(m_reporter.cancelled());
        break;
    case Input::Failed: {
        // QUIT while the server answers what it is asked and no message is arriving.
        const bool talking = m_state != State::Idle && m_state != State::Connecting
            && m_state != State::Quitting && m_state != State::Closed;
        if (m_ending == Ending::Quit && talking && retrievalsInFlight() == 0) {
            enter(State::Quitting, &MailboxRetrieval::quit);
        } else {
            if (m_session)
                m_session->abort();
            enter(State::Closed);
        }
        break;
    }
    }

    // Whatever came: a transaction with nothing left to do ends with QUIT, which makes its DELEs
    // take effect, unless storing failed.
    if (m_state == State::Transferring && m_transaction->isSettled()) {
        if (const std::optional<QString> &failure = m_transaction->storageFailure())
            failWith(m_reporter.storageFailed(*failure));
        else
            enter(State::Quitting, &MailboxRetrieval::quit);
    }
    if (m_transaction && m_state != State::Listing && m_state != State::Transferring)
        m_transaction->close();
    // Closed, the retrieval finishes once its own commits are in.
    if (m_state == State::Closed && commitsInFlight() == 0)
        enter(State::Finished, &MailboxRetrieval::finish);
}

// The only place the state is set (step() decides when).
void MailboxRetrieval::enter(State state, void (MailboxRetrieval::*begin)())
{
    m_state = state;
    if (begin)
        (this->*begin)();
}

void MailboxRetrieval::connectToServer()
{
    const MailboxSettings &mb = m_setup.mailbox;
    m_session = new Pop3Session(m_setup.channelFactory(), this);
    m_session->setTimeout(m_setup.timeoutMs);
    m_session->setTranscriptEnabled(m_setup.transcript);
    connect(m_session, &Pop3Session::greeted, this, [this](const QByteArray &greeting) {
        m_apopTimestamp = apopTimestamp(greeting);
        step(Input::Greeted);
    });
    connect(m_session, &Pop3Session::failed, this, [this](const SessionFailure &failure) {
        m_lostConnection = failure;
        step(Input::ConnectionLost);
    });
    connect(m_session, &Pop3Session::tlsEstablished, this, [this] { step(Input::TlsEstablished); });
    connect(m_session, &Pop3Session::transcriptLine, this,
        [this](TranscriptDirection direction, const QByteArray &line) {
            Q_EMIT transcriptLine(m_setup.mailbox.name, direction, line);
        });
    connect(m_session, &Pop3Session::noted, this,
        [this](const Phrase &note) { Q_EMIT transcriptNoted(m_setup.mailbox.name, note); });

    m_progress.phase = MailboxProgress::Phase::Connecting;
    reportProgress(true);
    raise(m_reporter.started());
    if (mb.security == Pop3Security::None)
        raise(m_reporter.plainTextLogin());
    m_session->open(mb.host, mb.port, mb.security == Pop3Security::Tls);
}

// RFC 2449 §5.
void MailboxRetrieval::sendCapa()
{
    Pop3Session::Command c;
    c.line = "CAPA";
    c.multiLine = true;
    c.transcribeBody = true;
    c.onReply = [this](const Pop3Session::Reply &reply) {
        // A server without CAPA is an RFC 1939 server: USER/PASS, no pipelining.
        m_caps = reply.status.ok ? parseCapabilities(reply.lines) : Capabilities {};
        step(Input::CapabilitiesListed);
    };
    m_session->send(std::move(c));
}

// RFC 2595 §4: a server that refuses STLS ends the session; the password is never sent in
// clear text instead.
void MailboxRetrieval::sendStls()
{
    Pop3Session::Command c;
    c.line = "STLS";
    c.onReply = [this](const Pop3Session::Reply &reply) {
        if (!reply.status.ok) {
            failWith(m_reporter.startTlsRefused(reply.status));
            return;
        }
        step(Input::StlsAccepted);
    };
    m_session->send(std::move(c));
}

// RFC 1939 §7 USER/PASS and APOP, RFC 5034 AUTH. Automatic picks the strongest SASL mechanism
// the server offers (protocol/sasl.h: CRAM-MD5 never reveals the password, then PLAIN, LOGIN),
// else USER/PASS.
void MailboxRetrieval::authenticate()
{
    m_progress.phase = MailboxProgress::Phase::LoggingIn;
    reportProgress(true);
    const MailboxSettings &mb = m_setup.mailbox;

    for (const CapabilityConflict &c : capabilityConflicts(mb, m_caps, m_setup.intervalSeconds))
        raise(c.id, c.text);

    const SaslMechanism *sasl = loginMechanism(mb.auth, m_caps.saslMechanisms);
    const QByteArray user = mb.user.toUtf8();
    const QByteArray &password = m_setup.password;
    auto onReply = [this](const Pop3Session::Reply &reply) { onAuthReply(reply); };

    Pop3Session::Command c;
    c.onReply = onReply;
    if (sasl && sasl->secret == SaslSecret::Token) {
        // RFC 7628 §3.2.2: a second challenge is the server's error, kept for the sentence.
        c.line = SaslExchange(*sasl, {}).command();
        c.onContinuation =
            [this, exchange = SaslExchange(*sasl, {user, password, mb.host.toUtf8(), mb.port}),
                challenges = 0](const QByteArray &base64) mutable {
                if (challenges++ > 0) {
                    const std::optional<OAuthChallenge> said =
                        parseOAuthChallenge(QByteArray::fromBase64(base64));
                    m_tokenRefusal = said
                        ? tr("status %1, scope %2")
                              .arg(said->status.isEmpty() ? tr("none") : said->status,
                                  said->scope.isEmpty() ? tr("none") : said->scope)
                        : tr("an error challenge that is not JSON");
                }
                return exchange(base64);
            };
    } else if (sasl) {
        const SaslExchange exchange(*sasl, {user, password});
        c.line = exchange.command();
        c.onContinuation = exchange;
    } else if (mb.auth == AuthMethod::Apop) {
        if (m_apopTimestamp.isEmpty()) {
            failWith(RetrievalReport::Outcome::Failed, EventId::AuthenticationFailed,
                Phrase(staticMetaObject.className(),
                    QT_TR_NOOP("%1 does not offer APOP (its greeting has no timestamp); choose "
                               "another authentication method."))
                    .arg(mb.host));
            return;
        }
        c.line = "APOP " + user + ' ' + apopDigest(m_apopTimestamp, password);
        c.transcriptLine = "APOP " + user + " ********";
    } else {
        c.line = "USER " + user;
        c.onReply = [this, onReply](const Pop3Session::Reply &reply) {
            if (!reply.status.ok) {
                onAuthReply(reply);
                return;
            }
            Pop3Session::Command pass;
            pass.line = "PASS " + m_setup.password;
            pass.transcriptLine = "PASS ********";
            pass.onReply = onReply;
            m_session->send(std::move(pass));
        };
    }
    m_session->send(std::move(c));
}

void MailboxRetrieval::onAuthReply(const Pop3Session::Reply &reply)
{
    const MailboxSettings &mb = m_setup.mailbox;
    if (!reply.status.ok && mb.usesOAuth()) {
        Failure failure = m_reporter.refused(EventId::OAuthTokenRejected,
            Phrase(staticMetaObject.className(), QT_TR_NOOP("%1 refused the access token of %2"))
                .arg(mb.host, mb.user),
            reply.status);
        // A busy or unwell server is not the token's fault; anything else is.
        if (failure.outcome == RetrievalReport::Outcome::Failed) {
            failure.notice.id = EventId::OAuthTokenRejected;
            if (!m_tokenRefusal.isEmpty())
                failure.notice.text = Phrase(staticMetaObject.className(), QT_TR_NOOP("%1 (%2)"))
                                          .arg(failure.notice.text, m_tokenRefusal);
            if (m_setup.quietTokenRefusal) {
                record(failure);
                m_ending = failure.ending;
                step(Input::Failed);
                return;
            }
        }
        failWith(failure);
        return;
    }
    if (!reply.status.ok) {
        failFromReply(EventId::AuthenticationFailed,
            Phrase(staticMetaObject.className(), QT_TR_NOOP("%1 refused the login of %2"))
                .arg(mb.host, mb.user),
            reply.status);
        return;
    }
    step(Input::LoggedIn);
}

// RFC 1939 §5: the TRANSACTION state, after the login.
void MailboxRetrieval::beginTransaction()
{
    m_transaction = new MailboxTransaction(
        {m_session, m_caps.pipelining, m_setup.mailbox, m_setup.spool, m_setup.committer,
            m_setup.ledger, &m_reporter, &m_report, &m_progress},
        this);
    connect(
        m_transaction, &MailboxTransaction::dropListed, this, [this] { step(Input::DropListed); });
    connect(m_transaction, &MailboxTransaction::listed, this, [this] { step(Input::Listed); });
    connect(
        m_transaction, &MailboxTransaction::moved, this, [this] { step(Input::TransferMoved); });
    connect(m_transaction, &MailboxTransaction::progressed, this, [this] { reportProgress(); });
    connect(m_transaction, &MailboxTransaction::noticed, this,
        [this](const Notice &notice) { raise(notice); });
    connect(m_transaction, &MailboxTransaction::failed, this,
        [this](const Failure &failure) { failWith(failure); });
}

// A connection test asks only for the drop listing.
void MailboxRetrieval::askDrop()
{
    beginTransaction();
    m_transaction->stat();
}

void MailboxRetrieval::listMailbox()
{
    m_progress.phase = MailboxProgress::Phase::Listing;
    reportProgress(true);
    beginTransaction();
    m_transaction->list();
}

void MailboxRetrieval::retrieve()
{
    m_progress.phase = MailboxProgress::Phase::Retrieving;
    reportProgress(true);
    m_transaction->retrieveMore();
}

// RFC 1939 §6: QUIT ends the transaction; only its +OK makes the DELEs take effect.
void MailboxRetrieval::quit()
{
    m_progress.phase = MailboxProgress::Phase::Finishing;
    reportProgress(true);
    Pop3Session::Command c;
    c.line = "QUIT";
    c.onReply = [this](const Pop3Session::Reply &reply) {
        if (reply.status.ok) {
            // RFC 1939 §6: the server has removed what was marked. Each of those is durable in the
            // spool (DELE follows the commit); the harness checks that promise.
            DurableFs::acknowledge(DurableFs::Acknowledgement::ServerDeleted, m_setup.mailbox.name,
                m_transaction ? m_transaction->deletedOnServer() : QStringList());
            if (m_transaction) {
                if (Status forgotten = m_transaction->forgetDeletedDigests(); !forgotten)
                    raise(m_reporter.ledgerFailed(forgotten.error()));
            }
        } else {
            // RFC 1939 §6: -ERR to QUIT means the server removed nothing; mail did not move.
            const Failure refused = m_reporter.quitRefused(reply.status);
            record(refused);
            raise(refused.notice);
            m_report.deleted = 0;
        }
        m_session->close();
        step(Input::QuitAnswered);
    };
    m_session->send(std::move(c));
}

void MailboxRetrieval::failWith(const Failure &failure)
{
    if (record(failure))
        raise(failure.notice);
    m_ending = failure.ending;
    step(Input::Failed);
}

void MailboxRetrieval::failWith(RetrievalReport::Outcome outcome, EventId id, const Phrase &text)
{
    failWith({outcome, {id, text}});
}

void MailboxRetrieval::failFromReply(EventId fallback, const Phrase &what, const StatusLine &status)
{
    failWith(m_reporter.refused(fallback, what, status));
}

bool MailboxRetrieval::record(const Failure &failure)
{
    if (m_report.outcome != RetrievalReport::Outcome::Succeeded)
        return false;
    m_report.outcome = failure.outcome;
    m_report.failureId = failure.notice.id;
    m_report.failureText = failure.notice.text.english();
    m_report.failure = failure.notice.text;
    return true;
}

void MailboxRetrieval::raise(EventId id, const Phrase &text, const QString &message)
{
    if (describe(id).level <= m_setup.logLevel)
        Q_EMIT eventRaised(Event::make(id, text, m_setup.mailbox.name, message));
}

void MailboxRetrieval::raise(const Notice &notice)
{
    raise(notice.id, notice.text, notice.message);
}

void MailboxRetrieval::reportProgress(bool force)
{
    if (!force && m_progressClock.isValid() && m_progressClock.elapsed() < kProgressIntervalMs)
        return;
    m_progressClock.start();
    Q_EMIT progressed(m_progress);
}

int MailboxRetrieval::retrievalsInFlight() const
{
    return m_transaction ? m_transaction->retrievalsInFlight() : 0;
}

int MailboxRetrieval::commitsInFlight() const
{
    return m_transaction ? m_transaction->commitsInFlight() : 0;
}

void MailboxRetrieval::finish()
{
    m_progress.phase = MailboxProgress::Phase::Done;
    reportProgress(true);
    if (m_report.outcome == RetrievalReport::Outcome::Succeeded)
        raise(m_reporter.finished(m_report));
    Q_EMIT finished(m_report);
}

} // namespace Pop3Connector
