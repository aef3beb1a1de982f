#include "pipeline/download/mailboxretrieval.h"

#include "spool/spoolcommitter.h"
#include "spool/uidledger.h"

#include <QDateTime>
#include <QThread>

namespace Pop3Connector {

namespace {

// Pipelining window: enough requested ahead to keep the server streaming (about one
// bandwidth-delay product of a fast link), little enough that a stop drains quickly. Sizes come
// from LIST.
constexpr int kMaxRetrInFlight = 32;
constexpr qint64 kMaxRetrBytesInFlight = 1024 * 1024;
constexpr int kProgressIntervalMs = 200;

} // namespace

MailboxRetrieval::MailboxRetrieval(Setup setup, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
    , m_reporter(m_setup.mailbox)
{
    m_report.mailbox = m_setup.mailbox.name;
    m_progress.mailbox = m_setup.mailbox.name;
    m_stopDeadline.setSingleShot(true);
    connect(&m_stopDeadline, &QTimer::timeout, this, &MailboxRetrieval::onStopDeadline);
}

MailboxRetrieval::~MailboxRetrieval()
{
    // The password leaves memory with the retrieval.
    m_setup.password.fill('\0');
}

bool MailboxRetrieval::deleting() const
{
    return !m_setup.mailbox.leaveOnServer;
}

void MailboxRetrieval::raise(EventId id, const QString &text, const QString &message)
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

void MailboxRetrieval::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    const MailboxSettings &mb = m_setup.mailbox;
    Channel *channel =
        m_setup.channelFactory ? m_setup.channelFactory() : new SocketChannel(TlsTrust {mb.caFile});
    m_session = new Pop3Session(channel, this);
    m_session->setTimeout(m_setup.timeoutMs);
    m_session->setTranscriptEnabled(m_setup.transcript);
    connect(m_session, &Pop3Session::greeted, this, &MailboxRetrieval::onGreeted);
    connect(m_session, &Pop3Session::failed, this, &MailboxRetrieval::onSessionFailed);
    connect(m_session, &Pop3Session::tlsEstablished, this, &MailboxRetrieval::sendCapa);
    connect(m_session, &Pop3Session::transcriptLine, this,
        [this](TranscriptDirection direction, const QByteArray &line) {
            Q_EMIT transcriptLine(m_setup.mailbox.name, direction, line);
        });

    m_state = State::Connecting;
    m_progress.phase = MailboxProgress::Phase::Connecting;
    reportProgress(true);
    raise(m_reporter.started());
    if (mb.security == Pop3Security::None)
        raise(m_reporter.plainTextLogin());
    m_session->open(mb.host, mb.port, mb.security == Pop3Security::Tls);
}

void MailboxRetrieval::onGreeted(const QByteArray &greeting)
{
    m_apopTimestamp = apopTimestamp(greeting);
    sendCapa();
}

// RFC 2449 §5; asked again after STLS, as RFC 2595 §4 requires.
void MailboxRetrieval::sendCapa()
{
    m_state = State::Capabilities;
    Pop3Session::Command c;
    c.line = "CAPA";
    c.multiLine = true;
    c.transcribeBody = true;
    c.onReply = [this](const Pop3Session::Reply &reply) { onCapa(reply); };
    m_session->send(std::move(c));
}

void MailboxRetrieval::onCapa(const Pop3Session::Reply &reply)
{
    // A server without CAPA is an RFC 1939 server: USER/PASS, no pipelining.
    m_caps = reply.status.ok ? parseCapabilities(reply.lines) : Capabilities {};
    const MailboxSettings &mb = m_setup.mailbox;
    if (mb.security != Pop3Security::StartTls || m_session->isEncrypted()) {
        authenticate();
        return;
    }
    // RFC 2595 §4: STLS. A server that does not offer it, or refuses it, ends the session;
    // the password is never sent in clear text instead.
    if (m_caps.known && !m_caps.stls) {
        failWith(m_reporter.startTlsMissing());
        return;
    }
    m_state = State::StartingTls;
    Pop3Session::Command c;
    c.line = "STLS";
    c.onReply = [this](const Pop3Session::Reply &reply) {
        if (!reply.status.ok) {
            failWith(m_reporter.startTlsRefused(reply.status));
            return;
        }
        m_session->startTls();
    };
    m_session->send(std::move(c));
}

// RFC 1939 §7 USER/PASS and APOP, RFC 5034 AUTH. Automatic picks the strongest mechanism the
// server offers: CRAM-MD5 never reveals the password, then PLAIN, LOGIN, USER/PASS.
void MailboxRetrieval::authenticate()
{
    m_state = State::Authenticating;
    m_progress.phase = MailboxProgress::Phase::LoggingIn;
    reportProgress(true);
    const MailboxSettings &mb = m_setup.mailbox;

    if (mb.leaveOnServer && m_caps.expireDays) {
        const int serverDays = *m_caps.expireDays;
        if (serverDays == 0 || mb.deleteAfterDays == 0 || mb.deleteAfterDays > serverDays) {
            raise(EventId::ExpirePolicyConflict,
                serverDays == 0
                    ? tr("%1 deletes messages as soon as they are retrieved (EXPIRE 0), but the "
                         "mailbox is set to leave them on the server.")
                          .arg(mb.host)
                    : tr("%1 deletes retrieved messages after %n day(s) (EXPIRE), sooner than "
                         "the mailbox is set to keep them.",
                        nullptr, serverDays)
                          .arg(mb.host));
        }
    }

    // RFC 2449 §6.8: a server that allows a login only every n seconds.
    if (m_caps.loginDelaySeconds && m_setup.intervalSeconds > 0
        && *m_caps.loginDelaySeconds > m_setup.intervalSeconds) {
        raise(EventId::LoginDelayLongerThanInterval,
            tr("%1 allows a login every %2 minute(s); the schedule retrieves every %3 minute(s).")
                .arg(mb.host)
                .arg((*m_caps.loginDelaySeconds + 59) / 60)
                .arg(m_setup.intervalSeconds / 60));
    }

    AuthMethod method = mb.auth;
    if (method == AuthMethod::Automatic) {
        if (m_caps.hasSasl("CRAM-MD5"))
            method = AuthMethod::CramMd5;
        else if (m_caps.hasSasl("PLAIN"))
            method = AuthMethod::Plain;
        else if (m_caps.hasSasl("LOGIN"))
            method = AuthMethod::Login;
        else
            method = AuthMethod::User;
    }
    const QByteArray user = mb.user.toUtf8();
    const QByteArray &password = m_setup.password;
    auto onReply = [this](const Pop3Session::Reply &reply) { onAuthReply(reply); };

    Pop3Session::Command c;
    c.onReply = onReply;
    switch (method) {
    case AuthMethod::Automatic:
    case AuthMethod::User: {
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
        break;
    }
    case AuthMethod::Apop:
        if (m_apopTimestamp.isEmpty()) {
            failWith(RetrievalReport::Outcome::Failed, EventId::AuthenticationFailed,
                tr("%1 does not offer APOP (its greeting has no timestamp); choose another "
                   "authentication method.")
                    .arg(mb.host));
            return;
        }
        c.line = "APOP " + user + ' ' + apopDigest(m_apopTimestamp, password);
        c.transcriptLine = "APOP " + user + " ********";
        break;
    case AuthMethod::Plain:
        c.line = "AUTH PLAIN";
        c.onContinuation = [this, user](
                               const QByteArray &) { return saslPlain(user, m_setup.password); };
        break;
    case AuthMethod::Login: {
        c.line = "AUTH LOGIN";
        auto step = std::make_shared<int>(0);
        c.onContinuation = [this, user, step](const QByteArray &) {
            return (*step)++ == 0 ? user.toBase64() : m_setup.password.toBase64();
        };
        break;
    }
    case AuthMethod::CramMd5:
        c.line = "AUTH CRAM-MD5";
        c.onContinuation = [this, user](const QByteArray &challenge) {
            return cramMd5Response(user, m_setup.password, challenge);
        };
        break;
    }
    m_session->send(std::move(c));
}

void MailboxRetrieval::onAuthReply(const Pop3Session::Reply &reply)
{
    if (!reply.status.ok) {
        failFromReply(EventId::AuthenticationFailed,
            tr("%1 refused the login of %2").arg(m_setup.mailbox.host, m_setup.mailbox.user),
            reply.status);
        return;
    }
    if (m_setup.probeOnly) {
        // RFC 1939 §5 STAT: the drop listing, all a connection test needs.
        m_state = State::Listing;
        Pop3Session::Command stat;
        stat.line = "STAT";
        stat.onReply = [this](const Pop3Session::Reply &reply) {
            if (!reply.status.ok) {
                failWith(m_reporter.statRefused(reply.status));
                return;
            }
            if (const std::optional<Drop> drop = parseStat(reply.status.text)) {
                m_report.onServer = drop->count;
                m_report.octetsOnServer = drop->octets;
            }
            quit();
        };
        m_session->send(std::move(stat));
        return;
    }
    // RFC 1939 §6 UIDL and §5 LIST, pipelined when the server allows it.
    m_state = State::Listing;
    m_progress.phase = MailboxProgress::Phase::Listing;
    reportProgress(true);
    m_session->setPipelining(m_caps.pipelining);
    m_listingsPending = 2;

    // Each line is parsed as it arrives into a compact listing; nothing is held as text.
    Pop3Session::Command uidl;
    uidl.line = "UIDL";
    uidl.multiLine = true;
    uidl.onLine = [this](QByteArrayView line) { return m_uids.add(line); };
    uidl.onReply = [this](const Pop3Session::Reply &reply) {
        m_haveUidl = reply.status.ok;
        m_uids.seal();
        if (--m_listingsPending == 0 && m_state == State::Listing)
            onListings();
    };
    m_session->send(std::move(uidl));

    Pop3Session::Command list;
    list.line = "LIST";
    list.multiLine = true;
    list.onLine = [this](QByteArrayView line) { return m_scan.add(line); };
    list.onReply = [this](const Pop3Session::Reply &reply) {
        if (!reply.status.ok) {
            failWith(m_reporter.listRefused(reply.status));
            return;
        }
        m_scan.seal();
        if (--m_listingsPending == 0 && m_state == State::Listing)
            onListings();
    };
    m_session->send(std::move(list));
}

void MailboxRetrieval::onListings()
{
    const MailboxSettings &mb = m_setup.mailbox;
    if (m_haveUidl) {
        // Only after a complete, valid listing may the ledger forget what the server no longer
        // has. What it keeps is what it knows and the server still lists.
        QSet<QByteArray> present;
        for (qsizetype i = 0; i < m_uids.size(); ++i) {
            const QByteArray uid = m_uids.uidAt(i).toByteArray();
            if (m_setup.ledger->contains(uid))
                present.insert(uid);
        }
        if (Status retained = m_setup.ledger->retainOnly(present); !retained) {
            failWith({RetrievalReport::Outcome::Failed, m_reporter.ledgerFailed(retained.error())});
            return;
        }
    } else {
        raise(m_reporter.noUniqueIds());
    }

    using Reason = RetrievalPlan::Reason;
    const RetrievalPlan plan = planRetrieval(m_scan, m_haveUidl ? &m_uids : nullptr,
        UidLedgerView(*m_setup.ledger), mb, QDateTime::currentSecsSinceEpoch());
    m_report.onServer = int(m_scan.entries().size());
    m_report.alreadyStored = int(plan.deletions.size()) + plan.count(Reason::Kept);
    m_report.tooLarge = plan.count(Reason::TooLarge) + plan.count(Reason::OversizedBefore);
    m_report.backlog = plan.count(Reason::Backlog);
    for (const RetrievalPlan::Left &l : plan.left) {
        const QByteArray uid =
            l.uidIndex >= 0 ? m_uids.uidAt(l.uidIndex).toByteArray() : QByteArray();
        if (const std::optional<Notice> notice = m_reporter.left(l, uid))
            raise(*notice);
    }
    for (const RetrievalPlan::Deletion &d : plan.deletions)
        sendDele(d.number, m_uids.uidAt(d.uidIndex).toByteArray(), d.spoolName);
    m_toRetrieve.assign(plan.retrievals.cbegin(), plan.retrievals.cend());
    m_progress.bytesTotal += plan.octetsToRetrieve();
    if (m_report.backlog > 0)
        raise(m_reporter.backlog(m_report.backlog));
    m_progress.messagesTotal = int(m_toRetrieve.size());
    m_progress.phase = MailboxProgress::Phase::Retrieving;
    reportProgress(true);
    m_state = State::Transferring;
    pumpRetrievals();
    advance();
}

void MailboxRetrieval::pumpRetrievals()
{
    const int maxInFlight = m_caps.pipelining ? kMaxRetrInFlight : 1;
    while (!m_toRetrieve.empty() && !m_stopRequested && m_storageError.isEmpty()
        && m_retrInFlight < maxInFlight
        && (m_retrInFlight == 0
            || m_retrBytesInFlight + m_toRetrieve.front().octets <= kMaxRetrBytesInFlight)) {
        const RetrievalPlan::Retrieval wanted = m_toRetrieve.front();
        m_toRetrieve.pop_front();
        const QByteArray uid =
            wanted.uidIndex >= 0 ? m_uids.uidAt(wanted.uidIndex).toByteArray() : QByteArray();
        auto message = std::make_shared<IncomingMessage>(
            m_setup.spool, wanted.number, wanted.octets, uid, m_setup.mailbox.messageLimitKb());
        ++m_retrInFlight;
        m_retrBytesInFlight += wanted.octets;

        // RFC 1939 §5 RETR: the body streams into the staged file as it arrives.
        Pop3Session::Command c;
        c.line = "RETR " + QByteArray::number(wanted.number);
        c.multiLine = true;
        IncomingMessage *raw = message.get();
        c.onData = [this, raw](QByteArrayView payload) { onRetrData(*raw, payload); };
        c.onReply = [this, message](
                        const Pop3Session::Reply &reply) { onRetrReply(message, reply); };
        m_session->send(std::move(c));
    }
}

void MailboxRetrieval::onRetrData(IncomingMessage &message, QByteArrayView payload)
{
    m_progress.bytesDone += payload.size();
    switch (message.take(payload)) {
    case IncomingMessage::Intake::WriteFailed:
        if (m_storageError.isEmpty())
            m_storageError = message.staged().error();
        [[fallthrough]];
    case IncomingMessage::Intake::Written:
        reportProgress();
        return;
    case IncomingMessage::Intake::Outgrown:
        onOutgrown(message);
        return;
    case IncomingMessage::Intake::Discarded:
        return;
    case IncomingMessage::Intake::Runaway:
        failWith(m_reporter.runaway(message.number()));
        return;
    }
}

// The server sends more than the limit, whatever LIST said: nothing more is stored, the
// message stays on the server, and its UIDL is remembered so that later cycles do not
// download it again (DESIGN.md "Download").
void MailboxRetrieval::onOutgrown(const IncomingMessage &message)
{
    const MailboxSettings &mb = m_setup.mailbox;
    const bool remembered = !message.uid().isEmpty();
    if (remembered) {
        const Status marked = m_setup.ledger->markOversized(
            message.uid(), QDateTime::currentSecsSinceEpoch(), mb.messageLimitKb());
        if (!marked && m_storageError.isEmpty())
            m_storageError = marked.error().message;
    }
    raise(m_reporter.outgrown(message.number(), message.listedOctets(), message.uid(), remembered));
}

void MailboxRetrieval::onRetrReply(
    std::shared_ptr<IncomingMessage> message, const Pop3Session::Reply &reply)
{
    --m_retrInFlight;
    m_retrBytesInFlight -= message->listedOctets();
    ++m_progress.messagesDone;
    const MailboxSettings &mb = m_setup.mailbox;

    if (message->isOversized()) {
        ++m_report.tooLarge; // read to its end and dropped; never deleted
    } else if (!reply.status.ok) {
        message->staged().discard();
        ++m_report.unavailable;
        raise(m_reporter.unavailable(message->number(), reply.status, message->uid()));
    } else if (!m_storageError.isEmpty() || message->staged().hasFailed()) {
        message->staged().discard();
    } else {
        if (message->uid().isEmpty()) {
            message->nameByDigest();
            if (const std::optional<UidLedger::Entry> stored =
                    m_setup.ledger->find(message->uid())) {
                message->staged().discard();
                ++m_report.alreadyStored;
                if (deleting())
                    sendDele(message->number(), message->uid(), stored->spoolName);
                pumpRetrievals();
                advance();
                return;
            }
        }
        MessageMetadata meta;
        meta.mailbox = mb.name;
        meta.server = mb.host;
        meta.user = mb.user;
        meta.uid = message->uid();
        meta.retrieved = QDateTime::currentDateTimeUtc();
        meta.size = message->staged().size();
        if (message->staged().finish(meta))
            submitForCommit(message);
        else if (m_storageError.isEmpty())
            m_storageError = message->staged().error();
    }
    reportProgress();
    pumpRetrievals();
    advance();
}

void MailboxRetrieval::submitForCommit(std::shared_ptr<IncomingMessage> message)
{
    ++m_commitsInFlight;
    StagedMessage &staged = message->staged();
    staged.release();
    CommitItem item {staged.name(), message->uid(), QDateTime::currentSecsSinceEpoch(),
        staged.size(), staged.metadataSize()};
    m_setup.committer->submit(m_setup.ledger, {item}, this,
        [this, message](const QString &error) { onCommitted({message}, error); });
}

void MailboxRetrieval::onCommitted(
    const QList<std::shared_ptr<IncomingMessage>> &messages, const QString &error)
{
    --m_commitsInFlight;
    if (!error.isEmpty()) {
        if (m_storageError.isEmpty())
            m_storageError = error;
    } else {
        for (const std::shared_ptr<IncomingMessage> &m : messages) {
            const StagedMessage &staged = m->staged();
            ++m_report.stored;
            m_report.bytes += staged.size();
            raise(m_reporter.stored(m->number(), staged.size(), staged.name(), m->uid()));
            // Durable in Incoming Mail and in the ledger: now, and only now, DELE.
            if (deleting())
                sendDele(m->number(), m->uid(), staged.name());
        }
    }
    advance();
}

// RFC 1939 §5 DELE: marks the message; the server removes it only when QUIT succeeds.
void MailboxRetrieval::sendDele(int number, const QByteArray &uid, const QString &spoolName)
{
    if (m_state != State::Listing && m_state != State::Transferring)
        return; // the session is gone; the ledger has the message, the next cycle deletes it
    Pop3Session::Command c;
    c.line = "DELE " + QByteArray::number(number);
    c.onReply = [this, number, uid, spoolName](const Pop3Session::Reply &reply) {
        if (reply.status.ok) {
            ++m_report.deleted;
            m_deleted.append(QString::fromLatin1(uid) + u' ' + spoolName);
            if (!m_haveUidl)
                m_deletedWithoutUidl.insert(uid);
        } else {
            raise(m_reporter.deleteRefused(number, reply.status, uid));
        }
    };
    m_session->send(std::move(c));
}

void MailboxRetrieval::advance()
{
    switch (m_state) {
    case State::Transferring: {
        const bool nothingLeft =
            m_toRetrieve.empty() || m_stopRequested || !m_storageError.isEmpty();
        if (nothingLeft && m_retrInFlight == 0 && m_commitsInFlight == 0) {
            if (!m_storageError.isEmpty()) {
                failWith(m_reporter.storageFailed(m_storageError));
                return;
            }
            quit();
        }
        break;
    }
    case State::Done:
        if (m_commitsInFlight == 0)
            finish();
        break;
    default:
        break;
    }
}

// RFC 1939 §6: QUIT ends the transaction; only its +OK makes the DELEs take effect.
void MailboxRetrieval::quit()
{
    m_state = State::Quitting;
    m_progress.phase = MailboxProgress::Phase::Finishing;
    reportProgress(true);
    Pop3Session::Command c;
    c.line = "QUIT";
    c.onReply = [this](const Pop3Session::Reply &reply) {
        if (reply.status.ok) {
            // RFC 1939 §6: the server has removed what was marked. Each of those is durable in
            // the spool (DELE follows the commit); the harness checks that promise.
            DurableFs::acknowledge(
                DurableFs::Acknowledgement::ServerDeleted, m_setup.mailbox.name, m_deleted);
            if (!m_deletedWithoutUidl.isEmpty()) {
                // Left in the ledger, a digest would take a later message with the same header
                // and size for this one, and delete it unread.
                if (Status forgotten = m_setup.ledger->remove(m_deletedWithoutUidl); !forgotten)
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
        m_state = State::Done;
        advance();
    };
    m_session->send(std::move(c));
}

void MailboxRetrieval::onSessionFailed(const SessionFailure &failure)
{
    if (m_state == State::Quitting) {
        raise(m_reporter.quitUnconfirmed(failure.detail));
        m_report.deleted = 0;
        m_state = State::Done;
        advance();
        return;
    }
    if (m_state == State::Done)
        return;
    failWith(m_reporter.sessionFailed(failure));
}

void MailboxRetrieval::failFromReply(
    EventId fallback, const QString &what, const StatusLine &status)
{
    failWith(m_reporter.refused(fallback, what, status));
}

void MailboxRetrieval::failWith(RetrievalReport::Outcome outcome, EventId id, const QString &text)
{
    failWith({outcome, {id, text}});
}

bool MailboxRetrieval::record(const Failure &failure)
{
    if (m_report.outcome != RetrievalReport::Outcome::Succeeded)
        return false;
    m_report.outcome = failure.outcome;
    m_report.failureId = failure.notice.id;
    m_report.failureText = failure.notice.text;
    return true;
}

void MailboxRetrieval::failWith(const Failure &failure)
{
    if (record(failure))
        raise(failure.notice);
    const bool talking = m_state == State::Capabilities || m_state == State::StartingTls
        || m_state == State::Authenticating || m_state == State::Listing
        || m_state == State::Transferring;
    if (failure.ending == Ending::Quit && talking && m_retrInFlight == 0) {
        quit();
        return;
    }
    if (m_session)
        m_session->abort();
    m_state = State::Done;
    advance();
}

void MailboxRetrieval::requestStop()
{
    Q_ASSERT(QThread::currentThread() == thread());
    const bool first = !m_stopRequested;
    m_stopRequested = true;
    if (m_state == State::Transferring || m_state == State::Quitting) {
        if (first)
            m_stopDeadline.start(m_setup.timeoutMs / 2);
        if (m_state == State::Transferring)
            advance();
    } else if (m_state != State::Done) {
        cancel();
    }
}

// A stop must end the retrieval within the timeout, whatever the server does: what is stored
// stays stored (the ledger has it, so the next cycle deletes it without downloading it).
void MailboxRetrieval::onStopDeadline()
{
    if (m_state == State::Done || m_finished)
        return;
    if (!m_stopDeadlinePassed && m_retrInFlight == 0) {
        // Only our own commits or the QUIT reply are awaited: a little longer.
        m_stopDeadlinePassed = true;
        m_stopDeadline.start(m_setup.timeoutMs / 4);
        return;
    }
    if (m_state == State::Quitting) {
        m_session->abort();
        raise(m_reporter.quitUnansweredAtStop());
        m_report.deleted = 0;
        m_state = State::Done;
        advance();
        return;
    }
    failWith(m_reporter.stoppedWhileArriving(m_retrInFlight));
}

void MailboxRetrieval::cancel()
{
    if (m_state == State::Done || m_finished)
        return;
    m_cancelled = true;
    m_stopRequested = true;
    failWith(m_reporter.cancelled());
}

void MailboxRetrieval::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_toRetrieve.clear();
    m_progress.phase = MailboxProgress::Phase::Done;
    reportProgress(true);
    if (m_report.outcome == RetrievalReport::Outcome::Succeeded)
        raise(m_reporter.finished(m_report));
    Q_EMIT finished(m_report);
}

} // namespace Pop3Connector
